import BearmonSystem
import PluginABI

/// The host's egress policy (`[security] deny` and `allow`), asked through `egress_check`
/// for one call. Bundled plugins hand it to every connection they make: CurlKit's requests,
/// ``Socket/connected(to:family:deadline:policy:)``, or an explicit ``approve(_:host:)``.
///
/// It holds the call, so it is only good while that call's `run` executes, on its thread;
/// it is Sendable only so that a request value can carry it there.
public struct HostEgressPolicy: EgressPolicy, @unchecked Sendable {
    let call: Call

    /// Returns when the host allows `address`; throws the host's refusal, which names the rule.
    public func approve(_ address: SocketAddress, host: String) throws(EgressRefusal) {
        // A host older than ABI 1.1 has no policy to ask; PluginKit declares 1.1, so such a
        // host never loads a Swift plugin, and the check is only a guard.
        guard call.hostHas(\.egress_check), let egressCheck = call.host.pointee.egress_check else { return }
        let text = IPAddress(address).description
        var reason: UnsafePointer<CChar>?
        switch egressCheck(call.raw, text, &reason) {
        case BEARMON_OK: return
        case BEARMON_E_DENIED: throw EgressRefusal(reason.map { String(cString: $0) } ?? "\(text) is denied by the egress policy")
        case let code: throw EgressRefusal("the host could not judge \(text) (egress_check returned \(code))")
        }
    }
}

extension Call {
    /// The host's egress policy for this call; see ``HostEgressPolicy``.
    public var egress: HostEgressPolicy { HostEgressPolicy(call: self) }

    /// Whether the host's table holds all of `field`: BEARMON_HAS_FIELD, which Swift cannot
    /// import (it is a function-like macro).
    func hostHas<Value>(_ field: KeyPath<bearmon_host, Value>) -> Bool {
        guard let offset = MemoryLayout<bearmon_host>.offset(of: field) else { return false }
        return Int(host.pointee.struct_size) >= offset + MemoryLayout<Value>.size
    }
}
