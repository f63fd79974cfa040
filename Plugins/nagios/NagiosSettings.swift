import BearmonSystem
import Glibc
import PluginKit

/// The `[nagios]` section: which commands may run, and as whom. Read per call, so a SIGHUP'd
/// config applies to the next run.
struct NagiosSettings {
    /// Where commands may live, default Debian's monitoring-plugins directory.
    static let defaultDirectories = ["/usr/lib/nagios/plugins"]
    /// Whom commands run as when bearmon runs as root.
    static let defaultUser = "nobody"

    /// `[nagios] dirs`.
    let directories: [String]
    /// `[nagios] commands`, or empty for any command in the directories.
    let commands: [String]
    /// `[nagios] user`.
    let user: String

    /// The settings `call` sees in its module's config section.
    init(_ call: Call) {
        directories = Self.list(call.config("dirs")) ?? Self.defaultDirectories
        commands = Self.list(call.config("commands")) ?? []
        user = call.config("user").map { $0.trimmingCharacters(in: " \t") }.flatMap { $0.isEmpty ? nil : $0 } ?? Self.defaultUser
    }

    /// Comma- or space-separated entries; nil when unset or empty.
    private static func list(_ text: String?) -> [String]? {
        guard let text else { return nil }
        let entries = text.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\t" }).map(String.init)
        return entries.isEmpty ? nil : entries
    }

    /// The resolved path of `command` when the settings allow it, else why not, naming the
    /// setting that refuses it.
    func resolve(_ command: String) -> Result<String, NagiosRefusal> {
        let dirs = directories.joined(separator: ", ")
        guard command.hasPrefix("/") else {
            return .failure(NagiosRefusal("command '\(command)' is not an absolute path; give the full path of a plugin under [nagios] dirs (\(dirs))"))
        }
        guard !command.split(separator: "/").contains(where: { $0 == ".." || $0 == "." }) else {
            return .failure(NagiosRefusal("command '\(command)' contains '.' or '..'; give the plain path of a plugin under [nagios] dirs (\(dirs))"))
        }
        if !commands.isEmpty {
            let name = String(command.split(separator: "/").last ?? "")
            guard commands.contains(where: { $0 == command || $0 == name }) else {
                return .failure(NagiosRefusal("command '\(command)' is not listed in [nagios] commands (\(commands.joined(separator: ", "))); add it there to allow it"))
            }
        }
        guard let resolved = realPath(command) else {
            return .failure(NagiosRefusal("command '\(command)' does not exist (or a directory on its path cannot be read); install it under [nagios] dirs (\(dirs))"))
        }
        let allowed = directories.compactMap(realPath)
        guard allowed.contains(where: { resolved.hasPrefix($0.hasSuffix("/") ? $0 : $0 + "/") }) else {
            let via = resolved == command ? "" : " (it resolves to \(resolved))"
            return .failure(NagiosRefusal("command '\(command)'\(via) is not under [nagios] dirs (\(dirs)); put it there or add its directory to [nagios] dirs"))
        }
        var info = stat()
        guard stat(resolved, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            return .failure(NagiosRefusal("command '\(command)' is not a regular file; [nagios] dirs (\(dirs)) must hold the plugin itself"))
        }
        guard info.st_mode & 0o111 != 0 else {
            return .failure(NagiosRefusal("command '\(command)' is not executable (mode \(String(info.st_mode & 0o7777, radix: 8))); chmod +x it in [nagios] dirs"))
        }
        return .success(resolved)
    }
}

/// Why a command may not run; the message names the setting.
struct NagiosRefusal: Error {
    let message: String
    init(_ message: String) { self.message = message }
}

extension String {
    /// The string without leading and trailing characters from `set`.
    func trimmingCharacters(in set: String) -> String {
        let characters = Set(set)
        guard let first = firstIndex(where: { !characters.contains($0) }) else { return "" }
        let last = lastIndex(where: { !characters.contains($0) })!
        return String(self[first...last])
    }
}
