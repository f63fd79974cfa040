// swift-tools-version:6.0
import PackageDescription

/// Swift plugins export only their entry symbol; see Plugins/exports.map.
let pluginLinkerSettings: [LinkerSetting] = [
    .unsafeFlags(["-Xlinker", "--version-script=\(Context.packageDirectory)/Plugins/exports.map"]),
]

/// One dynamic library product per plugin module, named libbearmon-NAME.so.
func plugin(_ name: String, target: String) -> Product {
    .library(name: "bearmon-\(name)", type: .dynamic, targets: [target])
}

let package = Package(
    name: "bearmon",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "bearmon", targets: ["bearmon"]),
        plugin("tcp", target: "TCPPlugin"),
        plugin("dns", target: "DNSPlugin"),
        plugin("icmp", target: "ICMPPlugin"),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        // The contract between host and plugins: a header and nothing else of substance.
        .target(name: "PluginABI", path: "Sources/PluginABI"),
        // Identifies the Swift toolchain that compiled an image, for the host/plugin check.
        .target(name: "CToolchain", path: "Sources/CToolchain"),
        // ldns (Debian's libldns-dev), for building DNS queries and reading replies.
        .systemLibrary(name: "CLDNS", path: "Sources/CLDNS", pkgConfig: "ldns", providers: [.apt(["libldns-dev"])]),
        // The one place where errno becomes a Swift error.
        .target(name: "BearmonSystem", path: "Sources/BearmonSystem"),
        // Swift-side helpers for writing plugins against PluginABI.
        .target(
            name: "PluginKit",
            dependencies: ["PluginABI", "CToolchain", "BearmonSystem"],
            path: "Sources/PluginKit"
        ),
        .target(
            name: "Host",
            dependencies: [
                "PluginABI", "CToolchain", "BearmonSystem",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Sources/Host"
        ),
        .executableTarget(name: "bearmon", dependencies: ["Host"], path: "Sources/bearmon"),

        .target(
            name: "TCPPlugin",
            dependencies: ["PluginKit", "BearmonSystem"],
            path: "Plugins/tcp",
            linkerSettings: pluginLinkerSettings
        ),
        .target(
            name: "DNSPlugin",
            dependencies: ["PluginKit", "BearmonSystem", "CLDNS"],
            path: "Plugins/dns",
            linkerSettings: pluginLinkerSettings
        ),
        .target(
            name: "ICMPPlugin",
            dependencies: ["PluginKit", "BearmonSystem"],
            path: "Plugins/icmp",
            linkerSettings: pluginLinkerSettings
        ),

        .testTarget(
            name: "HostTests",
            dependencies: ["Host", "BearmonSystem"],
            path: "Tests/HostTests"
        ),
    ]
)
