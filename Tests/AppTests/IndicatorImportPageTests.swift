@testable import App
import Domain
import Foundation
import Persistence
import Spreadsheet
import Testing
import Vapor
import VaporTesting

@Suite("指标数值导入：Excel 与 CSV，全部或全无，逐行报错")
struct IndicatorImportPageTests {
    @Test("有错的文件一行不导入并列出每行问题；改正后导入为已确认；同值重导不重复；与已确认不同则拒绝；Excel 的日期单元格读作期间", arguments: TestDB.all)
    func importValues(_ db: TestDB) async throws {
        try await withGuatu(db) { app in
            let f = try await Fixture.make(app)
            let boot = Actor(userId: 0, username: "fixture", displayName: "督查室", zoneId: f.zoneId, unitId: nil, roles: [.office])
            var d = IndicatorDraft()
            d.code = "YS-06"; d.name = "普惠小微贷款余额增速"; d.unit = "%"; d.direction = .higher; d.frequency = .quarterly; d.source = .statistics; d.ownerUnitId = f.unitB
            let quarterly = try await app.store.createIndicator(d, actor: boot)
            d.code = "YS-01"; d.name = "开办企业全流程时间"; d.unit = "个工作日"; d.direction = .lower; d.frequency = .monthly
            let monthly = try await app.store.createIndicator(d, actor: boot)
            var office = Browser(app)
            _ = try await office.login("office")
            #expect(try await office.get("/indicators/import").status == .ok)

            let bad = "指标代码,期间,数值,说明\nYS-06,2026年一季度,21.5,人行季报\nYS-01,2026-13,2,\nYS-0l,2026-03,2,\n"
            let refused = try await office.upload("/indicators/import", [], files: [("file", "values.csv", Array(bad.utf8))])
            #expect(refused.status == .unprocessableEntity && refused.text.contains("第3行") && refused.text.contains("第4行") && refused.text.contains("是否为“YS-01"))
            #expect(try await app.store.indicatorValues(zoneId: f.zoneId, indicatorIds: [quarterly.id, monthly.id]).isEmpty)

            // A unit's pending value for March is superseded by the import; both rows land confirmed and audited.
            _ = try await app.store.submitIndicatorValue(indicatorId: monthly.id, periodKey: "2026-03", value: 3, note: "", actor: boot) { _ in }
            let good = "指标代码,期间,数值,说明\nYS-06,2026年一季度,21.5,人行季报\nYS-01,2026年3月,2,\n"
            _ = try await office.get("/indicators/import")
            let done = try await office.upload("/indicators/import", [], files: [("file", "values.csv", Array(good.utf8))])
            #expect(done.status == .ok && done.text.contains("已导入2条"))
            let values = try await app.store.indicatorValues(zoneId: f.zoneId, indicatorIds: [quarterly.id, monthly.id])
            #expect(values.filter { $0.status == .accepted }.map(\.value).sorted() == [2, 21.5])
            #expect(values.first { $0.value == 3 }?.status == .returned)
            _ = try await office.get("/indicators/import")
            let again = try await office.upload("/indicators/import", [], files: [("file", "values.csv", Array(good.utf8))])
            #expect(again.status == .ok && again.text.contains("已导入0条"))
            _ = try await office.get("/indicators/import")
            let changed = try await office.upload("/indicators/import", [], files: [("file", "values.csv", Array(good.replacingOccurrences(of: "21.5", with: "19").utf8))])
            #expect(changed.status == .unprocessableEntity && changed.text.contains("已确认为21.5"))
            #expect(try await app.store.indicatorValues(zoneId: f.zoneId, indicatorIds: [quarterly.id]).count == 1)

            // The template downloads, and an Excel sheet in that shape imports (dates as date cells).
            let template = try await office.get("/indicators/import-template.xlsx")
            let sheet = try #require(try XLSXReader.read(Data(template.body.readableBytesView)).first)
            #expect(sheet.rows.contains { $0.cells.values.contains(.text("YS-06")) })
            let book = Workbook(sheets: [Sheet.table("数值", title: "二季度", headers: ["指标代码", "期间", "数值"],
                                                     rows: [[.text("YS-06"), .date("2026-06-30"), .number(23)], [.text("YS-01"), .text("2026年4月"), .number(1.5)]])])
            _ = try await office.get("/indicators/import")
            let excel = try await office.upload("/indicators/import", [], files: [("file", "二季度.xlsx", Array(try XLSXWriter.data(book)))])
            #expect(excel.status == .ok && excel.text.contains("已导入2条"))
            let q2 = try await app.store.indicatorValues(zoneId: f.zoneId, indicatorIds: [quarterly.id]).first { $0.periodKey == "2026-Q2" }
            #expect(q2?.value == 23 && q2?.status == .accepted)

            // Not a spreadsheet: a clear message, nothing written, no 500.
            _ = try await office.get("/indicators/import")
            let junk = try await office.upload("/indicators/import", [], files: [("file", "values.xlsx", Array("not a zip".utf8))])
            #expect(junk.status == .unprocessableEntity && junk.text.contains("无法读取这个Excel文件"))
            var reporter = Browser(app)
            _ = try await reporter.login("reporter")
            #expect(try await reporter.get("/indicators/import").status == .forbidden)
        }
    }

