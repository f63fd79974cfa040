import BearmonCore
package import BearmonPlugins
package import BearmonStore

/// Config as code over a store: plan a file against the stored catalog, apply a plan in one
/// transaction, export the catalog. `bearmon apply` and `bearmon export` are thin over this.
package struct ConfigAsCode {
    /// Where the catalog lives.
    package let store: any Store
    /// The plugins that validate data and say what to mask.
    package let host: PluginHost

    /// Config as code over `store`, validating with `host`'s types.
    package init(store: any Store, host: PluginHost) {
        self.store = store
        self.host = host
    }

    /// The plan that makes the store match the file `bytes` (named `file` in messages).
    /// Throws ``ConfigAsCodeError`` for a bad file, ``CatalogError`` for a stored catalog a
    /// file cannot describe, and the store's errors.
    package func plan(_ bytes: [UInt8], file: String, prune: Bool) throws -> CatalogPlan {
        try plan(CatalogDocument.parse(bytes, file: file), file: file, prune: prune)
    }

    /// The plan that makes the store match `document`, read from `file`.
    package func plan(_ document: CatalogDocument, file: String, prune: Bool) throws -> CatalogPlan {
        try CatalogPlanner(host: host, file: file).plan(document, against: StoredCatalog(store: store), prune: prune)
    }

    /// Applies `plan` in one transaction: all of it or none. What it deletes or disables sends
    /// `removed` notifications to contacts that last heard `offline`, unless `quiet`.
    package func apply(_ plan: CatalogPlan, quiet: Bool = false) throws {
        guard !plan.isEmpty else { return }
        try store.applyCatalog(plan.changes, quiet: quiet)
    }

    /// The stored catalog as a file that `apply` reads back to no change.
    package func export(withSecrets: Bool) throws -> String {
        try CatalogExporter(host: host).yaml(StoredCatalog(store: store), withSecrets: withSecrets)
    }
}
