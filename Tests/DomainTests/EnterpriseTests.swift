import Foundation
import Testing
@testable import Domain

@Suite("一企一档：信用代码、拼音首字母、认定条件、导入")
struct EnterpriseTests {
    @Test("统一社会信用代码：真实代码的校验位通过，改一位即被拒绝并给出应有的校验位", arguments: ["91440300708461136T", "91110000600037341L", "91350100M000100Y43"])
    func creditCodes(_ code: String) throws {
        #expect(try CreditCode.validated(code.lowercased()) == code)
        var wrong = Array(code)
        wrong[17] = wrong[17] == "A" ? "B" : "A"
        do { _ = try CreditCode.validated(String(wrong)); Issue.record("accepted a wrong check character") } catch let e as ValidationError {
            #expect(e.message.contains("应为“\(code.last!)”"))
        }
    }

    @Test("信用代码：位数不对、含I/O/Z/S/V")
    func badCodes() {
        #expect(throws: ValidationError.self) { try CreditCode.validated("9144030070846113") }
        #expect(throws: ValidationError.self) { try CreditCode.validated("9144030070846113IT") }
    }

    @Test("拼音首字母")
    func initials() {
        #expect(Pinyin.initials("科创投资集团") == "kctzjt")
        #expect(Pinyin.initials("华芯微电子有限公司").hasPrefix("hxwdz"))
    }

    /// A firm of 4,000万 revenue (≤ 5,000万 → 5 %) with 3.2 % R&D over three years, 12 % S&T staff, 65 % high-tech revenue.
    @Test("高企条件：研发费用比例按最近一年收入分档，差距折成金额；只差一项即列入培育库")
    func hnte() {
        let years = [2023, 2024, 2025].map { y in
            EnterpriseYear(year: y, revenue: 4_000, rdExpense: 128, highTechRevenue: 2_600, employees: 100, rdStaff: 12, inventionPatents: 1, utilityPatents: 5)
        }
        let c = TierCriteria.hnte(foundedOn: Day(iso: "2018-03-01"), years: years, asOf: Day(iso: "2026-11-26")!)
        #expect(c.unmet.map(\.name) == ["研发费用占销售收入比例"])
        #expect(c.nearly && !c.meets)
        // Needs 5 % of 12,000 = 600; has 384: 216万 more, 1.8 points.
        #expect(c.unmet[0].gap == "还差1.8个百分点（约216万元研发费用）")
        // Above 2亿 the line is 3 %: 3.2 % passes.
        let big = years.map { var y = $0; y.revenue = 25_000; y.rdExpense = 800; y.highTechRevenue = 16_000; return y }
        #expect(TierCriteria.hnte(foundedOn: Day(iso: "2018-03-01"), years: big, asOf: Day(iso: "2026-11-26")!).meets)
        // A missing year: data incomplete, not "nearly".
        let partial = TierCriteria.hnte(foundedOn: nil, years: Array(years.prefix(2)), asOf: Day(iso: "2026-11-26")!)
        #expect(!partial.nearly && !partial.unknown.isEmpty)
    }

    @Test("科小评价：科技人员、研发占比、知识产权三项得分；科技人员0分不通过")
    func techSME() {
        // 22 % staff → 12; R&D 4.5 % → 30; one invention patent → 30: 72.
        let y = EnterpriseYear(year: 2025, revenue: 3_000, rdExpense: 135, totalAssets: 2_500, employees: 50, rdStaff: 11, inventionPatents: 1)
        let c = TierCriteria.techSME(years: [y], asOf: Day(iso: "2026-05-01")!)
        #expect(c.meets && c.conditions[1].actual.hasPrefix("72分"))
        var noStaff = y; noStaff.rdStaff = 4  // 8 % → 0 points
        #expect(TierCriteria.techSME(years: [noStaff], asOf: Day(iso: "2026-05-01")!).unmet.first?.gap == "科技人员占比须达10%")
    }

