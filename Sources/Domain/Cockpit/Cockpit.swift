import Foundation

/// 领导驾驶舱: one leader's year on one screen (or the whole zone's, for the office and the wall display). Worked out
/// from the plans in charge, their tasks and the open supervision orders; every figure names the tasks behind it, so
/// the page can link each number to its detail.
public struct Cockpit: Sendable {
    public struct PlanLine: Sendable {
        public let plan: Plan
        public let progress: ProgressSummary
        public let openOrders: Int
        /// Red and overdue tasks.
        public var lagging: Int { progress.count(.red) + progress.count(.overdue) }
    }
    /// A red or overdue task and why, in words.
    public struct Alarm: Sendable {
        public let task: TaskItem
        public let light: Light
        public let reason: String
        /// Working days past the deadline (overdue) or percentage points behind (red): the sort key.
        public let severity: Int
        public let openOrderId: Int?
    }
    /// A unit with work behind, and how much.
    public struct UnitLag: Sendable, Equatable {
        public let unitId: Int
        public let tasks: Int
        public let overdue: Int
        public let red: Int
        public let yellow: Int
        public let openOrders: Int
        public var lagging: Int { overdue + red }
    }
    /// An open order as the cockpit counts it.
    public struct OpenOrder: Sendable {
        public let id: Int
        public let taskId: Int?
        public let unitId: Int
        public init(id: Int, taskId: Int?, unitId: Int) { self.id = id; self.taskId = taskId; self.unitId = unitId }
    }

    public let plans: [PlanLine]
    public let total: ProgressSummary
    public let alarms: [Alarm]
    public let units: [UnitLag]
    /// The open orders on the cockpit's tasks, and how many.
    public let openOrderIds: Set<Int>
    public var openOrders: Int { openOrderIds.count }
    /// The units that own the cockpit's tasks (all of them, not just those behind).
    public let ownerUnitIds: Set<Int>
    /// 按期率: the share of the tasks not overdue (1 with none), as the province ranking counts it.
    public var onTimeRate: Double { total.total == 0 ? 1 : Double(total.total - total.count(.overdue)) / Double(total.total) }

    /// `tasks` are the live tasks of `plans`' year (others are ignored).
    /// `lights`: the tasks' lights today, when the caller has worked them out already.
    ///
    /// One pass over the tasks fills every plan's, unit's and the total's tally and finds the alarms: for a zone of
    /// 20,000 tasks, grouping them by plan and by unit first copied each task twice.
    public init(plans: [Plan], tasks: [TaskItem], openOrders: [OpenOrder], today: Day, calendar: WorkCalendar, rules: LightRules = .standard,
                lights known: LightBook? = nil) {
        let planIds = Set(plans.map(\.id))
        let book = known ?? LightBook(tasks, today: today, calendar: calendar, rules: rules)
        let orderedTasks = Set(openOrders.compactMap(\.taskId))
        var perPlan: [Int: ProgressSummary.Tally] = [:], perUnit: [Int: ProgressSummary.Tally] = [:]
        var total = ProgressSummary.Tally()
        /// The plan of each of this cockpit's tasks that has an open order.
        var planOfOrderedTask: [Int: Int] = [:]
        var found: [(task: TaskItem, light: Light, reason: String, severity: Int)] = []
        for t in tasks where !t.archived && planIds.contains(t.planId) {
            let l = book.light(t)
            perPlan[t.planId, default: .init()].add(t, l)
            perUnit[t.ownerUnitId, default: .init()].add(t, l)
            total.add(t, l)
            if orderedTasks.contains(t.id) { planOfOrderedTask[t.id] = t.planId }
            if l == .red || l == .overdue {
                let (reason, severity) = LightReason.explain(t, light: l, today: today, calendar: calendar)
                found.append((t, l, reason, severity))
            }
        }
        let orders = openOrders.filter { $0.taskId.map { planOfOrderedTask[$0] != nil } ?? false }
        var orderOfTask: [Int: Int] = [:]
        for o in orders { if let t = o.taskId, orderOfTask[t] == nil { orderOfTask[t] = o.id } }
        let ordersByPlan = Dictionary(grouping: orders.compactMap { o in o.taskId.flatMap { planOfOrderedTask[$0] } }, by: { $0 })
        self.plans = plans.map { p in
            PlanLine(plan: p, progress: (perPlan[p.id] ?? .init()).summary, openOrders: ordersByPlan[p.id]?.count ?? 0)
        }
        self.total = total.summary
        // Overdue first, then the most severe, then by id; sorted by small keys rather than moving the tasks around.
        let keys = found.map { ($0.light == .overdue ? 0 : 1, -$0.severity, $0.task.id) }
        self.alarms = found.indices.sorted { keys[$0] < keys[$1] }.map { i in
            let f = found[i]
            return Alarm(task: f.task, light: f.light, reason: f.reason, severity: f.severity, openOrderId: orderOfTask[f.task.id])
        }
        let ordersByUnit = Dictionary(grouping: orders, by: \.unitId).mapValues(\.count)
        self.ownerUnitIds = Set(perUnit.keys)
        self.units = perUnit.map { id, tally in
            let u = tally.summary
            return UnitLag(unitId: id, tasks: u.total, overdue: u.count(.overdue), red: u.count(.red), yellow: u.count(.yellow), openOrders: ordersByUnit[id] ?? 0)
        }
            .filter { $0.lagging + $0.yellow > 0 }
            .sorted { a, b in (a.lagging, a.overdue, a.yellow, b.unitId) > (b.lagging, b.overdue, b.yellow, a.unitId) }
        self.openOrderIds = Set(orders.map(\.id))
    }
}

/// Why a task shows its light, in the words a leader reads.
public enum LightReason {
    /// The sentence, and a severity to sort by (working days late, or points behind).
    public static func explain(_ t: TaskItem, light: Light, today: Day, calendar: WorkCalendar) -> (String, Int) {
        switch light {
        case .overdue:
            let late = max(1, calendar.workdays(from: t.deadline.adding(days: 1), to: today))
            return ("已超过完成时限（\(t.deadline.iso)）\(late)个工作日，完成\(t.percentDone)%", late)
        case .red, .yellow:
            if t.kind == .milestone {
                let left = calendar.workdays(from: today, to: t.deadline)
                return ("节点将于\(t.deadline.iso)到期，还剩\(left)个工作日，尚未完成", 0)
            }
            let (total, elapsed, expected) = Light.schedule(t, today: today, calendar: calendar)
            if t.percentDone == 0 && t.status == .notStarted {
                return ("已用去\(elapsed)/\(total)个工作日，应完成约\(expected)%，尚未开始", expected)
            }
            return ("已用去\(elapsed)/\(total)个工作日，应完成约\(expected)%，实际\(t.percentDone)%，落后\(expected - t.percentDone)个百分点", expected - t.percentDone)
        default:
            return (light.chineseName, 0)
        }
    }
}
