/// What became of one push handed to ``Store``'s bounded save.
package enum PushSaving: Sendable, Equatable {
    /// Stored: a new entry, or an update of the sender's existing one.
    case saved
    /// Refused: it would have added a new entry past the bound on stored entries.
    case full
}
