import Domain
import Foundation
import Persistence
import Vapor

/// Loads the demo zone (示范高新区) for the current year, through the same store calls the UI makes,
/// so the demo's audit log, validation and links are the real thing. Dates and progress are
/// spread over the year relative to `today`, so the matrix shows every light.
enum DemoLoader {
    static let zoneCode = "demo"
    static let password = "Guatu@2026"

    /// The demo accounts: username, role, person (by name in DemoContent) or a new person.
    static let accounts: [(username: String, role: Role, person: String?, display: String, title: String)] = [
        ("office", .office, nil, "王督查", "督查考核办公室科员"),
        ("leader", .leader, "刘海涛", "刘海涛", "党工委副书记"),
        ("reporter", .reporter, nil, "张填报", "科技创新局科员"),
        ("observer", .observer, nil, "市科技局观察员", "市科技局"),
        ("sysadmin", .sysAdmin, nil, "系统管理员", "信息中心"),
        ("secadmin", .secAdmin, nil, "安全管理员", "信息中心"),
        ("auditadmin", .auditAdmin, nil, "审计管理员", "纪工委"),
        ("enterprise", .enterprise, nil, "示范科技有限公司", "企业联络员"),
    ]

    /// Returns false if the demo zone already exists (nothing is changed then).
    @discardableResult
    static func load(_ app: Application, log: (String) -> Void = { print($0) }) async throws -> Bool {
        let store = app.store
        if try await store.zone(code: zoneCode) != nil { return false }
        let today = app.today, calendar = try await app.calendar(zoneId: nil), year = today.year
        let zone = try await store.createZone(code: zoneCode, name: DemoContent.zoneName)
        let hash = try await app.password.async.hash(password)

        // The first account acts for the whole load, so the audit log says who built the demo.
        let officeUnitName = "督查考核办公室"
        let system = Actor(userId: 0, username: "demo-loader", displayName: "演示数据", zoneId: zone.id, unitId: nil, roles: [.office])
        var unitIds: [String: Int] = [:]
        for (i, u) in DemoContent.units.enumerated() {
            var d = UnitDraft()
            d.name = u.name; d.shortName = u.shortName; d.kind = OrgUnit.Kind(rawValue: u.kind); d.sortOrder = i + 1
            unitIds[u.name] = try await store.createUnit(d, actor: system).id
        }
        var personIds: [String: Int] = [:]
        for (i, p) in DemoContent.people.enumerated() {
            let account = accounts.first { $0.person == p.name }
            let isLeader = DemoContent.leaderTitles.contains(p.title)
            let u = try await store.createUser(zoneId: zone.id, UserDraft(unitId: isLeader ? nil : unitIds[p.unit], username: account?.username ?? "p\(i + 1)",
                                                                         displayName: p.name, title: p.title),
                                               roles: account.map { [$0.role] } ?? (isLeader ? [.leader] : []), passwordHash: account == nil ? "" : hash, actor: system)
            personIds[p.name] = u.id
        }
        for a in accounts where a.person == nil {
            let unit: Int? = a.role == .office ? unitIds[officeUnitName] : (a.role == .reporter ? unitIds["科技创新局"] : nil)
            _ = try await store.createUser(zoneId: zone.id, UserDraft(unitId: unit, username: a.username, displayName: a.display, title: a.title),
                                           roles: [a.role], passwordHash: hash, actor: system)
        }
        for t in DemoContent.targets {
            var d = TargetDraft()
            d.year = year; d.kind = PositioningTarget.Kind(rawValue: t.kind); d.statement = t.statement
            _ = try await store.createTarget(d, actor: system)
        }

        var rng = SeededRandom(seed: 2026)
        var taskCount = 0
        for (pi, p) in DemoContent.plans.enumerated() {
            var pd = PlanDraft()
            pd.year = year; pd.seq = pi + 1; pd.name = p.name; pd.goal = p.goal
            pd.leaderId = personIds[p.leader]; pd.leadUnitId = unitIds[p.leadUnit]; pd.coUnitIds = p.coUnits.compactMap { unitIds[$0] }
            let plan = try await store.createPlan(pd, actor: system)
            for (wi, w) in p.workPoints.enumerated() {
                var wd = WorkPointDraft()
                wd.planId = plan.id; wd.seq = wi + 1; wd.title = w.title; wd.goal = w.goal; wd.leadUnitId = unitIds[w.leadUnit]
                let wp = try await store.createWorkPoint(wd, actor: system)
                // Each work point runs from late winter to year end; its tasks take consecutive,
                // slightly overlapping slots in order, so the last ones are still running in late autumn.
                let begin = calendar.workday(onOrAfter: Day(year: year, month: 2, day: 1)!.adding(days: rng.next(0...60)))
                let yearEnd = calendar.workday(onOrBefore: Day(year: year, month: 12, day: 31)!)
                let span = max(20, calendar.workdays(from: begin, to: yearEnd))
                let slot = max(5, span / max(1, w.tasks.count))
                var previous: Int?
                var lastDeadline: Day?
                for (ti, t) in w.tasks.enumerated() {
                    var d = TaskDraft()
                    d.workPointId = wp.id; d.title = t.title; d.ownerUnitId = unitIds[t.owner]; d.coUnitIds = t.coUnits.compactMap { unitIds[$0] }
                    d.deliverable = t.deliverable; d.acceptanceStandard = t.acceptance; d.weight = t.weight
                    d.kind = t.milestone ? .milestone : .task
                    d.responsiblePerson = DemoContent.people.first { $0.unit == t.owner && !DemoContent.leaderTitles.contains($0.title) }?.name ?? ""
                    let start = calendar.add(ti * slot, workdaysTo: begin)
                    let duration = max(5, slot * 4 / 3 + rng.next(-5...10))
                    var deadline = min(calendar.add(duration - 1, workdaysTo: start), yearEnd)
                    if t.milestone { deadline = min(calendar.add(slot - 1, workdaysTo: start), yearEnd) }
                    let taskStart = t.milestone ? deadline : min(start, deadline)
                    d.plannedStart = taskStart; d.deadline = deadline
                    if let previous, ti % 2 == 1 || t.milestone { d.predecessorIds = [previous] }
                    applyProgress(&d, start: taskStart, deadline: deadline, today: today, calendar: calendar, rng: &rng)
                    let created = try await store.createTask(d, actor: system, today: today, calendar: calendar)
                    previous = created.id
                    taskCount += 1
                    lastDeadline = max(lastDeadline ?? deadline, deadline)
                }
                // The work point is due when its last task is: its roadmap and critical path are live from the start.
                if let lastDeadline { try await store.setWorkPointDeadline(id: wp.id, deadline: lastDeadline, actor: system) }
            }
        }
        let leader = Actor(userId: personIds["刘海涛"] ?? 0, username: "leader", displayName: "刘海涛", zoneId: zone.id, unitId: nil, roles: [.leader])
        try await DemoSupervision.load(app, zone: zone, system: system, leader: leader, today: today, calendar: calendar)
        try await DemoIndicators.load(app, zone: zone, system: system, units: unitIds, today: today)
        try await DemoAssessment.load(app, zone: zone, system: system, units: unitIds, today: today, calendar: calendar)
        try await DemoEnterprises.load(app, zone: zone, system: system, units: unitIds, today: today)
        try await DemoProjects.load(app, zone: zone, system: system, units: unitIds, today: today)
        try await DemoFiscal.load(app, zone: zone, system: system, units: unitIds, today: today)
        try await DemoAppeals.load(app, zone: zone, system: system, units: unitIds, today: today, calendar: calendar)
        try await DemoPolicies.load(app, zone: zone, system: system, today: today)
        try await DemoSafety.load(app, zone: zone, system: system, units: unitIds, today: today, calendar: calendar)
        try await DemoReforms.load(app, zone: zone, system: system, units: unitIds, today: today, calendar: calendar)
        try await DemoFinance.load(app, zone: zone, system: system, today: today)
        log("已载入演示数据：\(DemoContent.zoneName)，\(DemoContent.plans.count)项计划，\(taskCount)项任务和节点（\(year)年度，今天按\(today.iso)计）。")
        return true
    }

