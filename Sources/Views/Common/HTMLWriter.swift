import Domain

/// A minimal HTML writer for the large task tables, where Plot's node tree costs several times
/// what the data does (measured with perf on a 100-row matrix page). Tag and attribute names are
/// `StaticString`s, so only our own code can name them; every value and text is escaped.
struct HTMLWriter {
    private(set) var html = ""

    init(capacity: Int = 16_384) { html.reserveCapacity(capacity) }

    mutating func open(_ tag: StaticString, _ attributes: [(StaticString, String)] = []) {
        html += "<"
        html += tag.description
        for (name, value) in attributes {
            html += " "
            html += name.description
            html += "=\""
            Self.escape(value, into: &html)
            html += "\""
        }
        html += ">"
    }

    mutating func close(_ tag: StaticString) {
        html += "</"
        html += tag.description
        html += ">"
    }

    mutating func text(_ s: String) { Self.escape(s, into: &html) }

    mutating func element(_ tag: StaticString, _ attributes: [(StaticString, String)] = [], text: String) {
        open(tag, attributes)
        self.text(text)
        close(tag)
    }

    /// Escapes & < > " ' — the same set as `attr()`, valid in text and in quoted attribute values.
    static func escape(_ s: String, into out: inout String) {
        var needs = false
        for b in s.utf8 where b == 38 || b == 60 || b == 62 || b == 34 || b == 39 { needs = true; break }
        guard needs else { out += s; return }
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
    }

    // MARK: Pieces shared with the Plot components (same markup as UI.light and UI.progressBar)

    mutating func light(_ l: Light) {
        element("span", [("class", "light " + l.rawValue)], text: l.chineseName)
    }

    mutating func progressBar(_ percent: Double) {
        let whole = Int(max(0, min(100, percent)).rounded())
        open("span", [("class", "bar"), ("title", "\(whole)%")])
        open("span", [("class", "fill"), ("style", "width:\(whole)%")]); close("span")
        element("span", [("class", "pct")], text: "\(whole)%")
        close("span")
    }
}
