import Foundation

/// A date as offices type it in a task sheet (完成时限, 计划开始), read as the day it means:
///
/// - `2026-06-30`, `2026/6/30`, `2026.6.30`, `2026-6-30` (a date cell is read as ISO); `2026.6`, `2026-06` (the month's last day);
/// - `2026年6月30日`, `6月30日`, `6月30日前` (the year from the sheet when left out);
/// - `6月底`, `2026年6月末`, `6月底前` (the last day of the month), `6月上旬` / `中旬` / `下旬` (the 10th, 20th, last);
/// - `年底`, `年内`, `全年` (31 December), `一季度末`, `第二季度`, `二季度前` (the quarter's last day), `上半年` (30 June);
/// - an Excel serial number typed or pasted without a date format (`46203`).
///
/// Words around a date that do not change it ("前", "之前", "以前", "完成", "底前") are dropped. Anything else
/// ("持续推进", "长期", "2026年13月") is nil: the importer says which cell and never guesses.
public enum SheetDate {
    public static func parse(_ raw: String, year: Int) -> Day? {
        var s = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            .replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "\u{3000}", with: "")
        if s.isEmpty { return nil }
        // Full-width digits and separators, as pasted from Word.
        s = String(s.map { c -> Character in
            if let v = c.unicodeScalars.first?.value, c.unicodeScalars.count == 1, (0xFF10...0xFF19).contains(v) {
                return Character(UnicodeScalar(v - 0xFF10 + 0x30)!)
            }
            switch c { case "／": return "/"; case "－": return "-"; case "．": return "."; default: return c }
        })
        for suffix in ["之前完成", "以前完成", "前完成", "完成", "之前", "以前", "前", "止"] where s.hasSuffix(suffix) && s.count > suffix.count {
            s.removeLast(suffix.count)
            break
        }
        if let d = Day(iso: s) { return d }
        if let d = numeric(s) { return d }
        if let d = serial(s) { return d }
        return chinese(s, year: year)
    }

    /// `2026/6/30`, `2026.6.30`, `2026-6-30`; a month alone (`2026.6`, `2026-06`) means its last day.
    static func numeric(_ s: String) -> Day? {
        for sep in ["/", ".", "-"] where s.contains(sep) {
            let parts = s.split(separator: Character(sep), omittingEmptySubsequences: false)
            guard (2...3).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }),
                  parts[0].count == 4, let y = Int(parts[0]), let m = Int(parts[1]) else { return nil }
            if parts.count == 2 {
                guard (1...12).contains(m), (1900...2999).contains(y) else { return nil }
                return Day(year: y, month: m, day: Day.daysIn(month: m, year: y))
            }
            guard let d = Int(parts[2]) else { return nil }
            return Day(year: y, month: m, day: d)
        }
        return nil
    }

    /// A whole number of days since 1899-12-30 (Excel's day 0 for serials after February 1900), 2000 to 2100 only.
    static func serial(_ s: String) -> Day? {
        guard s.count == 5, s.allSatisfy(\.isASCIIDigit), let n = Int(s), (36526...73415).contains(n) else { return nil }
        return Day.firstOfYear(1900).adding(days: n - 2)  // = 1899-12-30 + n (Day starts at 1900)
    }

    static let chineseNumbers: [Character: Int] = ["一": 1, "二": 2, "三": 3, "四": 4]

    /// The forms with 年/月/日/底/旬/季度/半年.
    static func chinese(_ text: String, year fallbackYear: Int) -> Day? {
        var s = Substring(text)
        var year = fallbackYear
        // A leading year: "2026年".
        if let r = s.range(of: "年"), s[s.startIndex..<r.lowerBound].count == 4, let y = Int(s[s.startIndex..<r.lowerBound]) {
            year = y
            s = s[r.upperBound...]
            if s.isEmpty || ["底", "末", "内", "底前"].contains(String(s)) { return Day(year: year, month: 12, day: 31) }
        }
        guard (1900...2999).contains(year) else { return nil }
        switch String(s) {
        case "年底", "年末", "年内", "全年", "年底前", "下半年", "全年持续": return Day(year: year, month: 12, day: 31)
        case "上半年", "年中": return Day(year: year, month: 6, day: 30)
        default: break
        }
        // Quarters: "一季度", "第二季度末", "Q3", "三季度内".
        var q = s
        if q.hasPrefix("第") { q = q.dropFirst() }
        if let r = q.range(of: "季度"), q[q.startIndex..<r.lowerBound].count == 1 {
            let c = q[q.startIndex]
            let rest = String(q[r.upperBound...])
            guard let n = chineseNumbers[c] ?? Int(String(c)), (1...4).contains(n), ["", "末", "底", "内"].contains(rest) else { return nil }
            return Day(year: year, month: n * 3, day: Day.daysIn(month: n * 3, year: year))
        }
        if (q.hasPrefix("Q") || q.hasPrefix("q")), q.count == 2, let n = Int(String(q.last!)), (1...4).contains(n) {
            return Day(year: year, month: n * 3, day: Day.daysIn(month: n * 3, year: year))
        }
        // Months: "6月30日", "6月30号", "6月底", "6月末", "6月上旬", "6月".
        guard let r = s.range(of: "月"), let month = Int(s[s.startIndex..<r.lowerBound]), (1...12).contains(month) else { return nil }
        let rest = String(s[r.upperBound...])
        let last = Day.daysIn(month: month, year: year)
        switch rest {
        case "", "底", "末", "份", "内", "下旬", "底前": return Day(year: year, month: month, day: last)
        case "上旬": return Day(year: year, month: month, day: 10)
        case "中旬": return Day(year: year, month: month, day: 20)
        default:
            var d = Substring(rest)
            if d.hasSuffix("日") || d.hasSuffix("号") { d = d.dropLast() }
            guard !d.isEmpty, d.allSatisfy(\.isASCIIDigit), let day = Int(d) else { return nil }
            return Day(year: year, month: month, day: day)
        }
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
