@testable import App
import Domain
import Persistence
import Testing
import Vapor
import VaporTesting

@Suite("工作矩阵页面")
struct MatrixPagesTests {
    @Test("总览按计划显示状态计数；矩阵按计划展开任务；单位视图显示负责与配合", arguments: TestDB.all)
    func pages(_ db: TestDB) async throws {
        try await withGuatu(db) { app in
            let f = try await Fixture.make(app)
            var b = Browser(app)
            _ = try await b.login("leader")
            let home = try await b.get("/")
            #expect(home.status == .ok)
            // On 2026-06-15 task B (deadline 05-29, 50%) is overdue.
            #expect(home.text.contains("已逾期</span> 1"))
            let folded = try await b.get("/matrix")
            #expect(folded.text.contains("高新技术企业培育"))
            #expect(!folded.text.contains("摸排高企培育库"))
            let open = try await b.get("/matrix?plan=\(f.planId)")
            #expect(open.text.contains("摸排高企培育库"))
            #expect(open.text.contains("报送高企认定材料"))
            let byUnit = try await b.get("/matrix?unit=\(f.unitB)")
            #expect(byUnit.text.contains("组织高企申报培训"))
            #expect(!byUnit.text.contains("摸排高企培育库"))
            let red = try await b.get("/matrix?light=overdue")
            #expect(red.text.contains("组织高企申报培训"))
            #expect(!red.text.contains("摸排高企培育库"))
            let units = try await b.get("/unit-matrix")
            #expect(units.status == .ok)
            #expect(units.text.contains("科技创新局"))
            #expect(units.text.contains("2 / 0"))
            // Leaders read but do not edit.
            #expect(!open.text.contains("新建任务"))
        }
    }

    @Test("任务页显示审计日志中的变更记录")
    func taskHistory() async throws {
        try await withGuatu { app in
            let f = try await Fixture.make(app)
            var b = Browser(app)
            _ = try await b.login("office")
            let form = try await b.get("/tasks/\(f.taskA)/edit")
            #expect(form.status == .ok)
            let saved = try await b.post("/tasks/\(f.taskA)/edit", [
                ("version", "1"), ("workPointId", String(f.workPointId)), ("kind", "task"), ("title", "摸排高企培育库（第一批）"),
                ("ownerUnitId", String(f.unitA)), ("plannedStart", "2026-03-02"), ("deadline", "2026-09-30"),
                ("percentDone", "60"), ("status", "in_progress"), ("weight", "2"),
            ])
            #expect(saved.status == .seeOther)
            let page = try await b.get("/tasks/\(f.taskA)")
            #expect(page.text.contains("摸排高企培育库（第一批）"))
            #expect(page.text.contains("完成进度：40 → 60"))
            #expect(page.text.contains("office"))
        }
    }
}
