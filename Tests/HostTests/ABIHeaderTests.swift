import Foundation
import Testing

/// bearmon_plugin.h's rules for growing the ABI: BEARMON_HAS_FIELD works in C and C++ as a
/// plugin author compiles it, and every struct field is marked with the version that added it.
@Suite("plugin ABI header")
struct ABIHeaderTests {
    let dir: TempDirectory
    let source = TestPaths.fixture("abi/has_field.c")
    static let strict = ["-Wall", "-Wextra", "-Werror", "-pedantic"]
    static let cxx = "/usr/bin/c++"

    init() throws {
        dir = try TempDirectory()
    }

    @Test("BEARMON_HAS_FIELD is false below a field's end and true at or past it, in C", arguments: ["-std=c99", "-std=c11"])
    func hasFieldInC(standard: String) async throws {
        try await expectAllPass(compiler: "/usr/bin/cc", flags: [standard])
    }

    @Test("BEARMON_HAS_FIELD works the same in C++11", .enabled(if: FileManager.default.isExecutableFile(atPath: cxx)))
    func hasFieldInCxx() async throws {
        try await expectAllPass(compiler: Self.cxx, flags: ["-x", "c++", "-std=c++11"])
    }

    @Test("a pointer that is not of the named struct type does not compile, in C or C++")
    func mismatchedPointer() async throws {
        var compilers = [("/usr/bin/cc", ["-std=c99"])]
        if FileManager.default.isExecutableFile(atPath: Self.cxx) { compilers.append((Self.cxx, ["-x", "c++", "-std=c++11"])) }
        for (compiler, flags) in compilers {
            let error = await #expect(throws: PluginBuilder.BuildFailed.self) {
                try await PluginBuilder.compile(source: source, output: dir.file("mismatch"), compiler: compiler,
                                                flags: flags + Self.strict + ["-DHAS_FIELD_MISMATCH"])
            }
            #expect(error?.output.contains("distinct pointer types") == true, "\(compiler): \(error?.output ?? "")")
        }
    }

    @Test("every field of every struct says which version added it, never decreasing, never past BEARMON_ABI_MINOR")
    func versionMarkers() throws {
        let header = try String(contentsOfFile: TestPaths.abiInclude + "/bearmon_plugin.h", encoding: .utf8)
        let minor = try #require(header.firstMatch(of: /#define BEARMON_ABI_MINOR (\d+)/).flatMap { Int($0.1) })
        let fields = Self.structFields(header)
        #expect(Set(fields.map(\.owner)) == ["bearmon_param_spec", "bearmon_type", "bearmon_module", "bearmon_notification", "bearmon_host"])
        var last: [String: Int] = [:]
        for field in fields {
            let marker = field.comment.firstMatch(of: /^added in 1\.(\d+)\b/).flatMap { Int($0.1) }
            guard let marker else {
                Issue.record("\(field.owner): '\(field.declaration)' has no \"added in 1.N\" comment")
                continue
            }
            #expect(marker <= minor, "\(field.owner): '\(field.declaration)' is added in 1.\(marker), after BEARMON_ABI_MINOR \(minor)")
            #expect(marker >= last[field.owner, default: 0], "\(field.owner): '\(field.declaration)' comes after a field added later")
            last[field.owner] = marker
        }
    }

    private func expectAllPass(compiler: String, flags: [String]) async throws {
        let program = try await PluginBuilder.compile(source: source, output: dir.file("has_field"), compiler: compiler, flags: flags + Self.strict)
        let run = try await Command.run(program, [], timeout: 30)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.hasPrefix("ok "), "\(run.stdout)")
    }

    /// Each member declaration inside a `typedef struct name { ... }` body, with the first
    /// comment after its terminating `;` on the same line ("" when there is none).
    private static func structFields(_ header: String) -> [(owner: String, declaration: String, comment: String)] {
        var fields: [(owner: String, declaration: String, comment: String)] = []
        var owner: String?
        var inComment = false
        var pending = ""
        for line in header.split(separator: "\n", omittingEmptySubsequences: false) {
            if let opening = line.firstMatch(of: /^typedef struct (\w+) \{/) {
                owner = String(opening.1)
                continue
            }
            guard let current = owner else { continue }
            if line.hasPrefix("}") { owner = nil; continue }
            var code = "", comment = "", rest = Substring(line)
            var trailing = false
            while !rest.isEmpty {
                if inComment {
                    let close = rest.range(of: "*/")
                    if trailing { comment += rest[..<(close?.lowerBound ?? rest.endIndex)] }
                    guard let close else { break }
                    rest = rest[close.upperBound...]
                    inComment = false
                } else if let open = rest.range(of: "/*") {
                    code += rest[..<open.lowerBound]
                    trailing = comment.isEmpty && code.trimmingCharacters(in: .whitespaces).hasSuffix(";")
                    rest = rest[open.upperBound...]
                    inComment = true
                } else {
                    code += rest
                    break
                }
            }
            pending += code
            let trimmed = code.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasSuffix(";") else { continue }
            fields.append((current, pending.trimmingCharacters(in: .whitespaces), comment.trimmingCharacters(in: .whitespaces)))
            pending = ""
        }
        return fields
    }
}
