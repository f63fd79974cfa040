import BearmonCore

extension CatalogPlanner {
    /// Sets each file check's `depends_on` where it differs from what is stored (issue 22).
    /// Parents are named by the file's checks; a name not in the file is a problem at its
    /// line. Cycles the store refuses when the plan is applied, naming them.
    func planDependencies(_ checks: [CatalogDocument.Check], stored: StoredCatalog, into draft: inout CatalogPlanDraft) {
        let storedNames = Dictionary(stored.checks.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        for check in checks {
            guard let ref = draft.checkRefs[check.name] else { continue }
            var parents: [CatalogRef] = []
            for name in check.dependsOn {
                guard let parent = draft.checkRefs[name] else {
                    draft.problems.append(.init(line: check.dependsOnLine, "check '\(check.name)' depends on '\(name)', which is not under checks in this file; add the check or fix the name"))
                    continue
                }
                if name == check.name {
                    draft.problems.append(.init(line: check.dependsOnLine, "check '\(check.name)' cannot depend on itself; name another check"))
                    continue
                }
                parents.append(parent)
            }
            let storedParents: [String] = if case .id(let id) = ref { (stored.dependencies[id] ?? []).compactMap { storedNames[$0] }.sorted() } else { [] }
            guard storedParents != check.dependsOn else { continue }
            let shown = check.dependsOn.isEmpty ? "none" : check.dependsOn.joined(separator: ", ")
            draft.dependencies.append(.setDependencies(check: ref, parents: parents), storedParents.isEmpty ? .add : .change,
                                      "check \(check.name) depends on \(shown)" + (storedParents.isEmpty ? "" : " (was \(storedParents.joined(separator: ", ")))"))
        }
    }
}
