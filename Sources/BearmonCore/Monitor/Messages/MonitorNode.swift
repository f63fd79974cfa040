/// One instance of a service, as go-micro's registry describes it; `id` names it.
package struct MonitorNode: Codable, Sendable, Equatable {
    /// The node's id, unique per instance.
    package var id: String
    /// Where it listens, if it said.
    package var address: String?
    /// Its port, if it said.
    package var port: Int64?
    /// Free-form labels, if any.
    package var metadata: [String: String]?

    /// A node named `id`.
    package init(id: String, address: String? = nil, port: Int64? = nil, metadata: [String: String]? = nil) {
        self.id = id
        self.address = address
        self.port = port
        self.metadata = metadata
    }

    /// Reads camelCase or snake_case keys (see ``MonitorKey``).
    package init(from decoder: Decoder) throws {
        let fields = try decoder.container(keyedBy: MonitorKey.self)
        id = try fields.string("id") ?? ""
        address = try fields.string("address")
        port = try fields.integer("port")
        metadata = try fields.stringMap("metadata")
    }
}
