import Foundation

/// Sheet (tab) names as Excel accepts them.
enum SheetName {
    /// Excel's limit, counted in UTF-16 units.
    static let maxLength = 31
    static let forbidden: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]

    /// One name made valid: forbidden characters and control characters become `_`, leading
    /// and trailing apostrophes and spaces go, it is cut to 31 UTF-16 units (never inside a
    /// character), and an empty result or Excel's reserved "History" becomes "Sheet<index>".
    static func sanitize(_ raw: String, index: Int) -> String {
        var name = String(raw.map { ch -> Character in
            if forbidden.contains(ch) { return "_" }
            if ch.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) || $0.value == 0xFFFE || $0.value == 0xFFFF }) { return "_" }
            return ch
        })
        name = truncate(name, to: maxLength)
        name = trimmed(name)
        if name.isEmpty || name.lowercased() == "history" { name = "Sheet\(index)" }
        return name
    }

    /// All names of a workbook: sanitized, then made unique ignoring case (as Excel compares
    /// them) by appending " (2)", " (3)", … within the 31-unit limit.
    static func uniqueNames(_ raws: [String]) -> [String] {
        var taken = Set<String>()
        var result: [String] = []
        for (i, raw) in raws.enumerated() {
            let base = sanitize(raw, index: i + 1)
            var name = base
            var n = 2
            while taken.contains(name.lowercased()) {
                let suffix = " (\(n))"
                name = trimmed(truncate(base, to: maxLength - suffix.utf16.count)) + suffix
                n += 1
            }
            taken.insert(name.lowercased())
            result.append(name)
        }
        return result
    }

    private static func truncate(_ s: String, to units: Int) -> String {
        var out = ""
        var used = 0
        for ch in s {
            let n = ch.utf16.count
            if used + n > units { break }
            out.append(ch)
            used += n
        }
        return out
    }

    private static func trimmed(_ s: String) -> String {
        var chars = Substring(s)
        while let first = chars.first, first == "'" || first.isWhitespace { chars.removeFirst() }
        while let last = chars.last, last == "'" || last.isWhitespace { chars.removeLast() }
        return String(chars)
    }

    /// The name quoted for use in a formula or defined name: 'My sheet'!  (apostrophes doubled).
    static func quotedForFormula(_ name: String) -> String {
        "'" + name.replacingOccurrences(of: "'", with: "''") + "'"
    }
}
