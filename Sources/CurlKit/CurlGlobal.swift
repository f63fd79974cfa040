import CCurl

/// libcurl's process-wide state.
///
/// `curl_global_init` is not thread-safe and must run before any other thread uses curl, so a
/// plugin calls ``initialize()`` from its entry point, which the host runs on its loading
/// thread before any check.
public enum CurlGlobal {
    /// The outcome of the one `curl_global_init` call; Swift runs this initialiser once.
    private static let outcome: Result<Void, CurlError> = Result { () throws(CurlError) in
        try curlCall("curl_global_init") { curl_global_init(Int(CURL_GLOBAL_ALL)) }
    }

    /// Initialises libcurl once per process; later calls return the first call's outcome.
    public static func initialize() throws(CurlError) {
        try outcome.get()
    }

    /// libcurl's version string, for example "libcurl/7.88.1 OpenSSL/3.0.x zlib/1.2.13".
    public static var version: String { String(cString: curl_version()) }
}
