import PluginABI
import PluginKit

/// The sslexpire module's entry point: prepares the shared TLS client context (OpenSSL's
/// one-time set-up runs here, on the host's loading thread) and registers `ssl_expire`.
@_cdecl("bearmon_plugin_entry_v1")
public func bearmonPluginEntry(_ host: UnsafePointer<bearmon_host>?) -> UnsafeRawPointer? {
    Module(
        name: "sslexpire", version: "1.0.0",
        description: "TLS certificate expiry checks through OpenSSL",
        checks: [SSLExpireCheck()]
    ).export(host, initialising: "OpenSSL", with: { _ = try TLSContext.shared.get() })
}
