/// bearmon's own version.
package enum BearmonVersion {
    /// The version string shown by `bearmon --version` and given to plugins.
    package static let current = "0.1.0"
}
