import Foundation

/// A scheme's period: a quarter ("2026-Q2") or a year ("2026").
public struct AssessmentPeriod: Codable, Sendable, Equatable, Hashable {
    public var year: Int
    /// 1–4, or nil for the whole year.
    public var quarter: Int?
    public init(year: Int, quarter: Int? = nil) { self.year = year; self.quarter = quarter }

    /// Parses "2026-Q2" or "2026"; nil for anything else.
    public init?(key: String) {
        let parts = key.split(separator: "-", omittingEmptySubsequences: false)
        guard let y = Int(parts[0]), parts[0].count == 4, (2000...2100).contains(y) else { return nil }
        if parts.count == 1 { self.init(year: y); return }
        guard parts.count == 2, parts[1].count == 2, parts[1].first == "Q", let q = Int(parts[1].dropFirst()), (1...4).contains(q) else { return nil }
        self.init(year: y, quarter: q)
    }
    public var key: String { quarter.map { "\(year)-Q\($0)" } ?? "\(year)" }
    public var label: String { quarter.map { "\(year)年第\(["一", "二", "三", "四"][$0 - 1])季度" } ?? "\(year)年度" }
    public var start: Day { Day(year: year, month: quarter.map { ($0 - 1) * 3 + 1 } ?? 1, day: 1)! }
    public var end: Day {
        let m = quarter.map { $0 * 3 } ?? 12
        return Day(year: year, month: m, day: Day.daysIn(month: m, year: year))!
    }
    /// The months the period covers, 1–12.
    public var months: [Int] { quarter.map { Array((($0 - 1) * 3 + 1)...($0 * 3)) } ?? Array(1...12) }
    /// The quarters of the same year, for an annual scheme built from them.
    public var isAnnual: Bool { quarter == nil }
}
