@testable import App
import Domain
import Persistence
import Testing
import Vapor
import VaporTesting

@Suite("演示数据与导出")
struct DemoAndExportTests {
    @Test("演示数据：十大计划、约300项任务，今天各种状态都有，账号可登录，重复载入不重复", arguments: TestDB.all)
    func demo(_ db: TestDB) async throws {
        try await withGuatu(db) { app in
            #expect(try await DemoLoader.load(app, log: { _ in }))
            #expect(try await DemoLoader.load(app, log: { _ in }) == false)
            let zone = try #require(try await app.store.zone(code: DemoLoader.zoneCode))
            let plans = try await app.store.plans(zoneId: zone.id, year: app.today.year)
            #expect(plans.map(\.name) == ["科创生态培育计划", "重点项目突破计划", "产业转型升级计划", "骨干企业提升计划", "营商环境优化计划",
                                          "深化改革品牌计划", "金融助企纾困计划", "安全生产护航计划", "财政税收增收计划", "科学考核激励计划"])
            #expect(plans.allSatisfy { $0.leaderId != nil && $0.leadUnitId != nil })
            let tasks = try await app.store.tasks(zoneId: zone.id, TaskFilter(year: app.today.year))
            #expect((280...330).contains(tasks.count))
            let calendar = try await app.calendar(zoneId: zone.id)
            let lights = Set(tasks.map { Light.of($0, today: app.today, calendar: calendar) })
            for l in [Light.done, .doneLate, .green, .overdue, .notStarted] { #expect(lights.contains(l), "no \(l) task on \(app.today)") }
            #expect(tasks.contains { $0.kind == .milestone })
            #expect(tasks.contains { !$0.predecessorIds.isEmpty })
            var b = Browser(app)
            let login = try await b.login("office", password: DemoLoader.password)
            #expect(login.status == .seeOther)
            let home = try await b.get("/")
            #expect(home.text.contains("全省争进位"))
        }
    }

    @Test("导出CSV：带BOM，中文表头，每项任务一行，公式字符被中和")
    func exportCSV() async throws {
        try await withGuatu { app in
            let f = try await Fixture.make(app)
            let boot = Actor(userId: 0, username: "t", displayName: "t", zoneId: f.zoneId, unitId: nil, roles: [.office])
            var d = TaskDraft(); d.workPointId = f.workPointId; d.title = "=HYPERLINK(\"x\")"; d.ownerUnitId = f.unitA; d.deadline = Day(iso: "2026-07-01")
            _ = try await app.store.createTask(d, actor: boot, today: testToday, calendar: .official)
            let data = try await MatrixExport.export(app, zoneId: f.zoneId, year: 2026, format: "csv")
            let text = String(decoding: data, as: UTF8.self)
            #expect(text.hasPrefix("\u{FEFF}任务编号,计划,工作要点"))
            let lines = text.split(separator: "\r\n")
            #expect(lines.count == 1 + 4)
            #expect(text.contains("\"'=HYPERLINK(\"\"x\"\")\""))
            #expect(text.contains("摸排高企培育库"))
            let json = try await MatrixExport.export(app, zoneId: f.zoneId, year: 2026, format: "json")
            let rows = try #require(try JSONSerialization.jsonObject(with: json) as? [[String: Any]])
            #expect(rows.count == 4)
        }
    }
}
