import CurlKit
import PluginABI
import PluginKit

/// The http module's entry point: initialises libcurl (the host runs this on its loading
/// thread, before any check, which is what curl_global_init requires) and registers the
/// `http` check type.
@_cdecl("bearmon_plugin_entry_v1")
public func bearmonPluginEntry(_ host: UnsafePointer<bearmon_host>?) -> UnsafeRawPointer? {
    Module(
        name: "http", version: "1.0.0",
        description: "HTTP(S) checks through libcurl (\(CurlGlobal.version))",
        checks: [HTTPCheck()]
    ).export(host, initialising: "libcurl", with: CurlGlobal.initialize)
}
