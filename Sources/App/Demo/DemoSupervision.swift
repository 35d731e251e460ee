import Domain
import Foundation
import Persistence
import Vapor

/// The demo's weekly life: reports over the last weeks (most on time, some late, some missing),
/// orders on lagging tasks at several steps of their lifecycle, and a leader's instruction — so the
/// pages of 交账 and 督办 have something to show (the month's bulletin is previewed live).
enum DemoSupervision {
    static func load(_ app: Application, zone: Zone, system: Actor, leader: Actor, today: Day, calendar: WorkCalendar) async throws {
        let store = app.store
        let rules = LightRules.standard
        let tasks = try await store.tasks(zoneId: zone.id, TaskFilter(year: today.year))
        let open = tasks.filter { $0.status != .done && $0.plannedStart <= today }
        let cycle = ReportingCycle.weekly
        var rng = SeededRandom(seed: 48)

        // The year's earlier weeks, loaded in bulk: each unit keeps its own habit (on time 70–97% of the time,
        // the rest late or missing), so the assessment's 交账及时率 differs between units.
        var history: [HistoricReport] = []
        let recent = cycle.period(containing: today, calendar: calendar).start.adding(days: -21)
        var week = cycle.period(containing: Day(year: today.year, month: 2, day: 2)!, calendar: calendar)
        while week.end < recent {
            for t in tasks where t.owesReport(for: week) {
                let habit = 70 + (t.ownerUnitId * 7919) % 28
                let roll = rng.next(1...100)
                if roll > habit + (100 - habit) / 2 { continue }
                let elapsed = Double(calendar.workdays(from: t.plannedStart, to: min(week.end, t.deadline)))
                let span = Double(max(1, calendar.workdays(from: t.plannedStart, to: t.deadline)))
                history.append(HistoricReport(taskId: t.id, unitId: t.ownerUnitId, period: week, late: roll > habit,
                                              percentDone: min(100, Int(100 * elapsed / span)), progress: "按计划推进。"))
            }
            week = cycle.period(containing: week.end.adding(days: 1), calendar: calendar)
        }
        try await store.insertReportHistory(history, actor: system)

        // Reports for the three weeks before this one: about 80% on time, 10% late, 10% missing.
        var period = cycle.period(containing: today, calendar: calendar)
        for _ in 0..<3 {
            period = cycle.period(containing: period.start.adding(days: -1), calendar: calendar)
            for t in open where t.plannedStart <= period.end {
                let roll = rng.next(1...10)
                if roll == 10 { continue }
                let reporter = Actor(userId: 0, username: "demo-loader", displayName: "演示填报", zoneId: zone.id, unitId: t.ownerUnitId, roles: [.reporter])
                let current = try await store.task(id: t.id, zoneId: zone.id)
                _ = try await store.submitReport(taskId: t.id, period: period, late: roll == 9,
                                                 ReportDraft(percentDone: current.percentDone, progress: "按计划推进，本周完成\(["调研摸底", "方案起草", "征求意见", "现场推进"][roll % 4])。",
                                                             problems: roll % 3 == 0 ? "部分企业数据报送滞后" : "", nextSteps: "继续推进，按期完成。"),
                                                 actor: reporter, today: today, calendar: calendar) { _ in }
            }
        }

        // Orders on the most lagging tasks.
        let lagging = open.filter { [.red, .overdue].contains(Light.of($0, today: today, calendar: calendar, rules: rules)) }.prefix(4)
        let policy = EscalationPolicy.standard
        let issuedOn = calendar.add(-6, workdaysTo: today)
        for (i, t) in lagging.enumerated() {
            let order = try await store.openOrder(
                OrderDraft(taskId: t.id, level: i == 3 ? .reminder : .supervision, reason: "进度严重滞后于时序要求",
                           requiredActions: "请于反馈时限内说明滞后原因，提出整改措施和完成时间，并附佐证材料。"),
                source: .manual, issuingUnit: "督查考核办公室", leaderNames: [], policy: policy, actor: system, today: issuedOn, calendar: calendar)
            let unit = Actor(userId: 0, username: "demo-loader", displayName: "演示填报", zoneId: zone.id, unitId: t.ownerUnitId, roles: [.reporter])
            if i == 0 || i == 1 {
                var o = try await store.act(orderId: order.id, version: order.version, action: .sign, party: .receivingUnit, text: "", actor: unit, today: issuedOn, calendar: calendar)
                if i == 0 {
                    o = try await store.act(orderId: o.id, version: o.version, action: .answer, party: .receivingUnit,
                                            text: "已组织专班推进，预计两周内追上进度。", actor: unit, today: today, calendar: calendar)
                }
            }
            if i == 2 {
                _ = try await store.escalate(orderId: order.id, version: order.version, reason: "逾期未反馈", leaderNames: [leader.displayName],
                                             policy: policy, actor: system, today: today, calendar: calendar)
            }
            if i == 0 {
                _ = try await store.addInstruction(taskId: t.id, orderId: order.id, text: "请责任单位主要负责同志亲自过问，月底前见到实效。", actor: leader)
            }
        }
    }
}
