import CCurl

/// libcurl's process-wide state.
///
/// `curl_global_init` is not thread-safe and must run before any other thread uses curl, so a
/// plugin calls ``initialize()`` from its entry point, which the host runs on its loading
/// thread before any check.
package enum CurlGlobal {
    /// The outcome of the one `curl_global_init` call; Swift runs this initialiser once.
    private static let outcome: Result<Void, CurlError> = Result { () throws(CurlError) in
        try curlCall("curl_global_init") { curl_global_init(Int(CURL_GLOBAL_ALL)) }
    }

    /// Initialises libcurl once per process; later calls return the first call's outcome.
    package static func initialize() throws(CurlError) {
        try outcome.get()
    }

    /// libcurl's version and TLS library, for example "libcurl/7.88.1 OpenSSL/3.0.15".
    ///
    /// Built from `curl_version_info`, not `curl_version`: the latter asks libldap for its
    /// version, and libldap's first call resolves this machine's own hostname through DNS,
    /// which stalls every plugin load for the resolver's whole timeout when DNS is down.
    package static var version: String {
        guard let info = bm_curl_version_info() else { return "libcurl" }
        let curl = "libcurl/" + String(cString: info.pointee.version)
        guard let tls = info.pointee.ssl_version else { return curl }
        return curl + " " + String(cString: tls)
    }
}
