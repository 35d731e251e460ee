import Foundation

/// A period the product measures over: a month ("2026-03"), a quarter ("2026-Q2") or a year ("2026"). Schemes are
/// set per quarter or year; computed indicators also read months.
public struct AssessmentPeriod: Codable, Sendable, Equatable, Hashable {
    public var year: Int
    /// 1–4, or nil.
    public var quarter: Int?
    /// 1–12, or nil.
    public var month: Int?
    public init(year: Int, quarter: Int? = nil, month: Int? = nil) { self.year = year; self.quarter = quarter; self.month = month }

    /// Parses "2026-03", "2026-Q2" or "2026"; nil for anything else.
    public init?(key: String) {
        let parts = key.split(separator: "-", omittingEmptySubsequences: false)
        guard let y = Int(parts[0]), parts[0].count == 4, (2000...2100).contains(y) else { return nil }
        if parts.count == 1 { self.init(year: y); return }
        guard parts.count == 2, parts[1].count == 2 else { return nil }
        if parts[1].first == "Q" {
            guard let q = Int(parts[1].dropFirst()), (1...4).contains(q) else { return nil }
            self.init(year: y, quarter: q)
        } else {
            guard let m = Int(parts[1]), (1...12).contains(m) else { return nil }
            self.init(year: y, month: m)
        }
    }
    public var key: String {
        if let month { return String(format: "%04d-%02d", year, month) }
        return quarter.map { "\(year)-Q\($0)" } ?? "\(year)"
    }
    public var label: String {
        if let month { return "\(year)年\(month)月" }
        return quarter.map { "\(year)年第\(["一", "二", "三", "四"][$0 - 1])季度" } ?? "\(year)年度"
    }
    /// The months the period covers, 1–12.
    public var months: [Int] {
        if let month { return [month] }
        return quarter.map { Array((($0 - 1) * 3 + 1)...($0 * 3)) } ?? Array(1...12)
    }
    public var start: Day { Day(year: year, month: months.first!, day: 1)! }
    public var end: Day { Day(year: year, month: months.last!, day: Day.daysIn(month: months.last!, year: year))! }
    public var isAnnual: Bool { quarter == nil && month == nil }
}

extension IndicatorPeriods {
    /// The periods of an indicator that end within an assessment period: what an assessment reads for it.
    public static func keys(year: Int, _ f: Indicator.Frequency, endingWithin p: AssessmentPeriod) -> [String] {
        keys(year: year, f).filter { k in lastDay(k).map { $0 >= p.start && $0 <= p.end } ?? false }
    }
}