    @Test("导入：逐行报错（信用代码校验位、包联单位提示最接近的、同一企业同一年度重复），否则按行给出企业与年度数据")
    func importRows() throws {
        let units = [OrgUnit(id: 1, name: "科技创新局", shortName: "科创局", kind: .department, sortOrder: 1)]
        let header = ["统一社会信用代码", "企业名称", "包联单位", "年度", "营业收入", "研发费用", "从业人员", "科技人员", "是否规上"]
        let rows: [IndicatorImport.SheetRow] = [
            (1, header), (2, ["91440300708461136T", "华芯微电子有限公司", "科创局", "2025", "8,600", "430", "120", "18", "是"]),
            (3, ["91440300708461136A", "坏代码公司", "", "", "", "", "", "", ""]), (4, ["91110000600037341L", "某公司", "科技创新", "2025", "", "", "", "", ""]),
            (5, ["91440300708461136T", "华芯微电子有限公司", "科创局", "2025", "1", "", "", "", ""]), (6, ["91110000600037341L", "某公司", "", "2025", "", "", "10", "12", ""]),
        ]
        do { _ = try EnterpriseImport.parse(rows, units: units, today: Day(iso: "2026-11-26")!); Issue.record("accepted bad rows") } catch let e as ImportRejected {
            #expect(e.errors.map(\.line) == [3, 4, 5, 6])
            #expect(e.errors[0].message.contains("校验位不符") && e.errors[1].message.contains("是否为“科技创新局”") && e.errors[2].message.contains("与第2行是同一企业同一年度"))
            #expect(e.errors[3].message.contains("科技人员（12人）多于从业人员（10人）"))
        }
        let ok = try EnterpriseImport.parse(Array(rows.prefix(2)), units: units, today: Day(iso: "2026-11-26")!)
        #expect(ok[0].draft.servingUnitId == 1 && ok[0].year?.revenue == 8_600 && ok[0].year?.aboveScale == true && ok[0].year?.rdStaff == 18)
    }
}

@Suite("孵化链条")
struct IncubationChainTests {
    @Test("各阶段在孵企业数、容量，今年毕业并进入下一阶段的企业数（上市算作晋级）")
    func figures() {
        let carriers = [Carrier(id: 1, name: "苗圃", stage: .nursery, level: .city, capacity: 10), Carrier(id: 2, name: "孵化器", stage: .incubator, level: .national, capacity: 20),
                        Carrier(id: 3, name: "加速器", stage: .accelerator, level: .province, capacity: 5)]
        let d = { (s: String) in Day(iso: s)! }
        let steps = [
            // Firm 1: nursery → incubator this year (moved on).
            IncubationStep(enterpriseId: 1, carrierId: 1, enteredOn: d("2024-03-01"), leftOn: d("2026-04-01"), outcome: .graduated),
            IncubationStep(enterpriseId: 1, carrierId: 2, enteredOn: d("2026-04-01")),
            // Firm 2: graduated from the incubator this year but went nowhere in the chain (graduated, not moved on).
            IncubationStep(enterpriseId: 2, carrierId: 2, enteredOn: d("2023-01-01"), leftOn: d("2026-02-01"), outcome: .graduated),
            // Firm 3: left the nursery without graduating; firm 4 graduated from the incubator last year into the accelerator.
            IncubationStep(enterpriseId: 3, carrierId: 1, enteredOn: d("2025-01-01"), leftOn: d("2026-06-01"), outcome: .left),
            IncubationStep(enterpriseId: 4, carrierId: 2, enteredOn: d("2022-01-01"), leftOn: d("2025-12-01"), outcome: .graduated),
            IncubationStep(enterpriseId: 4, carrierId: 3, enteredOn: d("2025-12-01")),
            // Firm 5: graduated from the accelerator this year and listed.
            IncubationStep(enterpriseId: 5, carrierId: 3, enteredOn: d("2023-01-01"), leftOn: d("2026-07-01"), outcome: .graduated),
        ]
        let f = IncubationChain.figures(carriers: carriers, steps: steps, listedIds: [5], year: 2026, on: d("2026-11-26"))
        let by = Dictionary(uniqueKeysWithValues: f.map { ($0.stage, $0) })
        #expect(by[.nursery]!.firms == 0 && by[.nursery]!.movedOn == 1 && by[.nursery]!.graduated == 1)
        #expect(by[.incubator]!.firms == 1 && by[.incubator]!.movedOn == 0 && by[.incubator]!.graduated == 1 && by[.incubator]!.capacity == 20)
        #expect(by[.accelerator]!.firms == 1 && by[.accelerator]!.movedOn == 1)
        #expect(by[.park]!.carriers == 0 && by[.park]!.firms == 0)
    }
}

