@testable import App
import Domain
import Foundation
import Persistence
import Spreadsheet
import Testing
import Vapor
import VaporTesting

@Suite("交账情况导出Excel")
struct ReportExportTests {
    @Test("一个周期的交账情况：交了的写明进展，没交的标“未交账”，逾期的标“逾期交账”；另一园区的不在其中；日期写错400", arguments: TestDB.all)
    func export(_ db: TestDB) async throws {
        try await withGuatu(db) { app in
            let f = try await Fixture.make(app)
            let office = Actor(userId: 0, username: "office", displayName: "督查室", zoneId: f.zoneId, unitId: nil, roles: [.office])
            // The weekly period of 2026-06-10 (W24, due Friday 06-12): task A reported late, the other tasks not.
            let w24 = ReportingCycle.weekly.period(containing: Day(iso: "2026-06-10")!, calendar: .official)
            _ = try await app.store.submitReport(taskId: f.taskA, period: w24, late: true, ReportDraft(percentDone: 45, progress: "完成名单初稿", problems: "数据口径待确认"),
                                                 actor: office, today: testToday, calendar: .official) { _ in }
            var b = Browser(app)
            _ = try await b.login("office")
            let res = try await b.get("/reports.xlsx?date=2026-06-10")
            #expect(res.status == .ok)
            #expect(res.headers.contentType?.description.contains("spreadsheetml") == true)
            let sheet = try #require(try XLSXReader.read(Data(res.body.readableBytesView)).first)
            let header = try #require(sheet.rows.first { $0.cells.values.contains(.text("交账情况")) })
            func column(_ name: String) throws -> Int { try #require(header.cells.first { $0.value == .text(name) }?.key) }
            let id = try column("任务编号"), state = try column("交账情况"), progress = try column("本期进展"), period = try column("周期")
            let rows = sheet.rows.filter { $0.number > header.number }
            let byTask = Dictionary(rows.compactMap { r -> (Int, [Int: ReadCell])? in
                if case .number(let v)? = r.cells[id] { return (Int(v), r.cells) }
                return nil
            }, uniquingKeysWith: { a, _ in a })
            let a = try #require(byTask[f.taskA])
            #expect(a[state] == .text("逾期交账"))
            #expect(a[progress] == .text("完成名单初稿"))
            #expect(a[period] == .text(w24.key))
            let others = byTask.filter { $0.key != f.taskA }
            #expect(!others.isEmpty && others.values.allSatisfy { $0[state] == .text("未交账") })
            // Only this zone's tasks.
            let zoneTasks = Set(try await app.store.tasks(zoneId: f.zoneId, TaskFilter()).map(\.id))
            #expect(Set(byTask.keys).isSubset(of: zoneTasks))
            let bad = try await b.get("/reports.xlsx?date=2026-13-01")
            #expect(bad.status == .badRequest)
        }
    }
}
