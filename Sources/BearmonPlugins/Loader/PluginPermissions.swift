import BearmonSystem
import Glibc

/// Refuses plugin files and directories that someone other than bearmon or root could have
/// written, on the whole path: loading a shared object runs its code with the daemon's
/// rights, and whoever can write a directory on the way can swap what lies below it.
///
/// The rules, as sudo and OpenSSH apply them to their own files:
/// - every component (the file, its directory, each parent up to `/`) is owned by root or by
///   the user bearmon runs as;
/// - none is writable by every user, or by a group other than root's (gid 0) or bearmon's
///   own (the process's gid);
/// - except that a parent may be writable by others when it is sticky (`/tmp`, mode 1777):
///   there only an entry's owner (or root) can rename or remove it, and the entry below it
///   on the path is owned by root or bearmon (first rule), so nobody else can replace it.
///   The plugin file and the plugins directory themselves get no such exception.
enum PluginPermissions {
    /// Throws when `path` (a directory or file, symlinks resolved), or any directory above
    /// it, could be written by someone other than root or bearmon (see the rules above).
    static func check(_ path: String, isDirectory: Bool) throws(LoadRefusal) {
        let what = isDirectory ? "directory" : "file"
        let st = try status(of: path, what: what, for: path)
        if isDirectory, st.st_mode & S_IFMT != S_IFDIR {
            throw LoadRefusal(file: path, reason: "it is not a directory", fix: "point --plugins or [plugins] dir at the directory that holds the .so files")
        }
        try checkOwner(st, what: "the \(what)", path: path, for: path)
        try checkWriters(st, what: "the \(what)", path: path, for: path, stickyAllowed: false)
        var parent = path
        while parent != "/" {
            parent = parentDirectory(of: parent)
            let pst = try status(of: parent, what: "parent directory \(parent)", for: path)
            try checkOwner(pst, what: "its parent directory \(parent)", path: parent, for: path)
            try checkWriters(pst, what: "its parent directory \(parent)", path: parent, for: path, stickyAllowed: true)
        }
    }

    private static func status(of path: String, what: String, for subject: String) throws(LoadRefusal) -> stat {
        var st = stat()
        do { try syscall("stat") { stat(path, &st) } } catch {
            throw LoadRefusal(file: subject, reason: "cannot stat the \(what)", fix: "check the path and its permissions", cause: error)
        }
        return st
    }

    private static func checkOwner(_ st: stat, what: String, path: String, for subject: String) throws(LoadRefusal) {
        let me = geteuid()
        guard st.st_uid != 0, st.st_uid != me else { return }
        throw LoadRefusal(
            file: subject, reason: "\(what) is owned by uid \(st.st_uid), neither root nor the user bearmon runs as (uid \(me))",
            fix: "chown root \(path), or run bearmon as its owner"
        )
    }

    private static func checkWriters(_ st: stat, what: String, path: String, for subject: String, stickyAllowed: Bool) throws(LoadRefusal) {
        let mode = st.st_mode
        let sticky = stickyAllowed && mode & S_ISVTX != 0
        let fix = "chmod g-w,o-w \(path)"
        if mode & S_IWOTH != 0, !sticky {
            let tail = stickyAllowed ? " and not sticky, so any user can replace what it holds" : ""
            throw LoadRefusal(file: subject, reason: "\(what) is writable by every user (mode \(octal(mode & 0o7777)))\(tail)", fix: fix)
        }
        let myGroup = getegid()
        if mode & S_IWGRP != 0, st.st_gid != 0, st.st_gid != myGroup, !sticky {
            throw LoadRefusal(
                file: subject,
                reason: "\(what) is writable by group gid \(st.st_gid) (mode \(octal(mode & 0o7777))), neither root's group nor bearmon's own (gid \(myGroup))",
                fix: fix
            )
        }
    }

    /// `/a/b` for `/a/b/c`, `/` for `/a`; `path` is absolute (the loader resolves it first).
    private static func parentDirectory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return "/" }
        return String(path[..<slash])
    }

    private static func octal(_ mode: mode_t) -> String { "0" + String(mode, radix: 8) }
}
