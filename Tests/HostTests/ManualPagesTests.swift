import Foundation
import Testing

/// packaging/man and packaging/completions are what `script/manpages` writes from the
/// binary's argument parser: a new option or command without regenerated pages fails here.
@Suite("man pages and shell completions in step with the argument parser")
struct ManualPagesTests {
    /// The files under `directory`, by name, with their text.
    private func files(in directory: String) throws -> [String: String] {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory)
        return try Dictionary(uniqueKeysWithValues: names.map { ($0, try String(contentsOfFile: directory + "/" + $0, encoding: .utf8)) })
    }

    @Test("the committed pages and completions equal what the binary generates (run script/manpages after changing the CLI)")
    func committedMatchGenerated() async throws {
        let out = try TempDirectory()
        let result = try await Command.run("/usr/bin/python3", [TestPaths.repoRoot + "/script/manpages", TestPaths.bearmon, out.path])
        #expect(result.status == 0, "\(result.stderr)")
        for folder in ["man", "completions"] {
            let generated = try files(in: out.file(folder))
            let committed = try files(in: TestPaths.repoRoot + "/packaging/" + folder)
            #expect(Set(committed.keys) == Set(generated.keys), "packaging/\(folder): run script/manpages")
            for (name, text) in generated where committed[name] != text {
                Issue.record("packaging/\(folder)/\(name) differs from what the binary generates: run script/manpages")
            }
        }
    }

    @Test("one page for bearmon and each subcommand, nested ones included; options with their defaults; roff-safe text")
    func pagesCoverTheCommands() throws {
        let man = TestPaths.repoRoot + "/packaging/man"
        let pages = try Set(FileManager.default.contentsOfDirectory(atPath: man))
        for page in ["bearmon.1", "bearmon-standalone.1", "bearmon-worker.1", "bearmon-viewserver.1", "bearmon-checks-add.1", "bearmon-db-init.1",
                     "bearmon-plugins.1", "bearmon-check.1"] {
            #expect(pages.contains(page), "\(page) missing")
        }
        #expect(!pages.contains("bearmon-help.1"))
        let standalone = try String(contentsOfFile: man + "/bearmon-standalone.1", encoding: .utf8)
        #expect(standalone.contains(".TH \"BEARMON-STANDALONE\" \"1\""))
        #expect(standalone.contains("\\fB\\-\\-log\\-format\\fR"), "the new flag is documented")
        #expect(standalone.contains("(default: 127.0.0.1:8888)"))
        // A line starting with "." or "'" would be a roff request; generated text never starts one.
        for page in pages {
            let text = try String(contentsOfFile: man + "/" + page, encoding: .utf8)
            for line in text.split(separator: "\n") where line.hasPrefix(".") || line.hasPrefix("'") {
                #expect([".\\\"", ".TH", ".SH", ".B ", ".TP", ".PP"].contains { line.hasPrefix($0) }, "\(page): \(line)")
            }
        }
        let completions = TestPaths.repoRoot + "/packaging/completions"
        let bash = try String(contentsOfFile: completions + "/bearmon.bash", encoding: .utf8)
        #expect(bash.contains("standalone") && bash.contains("--log-format"))
        let fish = try String(contentsOfFile: completions + "/bearmon.fish", encoding: .utf8)
        #expect(fish.contains("text") && fish.contains("json"), "--log-format completes its values")
    }
}
