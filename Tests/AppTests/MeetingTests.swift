@testable import App
import Domain
import Persistence
import Testing
import Vapor
import VaporTesting

@Suite("调度会：议程生成、议定事项转为任务或督办单")
struct MeetingTests {
    @Test("议程按分管领导列出红灯和需协调事项；议定事项转为督办单（时限按工作日）或新任务；不合理的输入被拒", arguments: TestDB.all)
    func meeting(_ db: TestDB) async throws {
        try await withGuatu(db) { app in
            let f = try await Fixture.make(app)
            var unit = Browser(app), office = Browser(app)
            _ = try await unit.login("reporter"); _ = try await office.login("office")
            _ = try await unit.get("/tasks/\(f.taskA)/report")
            #expect(try await unit.post("/tasks/\(f.taskA)/report", [("percentDone", "45"), ("progress", "摸排中"), ("coordination", "需统计局提供规上企业名单")]).status == .seeOther)

            _ = try await office.get("/meetings")
            #expect(try await office.post("/meetings", [("title", "")]).status == .unprocessableEntity)
            let opened = try await office.post("/meetings", [("title", "2026年第25周调度会")])
            #expect(opened.status == .seeOther)
            let id = try #require(try await app.store.meetings(zoneId: f.zoneId).first?.id)
            let page = try await office.get("/meetings/\(id)")
            // Both tasks are under the plan's leader in charge: taskB is overdue (red), taskA asks for coordination.
            #expect(page.text.contains("leader（副书记）（2项）"))
            #expect(page.text.contains("组织高企申报培训") && page.text.contains("需协调：需统计局提供规上企业名单"))
            let agenda = try await app.store.meeting(id: id, zoneId: f.zoneId).agenda
            #expect(agenda.groups.first?.items.map(\.taskId) == [f.taskB, f.taskA])   // red before asks

            func decide(_ fields: [(String, String)]) async throws -> TestingHTTPResponse {
                _ = try await office.get("/meetings/\(id)")
                return try await office.post("/meetings/\(id)/decisions", fields)
            }
            let past = try await decide([("about", String(f.taskB)), ("text", "限期完成"), ("kind", "order"), ("unit", String(f.unitB)), ("deadline", "2026-06-01")])
            #expect(past.status == .unprocessableEntity && past.text.contains("不能早于今天"))
            let wrongUnit = try await decide([("about", String(f.taskB)), ("text", "限期完成"), ("kind", "order"), ("unit", String(f.unitA)), ("deadline", "2026-06-30")])
            #expect(wrongUnit.status == .unprocessableEntity && wrongUnit.text.contains("督办单发给任务的责任单位"))
            let notOnAgenda = try await decide([("about", String(f.milestone)), ("text", "x"), ("kind", "task"), ("unit", String(f.unitA)), ("deadline", "2026-06-30")])
            #expect(notOnAgenda.status == .unprocessableEntity)

            #expect(try await decide([("about", String(f.taskB)), ("text", "6月底前完成培训并报送总结"), ("kind", "order"), ("unit", String(f.unitB)),
                                      ("deadline", "2026-06-30")]).status == .seeOther)
            // From Monday 06-15 to 06-30: 16, 17, 18, 22–26, 29, 30 = 10 working days (19 is 端午), so the reply is due 06-30.
            let order = try #require(try await app.store.orders(zoneId: f.zoneId, OrderFilter(taskId: f.taskB)).first)
            #expect(order.replyWorkdays == 10 && order.replyDue == Day(iso: "2026-06-30") && order.requiredActions == "6月底前完成培训并报送总结")

            #expect(try await decide([("about", String(f.taskA)), ("text", "统计局提供规上企业名单"), ("kind", "task"), ("unit", String(f.unitB)),
                                      ("deadline", "2026-07-10")]).status == .seeOther)
            let decisions = try await app.store.decisions(meetingId: id, zoneId: f.zoneId)
            #expect(decisions.count == 2)
            let newTask = try await app.store.task(id: try #require(decisions.last?.taskId), zoneId: f.zoneId)
            #expect(newTask.title == "统计局提供规上企业名单" && newTask.ownerUnitId == f.unitB && newTask.workPointId == f.workPointId
                    && newTask.deadline == Day(iso: "2026-07-10"))
            let after = try await office.get("/meetings/\(id)")
            #expect(after.text.contains("督字第\(order.id)号") && after.text.contains("任务#\(newTask.id)"))
            #expect(try await unit.post("/meetings/\(id)/decisions", [("about", String(f.taskA))]).status == .forbidden)
        }
    }
}
