/// Why a push or a query was refused: the HTTP status to answer and the reason, which names
/// the field or limit concerned.
package struct PushRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    /// 400, 401, 403, 404, 413, 429 or 503.
    package let status: Int
    /// What is wrong.
    package let reason: String
    /// For 503: seconds after which a retry may succeed, sent as `Retry-After`.
    package var retryAfterSeconds: Int?

    /// 400: the input is wrong.
    static func badRequest(_ reason: String) -> PushRefusal { PushRefusal(status: 400, reason: reason) }
    /// 403: the open API may not write this (a reserved id).
    static func forbidden(_ reason: String) -> PushRefusal { PushRefusal(status: 403, reason: reason) }
    /// 429: storing it would pass a limit.
    static func tooMany(_ reason: String) -> PushRefusal { PushRefusal(status: 429, reason: reason) }
    /// 503: the push lane is full; try again after `retryAfter` seconds.
    static func busy(_ reason: String, retryAfter: Int) -> PushRefusal { PushRefusal(status: 503, reason: reason, retryAfterSeconds: retryAfter) }
    /// 404: nothing has that id.
    static func notFound(_ reason: String) -> PushRefusal { PushRefusal(status: 404, reason: reason) }

    /// The reason.
    package var description: String { reason }
}
