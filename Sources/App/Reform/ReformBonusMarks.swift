import Domain
import Persistence

/// 改革创新加分 as evidence for the assessment's bonus items: each lead unit's reform outcomes (adopted or promoted by a
/// higher body) within a period, turned into points by the zone's `ReformBonusRules` through `ReformBonus` (points by
/// level, the highest per item only when the rule says so, the unit's total capped). An item's outcomes count for its
/// lead unit, whatever year the item's roadmap runs in: what matters is the day the outcome was taken up.
enum ReformBonusMarks {
    /// Lead unit id → its bonus for `period`, for every unit that leads at least one of `items`.
    static func byUnit(items: [ReformItem], rules: ReformBonusRules, period: ClosedRange<Day>) -> [Int: ReformBonus] {
        Dictionary(grouping: items, by: \.leadUnitId).mapValues { ReformBonus.points(items: $0, rules: rules, period: period) }
    }

    /// The same for an assessment period (its first to its last day).
    static func byUnit(items: [ReformItem], rules: ReformBonusRules, period: AssessmentPeriod) -> [Int: ReformBonus] {
        byUnit(items: items, rules: rules, period: period.start...period.end)
    }

    /// The bonus as the assessment's adjustment entries under the scheme's bonus `key` (e.g. the template's "honour",
    /// 获上级表彰、经验被上级推广): one entry per unit that earned points, its reason the explanation lines.
    static func adjustments(items: [ReformItem], rules: ReformBonusRules, period: AssessmentPeriod, key: String) -> [Int: AdjustmentEntry] {
        byUnit(items: items, rules: rules, period: period).compactMapValues { b in
            b.points > 0 ? AdjustmentEntry(key: key, points: b.points, reason: "改革创新加分：" + b.lines.joined(separator: "；")) : nil
        }
    }

    /// Reads the zone's items and rule, and computes every lead unit's bonus for `period`.
    static func load(store: Store, zoneId: Int, period: AssessmentPeriod) async throws -> (rules: ReformBonusRules, byUnit: [Int: ReformBonus]) {
        let items = try await store.reformItems(zoneId: zoneId)
        let rules = try await store.reformBonusRules(zoneId: zoneId).rules
        return (rules, byUnit(items: items, rules: rules, period: period))
    }
}
