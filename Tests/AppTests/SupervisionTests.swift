@testable import App
import Domain
import Persistence
import Testing
import Vapor
import VaporTesting

@Suite("督办：督办单、升级、领导批示")
struct SupervisionTests {
    static func orderId(_ res: TestingHTTPResponse) throws -> Int {
        let location = try #require(res.headers.first(name: .location))
        return try #require(Int(location.split(separator: "/").last ?? ""))
    }

    @Test("督办单逐步流转：下发→签收→反馈→退回→再反馈→核查办结；非法环节、错单位、并发办理均被拒", arguments: TestDB.all)
    func lifecycle(_ db: TestDB) async throws {
        try await withGuatu(db) { app in
            let f = try await Fixture.make(app)
            var office = Browser(app), office2 = Browser(app), unit = Browser(app)
            _ = try await office.login("office"); _ = try await office2.login("office"); _ = try await unit.login("reporter")

            _ = try await office.get("/orders/new?task=\(f.taskA)")
            let missing = try await office.post("/orders/new", [("task", String(f.taskA)), ("level", "supervision"), ("requiredActions", " ")])
            #expect(missing.status == .unprocessableEntity && missing.text.contains("请写明督办要求"))
            let created = try await office.post("/orders/new", [("task", String(f.taskA)), ("level", "supervision"), ("reason", "进度滞后"),
                                                               ("requiredActions", "三日内报送整改方案")])
            #expect(created.status == .seeOther)
            let id = try Self.orderId(created)
            // Issued Monday 2026-06-15 with 5 working days: 16, 17, 18 (19 is 端午, 20–21 the weekend), 22, 23.
            var order = try await app.store.order(id: id, zoneId: f.zoneId)
            #expect(order.status == .issued && order.issuedOn == Day(iso: "2026-06-15") && order.replyDue == Day(iso: "2026-06-23"))
            #expect(order.receivingUnitId == f.unitA && order.deduction == 0.5 && order.leadersCopied.isEmpty)

            // The unit sees it in its inbox, and must sign before answering.
            let inbox = try await unit.get("/inbox")
            #expect(inbox.text.contains("督字第\(id)号") && inbox.text.contains("剩5个工作日"))
            _ = try await unit.get("/orders/\(id)")
            let early = try await unit.post("/orders/\(id)/act", [("version", "1"), ("action", "answer"), ("text", "已整改")])
            #expect(early.status == .unprocessableEntity && early.text.contains("当前状态“已下发”不能执行“反馈”"))
            let officeSigns = try await office.post("/orders/\(id)/act", [("version", "1"), ("action", "sign"), ("text", "")])
            #expect(officeSigns.status == .forbidden && officeSigns.text.contains("只有承办单位"))
            #expect(try await unit.post("/orders/\(id)/act", [("version", "1"), ("action", "sign"), ("text", "")]).status == .seeOther)

            // A reporter of another unit may not answer it.
            let hash = try await app.password.async.hash(Fixture.password)
            _ = try await app.store.createUser(zoneId: f.zoneId, UserDraft(unitId: f.unitB, username: "reporterb", displayName: "经发局填报员"),
                                               roles: [.reporter], passwordHash: hash, actor: nil)
            var otherUnit = Browser(app)
            _ = try await otherUnit.login("reporterb")
            _ = try await otherUnit.get("/orders/\(id)")
            let wrong = try await otherUnit.post("/orders/\(id)/act", [("version", "2"), ("action", "answer"), ("text", "代为反馈")])
            #expect(wrong.status == .forbidden && wrong.text.contains("不是发给本单位"))

            _ = try await unit.get("/orders/\(id)")
            let blank = try await unit.post("/orders/\(id)/act", [("version", "2"), ("action", "answer"), ("text", "")])
            #expect(blank.status == .unprocessableEntity && blank.text.contains("请填写反馈内容"))
            #expect(try await unit.post("/orders/\(id)/act", [("version", "2"), ("action", "answer"), ("text", "已报送整改方案")]).status == .seeOther)
            // The office hears of it in the app.
            #expect(try await office.get("/me/notifications").text.contains("督字第\(id)号已反馈，待核查"))

            // Two reviewers at once: the second is refused, nothing overwritten.
            _ = try await office.get("/orders/\(id)"); _ = try await office2.get("/orders/\(id)")
            let noReason = try await office.post("/orders/\(id)/act", [("version", "3"), ("action", "sendBack"), ("text", "")])
            #expect(noReason.status == .unprocessableEntity && noReason.text.contains("退回时请写明理由"))
            #expect(try await office.post("/orders/\(id)/act", [("version", "3"), ("action", "sendBack"), ("text", "方案缺少完成时间")]).status == .seeOther)
            let stale = try await office2.post("/orders/\(id)/act", [("version", "3"), ("action", "verify"), ("text", "")])
            #expect(stale.status == .conflict && stale.text.contains("已被他人办理"))
            order = try await app.store.order(id: id, zoneId: f.zoneId)
            #expect(order.status == .signed)

            _ = try await unit.get("/orders/\(id)")
            #expect(try await unit.post("/orders/\(id)/act", [("version", "4"), ("action", "answer"), ("text", "补充：9月底前完成")]).status == .seeOther)
            _ = try await office.get("/orders/\(id)")
            #expect(try await office.post("/orders/\(id)/act", [("version", "5"), ("action", "verify"), ("text", "核查属实")]).status == .seeOther)
            order = try await app.store.order(id: id, zoneId: f.zoneId)
            #expect(order.status == .closed && order.answer == "补充：9月底前完成" && order.closedAt != nil)
            let after = try await office.post("/orders/\(id)/act", [("version", "6"), ("action", "cancel"), ("text", "")])
            #expect(after.status == .unprocessableEntity)

            // Every step is timestamped in the order's record and in the audit log.
            let steps = try await app.store.orderEvents(orderId: id, zoneId: f.zoneId)
            #expect(steps.map(\.action) == ["issue", "sign", "answer", "sendBack", "answer", "verify"])
            #expect(steps.map(\.toStatus) == ["issued", "signed", "answered", "signed", "answered", "closed"])
            let audit = try await app.store.auditEntries(zoneId: f.zoneId, .init(entityType: "order", entityId: id)).entries
            #expect(audit.count == 6)
            let page = try await office.get("/orders/\(id)")
            #expect(page.text.contains("核查办结") && page.text.contains("方案缺少完成时间") && page.text.contains("已办结"))
        }
    }

