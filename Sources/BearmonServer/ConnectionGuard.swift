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
/// trickles the bytes. A request's body must arrive within `bodyTimeout` of its head, or the
/// connection is closed. Responses are not timed here.
///
/// A response that ends before its request's body did (a refusal: bad signature, body too
/// large or too slow, no budget) closes the connection, so that a peer cannot hold it by
/// trickling the rest. The close lingers: output is shut at once (the peer reads the answer,
/// then end of stream) while input is read and dropped for ``lingerAfterRefusal``, because
/// closing with unread input would reset the connection and could destroy the answer.
final class ConnectionGuard: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    /// How long a client refused for load is asked to wait, in seconds.
    static let retryAfterSeconds = 5
    /// How long a refused connection's input is still read (and dropped) after its answer.
    static let lingerAfterRefusal: Duration = .seconds(2)

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
    /// The current request's head arrived and its end has not.
    private var bodyOpen = false
    /// Close once the current response ends: a request that claimed to be signed was refused,
    /// or the response began before the request's body ended.
    private var closeAfterResponse = false
    private var deadline: Scheduled<Void>?
    /// Closes the connection when the current request's body is late.
    private var bodyDeadline: Scheduled<Void>?

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
        bodyDeadline?.cancel()
        bodyDeadline = nil
    }

    func channelActive(context: ChannelHandlerContext) {
        register(context)
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !refused else { return }
        switch unwrapInboundIn(data) {
        case .head(let head):
            bodyOpen = true
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
            bodyDeadline?.cancel()
            bodyDeadline = context.eventLoop.assumeIsolated().scheduleTask(in: TimeAmount(settings.bodyTimeout)) {
                context.close(promise: nil)
            }
        case .body:
            break
        case .end:
            bodyOpen = false
            bodyDeadline?.cancel()
            bodyDeadline = nil
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case .head(var response):
            // A request that carried signature headers but failed them is an impostor using
            // the node reserve: it gets its answer and loses the connection. So does one
            // answered before its body arrived.
            if signed, [.unauthorized, .forbidden].contains(response.status) { closeAfterResponse = true }
            if bodyOpen { closeAfterResponse = true }
            guard closeAfterResponse else {
                context.write(data, promise: promise)
                return
            }
            response.headerFields[.connection] = "close"
            context.write(wrapOutboundOut(.head(response)), promise: promise)
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
                lingeringClose(context)
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

    /// Shuts output now and the connection after ``lingerAfterRefusal``, dropping what
    /// arrives meanwhile.
    private func lingeringClose(_ context: ChannelHandlerContext) {
        refused = true
        context.close(mode: .output, promise: nil)
        arm(context, Self.lingerAfterRefusal)
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
        lingeringClose(context)
    }
}
