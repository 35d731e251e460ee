import Foundation

/// 事故等级 under 《生产安全事故报告和调查处理条例》（国务院令第493号）第三条, ordered by gravity. An accident takes the
/// gravest grade any one of its three measures reaches (deaths, serious injuries including acute industrial poisoning,
/// direct economic loss); "以上" includes the number and "以下" excludes it:
///
/// | grade | deaths | serious injuries | direct loss |
/// | --- | --- | --- | --- |
/// | 特别重大 | ≥ 30 | ≥ 100 | ≥ 1亿元 (10,000万元) |
/// | 重大 | 10–29 | 50–99 | 5,000万元 to under 1亿元 |
/// | 较大 | 3–9 | 10–49 | 1,000万元 to under 5,000万元 |
/// | 一般 | under 3 | under 10 | under 1,000万元 |
public enum AccidentSeverity: Int, Codable, Sendable, CaseIterable, Comparable {
    case ordinary = 1, large, major, extraordinary
    public var chineseName: String {
        switch self {
        case .ordinary: return "一般事故"
        case .large: return "较大事故"
        case .major: return "重大事故"
        case .extraordinary: return "特别重大事故"
        }
    }
    public static func < (a: AccidentSeverity, b: AccidentSeverity) -> Bool { a.rawValue < b.rawValue }

    /// The lower bounds of each grade above 一般: (deaths, serious injuries, direct loss in 万元).
    static let thresholds: [(AccidentSeverity, Int, Int, Double)] = [
        (.extraordinary, 30, 100, 10_000), (.major, 10, 50, 5_000), (.large, 3, 10, 1_000),
    ]

    /// The grade of an accident with these figures (negative figures are read as 0; `directLossWan` in 万元).
    public static func classify(deaths: Int, seriousInjuries: Int, directLossWan: Double) -> AccidentSeverity {
        for (grade, d, i, loss) in thresholds where deaths >= d || seriousInjuries >= i || directLossWan >= loss {
            return grade
        }
        return .ordinary
    }
}

/// 生产安全事故: one accident at a firm, with its figures as finally established (调查认定). Its grade is computed, never
/// entered.
public struct Accident: Codable, Sendable, Equatable, Identifiable {
    public var id: Int
    public var enterpriseId: Int
    /// The zone unit answerable for the firm's safety (属地或行业监管单位), whose assessment the accident weighs on.
    public var unitId: Int?
    public var day: Day
    public var deaths: Int
    /// 重伤 (including acute industrial poisoning, 急性工业中毒).
    public var seriousInjuries: Int
    /// 直接经济损失, 万元.
    public var directLossWan: Double
    public var description: String
    /// 责任事故: the investigation found a failure of duty. Presumed until an investigation finds otherwise (e.g. a
    /// natural disaster); only a liability accident triggers the assessment veto.
    public var isLiability: Bool
    public var version: Int
    public init(id: Int, enterpriseId: Int, unitId: Int? = nil, day: Day, deaths: Int, seriousInjuries: Int, directLossWan: Double, description: String,
                isLiability: Bool = true, version: Int = 1) {
        self.id = id; self.enterpriseId = enterpriseId; self.unitId = unitId; self.day = day; self.deaths = deaths; self.seriousInjuries = seriousInjuries
        self.directLossWan = directLossWan; self.description = description; self.isLiability = isLiability; self.version = version
    }

    public var severity: AccidentSeverity {
        AccidentSeverity.classify(deaths: deaths, seriousInjuries: seriousInjuries, directLossWan: directLossWan)
    }

    /// Trimmed and checked: a firm, a day not after `today`, figures not negative (loss a finite number of 万元), a description.
    public func validated(today: Day) throws -> Accident {
        var a = self
        a.description = description.trimmingCharacters(in: .whitespacesAndNewlines)
        guard enterpriseId > 0 else { throw ValidationError(field: "enterpriseId", "请选择发生事故的企业") }
        guard day <= today else { throw ValidationError(field: "day", "事故日期不能晚于今天") }
        guard deaths >= 0 else { throw ValidationError(field: "deaths", "死亡人数不能为负") }
        guard seriousInjuries >= 0 else { throw ValidationError(field: "seriousInjuries", "重伤人数不能为负") }
        guard directLossWan.isFinite, directLossWan >= 0, directLossWan < 100_000_000 else {
            throw ValidationError(field: "directLossWan", "直接经济损失须为不小于0的数（万元）")
        }
        guard !a.description.isEmpty, a.description.count <= TextLimits.longText else {
            throw ValidationError(field: "description", "请填写事故经过（不超过\(TextLimits.longText)字）")
        }
        return a
    }
}

/// 安全生产一票否决: a liability accident graded 重大 or worse in the assessment period vetoes the unit's assessment
/// (the scheme's veto item with key `safety`, `AssessmentScheme.template`).
public enum SafetyVeto {
    /// The scheme's veto key this feeds.
    public static let key = "safety"

    /// The veto's reason, naming the gravest such accident first, or nil when none happened. `unitId` nil judges the
    /// whole zone (every accident); otherwise only the accidents answerable to that unit.
    public static func applies(accidents: [Accident], unitId: Int?, period: ClosedRange<Day>) -> String? {
        let hits = accidents.filter { a in
            a.isLiability && a.severity >= .major && period.contains(a.day) && (unitId == nil || a.unitId == unitId)
        }.sorted { ($0.severity, $1.day, $1.id) > ($1.severity, $0.day, $0.id) }
        guard let first = hits.first else { return nil }
        let more = hits.count > 1 ? "等\(hits.count)起" : ""
        return "\(first.day.iso)发生\(first.severity.chineseName)（死亡\(first.deaths)人、重伤\(first.seriousInjuries)人、直接经济损失\(formatNumber(first.directLossWan))万元）\(more)，安全生产一票否决"
    }

    /// The same as a veto entry for the assessment data.
    public static func entry(accidents: [Accident], unitId: Int?, period: ClosedRange<Day>) -> VetoEntry? {
        applies(accidents: accidents, unitId: unitId, period: period).map { VetoEntry(key: key, reason: $0) }
    }
}
