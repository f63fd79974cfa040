import Foundation

/// Files the fixture servers write, one JSON object a line.
enum JSONLines {
    /// The objects in the file at `path`, in order; none when it is missing or nil.
    static func read(_ path: String?) -> [[String: Any]] {
        guard let path, let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
    }
}
