package import BearmonConfig
import BearmonSystem

extension NodeConfig {
    /// The names a signed request may address this node by (its Host header, which the MAC
    /// covers): the listen address, the advertised one, each `[default] alias`, and the node
    /// name; on a wildcard listen address, every address of this machine's interfaces at the
    /// listen port. A request signed for another node is refused, so one captured on its way
    /// there cannot be replayed here.
    package var recipientNames: [String] {
        var names = [listen, advertised].map(\.description) + aliases.map(\.description) + [node]
        if ["", "0.0.0.0", "::"].contains(listen.host) {
            names += ((try? InterfaceAddresses.all()) ?? []).map { HostPort(host: $0, port: listen.port).description }
        }
        return names
    }
}
