/// A command that could not do its job: printed as one "Error: ..." line, exit status 1,
/// without the usage text ArgumentParser adds to argument errors.
struct CLIFailure: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) { self.description = description }
}
