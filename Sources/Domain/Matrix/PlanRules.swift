import Foundation

public struct PlanDraft: Codable, Sendable, Equatable {
    public var year: Int?
    public var seq: Int?
    public var name: String?
    public var goal: String?
    public var leaderId: Int?
    public var leadUnitId: Int?
    public var coUnitIds: [Int]?
    public init() {}
}

public struct WorkPointDraft: Codable, Sendable, Equatable {
    public var planId: Int?
    public var seq: Int?
    public var title: String?
    public var goal: String?
    public var leadUnitId: Int?
    public init() {}
}

public struct UnitDraft: Codable, Sendable, Equatable {
    public var name: String?
    public var shortName: String?
    public var kind: OrgUnit.Kind?
    public var sortOrder: Int?
    public init() {}
}

public struct TargetDraft: Codable, Sendable, Equatable {
    public var year: Int?
    public var kind: PositioningTarget.Kind?
    public var statement: String?
    public var indicatorId: Int?
    public init() {}
}

public enum MatrixRules {
    static func text(_ value: String?, _ base: String?, field: String, label: String, limit: Int, required: Bool) throws -> String {
        let v = (value ?? base ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if required && v.isEmpty { throw ValidationError(field: field, "\(label)不能为空") }
        if v.count > limit { throw ValidationError(field: field, "\(label)不能超过\(limit)个字") }
        return v
    }

    static func year(_ y: Int?) throws -> Int {
        guard let y else { throw ValidationError(field: "year", "请填写年度") }
        guard (2000...2100).contains(y) else { throw ValidationError(field: "year", "年度须在2000至2100之间") }
        return y
    }

    public static func apply(_ d: PlanDraft, to base: Plan?) throws -> Plan {
        let name = try text(d.name, base?.name, field: "name", label: "计划名称", limit: TextLimits.title, required: true)
        let goal = try text(d.goal, base?.goal, field: "goal", label: "目标", limit: TextLimits.longText, required: false)
        let year = try year(d.year ?? base?.year)
        let seq = d.seq ?? base?.seq ?? 0
        guard (0...999).contains(seq) else { throw ValidationError(field: "seq", "序号须在0到999之间") }
        let lead = d.leadUnitId ?? base?.leadUnitId
        let co = (d.coUnitIds ?? base?.coUnitIds ?? []).filter { $0 != lead }
        return Plan(id: base?.id ?? 0, year: year, seq: seq, name: name, goal: goal,
                    leaderId: d.leaderId ?? base?.leaderId, leadUnitId: lead,
                    coUnitIds: Array(Set(co)).sorted(), archived: base?.archived ?? false, version: base?.version ?? 1)
    }

    public static func apply(_ d: WorkPointDraft, to base: WorkPoint?) throws -> WorkPoint {
        guard let planId = d.planId ?? base?.planId else { throw ValidationError(field: "planId", "请选择所属计划") }
        let title = try text(d.title, base?.title, field: "title", label: "工作要点", limit: TextLimits.title, required: true)
        let goal = try text(d.goal, base?.goal, field: "goal", label: "目标", limit: TextLimits.longText, required: false)
        let seq = d.seq ?? base?.seq ?? 0
        guard (0...9999).contains(seq) else { throw ValidationError(field: "seq", "序号须在0到9999之间") }
        return WorkPoint(id: base?.id ?? 0, planId: planId, seq: seq, title: title, goal: goal,
                         leadUnitId: d.leadUnitId ?? base?.leadUnitId, archived: base?.archived ?? false,
                         version: base?.version ?? 1)
    }

    public static func apply(_ d: UnitDraft, to base: OrgUnit?) throws -> OrgUnit {
        let name = try text(d.name, base?.name, field: "name", label: "单位名称", limit: TextLimits.name, required: true)
        var short = try text(d.shortName, base?.shortName, field: "shortName", label: "简称", limit: 20, required: false)
        if short.isEmpty { short = String(name.prefix(6)) }
        return OrgUnit(id: base?.id ?? 0, name: name, shortName: short, kind: d.kind ?? base?.kind ?? .department,
                    sortOrder: d.sortOrder ?? base?.sortOrder ?? 0, archived: base?.archived ?? false,
                    version: base?.version ?? 1)
    }

    public static func apply(_ d: TargetDraft, to base: PositioningTarget?) throws -> PositioningTarget {
        let statement = try text(d.statement, base?.statement, field: "statement", label: "目标表述", limit: TextLimits.longText, required: true)
        guard let kind = d.kind ?? base?.kind else { throw ValidationError(field: "kind", "请选择目标定位类别") }
        return PositioningTarget(id: base?.id ?? 0, year: try year(d.year ?? base?.year), kind: kind,
                                 statement: statement, indicatorId: d.indicatorId ?? base?.indicatorId,
                                 version: base?.version ?? 1)
    }
}
