import BearmonManagement
import BearmonServer
import Hummingbird

extension CatalogJSON {
    /// A response carrying `value` as the management JSON the CLI and the remote client read.
    static func response<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) throws -> Response {
        try JSONResponse.make(value, encoder: encoder, status: status)
    }
}