    @Test("规则建议督办：逾期与连续未交账的任务被建议；升级后扣分加重、抄送分管领导；领导批示待答复直到单位答复", arguments: TestDB.all)
    func proposalsEscalationInstructions(_ db: TestDB) async throws {
        try await withGuatu(db) { app in
            let f = try await Fixture.make(app)
            var office = Browser(app), unit = Browser(app), leader = Browser(app), observer = Browser(app)
            _ = try await office.login("office"); _ = try await unit.login("reporter"); _ = try await leader.login("leader"); _ = try await observer.login("observer")

            let desk = try await office.get("/supervision")
            #expect(desk.status == .ok)
            // taskB (deadline 05-29, 50%) is overdue; both open tasks have no report in the last four weeks.
            #expect(desk.text.contains("组织高企申报培训") && desk.text.contains("已逾期"))
            #expect(desk.text.contains("连续4期未交账"))
            // Those two lag; the milestone (from 10-15, green) does not.
            #expect(desk.text.contains("滞后任务2项"))
            #expect(try await office.post("/supervision/propose", []).status == .seeOther)
            let proposed = try await app.store.orders(zoneId: f.zoneId, OrderFilter(open: true))
            #expect(Set(proposed.map(\.taskId)) == [f.taskA, f.taskB])
            #expect(proposed.allSatisfy { $0.status == .proposed && $0.source == .auto && $0.replyDue == nil })
            // Proposing again adds nothing: each task already has an open order.
            _ = try await office.get("/supervision")
            _ = try await office.post("/supervision/propose", [])
            #expect(try await app.store.orders(zoneId: f.zoneId, OrderFilter(open: true)).count == 2)

            let b = try #require(proposed.first { $0.taskId == f.taskB })
            _ = try await office.get("/orders/\(b.id)")
            #expect(try await office.post("/orders/\(b.id)/act", [("version", "1"), ("action", "issue"), ("text", "")]).status == .seeOther)
            let noReason = try await office.post("/orders/\(b.id)/escalate", [("version", "2"), ("text", "")])
            #expect(noReason.status == .unprocessableEntity && noReason.text.contains("升级时请写明理由"))
            #expect(try await office.post("/orders/\(b.id)/escalate", [("version", "2"), ("text", "逾期未改")]).status == .seeOther)
            let listed = try await app.store.order(id: b.id, zoneId: f.zoneId)
            #expect(listed.level == .listed && listed.deduction == 1 && listed.leadersCopied == ["leader（副书记）"])
            // 挂牌督办 replies in 3 working days from 2026-06-15: 16, 17, 18.
            #expect(listed.replyDue == Day(iso: "2026-06-18"))
            // The leader in charge is copied in the app from 挂牌督办 up.
            #expect(try await leader.get("/me/notifications").text.contains("抄送：督字第\(b.id)号（挂牌督办）"))

            // A leader instructs on taskA; the observer may not.
            _ = try await observer.get("/tasks/\(f.taskA)")
            #expect(try await observer.post("/tasks/\(f.taskA)/instructions", [("text", "抓紧")]).status == .forbidden)
            _ = try await leader.get("/tasks/\(f.taskA)")
            #expect(try await leader.post("/tasks/\(f.taskA)/instructions", [("text", "请于月底前拿出培育名单")]).status == .seeOther)
            let inbox = try await unit.get("/inbox")
            #expect(inbox.text.contains("leader批示：") && inbox.text.contains("请于月底前拿出培育名单") && inbox.text.contains("1条待答复"))
            #expect(try await office.get("/supervision").text.contains("请于月底前拿出培育名单"))
            let instruction = try #require(try await app.store.instructions(zoneId: f.zoneId, taskId: f.taskA).first)
            let empty = try await unit.post("/instructions/\(instruction.id)/answer", [("version", "1"), ("answer", "")])
            #expect(empty.status == .unprocessableEntity)
            #expect(try await unit.post("/instructions/\(instruction.id)/answer", [("version", "1"), ("answer", "名单已报送")]).status == .seeOther)
            #expect(try await app.store.instructions(zoneId: f.zoneId, unitId: f.unitA, unansweredOnly: true).isEmpty)
            #expect(try await leader.get("/me/notifications").text.contains("leader批示已有落实情况"))
            #expect(try await unit.get("/tasks/\(f.taskA)").text.contains("落实情况（reporter）：名单已报送"))

            // Another zone sees none of it.
            var other = Browser(app)
            _ = try await other.login("office2")
            #expect(try await other.get("/orders/\(b.id)").status == .notFound)
        }
    }
}
