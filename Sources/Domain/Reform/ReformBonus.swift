import Foundation

/// The zone's rule turning reform outcomes into assessment bonus points (the 深化改革品牌 bonus): points per outcome by
/// the level of the body that adopted or promoted it, and a cap on the total for one unit in one assessment.
public struct ReformBonusRules: Codable, Sendable, Equatable {
    public var city: Double
    public var province: Double
    public var nation: Double
    /// Most points in all, for one unit in one assessment.
    public var cap: Double
    /// 就高不重复: for one reform item only its highest outcome counts (several bodies taking up the same result
    /// earn it once, at the highest level).
    public var highestPerItem: Bool
    public init(city: Double, province: Double, nation: Double, cap: Double, highestPerItem: Bool = true) {
        self.city = city; self.province = province; self.nation = nation; self.cap = cap; self.highestPerItem = highestPerItem
    }
    /// 市级1分、省级2分、国家级3分，合计不超过5分，同一事项就高不重复.
    public static let standard = ReformBonusRules(city: 1, province: 2, nation: 3, cap: 5)

    public func points(for level: BrandLevel) -> Double {
        switch level { case .city: return city; case .province: return province; case .nation: return nation }
    }

    /// Each a number from 0 to 100, a higher level never worth less than a lower one, the cap above 0 and at most 100.
    public func validate() throws {
        for (v, f, name) in [(city, "city", "市级"), (province, "province", "省级"), (nation, "nation", "国家级")] where !(v.isFinite && (0...100).contains(v)) {
            throw ValidationError(field: f, "\(name)成果加分须为0到100之间的数")
        }
        guard city <= province else { throw ValidationError(field: "province", "省级成果加分不能低于市级") }
        guard province <= nation else { throw ValidationError(field: "nation", "国家级成果加分不能低于省级") }
        guard cap.isFinite, cap > 0, cap <= 100 else { throw ValidationError(field: "cap", "加分上限须大于0且不超过100") }
    }
}

/// The reform bonus of one unit (or of any set of outcomes), explained: one line per outcome counted or set aside, and
/// the total line with the cap.
public struct ReformBonus: Sendable, Equatable {
    /// The points earned, after the cap.
    public let points: Double
    /// The sum before the cap.
    public let uncapped: Double
    /// Chinese lines, in the order the outcomes were weighed (highest level first, then earliest).
    public let lines: [String]
    public var capped: Bool { uncapped > points }

    /// Every outcome counts (within `period`, when given): the points of its level, summed and capped.
    public static func points(outcomes: [ReformOutcome], rules: ReformBonusRules, period: ClosedRange<Day>? = nil) -> ReformBonus {
        compute(groups: [(nil, outcomes)], rules: rules, period: period, highestPerItem: false)
    }

    /// The outcomes of these items (within `period`, when given); with `rules.highestPerItem`, only the highest of
    /// each item counts.
    public static func points(items: [ReformItem], rules: ReformBonusRules, period: ClosedRange<Day>? = nil) -> ReformBonus {
        compute(groups: items.map { ($0.title, $0.outcomes) }, rules: rules, period: period, highestPerItem: rules.highestPerItem)
    }

    static func compute(groups: [(String?, [ReformOutcome])], rules: ReformBonusRules, period: ClosedRange<Day>?, highestPerItem: Bool) -> ReformBonus {
        func order(_ a: ReformOutcome, _ b: ReformOutcome) -> Bool { (b.level, a.day) < (a.level, b.day) }
        var counted: [(String?, ReformOutcome)] = []
        var setAside: [(String?, ReformOutcome)] = []
        for (title, outcomes) in groups {
            let inPeriod = outcomes.filter { period?.contains($0.day) ?? true }.sorted(by: order)
            for (i, o) in inPeriod.enumerated() {
                if highestPerItem && i > 0 { setAside.append((title, o)) } else { counted.append((title, o)) }
            }
        }
        counted.sort { order($0.1, $1.1) }
        var lines: [String] = []
        var sum = 0.0
        for (title, o) in counted {
            let p = rules.points(for: o.level)
            sum += p
            lines.append("\(title.map { "“\($0)”" } ?? "")\(o.label)：+\(formatNumber(p))分")
        }
        for (title, o) in setAside {
            lines.append("\(title.map { "“\($0)”" } ?? "")\(o.label)：同一事项就高不重复，不另加分")
        }
        let points = min(sum, rules.cap)
        if counted.isEmpty {
            lines.append(period == nil ? "无被采纳或推广的改革成果，不加分" : "考核期内无被采纳或推广的改革成果，不加分")
        } else if sum > rules.cap {
            lines.append("合计\(formatNumber(sum))分，超过上限\(formatNumber(rules.cap))分，按\(formatNumber(rules.cap))分计")
        } else {
            lines.append("合计\(formatNumber(sum))分")
        }
        return ReformBonus(points: points, uncapped: sum, lines: lines)
    }
}

/// 改革创新加分 per lead unit, as the assessment reads it: an item's outcomes (adopted or promoted by a higher body)
/// count for its lead unit in the period containing the day they were taken up, whatever years the item's roadmap runs.
public enum ReformBonusByUnit {
    /// Lead unit id → its bonus for `period`, for every unit that leads at least one of `items`.
    public static func compute(items: [ReformItem], rules: ReformBonusRules, period: AssessmentPeriod) -> [Int: ReformBonus] {
        Dictionary(grouping: items, by: \.leadUnitId).mapValues { ReformBonus.points(items: $0, rules: rules, period: period.start...period.end) }
    }

    /// The same as the assessment's adjustment entries under the scheme's bonus `key`: one per unit that earned points,
    /// its reason the explanation lines.
    public static func adjustments(items: [ReformItem], rules: ReformBonusRules, period: AssessmentPeriod, key: String) -> [Int: AdjustmentEntry] {
        compute(items: items, rules: rules, period: period).compactMapValues { b in
            b.points > 0 ? AdjustmentEntry(key: key, points: b.points, reason: "改革创新加分：" + b.lines.joined(separator: "；")) : nil
        }
    }
}
