/// xl/sharedStrings.xml: every distinct string once, cells refer to it by index.
struct SharedStrings {
    private(set) var strings: [String] = []
    private var indexOf: [String: Int] = [:]
    /// How many cells refer to the table (the `count` attribute), repeats included.
    private(set) var references = 0

    /// The index of `text` in the table, adding it if new.
    mutating func index(of text: String) -> Int {
        references += 1
        if let i = indexOf[text] { return i }
        let i = strings.count
        strings.append(text)
        indexOf[text] = i
        return i
    }

    var xml: String {
        var out = XMLPart.declaration
        out += "<sst xmlns=\"\(XMLPart.mainNamespace)\" count=\"\(references)\" uniqueCount=\"\(strings.count)\">"
        for s in strings {
            // preserve keeps leading/trailing spaces and line breaks exactly as given
            out += "<si><t xml:space=\"preserve\">"
            out += XMLText.escape(s, protectUnderscoreEscapes: true)
            out += "</t></si>"
        }
        out += "</sst>"
        return out
    }
}
