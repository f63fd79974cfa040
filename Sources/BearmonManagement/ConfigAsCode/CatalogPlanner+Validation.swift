import BearmonPlugins
import BearmonSystem

extension CatalogPlanner {
    /// A check or contact being validated, with where its parts are in the file.
    struct Item {
        /// Check or contact.
        let kind: PluginKind
        /// "check 'web'", for messages.
        let label: String
        /// The type's name.
        let type: String
        /// Where the type is.
        let typeLine: Int
        /// Where the data is.
        let dataLine: Int
        /// The length of the data column.
        let column: Int
    }

    /// Whether `data` fits the item's type, strictly, as `checks add` checks it, and its column.
    func validated(_ data: String, _ item: Item, problems: inout [ConfigAsCodeError.Problem]) -> Bool {
        // A mask left after restoring stood where the shown value had none (`https://u:********@h/`
        // for a shown `https://********@h/`): stored, it would replace the secret with the mask.
        guard !data.contains(SecretMask.mask) else {
            problems.append(.init(line: item.dataLine, "\(item.label): its data holds the mask \(SecretMask.mask) where no stored secret matches it; write the value out, or leave exactly what export showed"))
            return false
        }
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
