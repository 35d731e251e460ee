@testable import App
import Domain
import Foundation
import Persistence
import Spreadsheet
import Testing
import Vapor
import VaporTesting

@Suite("一企一档：登记、导入、检索、导出、培育库")
struct EnterprisePagesTests {
    static let csv = """
    统一社会信用代码,企业名称,行业代码,产业链,成立日期,包联单位,年度,营业收入,研发费用,高新技术产品收入,从业人员,科技人员,是否规上,发明专利,实用新型
    91440300708461136T,华芯微电子有限公司,C3971,电子信息,2015-04-01,科技创新局,2023,4000,128,2600,100,12,是,1,5
    91440300708461136T,华芯微电子有限公司,C3971,电子信息,2015-04-01,科技创新局,2024,4000,128,2600,100,12,是,1,5
    91440300708461136T,华芯微电子有限公司,C3971,电子信息,2015-04-01,科技创新局,2025,4000,128,2600,100,12,是,1,5
    91110000600037341L,瑞科生物医药有限公司,C2710,生物医药,2012-09-09,经济发展局,2025,30000,1500,21000,600,90,是,8,20

    """

    @Test("登记时校验信用代码；整表导入全部或全无；按拼音首字母检索、按梯度筛选；导出再导入不变；培育库列出差一项的企业", arguments: TestDB.all)
    func registry(_ db: TestDB) async throws {
        try await withGuatu(db) { app in
            let f = try await Fixture.make(app)
            var office = Browser(app)
            _ = try await office.login("office")
            _ = try await office.get("/enterprises/new")
            let bad = try await office.post("/enterprises/new", [("creditCode", "91440300708461136A"), ("name", "坏代码公司")])
            #expect(bad.status == .unprocessableEntity && bad.text.contains("校验位不符"))

            // A sheet with one bad row applies nothing.
            let broken = Self.csv.replacingOccurrences(of: "经济发展局", with: "经发")
            _ = try await office.get("/enterprises/import")
            let refused = try await office.upload("/enterprises/import", [], files: [("file", "企业.csv", Array(broken.utf8))])
            #expect(refused.status == .unprocessableEntity && refused.text.contains("第5行") && refused.text.contains("是否为“经济发展局”"))
            #expect(try await app.store.enterprises(zoneId: f.zoneId, EnterpriseFilter(year: 2025), asOf: testToday).total == 0)
            _ = try await office.get("/enterprises/import")
            let done = try await office.upload("/enterprises/import", [], files: [("file", "企业.csv", Array(Self.csv.utf8))])
            #expect(done.status == .ok && done.text.contains("新登记2家企业"))
            let huaxin = try #require(try await app.store.enterprises(zoneId: f.zoneId, { var x = EnterpriseFilter(year: 2025); x.query = "hxwdz"; return x }(), asOf: testToday).items.first)
            #expect(huaxin.enterprise.name == "华芯微电子有限公司" && huaxin.year?.revenue == 4_000)
            let record = try await app.store.enterprise(id: huaxin.enterprise.id, zoneId: f.zoneId)
            #expect(record.years.map(\.year) == [2023, 2024, 2025])

            // The list searches by initials and filters by tier.
            let list = try await office.get("/enterprises?q=hxwdz&year=2025")
            #expect(list.text.contains("华芯微电子有限公司") && !list.text.contains("瑞科生物医药"))
            _ = try await office.get("/enterprises/\(huaxin.enterprise.id)")
            #expect(try await office.post("/enterprises/\(huaxin.enterprise.id)/tiers", [("kind", "techSME"), ("certificate", "2026440300001"), ("grantedOn", "2026-05-30")]).status == .seeOther)
            let tiered = try await office.get("/enterprises?tier=techSME&year=2025")
            #expect(tiered.text.contains("华芯微电子有限公司") && !tiered.text.contains("瑞科生物医药"))
            #expect(try await office.get("/enterprises?tier=unicorn").status == .badRequest)

            // Export the list and import it again: nothing changes, nothing is duplicated.
            let xlsx = try await office.get("/enterprises.xlsx?year=2025")
            #expect(xlsx.status == .ok)
            let before = try await app.store.enterpriseRecords(zoneId: f.zoneId)
            _ = try await office.get("/enterprises/import")
            let again = try await office.upload("/enterprises/import", [], files: [("file", "导出.xlsx", Array(xlsx.body.readableBytesView))])
            #expect(again.status == .ok && again.text.contains("新登记0家企业"))
            let after = try await app.store.enterpriseRecords(zoneId: f.zoneId)
            #expect(after.map(\.enterprise.name) == before.map(\.enterprise.name) && after.map(\.years) == before.map(\.years))

            // The pipeline: 华芯 is one condition short of 高企 (R&D 3.2 % of ≤ 5,000万 revenue, needs 5 %).
            let pipeline = try await office.get("/enterprises/pipeline")
            #expect(pipeline.text.contains("华芯微电子有限公司") && pipeline.text.contains("还差1.8个百分点（约216万元研发费用）"))
            let page = try await office.get("/enterprises/\(huaxin.enterprise.id)")
            #expect(page.text.contains("差一项（列入培育库）"))

            // Another zone sees none of it; a unit's reporter reads but does not register.
            var foreign = Browser(app)
            _ = try await foreign.login("office2")
            #expect(try await foreign.get("/enterprises/\(huaxin.enterprise.id)").status == .notFound)
            var reporter = Browser(app)
            _ = try await reporter.login("reporter")
            #expect(try await reporter.get("/enterprises").status == .ok)
            #expect(try await reporter.get("/enterprises/new").status == .forbidden)
            let audit = try await app.store.auditEntries(zoneId: f.zoneId, .init(entityType: "enterprise")).entries
            #expect(audit.count == 2)
        }
    }
}

