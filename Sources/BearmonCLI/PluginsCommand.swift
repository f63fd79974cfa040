import ArgumentParser
import Foundation

/// `bearmon plugins`: every module and type, with parameters, and every refused file.
struct PluginsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plugins",
        abstract: "List loaded plugin modules, their check and contact types, and refused files."
    )

    @OptionGroup var options: PluginOptions

    @Flag(name: .long, help: "Print JSON.")
    var json = false

    @Flag(name: .long, help: "Print the type reference as Markdown (what docs/types.md holds).")
    var markdown = false

    func validate() throws {
        if json && markdown { throw ValidationError("--json and --markdown are different outputs; pick one") }
    }

    func run() async throws {
        let host = try options.makeHost(threads: 1)
        let listing = PluginListing(registry: host.registry, directory: host.loader.directory)
        print(json ? listing.json : markdown ? listing.markdown : listing.text, terminator: markdown ? "" : "\n")
    }
}
