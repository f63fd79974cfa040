import BearmonCore

extension CatalogPlanner {
    /// Adds or updates each file window, matched to a stored one by name (`maintenance-ID` for
    /// one without a name). A window names a check of the file, a tag some check will carry, or
    /// all; a new or changed one must not be over (the API's rules, the API's words).
    func planMaintenances(_ windows: [CatalogDocument.Maintenance], fileChecks: [CatalogDocument.Check], stored: StoredCatalog, prune: Bool,
                          into draft: inout CatalogPlanDraft) {
        let fileNames = Set(fileChecks.map(\.name))
        var knownTags = Set(fileChecks.flatMap(\.tags))
        if !prune {
            for row in stored.checks where !fileNames.contains(row.name) { knownTags.formUnion(stored.tags[row.id] ?? []) }
        }
        let named = Dictionary(stored.maintenances.filter { !$0.name.isEmpty }.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let unnamed = Dictionary(stored.maintenances.filter { $0.name.isEmpty }.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let checkNames = Dictionary(stored.checks.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        for window in windows {
            let label = "maintenance window '\(window.name)'"
            let unnamedID = MaintenanceInput.unnamedID(window.name)
            let row = unnamedID.map { unnamed[$0] } ?? named[window.name]
            if let unnamedID, row == nil {
                draft.problems.append(.init(line: window.line, "\(label): maintenance-ID names a stored window without a name, and window \(unnamedID) is not one; choose another name"))
                continue
            }
            var check: CatalogRef?
            let scope: HoldScope
            switch window.input.target {
            case .checkName(let name):
                guard let ref = draft.checkRefs[name] else {
                    draft.problems.append(.init(line: window.line, "\(label) names check '\(name)', which is not under checks in this file; add the check or fix the name"))
                    continue
                }
                check = ref
                scope = if case .id(let id) = ref { .check(id) } else { .check(0) }
            case .tag(let tag):
                guard knownTags.contains(tag) else {
                    draft.problems.append(.init(line: window.line, "\(label) names tag '\(tag)', which no check carries; tag a check with it or fix the tag"))
                    continue
                }
                scope = .tag(tag)
            case .all:
                scope = .all
            case .checkID(let id):
                scope = .check(id)
            }
            let wanted = window.input.row(scope: scope, createdBy: Self.creator)
            let wantedName = unnamedID == nil ? window.name : ""
            let new = MaintenanceRow(id: 0, name: wantedName, scope: scope, timing: wanted.timing, comment: wanted.comment, createdBy: Self.creator, createdAt: 0)
            let scopeText = if case .checkName(let name) = window.input.target { "check \(name)" } else { scope.label }
            if let row { draft.matchedMaintenances.insert(row.id) }
            var differences: [String] = []
            if let row {
                let sameCheck = if case .new = check { false } else { true }
                if row.scope != scope || !sameCheck {
                    let old = if case .check(let id) = row.scope { "check \(checkNames[id] ?? String(id))" } else { row.scope.label }
                    differences.append("scope \(old) -> \(scopeText)")
                }
                if row.timing != new.timing { differences.append("\(HoldFields.whenText(row.timing)) -> \(HoldFields.whenText(new.timing))") }
                if row.comment != new.comment { differences.append("comment changed") }
                guard !differences.isEmpty else { continue }
            }
            do {
                try window.input.requireUpcoming(now: now)
            } catch {
                draft.problems.append(.init(line: window.line, "\(label): \(error.message)"))
                continue
            }
            if let row {
                draft.maintenances.append(.updateMaintenance(id: row.id, new, check: check), .change,
                                          "maintenance \(window.name) (id \(row.id)): " + differences.joined(separator: "; "))
            } else {
                draft.maintenances.append(.addMaintenance(key: "maintenance:" + window.name, new, check: check), .add,
                                          "maintenance \(window.name) (\(scopeText), \(HoldFields.whenText(new.timing)))" + (new.comment.isEmpty ? "" : ": \(new.comment)"))
            }
        }
    }
}
