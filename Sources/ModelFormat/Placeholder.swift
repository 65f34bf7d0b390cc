// Module ModelFormat.
