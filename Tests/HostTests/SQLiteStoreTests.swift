import Foundation
import Testing
@testable import BearmonConfig
@testable import BearmonCore
@testable import BearmonMonitor
@testable import BearmonPlugins
@testable import BearmonRoles
@testable import BearmonServer
@testable import BearmonStore
@testable import BearmonWire
@testable import BearmonCLI

@Suite("SQLite backend")
struct SQLiteStoreTests {
    @Test("WAL mode, so the CLI and a running daemon can share the file")
    func walMode() throws {
        let dir = try TempDirectory()
        let database = try SQLiteDatabase(path: dir.file("b.sqlite"))
        #expect(try database.query("PRAGMA journal_mode").first?.string(0) == "wal")
    }

    @Test("two processes writing at once both succeed")
    func twoWriters() async throws {
        let dir = try TempDirectory()
        let db = "sqlite:" + dir.file("shared.sqlite")
        #expect(try await Command.bearmon(["db", "init", "--db", db]).status == 0)
        let script = """
            for i in $(seq 1 15); do
              "$0" checks add --db "$1" --name "$2-$i" --type tcp --data '{"address":"127.0.0.1:1"}' >/dev/null || exit 1
            done
            """
        let writers = try ["a", "b"].map { tag in
            try BackgroundProcess("/bin/sh", ["-c", script, TestPaths.bearmon, db, tag], log: dir.file("writer-\(tag).log"))
        }
        for writer in writers {
            #expect(writer.waitForExit(timeout: 120))
            #expect(writer.exitCode == 0, "\(writer.log)")
        }
        let store = SQLStore(database: try SQLiteDatabase(path: dir.file("shared.sqlite")))
        let names = try store.checkRows().map(\.name)
        #expect(names.count == 30)
        #expect(Set(names).count == 30)
    }

    @Test("without --db or --config, commands use bearmon.sqlite in the current directory; [store] sqlite moves it")
    func defaultPath() async throws {
        let dir = try TempDirectory()
        let add = try await Command.run(TestPaths.bearmon, ["checks", "add", "--name", "here", "--type", "tcp", "--data", #"{"address":"127.0.0.1:1"}"#], directory: dir.path)
        #expect(add.status == 0, "\(add.stderr)")
        #expect(FileManager.default.fileExists(atPath: dir.file("bearmon.sqlite")))

        let config = try dir.write("b.cfg", "[store]\nsqlite = \(dir.file("other.sqlite"))\n")
        _ = try await Command.bearmon(["checks", "add", "--config", config, "--name", "there", "--type", "tcp", "--data", #"{"address":"127.0.0.1:1"}"#])
        let other = SQLStore(database: try SQLiteDatabase(path: dir.file("other.sqlite")))
        #expect(try other.checkRows().map(\.name) == ["there"])
    }
}
