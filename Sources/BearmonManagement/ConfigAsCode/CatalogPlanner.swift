import BearmonCore
package import BearmonPlugins
import BearmonSystem

/// Diffs a ``CatalogDocument`` against a ``StoredCatalog`` into a ``CatalogPlan``. Validates
/// the file as the CLI does (data strictly against the type's parameters), restores masked
/// secrets from what is stored, and refuses the whole file, naming every line at fault, when
/// anything is wrong.
package struct CatalogPlanner {
    /// The plugins whose types validate data and say what to mask.
    package let host: PluginHost
    /// The file, as named on the command line, for messages.
    package let file: String
    /// When the plan is made, unix ms: a new or changed maintenance window must not be over by then.
    package let now: Int64

    /// Who config as code records as the creator of the windows it adds.
    package static let creator = "config as code"

    /// A planner over `host`'s types for `file`, at `now` (unix ms).
    package init(host: PluginHost, file: String, now: Int64 = LocalCatalog.wallClock()) {
        self.host = host
        self.file = file
        self.now = now
    }

    /// The plan that makes `stored` match `document`; with `prune`, rows the file lost are
    /// deleted, otherwise reported and kept.
    package func plan(_ document: CatalogDocument, against stored: StoredCatalog, prune: Bool) throws -> CatalogPlan {
        try stored.requireUnambiguous()
        var draft = CatalogPlanDraft(masker: DataMasker(host: host))
        planChecks(document.checks, stored: stored, into: &draft)
        planDependencies(document.checks, stored: stored, into: &draft)
        planContacts(document.contacts, stored: stored, into: &draft)
        planAlerts(document.alerts, fileContacts: Set(document.contacts.map(\.name)), stored: stored, into: &draft)
        refuseFallbackLoops(stored: stored, fileChecks: draft.checkRefs, prune: prune, into: &draft)
        planMaintenances(document.maintenances, fileChecks: document.checks, stored: stored, prune: prune, into: &draft)
        guard draft.problems.isEmpty else {
            throw ConfigAsCodeError(file: file, problems: draft.problems.sorted { ($0.line ?? 0) < ($1.line ?? 0) })
        }
        return draft.plan(dropping: stored, keeping: Set(document.checks.map(\.name)), prune: prune)
    }
}
