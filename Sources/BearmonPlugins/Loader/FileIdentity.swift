import BearmonSystem
import Glibc

/// What identifies a file's contents cheaply: a replaced or rewritten file changes one of these.
struct FileIdentity: Equatable, Sendable {
    let device: UInt64
    let inode: UInt64
    let size: Int64
    let modified: Int

    init(_ st: stat) {
        device = UInt64(st.st_dev)
        inode = UInt64(st.st_ino)
        size = Int64(st.st_size)
        modified = Int(st.st_mtim.tv_sec) * 1_000_000_000 + Int(st.st_mtim.tv_nsec)
    }

    static func of(_ path: String) throws -> (FileIdentity, stat) {
        var st = stat()
        try syscall("stat") { stat(path, &st) }
        return (FileIdentity(st), st)
    }
}
