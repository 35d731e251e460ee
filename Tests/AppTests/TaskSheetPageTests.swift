@testable import App
import Domain
import Foundation
import Persistence
import Spreadsheet
import SQLKit
import Testing
import Vapor
import VaporTesting

@Suite("任务分解表：导入预览与确认、逐格报错、并发修改、导出与接口")
struct TaskSheetPageTests {
    static let header = "任务编号,计划,工作要点,任务名称,责任单位,配合单位,完成时限,工期（工作日）\n"
    /// Two new tasks under the fixture's plan and work point; the first scheduled backwards 20 working days from its deadline.
    static let twoNew = header
        + ",科创生态培育计划,高新技术企业培育,建立高企后备库,科技创新局,经济发展局,2026-09-30,20\n"
        + ",科创生态培育计划,高新技术企业培育,开展高企政策宣讲,经济发展局,,2026-08-31,\n"

    /// The value of a hidden input of the confirmation form.
    static func hidden(_ name: String, in html: String) -> String? {
        guard let r = html.range(of: "name=\"\(name)\" value=\"") else { return nil }
        let rest = html[r.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        return String(rest[..<end]).replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
    }

    /// The fields the preview's confirmation form sends back.
    static func confirmation(_ html: String) throws -> [(String, String)] {
        var fields: [(String, String)] = []
        for name in ["year", "fingerprint", "filename", "payload", "confirm"] {
            fields.append((name, try #require(hidden(name, in: html), "no hidden \(name) on the page")))
        }
        return fields
    }

    struct Count: Decodable { let n: Int }
    static func count(_ app: Application, _ q: SQLQueryString) async throws -> Int {
        try await (app.db as! any SQLDatabase).raw(q).first(decoding: Count.self)?.n ?? -1
    }
    static func liveTasks(_ app: Application, _ f: Fixture) async throws -> Int {
        try await count(app, "SELECT COUNT(*) AS n FROM tasks WHERE zone_id = \(bind: f.zoneId) AND archived_at IS NULL")
    }

    @Test("上传CSV先预览（新建任务2项，尚未写入）；确认后新建2项任务并写审计日志", arguments: TestDB.all)
    func previewThenConfirm(_ db: TestDB) async throws {
        try await withGuatu(db) { app in
            let f = try await Fixture.make(app)
            var office = Browser(app)
            _ = try await office.login("office")
            let form = try await office.get("/tasks/import")
            #expect(form.status == .ok && form.text.contains("导入任务分解表") && form.text.contains("name=\"file\""))
            let before = try await Self.liveTasks(app, f)
            // The matrix as seen before the import (kept per zone data version until something changes).
            let matrix = "/matrix?plan=\(f.planId)"
            #expect(try await office.get(matrix).text.contains("建立高企后备库") == false)

            let preview = try await office.upload("/tasks/import", [("year", "2026")], files: [("file", "tasks.csv", Array(Self.twoNew.utf8))])
            #expect(preview.status == .ok)
            #expect(preview.text.contains("预览：tasks.csv"))
            #expect(preview.text.contains("新建任务 2") && preview.text.contains("修改任务 0") && preview.text.contains("新建工作要点 0"))
            #expect(preview.text.contains("建立高企后备库") && preview.text.contains("开展高企政策宣讲"))
            #expect(try await Self.liveTasks(app, f) == before)

            let done = try await office.upload("/tasks/import", try Self.confirmation(preview.text), files: [])
            #expect(done.status == .ok)
            #expect(done.text.contains("已导入：新建任务2项，修改0项，0项无变化"))
            #expect(try await Self.liveTasks(app, f) == before + 2)
            // The import changed the zone's data: the matrix shows the new tasks (it kept the old page once).
            let after = try await office.get(matrix).text
            #expect(after.contains("建立高企后备库") && after.contains("开展高企政策宣讲"))

            let tasks = try await app.store.tasks(zoneId: f.zoneId, TaskFilter(year: 2026))
            let pool = try #require(tasks.first { $0.title == "建立高企后备库" })
            let talk = try #require(tasks.first { $0.title == "开展高企政策宣讲" })
            #expect(pool.workPointId == f.workPointId && pool.planId == f.planId && talk.workPointId == f.workPointId)
            #expect(pool.ownerUnitId == f.unitA && pool.coUnitIds == [f.unitB] && talk.ownerUnitId == f.unitB)
            #expect(pool.deadline == Day(iso: "2026-09-30") && talk.deadline == Day(iso: "2026-08-31"))
            // 20 working days ending on the deadline, counted on the official calendar (中秋 falls inside).
            #expect(pool.durationDays == 20 && WorkCalendar.official.workdays(from: pool.plannedStart, to: pool.deadline) == 20)

            let audited = try await Self.count(app, """
                SELECT COUNT(*) AS n FROM audit_log WHERE zone_id = \(bind: f.zoneId) AND entity_type = 'task' AND action = 'create'
                AND username = 'office' AND entity_id IN (\(binds: [pool.id, talk.id]))
                """)
            #expect(audited == 2)
        }
    }

    @Test("表中有不存在的单位：422，指出单元格并提示相近的单位，一行也不导入", arguments: TestDB.all)
    func unknownUnit(_ db: TestDB) async throws {
        try await withGuatu(db) { app in
            let f = try await Fixture.make(app)
            var office = Browser(app)
            _ = try await office.login("office")
            _ = try await office.get("/tasks/import")
            let before = try await Self.liveTasks(app, f)
            let sheet = Self.header
                + ",科创生态培育计划,高新技术企业培育,建立高企后备库,科技创新局,,2026-09-30,\n"
                + ",科创生态培育计划,高新技术企业培育,开展高企政策宣讲,科技创新局,经济发展居,2026-08-31,\n"
            let refused = try await office.upload("/tasks/import", [("year", "2026")], files: [("file", "tasks.csv", Array(sheet.utf8))])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.text.contains("文件有1处问题，未导入任何数据"))
            // 配合单位 is column F; the second data row is line 3.
            #expect(refused.text.contains("<td>F3</td>") && refused.text.contains("第3行"))
            #expect(refused.text.contains("没有名为“经济发展居”的单位，是否为“经济发展局”？"))
            #expect(!refused.text.contains("确认导入"))
            #expect(try await Self.liveTasks(app, f) == before)
        }
    }

    @Test("预览后任务被他人修改：确认时409，不覆盖他人的修改；按新的预览确认后两处修改都在", arguments: TestDB.all)
    func conflictKeepsOtherEdit(_ db: TestDB) async throws {
        try await withGuatu(db) { app in
            let f = try await Fixture.make(app)
            var office = Browser(app)
            _ = try await office.login("office")
            _ = try await office.get("/tasks/import")
            let sheet = Self.header + "\(f.taskA),科创生态培育计划,高新技术企业培育,摸排高企培育库,科技创新局,,2026-10-30,\n"
            let preview = try await office.upload("/tasks/import", [("year", "2026")], files: [("file", "tasks.csv", Array(sheet.utf8))])
            #expect(preview.status == .ok && preview.text.contains("修改任务 1") && preview.text.contains("新建任务 0"))
            #expect(preview.text.contains("2026-09-30") && preview.text.contains("2026-10-30"))
            let stale = try Self.confirmation(preview.text)

            // Meanwhile the unit's progress and responsible person are changed elsewhere.
            let other = Actor(userId: 0, username: "elsewhere", displayName: "另一位督查员", zoneId: f.zoneId, unitId: nil, roles: [.office])
            var d = TaskDraft(); d.responsiblePerson = "李四"; d.percentDone = 55
            let current = try await app.store.task(id: f.taskA, zoneId: f.zoneId)
            _ = try await app.store.updateTask(id: f.taskA, version: current.version, d, actor: other, today: testToday, calendar: .official) { _ in }

            let refused = try await office.upload("/tasks/import", stale, files: [])
            #expect(refused.status == .conflict)
            #expect(refused.text.contains("已被他人修改") && refused.text.contains("未导入"))
            var task = try await app.store.task(id: f.taskA, zoneId: f.zoneId)
            #expect(task.deadline == Day(iso: "2026-09-30"))
            #expect(task.responsiblePerson == "李四" && task.percentDone == 55)

            // The refusal shows a fresh preview; confirming that applies the sheet on top of the other edit.
            let applied = try await office.upload("/tasks/import", try Self.confirmation(refused.text), files: [])
            #expect(applied.status == .ok && applied.text.contains("修改1项"))
            task = try await app.store.task(id: f.taskA, zoneId: f.zoneId)
            #expect(task.deadline == Day(iso: "2026-10-30"))
            #expect(task.responsiblePerson == "李四" && task.percentDone == 55)
        }
    }

    @Test("导出工作矩阵为.xlsx（填报员也可下载），原样导回无变化；填报员不能进入导入页", arguments: TestDB.all)
    func exportXLSX(_ db: TestDB) async throws {
        try await withGuatu(db) { app in
            _ = try await Fixture.make(app)
            var office = Browser(app)
            _ = try await office.login("office")
            let export = try await office.get("/matrix.xlsx")
            #expect(export.status == .ok)
            #expect(export.headers.first(name: .contentType) == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            let bytes = Array(export.body.readableBytesView)
            #expect(bytes.starts(with: Array("PK".utf8)))
            let sheet = try #require(try XLSXReader.read(Data(bytes)).first)
            for title in ["摸排高企培育库", "组织高企申报培训", "报送高企认定材料"] {
                #expect(sheet.rows.contains { $0.cells.values.contains(.text(title)) }, "\(title) missing from the export")
            }
            #expect(!sheet.rows.contains { $0.cells.values.contains(.text("邻区任务")) })

            // The exported sheet imports back as it is: nothing to create or change.
            _ = try await office.get("/tasks/import")
            let back = try await office.upload("/tasks/import", [("year", "2026")], files: [("file", "任务分解表.xlsx", bytes)])
            #expect(back.status == .ok)
            #expect(back.text.contains("新建任务 0") && back.text.contains("修改任务 0") && back.text.contains("无变化 3"))
            #expect(back.text.contains("表中的任务与系统一致"))

            let template = try await office.get("/tasks/import-template.xlsx")
            #expect(template.status == .ok && Array(template.body.readableBytesView).starts(with: Array("PK".utf8)))

            var reporter = Browser(app)
            _ = try await reporter.login("reporter")
            let theirs = try await reporter.get("/matrix.xlsx")
            #expect(theirs.status == .ok && theirs.headers.first(name: .contentType) == XLSXWriter.contentType)
            #expect(Array(theirs.body.readableBytesView).starts(with: Array("PK".utf8)))
            #expect(try await reporter.get("/tasks/import").status == .forbidden)
            #expect(try await reporter.get("/tasks/import-template.xlsx").status == .forbidden)
        }
    }

    @Test("接口导入：dryRun只预览不写入；正式导入返回新任务编号；Content-Type不对415；year越界400", arguments: TestDB.all)
    func api(_ db: TestDB) async throws {
        try await withGuatu(db) { app in
            let f = try await Fixture.make(app)
            var api = Browser(app, bearer: f.tokens["office"])
            let before = try await Self.liveTasks(app, f)

            let dry = try await api.send(.POST, "/api/v1/tasks/import?dryRun=true", body: Self.twoNew, contentType: "text/csv")
            #expect(dry.status == .ok)
            let preview = try dry.json()
            #expect(preview["dryRun"] as? Bool == true && preview["year"] as? Int == 2026)
            let planned = try #require(preview["created"] as? [[String: Any]])
            #expect(planned.count == 2 && planned.allSatisfy { !($0["id"] is Int) })
            #expect((preview["updated"] as? [Any])?.isEmpty == true)
            #expect(try await Self.liveTasks(app, f) == before)

            let applied = try await api.send(.POST, "/api/v1/tasks/import", body: Self.twoNew, contentType: "text/csv")
            #expect(applied.status == .created)
            let created = try #require(try applied.json()["created"] as? [[String: Any]])
            #expect(created.count == 2 && created.allSatisfy { $0["id"] is Int })
            #expect(try await Self.liveTasks(app, f) == before + 2)

            let json = try await api.send(.POST, "/api/v1/tasks/import?dryRun=true", body: Self.twoNew, contentType: "application/json")
            #expect(json.status == .unsupportedMediaType && json.errorCode == "unsupported_media_type")
            let year = try await api.send(.POST, "/api/v1/tasks/import?dryRun=true&year=1999", body: Self.twoNew, contentType: "text/csv")
            #expect(year.status == .badRequest && year.errorField == "year")
            #expect(try await Self.liveTasks(app, f) == before + 2)
        }
    }
}
