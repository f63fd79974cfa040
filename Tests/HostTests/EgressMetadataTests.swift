import Foundation
import Testing

/// The attack itself: a listener on the cloud metadata address 169.254.169.254, inside a
/// network namespace the test makes, and `bearmon check` run next to it as a worker would be.
/// With no `[security]` at all the built-in deny refuses it, and the listener hears nothing;
/// an operator's `allow` for the range reaches it, which shows the denial was the only thing
/// in the way. A monitored site that redirects there is refused at the hop.
@Suite("egress policy: cloud metadata in a test namespace")
struct EgressMetadataTests {
    static let metadata = "169.254.169.254"

    private func check(_ pair: NetworkNamespacePair, _ data: String, config: String? = nil) async throws -> CLICheckResult {
        try await offPool {
            let extra = config.map { ["--config", $0] } ?? []
            return try CLICheckResult(pair.run(in: pair.prober, [TestPaths.bearmon, "check", "http", "--json", "--data", data] + extra, timeout: 60))
        }
    }

    @Test("the built-in deny refuses 169.254.169.254, directly and through a redirect; allow lifts it")
    func metadataDenied() async throws {
        let pair = try await offPool { try NetworkNamespacePair() }
        defer { pair.remove() }
        try await offPool {
            try pair.must(in: pair.target, ["/usr/sbin/ip", "addr", "add", Self.metadata + "/32", "dev", "bm1"])
            try pair.must(in: pair.prober, ["/usr/sbin/ip", "route", "add", Self.metadata + "/32", "via", NetworkNamespacePair.targetAddress])
        }
        let directory = try TempDirectory("bearmon-metadata")
        let metadata = try await offPool {
            try FixtureHTTPServer(record: directory.file("metadata.jsonl"), namespace: (pair.target, Self.metadata))
        }
        defer { metadata.stop() }
        let site = try await offPool {
            try FixtureHTTPServer(record: directory.file("site.jsonl"), namespace: (pair.target, NetworkNamespacePair.targetAddress))
        }
        defer { site.stop() }
        let rule = "169.254.169.254 is denied by [security] deny 169.254.0.0/16"

        let direct = try await check(pair, #"{"url":"\#(metadata.url("/record/latest/meta-data"))"}"#)
        #expect(direct.status == "fail" && direct.exitStatus == 3 && direct.message.contains(rule), "\(direct)")
        let location = metadata.url("/record/latest/meta-data").addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        let redirected = try await check(pair, #"{"url":"\#(site.url("/goto/302?to=\(location)"))","expect_substring":"recorded"}"#)
        #expect(redirected.status == "fail" && redirected.message.contains(rule) && !redirected.message.contains("recorded"), "\(redirected)")
        #expect(metadata.recorded.isEmpty)
        #expect(site.recorded.count == 1)

        let config = try directory.write("allow.cfg", "[security]\nallow = 169.254.0.0/16\n")
        let allowed = try await check(pair, #"{"url":"\#(metadata.url("/record/allowed"))","expect_status":200}"#, config: config)
        #expect(allowed.status == "online", "\(allowed)")
        #expect(metadata.recorded.count == 1)
    }
}
