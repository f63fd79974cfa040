import BearmonSystem
import Foundation
import PluginKit

/// gobearmon's ssl_expire check: connect, handshake with SNI, and judge the leaf
/// certificate's notAfter against `days`. Nothing is verified, so an expired or self-signed
/// certificate is still read and reported on.
struct SSLExpireCheck: CheckType {
    let name = "ssl_expire"
    let summary = "Reads a TLS server's certificate; offline when it has expired or expires within `days` days"
    /// gobearmon's ssl_expire has no timeout option; a handshake that takes longer than this
    /// is a problem in itself.
    let maxRunMilliseconds: UInt32 = 10_000
    let params = [
        ParamSpec("address", .string, "host:port of the TLS server; a host name is sent as SNI", required: true),
        ParamSpec("days", .int, default: "0", "offline when the whole days left (rounded down) are at most this many, as in gobearmon (0: within a day, or expired)"),
    ]

    func validate(_ call: Call) {
        if let address = call.string("address") {
            do { _ = try HostPort(parsing: address) } catch { call.reject("address", error.reason) }
        }
        if let days = call.int("days"), days < 0 { call.reject("days", "must not be negative") }
    }

    func run(_ call: Call) -> CheckOutcome {
        guard let addressText = call.string("address") else { return .fail("ssl_expire: parameter 'address' is required") }
        let target: HostPort
        do { target = try HostPort(parsing: addressText) } catch { return .fail("ssl_expire: parameter 'address': \(error.reason)") }
        let deadline = call.deadline
        let started = Deadline.now()

        let socket: Socket
        do {
            socket = try Socket.connected(to: target, deadline: deadline, policy: call.egress)
        } catch let refusal as EgressRefusal {
            return .fail("ssl_expire: may not connect to \(target): \(refusal)")
        } catch {
            return .offline("\(error)")
        }
        let connected = Deadline.now()
        call.metric("connect_ms", connected.milliseconds(since: started), unit: "ms")

        let certificate: PeerCertificate
        do {
            // SNI carries host names only (RFC 6066), so an address literal sends none, as in Go.
            let serverName = AddressResolver.isLiteral(target.host) ? nil : target.host
            let session = try TLSSession(context: TLSContext.shared.get(), socket: socket, serverName: serverName)
            try session.handshake(deadline: deadline)
            guard let peer = session.peerCertificate() else { return .offline("\(target) sent no certificate") }
            certificate = peer
        } catch {
            return .offline("\(target) did not complete a TLS handshake: \(error)")
        }
        call.metric("tls_ms", Deadline.now().milliseconds(since: connected), unit: "ms")

        guard let secondsLeft = certificate.secondsUntilExpiry else {
            return .offline("the certificate from \(target) has an unreadable notAfter date")
        }
        let expiry = CertificateExpiry(name: certificate.commonName ?? "no common name", secondsLeft: secondsLeft, days: call.int("days") ?? 0)
        call.metric("days_left", expiry.daysLeft, unit: "days")
        if let notAfter = certificate.notAfterUnix { call.metric("expiry_timestamp", Double(notAfter), unit: "s") }
        return expiry.outcome
    }
}
