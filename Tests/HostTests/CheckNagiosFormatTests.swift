import Foundation
import Testing
@testable import BearmonCLI
@testable import BearmonCore

/// `bearmon check TYPE --format nagios`: bearmon's probes as Nagios plugins, for Icinga,
/// Nagios or Checkmk to run as they are.
@Suite("bearmon check --format nagios")
struct CheckNagiosFormatTests {
    @Test("the real binary prints OK/CRITICAL/UNKNOWN - message | perfdata and exits 0/2/3")
    func binary() async throws {
        let server = try LoopbackServer(behaviour: .acceptAndClose)
        defer { server.stop() }
        let online = try await Command.bearmon(["check", "tcp", "--format", "nagios", "--data", #"{"address":"\#(server.address)"}"#])
        #expect(online.status == 0)
        let line = online.stdout.trimmingCharacters(in: .newlines)
        #expect(line.wholeMatch(of: /OK - connected to 127\.0\.0\.1:\d+ \| connect_ms=[0-9.]+ms;;;/) != nil, "\(line)")

        let offline = try await Command.bearmon(["check", "tcp", "--format", "nagios", "--data", #"{"address":"127.0.0.1:\#(try refusedPort())"}"#])
        #expect(offline.status == 2)
        #expect(offline.stdout.hasPrefix("CRITICAL - ") && offline.stdout.contains("Connection refused"), "\(offline.stdout)")
        #expect(offline.stdout.split(separator: "\n").count == 1)

        let unknown = try await Command.bearmon(["check", "htp", "--format", "nagios"])
        #expect(unknown.status == 3)
        #expect(unknown.stdout.hasPrefix("UNKNOWN - unknown check type 'htp'"), "\(unknown.stdout)")

        let nagios = try await Command.bearmon(["check", "nagios", "--format", "nagios", "--data",
                                                #"{"command":"/usr/lib/nagios/plugins/check_dummy","args":["2","no"]}"#])
        #expect(nagios.status == 2 && nagios.stdout == "CRITICAL - CRITICAL: no\n", "\(nagios.stdout)")

        let badFormat = try await Command.bearmon(["check", "tcp", "--format", "xml", "--data", "{}"])
        #expect(badFormat.status != 0 && badFormat.stderr.contains("text"), "\(badFormat.stderr)")
    }

    @Test("messages keep one line with | replaced; labels are quoted when they must be; only Nagios units are printed; numbers never use exponents")
    func format() {
        let outcome = CheckOutcome(status: .fail, message: "a|b\nsecond line", metrics: [
            Metric(name: "disk space", value: 2_097_152, unit: "B"),
            Metric(name: "it's", value: 0.00025, unit: "s"),
            Metric(name: "days_left", value: 12, unit: "days"),
            Metric(name: "ratio", value: 1e-7, unit: ""),
            Metric(name: "nan", value: .nan, unit: "%"),
        ])
        #expect(OutcomeFormat.nagios(outcome) == "UNKNOWN - a/b | 'disk space'=2097152B;;; 'it''s'=0.00025s;;; days_left=12;;; ratio=0;;;")
        #expect(OutcomeFormat.nagios(CheckOutcome(status: .online, message: "")) == "OK")
    }
}
