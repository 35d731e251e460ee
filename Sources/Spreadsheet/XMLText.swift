/// Text made safe for XML 1.0 element content and attribute values.
enum XMLText {
    /// Escapes `& < > " '`, drops characters XML 1.0 cannot carry (C0 controls other than tab,
    /// newline and carriage return; U+FFFE, U+FFFF), writes a carriage return as `&#13;` so XML
    /// readers don't normalise it away, and protects a literal `_xHHHH_` by escaping its
    /// underscore as `_x005F_` (when asked): Excel and its kin read `_xHHHH_` in strings as an escaped character.
    /// `protectUnderscoreEscapes` is for cell text (`<t>`), where readers decode `_xHHHH_`.
    static func escape(_ text: String, protectUnderscoreEscapes: Bool = false) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        // Drop what XML cannot carry first, so that a dropped character cannot hide an `_xHHHH_` from the protection.
        let scalars = Array(text.unicodeScalars.filter { !isDropped($0) })
        var i = 0
        while i < scalars.count {
            let s = scalars[i]
            switch s {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\r": out += "&#13;"
            case "\t", "\n": out.unicodeScalars.append(s)
            case "_" where protectUnderscoreEscapes && looksLikeOOXMLEscape(scalars, at: i): out += "_x005F_"
            default: out.unicodeScalars.append(s)
            }
            i += 1
        }
        return out
    }

    /// Whether `_xHHHH_` (H a hex digit) starts at `i`.
    private static func looksLikeOOXMLEscape(_ scalars: [Unicode.Scalar], at i: Int) -> Bool {
        guard i + 6 < scalars.count, scalars[i + 1] == "x", scalars[i + 6] == "_" else { return false }
        return scalars[(i + 2)...(i + 5)].allSatisfy { $0.properties.isASCIIHexDigit }
    }

    /// The text as Excel will hold it after `escape`: only the dropped characters are gone.
    /// Used for length checks and width estimates.
    static func cleaned(_ text: String) -> String {
        var out = ""
        out.unicodeScalars.append(contentsOf: text.unicodeScalars.filter { !isDropped($0) })
        return out
    }

    /// Not allowed in XML 1.0: C0 controls other than tab, newline and carriage return; U+FFFE, U+FFFF.
    static func isDropped(_ s: Unicode.Scalar) -> Bool {
        (s.value < 0x20 && s != "\t" && s != "\n" && s != "\r") || s.value == 0xFFFE || s.value == 0xFFFF
    }
}
