/// How the node starts a plugin host: which binary (its own, by default) and what it passes.
/// Only paths and counts go on the command line; the config is read from its file, and
/// params and events travel over the socket, never in argv.
package struct HelperLaunch: Sendable, Equatable {
    /// The bearmon binary to run as `plugin-host`.
    package var executable: String
    /// The config file the node was started with, if any, for the plugin's config section
    /// and the egress policy.
    package var configPath: String?
    /// Threads the helper gives calls (the node's own width).
    package var threads: Int
    /// Whether the helper sends debug lines (the node logs them).
    package var debug = false

    /// The running binary, without a config, one thread per call slot of `threads`.
    package init(executable: String = "/proc/self/exe", configPath: String? = nil, threads: Int = 32) {
        self.executable = executable
        self.configPath = configPath
        self.threads = threads
    }

    /// The arguments after the binary for a helper that loads `module`.
    func arguments(module: String) -> [String] {
        ["plugin-host", "--module", module, "--threads", "\(threads)"] + (configPath.map { ["--config", $0] } ?? []) + (debug ? ["--debug"] : [])
    }
}
