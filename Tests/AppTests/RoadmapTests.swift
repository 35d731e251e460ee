@testable import App
import Domain
import Persistence
import Testing
import Vapor
import VaporTesting

@Suite("路线图：倒排工期与基线")
struct RoadmapTests {
    @Test("从工作要点时限倒排、应用到计划日期、批准基线后显示偏差", arguments: TestDB.all)
    func reverseAndBaseline(_ db: TestDB) async throws {
        try await withGuatu(db) { app in
            let f = try await Fixture.make(app)
            let actor = Actor(userId: 0, username: "t", displayName: "测试", zoneId: f.zoneId, unitId: nil, roles: [.office])
            // Second work point: A (5 days) → B (3 days) → milestone C, to be done by 2026-10-09.
            func task(_ title: String, kind: TaskItem.Kind = .task, start: String, deadline: String, preds: [Int]) async throws -> TaskItem {
                var d = TaskDraft(); d.workPointId = f.secondWorkPointId; d.title = title; d.ownerUnitId = f.unitA; d.kind = kind
                d.plannedStart = Day(iso: start); d.deadline = Day(iso: deadline); d.predecessorIds = preds
                return try await app.store.createTask(d, actor: actor, today: testToday, calendar: .official)
            }
            let a = try await task("A 摸底", start: "2026-07-01", deadline: "2026-07-07", preds: [])
            #expect(a.durationDays == 5)
            let b = try await task("B 申报", start: "2026-07-08", deadline: "2026-07-10", preds: [a.id])
            let c = try await task("C 报送", kind: .milestone, start: "2026-07-10", deadline: "2026-07-10", preds: [b.id])
            var web = Browser(app)
            _ = try await web.login("office")
            let page = try await web.get("/work-points/\(f.secondWorkPointId)/schedule")
            #expect(page.status == .ok)
            #expect(page.text.contains("请先设置工作要点的完成时限"))
            #expect(try await web.post("/work-points/\(f.secondWorkPointId)/deadline", [("deadline", "2026-10-09")]).status == .seeOther)
            let scheduled = try await web.get("/work-points/\(f.secondWorkPointId)/schedule")
            // Worked by hand over 中秋 (09-25) and 国庆 (10-01..07): B latest 09-30..10-09, A latest 09-22..09-29.
            #expect(scheduled.text.contains("2026-09-22"))
            #expect(scheduled.text.contains("2026-09-30"))
            #expect(scheduled.text.contains("关键路径：A 摸底 → B 申报 → C 报送"))
            _ = try await web.post("/work-points/\(f.secondWorkPointId)/baseline", [("note", "审定")])
            let applied = try await web.post("/work-points/\(f.secondWorkPointId)/schedule/apply", [])
            #expect(applied.status == .seeOther)
            let newA = try await app.store.task(id: a.id, zoneId: f.zoneId)
            #expect(newA.plannedStart == Day(iso: "2026-09-22") && newA.deadline == Day(iso: "2026-09-29"))
            let newC = try await app.store.task(id: c.id, zoneId: f.zoneId)
            #expect(newC.deadline == Day(iso: "2026-10-09"))
            // Baseline kept the approved 07-10 for C: now later by the working days 07-13 … 10-09.
            let baseline = try #require(try await app.store.baselines(taskIds: [c.id], zoneId: f.zoneId)[c.id])
            #expect(baseline.deadline == Day(iso: "2026-07-10"))
            let expected = CalendarTests_workdays(from: "2026-07-13", to: "2026-10-09")
            let after = try await web.get("/work-points/\(f.secondWorkPointId)/schedule")
            #expect(after.text.contains("+\(expected)"))
            let taskPage = try await web.get("/tasks/\(c.id)")
            #expect(taskPage.text.contains("2026-07-10至2026-07-10，推迟\(expected)个工作日"))
            // The battle map marks the critical path and draws the baseline under the moved bars.
            let map = try await web.get("/battle-map?plan=\(f.planId)")
            #expect(map.text.contains("stroke-width=\"2\""))
            #expect(map.text.contains("class=\"baseline\""))
            #expect(map.text.contains("关键路径"))
            let october = try await web.get("/battle-map?plan=\(f.planId)&zoom=m10")
            #expect(october.status == .ok && october.text.contains("class=\"month\">10月<") && !october.text.contains("class=\"month\">9月<"))
            let audit = try await app.store.auditEntries(zoneId: f.zoneId, .init(entityType: "task", entityId: b.id))
            #expect(audit.entries.first?.action == .update)
        }
    }

    @Test("只有一个工作日的时限无法容纳任务时显示短缺天数")
    func infeasible() async throws {
        try await withGuatu { app in
            let f = try await Fixture.make(app)
            var web = Browser(app)
            _ = try await web.login("office")
            // Task A of the first work point lasts from 03-02 to 09-30 (well over 100 working days);
            // a work point deadline of 2026-06-16 (today is 06-15) leaves it far short.
            _ = try await web.get("/work-points/\(f.workPointId)/schedule")
            _ = try await web.post("/work-points/\(f.workPointId)/deadline", [("deadline", "2026-06-16")])
            let page = try await web.get("/work-points/\(f.workPointId)/schedule")
            #expect(page.text.contains("短"))
            let bad = try await web.post("/work-points/\(f.workPointId)/deadline", [("deadline", "2026-02-30")])
            #expect(bad.status == .unprocessableEntity)
        }
    }
}

/// Working days counted directly from the 2026 notice's facts (independent of WorkCalendar).
func CalendarTests_workdays(from: String, to: String) -> Int {
    let holidays: Set<String> = ["2026-09-25", "2026-10-01", "2026-10-02", "2026-10-05", "2026-10-06", "2026-10-07"]
    let makeups: Set<String> = ["2026-09-20", "2026-10-10"]
    var d = Day(iso: from)!, n = 0
    while d <= Day(iso: to)! {
        if makeups.contains(d.iso) || (!d.isWeekend && !holidays.contains(d.iso)) { n += 1 }
        d = d.adding(days: 1)
    }
    return n
}
