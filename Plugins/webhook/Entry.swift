import CurlKit
import PluginABI
import PluginKit

/// The webhook module's entry point: initialises libcurl (on the host's loading thread, as
/// curl_global_init requires) and registers the contact types `http` (gobearmon's form
/// POST) and `webhook` (JSON, or a body of the contact's own design).
@_cdecl("bearmon_plugin_entry_v1")
public func bearmonPluginEntry(_ host: UnsafePointer<bearmon_host>?) -> UnsafeRawPointer? {
    Module(
        name: "webhook", version: "1.0.0",
        description: "HTTP notifications: gobearmon's form POST and JSON webhooks, through libcurl (\(CurlGlobal.version))",
        contacts: WebhookStyle.allCases.map(WebhookContact.init)
    ).export(host, initialising: "libcurl", with: CurlGlobal.initialize)
}
