import Foundation

/// 孵化链条: the zone's carriers — 创业苗圃 → 孵化器 → 加速器 → 产业园区 — and each firm's path through them to graduation
/// (毕业) and listing (上市).
public struct Carrier: Codable, Sendable, Equatable, Identifiable {
    public enum Stage: String, Codable, Sendable, CaseIterable, Comparable {
        case nursery, incubator, accelerator, park
        public var chineseName: String {
            switch self { case .nursery: return "创业苗圃"; case .incubator: return "孵化器"; case .accelerator: return "加速器"; case .park: return "产业园区" }
        }
        var order: Int { Self.allCases.firstIndex(of: self)! }
        public static func < (a: Stage, b: Stage) -> Bool { a.order < b.order }
    }
    public enum Level: String, Codable, Sendable, CaseIterable {
        case national, province, city, none
        public var chineseName: String {
            switch self { case .national: return "国家级"; case .province: return "省级"; case .city: return "市级"; case .none: return "未认定" }
        }
    }
    public var id: Int
    public var name: String
    public var stage: Stage
    public var level: Level
    /// How many firms it can host.
    public var capacity: Int
    public init(id: Int, name: String, stage: Stage, level: Level, capacity: Int) {
        self.id = id; self.name = name; self.stage = stage; self.level = level; self.capacity = capacity
    }
    public func validate() throws {
        let n = name.trimmingCharacters(in: .whitespaces)
        guard n.count >= 2, n.count <= 100 else { throw ValidationError(field: "name", "请填写载体名称（2到100字）") }
        guard capacity >= 0, capacity <= 100_000 else { throw ValidationError(field: "capacity", "容量须为0到100000之间的整数") }
    }
}

/// A firm's stay in a carrier: when it entered, when it left and how (毕业 or 迁出); still there while `leftOn` is nil.
public struct IncubationStep: Codable, Sendable, Equatable {
    public enum Outcome: String, Codable, Sendable, CaseIterable {
        case graduated, left
        public var chineseName: String { self == .graduated ? "毕业" : "迁出（未毕业）" }
    }
    public var enterpriseId: Int
    public var carrierId: Int
    public var enteredOn: Day
    public var leftOn: Day?
    public var outcome: Outcome?
    public init(enterpriseId: Int, carrierId: Int, enteredOn: Day, leftOn: Day? = nil, outcome: Outcome? = nil) {
        self.enterpriseId = enterpriseId; self.carrierId = carrierId; self.enteredOn = enteredOn; self.leftOn = leftOn; self.outcome = outcome
    }
    public func isIn(on day: Day) -> Bool { enteredOn <= day && (leftOn.map { day < $0 } ?? true) }
}

/// The chain as the picture shows it: per stage, the firms in it on a day, the capacity, and how many moved on in
/// the year (graduated from a carrier of the stage and entered a later stage, or were listed).
public enum IncubationChain {
    public struct StageFigure: Sendable, Equatable {
        public let stage: Carrier.Stage
        public let carriers: Int
        public let capacity: Int
        public let firms: Int
        public let movedOn: Int
        public let graduated: Int
    }

    public static func figures(carriers: [Carrier], steps: [IncubationStep], listedIds: Set<Int>, year: Int, on day: Day) -> [StageFigure] {
        let stageOf = Dictionary(uniqueKeysWithValues: carriers.map { ($0.id, $0.stage) })
        let byFirm = Dictionary(grouping: steps, by: \.enterpriseId)
        return Carrier.Stage.allCases.map { stage in
            let here = carriers.filter { $0.stage == stage }
            let ids = Set(here.map(\.id))
            let inNow = Set(steps.filter { ids.contains($0.carrierId) && $0.isIn(on: day) }.map(\.enterpriseId))
            let graduatedThisYear = steps.filter { ids.contains($0.carrierId) && $0.outcome == .graduated && $0.leftOn?.year == year }
            let moved = Set(graduatedThisYear.filter { g in
                listedIds.contains(g.enterpriseId) || (byFirm[g.enterpriseId] ?? []).contains { s in
                    (stageOf[s.carrierId].map { $0 > stage } ?? false) && s.enteredOn >= g.enteredOn
                }
            }.map(\.enterpriseId))
            return StageFigure(stage: stage, carriers: here.count, capacity: here.reduce(0) { $0 + $1.capacity }, firms: inNow.count,
                               movedOn: moved.count, graduated: Set(graduatedThisYear.map(\.enterpriseId)).count)
        }
    }
}