@Suite("一企一档：年度数据的修改不丢数")
struct EnterpriseYearFormTests {
    @Test("只填一项时其余保持原值；非数字拒绝", arguments: [TestDB.sqlite])
    func partialYear(_ db: TestDB) async throws {
        try await withGuatu(db) { app in
            let f = try await Fixture.make(app)
            let boot = Actor(userId: 0, username: "fixture", displayName: "督查室", zoneId: f.zoneId, unitId: nil, roles: [.office])
            var d = EnterpriseDraft(); d.creditCode = "91440300708461136T"; d.name = "华芯微电子有限公司"
            let id = try await app.store.createEnterprise(d, today: testToday, actor: boot)
            try await app.store.setEnterpriseYear(enterpriseId: id, EnterpriseYear(year: 2025, revenue: 4_000, rdExpense: 128, employees: 100, aboveScale: true), actor: boot)
            var office = Browser(app)
            _ = try await office.login("office")
            _ = try await office.get("/enterprises/\(id)")
            #expect(try await office.post("/enterprises/\(id)/years", [("year", "2025"), ("tax", "260"), ("aboveScale", "")]).status == .seeOther)
            let y = try #require(try await app.store.enterprise(id: id, zoneId: f.zoneId).years.first)
            #expect(y.revenue == 4_000 && y.rdExpense == 128 && y.employees == 100 && y.tax == 260 && y.aboveScale)
            let bad = try await office.post("/enterprises/\(id)/years", [("year", "2025"), ("revenue", "四千")])
            #expect(bad.status == .unprocessableEntity && bad.text.contains("营业收入须为数字"))
        }
    }
}

@Suite("研发机构全覆盖与专利清零")
struct CoverageTests {
    @Test("规上工业企业的研发机构覆盖率与规上制造业的专利覆盖率；未覆盖企业列出包联单位；同口径的系统计算指标", arguments: TestDB.all)
    func coverage(_ db: TestDB) async throws {
        try await withGuatu(db) { app in
            let f = try await Fixture.make(app)
            let boot = Actor(userId: 0, username: "fixture", displayName: "督查室", zoneId: f.zoneId, unitId: nil, roles: [.office])
            func firm(_ code: String, _ name: String, industry: String, above: Bool, patents: Int?) async throws -> Int {
                var d = EnterpriseDraft(); d.creditCode = code; d.name = name; d.industryCode = industry; d.servingUnitId = f.unitB; d.visitingOfficial = "李明"
                let id = try await app.store.createEnterprise(d, today: testToday, actor: boot)
                try await app.store.setEnterpriseYear(enterpriseId: id, EnterpriseYear(year: 2025, revenue: 5_000, aboveScale: above, inventionPatents: patents), actor: boot)
                return id
            }
            let a = try await firm("91440300708461136T", "华芯微电子有限公司", industry: "C3971", above: true, patents: 3)
            _ = try await firm("91110000600037341L", "瑞科精密机械有限公司", industry: "C3491", above: true, patents: 0)
            _ = try await firm("91350100M000100Y43", "云图信息技术有限公司", industry: "I6513", above: true, patents: 0)  // not industrial: outside both groups
            _ = try await firm("91440300MA5D0XRP2F", "博创小微有限公司", industry: "C3421", above: false, patents: 0)  // below scale: outside
            try await app.store.addRDCenter(enterpriseId: a, RDCenter(name: "企业技术中心", level: .city, recognizedOn: Day(iso: "2024-05-01")!), actor: boot)
            var office = Browser(app)
            _ = try await office.login("office")
            let page = try await office.get("/enterprises/coverage?year=2025")
            #expect(page.text.contains("规上工业企业2家，建有研发机构1家") && page.text.contains("规上制造业企业2家，拥有有效专利1家"))
            #expect(page.text.contains("瑞科精密机械有限公司") && page.text.contains("经济发展局") && !page.text.contains("云图信息技术有限公司"))

            var d = IndicatorDraft()
            d.code = "QY-01"; d.name = "研发机构覆盖率"; d.unit = "%"; d.direction = .higher; d.frequency = .annual; d.source = .computed; d.formula = .rdCoverage; d.ownerUnitId = f.unitA
            let i = try await app.store.createIndicator(d, actor: boot)
            try await app.store.setIndicatorYear(indicatorId: i.id, year: 2026, Trajectory(baseline: 40, target: 100), version: 0, actor: boot)
            let ind = try await office.get("/indicators/\(i.id)?year=2026")
            // 2026 reads the latest year's data (2025): 1 of 2.
            #expect(ind.text.contains("<td>50</td><td>系统计算</td>") && ind.text.contains("规上工业企业2家，建有研发机构1家，未建1家"))
        }
    }
}
