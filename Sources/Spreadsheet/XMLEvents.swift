import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Streams one XML part through Foundation's `XMLParser` and hands each element start, element
/// end and piece of text to the caller's closures, so the large parts (worksheets, shared
/// strings) are read without building a tree. Element names are local names ("c", not "x:c"):
/// some producers prefix the spreadsheet namespace.
///
/// Safety: a document type declaration (`<!DOCTYPE`, in UTF-8 or UTF-16) is refused before
/// parsing (Office parts never have one), so there are no entity expansions ("billion laughs")
/// and no external entities; external entities are not resolved either way. A closure may
/// throw; the parse then stops and the error is rethrown as is.
final class XMLEvents: NSObject, XMLParserDelegate {
    typealias Start = (_ name: String, _ attributes: Attributes) throws -> Void
    typealias End = (_ name: String, _ text: String) throws -> Void

    /// Parses `data`, the part at `path` (named in errors). `start` gets each element and its
    /// attributes; `end` gets each element with the text collected since the last start or end
    /// tag (the text of a leaf element such as `<v>` or `<t>`, with `_xHHHH_` escapes left as
    /// they are: see `decodeEscapes`). Malformed XML throws `XLSXReadError.malformedXML`.
    static func parse(_ data: Data, path: String, start: @escaping Start, end: @escaping End) throws {
        for encoding in [String.Encoding.utf8, .utf16LittleEndian, .utf16BigEndian] {
            if let doctype = "<!DOCTYPE".data(using: encoding), data.range(of: doctype) != nil {
                throw XLSXReadError.malformedXML(part: path, detail: "DOCTYPE is not allowed")
            }
        }
        let events = XMLEvents(path: path, start: start, end: end)
        // A stream, not XMLParser(data:): on Linux the latter hands libxml2 the whole part at
        // once, and libxml2 then fails at the end of any part over 10 MB ("huge input lookup").
        let parser = XMLParser(stream: InputStream(data: data))
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        parser.delegate = events
        // On Linux, parse() returns true even for malformed XML (the error only reaches the
        // delegate), and a stream that ends inside an element is no error at all: hence the
        // delegate method, and the count of open elements.
        let ok = parser.parse()
        if let error = events.thrown { throw error }
        if !ok {
            let code = (parser.parserError as NSError?)?.code ?? 0
            throw XLSXReadError.malformedXML(part: path, detail: "line \(parser.lineNumber), XMLParser error \(code)")
        }
        if !events.sawRoot { throw XLSXReadError.malformedXML(part: path, detail: "no root element") }
        if events.depth > 0 { throw XLSXReadError.malformedXML(part: path, detail: "the part ends inside an element") }
    }

    private let path: String
    private let start: Start
    private let end: End
    private var text = ""
    private var thrown: Error?
    private var sawRoot = false
    /// Elements open at this point.
    private var depth = 0

    private init(path: String, start: @escaping Start, end: @escaping End) {
        self.path = path
        self.start = start
        self.end = end
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        guard thrown == nil else { return }
        sawRoot = true
        depth += 1
        text = ""
        do { try start(elementName, Attributes(attributeDict)) } catch { stop(parser, error) }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?) {
        guard thrown == nil else { return }
        depth -= 1
        do { try end(elementName, text) } catch { stop(parser, error) }
        text = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text += string
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        text += String(decoding: CDATABlock, as: UTF8.self)
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        guard thrown == nil else { return }
        let code = (parseError as NSError).code
        stop(parser, XLSXReadError.malformedXML(part: path, detail: "line \(parser.lineNumber), XMLParser error \(code)"))
    }

    private func stop(_ parser: XMLParser, _ error: Error) {
        thrown = error
        parser.abortParsing()
    }

    /// An element's attributes, looked up by local name: `r:id` is found as "id".
    struct Attributes {
        let all: [String: String]
        init(_ all: [String: String]) { self.all = all }

        subscript(_ name: String) -> String? {
            if let value = all[name] { return value }
            for (key, value) in all where key.hasSuffix(":" + name) { return value }
            return nil
        }

        /// Whether a boolean attribute is on: "1" or "true" (xsd:boolean).
        func flag(_ name: String) -> Bool {
            let value = self[name]
            return value == "1" || value == "true"
        }
    }

    /// Cell text with Excel's `_xHHHH_` escapes decoded ("_x000D_" is a carriage return,
    /// "_x005F_" a literal underscore, so "_x005F_x0041_" reads "_x0041_"). An escape that names
    /// no valid character is left as written.
    static func decodeEscapes(_ text: String) -> String {
        guard text.contains("_x") else { return text }
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            if scalars[i] == "_", i + 6 < scalars.count, scalars[i + 1] == "x", scalars[i + 6] == "_",
               scalars[(i + 2)...(i + 5)].allSatisfy({ $0.properties.isASCIIHexDigit }),
               let value = UInt32(String(String.UnicodeScalarView(scalars[(i + 2)...(i + 5)])), radix: 16),
               let scalar = Unicode.Scalar(value) {
                out.append(scalar)
                i += 7
            } else {
                out.append(scalars[i])
                i += 1
            }
        }
        return String(out)
    }
}
