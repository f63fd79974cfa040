import BearmonPlugins

extension CatalogPlanner {
    /// A check or contact being validated, with where its parts are in the file.
    struct Item {
        let kind: PluginKind
        let label: String
        let type: String
        let typeLine: Int
        let dataLine: Int
        /// The length of the data column.
        let column: Int
    }

    /// Whether `data` fits the item's type, strictly, as `checks add` checks it, and its column.
    func validated(_ data: String, _ item: Item, problems: inout [ConfigAsCodeError.Problem]) -> Bool {
        let type: PluginType
        do {
            type = try host.type(item.kind, item.type)
        } catch {
            problems.append(.init(line: item.typeLine, "\(item.label): \(error)"))
            return false
        }
        do {
            _ = try host.validate(type, data: data, strict: true)
        } catch {
            problems.append(.init(line: item.dataLine, "\(item.label): \(error)"))
            return false
        }
        guard data.count <= item.column else {
            problems.append(.init(line: item.dataLine, "\(item.label): its data is \(data.count) characters as stored, longer than its column (\(item.column))"))
            return false
        }
        return true
    }
}
