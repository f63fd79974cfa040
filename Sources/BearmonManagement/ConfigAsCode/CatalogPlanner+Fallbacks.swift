import BearmonCore

extension CatalogPlanner {
    /// Refuses fallbacks (issue 23) that lead back to a contact already on the path, over what
    /// the catalog will hold after the apply: the file's alerts, and without `prune` the stored
    /// alerts the file does not list. A fallback chain follows the alerts of one check, as
    /// delivery does. Judged here so that the store, which refuses them too, never has to
    /// undo a batch for it; each loop is reported once, at the first `fallback` on it.
    func refuseFallbackLoops(stored: StoredCatalog, fileChecks: [String: CatalogRef], prune: Bool, into draft: inout CatalogPlanDraft) {
        var next: [CatalogRef: [CatalogRef: (fallback: CatalogRef, line: Int?)]] = [:]
        if !prune {
            for alert in stored.alerts where !draft.matchedAlerts.contains(alert.id) {
                guard let fallback = stored.alertOptions[alert.id]?.fallbackContactID else { continue }
                next[.id(alert.checkID), default: [:]][.id(alert.contactID)] = (.id(fallback), nil)
            }
        }
        for link in draft.fallbacks { next[link.check, default: [:]][link.contact] = (link.fallback, link.line) }
        var names = Dictionary(stored.contacts.map { (CatalogRef.id($0.id), stored.key(of: $0)) }, uniquingKeysWith: { first, _ in first })
        for (name, ref) in draft.contactRefs { names[ref] = name }
        let checkNames = Dictionary(fileChecks.map { ($0.value, $0.key) }, uniquingKeysWith: { first, _ in first })
        var reported: Set<Set<CatalogRef>> = []
        for link in draft.fallbacks {
            let edges = next[link.check] ?? [:]
            var path = [link.contact, link.fallback], lines = [link.line]
            // Each step takes another edge; more steps than edges means a loop that does not come back here.
            while path.last != link.contact, let step = edges[path.last!], path.count <= edges.count + 1 {
                path.append(step.fallback)
                if let line = step.line { lines.append(line) }
            }
            guard path.last == link.contact, reported.insert(Set(path)).inserted else { continue }
            let check = checkNames[link.check].map { "check '\($0)'" } ?? "the check"
            let shown = path.map { names[$0] ?? "\($0)" }
            if path.count == 2 {
                draft.problems.append(.init(line: link.line, "the alert of \(check) for contact '\(shown[0])' falls back to that same contact; choose another contact or leave fallback out"))
            } else {
                let onLines = Set(lines).count > 1 ? " (fallbacks on lines \(Set(lines).sorted().map(String.init).joined(separator: ", ")))" : ""
                draft.problems.append(.init(line: link.line, "the fallbacks of \(check) make a loop: \(shown.joined(separator: " -> "))\(onLines); break it by choosing a fallback outside it"))
            }
        }
    }
}
