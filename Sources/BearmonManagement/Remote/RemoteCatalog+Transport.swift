import BearmonCore
import BearmonSystem
import CurlKit
import Foundation

extension RemoteCatalog {
    /// The most bytes of an answer read: far more than a page of 500 items.
    static let answerCap = 16 << 20

    /// Sends a request and decodes a 2xx answer as `T`.
    func call<T: Decodable>(_ method: String, _ path: String, query: [(String, String)] = [], body: JSONValue? = nil) throws(CatalogError) -> T {
        let answer = try send(method, path, query: query, body: body)
        do {
            return try CatalogJSON.decoder.decode(T.self, from: Data(answer.body))
        } catch {
            throw notBearmon(answer, "its answer to \(method) \(path) is not what the API sends (\(MonitorJSON.reason(error)))")
        }
    }

    /// Sends a request; returns a 2xx answer, and throws any other as the node's refusal.
    @discardableResult
    func send(_ method: String, _ path: String, query: [(String, String)] = [], body: JSONValue? = nil) throws(CatalogError) -> RemoteAnswer {
        var request = CurlRequest(url: endpoint.url(path, query: query), deadline: .after(milliseconds: timeout.inMilliseconds))
        request.method = method
        request.body = body.map { .json($0.jsonText) } ?? .none
        request.headers = [CurlRequest.Header("Accept", "application/json")]
        if let token { request.headers.append(CurlRequest.Header("Authorization", "Bearer " + token)) }
        request.caFile = caFile
        // An API never redirects; following one could carry a write somewhere unintended.
        request.followRedirects = false
        request.bodyCap = Self.answerCap
        let answer: RemoteAnswer
        do {
            let transfer = try CurlTransfer(request)
            let response = try transfer.perform()
            answer = RemoteAnswer(response, contentType: transfer.responseHeader("Content-Type"))
        } catch {
            throw unreachable(error)
        }
        guard !answer.truncated else { throw notBearmon(answer, "its answer is longer than \(Self.answerCap >> 20) MiB") }
        guard (200..<300).contains(answer.status) else { throw refusal(answer, method: method) }
        return answer
    }
}
