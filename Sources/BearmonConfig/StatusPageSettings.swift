/// `[status]`'s keys for the pages (README, "Web pages"): the public status page's title and
/// footer, and whether pages anyone may read show checks' messages, which can name internal
/// hosts and addresses. (`[status] timezone` is read with the controller's settings.)
package struct StatusPageSettings: Sendable, Equatable {
    /// The longest title or footer: a page heading, not a document.
    package static let maxTextLength = 500

    /// `[status] title` (default "Status").
    package var title: String
    /// `[status] footer` (default empty: none).
    package var footer: String
    /// `[status] showMessages` (default false): whether `/status` and its feed show messages.
    package var showMessages: Bool

    /// Settings from their parts; the defaults are README's.
    package init(title: String = "Status", footer: String = "", showMessages: Bool = false) {
        self.title = title
        self.footer = footer
        self.showMessages = showMessages
    }

    /// `[status]` from `config`; a title or footer over ``maxTextLength`` characters, or a
    /// `showMessages` that is not a boolean, names the file and line.
    package static func from(_ config: Config) throws(ConfigError) -> StatusPageSettings {
        var settings = StatusPageSettings()
        for (key, path) in [("title", \StatusPageSettings.title), ("footer", \.footer)] {
            guard let value = config.string("status", key) else { continue }
            guard value.count <= maxTextLength else { throw config.error("status", key, "is \(value.count) characters; keep it to \(maxTextLength)") }
            settings[keyPath: path] = value
        }
        settings.showMessages = try config.bool("status", "showMessages") ?? false
        return settings
    }
}
