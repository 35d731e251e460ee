import Foundation

/// Reads a sheet of indicator values (指标代码, 期间, 数值, 说明) into rows the store can apply, or every row's problems.
/// The header row is found by its titles, anywhere in the first 20 rows; periods may be written as offices write
/// them: "2026-03", "2026/3", "2026年3月", "2026-Q1", "2026年一季度", "2026年第1季度", "2026", "2026年", or a date in the
/// period (a date cell read as "2026-03-31").
public enum IndicatorImport {
    public struct Row: Sendable, Equatable {
        public let line: Int
        public let indicatorId: Int
        public let periodKey: String
        public let value: Double
        public let note: String
    }
    /// A sheet row: its number in the sheet and its cells' text in column order.
    public typealias SheetRow = (line: Int, cells: [String])

    static let headers: [(key: String, names: [String])] = [
        ("code", ["指标代码", "代码", "code"]), ("period", ["期间", "统计期间", "统计期", "period"]),
        ("value", ["数值", "实际值", "完成值", "value"]), ("note", ["说明", "备注", "数据来源", "note"]),
    ]

    public static func parse(_ rows: [SheetRow], indicators: [Indicator]) throws -> [Row] {
        guard let headerIndex = rows.prefix(20).firstIndex(where: { r in r.cells.contains { ["指标代码", "代码", "code"].contains(SheetText.header($0)) } }) else {
            throw ImportRejected([ImportRowError(line: rows.first?.line ?? 1, column: "表头", "没有找到表头：须有“指标代码”“期间”“数值”三列（可下载模板）")])
        }
        let header = rows[headerIndex].cells.map(SheetText.header)
        var column: [String: Int] = [:]
        for (key, names) in headers { if let i = header.firstIndex(where: { names.contains($0) }) { column[key] = i } }
        let missing = ["code": "指标代码", "period": "期间", "value": "数值"].filter { column[$0.key] == nil }.map(\.value).sorted()
        if !missing.isEmpty {
            throw ImportRejected([ImportRowError(line: rows[headerIndex].line, column: "表头", "缺少列：\(missing.joined(separator: "、"))")])
        }
        let byCode = Dictionary(indicators.map { ($0.code.uppercased(), $0) }, uniquingKeysWith: { a, _ in a })
        var out: [Row] = [], errors: [ImportRowError] = []
        var seen: [String: Int] = [:]
        for r in rows[(headerIndex + 1)...] {
            func cell(_ key: String) -> String { column[key].map { $0 < r.cells.count ? r.cells[$0].trimmingCharacters(in: .whitespacesAndNewlines) : "" } ?? "" }
            let code = cell("code"), periodText = cell("period"), valueText = cell("value")
            if code.isEmpty && periodText.isEmpty && valueText.isEmpty { continue }  // an empty row
            guard let indicator = byCode[code.uppercased()] else {
                let hint = suggestion(code, indicators).map { "，是否为“\($0.code) \($0.name)”？" } ?? ""
                errors.append(ImportRowError(line: r.line, column: "指标代码", "没有代码为“\(code)”的指标\(hint)")); continue
            }
            guard let key = periodKey(periodText, indicator.frequency) else {
                errors.append(ImportRowError(line: r.line, column: "期间", "“\(periodText)”不是\(indicator.frequency.chineseName)指标的期间（如\(example(indicator.frequency))）")); continue
            }
            guard let value = SheetText.number(valueText) else {
                errors.append(ImportRowError(line: r.line, column: "数值", valueText.isEmpty ? "缺少数值" : "“\(valueText)”不是数字")); continue
            }
            let note = cell("note")
            if note.count > TextLimits.longText { errors.append(ImportRowError(line: r.line, column: "说明", "说明不能超过\(TextLimits.longText)字")); continue }
            if let first = seen["\(indicator.id)|\(key)"] {
                errors.append(ImportRowError(line: r.line, column: "期间", "与第\(first)行重复：\(indicator.code) \(IndicatorPeriods.label(key))")); continue
            }
            seen["\(indicator.id)|\(key)"] = r.line
            out.append(Row(line: r.line, indicatorId: indicator.id, periodKey: key, value: value, note: note))
        }
        if !errors.isEmpty { throw ImportRejected(errors) }
        if out.isEmpty { throw ImportRejected([ImportRowError(line: rows[headerIndex].line, column: "数值", "表头下面没有数据行")]) }
        return out
    }

    static func example(_ f: Indicator.Frequency) -> String {
        switch f { case .monthly: return "2026-03 或 2026年3月"; case .quarterly: return "2026-Q1 或 2026年一季度"; case .annual: return "2026 或 2026年" }
    }

    /// The period key for the indicator's frequency, or nil.
    public static func periodKey(_ text: String, _ f: Indicator.Frequency) -> String? {
        let t = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: " ", with: "")
        let digits = t.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        guard let year = digits.first, (2000...2100).contains(year) else { return nil }
        let chineseQuarter: [Character: Int] = ["一": 1, "二": 2, "三": 3, "四": 4]
        var month: Int?, quarter: Int?
        if t.contains("Q") || t.contains("q") || t.contains("季") {
            quarter = digits.count > 1 ? digits[1] : t.first(where: { chineseQuarter[$0] != nil }).flatMap { chineseQuarter[$0] }
        } else if digits.count >= 2 {
            month = digits[1]
        }
        switch f {
        case .annual:
            // "2026", "2026年", or a date within the year; "2026-03" is a month, not the year.
            return quarter == nil && (digits.count == 1 || digits.count == 3) ? String(format: "%04d", year) : nil
        case .quarterly:
            if let q = quarter, (1...4).contains(q) { return String(format: "%04d-Q%d", year, q) }
            if let m = month, (1...12).contains(m), digits.count >= 3 { return String(format: "%04d-Q%d", year, (m - 1) / 3 + 1) }  // a date
            return nil
        case .monthly:
            guard quarter == nil, let m = month, (1...12).contains(m) else { return nil }
            return String(format: "%04d-%02d", year, m)
        }
    }

    /// The indicator whose code is closest to `code` (at most two edits), or whose name contains it.
    static func suggestion(_ code: String, _ indicators: [Indicator]) -> Indicator? {
        guard !code.isEmpty else { return nil }
        if let byName = indicators.first(where: { $0.name.contains(code) }) { return byName }
        let scored = indicators.map { ($0, SheetText.distance(Array(code.uppercased()), Array($0.code.uppercased()))) }.filter { $0.1 <= 2 }
        return scored.min { $0.1 < $1.1 }?.0
    }
}
