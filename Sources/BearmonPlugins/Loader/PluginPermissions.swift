import BearmonSystem
import Glibc

/// Refuses plugin files and directories that someone other than their owner could have
/// written: loading a shared object runs its code with the daemon's rights.
enum PluginPermissions {
    /// Throws when `path` (a directory or file) is writable by others or owned by a user
    /// other than root or the user bearmon runs as.
    static func check(_ path: String, isDirectory: Bool) throws(LoadRefusal) {
        let what = isDirectory ? "directory" : "file"
        var st = stat()
        do { try syscall("stat") { stat(path, &st) } } catch {
            throw LoadRefusal(file: path, reason: "cannot stat the \(what)", fix: "check the path and its permissions", cause: error)
        }
        let mode = st.st_mode
        if isDirectory, mode & S_IFMT != S_IFDIR {
            throw LoadRefusal(file: path, reason: "it is not a directory", fix: "point --plugins or [plugins] dir at the directory that holds the .so files")
        }
        if mode & S_IWOTH != 0 {
            throw LoadRefusal(
                file: path, reason: "the \(what) is writable by every user (mode \(octal(mode & 0o7777)))",
                fix: "chmod o-w \(path)"
            )
        }
        let me = geteuid()
        if st.st_uid != 0 && st.st_uid != me {
            throw LoadRefusal(
                file: path, reason: "the \(what) is owned by uid \(st.st_uid), neither root nor the user bearmon runs as (uid \(me))",
                fix: "chown root \(path), or run bearmon as its owner"
            )
        }
    }

    private static func octal(_ mode: mode_t) -> String { "0" + String(mode, radix: 8) }
}
