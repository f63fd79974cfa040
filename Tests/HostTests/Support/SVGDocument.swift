import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// An SVG answer read with Foundation's XMLParser: nil unless it is well-formed XML with an
/// `<svg>` root in the SVG namespace; then the texts a person sees and the title.
struct SVGDocument {
    /// The root's attributes.
    let root: [String: String]
    /// The `<title>`'s text.
    let title: String
    /// Each `<text>` element's text, in order.
    let texts: [String]

    init?(_ data: Data) {
        let reader = Reader()
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = true
        parser.delegate = reader
        guard parser.parse(), reader.rootName == "svg", reader.rootNamespace == "http://www.w3.org/2000/svg" else { return nil }
        root = reader.rootAttributes
        title = reader.title
        texts = reader.texts
    }

    private final class Reader: NSObject, XMLParserDelegate {
        var rootName: String?
        var rootNamespace: String?
        var rootAttributes: [String: String] = [:]
        var title = ""
        var texts: [String] = []
        private var current: String?
        private var buffer = ""

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            if rootName == nil { (rootName, rootNamespace, rootAttributes) = (name, namespaceURI, attributes) }
            current = name
            buffer = ""
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { buffer += string }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "title" { title = buffer }
            if name == "text" { texts.append(buffer) }
            buffer = ""
        }
    }
}
