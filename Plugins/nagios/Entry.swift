import PluginABI
import PluginKit

/// The nagios module's entry point: registers the `nagios` check type, which runs Nagios /
/// Monitoring Plugins commands and reads their exit status, message and perfdata.
@_cdecl("bearmon_plugin_entry_v1")
public func bearmonPluginEntry(_ host: UnsafePointer<bearmon_host>?) -> UnsafeRawPointer? {
    Module(
        name: "nagios", version: "1.0.0",
        description: "Runs Nagios / Monitoring Plugins commands from allowed directories, with no descendant left behind",
        configSection: "nagios",
        checks: [NagiosCheck()]
    ).export(host)
}
