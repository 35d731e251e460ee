import Foundation

/// 重点项目: an investment project the zone follows from signing to production, with its monthly investment planned
/// and done, the unit responsible, and the matrix task that carries its supervision trail (reports, orders, the map).
public struct KeyProject: Codable, Sendable, Equatable, Identifiable {
    public enum Stage: String, Codable, Sendable, CaseIterable, Comparable {
        case signed, landed, started, completed, producing
        public var chineseName: String {
            switch self { case .signed: return "签约"; case .landed: return "落地"; case .started: return "开工"; case .completed: return "竣工"; case .producing: return "投产" }
        }
        var order: Int { Self.allCases.firstIndex(of: self)! }
        public static func < (a: Stage, b: Stage) -> Bool { a.order < b.order }
    }
    public var id: Int
    public var name: String
    /// The investing firm in the registry, if it is there.
    public var enterpriseId: Int?
    public var chain: String
    /// 总投资, 万元.
    public var totalInvestment: Double
    public var ownerUnitId: Int
    /// The matrix task that carries the project's supervision (reports, orders, the battle map).
    public var taskId: Int?
    public var stage: Stage
    /// The day each stage was reached.
    public var stageDates: [Stage: Day]
    public var version: Int
    public init(id: Int, name: String, enterpriseId: Int?, chain: String, totalInvestment: Double, ownerUnitId: Int, taskId: Int?, stage: Stage,
                stageDates: [Stage: Day], version: Int = 1) {
        self.id = id; self.name = name; self.enterpriseId = enterpriseId; self.chain = chain; self.totalInvestment = totalInvestment
        self.ownerUnitId = ownerUnitId; self.taskId = taskId; self.stage = stage; self.stageDates = stageDates; self.version = version
    }

    public static func validate(name: String, totalInvestment: Double) throws {
        let n = name.trimmingCharacters(in: .whitespaces)
        guard n.count >= 2, n.count <= 100 else { throw ValidationError(field: "name", "请填写项目名称（2到100字）") }
        guard totalInvestment.isFinite, totalInvestment > 0, totalInvestment < 100_000_000 else { throw ValidationError(field: "totalInvestment", "总投资须为正数（万元）") }
    }

    /// A stage move: forward only, on or after the previous stage's day.
    public func advanced(to next: Stage, on day: Day) throws -> KeyProject {
        guard next > stage else { throw ValidationError(field: "stage", "项目已处于“\(stage.chineseName)”阶段，只能向后推进") }
        if let last = stageDates[stage], day < last { throw ValidationError(field: "day", "“\(next.chineseName)”日期不能早于“\(stage.chineseName)”日期\(last)") }
        var p = self
        p.stage = next
        p.stageDates[next] = day
        return p
    }
}

/// One month's investment of a project, 万元.
public struct MonthlyInvestment: Codable, Sendable, Equatable {
    public var month: String  // "2026-03"
    public var planned: Double
    public var actual: Double?
    public init(month: String, planned: Double, actual: Double?) { self.month = month; self.planned = planned; self.actual = actual }
}

/// 年度投资完成率: Σ actual ÷ Σ planned over the year's months up to the as-of month, %, and the whole year's plan.
public enum InvestmentProgress {
    public struct Figure: Sendable, Equatable {
        public let plannedToDate: Double
        public let actualToDate: Double
        public let yearPlan: Double
        public var rate: Double? { plannedToDate > 0 ? 100 * actualToDate / plannedToDate : nil }
        public var yearRate: Double? { yearPlan > 0 ? 100 * actualToDate / yearPlan : nil }
    }
    public static func figure(_ months: [MonthlyInvestment], year: Int, through month: Int) -> Figure {
        let inYear = months.filter { $0.month.hasPrefix(String(format: "%04d-", year)) }
        let toDate = inYear.filter { (Int($0.month.suffix(2)) ?? 13) <= month }
        return Figure(plannedToDate: toDate.reduce(0) { $0 + $1.planned }, actualToDate: toDate.reduce(0) { $0 + ($1.actual ?? 0) },
                      yearPlan: inYear.reduce(0) { $0 + $1.planned })
    }
}
