import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Resident memory of this process, for the benchmark's bytes-per-formula-cell figures.
///
/// Peak comes from `getrusage` (`ru_maxrss`, kilobytes on Linux); the current figure from
/// `/proc/self/statm`. Writing `5` to `/proc/self/clear_refs` resets the kernel's high-water mark
/// (what `ru_maxrss` reports for a live process) to the current RSS, so one phase's peak can be
/// measured after an earlier, larger phase.
enum ProcessMemory {
  /// Peak resident set size so far (or since the last `resetPeak()`), in bytes.
  static var peakBytes: Int {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return usage.ru_maxrss * 1024
  }

  /// Current resident set size in bytes (0 when /proc is unavailable).
  static var currentBytes: Int {
    guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
    let fields = text.split(separator: " ")
    guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
    return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
  }

  /// Resets the peak to the current RSS; false when the kernel does not allow it.
  @discardableResult
  static func resetPeak() -> Bool {
    guard let handle = FileHandle(forWritingAtPath: "/proc/self/clear_refs") else { return false }
    defer { try? handle.close() }
    do {
      try handle.write(contentsOf: Data("5".utf8))
      return true
    } catch {
      return false
    }
  }

  static func megabytes(_ bytes: Int) -> Double { Double(bytes) / 1_048_576 }
}

/// Wall-clock and CPU time of the calling thread, read together.
///
/// The engine is single-threaded, so the thread's CPU time is its cost even when other processes
/// compete for the two cores (wall time then grows, CPU time much less).
struct Stopwatch {
  private let wall: ContinuousClock.Instant
  private let cpu: Double

  init() {
    wall = ContinuousClock.now
    cpu = Stopwatch.threadCPUSeconds()
  }

  /// (wall seconds, CPU seconds) since `init`.
  var elapsed: (wall: Double, cpu: Double) {
    let cpuNow = Stopwatch.threadCPUSeconds()
    return ((ContinuousClock.now - wall).seconds, cpuNow - cpu)
  }

  static func threadCPUSeconds() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
  }
}
