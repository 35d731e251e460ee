@testable import App
import Domain
import Foundation
import Persistence
import Testing
import Vapor
import VaporTesting

@Suite("重点项目：登记、推进、月度投资与完成率指标")
struct ProjectPagesTests {
    @Test("登记项目并挂上任务；阶段只进不退；月度投资录入；投资完成率指标按项目计算", arguments: TestDB.all)
    func projects(_ db: TestDB) async throws {
        try await withGuatu(db) { app in
            let f = try await Fixture.make(app)
            var office = Browser(app)
            _ = try await office.login("office")
            _ = try await office.get("/projects")
            let bad = try await office.post("/projects", [("name", "晶圆项目"), ("totalInvestment", "十亿"), ("ownerUnitId", String(f.unitA)), ("signedOn", "2026-01-10")])
            #expect(bad.status == .unprocessableEntity && bad.text.contains("总投资须为数字"))
            let created = try await office.post("/projects", [("name", "晶圆项目"), ("chain", "电子信息"), ("totalInvestment", "100000"), ("ownerUnitId", String(f.unitA)),
                                                             ("taskId", String(f.taskA)), ("signedOn", "2026-01-10")])
            #expect(created.status == .seeOther)
            let id = try #require(try await app.store.projects(zoneId: f.zoneId).first?.id)
            let page = try await office.get("/projects/\(id)")
            #expect(page.text.contains("摸排高企培育库") && page.text.contains("/tasks/\(f.taskA)"))
            #expect(try await office.post("/projects/\(id)/stage", [("version", "1"), ("stage", "started"), ("day", "2026-04-01")]).status == .seeOther)
            let back = try await office.post("/projects/\(id)/stage", [("version", "2"), ("stage", "landed"), ("day", "2026-05-01")])
            #expect(back.status == .unprocessableEntity && back.text.contains("只能向后推进"))
            #expect(try await office.post("/projects/\(id)/stage", [("version", "1"), ("stage", "completed"), ("day", "2026-05-01")]).status == .conflict)
            for (m, p, a) in [("2026-04", "2000", "1500"), ("2026-05", "2000", "2500"), ("2026-06", "2000", "")] {
                #expect(try await office.post("/projects/\(id)/investments", [("month", m), ("planned", p), ("actual", a)]).status == .seeOther)
            }
            #expect(try await office.post("/projects/\(id)/investments", [("month", "2026-13"), ("planned", "1")]).status == .unprocessableEntity)
            // Through June (today is 2026-06-15): planned 6,000, done 4,000 → 66.67 %.
            let list = try await office.get("/projects")
            #expect(list.text.contains("截至本月计划6000万元，完成4000万元，完成率66.7%"))
            let boot = Actor(userId: 0, username: "fixture", displayName: "督查室", zoneId: f.zoneId, unitId: nil, roles: [.office])
            var d = IndicatorDraft()
            d.code = "XM-01"; d.name = "重点项目投资完成率"; d.unit = "%"; d.direction = .higher; d.frequency = .monthly; d.source = .computed; d.formula = .investmentCompletion; d.ownerUnitId = f.unitA
            let i = try await app.store.createIndicator(d, actor: boot)
            try await app.store.setIndicatorYear(indicatorId: i.id, year: 2026, Trajectory(baseline: 90, target: 100), version: 0, actor: boot)
            let ind = try await office.get("/indicators/\(i.id)?year=2026")
            // May: planned 4,000 (April + May), done 4,000 → 100 %.
            #expect(ind.text.contains("<td>5月</td><td>94.17</td><td>100</td><td>系统计算</td>"))
            #expect(try await app.store.auditEntries(zoneId: f.zoneId, .init(entityType: "key_project")).entries.count == 2)
        }
    }
}
