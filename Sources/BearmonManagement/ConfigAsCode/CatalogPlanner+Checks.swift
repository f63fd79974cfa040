import BearmonCore
import BearmonPlugins

extension CatalogPlanner {
    /// Adds or updates each file check, matched to a stored one by name.
    func planChecks(_ checks: [CatalogDocument.Check], stored: StoredCatalog, into draft: inout CatalogPlanDraft) {
        let storedChecks = Dictionary(stored.checks.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for check in checks {
            let row = storedChecks[check.name]
            draft.checkRefs[check.name] = row.map { .id($0.id) } ?? .new("check:" + check.name)
            guard let data = restoredCheckData(check, stored: row, problems: &draft.problems) else { continue }
            // A stored name stays acceptable (gobearmon's names predate the rules); a new one must follow them.
            if row == nil {
                do { try NameRules.checkName(check.name, field: "check name") } catch {
                    draft.problems.append(.init(line: check.line, error.message))
                    continue
                }
            }
            let new = NewCheck(name: check.name, type: check.type, data: data, interval: check.interval, delay: check.delay, enabled: check.enabled)
            guard let row else {
                let extras = (check.enabled ? "" : ", disabled") + (check.isPublic ? ", public" : "") + (check.tags.isEmpty ? "" : ", tags \(check.tags.joined(separator: ", "))")
                draft.checks.append(.addCheck(key: "check:" + check.name, new, tags: check.tags, isPublic: check.isPublic), .add,
                                    "check \(check.name) (\(check.type)) every \(check.interval)s, delay \(check.delay)\(extras): "
                                        + draft.masker.mask(kind: .check, type: check.type, data: data))
                if !check.nodes.isEmpty {
                    draft.checks.append(.pinCheck(check: .new("check:" + check.name), nodes: check.nodes), .add,
                                        "check \(check.name) runs only on: \(check.nodes.joined(separator: ", "))")
                }
                continue
            }
            let storedNodes = stored.nodes[row.id] ?? []
            if storedNodes != check.nodes {
                draft.checks.append(.pinCheck(check: .id(row.id), nodes: check.nodes), .change,
                                    "check \(check.name) (id \(row.id)): nodes [\(storedNodes.joined(separator: ", "))] -> [\(check.nodes.joined(separator: ", "))]")
            }
            let differences = CatalogDifferences.check(row, tags: stored.tags[row.id] ?? [], isPublic: stored.publicIDs.contains(row.id), to: new,
                                                       tags: check.tags, isPublic: check.isPublic, masker: draft.masker)
            guard !differences.isEmpty else { continue }
            draft.checks.append(.updateCheck(id: row.id, new, tags: check.tags, isPublic: check.isPublic), .change,
                                "check \(check.name) (id \(row.id)): " + differences.joined(separator: "; "))
        }
    }

    /// The check's data as it will be stored: masks restored from the stored row, validated
    /// strictly against the type. Nil (with problems added) when refused.
    func restoredCheckData(_ check: CatalogDocument.Check, stored: CheckRow?, problems: inout [ConfigAsCodeError.Problem]) -> String? {
        if case .string(let text) = check.data {
            if let stored, stored.data == text, stored.type == check.type { return text }
            problems.append(.init(line: check.dataLine, "data of check '\(check.name)' must be a mapping of the type's parameters, got text"))
            return nil
        }
        let data: String
        do {
            data = try MaskedEdit.restore(check.data.jsonText, from: stored?.data ?? "{}")
        } catch {
            problems.append(.init(line: check.dataLine, "check '\(check.name)'\(stored == nil ? " is new, so" : ""): " + error.problems.map(\.description).joined(separator: "; ")))
            return nil
        }
        // As the API does: what is stored unchanged is not checked again, so that a row an
        // older bearmon (or gobearmon) accepted exports and applies back as it is.
        if let stored, stored.type == check.type, CatalogDifferences.sameData(stored.data, data) { return stored.data }
        let item = Item(kind: .check, label: "check '\(check.name)'", type: check.type, typeLine: check.typeLine, dataLine: check.dataLine, column: 1024)
        return validated(data, item, problems: &problems) ? data : nil
    }

}