@Suite("证书到期提醒")
struct CertificateReminderTests {
    @Test("到期前90天、30天各提醒一次，发给包联单位；已重新认定或无包联单位的不提醒")
    func reminders() {
        let firm = Enterprise(id: 7, creditCode: "91440300708461136T", name: "华芯微电子有限公司", initials: "hxwdz", address: "", industryCode: "C3971", chain: "",
                              foundedOn: nil, servingUnitId: 3, visitingOfficial: "")
        let old = EnterpriseTier(kind: .hnte, certificate: "GR202344030001", grantedOn: Day(iso: "2023-12-20")!)  // expires 2026-12-19
        #expect(old.expiresOn == Day(iso: "2026-12-19"))
        let in60 = CertificateReminders.due(firms: [(firm, [old])], today: Day(iso: "2026-10-20")!)
        #expect(in60.map(\.key) == ["tier:7:hnte:2026-12-19:90"] && in60[0].unitId == 3 && in60[0].title.contains("还有60天"))
        #expect(CertificateReminders.due(firms: [(firm, [old])], today: Day(iso: "2026-11-26")!).map(\.key) == ["tier:7:hnte:2026-12-19:30"])
        #expect(CertificateReminders.due(firms: [(firm, [old])], today: Day(iso: "2026-08-01")!).isEmpty)
        let renewed = EnterpriseTier(kind: .hnte, certificate: "GR202644030009", grantedOn: Day(iso: "2026-12-20")!)
        #expect(CertificateReminders.due(firms: [(firm, [old, renewed])], today: Day(iso: "2026-11-26")!).isEmpty)
        var unserved = firm; unserved.servingUnitId = nil
        #expect(CertificateReminders.due(firms: [(unserved, [old])], today: Day(iso: "2026-11-26")!).isEmpty)
    }
}

@Suite("专精特新条件")
struct SRDICriteriaTests {
    @Test("上年研发费用≥100万元且≥3%、收入≥1000万元、成立满2年；差距折成金额")
    func srdi() {
        // 2025: revenue 3,000万, R&D 80万 (2.7 %): needs max(100, 90) = 100 → 20万 short.
        let y = EnterpriseYear(year: 2025, revenue: 3_000, rdExpense: 80)
        let c = TierCriteria.srdi(foundedOn: Day(iso: "2020-05-01"), years: [y], asOf: Day(iso: "2026-11-26")!)
        #expect(c.unmet.map(\.gap) == ["还差约20万元研发费用"] && c.nearly)
        // 8,000万 revenue: 3 % is 240万, so 200万 falls 40万 short even though it passes 100万.
        let big = EnterpriseYear(year: 2025, revenue: 8_000, rdExpense: 200)
        #expect(TierCriteria.srdi(foundedOn: Day(iso: "2020-05-01"), years: [big], asOf: Day(iso: "2026-11-26")!).unmet.first?.gap == "还差约40万元研发费用")
        let young = TierCriteria.srdi(foundedOn: Day(iso: "2025-03-01"), years: [EnterpriseYear(year: 2025, revenue: 1_200, rdExpense: 120)], asOf: Day(iso: "2026-11-26")!)
        #expect(young.unmet.map(\.name) == ["从事细分市场2年以上（按成立时间）"])
        #expect(TierCriteria.srdi(foundedOn: Day(iso: "2018-01-01"), years: [EnterpriseYear(year: 2025, revenue: 1_200, rdExpense: 120)], asOf: Day(iso: "2026-11-26")!).meets)
    }
}
