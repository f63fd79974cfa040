import BearmonCore
import BearmonMonitor
import BearmonWire
package import Foundation
package import Hummingbird


/// The one way a node answers with JSON: `value` encoded by the encoder of the API it
/// belongs to (``WireJSON`` for bearmon's own, ``MonitorJSON`` for monitor-srv's). Refusals
/// come here too, through ``NodeHTTPError``.
package enum JSONResponse {
    /// A response carrying `value` as JSON encoded by `encoder`.
    package static func make<T: Encodable>(_ value: T, encoder: JSONEncoder, status: HTTPResponse.Status = .ok) throws -> Response {
        let data = try encoder.encode(value)
        return Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

extension WireJSON {
    /// A response carrying `value` as bearmon's JSON.
    package static func response<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) throws -> Response {
        try JSONResponse.make(value, encoder: encoder, status: status)
    }
}

extension MonitorJSON {
    /// A response carrying `value` as monitor-srv's JSON.
    package static func response<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) throws -> Response {
        try JSONResponse.make(value, encoder: encoder, status: status)
    }
}
