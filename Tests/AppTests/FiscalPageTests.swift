@testable import App
import Domain
import Foundation
import Persistence
import Testing
import Vapor
import VaporTesting

@Suite("财政税收页面")
struct FiscalPageTests {
    @Test("录入当月与年度目标，整表导入全部或全无，同比与进度，同比增长指标", arguments: TestDB.all)
    func fiscal(_ db: TestDB) async throws {
        try await withGuatu(db) { app in
            let f = try await Fixture.make(app)
            var office = Browser(app)
            _ = try await office.login("office")
            _ = try await office.get("/fiscal?year=2026")
            let sheet = "月份,类别,金额\n2025-01,增值税,1000\n2025-02,增值税,1000\n2026-01,增值税,1100\n2026-02,增值税,1150\n"
            let bad = sheet + "2026-02,消费税,10\n"
            let refused = try await office.upload("/fiscal/import", [], files: [("file", "财政.csv", Array(bad.utf8))])
            #expect(refused.status == .unprocessableEntity && refused.text.contains("第6行"))
            #expect(try await app.store.fiscalEntries(zoneId: f.zoneId, years: [2025, 2026]).isEmpty)
            _ = try await office.get("/fiscal?year=2026")
            let done = try await office.upload("/fiscal/import", [], files: [("file", "财政.csv", Array(sheet.utf8))])
            #expect(done.status == .ok && done.text.contains("已导入4条"))
            _ = try await office.get("/fiscal?year=2026")
            #expect(try await office.post("/fiscal", [("month", "2026-02"), ("nonTax", "50"), ("vat", "")]).status == .seeOther)
            #expect(try await office.post("/fiscal", [("month", "2026-02"), ("vat", "很多")]).status == .unprocessableEntity)
            #expect(try await office.post("/fiscal/targets", [("year", "2026"), ("vat", "13200"), ("nonTax", "600")]).status == .seeOther)
            // Through February: VAT 2,250 against 2,000 last year (+12.5 %), 17.0 % of 13,200; total 2,300 of 13,800.
            let page = try await office.get("/fiscal?year=2026&month=2")
            #expect(page.text.contains("+12.5%") && page.text.contains("<td data-label=\"累计\">2300</td>"))
            let boot = Actor(userId: 0, username: "fixture", displayName: "督查室", zoneId: f.zoneId, unitId: nil, roles: [.office])
            var d = IndicatorDraft()
            d.code = "CZ-01"; d.name = "一般公共预算收入同比增长"; d.unit = "%"; d.direction = .higher; d.frequency = .monthly; d.source = .computed; d.formula = .fiscalGrowth; d.ownerUnitId = f.unitA
            let i = try await app.store.createIndicator(d, actor: boot)
            try await app.store.setIndicatorYear(indicatorId: i.id, year: 2026, Trajectory(baseline: 6, target: 8), version: 0, actor: boot)
            let ind = try await office.get("/indicators/\(i.id)?year=2026")
            // February: (2,300 / 2,000 − 1) = 15 %; January: 1,100 / 1,000 → 10 %.
            #expect(ind.text.contains("<td>2月</td><td>6.33</td><td>15"), "\(ind.text.components(separatedBy: "<td>2月</td>").dropFirst().first?.prefix(80) ?? "")")
            #expect(ind.text.contains("<td>1月</td><td>6.17</td><td>10"))
        }
    }
}
