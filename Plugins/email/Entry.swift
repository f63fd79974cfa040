import CurlKit
import PluginABI
import PluginKit

/// The email module's entry point: initialises libcurl (on the host's loading thread, as
/// curl_global_init requires) and registers the `email` contact type, which reads `[smtp]`.
@_cdecl("bearmon_plugin_entry_v1")
public func bearmonPluginEntry(_ host: UnsafePointer<bearmon_host>?) -> UnsafeRawPointer? {
    Module(
        name: "email", version: "1.0.0",
        description: "E-mail over SMTP through libcurl (\(CurlGlobal.version))",
        configSection: SMTPSettings.section,
        contacts: [EmailContact()]
    ).export(host, initialising: "libcurl", with: CurlGlobal.initialize)
}
