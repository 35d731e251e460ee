@testable import App
import Domain
import Foundation
import Persistence
import SQLKit
import Testing
import Vapor
import VaporTesting

@Suite("月通报：数字、印发后固定、A4页面与Excel")
struct BulletinTests {
    @Test("月通报的数字与独立查询一致；印发后数据再变，通报不变；同月不能重复印发；Excel可由openpyxl读回", arguments: TestDB.all)
    func bulletin(_ db: TestDB) async throws {
        try await withGuatu(db) { app in
            let f = try await Fixture.make(app)
            let store = app.store
            let office = Actor(userId: 0, username: "office", displayName: "督查室", zoneId: f.zoneId, unitId: nil, roles: [.office])
            // Weekly cycle, Friday 17:00. June 2026 periods due by today (Mon 06-15): W23 (due 06-05) and W24 (due 06-12).
            let cycle = ReportingCycle.weekly
            let w23 = cycle.period(containing: Day(iso: "2026-06-03")!, calendar: .official)
            let w24 = cycle.period(containing: Day(iso: "2026-06-10")!, calendar: .official)
            #expect(w23.due == Day(iso: "2026-06-05") && w24.due == Day(iso: "2026-06-12"))
            _ = try await store.submitReport(taskId: f.taskA, period: w23, late: false, ReportDraft(percentDone: 42, progress: "W23"), actor: office,
                                             today: testToday, calendar: .official) { _ in }
            _ = try await store.submitReport(taskId: f.taskA, period: w24, late: true, ReportDraft(percentDone: 45, progress: "W24 补报"), actor: office,
                                             today: testToday, calendar: .official) { _ in }
            // One order issued this month and closed, one still open and past its reply day.
            let policy = EscalationPolicy.standard
            let closed = try await store.openOrder(OrderDraft(taskId: f.taskA, level: .reminder, reason: "", requiredActions: "报送名单"), source: .manual,
                                                   issuingUnit: "督查室", leaderNames: [], policy: policy, actor: office, today: Day(iso: "2026-06-01")!, calendar: .official)
            let reporterA = Actor(userId: 0, username: "r", displayName: "填报员", zoneId: f.zoneId, unitId: f.unitA, roles: [.reporter])
            var o = try await store.act(orderId: closed.id, version: 1, action: .sign, party: .receivingUnit, text: "", actor: reporterA, today: testToday, calendar: .official)
            o = try await store.act(orderId: o.id, version: o.version, action: .answer, party: .receivingUnit, text: "已报", actor: reporterA, today: testToday, calendar: .official)
            _ = try await store.act(orderId: o.id, version: o.version, action: .verify, party: .office, text: "", actor: office, today: testToday, calendar: .official)
            _ = try await store.openOrder(OrderDraft(taskId: f.taskB, level: .supervision, reason: "逾期", requiredActions: "说明原因"), source: .manual,
                                          issuingUnit: "督查室", leaderNames: [], policy: policy, actor: office, today: Day(iso: "2026-06-02")!, calendar: .official)

            var b = Browser(app)
            _ = try await b.login("office")
            let preview = try await b.get("/bulletins/preview?month=2026-06")
            #expect(preview.status == .ok && preview.text.contains("未印发") && preview.text.contains("第1期"))
            #expect(try await b.get("/bulletins/preview?month=2026-13").status == .unprocessableEntity)
            let issued = try await b.post("/bulletins", [("month", "2026-06")])
            #expect(issued.status == .seeOther)
            let bulletin = try #require(try await store.bulletins(zoneId: f.zoneId).first).content

            // The independent check: the same figures straight from the tables.
            let sql = try #require(app.db as? any SQLDatabase)
            struct Count: Decodable { let n: Int }
            func count(_ q: SQLQueryString) async throws -> Int { try await sql.raw(q).first(decoding: Count.self)?.n ?? -1 }
            let keys = [w23.key, w24.key]
            let onTimeA = try await count("SELECT COUNT(DISTINCT r.period_key) AS n FROM reports r JOIN tasks t ON t.id = r.task_id WHERE t.owner_unit_id = \(bind: f.unitA) AND r.late = 0 AND r.period_key IN (\(binds: keys))")
            let lateA = try await count("SELECT COUNT(DISTINCT r.period_key) AS n FROM reports r JOIN tasks t ON t.id = r.task_id WHERE t.owner_unit_id = \(bind: f.unitA) AND r.late = 1 AND r.period_key IN (\(binds: keys))")
            // Open tasks started by each period's end: unit A has taskA (the milestone starts in October), unit B has taskB.
            let openA = try await count("SELECT COUNT(*) AS n FROM tasks WHERE owner_unit_id = \(bind: f.unitA) AND planned_start <= \(bind: w24.end.iso) AND status <> 'done'")
            let overdue = try await count("SELECT COUNT(*) AS n FROM tasks WHERE zone_id = \(bind: f.zoneId) AND deadline < \(bind: "2026-06-15") AND status <> 'done' AND archived_at IS NULL")
            let openedInJune = try await count("SELECT COUNT(*) AS n FROM supervision_orders WHERE zone_id = \(bind: f.zoneId) AND issued_on LIKE '2026-06-%'")
            let closedOrders = try await count("SELECT COUNT(*) AS n FROM supervision_orders WHERE zone_id = \(bind: f.zoneId) AND status = 'closed'")

            let a = try #require(bulletin.units.first { $0.unitId == f.unitA })
            let bUnit = try #require(bulletin.units.first { $0.unitId == f.unitB })
            #expect(a.reportsExpected == openA * 2 && a.reportsOnTime == onTimeA && a.reportsLate == lateA && a.reportsMissing == 0)
            #expect(a.onTimeReportRate == 0.5)
            #expect(bUnit.reportsExpected == 2 && bUnit.reportsMissing == 2 && bUnit.onTimeReportRate == 0)
            #expect(a.rank == 1 && bUnit.rank == 2)
            #expect(bulletin.redList.map(\.taskId) == [f.taskB] && bulletin.overall.overdue == overdue)
            #expect(bulletin.orders.opened == openedInJune && bulletin.orders.closed == closedOrders && bulletin.orders.openAtEnd == 1)
            // The second order was issued Tue 06-02 with 5 working days: due Tue 06-09, so overdue by the 15th.
            #expect(bulletin.orders.overdue == 1)
            #expect(bulletin.overall.tasks == 3 && bulletin.asOf == testToday)

            // Frozen: later data changes leave the issued bulletin as it was; the preview moves.
            let id = try #require(try await store.bulletins(zoneId: f.zoneId).first?.id)
            let before = try await b.get("/bulletins/\(id)")
            #expect(before.text.contains("测试高新区工作通报") && before.text.contains("第1期") && before.text.contains("组织高企申报培训"))
            var draft = TaskDraft(); draft.percentDone = 100
            _ = try await store.updateTask(id: f.taskB, version: try await store.task(id: f.taskB, zoneId: f.zoneId).version, draft, actor: office,
                                           today: testToday, calendar: .official) { _ in }
            let after = try await b.get("/bulletins/\(id)")
            #expect(after.text == before.text)
            #expect(try await store.bulletin(id: id, zoneId: f.zoneId).content == bulletin)
            #expect(try await b.get("/bulletins/preview?month=2026-06").text.contains("本月无红灯任务"))
            let again = try await b.post("/bulletins", [("month", "2026-06")])
            #expect(again.status == .conflict && again.text.contains("已经印发"))

            // The Excel file: a real .xlsx that openpyxl reads, Chinese headers, the ranking in place.
            let xlsx = try await b.get("/bulletins/\(id).xlsx")
            #expect(xlsx.status == .ok && xlsx.headers.first(name: .contentType)?.contains("spreadsheetml") == true)
            let path = NSTemporaryDirectory() + "bulletin-\(UUID().uuidString).xlsx"
            try Data(xlsx.body.readableBytesView).write(to: URL(fileURLWithPath: path))
            let out = try runPython(["scripts/check-xlsx.py", path, "--rows", "5"])
            #expect(out.contains("单位排名") && out.contains("按时交账率") && out.contains("科技创新局") && out.contains("freeze"))
        }
    }
}

/// Runs python3 with arguments from the package root; returns stdout, fails on a non-zero exit.
func runPython(_ args: [String]) throws -> String {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = ["python3"] + args
    p.currentDirectoryURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let pipe = Pipe()
    p.standardOutput = pipe
    p.standardError = pipe
    try p.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    let text = String(decoding: data, as: UTF8.self)
    #expect(p.terminationStatus == 0, "python3 \(args.joined(separator: " ")) failed: \(text)")
    return text
}
