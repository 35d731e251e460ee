@testable import App
import Domain
import Foundation
import Persistence
import Testing
import Vapor
import VaporTesting

@Suite("标准体系与系统计算指标")
struct IndicatorStandardTests {
    @Test("修订定义自某月起生效：之前各期按原定义读取；生效日不晚于上一版、版本过期都被拒绝", arguments: TestDB.all)
    func revisions(_ db: TestDB) async throws {
        try await withGuatu(db) { app in
            let f = try await Fixture.make(app)
            var office = Browser(app)
            _ = try await office.login("office")
            _ = try await office.get("/indicators/new")
            #expect(try await office.post("/indicators/new", [("code", "YS-12"), ("name", "一网通办网办率"), ("unit", "%"), ("direction", "higher"), ("frequency", "monthly"),
                                                             ("source", "unit"), ("ownerUnitId", String(f.unitA)), ("caliber", "本区事项")]).status == .seeOther)
            let id = try #require(try await app.store.indicators(zoneId: f.zoneId).first?.id)
            let revise: [(String, String)] = [("version", "1"), ("name", "一网通办网办率"), ("unit", "%"), ("direction", "higher"), ("source", "unit"), ("formula", ""),
                                              ("ownerUnitId", String(f.unitA)), ("caliber", "全省口径（含跨省通办）"), ("effectiveFrom", "2026-04-01")]
            _ = try await office.get("/indicators/\(id)")
            #expect(try await office.post("/indicators/\(id)/revise", revise).status == .seeOther)
            let page = try await office.get("/indicators/\(id)?year=2026")
            // March reads version 1, April version 2; both calibers are listed.
            #expect(page.text.contains("定义版本") && page.text.contains("全省口径（含跨省通办）") && page.text.contains("本区事项"))
            let versions = try await app.store.indicatorDefinitions(indicatorId: id, zoneId: f.zoneId)
            #expect(IndicatorDefinition.inForce(versions, periodKey: "2026-03")?.caliber == "本区事项")
            #expect(IndicatorDefinition.inForce(versions, periodKey: "2026-04")?.caliber == "全省口径（含跨省通办）")
            #expect(IndicatorDefinition.inForce(versions, periodKey: "2026-Q2")?.version == 2 && IndicatorDefinition.inForce(versions, periodKey: "2026")?.version == 1)
            let stale = try await office.post("/indicators/\(id)/revise", revise.map { $0.0 == "effectiveFrom" ? ("effectiveFrom", "2026-06-01") : $0 })
            #expect(stale.status == .conflict)
            let early = try await office.post("/indicators/\(id)/revise", revise.map { $0.0 == "version" ? ("version", "2") : $0 })
            #expect(early.status == .unprocessableEntity && early.text.contains("生效日期须晚于上一版"))
            #expect(try await app.store.indicatorDefinitions(indicatorId: id, zoneId: f.zoneId).count == 2)
            let audit = try await app.store.auditEntries(zoneId: f.zoneId, .init(entityType: "indicator")).entries
            #expect(audit.contains { $0.action == .update })
        }
    }

    @Test("系统计算的指标：全区任务按期完成率按月由任务记录算出，无人填报；未选计算口径则拒绝", arguments: TestDB.all)
    func computed(_ db: TestDB) async throws {
        try await withGuatu(db) { app in
            let f = try await Fixture.make(app)
            let boot = Actor(userId: 0, username: "fixture", displayName: "督查室", zoneId: f.zoneId, unitId: nil, roles: [.office])
            // May: taskB (weight 1, due 05-29) is not done; another task due 05-20 was done on 05-18, weight 3 → 3 / 4 = 75 %.
            try await f.addTaskDoneOnTimeInMay(app)
            var office = Browser(app)
            _ = try await office.login("office")
            _ = try await office.get("/indicators/new")
            let fields = [("code", "DK-01"), ("name", "全区任务按期完成率"), ("unit", "%"), ("direction", "higher"), ("frequency", "monthly"),
                          ("source", "computed"), ("formula", ""), ("ownerUnitId", String(f.unitA)), ("caliber", "")]
            let missing = try await office.post("/indicators/new", fields)
            #expect(missing.status == .unprocessableEntity && missing.text.contains("须选择计算口径"))
            #expect(try await office.post("/indicators/new", fields.map { $0.0 == "formula" ? ("formula", "tasksOnTime") : $0 }).status == .seeOther)
            let id = try #require(try await app.store.indicators(zoneId: f.zoneId).first?.id)
            _ = try await office.post("/indicators/\(id)/year", [("year", "2026"), ("version", "0"), ("baseline", "80"), ("target", "95")])
            let page = try await office.get("/indicators/\(id)?year=2026")
            #expect(page.text.contains("系统计算") && page.text.contains("期内到期任务2项，按期完成1项（权重3/4）"))
            // The May row: its target on the straight line from 80 to 95 (86.25), the actual 75, computed.
            #expect(page.text.contains("<td>5月</td><td>86.25</td><td>75</td><td>系统计算</td>"))
            // July has not begun: no value; and nobody enters one by hand.
            #expect(page.text.contains("<td>7月</td><td>88.75</td><td>—</td>"))
            #expect(!page.text.contains("填报数值"))
        }
    }
}