    @Test("同类排名整表导入：逐行报错、全部或全无；更正已录入的排名；进位退位随之更新", arguments: [TestDB.sqlite])
    func importRanks(_ db: TestDB) async throws {
        try await withGuatu(db) { app in
            let f = try await Fixture.make(app)
            let boot = Actor(userId: 0, username: "fixture", displayName: "督查室", zoneId: f.zoneId, unitId: nil, roles: [.office])
            var d = IndicatorDraft()
            d.code = "YS-13"; d.name = "高新技术企业数"; d.unit = "家"; d.direction = .higher; d.frequency = .monthly; d.source = .unit; d.ownerUnitId = f.unitA
            let i = try await app.store.createIndicator(d, actor: boot)
            try await app.store.setPeerRank(indicatorId: i.id, PeerRank(periodKey: "2026-03", scope: .province, rank: 9, outOf: 18), actor: boot)
            var office = Browser(app)
            _ = try await office.login("office")
            _ = try await office.get("/indicators/import")
            let bad = "指标代码,期间,范围,名次,参评总数\nYS-13,2026年4月,全省,第7名,18\nYS-13,2026年5月,全区,6,18\nYS-13,2026年6月,全省,20,18\n"
            let refused = try await office.upload("/indicators/import", [("kind", "ranks")], files: [("file", "ranks.csv", Array(bad.utf8))])
            #expect(refused.status == .unprocessableEntity && refused.text.contains("范围须为全市、全省或全国") && refused.text.contains("参评总数18小于名次20"))
            #expect(try await app.store.peerRanks(indicatorId: i.id, zoneId: f.zoneId).count == 1)
            let good = "指标代码,期间,范围,名次,参评总数\nYS-13,2026年3月,全省,8,18\nYS-13,2026年4月,全省,第7名,18\nYS-13,2026年4月,全市,2,4\n"
            _ = try await office.get("/indicators/import")
            let done = try await office.upload("/indicators/import", [("kind", "ranks")], files: [("file", "ranks.csv", Array(good.utf8))])
            #expect(done.status == .ok && done.text.contains("已导入3条排名"))
            let ranks = try await app.store.peerRanks(indicatorId: i.id, zoneId: f.zoneId)
            // March corrected from 9th to 8th; April 7th: one place up (进位1).
            let moves = PeerRank.moves(ranks).filter { $0.rank.scope == .province }
            #expect(moves.map(\.rank.rank) == [8, 7] && moves.last?.move == 1)
            #expect(ranks.contains { $0.scope == .city && $0.rank == 2 && $0.outOf == 4 })
        }
    }
}
