import Foundation

/// Reads xl/sharedStrings.xml: the table of strings that cells with `t="s"` refer to by index.
enum SharedStringsReader {
    /// The strings in table order. Each `<si>` is one string: its `<t>`, or the `<t>` of each of
    /// its rich-text runs (`<r>`) joined; phonetic guides (`<rPh>`, furigana) are left out.
    /// `_xHHHH_` escapes are decoded.
    static func read(_ data: Data, path: String) throws -> [String] {
        var strings: [String] = []
        var current = ""
        var inItem = false, phoneticDepth = 0
        try XMLEvents.parse(data, path: path, start: { name, _ in
            switch name {
            case "si": inItem = true; current = ""
            case "rPh": phoneticDepth += 1
            default: break
            }
        }, end: { name, text in
            switch name {
            case "t" where inItem && phoneticDepth == 0: current += text
            case "rPh": phoneticDepth -= 1
            case "si":
                strings.append(XMLEvents.decodeEscapes(current))
                inItem = false
            default: break
            }
        })
        return strings
    }
}
