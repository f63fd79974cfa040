import ArgumentParser
import Foundation
import BearmonCore
import BearmonManagement

/// `bearmon checks edit ID`: changes a check in place, so that its status, history and alerts
/// survive, which `rm` plus `add` would lose. A running controller picks the edit up at its
/// next catalog reload, within seconds.
struct ChecksEditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Change a check's name, type, data, interval, delay, tags or public flag; new data is validated against the type."
    )

    @Argument(help: "The check's id.") var id: Int64
    @Option(help: "A new name (at most 64 characters).") var name: String?
    @Option(help: "A new check type; --data must then fit it.") var type: String?
    @Option(help: "New JSON data, replacing the old whole. A value left as the mask ******** (as `checks list` shows secrets) keeps the stored value; so do ******** parts of a URL.") var data: String?
    @Option(help: "Seconds between runs.") var interval: Int64?
    @Option(help: "Extra rounds a new state must hold before the check flips.") var delay: Int64?
    @Option(name: .customLong("tag"), help: "The check's tags, replacing the old ones; repeat for more.") var tags: [String] = []
    @Flag(name: .customLong("no-tags"), help: "Remove every tag.") var noTags = false
    @Flag(name: .customLong("public"), inversion: .prefixedNo, help: "Show it on the public status page, or not.") var isPublic: Bool?
    @Option(name: .customLong("depends-on"), help: "The ids of the checks it depends on, comma-separated (3 or 3,4), replacing the old ones: while one is offline, this check's offline is suppressed.") var dependsOn: String?
    @Flag(name: .customLong("no-depends-on"), help: "Remove every dependency.") var noDependsOn = false
    @Option(help: "Pin it to these nodes, comma-separated (w1,w2), replacing the old ones; \"\" lets any worker run it.") var nodes: String?
    @OptionGroup var options: ManagementOptions

    func validate() throws {
        if [name, type, data, dependsOn, nodes].allSatisfy({ $0 == nil }), interval == nil, delay == nil, tags.isEmpty, !noTags, isPublic == nil, !noDependsOn {
            throw ValidationError("nothing to change: give --name, --type, --data, --interval, --delay, --tag, --no-tags, --public, --no-public, --depends-on, --no-depends-on or --nodes")
        }
        if noTags, !tags.isEmpty { throw ValidationError("give --tag or --no-tags, not both") }
        if noDependsOn, dependsOn != nil { throw ValidationError("give --depends-on or --no-depends-on, not both") }
        _ = try parents()
    }

    /// `--depends-on` as ids ([] for `--no-depends-on`), nil when neither is given.
    private func parents() throws -> [Int64]? {
        if noDependsOn { return [] }
        guard let dependsOn else { return nil }
        let parts = dependsOn.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        return try parts.map { part in
            guard let id = Int64(part), id > 0 else {
                throw ValidationError("--depends-on takes positive check ids separated by commas, such as 3 or 3,4; got '\(part.prefix(32))' (use --no-depends-on to clear)")
            }
            return id
        }
    }

    func run() async throws {
        let newData = try data.map(DataArgument.check)
        let session = try options.open()
        var patch: [String: JSONValue] = [:]
        if let name { patch["name"] = .string(name) }
        if let type { patch["type"] = .string(type) }
        if let newData {
            // Masks in the new data mean "unchanged": the catalog restores them from what is stored.
            let current = try managed { () throws(CatalogError) in try session.catalog.check(id) }
            patch["data"] = DataArgument.replacing(current.data, with: newData)
        }
        if let interval { patch["interval"] = .int(interval) }
        if let delay { patch["delay"] = .int(delay) }
        if noTags || !tags.isEmpty { patch["tags"] = .array(tags.map(JSONValue.string)) }
        if let isPublic { patch["public"] = .bool(isPublic) }
        if let parents = try parents() { patch["dependsOn"] = .array(parents.map(JSONValue.int)) }
        if let nodes { patch["nodes"] = NodeList.json(nodes) }
        let changed = try managed { () throws(CatalogError) in try session.catalog.updateCheck(id, patch: .object(patch)) }
        print("changed check \(id) (\(changed.name))")
    }
}
