import Yams

/// Yams's errors in one line each, with the line they concern: Yams's own descriptions span
/// several lines and quote the file.
enum YAMLErrorWords {
    /// The 1-based line `error` points at, if any.
    static func line(of error: YamlError, in text: String) -> Int? {
        switch error {
        case .reader(_, let offset?, _, _):
            return text.utf8.prefix(max(0, offset)).reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return mark.line
        case .duplicatedKeysInMapping(_, let context):
            return context.mark.line
        default:
            return nil
        }
    }

    /// What is wrong, and the fix where there is an obvious one.
    static func words(for error: YamlError) -> String {
        switch error {
        case .reader(let problem, _, _, _):
            return "not valid YAML text: \(problem)"
        case .scanner(let context, let problem, _, _), .parser(let context, let problem, _, _), .composer(let context, let problem, _, _):
            if problem.hasPrefix("Maximum nesting level") { return "the YAML nests deeper than 1000 levels; flatten it" }
            let during = context.map { " (\($0.text) at line \($0.mark.line))" } ?? ""
            return "not valid YAML: \(problem)\(during)"
        case .duplicatedKeysInMapping(let duplicates, _):
            let keys = duplicates.sorted().prefix(5).map { "'\(BodyReader.printable($0))'" }.joined(separator: ", ")
            return "the key \(keys) appears more than once in this mapping (first here); each name may appear once: rename or remove the repeat"
        default:
            return "cannot read the YAML: \(error)"
        }
    }
}
