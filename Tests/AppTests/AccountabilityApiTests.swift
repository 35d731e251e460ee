@testable import App
import Domain
import Persistence
import Testing
import Vapor
import VaporTesting

@Suite("JSON API：交账、督办单、通知")
struct AccountabilityApiTests {
    @Test("填报员经API交账，督查室审核；督办单经API逐步办理；错误带字段与正确的状态码", arguments: TestDB.all)
    func reportsAndOrders(_ db: TestDB) async throws {
        try await withGuatu(db) { app in
            let f = try await Fixture.make(app)
            var unit = Browser(app, bearer: f.tokens["reporter"]), office = Browser(app, bearer: f.tokens["office"])

            let missing = try await unit.json(.POST, "/api/v1/tasks/\(f.taskA)/reports", #"{"percentDone": 50, "progress": ""}"#)
            #expect(missing.status == .unprocessableEntity && missing.errorField == "progress")
            let wrongType = try await unit.json(.POST, "/api/v1/tasks/\(f.taskA)/reports", #"{"percentDone": "half", "progress": "x"}"#)
            #expect(wrongType.status == .badRequest && wrongType.errorField == "percentDone")
            #expect(try await unit.json(.POST, "/api/v1/tasks/\(f.taskB)/reports", #"{"percentDone": 60, "progress": "x"}"#).status == .forbidden)
            let sent = try await unit.json(.POST, "/api/v1/tasks/\(f.taskA)/reports", #"{"percentDone": 52, "progress": "已摸排90家", "coordination": "需统计局配合"}"#)
            #expect(sent.status == .created)
            let report = try sent.json()
            let reportId = try #require(report["id"] as? Int)
            #expect(report["status"] as? String == "submitted" && report["periodKey"] as? String == "2026-W25")
            #expect(try await unit.json(.POST, "/api/v1/reports/\(reportId)/review", #"{"version": 1, "decision": "accept"}"#).status == .forbidden)
            let noReason = try await office.json(.POST, "/api/v1/reports/\(reportId)/review", #"{"version": 1, "decision": "return"}"#)
            #expect(noReason.status == .unprocessableEntity && noReason.errorField == "reason")
            #expect(try await office.json(.POST, "/api/v1/reports/\(reportId)/review", #"{"version": 1, "decision": "accept"}"#).status == .ok)
            let stale = try await office.json(.POST, "/api/v1/reports/\(reportId)/review", #"{"version": 1, "decision": "accept"}"#)
            #expect(stale.status == .conflict)
            let list = try await office.get("/api/v1/tasks/\(f.taskA)/reports")
            let reports = try #require(try JSONSerialization.jsonObject(with: Data(list.text.utf8)) as? [[String: Any]])
            #expect(reports.count == 1 && reports[0]["status"] as? String == "accepted" && reports[0]["coordination"] as? String == "需统计局配合")

            // An order through the pages' store, then its steps through the API.
            let officeActor = Actor(userId: 0, username: "office", displayName: "督查室", zoneId: f.zoneId, unitId: nil, roles: [.office])
            let order = try await app.store.openOrder(OrderDraft(taskId: f.taskA, level: .supervision, reason: "", requiredActions: "说明进度"), source: .manual,
                                                      issuingUnit: "督查室", leaderNames: [], policy: .standard, actor: officeActor, today: testToday, calendar: .official)
            let open = try await unit.get("/api/v1/orders?open=true")
            let openItems = try open.json()["items"] as? [[String: Any]]
            #expect(open.status == .ok && openItems?.first?["level"] as? String == "supervision")
            #expect(try await unit.get("/api/v1/orders?open=maybe").errorField == "open")
            let illegal = try await unit.json(.POST, "/api/v1/orders/\(order.id)/act", #"{"version": 1, "action": "answer", "text": "已完成"}"#)
            #expect(illegal.status == .unprocessableEntity && illegal.errorField == "action")
            #expect(try await unit.json(.POST, "/api/v1/orders/\(order.id)/act", #"{"version": 1, "action": "verify"}"#).status == .forbidden)
            #expect(try await office.json(.POST, "/api/v1/orders/\(order.id)/act", #"{"version": 1, "action": "sign"}"#).status == .forbidden)
            let signed = try await unit.json(.POST, "/api/v1/orders/\(order.id)/act", #"{"version": 1, "action": "sign"}"#)
            let signedStatus = try signed.json()["status"] as? String
            #expect(signed.status == .ok && signedStatus == "signed")
            let again = try await unit.json(.POST, "/api/v1/orders/\(order.id)/act", #"{"version": 1, "action": "answer", "text": "x"}"#)
            #expect(again.status == .conflict && again.errorField == "version" && again.text.contains("督办单（编号\(order.id)）已被他人修改"))
            let detail = try await unit.get("/api/v1/orders/\(order.id)")
            let events = try detail.json()["events"] as? [[String: Any]]
            #expect(events?.map { $0["action"] as? String } == ["issue", "sign"])
            #expect(try await unit.get("/api/v1/notifications").status == .ok)
            var other = Browser(app, bearer: f.tokens["office2"])
            #expect(try await other.get("/api/v1/orders/\(order.id)").status == .notFound)
        }
    }
}
