import BearmonConfig
import Foundation

/// Where the MySQL password comes from when the DSN has none, so that it need not be in a
/// DSN on the command line (visible in `ps`) or in the config file: `[store] passwordFile`,
/// else the environment variable `BEARMON_DB_PASSWORD`. A password written in the DSN wins.
enum MySQLPassword {
    /// The environment variable read.
    static let environmentVariable = "BEARMON_DB_PASSWORD"
    /// The largest password file read; anything longer is not a password file.
    static let fileLimit = 4096

    /// The password from `[store] passwordFile` or the environment, or nil when neither is set.
    /// A password file must be readable by its owner only (like an ssh key): one that group or
    /// others may read is refused, since the secret has leaked already. One trailing line
    /// break is dropped.
    static func resolve(config: Config, environment: [String: String]) throws(StoreError) -> String? {
        if let path = config.string("store", "passwordFile") {
            return try read(path, config: config)
        }
        return environment[environmentVariable].flatMap { $0.isEmpty ? nil : $0 }
    }

    private static func read(_ path: String, config: Config) throws(StoreError) -> String {
        let subject = "\(config.file): [store] passwordFile \(path)"
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw .invalidLocation("\(subject) cannot be read: \(String(cString: strerror(errno))); create it with the MySQL password, chmod 600")
        }
        guard info.st_mode & S_IFMT == S_IFREG else { throw .invalidLocation("\(subject) is not a regular file; point it at a file holding the MySQL password") }
        guard info.st_mode & 0o077 == 0 else {
            throw .invalidLocation("\(subject) may be read by group or others (mode \(String(info.st_mode & 0o777, radix: 8))); run chmod 600 on it (and change the password if others could read it)")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .invalidLocation("\(subject) cannot be read: \(String(cString: strerror(errno))); make it readable by bearmon's user")
        }
        defer { try? handle.close() }
        let data = (try? handle.read(upToCount: fileLimit + 1)) ?? Data()
        guard data.count <= fileLimit else { throw .invalidLocation("\(subject) is longer than \(fileLimit) bytes; it should hold the password alone") }
        guard var text = String(data: data, encoding: .utf8) else { throw .invalidLocation("\(subject) is not UTF-8 text") }
        if text.hasSuffix("\n") { text.removeLast() }
        if text.hasSuffix("\r") { text.removeLast() }
        guard !text.isEmpty else { throw .invalidLocation("\(subject) is empty; write the MySQL password into it") }
        return text
    }
}
