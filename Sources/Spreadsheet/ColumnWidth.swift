/// Column widths from content, in Excel's width unit ("characters": one digit of the default
/// font ≈ 1, a Chinese character ≈ 2).
extension Column {
    /// Widest allowed by `auto`: wider columns make printing and scrolling painful.
    public static let maxAutoWidth: Double = 60
    /// Narrowest `auto` gives, so short columns keep room for the filter button.
    public static let minAutoWidth: Double = 6

    /// A column as wide as its longest content: the header (bold, with the autoFilter's drop-down
    /// button beside it) or any value as Excel will display it, plus a little padding; at least
    /// `minAutoWidth`, at most `maxAutoWidth` (60). Multi-line text counts its longest line.
    public static func auto(header: String, values: [Cell]) -> Column {
        // Bold is a little wider, and the filter button takes about two characters.
        var widest = Double(displayWidth(header)) * 1.1 + 3
        for value in values {
            let width = Double(displayWidth(of: value)) + 2
            if width > widest { widest = width }
            if widest >= maxAutoWidth { break }
        }
        return Column(header, width: min(maxAutoWidth, max(minAutoWidth, (widest * 4).rounded(.up) / 4)))
    }

    /// How wide `value` displays, in character units.
    static func displayWidth(of value: Cell) -> Int {
        switch value {
        case .text(let s): return displayWidth(s)
        case .number(let d): return generalFormatWidth(d)
        case .integer(let i): return min(String(i).count, 11)
        case .percent(let d):
            guard d.isFinite else { return 0 }
            return String(Int((abs(d) * 100).rounded())).count + (d < 0 ? 1 : 0) + 3   // "12.3%"
        case .date: return 10                                                   // yyyy-mm-dd
        case .empty: return 0
        }
    }

    /// Excel's General format shows at most 11 characters (then it switches to 1.2E+10 style).
    static func generalFormatWidth(_ d: Double) -> Int {
        guard d.isFinite else { return 0 }
        let shown = d.rounded() == d && abs(d) < 1e15 ? String(Int64(d)) : String(d)
        return min(shown.count, 11)
    }

    /// Width of text in character units: East Asian wide and fullwidth characters (Chinese,
    /// Japanese, Korean, fullwidth punctuation, most emoji) count 2, combining marks and
    /// zero-width characters 0, anything else 1. For multi-line text, the widest line.
    public static func displayWidth(_ text: String) -> Int {
        var widest = 0, current = 0
        for scalar in text.unicodeScalars {
            if scalar == "\n" || scalar == "\r" {
                widest = max(widest, current); current = 0
                continue
            }
            current += scalarWidth(scalar)
        }
        return max(widest, current)
    }

    static func scalarWidth(_ s: Unicode.Scalar) -> Int {
        let v = s.value
        if v < 0x20 || (0x7F..<0xA0).contains(v) { return 0 }
        if v < 0x300 { return 1 }
        switch s.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if isWide(v) { return 2 }
        return 1
    }

    /// East Asian Width W/F ranges (condensed from Unicode's EastAsianWidth.txt), plus emoji.
    static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F,          // Hangul Jamo initials
             0x2E80...0x303E,          // CJK radicals, Kangxi, ideographic description, CJK symbols and punctuation
             0x3041...0x33FF,          // Hiragana, Katakana, Bopomofo, Hangul compatibility, Kanbun, CJK compatibility
             0x3400...0x4DBF,          // CJK extension A
             0x4E00...0x9FFF,          // CJK unified ideographs
             0xA000...0xA4CF,          // Yi
             0xA960...0xA97F,          // Hangul Jamo extended A
             0xAC00...0xD7A3,          // Hangul syllables
             0xF900...0xFAFF,          // CJK compatibility ideographs
             0xFE10...0xFE19,          // vertical forms
             0xFE30...0xFE6F,          // CJK compatibility forms, small form variants
             0xFF00...0xFF60,          // fullwidth forms
             0xFFE0...0xFFE6,          // fullwidth signs
             0x1F300...0x1F64F,        // pictographs, emoticons
             0x1F900...0x1F9FF,        // supplemental symbols and pictographs
             0x20000...0x3FFFD:        // CJK extensions B...
            return true
        default:
            return false
        }
    }
}
