import Glibc

/// A C string owned by Swift: allocated once, freed when the owner goes away. Used for every
/// string the host lends a plugin, so that "borrowed until the call ends" is simply "alive as
/// long as the call's context".
final class CString: @unchecked Sendable {
    // @unchecked: a raw C pointer, written once by strdup and only read after that.
    let pointer: UnsafeMutablePointer<CChar>

    init(_ text: String) { pointer = strdup(text)! }

    deinit { free(pointer) }

    var constPointer: UnsafePointer<CChar> { UnsafePointer(pointer) }
}
