import BearmonSystem
import Foundation
import Glibc

/// The bearmon binary and the icmp plugin where an unprivileged user (uid 65534) can run
/// them: the build directory itself when every directory on the way is world-searchable and
/// the files world-readable, else root-owned copies in a fresh temporary directory.
struct UnprivilegedCopy {
    /// The bearmon binary to run.
    let bearmon: String
    /// Holds the copies, when they were needed; removed with this value.
    private let directory: TempDirectory?

    init() throws {
        let products = realPath(TestPaths.products) ?? TestPaths.products
        let needed = [products + "/bearmon", products + "/libbearmon-icmp.so"]
        if needed.allSatisfy(Self.worldReadable) {
            bearmon = needed[0]
            directory = nil
            return
        }
        let copy = try TempDirectory("bearmon-nobody")
        for file in needed {
            let target = copy.file(URL(fileURLWithPath: file).lastPathComponent)
            try FileManager.default.copyItem(atPath: file, toPath: target)
            chmod(target, 0o755)
        }
        bearmon = copy.file("bearmon")
        directory = copy
    }

    /// Whether others may read `file` and search every directory above it.
    private static func worldReadable(_ file: String) -> Bool {
        guard mode(of: file).map({ $0 & S_IROTH != 0 }) == true else { return false }
        var directory = URL(fileURLWithPath: file).deletingLastPathComponent()
        while directory.path != "/" {
            guard mode(of: directory.path).map({ $0 & S_IXOTH != 0 }) == true else { return false }
            directory.deleteLastPathComponent()
        }
        return true
    }

    private static func mode(of path: String) -> mode_t? {
        var st = stat()
        return stat(path, &st) == 0 ? st.st_mode : nil
    }
}
