/// Why a config-as-code file was refused: every problem found, each with the file and line it
/// concerns and what to do about it. Nothing was changed.
package struct ConfigAsCodeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// One thing wrong.
    package struct Problem: Sendable, Equatable, CustomStringConvertible {
        /// The 1-based line, or nil when the problem is not on one line (the stored catalog).
        package let line: Int?
        /// What is wrong and the fix.
        package let message: String

        /// A problem on `line`.
        package init(line: Int?, _ message: String) {
            self.line = line
            self.message = message
        }

        /// The message, after its line.
        package var description: String { line.map { "line \($0): \(message)" } ?? message }
    }

    /// The file, as named on the command line.
    package let file: String
    /// Everything wrong, in file order.
    package let problems: [Problem]

    /// A refusal of `file`.
    package init(file: String, problems: [Problem]) {
        self.file = file
        self.problems = problems
    }

    /// A refusal of `file` for one reason.
    package init(file: String, line: Int?, _ message: String) {
        self.init(file: file, problems: [Problem(line: line, message)])
    }

    /// How many problems ``description`` lists; a file broken throughout would bury the first ones.
    package static let shownProblems = 50

    /// "FILE:LINE: message" lines (the first ``shownProblems``), then that nothing was changed.
    package var description: String {
        var lines = problems.prefix(Self.shownProblems).map { problem in problem.line.map { "\(file):\($0): \(problem.message)" } ?? "\(file): \(problem.message)" }
        if problems.count > Self.shownProblems { lines.append("\(file): and \(problems.count - Self.shownProblems) more problems") }
        return lines.joined(separator: "\n") + "\nnothing was changed"
    }
}
