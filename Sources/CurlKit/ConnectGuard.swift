import BearmonSystem
import CCurl
#if canImport(Glibc)
import Glibc
#endif

/// The egress policy at the last moment: curl's CURLOPT_OPENSOCKETFUNCTION, which sees the
/// very address curl is about to open a socket for and refuses it unless the policy approves.
/// ``HopAddresses`` already hands curl only approved addresses; this guard makes sure that
/// whatever curl connects to (an address from its own DNS cache, a literal it parsed its own
/// way) is judged too, so no lookup can slip between the check and the connect.
final class ConnectGuard {
    let policy: any EgressPolicy
    let host: String
    /// The refusal that stopped the transfer, if the guard refused a socket.
    private(set) var refusal: EgressRefusal?

    init(policy: any EgressPolicy, host: String) {
        self.policy = policy
        self.host = host
    }

    /// A socket for `address`, or CURL_SOCKET_BAD (which curl reports as a failed connect)
    /// when the policy refuses it. Only outgoing connections are asked for (CURLSOCKTYPE_IPCXN).
    func open(_ address: UnsafeMutablePointer<curl_sockaddr>) -> curl_socket_t {
        let entry = address.pointee
        let candidate = SocketAddress(bm_curl_sockaddr_address(address), length: socklen_t(entry.addrlen))
        do throws(EgressRefusal) {
            try policy.approve(candidate, host: host)
        } catch {
            if refusal == nil { refusal = error }
            return CURL_SOCKET_BAD
        }
        return socket(entry.family, entry.socktype | Int32(SOCK_CLOEXEC.rawValue), entry.protocol)
    }

    /// Makes the handle open its sockets through this guard. The handle retains the guard,
    /// so the unretained pointer curl holds stays valid for the handle's life.
    func install(on handle: EasyHandle) throws(CurlError) {
        handle.retain(self)
        try handle.set(CURLOPT_OPENSOCKETDATA, pointer: Unmanaged.passUnretained(self).toOpaque())
        try curlCall(EasyHandle.name(CURLOPT_OPENSOCKETFUNCTION)) { bm_curl_setopt_opensocket_func(handle.raw, connectGuardOpen) }
    }
}

/// curl's open-socket callback: hands the address to the ``ConnectGuard`` in `clientp`.
private let connectGuardOpen: curl_opensocket_callback = { clientp, purpose, address in
    guard let clientp, let address, purpose == CURLSOCKTYPE_IPCXN else { return CURL_SOCKET_BAD }
    return Unmanaged<ConnectGuard>.fromOpaque(clientp).takeUnretainedValue().open(address)
}
