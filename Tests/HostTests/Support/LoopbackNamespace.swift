import Foundation

/// A network namespace the test creates with nothing but `lo` (up): whatever runs inside it
/// (through ``run(_:timeout:)`` or ``command(_:)``) reaches only its own 127.0.0.1, so checks
/// and webhooks made up by a fuzzer reach nothing else. The name is random, so parallel
/// tests do not collide; call ``remove()`` in a defer.
final class LoopbackNamespace: @unchecked Sendable {
    /// The namespace's name.
    let name: String

    init() throws {
        name = "bearmon-lo-\(UInt32.random(in: .min ... .max))"
        do {
            try Self.ip(["netns", "add", name])
            try Self.ip(["-n", name, "link", "set", "lo", "up"])
        } catch {
            remove()
            throw error
        }
    }

    /// `arguments` prefixed so that they run inside the namespace (`ip netns exec` execs the
    /// program, so a process started this way has the program's own PID).
    func command(_ arguments: [String]) -> (executable: String, arguments: [String]) {
        ("/usr/sbin/ip", ["netns", "exec", name] + arguments)
    }

    /// Runs `arguments` inside the namespace and returns the result.
    func run(_ arguments: [String], timeout: Double = 60, environment: [String: String]? = nil, directory: String? = nil) async throws -> CommandResult {
        let (executable, arguments) = command(arguments)
        return try await Command.run(executable, arguments, timeout: timeout, environment: environment, directory: directory)
    }

    /// The links inside the namespace, for the test to check that there is only `lo`.
    func links() throws -> [String] {
        let result = try Command.runBlocking("/usr/sbin/ip", ["-n", name, "-o", "link", "show"], timeout: 30)
        return result.stdout.split(separator: "\n").compactMap { $0.split(separator: ":").dropFirst().first?.trimmingCharacters(in: .whitespaces) }
    }

    /// Deletes the namespace.
    func remove() {
        _ = try? Command.runBlocking("/usr/sbin/ip", ["netns", "delete", name], timeout: 30)
    }

    private static func ip(_ arguments: [String]) throws {
        let result = try Command.runBlocking("/usr/sbin/ip", arguments, timeout: 30)
        guard result.status == 0 else { throw NetworkNamespacePair.CommandFailed(command: ["ip"] + arguments, result: result) }
    }
}
