import BearmonSystem
import Foundation
import Logging

/// Keeps the database file private to bearmon's user: it holds check data, secrets included.
/// SQLite gives the `-wal` and `-shm` files it creates the mode of the database file, exactly
/// (it fchmods them, so the umask does not matter), so making the main file 0600 makes all
/// three 0600.
enum SQLiteFileMode {
    /// The mode of the database and its WAL and shared-memory files.
    static let mode: mode_t = 0o600

    /// Creates `path` 0600 if it does not exist, whatever the umask; an existing file (and its
    /// `-wal` and `-shm`) that group or others can read is narrowed to 0600, with a warning.
    static func prepare(path: String, logger: Logger) throws {
        // In-memory and temporary databases have no file to protect.
        guard !path.isEmpty, path != ":memory:" else { return }
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, mode)
        if fd >= 0 {
            defer { close(fd) }
            try syscall("fchmod(\(path))") { fchmod(fd, mode) }
            return
        }
        // Any other failure (a missing directory, no permission) is SQLite's to report, with
        // its own error, when it opens the file next.
        guard errno == EEXIST else { return }
        for file in [path, path + "-wal", path + "-shm"] {
            var info = stat()
            guard stat(file, &info) == 0, info.st_mode & 0o077 != 0 else { continue }
            let shown = String(info.st_mode & 0o777, radix: 8)
            do {
                try syscall("chmod(\(file))") { chmod(file, mode) }
                logger.warning("\(file) was readable by others (mode \(shown)); narrowed it to 0600, since it holds check data and secrets")
            } catch {
                logger.warning("\(file) is readable by others (mode \(shown)) and could not be narrowed to 0600 (\(error)); run chmod 600 on it, since it holds check data and secrets")
            }
        }
    }
}
