@testable import App
import Domain
import Persistence
import Testing
import Vapor
import VaporTesting

@Suite("任务表单：错误提示、并发冲突、单位权限")
struct TaskFormTests {
    func fields(_ f: Fixture, _ extra: [(String, String)]) -> [(String, String)] {
        var base: [String: String] = ["workPointId": String(f.workPointId), "kind": "task", "title": "新任务", "ownerUnitId": String(f.unitA),
                                      "plannedStart": "2026-07-01", "deadline": "2026-08-31", "percentDone": "0", "status": "not_started", "weight": "1"]
        for (k, v) in extra { base[k] = v }
        return base.map { ($0.key, $0.value) }
    }

    @Test("完成时限早于开始日期：表单原样返回，错误标在时限字段，不新建任务", arguments: TestDB.all)
    func deadlineBeforeStart(_ db: TestDB) async throws {
        try await withGuatu(db) { app in
            let f = try await Fixture.make(app)
            var b = Browser(app)
            _ = try await b.login("office")
            _ = try await b.get("/tasks/new")
            let before = try await app.store.countTasks(zoneId: f.zoneId, TaskFilter())
            let res = try await b.post("/tasks/new", fields(f, [("title", "编制培育方案"), ("deadline", "2026-06-01")]))
            #expect(res.status == .unprocessableEntity)
            #expect(res.text.contains("完成时限不能早于计划开始日期"))
            #expect(res.text.contains("value=\"编制培育方案\""))
            #expect(try await app.store.countTasks(zoneId: f.zoneId, TaskFilter()) == before)
            let bad = try await b.post("/tasks/new", fields(f, [("deadline", "2026-13-01")]))
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.text.contains("完成时限须为有效日期"))
        }
    }

    @Test("新建任务后跳到任务页，工期按法定工作日计算")
    func create() async throws {
        try await withGuatu { app in
            let f = try await Fixture.make(app)
            var b = Browser(app)
            _ = try await b.login("office")
            _ = try await b.get("/tasks/new")
            // 2026-09-28 .. 2026-10-09: Mon–Wed 28–30 (3), 国庆 10-01..07 off, Thu–Fri 10-08/09 (2) = 5 working days.
            let res = try await b.post("/tasks/new", fields(f, [("title", "国庆前后完成评审"), ("plannedStart", "2026-09-28"), ("deadline", "2026-10-09"),
                                                                 ("coUnitIds", String(f.unitB))]))
            #expect(res.status == .seeOther)
            let location = try #require(res.headers.first(name: .location))
            let id = try #require(Int(location.split(separator: "/")[1].split(separator: "?")[0]))
            let t = try await app.store.task(id: id, zoneId: f.zoneId)
            #expect(t.durationDays == 5)
            #expect(t.coUnitIds == [f.unitB])
            #expect(t.planId == f.planId)
        }
    }

    @Test("两人同时编辑：后保存者被拒绝（409），看到最新内容，先保存者的修改不丢", arguments: TestDB.all)
    func conflict(_ db: TestDB) async throws {
        try await withGuatu(db) { app in
            let f = try await Fixture.make(app)
            var first = Browser(app), second = Browser(app)
            _ = try await first.login("office")
            _ = try await second.login("office")
            _ = try await first.get("/tasks/\(f.taskA)/edit")
            _ = try await second.get("/tasks/\(f.taskA)/edit")
            let a = try await first.post("/tasks/\(f.taskA)/edit", fields(f, [("version", "1"), ("title", "甲的修改"), ("plannedStart", "2026-03-02"), ("deadline", "2026-09-30")]))
            #expect(a.status == .seeOther)
            let c = try await second.post("/tasks/\(f.taskA)/edit", fields(f, [("version", "1"), ("title", "乙的修改"), ("plannedStart", "2026-03-02"), ("deadline", "2026-09-30")]))
            #expect(c.status == .conflict)
            #expect(c.text.contains("已被他人修改"))
            #expect(c.text.contains("甲的修改"))
            let t = try await app.store.task(id: f.taskA, zoneId: f.zoneId)
            #expect(t.title == "甲的修改")
            #expect(t.version == 2)
        }
    }

    @Test("填报员只能填报本单位任务的进度")
    func reporterScope() async throws {
        try await withGuatu { app in
            let f = try await Fixture.make(app)
            var b = Browser(app)
            _ = try await b.login("reporter")
            let own = try await b.get("/tasks/\(f.taskA)/edit")
            #expect(own.status == .ok)
            #expect(!own.text.contains("name=\"title\""))
            let saved = try await b.post("/tasks/\(f.taskA)/edit", [("version", "1"), ("percentDone", "70"), ("status", "in_progress"), ("title", "偷改名称")])
            #expect(saved.status == .seeOther)
            let t = try await app.store.task(id: f.taskA, zoneId: f.zoneId)
            #expect(t.percentDone == 70)
            #expect(t.title == "摸排高企培育库")
            let other = try await b.get("/tasks/\(f.taskB)/edit")
            #expect(other.status == .forbidden)
            let otherPost = try await b.post("/tasks/\(f.taskB)/edit", [("version", "1"), ("percentDone", "90")])
            #expect(otherPost.status == .forbidden)
            #expect(try await app.store.task(id: f.taskB, zoneId: f.zoneId).percentDone == 50)
        }
    }

    @Test("计划表单：名称为空时提示；配合单位可多选")
    func planForm() async throws {
        try await withGuatu { app in
            let f = try await Fixture.make(app)
            var b = Browser(app)
            _ = try await b.login("office")
            _ = try await b.get("/plans/new")
            let empty = try await b.post("/plans/new", [("name", "  "), ("year", "2026")])
            #expect(empty.status == .unprocessableEntity)
            #expect(empty.text.contains("计划名称不能为空"))
            let ok = try await b.post("/plans/new", [("name", "重点项目突破计划"), ("year", "2026"), ("leadUnitId", String(f.unitB)),
                                                     ("coUnitIds", String(f.unitA)), ("coUnitIds", String(f.unitB))])
            #expect(ok.status == .seeOther)
            let plan = try #require(try await app.store.plans(zoneId: f.zoneId, year: 2026).first { $0.name == "重点项目突破计划" })
            #expect(plan.coUnitIds == [f.unitA])
            #expect(plan.seq == 2)
        }
    }
}
