extension LocalCatalog {
    /// The longest file name a message repeats from a request; longer ones are replaced.
    private static let maxFileLabel = 256

    /// The catalog as config as code, secrets masked.
    package func exportConfig() throws(CatalogError) -> ConfigExport {
        ConfigExport(yaml: try stored { try ConfigAsCode(store: store, host: host).export(withSecrets: false) })
    }

    /// Plans `request`'s file and, unless a dry run, applies it in one transaction.
    package func applyConfig(_ request: ConfigApplyRequest) throws(CatalogError) -> ConfigApplyReport {
        let file = Self.label(request.file)
        let configAsCode = ConfigAsCode(store: store, host: host)
        let plan = try configFile(file) { try configAsCode.plan(Array(request.yaml.utf8), file: file, prune: request.prune) }
        let apply = !request.dryRun && !plan.isEmpty
        if apply { try stored { try configAsCode.apply(plan, quiet: request.quiet) } }
        return ConfigApplyReport(lines: plan.lines.map(\.description), summary: plan.summary, changes: !plan.isEmpty,
                                 kept: plan.count(.keep) > 0, applied: apply)
    }

    /// A file's mistakes as a refusal (400) that keeps every file:line; the store's as ``stored(_:)`` words them.
    private func configFile<T>(_ file: String, _ body: () throws -> T) throws(CatalogError) -> T {
        do {
            return try body()
        } catch let error as ConfigAsCodeError {
            throw CatalogError(.invalid, error.description)
        } catch {
            return try stored { throw error }
        }
    }

    /// A printable file label of bounded length: it is repeated in every message.
    private static func label(_ file: String) -> String {
        let printable = BodyReader.printable(file)
        return file.isEmpty || file.unicodeScalars.count > maxFileLabel || printable != file ? "<request>" : file
    }
}
