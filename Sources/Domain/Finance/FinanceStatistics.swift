import Foundation

/// The finance-relief figures of one month (or of a whole year, `month == nil`). Every need and measure is placed by
/// its own day, so a need filed in March and granted in May counts as filed in March and granted in May:
/// - `filed`, `askedWan`: needs filed in the period, and the 万元 they asked;
/// - `matched`: needs first matched with a bank in the period;
/// - `granted`, `grantedWan`: needs granted a loan in the period (by the loan's day), and the 万元 granted;
/// - `declined`: needs recorded as 未获贷 in the period;
/// - `decidedAskedWan`: the 万元 asked by the needs decided (granted or declined) in the period;
/// - `satisfiedWan`: for the needs granted in the period, the 万元 granted, each capped at what the need asked (more
///   than asked for one firm does not make up for another's shortfall);
/// - 满足率 `satisfactionRate` = satisfiedWan ÷ decidedAskedWan: the share of the money asked that was met, over the
///   needs decided in the period; nil when no need was decided;
/// - `measures`, `measureWan`, and both per kind: relief measures dated in the period.
public struct FinanceFigures: Sendable, Equatable {
    public var year: Int
    /// 1–12; nil for the whole year.
    public var month: Int?
    public var filed = 0
    public var askedWan = 0.0
    public var matched = 0
    public var granted = 0
    public var grantedWan = 0.0
    public var declined = 0
    public var decidedAskedWan = 0.0
    public var satisfiedWan = 0.0
    public var measures = 0
    public var measureWan = 0.0
    public var measuresByKind: [ReliefKind: Int] = [:]
    public var measureWanByKind: [ReliefKind: Double] = [:]
    public init(year: Int, month: Int?) { self.year = year; self.month = month }

    public var satisfactionRate: Double? { granted + declined == 0 || decidedAskedWan <= 0 ? nil : satisfiedWan / decidedAskedWan }

    /// "2026年3月" or "2026年".
    public var label: String { month.map { "\(year)年\($0)月" } ?? "\(year)年" }

    func covers(_ d: Day?) -> Bool {
        guard let d, d.year == year else { return false }
        return month.map { d.month == $0 } ?? true
    }

    mutating func add(_ n: FinancingNeed) {
        if covers(n.filedOn) { filed += 1; askedWan += n.amountWan }
        if covers(n.matchedOn) { matched += 1 }
        guard covers(n.decidedOn) else { return }
        decidedAskedWan += n.amountWan
        if n.status == .granted, let g = n.grantedWan {
            granted += 1
            grantedWan += g
            satisfiedWan += min(g, n.amountWan)
        } else if n.status == .declined {
            declined += 1
        }
    }

    mutating func add(_ m: ReliefMeasure) {
        guard covers(m.day) else { return }
        measures += 1
        measureWan += m.amountWan
        measuresByKind[m.kind, default: 0] += 1
        measureWanByKind[m.kind, default: 0] += m.amountWan
    }
}

/// 金融助企纾困 figures by month and for the year (see `FinanceFigures` for what counts).
public enum FinanceStatistics {
    /// Twelve figures, January to December of `year`.
    public static func monthly(needs: [FinancingNeed], measures: [ReliefMeasure], year: Int) -> [FinanceFigures] {
        var months = (1...12).map { FinanceFigures(year: year, month: $0) }
        for n in needs {
            // Each month the need touches (filed, first matched, decided) reads what falls in it.
            let touched = Set([n.filedOn, n.matchedOn, n.decidedOn].compactMap { $0 }.filter { $0.year == year }.map(\.month))
            for m in touched { months[m - 1].add(n) }
        }
        for m in measures where m.day.year == year { months[m.day.month - 1].add(m) }
        return months
    }

    /// The whole year at once (the sums of the months; the rate over the year's decided needs).
    public static func year(needs: [FinancingNeed], measures: [ReliefMeasure], year: Int) -> FinanceFigures {
        var f = FinanceFigures(year: year, month: nil)
        for n in needs { f.add(n) }
        for m in measures { f.add(m) }
        return f
    }
}
