import Foundation

/// A command that could not do its job: printed as one "Error: ..." line, exit status 1,
/// without the usage text ArgumentParser adds to argument errors.
struct CLIFailure: Error, CustomStringConvertible {
    /// The line printed after "Error: ".
    let description: String
    /// The error that made the command fail, when another error did; its words end ``description``.
    let underlying: (any Error)?

    /// A failure with no other error behind it.
    init(_ description: String) {
        self.description = description
        underlying = nil
    }

    /// A failure caused by `cause`: its own words, after `context` ("--addr: ...") when given.
    init(_ context: String? = nil, cause: any Error) {
        let words = Self.words(for: cause)
        description = context.map { "\($0): \(words)" } ?? words
        underlying = cause
    }

    /// What `error` says is wrong: bearmon's errors say it in their `description`; Foundation's
    /// (URLError, CocoaError) print as NSError dumps, so theirs is the localized description.
    static func words(for error: any Error) -> String {
        if error is any CustomNSError { return error.localizedDescription }
        return String(describing: error)
    }
}
