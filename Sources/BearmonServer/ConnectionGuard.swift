import BearmonConfig
import BearmonWire
import HTTPTypes
import NIOCore
import NIOHTTPTypes

/// One connection's guard, in its pipeline after HTTP decoding: registers the connection with
/// the server's ``ConnectionLimiter``, enforces the header and idle timeouts, and answers 503
/// itself when the limiter refuses an unsigned request.
///
/// The timeouts are deadlines, not idle timers: a new connection must deliver a complete
/// request head (TLS handshake included) within `headerTimeout` of being accepted, and a
/// kept-alive one its next head within `idleTimeout` of its last response, however it
/// trickles the bytes. Bodies and responses are not timed here.
final class ConnectionGuard: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    /// How long a client refused for load is asked to wait, in seconds.
    static let retryAfterSeconds = 5

    private static let signatureField = HTTPField.Name(RequestSignature.Header.signature)!

    private let limiter: ConnectionLimiter
    private let settings: ServerSettings
    private var registered = false
    /// Requests whose head was read and whose response has not ended.
    private var inFlight = 0
    /// The current requests carry the signature headers.
    private var signed = false
    /// A refused request's remaining parts are dropped until the connection closes.
    private var refused = false
    /// Close once the current response ends: a request that claimed to be signed was refused.
    private var closeAfterResponse = false
    private var deadline: Scheduled<Void>?

    /// A guard for one connection of the server `limiter` counts for.
    init(limiter: ConnectionLimiter, settings: ServerSettings) {
        self.limiter = limiter
        self.settings = settings
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { register(context) }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        deadline?.cancel()
        deadline = nil
    }

    func channelActive(context: ChannelHandlerContext) {
        register(context)
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !refused else { return }
        if case .head(let head) = unwrapInboundIn(data) {
            if inFlight == 0 {
                deadline?.cancel()
                deadline = nil
                signed = head.headerFields[Self.signatureField] != nil
                guard limiter.beginRequest(on: context.channel, signed: signed) else {
                    refuse(context)
                    return
                }
            }
            inFlight += 1
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case .head(let response):
            // A request that carried signature headers but failed them is an impostor using
            // the node reserve: it gets its answer and loses the connection.
            if signed, [.unauthorized, .forbidden].contains(response.status) { closeAfterResponse = true }
            context.write(data, promise: promise)
        case .body:
            context.write(data, promise: promise)
        case .end:
            inFlight = max(0, inFlight - 1)
            guard inFlight == 0 else {
                context.write(data, promise: promise)
                return
            }
            limiter.endRequests(on: context.channel)
            if closeAfterResponse {
                context.writeAndFlush(data, promise: promise)
                context.close(promise: nil)
            } else {
                context.write(data, promise: promise)
                arm(context, settings.idleTimeout)
            }
        }
    }

    /// Counts the connection once it is active, closing it (or an older waiting one) when
    /// the server is full, and starts the header deadline.
    private func register(_ context: ChannelHandlerContext) {
        guard !registered else { return }
        registered = true
        let channel = context.channel
        switch limiter.admit(channel) {
        case .refused:
            context.close(promise: nil)
            return
        case .admitted(let evicting):
            evicting?.close(promise: nil)
        }
        channel.closeFuture.whenComplete { [limiter] _ in limiter.closed(channel) }
        arm(context, settings.headerTimeout)
    }

    /// Closes the connection unless a request head arrives within `timeout`.
    private func arm(_ context: ChannelHandlerContext, _ timeout: Duration) {
        deadline?.cancel()
        deadline = context.eventLoop.assumeIsolated().scheduleTask(in: TimeAmount(timeout)) {
            context.close(promise: nil)
        }
    }

    /// Answers 503 with Retry-After and closes: the node is busy with open requests, and the
    /// remaining room is for signed node-to-node traffic.
    private func refuse(_ context: ChannelHandlerContext) {
        refused = true
        let message = #"{"error":"this node is busy: \#(limiter.openLimit) requests without node signatures are in progress (see [server] maxConnections); try again later"}"#
        let body = context.channel.allocator.buffer(string: message)
        let response = HTTPResponse(status: .serviceUnavailable, headerFields: [
            .retryAfter: "\(Self.retryAfterSeconds)", .contentType: "application/json",
            .contentLength: "\(body.readableBytes)", .connection: "close",
        ])
        context.write(wrapOutboundOut(.head(response)), promise: nil)
        context.write(wrapOutboundOut(.body(body)), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        context.close(promise: nil)
    }
}