@Suite("指标数值的佐证材料")
struct IndicatorEvidenceTests {
    @Test("填报数值时上传佐证材料：存下、可下载、在期间表中列出；内容与扩展名不符则整条拒绝", arguments: [TestDB.sqlite])
    func evidence(_ db: TestDB) async throws {
        try await withGuatu(db) { app in
            let f = try await Fixture.make(app)
            let boot = Actor(userId: 0, username: "fixture", displayName: "督查室", zoneId: f.zoneId, unitId: nil, roles: [.office])
            var d = IndicatorDraft()
            d.code = "YS-08"; d.name = "每万人有效发明专利"; d.unit = "件"; d.direction = .higher; d.frequency = .monthly; d.source = .unit; d.ownerUnitId = f.unitA
            let i = try await app.store.createIndicator(d, actor: boot)
            try await app.store.setIndicatorYear(indicatorId: i.id, year: 2026, Trajectory(baseline: 60, target: 75), version: 0, actor: boot)
            var unit = Browser(app)
            _ = try await unit.login("reporter")
            _ = try await unit.get("/indicators/\(i.id)")
            let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 7, count: 64)
            let fake = try await unit.upload("/indicators/\(i.id)/values", [("period", "2026-04"), ("value", "66")], files: [("evidence", "统计表.png", Array("MZ not a picture".utf8))])
            #expect(fake.status == .unprocessableEntity)
            #expect(try await app.store.indicatorValues(zoneId: f.zoneId, indicatorIds: [i.id]).isEmpty)
            _ = try await unit.get("/indicators/\(i.id)")
            let sent = try await unit.upload("/indicators/\(i.id)/values", [("period", "2026-04"), ("value", "66"), ("note", "知识产权局4月报")],
                                             files: [("evidence", "4月统计表.png", png)])
            #expect(sent.status == .seeOther)
            let value = try #require(try await app.store.indicatorValues(zoneId: f.zoneId, indicatorIds: [i.id]).first)
            let files = try await app.store.indicatorEvidence(valueIds: [value.id], zoneId: f.zoneId)[value.id] ?? []
            #expect(files.map(\.filename) == ["4月统计表.png"])
            let page = try await unit.get("/indicators/\(i.id)?year=2026")
            #expect(page.text.contains("/indicator-evidence/\(files[0].id)") && page.text.contains("4月统计表.png"))
            let download = try await unit.get("/indicator-evidence/\(files[0].id)")
            #expect(download.status == .ok && Array(download.body.readableBytesView) == png)
            var foreign = Browser(app, bearer: f.tokens["office2"])
            #expect(try await foreign.get("/indicator-evidence/\(files[0].id)").status == .notFound)
        }
    }
}
