package import BearmonCore

/// What `apply` would do: the changes for ``Store/applyCatalog(_:)`` (one transaction) and a
/// line for each, secrets masked, to print before applying.
package struct CatalogPlan: Sendable, Equatable {
    /// What a line of the plan reports.
    package enum Action: String, Sendable {
        /// A row to add.
        case add = "+"
        /// A row to change.
        case change = "~"
        /// A row to delete (with --prune).
        case delete = "-"
        /// A row the file lost, kept because --prune was not given.
        case keep = "!"
    }

    /// One line of the plan.
    package struct Line: Sendable, Equatable, CustomStringConvertible {
        /// What happens.
        package let action: Action
        /// To what, secrets masked.
        package let text: String

        /// "+ check web (http) ...".
        package var description: String {
            action == .keep ? "! \(text): not in the file, kept (--prune deletes it)" : "\(action.rawValue) \(text)"
        }
    }

    /// The changes, in the order they apply.
    package var changes: [CatalogChange] = []
    /// The lines to print.
    package var lines: [Line] = []

    /// How many lines report `action`.
    package func count(_ action: Action) -> Int { lines.count { $0.action == action } }

    /// Whether applying would change nothing.
    package var isEmpty: Bool { changes.isEmpty }

    /// "2 to add, 1 to change, 0 to delete", and how many rows the file lost were kept.
    package var summary: String {
        var text = "\(count(.add)) to add, \(count(.change)) to change, \(count(.delete)) to delete"
        let kept = count(.keep)
        if kept > 0 { text += "; \(kept) not in the file, kept (--prune deletes \(kept == 1 ? "it" : "them"))" }
        return text
    }
}
