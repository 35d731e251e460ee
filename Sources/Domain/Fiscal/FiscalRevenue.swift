import Foundation

/// 财政税收: the zone's general public budget revenue (一般公共预算收入) by category, month by month, against the
/// year's target and the same months of last year (同比). Amounts in 万元; a month's figure is that month's revenue.
public enum FiscalCategory: String, Codable, Sendable, CaseIterable {
    case vat, corporateTax, personalTax, otherTax, nonTax
    public var chineseName: String {
        switch self {
        case .vat: return "增值税"
        case .corporateTax: return "企业所得税"
        case .personalTax: return "个人所得税"
        case .otherTax: return "其他税收"
        case .nonTax: return "非税收入"
        }
    }
    /// Reads the names offices write in a sheet.
    public init?(chinese: String) {
        let t = chinese.trimmingCharacters(in: .whitespaces)
        guard let c = Self.allCases.first(where: { $0.chineseName == t || $0.rawValue == t }) ?? (t == "国内增值税" ? .vat : t == "其他税" ? .otherTax : nil) else { return nil }
        self = c
    }
}

public struct FiscalEntry: Codable, Sendable, Equatable {
    public var month: String
    public var category: FiscalCategory
    public var amount: Double
    public init(month: String, category: FiscalCategory, amount: Double) { self.month = month; self.category = category; self.amount = amount }
}

public enum FiscalSummary {
    public struct Line: Sendable, Equatable {
        public let category: FiscalCategory?
        public let month: Double
        public let cumulative: Double
        public let lastYearCumulative: Double
        public let target: Double?
        /// 同比, %.
        public var growth: Double? { lastYearCumulative > 0 ? (cumulative / lastYearCumulative - 1) * 100 : nil }
        /// Cumulative ÷ annual target, %.
        public var progress: Double? { target.map { $0 > 0 ? cumulative / $0 * 100 : 0 } }
        public var name: String { category?.chineseName ?? "一般公共预算收入" }
    }

    /// One line per category and the total (`category` nil, last) for the year through `month`.
    public static func lines(_ entries: [FiscalEntry], targets: [FiscalCategory: Double], year: Int, through month: Int) -> [Line] {
        func sum(_ c: FiscalCategory?, _ y: Int, _ months: ClosedRange<Int>) -> Double {
            entries.filter { e in (c == nil || e.category == c) && e.month.hasPrefix(String(format: "%04d-", y)) && months.contains(Int(e.month.suffix(2)) ?? 0) }
                .reduce(0) { $0 + $1.amount }
        }
        var out = FiscalCategory.allCases.map { c in
            Line(category: c, month: sum(c, year, month...month), cumulative: sum(c, year, 1...month), lastYearCumulative: sum(c, year - 1, 1...month), target: targets[c])
        }
        let total = targets.isEmpty ? nil : targets.values.reduce(0, +)
        out.append(Line(category: nil, month: sum(nil, year, month...month), cumulative: sum(nil, year, 1...month), lastYearCumulative: sum(nil, year - 1, 1...month), target: total))
        return out
    }

    /// "月份,类别,金额" rows (as offices keep them) into entries, or every row's problem.
    public static func parse(_ rows: [IndicatorImport.SheetRow]) throws -> [FiscalEntry] {
        guard let h = rows.prefix(20).firstIndex(where: { $0.cells.contains { ["月份", "期间"].contains(SheetText.header($0)) } }) else {
            throw ImportRejected([ImportRowError(line: rows.first?.line ?? 1, column: "表头", "没有找到表头：须有“月份”“类别”“金额”三列")])
        }
        let header = rows[h].cells.map(SheetText.header)
        guard let m = header.firstIndex(where: { ["月份", "期间"].contains($0) }), let c = header.firstIndex(where: { ["类别", "收入类别", "税种"].contains($0) }),
              let a = header.firstIndex(where: { ["金额", "金额（万元）", "当月收入", "收入（万元）"].contains($0) }) else {
            throw ImportRejected([ImportRowError(line: rows[h].line, column: "表头", "须有“月份”“类别”“金额”三列")])
        }
        var out: [FiscalEntry] = [], errors: [ImportRowError] = [], seen: [String: Int] = [:]
        for r in rows[(h + 1)...] {
            func cell(_ i: Int) -> String { i < r.cells.count ? r.cells[i].trimmingCharacters(in: .whitespaces) : "" }
            if cell(m).isEmpty && cell(c).isEmpty && cell(a).isEmpty { continue }
            guard let key = IndicatorImport.periodKey(cell(m), .monthly) else { errors.append(ImportRowError(line: r.line, column: "月份", "“\(cell(m))”不是月份（如2026-03或2026年3月）")); continue }
            guard let cat = FiscalCategory(chinese: cell(c)) else {
                errors.append(ImportRowError(line: r.line, column: "类别", "类别须为\(FiscalCategory.allCases.map(\.chineseName).joined(separator: "、"))之一，填写的是“\(cell(c))”")); continue
            }
            guard let v = SheetText.number(cell(a)), v >= 0 else { errors.append(ImportRowError(line: r.line, column: "金额", "“\(cell(a))”不是不小于0的数")); continue }
            if let first = seen["\(key)|\(cat.rawValue)"] { errors.append(ImportRowError(line: r.line, column: "类别", "与第\(first)行重复")); continue }
            seen["\(key)|\(cat.rawValue)"] = r.line
            out.append(FiscalEntry(month: key, category: cat, amount: v))
        }
        if !errors.isEmpty { throw ImportRejected(errors) }
        if out.isEmpty { throw ImportRejected([ImportRowError(line: rows[h].line, column: "金额", "表头下面没有数据行")]) }
        return out
    }
}
