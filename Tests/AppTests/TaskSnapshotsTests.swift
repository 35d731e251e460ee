@testable import App
import Domain
import Persistence
import SQLKit
import Testing
import Vapor

/// The snapshot of a year's tasks, brought up to date from the audit log, must always equal a whole read of the table
/// made now: checked after each kind of write, and it must read whole whenever the log cannot say what changed.
@Suite("任务快照：按审计日志增量更新，始终与整表读取一致")
struct TaskSnapshotsTests {
    struct Check {
        let app: Application
        let zoneId: Int
        /// The snapshot and a whole read of the table right now agree; returns how the snapshot was brought up to date.
        func agrees(_ note: String, sourceLocation: SourceLocation = #_sourceLocation) async throws -> TaskSnapshots.Read? {
            let snap = try await app.taskSnapshots.tasks(app.store, zoneId: zoneId, year: 2026)
            let whole = try await app.store.tasksForProgress(zoneId: zoneId, year: 2026).sorted { $0.id < $1.id }
            #expect(snap == whole, "\(note)", sourceLocation: sourceLocation)
            return app.taskSnapshots.lastRead.withLockedValue { $0 }
        }
    }

    @Test("改任务、建任务、归档任务只重读变化的任务；改工作要点、整表外的写入则整表重读", arguments: TestDB.all)
    func followsTheAuditLog(_ db: TestDB) async throws {
        try await withGuatu(db) { app in
            let f = try await Fixture.make(app)
            let store = app.store
            let office = Actor(userId: 0, username: "office", displayName: "督查室", zoneId: f.zoneId, unitId: nil, roles: [.office])
            let c = Check(app: app, zoneId: f.zoneId)
            #expect(try await c.agrees("first read") == .whole)
            #expect(try await c.agrees("nothing changed: read whole, not trusted blindly") == .whole)

            // A task's progress changes: only that task is read again.
            let a = try await store.task(id: f.taskA, zoneId: f.zoneId)
            var d = TaskDraft(); d.percentDone = 70
            _ = try await store.updateTask(id: a.id, version: a.version, d, actor: office, today: testToday, calendar: .official) { _ in }
            #expect(try await c.agrees("after a progress update") == .changed(1))
            #expect(try await store.tasksForProgress(zoneId: f.zoneId, year: 2026).first { $0.id == a.id }?.percentDone == 70)

            // A new task and a task moved to the other work point, in two writes: both read again.
            var n = TaskDraft(); n.workPointId = f.secondWorkPointId; n.title = "新增任务"; n.ownerUnitId = f.unitB
            n.plannedStart = Day(iso: "2026-07-01"); n.deadline = Day(iso: "2026-08-31")
            let created = try await store.createTask(n, actor: office, today: testToday, calendar: .official)
            let b = try await store.task(id: f.taskB, zoneId: f.zoneId)
            var move = TaskDraft(); move.workPointId = f.secondWorkPointId
            _ = try await store.updateTask(id: b.id, version: b.version, move, actor: office, today: testToday, calendar: .official) { _ in }
            #expect(try await c.agrees("after a create and a move") == .changed(2))

            // An archived task leaves the snapshot.
            let m = try await store.task(id: f.milestone, zoneId: f.zoneId)
            try await store.archiveTask(id: m.id, version: m.version, actor: office)
            #expect(try await c.agrees("after an archive") == .changed(1))
            #expect(try await store.tasksForProgress(zoneId: f.zoneId, year: 2026).contains { $0.id == m.id } == false)

            // A write about something else (a unit renamed): nothing to read again.
            let unit = try await store.unit(id: f.unitA, zoneId: f.zoneId)
            var ud = UnitDraft(); ud.name = "科技创新局（改）"; ud.shortName = unit.shortName; ud.kind = unit.kind; ud.sortOrder = unit.sortOrder
            _ = try await store.updateUnit(id: unit.id, version: unit.version, ud, actor: office)
            #expect(try await c.agrees("after a unit rename") == .changed(0))

            // A work point archived takes its tasks out of the year: read whole.
            let wp = try await store.workPoint(id: f.secondWorkPointId, zoneId: f.zoneId)
            try await store.archiveWorkPoint(id: wp.id, version: wp.version, actor: office)
            #expect(try await c.agrees("after a work point archive") == .whole)
            #expect(try await store.tasksForProgress(zoneId: f.zoneId, year: 2026).contains { $0.id == created.id } == false)

            // A change made outside the audit log (as a restore would): no new line, so read whole.
            let sql = app.db as! any SQLDatabase
            try await sql.raw("UPDATE tasks SET percent_done = 95 WHERE id = \(bind: f.taskA)").run()
            #expect(try await c.agrees("after an unaudited change") == .whole)
            #expect(try await store.tasksForProgress(zoneId: f.zoneId, year: 2026).first { $0.id == f.taskA }?.percentDone == 95)

            // Another zone's writes are not this zone's changes.
            let other = Check(app: app, zoneId: f.otherZoneId)
            #expect(try await other.agrees("other zone, first read") == .whole)
        }
    }

    /// The fixture's task B is overdue on the test day (due 2026-05-29, half done); finished through the page, the
    /// writer's very next cockpit must count the overdue tasks as the table now does.
    @Test("驾驶舱：写入者完成任务后立即看到的逾期数与直接查表一致", arguments: [TestDB.sqlite])
    func cockpitAfterWrites(_ db: TestDB) async throws {
        try await withGuatu(db) { app in
            let f = try await Fixture.make(app)
            var office = Browser(app)
            _ = try await office.login("office")
            let sql = app.db as! any SQLDatabase
            struct N: Decodable { let n: Int }
            // Independent count: live 2026 tasks past their deadline and not done, straight from the table.
            func overdueInTable() async throws -> Int {
                try await sql.raw("""
                    SELECT COUNT(*) AS n FROM tasks t JOIN plans p ON p.id = t.plan_id
                    WHERE t.zone_id = \(bind: f.zoneId) AND p.year = 2026 AND t.archived_at IS NULL AND t.status <> 'done' AND t.deadline < '2026-06-15'
                    """).first(decoding: N.self)!.n
            }
            func shown(_ page: String) -> String {
                "<span class=\"kpi-value\">\(page)</span><span class=\"kpi-label\">已逾期</span>"
            }
            let before = try await overdueInTable()
            #expect(before == 1)
            #expect(try await office.get("/cockpit").text.contains(shown(String(before))))
            let b = try await app.store.task(id: f.taskB, zoneId: f.zoneId)
            _ = try await office.get("/tasks/\(f.taskB)/edit")
            let saved = try await office.post("/tasks/\(f.taskB)/edit", [
                ("version", String(b.version)), ("workPointId", String(b.workPointId)), ("kind", b.kind.rawValue),
                ("title", b.title), ("ownerUnitId", String(b.ownerUnitId)), ("plannedStart", b.plannedStart.iso),
                ("deadline", b.deadline.iso), ("percentDone", "100"), ("status", TaskItem.Status.done.rawValue), ("doneOn", "2026-05-28"), ("weight", "1"),
            ])
            #expect(saved.status == .seeOther)
            let after = try await overdueInTable()
            #expect(after == 0)
            #expect(try await office.get("/cockpit").text.contains(shown(String(after))))
            // And it got there by reading the one task again, not the year.
            #expect(app.taskSnapshots.lastRead.withLockedValue { $0 } == .changed(1))
        }
    }
}
