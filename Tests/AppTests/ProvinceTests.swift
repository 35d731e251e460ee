@testable import App
import Domain
import Foundation
import Persistence
import SQLKit
import Testing
import Vapor
import VaporTesting

@Suite("全省园区比拼（省级观察员）")
struct ProvinceTests {
    @Test("省级观察员登录后进入全省园区比拼：每个园区的任务、逾期、完成与名次同独立计数一致；看不到任何园区的明细", arguments: TestDB.all)
    func league(_ db: TestDB) async throws {
        try await withGuatu(db) { app in
            let f = try await Fixture.make(app)
            let hash = try await app.password.async.hash(Fixture.password)
            var d = UserDraft(); d.username = "province"; d.displayName = "省科技厅"
            _ = try await app.store.createUser(zoneId: f.zoneId, d, roles: [.province], passwordHash: hash, actor: nil)
            // One task of the first zone finished, so the two zones' figures differ.
            let sql = app.db as! any SQLDatabase
            try await sql.raw("UPDATE tasks SET status = 'done', percent_done = 100 WHERE id = \(bind: f.taskB)").run()

            // Independent count: every task of the year's plans, by zone, from the store's own task lists.
            let year = testToday.year
            var expected: [Int: (tasks: Int, done: Int, overdue: Int)] = [:]
            for zone in try await app.store.zones() {
                let tasks = try await app.store.tasks(zoneId: zone.id, TaskFilter(year: year)).filter { $0.status != .suspended }
                expected[zone.id] = (tasks.count, tasks.filter { $0.status == .done }.count,
                                     tasks.filter { $0.status != .done && $0.deadline < testToday }.count)
            }
            var b = Browser(app)
            _ = try await b.login("province")
            let home = try await b.get("/")
            #expect(home.headers.first(name: .location) == "/province")
            let page = try await b.get("/province")
            #expect(page.status == .ok)
            #expect(page.text.contains("测试高新区") && page.text.contains("排序规则"))
            #expect(page.text.contains("<svg"))

            var api = Browser(app)
            api.cookies = b.cookies
            let json = try await api.get("/api/v1/province/zones?year=\(year)")
            #expect(json.status == .ok)
            let items = try #require(try json.json()["items"] as? [[String: Any]])
            #expect(items.count == expected.count)
            for item in items {
                let id = try #require(item["zoneId"] as? Int)
                #expect(item["tasks"] as? Int == expected[id]?.tasks)
                #expect(item["done"] as? Int == expected[id]?.done)
                #expect(item["overdue"] as? Int == expected[id]?.overdue)
            }
            #expect(items.map { $0["rank"] as? Int } == items.map { $0["rank"] as? Int }.sorted { ($0 ?? 0) < ($1 ?? 0) })
            // No zone's rows: the matrix, a task and the task API are refused.
            #expect(try await b.get("/matrix").status == .forbidden)
            #expect(try await b.get("/tasks/\(f.taskA)").status == .forbidden)
            #expect(try await b.get("/api/v1/tasks").status == .forbidden)
            #expect(try await b.get("/province?year=1999").status == .badRequest)
            // And the office of a zone cannot open the league.
            var office = Browser(app)
            _ = try await office.login("office")
            #expect(try await office.get("/province").status == .forbidden)
        }
    }
}
