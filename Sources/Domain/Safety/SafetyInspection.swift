import Foundation

/// What kind of inspection it was.
public enum InspectionKind: String, Codable, Sendable, CaseIterable {
    /// 日常检查: the routine round of a firm.
    case routine
    /// 专项检查: a campaign on one risk (hazardous chemicals, confined spaces, fire, gas …).
    case special
    /// 节前检查: before a holiday break (元旦、春节、国庆 …), when firms stop and restart.
    case preHoliday
    public var chineseName: String {
        switch self { case .routine: return "日常检查"; case .special: return "专项检查"; case .preHoliday: return "节前检查" }
    }
}

/// 安全生产检查: one visit of inspectors to one firm. The hazards it finds are recorded as `Hazard`s pointing back to it.
public struct SafetyInspection: Codable, Sendable, Equatable, Identifiable {
    public var id: Int
    public var enterpriseId: Int
    /// The unit that organised the inspection (属地或行业监管单位), when known.
    public var unitId: Int?
    public var day: Day
    /// The inspectors' names, as signed on the record; at least one.
    public var inspectors: [String]
    public var kind: InspectionKind
    /// 检查情况: what was seen, in a few lines; the hazards themselves are recorded one by one.
    public var findings: String
    public var version: Int
    public init(id: Int, enterpriseId: Int, unitId: Int? = nil, day: Day, inspectors: [String], kind: InspectionKind, findings: String = "", version: Int = 1) {
        self.id = id; self.enterpriseId = enterpriseId; self.unitId = unitId; self.day = day; self.inspectors = inspectors; self.kind = kind
        self.findings = findings; self.version = version
    }

    /// Trimmed and checked: a firm, a day not after `today`, at least one inspector (blank and repeated names dropped,
    /// each at most `TextLimits.name` characters), findings within `TextLimits.longText`.
    public func validated(today: Day) throws -> SafetyInspection {
        var s = self
        guard enterpriseId > 0 else { throw ValidationError(field: "enterpriseId", "请选择被检查企业") }
        guard day <= today else { throw ValidationError(field: "day", "检查日期不能晚于今天") }
        var names: [String] = []
        for n in inspectors.map({ $0.trimmingCharacters(in: .whitespacesAndNewlines) }) where !n.isEmpty && !names.contains(n) {
            guard n.count <= TextLimits.name else { throw ValidationError(field: "inspectors", "检查人员姓名不能超过\(TextLimits.name)个字") }
            names.append(n)
        }
        guard !names.isEmpty else { throw ValidationError(field: "inspectors", "请填写至少一名检查人员") }
        s.inspectors = names
        s.findings = findings.trimmingCharacters(in: .whitespacesAndNewlines)
        guard s.findings.count <= TextLimits.longText else { throw ValidationError(field: "findings", "检查情况不能超过\(TextLimits.longText)个字") }
        return s
    }
}
