import Foundation

/// A year of an indicator: its periods, the interim targets along the way from the baseline to the
/// annual target (轨迹), and whether an actual value is on track.
public enum IndicatorPeriods {
    /// The period keys of a year: "2026-01" … "2026-12", "2026-Q1" … "2026-Q4", or "2026".
    public static func keys(year: Int, _ f: Indicator.Frequency) -> [String] {
        switch f {
        case .monthly: return (1...12).map { String(format: "%04d-%02d", year, $0) }
        case .quarterly: return (1...4).map { String(format: "%04d-Q%d", year, $0) }
        case .annual: return [String(format: "%04d", year)]
        }
    }

    /// The period of `day`, under the frequency.
    public static func key(of day: Day, _ f: Indicator.Frequency) -> String {
        switch f {
        case .monthly: return String(format: "%04d-%02d", day.year, day.month)
        case .quarterly: return String(format: "%04d-Q%d", day.year, (day.month - 1) / 3 + 1)
        case .annual: return String(format: "%04d", day.year)
        }
    }

    /// The first day of the period a key names ("2026-03" → 2026-03-01, "2026-Q2" → 2026-04-01, "2026" → 2026-01-01).
    public static func firstDay(_ key: String) -> Day? {
        guard let last = lastDay(key) else { return nil }
        let months = key.contains("-Q") ? 3 : (key.count == 4 ? 12 : 1)
        return Day(year: last.year, month: last.month - months + 1, day: 1)
    }

    /// The last day of the period a key names ("2026-03" → 2026-03-31, "2026-Q2" → 2026-06-30, "2026" → 2026-12-31).
    public static func lastDay(_ key: String) -> Day? {
        let parts = key.split(separator: "-")
        guard let y = Int(parts[0]) else { return nil }
        var month = 12
        if parts.count == 2 {
            if parts[1].hasPrefix("Q") { guard let q = Int(parts[1].dropFirst()), (1...4).contains(q) else { return nil }; month = q * 3 }
            else { guard let m = Int(parts[1]), (1...12).contains(m) else { return nil }; month = m }
        }
        return Day(year: y, month: month, day: Day.daysIn(month: month, year: y))
    }

    /// Whether `key` names a period of `year` under the frequency.
    public static func isValid(_ key: String, year: Int, _ f: Indicator.Frequency) -> Bool { keys(year: year, f).contains(key) }

    /// A short label: "3月", "二季度", "全年".
    public static func label(_ key: String) -> String {
        if key.count == 4 { return "全年" }
        if key.contains("-Q"), let q = Int(key.suffix(1)) { return ["一", "二", "三", "四"][max(0, min(3, q - 1))] + "季度" }
        return "\(Int(key.suffix(2)) ?? 0)月"
    }
}

/// 轨迹: the interim target of each period — given explicitly, or by default on the straight line from
/// the baseline (before the first period) to the annual target (the last period).
public struct Trajectory: Codable, Sendable, Equatable {
    public var baseline: Double
    public var target: Double
    /// Explicit interim targets by period key (they win over the straight line).
    public var interim: [String: Double]
    public init(baseline: Double, target: Double, interim: [String: Double] = [:]) {
        self.baseline = baseline; self.target = target; self.interim = interim
    }

    /// The target of each period, in order.
    public func targets(keys: [String]) -> [(key: String, target: Double)] {
        let n = keys.count
        return keys.enumerated().map { i, k in
            (k, interim[k] ?? baseline + (target - baseline) * Double(i + 1) / Double(max(n, 1)))
        }
    }
}

/// On or off the trajectory, as a light: green on or ahead, yellow behind by at most `tolerance` of
/// the way from baseline to target (default 10 %), red further behind. Direction-aware.
public enum IndicatorTrack {
    public static let tolerance = 0.10

    public static func light(actual: Double, expected: Double, trajectory: Trajectory, direction: Indicator.Direction) -> Light {
        let span = abs(trajectory.target - trajectory.baseline)
        // How far behind the expected value, in the direction that counts.
        let behind = direction == .higher ? expected - actual : actual - expected
        if behind <= 1e-9 { return .green }
        // With no distance to cover, any shortfall relative to the value itself.
        let scale = span > 1e-9 ? span : max(abs(expected), 1)
        return behind / scale <= tolerance ? .yellow : .red
    }
}
