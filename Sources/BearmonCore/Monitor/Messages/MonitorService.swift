/// The service a message comes from. Newer go-micro clients name the node in `nodes[0].id`;
/// older ones (monitor-srv's README) send `id` and no `nodes`. Answers keep the shape that
/// was pushed.
package struct MonitorService: Codable, Sendable, Equatable {
    /// The service's name, for example "go.micro.srv.greeter".
    package var name: String?
    /// Its version.
    package var version: String?
    /// The node's id, in older messages.
    package var id: String?
    /// The node (newer messages); the first one is the sender.
    package var nodes: [MonitorNode]?

    /// A service in the newer shape.
    package init(name: String?, version: String?, id: String? = nil, nodes: [MonitorNode]? = nil) {
        self.name = name
        self.version = version
        self.id = id
        self.nodes = nodes
    }

    /// Reads camelCase or snake_case keys (see ``MonitorKey``).
    package init(from decoder: Decoder) throws {
        let fields = try decoder.container(keyedBy: MonitorKey.self)
        name = try fields.string("name")
        version = try fields.string("version")
        id = try fields.string("id")
        nodes = try fields.message("nodes")
    }

    /// The sending node's id: `nodes[0].id`, or `id` in older messages; nil when neither
    /// names one.
    package var nodeID: String? {
        let found = nodes?.first.map(\.id) ?? id
        return found?.isEmpty == false ? found : nil
    }

    /// The sending node as an entry of a ``MonitorService`` list of nodes.
    package var sender: MonitorNode? { nodes?.first ?? nodeID.map { MonitorNode(id: $0) } }
}
