print("finmodel")
