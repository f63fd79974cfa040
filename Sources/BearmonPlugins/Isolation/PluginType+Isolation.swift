extension PluginType {
    /// Whether the type runs in a helper process (`[plugins] isolate`).
    package var isIsolated: Bool {
        if case .isolated = implementation { return true }
        return false
    }
}
