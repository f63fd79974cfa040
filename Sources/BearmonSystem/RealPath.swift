import Glibc

/// The canonical absolute path of `path`, with every symlink resolved, or nil when it does
/// not exist.
public func realPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
}
