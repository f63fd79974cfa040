import Foundation
import Glibc

/// Finds processes by a marker string in their command line, by scanning /proc: how the
/// nagios tests tell that no descendant of a command survived. Each test uses its own
/// marker, so parallel tests never see each other's processes.
enum ProcessMarker {
    /// A fresh marker, unique to one test.
    static func make() -> String { "bearmon-marker-\(UUID().uuidString.prefix(8).lowercased())" }

    /// The PIDs of live (not zombie) processes whose command line holds `marker`.
    static func pids(_ marker: String) -> [pid_t] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { name -> pid_t? in
            guard let pid = pid_t(name), pid != getpid(),
                  let cmdline = FileManager.default.contents(atPath: "/proc/\(name)/cmdline"),
                  String(decoding: cmdline, as: UTF8.self).contains(marker),
                  let stat = try? String(contentsOfFile: "/proc/\(name)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")"),
                  !stat[close...].hasPrefix(") Z") else { return nil }
            return pid
        }
    }

    /// SIGKILLs what `pids` found, by PID (cleanup after a failed expectation).
    static func kill(_ marker: String) {
        for pid in pids(marker) { _ = Glibc.kill(pid, SIGKILL) }
    }
}
