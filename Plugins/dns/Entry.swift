import PluginABI
import PluginKit

/// The dns module's entry point: registers the `dns` check type, which reads `[dns] server`.
@_cdecl("bearmon_plugin_entry_v1")
public func bearmonPluginEntry(_ host: UnsafePointer<bearmon_host>?) -> UnsafeRawPointer? {
    Module(
        name: "dns", version: "1.0.0",
        description: "DNS checks: query a nameserver and match an answer record",
        configSection: "dns",
        checks: [DNSCheck()]
    ).export(host)
}
