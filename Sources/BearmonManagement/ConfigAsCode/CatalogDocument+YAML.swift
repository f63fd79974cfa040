import BearmonCore
import Yams

extension CatalogDocument {
    /// The largest file read: far more than any real catalog, small enough to parse at once.
    package static let maxFileBytes = 8 << 20
    /// How deep check and contact data may nest.
    package static let maxDataDepth = 32

    /// Reads `bytes`, the contents of `file`; refuses with every problem found, each naming its line.
    package static func parse(_ bytes: [UInt8], file: String) throws(ConfigAsCodeError) -> CatalogDocument {
        func refuse(_ line: Int?, _ message: String) -> ConfigAsCodeError { ConfigAsCodeError(file: file, line: line, message) }
        guard bytes.count <= maxFileBytes else {
            throw refuse(nil, "the file is \(bytes.count) bytes, more than the \(maxFileBytes) accepted; split the catalog or remove what it does not need")
        }
        let text = try utf8Text(bytes, file: file)
        if let line = YAMLAliasScan.firstAlias(in: text) {
            throw refuse(line, "YAML aliases (*name) are not accepted here; write the value out in full (if this `*` is text, quote the value)")
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw refuse(YAMLErrorWords.line(of: error, in: text), YAMLErrorWords.words(for: error))
        } catch {
            throw refuse(nil, "cannot read the YAML: \(error)")
        }
        guard let root else {
            throw refuse(1, "the file holds no YAML; an empty catalog is written `checks: {}` (with --prune it deletes everything)")
        }
        var reader = CatalogYAMLReader()
        let document = reader.document(root)
        guard reader.problems.isEmpty else { throw ConfigAsCodeError(file: file, problems: reader.problems) }
        return document
    }

    /// `bytes` as text, or a refusal naming the line of the first byte that is not UTF-8.
    private static func utf8Text(_ bytes: [UInt8], file: String) throws(ConfigAsCodeError) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        var line = 1
        for piece in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            if String(validating: piece, as: UTF8.self) == nil { break }
            line += 1
        }
        throw ConfigAsCodeError(file: file, line: line, "the file is not UTF-8 text; save it as UTF-8")
    }
}
