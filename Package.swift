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
        plugin("http", target: "HTTPPlugin"),
        plugin("sslexpire", target: "SSLExpirePlugin"),
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

        .target(
            name: "TCPPlugin",
            dependencies: ["PluginKit", "BearmonSystem"],
            path: "Plugins/tcp",
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

        .testTarget(
            name: "HostTests",
            dependencies: ["Host", "BearmonSystem"],
            path: "Tests/HostTests"
        ),
    ]
)
