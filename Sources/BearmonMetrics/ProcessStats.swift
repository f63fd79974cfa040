import Foundation
import Glibc

/// The process's own figures as Prometheus's `process_*` series name them, read from `/proc`
/// (swift-prometheus has no process collector). A figure that cannot be read is nil and its
/// series is left out rather than shown as 0.
package struct ProcessStats: Sendable, Equatable {
    /// User and system CPU time, in seconds.
    package var cpuSeconds: Double?
    /// Resident set size, in bytes.
    package var residentBytes: Double?
    /// Virtual memory size, in bytes.
    package var virtualBytes: Double?
    /// Open file descriptors.
    package var openFDs: Double?
    /// The soft limit on open file descriptors.
    package var maxFDs: Double?
    /// When the process started, unix seconds.
    package var startTime: Double?

    /// The figures of this process now.
    package static func current() -> ProcessStats {
        var stats = ProcessStats()
        let ticks = Double(sysconf(Int32(_SC_CLK_TCK)))
        let page = Double(sysconf(Int32(_SC_PAGESIZE)))
        if let stat = read("/proc/self/stat"), let fields = statFields(stat), ticks > 0 {
            // Fields as proc(5) numbers them: 14 utime, 15 stime, 22 starttime, 23 vsize, 24 rss.
            func number(_ field: Int) -> Double? { fields[field].flatMap { Double($0) } }
            if let user = number(14), let system = number(15) { stats.cpuSeconds = (user + system) / ticks }
            stats.virtualBytes = number(23)
            if let rss = number(24) { stats.residentBytes = rss * page }
            if let started = number(22), let boot = bootTime() { stats.startTime = boot + started / ticks }
        }
        if let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd") {
            // The listing itself holds one descriptor open while it reads.
            stats.openFDs = Double(max(0, entries.count - 1))
        }
        stats.maxFDs = read("/proc/self/limits").flatMap(maxOpenFiles)
        return stats
    }

    /// `/proc/PID/stat`'s fields keyed by proc(5)'s numbering (1 is the pid). The command name
    /// (field 2) is in parentheses and may hold spaces and parentheses itself, so the fields
    /// after it are counted from its last `)`.
    static func statFields(_ text: String) -> [Int: Substring]? {
        guard let close = text.lastIndex(of: ")") else { return nil }
        let rest = text[text.index(after: close)...].split(separator: " ", omittingEmptySubsequences: true)
        var fields: [Int: Substring] = [:]
        for (offset, field) in rest.enumerated() { fields[3 + offset] = field }
        return fields.count >= 22 ? fields : nil
    }

    /// The soft "Max open files" limit in `/proc/self/limits`; nil when unlimited or unreadable.
    static func maxOpenFiles(_ limits: String) -> Double? {
        guard let line = limits.split(separator: "\n").first(where: { $0.hasPrefix("Max open files") }) else { return nil }
        let columns = line.dropFirst("Max open files".count).split(separator: " ", omittingEmptySubsequences: true)
        return columns.first.flatMap { Double($0) }
    }

    /// `btime` in `/proc/stat`: when the machine booted, unix seconds.
    private static func bootTime() -> Double? {
        read("/proc/stat")?.split(separator: "\n").first { $0.hasPrefix("btime ") }.flatMap { Double($0.dropFirst("btime ".count)) }
    }

    private static func read(_ path: String) -> String? {
        (try? Data(contentsOf: URL(fileURLWithPath: path))).map { String(decoding: $0, as: UTF8.self) }
    }
}
