import CurlKit
import PluginABI
import PluginKit

/// The twilio module's entry point: initialises libcurl (on the host's loading thread, as
/// curl_global_init requires) and registers the `sms` and `voice` contact types, which read
/// `[twilio]`.
@_cdecl("bearmon_plugin_entry_v1")
public func bearmonPluginEntry(_ host: UnsafePointer<bearmon_host>?) -> UnsafeRawPointer? {
    Module(
        name: "twilio", version: "1.0.0",
        description: "SMS and voice calls through Twilio's REST API, with libcurl (\(CurlGlobal.version))",
        configSection: TwilioSettings.section,
        contacts: TwilioChannel.allCases.map(TwilioContact.init)
    ).export(host, initialising: "libcurl", with: CurlGlobal.initialize)
}
