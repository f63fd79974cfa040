package import BearmonCore

/// What `bearmon apply` sends: a config-as-code file and how to apply it.
package struct ConfigApplyRequest: Sendable, Equatable, Codable {
    /// The YAML text.
    package var yaml: String
    /// What messages call the file (its path on the client), such as bearmon.yaml.
    package var file: String
    /// Delete checks, contacts and alerts the file lacks.
    package var prune: Bool
    /// Plan only; change nothing.
    package var dryRun: Bool
    /// Send no `removed` notifications for what pruning deletes.
    package var quiet: Bool

    /// A request from its parts.
    package init(yaml: String, file: String, prune: Bool, dryRun: Bool, quiet: Bool = false) {
        self.yaml = yaml
        self.file = file
        self.prune = prune
        self.dryRun = dryRun
        self.quiet = quiet
    }

    enum CodingKeys: String, CodingKey {
        case yaml, file, prune, quiet
        case dryRun = "dry_run"
    }
}

/// What `apply` did: the plan's lines (secrets masked), its summary, and whether it wrote.
package struct ConfigApplyReport: Sendable, Equatable, Codable {
    /// One line per row added (+), changed (~), deleted (-) or kept though the file lost it (!).
    package var lines: [String]
    /// "2 to add, 1 to change, 0 to delete", and what was kept.
    package var summary: String
    /// Whether applying changes anything.
    package var changes: Bool
    /// Whether rows the file lost were kept (no --prune).
    package var kept: Bool
    /// Whether it was applied (false for a dry run or an empty plan).
    package var applied: Bool

    /// A report from its parts.
    package init(lines: [String], summary: String, changes: Bool, kept: Bool, applied: Bool) {
        self.lines = lines
        self.summary = summary
        self.changes = changes
        self.kept = kept
        self.applied = applied
    }
}

/// The catalog as a config-as-code file, secrets masked.
package struct ConfigExport: Sendable, Equatable, Codable {
    /// The YAML text `bearmon apply` reads back to no change.
    package var yaml: String

    /// An export of `yaml`.
    package init(yaml: String) { self.yaml = yaml }
}

extension ConfigApplyRequest {
    /// A request from an API body: `yaml` (required), `file`, `prune`, `dry_run`, `quiet`; unknown fields refused.
    package init(body: JSONValue) throws(CatalogError) {
        let reader = try BodyReader(body, what: "config request", known: ["yaml", "file", "prune", "dry_run", "quiet"])
        self.init(yaml: try reader.requiredString("yaml"), file: try reader.string("file") ?? "bearmon.yaml",
                  prune: try reader.bool("prune") ?? false, dryRun: try reader.bool("dry_run") ?? false, quiet: try reader.bool("quiet") ?? false)
    }
}