    /// Progress as it would stand on `today`: most finished work done (some late), some overdue,
    /// current work ahead of or behind its elapsed time.
    static func applyProgress(_ d: inout TaskDraft, start: Day, deadline: Day, today: Day, calendar: WorkCalendar, rng: inout SeededRandom) {
        if deadline < today {
            let roll = rng.next(0...99)
            if roll < 72 {
                d.status = .done; d.percentDone = 100
                d.doneOn = min(today, calendar.add(-rng.next(0...5), workdaysTo: deadline))
            } else if roll < 86 {
                d.status = .done; d.percentDone = 100
                d.doneOn = min(today, calendar.add(rng.next(2...12), workdaysTo: deadline))
            } else {
                d.status = .inProgress; d.percentDone = rng.next(40...90)
            }
        } else if start <= today {
            let total = max(1, calendar.workdays(from: start, to: deadline))
            let expected = calendar.workdays(from: start, to: today) * 100 / total
            d.percentDone = max(0, min(95, expected + rng.next(-45...15)))
            d.status = d.percentDone! > 0 ? .inProgress : .notStarted
        } else {
            d.status = .notStarted; d.percentDone = 0
        }
    }
}

/// A small deterministic generator (SplitMix64), so the demo is the same on every machine.
struct SeededRandom {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func nextUInt() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
    mutating func next(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(nextUInt() % UInt64(range.count))
    }
}
