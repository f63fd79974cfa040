import PluginABI
import PluginKit

/// The tcp module's entry point: registers the `tcp` check type.
@_cdecl("bearmon_plugin_entry_v1")
public func bearmonPluginEntry(_ host: UnsafePointer<bearmon_host>?) -> UnsafeRawPointer? {
    Module(
        name: "tcp", version: "1.0.0",
        description: "TCP connect checks, optionally sending a payload and matching the reply line",
        checks: [TCPCheck()]
    ).export(host)
}
