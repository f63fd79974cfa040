import Foundation

/// Self-signed certificates made with `openssl` at test time, for TLS servers on loopback.
enum TestCertificates {
    /// When a certificate is valid.
    enum Validity {
        /// From now for this many days.
        case days(Int)
        /// Valid only in January 2020: long expired.
        case expiredLongAgo
        /// Valid since yesterday, until this many seconds from now.
        case endingIn(seconds: Int)
    }

    struct Failed: Error, CustomStringConvertible {
        let description: String
    }

    /// A P-256 key and a self-signed certificate for CN `commonName` (with localhost and
    /// 127.0.0.1 as alternative names) in `directory`.
    static func make(_ commonName: String, _ validity: Validity, in directory: TempDirectory) throws -> FixtureHTTPServer.Identity {
        let base = directory.file(commonName)
        let identity = FixtureHTTPServer.Identity(certificate: base + ".crt", key: base + ".key")
        let subject = ["-subj", "/CN=\(commonName)"]
        switch validity {
        case .days(let days):
            try openssl(["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                         "-keyout", identity.key, "-out", identity.certificate, "-days", String(days),
                         "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"] + subject)
        case .expiredLongAgo:
            try selfSign(identity, subject: subject, name: commonName, in: directory, from: "20200101000000Z", until: "20200201000000Z")
        case .endingIn(let seconds):
            let now = Date()
            try selfSign(identity, subject: subject, name: commonName, in: directory,
                         from: asn1Time(now.addingTimeInterval(-86_400)), until: asn1Time(now.addingTimeInterval(Double(seconds))))
        }
        return identity
    }

    /// "YYYYMMDDHHMMSSZ", as `openssl ca` takes dates.
    private static func asn1Time(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMddHHmmss'Z'"
        return formatter.string(from: date)
    }

    /// A self-signed certificate with both dates set: `openssl req` only takes a positive
    /// -days from now; `openssl ca` can set both.
    private static func selfSign(_ identity: FixtureHTTPServer.Identity, subject: [String], name commonName: String,
                                 in directory: TempDirectory, from start: String, until end: String) throws {
        let base = directory.file(commonName)
        let csr = base + ".csr"
        try openssl(["req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                     "-keyout", identity.key, "-out", csr] + subject)
        let config = try caConfig(in: directory, name: commonName)
        try openssl(["ca", "-batch", "-config", config, "-selfsign", "-keyfile", identity.key, "-in", csr,
                     "-out", identity.certificate, "-notext", "-startdate", start, "-enddate", end])
    }

    /// A minimal `openssl ca` setup of its own under `directory`.
    private static func caConfig(in directory: TempDirectory, name: String) throws -> String {
        let root = directory.file("ca-\(name)")
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: root + "/index.txt", contents: nil)
        try "01\n".write(toFile: root + "/serial", atomically: true, encoding: .utf8)
        return try directory.write("ca-\(name).cnf", """
            [ ca ]
            default_ca = test_ca
            [ test_ca ]
            database = \(root)/index.txt
            new_certs_dir = \(root)
            serial = \(root)/serial
            default_md = sha256
            policy = any
            unique_subject = no
            [ any ]
            commonName = supplied
            """)
    }

    private static func openssl(_ arguments: [String]) throws {
        let result = try Command.runBlocking("/usr/bin/openssl", arguments, timeout: 60)
        guard result.status == 0 else { throw Failed(description: "openssl \(arguments.first ?? "") failed: \(result.stderr)") }
    }
}
