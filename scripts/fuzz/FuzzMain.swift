import Foundation

/// libFuzzer entry point: every input goes through the same oracle as the fuzz tests in the
/// suite (`Tests/FinModelTests/FuzzOracle.swift`, compiled into this harness by
/// `scripts/fuzz/run.sh`). A problem the oracle reports aborts, so libFuzzer saves the input as a
/// crash; a crash or a hang is caught by libFuzzer itself (`-timeout`).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  let outcome = FuzzOracle.run(bytes)
  if !outcome.problems.isEmpty {
    FileHandle.standardError.write(Data(("oracle: " + outcome.problems.joined(separator: "\n") + "\n").utf8))
    abort()
  }
  return 0
}
