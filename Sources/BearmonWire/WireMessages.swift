package import BearmonCore

/// What the viewserver sends each controller candidate about once a second: the current
/// grant. Receiving it is how a candidate learns that it holds the view, and renews its lease.
package struct PingRequest: Codable, Sendable, Equatable {
    /// The view number granted.
    package var view: Int64
    /// The granted controller's address (host:port), or "" when none is granted yet.
    package var controller: String
    /// How long the grant lasts from when the candidate receives this, in milliseconds.
    package var leaseMs: Int64
    /// The address the viewserver reached this candidate at: when it equals `controller`,
    /// the grant is this candidate's.
    package var you: String

    /// A value from its parts.
    package init(view: Int64, controller: String, leaseMs: Int64, you: String) {
        self.view = view
        self.controller = controller
        self.leaseMs = leaseMs
        self.you = you
    }

    /// Decodes a ping, its numbers range-checked (``WireRange``).
    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        view = try container.decode(Int64.self, forKey: .view, in: WireRange.view)
        controller = try container.decode(String.self, forKey: .controller)
        leaseMs = try container.decode(Int64.self, forKey: .leaseMs, in: WireRange.leaseMilliseconds)
        you = try container.decode(String.self, forKey: .you)
    }
}

/// A candidate's answer to a ping.
package struct PingReply: Codable, Sendable, Equatable {
    /// The candidate's node name.
    package var node: String
    /// Its controller address, as the viewserver should hand it to workers.
    package var address: String
    /// How long the process has been up, in milliseconds (gobearmon picks the longest).
    package var uptimeMs: Int64
    /// The highest view number it has seen, from pings or from the database.
    package var highestView: Int64
    /// The view it holds now (its lease still running), if any.
    package var holding: Int64?

    /// A value from its parts.
    package init(node: String, address: String, uptimeMs: Int64, highestView: Int64, holding: Int64? = nil) {
        self.node = node
        self.address = address
        self.uptimeMs = uptimeMs
        self.highestView = highestView
        self.holding = holding
    }

    /// Decodes a ping reply, its numbers range-checked (``WireRange``): a view near
    /// `Int64.max` would overflow the viewserver's next grant.
    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        node = try container.decode(String.self, forKey: .node)
        address = try container.decode(String.self, forKey: .address)
        uptimeMs = try container.decode(Int64.self, forKey: .uptimeMs, in: WireRange.uptimeMilliseconds)
        highestView = try container.decode(Int64.self, forKey: .highestView, in: WireRange.view)
        holding = try container.decodeIfPresent(Int64.self, forKey: .holding, in: WireRange.view)
    }
}

/// The viewserver's answer to "who is the controller?".
package struct ViewReply: Codable, Sendable, Equatable {
    /// The view number; it never goes back.
    package var view: Int64
    /// The active controller's address (host:port), or nil while none is granted.
    package var controller: String?

    /// A value from its parts.
    package init(view: Int64, controller: String? = nil) {
        self.view = view
        self.controller = controller
    }

    /// Decodes the viewserver's answer, its view range-checked (``WireRange``).
    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        view = try container.decode(Int64.self, forKey: .view, in: WireRange.view)
        controller = try container.decodeIfPresent(String.self, forKey: .controller)
    }
}

/// A worker's request to the controller: results so far, and room for more work.
package struct ExchangeRequest: Codable, Sendable, Equatable {
    /// The worker's node name.
    package var worker: String
    /// The view the worker believes in; a controller not holding it refuses.
    package var view: Int64
    /// Finished runs.
    package var results: [WorkerResult]
    /// How many new assignments it can take.
    package var capacity: Int
    /// How long the controller may hold the request open when nothing is due.
    package var waitMs: Int64

    /// A value from its parts.
    package init(worker: String, view: Int64, results: [WorkerResult], capacity: Int, waitMs: Int64) {
        self.worker = worker
        self.view = view
        self.results = results
        self.capacity = capacity
        self.waitMs = waitMs
    }

    /// Decodes a worker's request, its numbers range-checked (``WireRange``).
    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        worker = try container.decode(String.self, forKey: .worker)
        view = try container.decode(Int64.self, forKey: .view, in: WireRange.view)
        results = try container.decode([WorkerResult].self, forKey: .results)
        capacity = try container.decode(Int.self, forKey: .capacity, in: WireRange.capacity)
        waitMs = try container.decode(Int64.self, forKey: .waitMs, in: WireRange.waitMilliseconds)
    }
}

/// The controller's answer.
package struct ExchangeReply: Codable, Sendable, Equatable {
    /// The view the controller holds.
    package var view: Int64
    /// New work.
    package var assignments: [Assignment]

    /// A value from its parts.
    package init(view: Int64, assignments: [Assignment]) {
        self.view = view
        self.assignments = assignments
    }

    /// Decodes the controller's answer, its view range-checked (``WireRange``).
    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        view = try container.decode(Int64.self, forKey: .view, in: WireRange.view)
        assignments = try container.decode([Assignment].self, forKey: .assignments)
    }
}

/// A refusal every endpoint may answer with.
package struct WireError: Codable, Sendable, Equatable, Error, CustomStringConvertible {
    /// What went wrong.
    package var error: String
    /// For 409 answers: the view the controller holds, if any.
    package var view: Int64?

    /// A value from its parts.
    package init(error: String, view: Int64? = nil) {
        self.error = error
        self.view = view
    }

    /// Decodes a refusal, its view range-checked (``WireRange``).
    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        error = try container.decode(String.self, forKey: .error)
        view = try container.decodeIfPresent(Int64.self, forKey: .view, in: WireRange.view)
    }

    /// The message.
    package var description: String { error }
}

/// A node's question to the controller: where these checks stand in their rounds.
package struct RoundsRequest: Codable, Sendable, Equatable {
    /// The most checks one request may ask about.
    package static let limit = 500
    /// The checks, at most ``limit``.
    package var checkIDs: [Int64]

    /// `checkIds`, so that the wire's snake-case coders carry it both ways (`check_ids`).
    enum CodingKeys: String, CodingKey {
        case checkIDs = "checkIds"
    }

    /// A value from its parts.
    package init(checkIDs: [Int64]) { self.checkIDs = checkIDs }

    /// Decodes a request, refusing more than ``limit`` ids.
    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let ids = try container.decode([Int64].self, forKey: .checkIDs)
        guard ids.count <= Self.limit else {
            throw DecodingError.dataCorruptedError(forKey: .checkIDs, in: container, debugDescription: "at most \(Self.limit) check ids, got \(ids.count)")
        }
        checkIDs = ids
    }
}

/// The controller's answer: the rounds of the checks it runs, under its view.
package struct RoundsReply: Codable, Sendable, Equatable {
    /// The view the controller holds.
    package var view: Int64
    /// One entry per asked check it runs (checks it does not run are absent).
    package var rounds: [CheckRound]

    /// A value from its parts.
    package init(view: Int64, rounds: [CheckRound]) {
        self.view = view
        self.rounds = rounds
    }
}
