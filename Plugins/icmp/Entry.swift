import PluginABI
import PluginKit

/// The icmp module's entry point: registers the `icmp` check type.
@_cdecl("bearmon_plugin_entry_v1")
public func bearmonPluginEntry(_ host: UnsafePointer<bearmon_host>?) -> UnsafeRawPointer? {
    Module(
        name: "icmp", version: "1.0.0",
        description: "ICMP echo (ping) checks over datagram or raw ICMP sockets",
        checks: [ICMPCheck()]
    ).export(host)
}
