// swift-tools-version:6.0
import PackageDescription

/// Swift plugins export only their entry symbol; see Plugins/exports.map.
let pluginLinkerSettings: [LinkerSetting] = [
    .unsafeFlags(["-Xlinker", "--version-script=\(Context.packageDirectory)/Plugins/exports.map"]),
]

/// bearmon's own targets: imports are internal unless marked, so that a target's API is what
/// it declares `package` (or `public`), not what it happens to import.
let hostSwiftSettings: [SwiftSetting] = [.enableUpcomingFeature("InternalImportsByDefault")]

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
        plugin("http", target: "HTTPPlugin"),
        plugin("sslexpire", target: "SSLExpirePlugin"),
        plugin("email", target: "EmailPlugin"),
        plugin("twilio", target: "TwilioPlugin"),
        plugin("webhook", target: "WebhookPlugin"),
        plugin("nagios", target: "NagiosPlugin"),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        // YAML for config as code (`bearmon apply` / `export`).
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // Templates for the web pages (dashboard, check page, status page).
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        // Prometheus's text exposition format for /metrics.
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
    ],
    targets: [
        // The contract between host and plugins: a header and nothing else of substance.
        .target(name: "PluginABI", path: "Sources/PluginABI"),
        // Identifies the Swift toolchain that compiled an image, for the host/plugin check.
        .target(name: "CToolchain", path: "Sources/CToolchain"),
        // C libraries from Debian, each behind a small shim module.
        .systemLibrary(name: "CMariaDB", path: "Sources/CMariaDB", pkgConfig: "libmariadb", providers: [.apt(["libmariadb-dev"])]),
        .systemLibrary(name: "CSQLite", path: "Sources/CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        // ldns (Debian's libldns-dev), for building DNS queries and reading replies.
        .systemLibrary(name: "CLDNS", path: "Sources/CLDNS", pkgConfig: "ldns", providers: [.apt(["libldns-dev"])]),
        // glibc's allocator controls, for HeapTuning.
        .systemLibrary(name: "CMalloc", path: "Sources/CMalloc"),
        // The one place where errno becomes a Swift error.
        .target(name: "BearmonSystem", dependencies: ["CMalloc"], path: "Sources/BearmonSystem"),
        // Swift-side helpers for writing plugins against PluginABI.
        .target(
            name: "PluginKit",
            dependencies: ["PluginABI", "CToolchain", "BearmonSystem"],
            path: "Sources/PluginKit"
        ),
        // bearmon itself, in layers; each depends only on those above it (docs/architecture.md).
        .target(
            name: "BearmonConfig", dependencies: ["BearmonSystem"], path: "Sources/BearmonConfig",
            swiftSettings: hostSwiftSettings
        ),
        .target(
            name: "BearmonCore", dependencies: ["BearmonSystem"], path: "Sources/BearmonCore",
            swiftSettings: hostSwiftSettings
        ),
        .target(
            name: "BearmonStore",
            dependencies: ["BearmonCore", "BearmonConfig", "BearmonSystem", "CMariaDB", "CSQLite", .product(name: "Logging", package: "swift-log")],
            path: "Sources/BearmonStore", swiftSettings: hostSwiftSettings
        ),
        .target(
            name: "BearmonPlugins",
            dependencies: [
                "BearmonCore", "BearmonConfig", "BearmonStore", "PluginABI", "CToolchain", "BearmonSystem",
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Sources/BearmonPlugins", swiftSettings: hostSwiftSettings
        ),
        .target(
            name: "BearmonWire",
            dependencies: ["BearmonCore", "BearmonConfig", "BearmonSystem", "CurlKit", "COpenSSL", .product(name: "Logging", package: "swift-log")],
            path: "Sources/BearmonWire", swiftSettings: hostSwiftSettings
        ),
        .target(
            name: "BearmonMonitor",
            dependencies: ["BearmonCore", "BearmonConfig", "BearmonStore", "BearmonSystem", .product(name: "Logging", package: "swift-log")],
            path: "Sources/BearmonMonitor", swiftSettings: hostSwiftSettings
        ),
        // Managing checks, contacts, alerts and tokens without SQL: one validation and masking
        // path for the CLI, the REST API and config as code.
        .target(
            name: "BearmonManagement",
            dependencies: ["BearmonCore", "BearmonConfig", "BearmonStore", "BearmonPlugins", "BearmonWire", "BearmonSystem", "CurlKit",
                           .product(name: "Yams", package: "Yams")],
            path: "Sources/BearmonManagement", swiftSettings: hostSwiftSettings
        ),
        .target(
            name: "BearmonServer",
            dependencies: [
                "BearmonCore", "BearmonConfig", "BearmonWire", "BearmonMonitor", "BearmonSystem",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Sources/BearmonServer", swiftSettings: hostSwiftSettings
        ),
        // The REST API under /api/v1: CatalogService over HTTP, with its OpenAPI document.
        .target(
            name: "BearmonAPI",
            dependencies: [
                "BearmonCore", "BearmonManagement", "BearmonServer",
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            path: "Sources/BearmonAPI", swiftSettings: hostSwiftSettings
        ),
        // The web pages: dashboard, check page, public status page and its Atom feed, with
        // their templates compiled in.
        .target(
            name: "BearmonWeb",
            dependencies: [
                "BearmonCore", "BearmonConfig", "BearmonStore", "BearmonManagement", "BearmonServer",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            path: "Sources/BearmonWeb", swiftSettings: hostSwiftSettings
        ),
        // Prometheus's /metrics: a node's own series, and the acting controller's per-check ones.
        .target(
            name: "BearmonMetrics",
            dependencies: [
                "BearmonCore", "BearmonConfig", "BearmonServer",
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            path: "Sources/BearmonMetrics", swiftSettings: hostSwiftSettings
        ),
        .target(
            name: "BearmonRoles",
            dependencies: [
                "BearmonCore", "BearmonConfig", "BearmonStore", "BearmonPlugins", "BearmonWire", "BearmonMonitor", "BearmonServer", "BearmonSystem",
                "BearmonManagement",
                "BearmonAPI",
                "BearmonWeb",
                "BearmonMetrics",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Sources/BearmonRoles", swiftSettings: hostSwiftSettings
        ),
        // The command line: parses arguments and starts a role or runs a one-off command.
        .target(
            name: "BearmonCLI",
            dependencies: [
                "BearmonCore", "BearmonConfig", "BearmonStore", "BearmonPlugins", "BearmonWire", "BearmonMonitor", "BearmonServer", "BearmonRoles",
                "BearmonSystem", "BearmonManagement", "PluginABI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Sources/BearmonCLI", swiftSettings: hostSwiftSettings
        ),
        .executableTarget(name: "bearmon", dependencies: ["BearmonCLI"], path: "Sources/bearmon", swiftSettings: hostSwiftSettings),
        // bearmon for bearmon's own tests: the same commands, with NodeHooks taken from the
        // environment (BEARMON_TEST_*), so that crash and fence tests can hold a real node back.
        .executableTarget(
            name: "bearmon-testnode", dependencies: ["BearmonCLI", "BearmonRoles"], path: "Tests/TestNode", swiftSettings: hostSwiftSettings
        ),

        // C libraries, each behind a shim header with typed wrappers for what Swift can't import.
        .systemLibrary(
            name: "CCurl", path: "Sources/CCurl", pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        .systemLibrary(
            name: "COpenSSL", path: "Sources/COpenSSL", pkgConfig: "openssl",
            providers: [.apt(["libssl-dev"])]
        ),
        // The one Swift wrapper over libcurl, shared by the http check and the contact plugins.
        .target(name: "CurlKit", dependencies: ["CCurl", "BearmonSystem"], path: "Sources/CurlKit"),
        // What the contact plugins share: config errors, transfer outcomes, the words of a notification.
        .target(name: "ContactKit", dependencies: ["PluginKit", "CurlKit", "BearmonSystem"], path: "Sources/ContactKit"),

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
        .target(
            name: "HTTPPlugin",
            dependencies: ["PluginKit", "CurlKit", "BearmonSystem"],
            path: "Plugins/http",
            linkerSettings: pluginLinkerSettings
        ),
        .target(
            name: "SSLExpirePlugin",
            dependencies: ["PluginKit", "COpenSSL", "BearmonSystem"],
            path: "Plugins/sslexpire",
            linkerSettings: pluginLinkerSettings
        ),

        // The nagios check's process supervisor: fork, subreaper, posix_spawn, kill the tree.
        .target(name: "CSupervisor", path: "Sources/CSupervisor"),
        .target(
            name: "NagiosPlugin",
            dependencies: ["PluginKit", "CSupervisor", "BearmonSystem"],
            path: "Plugins/nagios",
            linkerSettings: pluginLinkerSettings
        ),

        .target(
            name: "EmailPlugin",
            dependencies: ["PluginKit", "ContactKit", "CurlKit", "CCurl", "BearmonSystem"],
            path: "Plugins/email",
            linkerSettings: pluginLinkerSettings
        ),
        .target(
            name: "TwilioPlugin",
            dependencies: ["PluginKit", "ContactKit", "CurlKit", "BearmonSystem"],
            path: "Plugins/twilio",
            linkerSettings: pluginLinkerSettings
        ),
        .target(
            name: "WebhookPlugin",
            dependencies: ["PluginKit", "ContactKit", "CurlKit", "BearmonSystem"],
            path: "Plugins/webhook",
            linkerSettings: pluginLinkerSettings
        ),

        .testTarget(
            name: "HostTests",
            dependencies: [
                "BearmonCore", "BearmonConfig", "BearmonStore", "BearmonPlugins", "BearmonWire", "BearmonMonitor", "BearmonServer", "BearmonRoles",
                "BearmonCLI", "BearmonSystem", "BearmonManagement",
                "BearmonAPI",
                "BearmonWeb",
                "BearmonMetrics",
                // The egress guard inside a transfer, tested below the plugins that use it.
                "CurlKit",
                // In-process route tests (`app.test(.router)`), from the Hummingbird package bearmon already uses.
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                // Checks the alias scan against what Yams itself composes.
                .product(name: "Yams", package: "Yams"),
            ],
            path: "Tests/HostTests"
        ),
    ]
)

// Fuzz targets, built and run by fuzz/run.sh with `--sanitize=fuzzer` in their own build
// directory. libFuzzer supplies their `main`, so they link only under that flag: they join
// the package only when BEARMON_FUZZ is set, and the normal build never sees them.
if Context.environment["BEARMON_FUZZ"] != nil {
    let fuzzTargets: [(name: String, dependencies: [Target.Dependency])] = [
        ("push", ["BearmonCore", "BearmonMonitor"]),
        ("gcfg", ["BearmonConfig"]),
        ("params", ["BearmonCore", "BearmonPlugins"]),
        ("dns", ["DNSPlugin", "CLDNS"]),
    ]
    for target in fuzzTargets {
        package.targets.append(.executableTarget(
            name: "fuzz-\(target.name)", dependencies: target.dependencies, path: "fuzz/targets/\(target.name)"
        ))
    }
}
