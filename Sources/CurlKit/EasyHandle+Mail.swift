import CCurl

extension EasyHandle {
    /// What only an SMTP submission has: the envelope, STARTTLS, and the message uploaded
    /// through a read callback. curl does SMTP's dot-stuffing and the final "." itself, so
    /// the message goes as it is, with CRLF line ends. No HTTP option is set: curl would
    /// ignore most, but the header list would turn into mail headers.
    func applyMail(_ request: CurlRequest, envelope: MailEnvelope) throws(CurlError) {
        try set(CURLOPT_USE_SSL, request.startTLS.curlValue)
        try set(CURLOPT_MAIL_FROM, "<\(envelope.from)>")
        try set(CURLOPT_MAIL_RCPT, HeaderList(envelope.recipients.map { "<\($0)>" }))
        try BodySource(request.body.encoded ?? []).install(on: self)
    }
}
