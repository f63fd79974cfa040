/// What the viewserver sends each controller candidate about once a second: the current
/// grant. Receiving it is how a candidate learns that it holds the view, and renews its lease.
public struct PingRequest: Codable, Sendable, Equatable {
    /// The view number granted.
    public var view: Int64
    /// The granted controller's address (host:port), or "" when none is granted yet.
    public var controller: String
    /// How long the grant lasts from when the candidate receives this, in milliseconds.
    public var leaseMs: Int64
    /// The address the viewserver reached this candidate at: when it equals `controller`,
    /// the grant is this candidate's.
    public var you: String
}

/// A candidate's answer to a ping.
public struct PingReply: Codable, Sendable, Equatable {
    /// The candidate's node name.
    public var node: String
    /// Its controller address, as the viewserver should hand it to workers.
    public var address: String
    /// How long the process has been up, in milliseconds (gobearmon picks the longest).
    public var uptimeMs: Int64
    /// The highest view number it has seen, from pings or from the database.
    public var highestView: Int64
    /// The view it holds now (its lease still running), if any.
    public var holding: Int64?
}

/// The viewserver's answer to "who is the controller?".
public struct ViewReply: Codable, Sendable, Equatable {
    /// The view number; it never goes back.
    public var view: Int64
    /// The active controller's address (host:port), or nil while none is granted.
    public var controller: String?
}

/// A worker's request to the controller: results so far, and room for more work.
public struct ExchangeRequest: Codable, Sendable, Equatable {
    /// The worker's node name.
    public var worker: String
    /// The view the worker believes in; a controller not holding it refuses.
    public var view: Int64
    /// Finished runs.
    public var results: [WorkerResult]
    /// How many new assignments it can take.
    public var capacity: Int
    /// How long the controller may hold the request open when nothing is due.
    public var waitMs: Int64
}

/// The controller's answer.
public struct ExchangeReply: Codable, Sendable, Equatable {
    /// The view the controller holds.
    public var view: Int64
    /// New work.
    public var assignments: [Assignment]
}

/// A refusal every endpoint may answer with.
public struct WireError: Codable, Sendable, Equatable, Error, CustomStringConvertible {
    /// What went wrong.
    public var error: String
    /// For 409 answers: the view the controller holds, if any.
    public var view: Int64?

    /// The message.
    public var description: String { error }
}
