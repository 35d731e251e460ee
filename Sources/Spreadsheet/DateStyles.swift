import Foundation

/// Which cell styles of a workbook show numbers as dates, read from xl/styles.xml. In an .xlsx a
/// date is just a number whose cell style (`s="…"`, an index into `<cellXfs>`) has a date
/// number format; this is how the reader tells a date from a number.
struct DateStyles: Equatable {
    /// Indices into `<cellXfs>` whose number format shows a date or time.
    let dateStyleIndices: Set<Int>

    static let none = DateStyles(dateStyleIndices: [])

    func isDate(style: Int) -> Bool { dateStyleIndices.contains(style) }

    /// Built-in number formats (used without a `<numFmt>` entry) that show dates or times:
    /// 14–22 and 45–47 in every locale, and in Chinese, Japanese and Korean Excel also 27–36 and
    /// 50–58 (`yyyy"年"m"月"d"日"` and the like; ECMA-376 Part 1, 18.8.30).
    static let builtInDateFormats: Set<Int> = Set(14...22).union(45...47).union(27...36).union(50...58)

    /// Reads the part at `path`: the custom formats of `<numFmts>` and the number format of each
    /// `<xf>` of `<cellXfs>`, in order.
    static func read(_ data: Data, path: String) throws -> DateStyles {
        var customCodes: [Int: String] = [:]
        var formatOfStyle: [Int] = []
        var container = ""   // the enclosing list: numFmts, cellXfs, cellStyleXfs, dxfs…
        try XMLEvents.parse(data, path: path, start: { name, attributes in
            switch name {
            case "numFmts", "cellXfs", "cellStyleXfs", "dxfs":
                container = name
            case "numFmt" where container == "numFmts":
                if let id = attributes["numFmtId"].flatMap({ Int($0) }), let code = attributes["formatCode"] {
                    customCodes[id] = code
                }
            case "xf" where container == "cellXfs":
                formatOfStyle.append(attributes["numFmtId"].flatMap { Int($0) } ?? 0)
            default: break
            }
        }, end: { name, _ in
            if name == container { container = "" }
        })
        var dates: Set<Int> = []
        for (style, format) in formatOfStyle.enumerated() where isDateFormat(id: format, customCode: customCodes[format]) {
            dates.insert(style)
        }
        return DateStyles(dateStyleIndices: dates)
    }

    /// Whether number format `id` shows a date or time: its custom code if the workbook defines
    /// one, else the built-in list.
    static func isDateFormat(id: Int, customCode: String?) -> Bool {
        if let customCode { return isDateFormatCode(customCode) }
        return builtInDateFormats.contains(id)
    }

    /// Whether a format code such as `yyyy-mm-dd`, `yyyy"年"m"月"d"日"` or `[$-804]h:mm` shows a
    /// date or time: it has one of the letters y, m, d, h, s outside quoted text ("…"),
    /// brackets ([Red], [$-804], [>100]) and escaped characters (\x, and the padding _x and *x).
    /// `0.0%`, `#,##0.00_)` and `"m²"0` are not dates.
    static func isDateFormatCode(_ code: String) -> Bool {
        var inQuotes = false, inBrackets = false, skipNext = false
        for ch in code {
            if skipNext { skipNext = false; continue }
            if inQuotes { if ch == "\"" { inQuotes = false }; continue }
            if inBrackets { if ch == "]" { inBrackets = false }; continue }
            switch ch {
            case "\"": inQuotes = true
            case "[": inBrackets = true
            case "\\", "_", "*": skipNext = true
            case "y", "Y", "m", "M", "d", "D", "h", "H", "s", "S": return true
            default: break
            }
        }
        return false
    }
}
