import CCurl

extension EasyHandle {
    /// Sets every option `request` describes but its deadline and addresses, which
    /// ``CurlTransfer`` sets right before each hop, and redirects, which it follows itself.
    func apply(_ request: CurlRequest) throws(CurlError) {
        try set(CURLOPT_URL, request.url)
        try set(CURLOPT_PROTOCOLS_STR, request.allowedProtocols)
        try set(CURLOPT_REDIR_PROTOCOLS_STR, request.allowedProtocols)
        try set(CURLOPT_PROXY, request.proxy)
        try set(CURLOPT_FRESH_CONNECT, request.freshConnection)
        try set(CURLOPT_FORBID_REUSE, request.freshConnection)
        // A reused handle would otherwise resume TLS sessions, skipping the full handshake
        // (and the certificate) that a fresh connection is meant to exercise.
        try set(CURLOPT_SSL_SESSIONID_CACHE, !request.freshConnection)
        if request.insecure {
            try set(CURLOPT_SSL_VERIFYPEER, false)
            try set(CURLOPT_SSL_VERIFYHOST, 0)
        }
        if let caFile = request.caFile { try set(CURLOPT_CAINFO, caFile) }
        if let credentials = request.credentials {
            try set(CURLOPT_USERNAME, credentials.username)
            try set(CURLOPT_PASSWORD, credentials.password)
        }
        if let cancellation = request.cancellation { try cancellation.install(on: self) }
        if let envelope = request.mail {
            try applyMail(request, envelope: envelope)
        } else {
            try applyHTTP(request)
        }
    }

    /// What only an HTTP(S) request has: a method, a body, headers, redirects, basic auth.
    private func applyHTTP(_ request: CurlRequest) throws(CurlError) {
        try set(CURLOPT_USERAGENT, request.userAgent)
        try set(CURLOPT_FOLLOWLOCATION, false)
        if request.credentials != nil { try set(CURLOPT_HTTPAUTH, bm_CURLAUTH_BASIC) }
        try applyBodyAndMethod(request)
        try set(CURLOPT_HTTPHEADER, HeaderList(headerLines(request)))
    }

    /// gobearmon's rule: GET, or POST when there is a body; any other method is sent as given.
    /// A method is only forced (CURLOPT_CUSTOMREQUEST) when curl would not pick it by itself.
    private func applyBodyAndMethod(_ request: CurlRequest) throws(CurlError) {
        let method = request.effectiveMethod
        if let bytes = request.body.encoded {
            try set(CURLOPT_POSTFIELDSIZE_LARGE, offset: Int64(bytes.count))
            try set(CURLOPT_COPYPOSTFIELDS, copying: bytes)
            if method != "POST" { try set(CURLOPT_CUSTOMREQUEST, method) }
            return
        }
        switch method {
        case "GET": break
        case "HEAD": try set(CURLOPT_NOBODY, true)
        case "POST":
            try set(CURLOPT_POST, true)
            try set(CURLOPT_POSTFIELDSIZE_LARGE, offset: 0)
        default: try set(CURLOPT_CUSTOMREQUEST, method)
        }
    }

    /// The caller's headers, plus what makes curl behave like gobearmon's Go client: no
    /// keep-alive, and no "Expect: 100-continue" pause before a body (Go never sends it). A
    /// form or JSON body brings its Content-Type unless the caller gave one; plain bytes go
    /// without one, as in gobearmon, where curl would otherwise claim a form.
    private func headerLines(_ request: CurlRequest) -> [String] {
        let given = Set(request.headers.map { $0.name.lowercased() })
        var lines = request.headers.map { "\($0.name): \($0.value)" }
        if request.body != .none, !given.contains("content-type") {
            // "Content-Type:" with no value removes the header curl adds to every POSTFIELDS body.
            lines.append("Content-Type:" + (request.body.contentType.map { " " + $0 } ?? ""))
        }
        if request.freshConnection, !given.contains("connection") { lines.append("Connection: close") }
        if !given.contains("expect") { lines.append("Expect:") }
        return lines
    }
}
