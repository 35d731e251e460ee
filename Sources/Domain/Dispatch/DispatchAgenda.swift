import Foundation

/// 调度会: the weekly dispatch meeting's agenda, generated from the data — what is red, what became late
/// since the last meeting, and what units asked to be coordinated — grouped by the leader in charge of
/// each task's plan. Pure: the caller reads the data.
public struct DispatchAgenda: Codable, Sendable, Equatable {
    public enum Reason: String, Codable, Sendable {
        /// 红灯: severely behind, or overdue.
        case red
        /// 新增逾期: the deadline passed since the last meeting and the task is not done.
        case newlyLate = "newly_late"
        /// 需协调: the latest report asks for coordination.
        case coordination
        public var chineseName: String {
            switch self { case .red: return "红灯"; case .newlyLate: return "新增逾期"; case .coordination: return "需协调" }
        }
    }
    public struct Item: Codable, Sendable, Equatable {
        public var taskId: Int
        public var title: String
        public var unitId: Int
        public var unitName: String
        public var deadline: Day
        public var percentDone: Int
        public var reasons: [Reason]
        /// The coordination the unit asked for, if any.
        public var ask: String
    }
    public struct Group: Codable, Sendable, Equatable {
        /// The leader in charge (分管领导), or "未明确分管领导".
        public var leader: String
        public var items: [Item]
    }
    public var groups: [Group]
    public var itemCount: Int { groups.reduce(0) { $0 + $1.items.count } }

    public struct Input: Sendable {
        public var tasks: [TaskItem]
        public var plans: [Plan]
        public var unitNames: [Int: String]
        public var personNames: [Int: String]
        /// Task id → the coordination asked in its latest report (only non-empty asks).
        public var asks: [Int: String]
        /// The last meeting's day; tasks whose deadline falls after it and before today are newly late.
        public var since: Day?
        public init(tasks: [TaskItem], plans: [Plan], unitNames: [Int: String], personNames: [Int: String], asks: [Int: String], since: Day?) {
            self.tasks = tasks; self.plans = plans; self.unitNames = unitNames; self.personNames = personNames; self.asks = asks; self.since = since
        }
    }

    public static let noLeader = "未明确分管领导"

    /// Groups follow the plans' order; items within a group: red first, then newly late, then asks, each by deadline.
    public static func build(_ i: Input, today: Day, calendar: WorkCalendar, rules: LightRules) -> DispatchAgenda {
        let since = i.since ?? today.adding(days: -7)
        let planOrder = Dictionary(uniqueKeysWithValues: i.plans.sorted { ($0.seq, $0.id) < ($1.seq, $1.id) }.enumerated().map { ($1.id, $0) })
        let leaderOf = Dictionary(uniqueKeysWithValues: i.plans.map { ($0.id, $0.leaderId.flatMap { i.personNames[$0] } ?? noLeader) })
        var byLeader: [String: [Item]] = [:]
        var leaderRank: [String: Int] = [:]
        for t in i.tasks where !t.archived && t.status != .done && t.status != .suspended {
            let light = Light.of(t, today: today, calendar: calendar, rules: rules)
            var reasons: [Reason] = []
            if light == .red || light == .overdue { reasons.append(.red) }
            if t.deadline > since && t.deadline < today { reasons.append(.newlyLate) }
            let ask = i.asks[t.id] ?? ""
            if !ask.isEmpty { reasons.append(.coordination) }
            guard !reasons.isEmpty else { continue }
            let leader = leaderOf[t.planId] ?? noLeader
            let order = planOrder[t.planId] ?? Int.max
            leaderRank[leader] = min(leaderRank[leader] ?? order, order)
            byLeader[leader, default: []].append((Item(taskId: t.id, title: t.title, unitId: t.ownerUnitId, unitName: i.unitNames[t.ownerUnitId] ?? "—",
                                                       deadline: t.deadline, percentDone: t.percentDone, reasons: reasons, ask: ask)))
        }
        func weight(_ item: Item) -> Int { item.reasons.contains(.red) ? 0 : (item.reasons.contains(.newlyLate) ? 1 : 2) }
        let groups = byLeader.keys.sorted { (leaderRank[$0]!, $0) < (leaderRank[$1]!, $1) }.map { leader in
            Group(leader: leader, items: byLeader[leader]!.sorted { (weight($0), $0.deadline, $0.taskId) < (weight($1), $1.deadline, $1.taskId) })
        }
        return DispatchAgenda(groups: groups)
    }
}
