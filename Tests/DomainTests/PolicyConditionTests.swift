import Foundation
import XCTest
@testable import Domain

private func day(_ s: String) -> Day { Day(iso: s)! }

private func firm(id: Int = 1, industry: String = "C3911", chain: String = "", address: String = "高新区科技园1号", founded: String? = "2020-03-01") -> Enterprise {
    Enterprise(id: id, creditCode: "", name: "企业\(id)", initials: "", address: address, industryCode: industry, chain: chain,
               foundedOn: founded.map(day), servingUnitId: nil, visitingOfficial: "")
}

private func hnte(_ granted: String = "2025-06-01") -> EnterpriseTier { EnterpriseTier(kind: .hnte, certificate: "GR1", grantedOn: day(granted)) }

private func parseError(_ text: String) -> String? {
    do { _ = try ConditionParser.parse(text); return nil }
    catch let e as ValidationError { return e.field == "condition" ? e.message : "field \(e.field): \(e.message)" }
    catch { return "unexpected \(error)" }
}

final class PolicyConditionTests: XCTestCase {
    static let examples = [
        "高企 且 研发费用占比 >= 3 且 (营业收入 >= 2000 或 发明专利 >= 1)",
        "资质 包含 \"科技型中小企业\" 且 非 规上",
        "行业 开头 \"C39\" 且 成立年限 >= 2",
        "产业链 属于 [\"集成电路\", \"生物医药\"] 且 营收增长率 > 10",
    ]

    // MARK: Parsing and printing

    func testExamplesParseAndPrintBackUnchanged() throws {
        for text in Self.examples {
            let c = try ConditionParser.parse(text)
            XCTAssertEqual(c.description, text, "the examples are already canonical")
            XCTAssertEqual(try ConditionParser.parse(c.description), c)
        }
    }

    func testExampleStructure() throws {
        let c = try ConditionParser.parse(Self.examples[0])
        XCTAssertEqual(c, .and([
            .comparison(Comparison(field: .hnte, op: .equal, value: .bool(true))),
            .comparison(Comparison(field: .rdRatio, op: .greaterOrEqual, value: .number(3))),
            .or([.comparison(Comparison(field: .revenue, op: .greaterOrEqual, value: .number(2000))),
                 .comparison(Comparison(field: .inventionPatents, op: .greaterOrEqual, value: .number(1)))]),
        ]))
    }

    func testPrecedenceNotThenAndThenOr() throws {
        let a = Condition.comparison(Comparison(field: .hnte, op: .equal, value: .bool(true)))
        let b = Condition.comparison(Comparison(field: .aboveScale, op: .equal, value: .bool(true)))
        let c = Condition.comparison(Comparison(field: .listed, op: .equal, value: .bool(true)))
        XCTAssertEqual(try ConditionParser.parse("高企 或 规上 且 上市"), .or([a, .and([b, c])]))
        XCTAssertEqual(try ConditionParser.parse("非 高企 且 规上"), .and([.not(a), b]))
        XCTAssertEqual(try ConditionParser.parse("非 (高企 且 规上)"), .not(.and([a, b])))
        XCTAssertEqual(try ConditionParser.parse("(高企 或 规上) 且 上市"), .and([.or([a, b]), c]))
        XCTAssertEqual(try ConditionParser.parse("高企 且 (规上 且 上市)"), .and([a, b, c]), "same operator nested is flattened")
    }

    func testOtherSpellingsMeanTheSame() throws {
        let canonical = try ConditionParser.parse("高企 且 研发费用占比 >= 3 且 (营业收入 >= 2000 或 非 规上)")
        for text in [
            "高企 and 研发费用占比 >= 3 AND (营业收入 >= 2000 or not 规上)",
            "高企 && 研发费用占比 ≥ 3 && (营业收入 >= 2000 || !规上)",
            "高企且研发费用占比>=3且（营业收入＞＝2000或非规上）",
            "高新技术企业 = 是 且 研发强度 >= 3% 且 (营收 >= 2000万元 或 非 规上企业)",
            "高企 == true 且 研发费用占比 >= 3 且 (营业收入 >= 2000 或 非 规上)",
        ] {
            XCTAssertEqual(try ConditionParser.parse(text), canonical, text)
        }
        let isFalse = try ConditionParser.parse("规上 = 否")
        for text in ["规上 = false", "规上 == 否", "规上 = FALSE"] { XCTAssertEqual(try ConditionParser.parse(text), isFalse, text) }
        XCTAssertEqual(isFalse.description, "规上 = 否")
        XCTAssertEqual(try ConditionParser.parse("行业 开头 'C39'"), try ConditionParser.parse("行业 开头 \"C39\""))
        XCTAssertEqual(try ConditionParser.parse("行业 开头 C39"), try ConditionParser.parse("行业 开头 \"C39\""), "a bare word is text")
        XCTAssertEqual(try ConditionParser.parse("规上 != 是").description, "规上 != 是")
        XCTAssertEqual(try ConditionParser.parse("从业人数 ≤ 500 且 纳税 < 10 且 年度 = 2026 且 发明专利 ≠ 0 且 专利总数 <> 3").description,
                       "从业人数 <= 500 且 纳税 < 10 且 年度 = 2026 且 发明专利 != 0 且 专利总数 != 3")
        XCTAssertEqual(try ConditionParser.parse("营收增长率 > -5.5 且 地址 包含 “科技园”").description, "营收增长率 > -5.5 且 地址 包含 \"科技园\"")
    }

    func testQualificationNamesAreCanonicalised() throws {
        XCTAssertEqual(try ConditionParser.parse("资质 包含 \"高企\"").description, "资质 包含 \"高新技术企业\"")
        XCTAssertEqual(try ConditionParser.parse("资质 包含 \"专精特新小巨人\"").description, "资质 包含 \"专精特新“小巨人”\"")
        let round = try ConditionParser.parse("资质 包含 \"专精特新“小巨人”\"")
        XCTAssertEqual(try ConditionParser.parse(round.description), round)
    }

    func testTextWithQuotesAndBackslashRoundTrips() throws {
        let c = Condition.comparison(Comparison(field: .address, op: .contains, value: .text("A\"B\\C（有限合伙）")))
        XCTAssertEqual(try ConditionParser.parse(c.description), c)
        XCTAssertEqual(try ConditionParser.parse("地址 包含 \"（东区）\""), .comparison(Comparison(field: .address, op: .contains, value: .text("（东区）"))),
                       "full-width characters inside quotes are kept as written")
    }

    func testNumbersRoundTrip() throws {
        for x in ["0.5", "0.000001", "123456789012345", "3.14159", "-2"] {
            let c = try ConditionParser.parse("营收增长率 > \(x)")
            XCTAssertEqual(try ConditionParser.parse(c.description), c, x)
        }
    }

    // MARK: Errors

    func testUnknownFieldSuggestsTheClosestName() {
        XCTAssertEqual(parseError("高企 且 研发占比 >= 3"), "第6个字符：未知字段“研发占比”，是否指“研发费用占比”？")
        let m = parseError("天气 = \"晴\"") ?? ""
        XCTAssertTrue(m.hasPrefix("第1个字符：未知字段“天气”，可用字段：营业收入、主营业务收入、研发费用"), m)
    }

    func testTypeMismatches() {
        XCTAssertEqual(parseError("行业 = 3911"), "第6个字符：“行业”是文字，不能与数字比较（文字请用引号括起，如 \"3911\"）")
        XCTAssertEqual(parseError("行业 >= \"C3\""), "第4个字符：“行业”是文字，不能用“>=”比较")
        XCTAssertEqual(parseError("营业收入 包含 \"1\""), "第6个字符：“包含”只能用于集合或文字字段，“营业收入”是数值")
        XCTAssertEqual(parseError("资质 开头 \"高\""), "第4个字符：“开头”只能用于文字字段，“资质”是集合")
        XCTAssertEqual(parseError("产业链 属于 \"集成电路\""), "第8个字符：“属于”后应为列表，如 [\"集成电路\", \"生物医药\"]")
        XCTAssertEqual(parseError("营业收入 >= \"2000\""), "第9个字符：“营业收入”是数值，不能与文字比较")
        XCTAssertEqual(parseError("高企 > 1"), "第4个字符：“高企”是是非字段，只能单独写，或写“= 是”“= 否”")
        XCTAssertEqual(parseError("规上 = 1"), "第6个字符：“规上”是是非字段，只能与“是”“否”比较")
        XCTAssertEqual(parseError("资质 = \"高新技术企业\""), "第4个字符：“资质”是集合，只能用“包含”，如 资质 包含 \"高新技术企业\"")
        XCTAssertEqual(parseError("营业收入 >= 10%"), "第11个字符：“营业收入”的单位是万元，不能写%")
        XCTAssertEqual(parseError("营业收入 >= 1亿元"), "第10个字符：“营业收入”的单位是万元，不是亿元")
        XCTAssertTrue(parseError("资质 包含 \"独角兽\"")?.hasPrefix("第7个字符：“独角兽”不是资质名称，可用：科技型中小企业、") == true)
        XCTAssertEqual(parseError("年度 属于 [2025, \"2026\"]"), "第14个字符：“年度”是数值，不能与文字比较")
    }

    func testParenthesesAndStructureErrors() {
        XCTAssertEqual(parseError("(高企 且 规上"), "第1个字符：左括号“(”没有配对的右括号")
        XCTAssertEqual(parseError("（高企 且 （规上 或 上市）"), "第1个字符：左括号“（”没有配对的右括号")
        XCTAssertEqual(parseError("高企 且 规上)"), "第8个字符：多余的右括号“)”")
        XCTAssertEqual(parseError("()"), "第2个字符：括号内没有条件")
        XCTAssertEqual(parseError("高企 规上"), "第4个字符：“规上”前缺少“且”或“或”")
        XCTAssertEqual(parseError("营业收入 >= 2000 3"), "第14个字符：多余的内容“3”")
        XCTAssertEqual(parseError("高企 且"), "第5个字符：条件不完整，“且”后应为字段名或“(”")
        XCTAssertEqual(parseError("营业收入 >="), "第8个字符：条件不完整，“>=”后应为数字")
        XCTAssertEqual(parseError("营业收入"), "第5个字符：“营业收入”后应为比较符（>=、>、<=、<、=、!=）")
        XCTAssertEqual(parseError("且 高企"), "第1个字符：“且”前缺少条件")
        XCTAssertEqual(parseError("产业链 属于 [\"集成电路\""), "第15个字符：列表缺少右方括号“]”")
        XCTAssertEqual(parseError("地址 包含 \"科技园"), "第7个字符：文字缺少结束引号\"")
        XCTAssertEqual(parseError("高企 @ 规上"), "第4个字符：无法识别的字符“@”")
        XCTAssertEqual(parseError("产业链 属于 []"), "第9个字符：列表不能为空")
        XCTAssertEqual(parseError("营业收入 > >"), "第8个字符：“>”后应为数字，而不是“>”")
        XCTAssertEqual(parseError("营业收入 >= 1.5.5"), "第12个字符：无法识别的字符“.”")
    }

    func testEmptyTooLongAndTooDeep() {
        XCTAssertEqual(parseError(""), "条件不能为空")
        XCTAssertEqual(parseError(" \u{3000}\n"), "条件不能为空")
        let long = Array(repeating: "高企", count: 700).joined(separator: " 且 ")
        XCTAssertEqual(parseError(long), "条件过长（\(long.count)个字符），最多2000个字符")
        let ok = String(repeating: "(", count: 20) + "高企" + String(repeating: ")", count: 20)
        XCTAssertNil(parseError(ok))
        let deep = String(repeating: "(", count: 21) + "高企" + String(repeating: ")", count: 21)
        XCTAssertEqual(parseError(deep), "第21个字符：括号或“非”嵌套超过20层")
        XCTAssertEqual(parseError(String(repeating: "非 ", count: 21) + "高企"), "第41个字符：括号或“非”嵌套超过20层")
    }

    // MARK: Facts

    func testFirmFactsDerivedFields() {
        let years = [EnterpriseYear(year: 2025, revenue: 2000),
                     EnterpriseYear(year: 2026, revenue: 2500, rdExpense: 105, highTechRevenue: 1500, employees: 40, rdStaff: 6, aboveScale: true,
                                    inventionPatents: 2, utilityPatents: 3)]
        let f = FirmFacts(enterprise: firm(founded: "2024-05-20"), years: years,
                          tiers: [hnte("2023-01-10"), EnterpriseTier(kind: .techSME, certificate: "", grantedOn: day("2026-04-01"))], year: 2026)
        XCTAssertEqual(f.number(.rdRatio), 4.2)
        XCTAssertEqual(f.number(.highTechRevenueShare), 60)
        XCTAssertEqual(f.number(.rdStaffShare), 15)
        XCTAssertEqual(f.number(.revenueGrowth), 25)
        XCTAssertEqual(f.number(.totalPatents), 5, "the categories filled in, summed")
        XCTAssertEqual(f.number(.yearsInBusiness), 2, "2024-05-20 to 2026-12-31: two full years")
        XCTAssertEqual(f.number(.year), 2026)
        XCTAssertNil(f.number(.tax))
        XCTAssertEqual(f.flag(.aboveScale), true)
        XCTAssertEqual(f.flag(.hnte), false, "granted 2023-01-10, valid to 2026-01-09, so not on Dec 31")
        XCTAssertEqual(f.qualifications, [.techSME])
        XCTAssertEqual(f.display(.qualifications), "科技型中小企业")
        XCTAssertEqual(f.text(.industry), "C3911")
        XCTAssertEqual(f.text(.chain), "", "no chain is known, not missing")
        // On an earlier evaluation day the 2023 title is still valid.
        let early = FirmFacts(enterprise: firm(), years: years, tiers: [hnte("2023-01-10")], year: 2026, on: day("2026-01-09"))
        XCTAssertEqual(early.flag(.hnte), true)
    }

    func testMissingDataIsUnknown() {
        let f = FirmFacts(enterprise: firm(industry: "", address: "", founded: nil),
                          years: [EnterpriseYear(year: 2025, revenue: 0), EnterpriseYear(year: 2026, revenue: 300)], tiers: [], year: 2026)
        XCTAssertNil(f.number(.revenueGrowth), "previous year's revenue is 0")
        XCTAssertNil(f.number(.rdRatio))
        XCTAssertNil(f.number(.yearsInBusiness))
        XCTAssertNil(f.text(.industry))
        XCTAssertNil(f.text(.address))
        XCTAssertEqual(f.flag(.hnte), false, "holding no title is known")
        let noYear = FirmFacts(enterprise: firm(), years: [], tiers: [], year: 2026)
        XCTAssertNil(noYear.flag(.aboveScale))
        XCTAssertNil(noYear.number(.revenue))
    }

    // MARK: Evaluation

    private func facts(revenue: Double? = 2500, rd: Double? = 105, invention: Int? = 0, tax: Double? = nil, aboveScale: Bool = false,
                       tiers: [EnterpriseTier] = [hnte()], industry: String = "C3911", previousRevenue: Double? = nil) -> FirmFacts {
        var years = [EnterpriseYear(year: 2026, revenue: revenue, rdExpense: rd, tax: tax, aboveScale: aboveScale, inventionPatents: invention)]
        if let p = previousRevenue { years.append(EnterpriseYear(year: 2025, revenue: p)) }
        return FirmFacts(enterprise: firm(industry: industry), years: years, tiers: tiers, year: 2026)
    }

    func testExplanationLines() throws {
        let e = try ConditionEvaluator(parsing: Self.examples[0])
        let v = e.evaluate(facts())
        XCTAssertTrue(v.qualifies)
        XCTAssertTrue(e.matches(facts()))
        XCTAssertEqual(v.lines, ["高企：满足", "研发费用占比 4.2% ≥ 3%：满足", "营业收入 2500万元 ≥ 2000万元：满足", "发明专利 0件 ≥ 1件：不满足，差 1件"])
        XCTAssertEqual(v.missing, [])
        XCTAssertFalse(v.nearlyQualifies)
        XCTAssertEqual(v.atoms[1].actual, "4.2%")
        XCTAssertEqual(v.atoms[3].gap, 1)
    }

    func testOtherKindsOfLines() throws {
        func lines(_ text: String, _ f: FirmFacts) throws -> [String] { try ConditionEvaluator(parsing: text).evaluate(f).lines }
        let f = facts(aboveScale: true, industry: "F5191", previousRevenue: 2315)
        XCTAssertEqual(try lines("非 规上", f), ["规上 = 否：不满足（实际为是）"])
        XCTAssertEqual(try lines("规上", facts()), ["规上：不满足（否）"])
        XCTAssertEqual(try lines("行业 开头 \"C39\"", f), ["行业 开头 “C39”：不满足（实际为“F5191”）"])
        XCTAssertEqual(try lines("非 行业 开头 \"C39\"", f), ["行业 不以 “C39” 开头：满足"])
        XCTAssertEqual(try lines("资质 包含 \"科技型中小企业\"", f), ["资质 包含 “科技型中小企业”：不满足（现有资质：高新技术企业）"])
        XCTAssertEqual(try lines("产业链 属于 [\"集成电路\", \"生物医药\"]", f), ["产业链 属于 [“集成电路”, “生物医药”]：不满足（实际为空）"])
        XCTAssertEqual(try lines("营收增长率 > 10", f), ["营收增长率 7.99% > 10%：不满足，差 2.01个百分点"])
        XCTAssertEqual(try lines("发明专利 > 1", f), ["发明专利 0件 > 1件：不满足，差 2件"], "more than 1 patent means 2")
        XCTAssertEqual(try lines("非 营业收入 > 2000", f), ["营业收入 2500万元 ≤ 2000万元：不满足，超出 500万元"])
        XCTAssertEqual(try lines("营业收入 >= 2000", facts(revenue: nil)), ["营业收入：缺少数据"])
    }

    func testThreeValuedLogic() throws {
        let unknownRevenue = facts(revenue: nil)
        func check(_ text: String, _ f: FirmFacts, _ expected: Bool?, file: StaticString = #filePath, line: UInt = #line) throws {
            let e = try ConditionEvaluator(parsing: text)
            XCTAssertEqual(e.evaluate(f).result, expected, text, file: file, line: line)
            XCTAssertEqual(e.matches(f), expected == true, text, file: file, line: line)
        }
        try check("营业收入 >= 2000", unknownRevenue, nil)
        try check("非 营业收入 >= 2000", unknownRevenue, nil)
        try check("营业收入 >= 2000 或 高企", unknownRevenue, true)
        try check("营业收入 >= 2000 且 高企", unknownRevenue, nil)
        try check("营业收入 >= 2000 且 上市", unknownRevenue, false)
        try check("营业收入 >= 2000 或 上市", unknownRevenue, nil)
        try check("非 (营业收入 >= 2000 或 上市)", unknownRevenue, nil)
        try check("非 (营业收入 >= 2000 且 上市)", unknownRevenue, true)
        try check("研发费用占比 >= 3", unknownRevenue, nil)
    }

    func testNearMissNamesTheGap() throws {
        let e = try ConditionEvaluator(parsing: Self.examples[0])
        let v = e.evaluate(facts(revenue: 1500, rd: 60))   // ratio 4%, revenue short by 500, no invention patent
        XCTAssertFalse(v.qualifies)
        XCTAssertTrue(v.nearlyQualifies)
        XCTAssertEqual(v.missing.map(\.line), ["营业收入 1500万元 ≥ 2000万元：不满足，差 500万元"], "both branches cost one; the first is shown")
        XCTAssertEqual(v.missing.first?.gap, 500)

        let cheaper = try ConditionEvaluator(parsing: "(营业收入 >= 2000 且 纳税 >= 100) 或 发明专利 >= 1").evaluate(facts(revenue: 1500, tax: 20))
        XCTAssertTrue(cheaper.nearlyQualifies)
        XCTAssertEqual(cheaper.missing.map(\.field), [.inventionPatents], "the cheaper branch of 或")

        let unknown = try ConditionEvaluator(parsing: "高企 且 营业收入 >= 2000").evaluate(facts(revenue: nil))
        XCTAssertEqual(unknown.result, nil)
        XCTAssertTrue(unknown.nearlyQualifies, "one missing figure away")
        XCTAssertEqual(unknown.missing.map(\.outcome), [.unknown])

        let far = try ConditionEvaluator(parsing: "营业收入 >= 2000 且 发明专利 >= 1 且 规上").evaluate(facts(revenue: 1500))
        XCTAssertFalse(far.nearlyQualifies)
        XCTAssertEqual(far.missing.count, 3)
    }

    func testNegationIsPushedIntoTheRequirements() throws {
        // 非 (A 或 B) is (非A 且 非B): two requirements to meet, reported as such.
        let v = try ConditionEvaluator(parsing: "非 (营业收入 < 2000 或 发明专利 = 0)").evaluate(facts(revenue: 1500))
        XCTAssertEqual(v.lines, ["营业收入 1500万元 ≥ 2000万元：不满足，差 500万元", "发明专利 0件 ≠ 0件：不满足"])
        XCTAssertEqual(v.missing.count, 2)
    }

    // MARK: Against an independent evaluation

    /// A small LCG, so the registry is the same on every run.
    private struct LCG {
        var state: UInt64
        mutating func next() -> UInt64 { state = state &* 6364136223846793005 &+ 1442695040888963407; return state >> 33 }
        mutating func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(next() % UInt64(range.count)) }
        mutating func chance(_ percent: Int) -> Bool { int(0...99) < percent }
        mutating func maybe<T>(_ v: T, missing percent: Int = 8) -> T? { chance(percent) ? nil : v }
    }

    struct Registry {
        var firms: [(enterprise: Enterprise, years: [EnterpriseYear], tiers: [EnterpriseTier])] = []
    }

    static func registry(count: Int, seed: UInt64) -> Registry {
        var g = LCG(state: seed)
        var r = Registry()
        let industries = ["C3911", "C3914", "C3562", "I6510", "M7320", "F5191", ""]
        let chains = ["集成电路", "生物医药", "新能源", "", ""]
        let addresses = ["高新区科技园\(1)号", "高新区创业大道8号", "", "科技园南区"]
        let kinds = EnterpriseTier.Kind.allCases
        for id in 1...count {
            let founded = g.maybe(Day(year: g.int(2010...2026), month: g.int(1...12), day: g.int(1...28))!)
            let e = Enterprise(id: id, creditCode: "", name: "企业\(id)", initials: "", address: addresses[g.int(0...3)],
                               industryCode: industries[g.int(0...6)], chain: chains[g.int(0...4)], foundedOn: founded,
                               servingUnitId: nil, visitingOfficial: "")
            var years: [EnterpriseYear] = []
            if g.chance(90) {
                let rev = Double(g.int(0...8000))
                years.append(EnterpriseYear(year: 2025, revenue: g.maybe(Double(g.int(0...8000)), missing: 15)))
                let employees = g.int(1...600)
                years.append(EnterpriseYear(year: 2026, revenue: g.maybe(rev), mainRevenue: g.maybe(Double(g.int(0...6000))),
                                            rdExpense: g.maybe(Double(g.int(0...400))), highTechRevenue: g.maybe(Double(g.int(0...Int(rev)))),
                                            tax: g.maybe(Double(g.int(0...300))), totalAssets: g.maybe(Double(g.int(100...9000))),
                                            employees: g.maybe(employees), rdStaff: g.maybe(g.int(0...employees)), aboveScale: g.chance(40),
                                            inventionPatents: g.maybe(g.int(0...4)), utilityPatents: g.maybe(g.int(0...8)), designPatents: g.maybe(g.int(0...3))))
            }
            var tiers: [EnterpriseTier] = []
            for k in kinds where g.chance(k == .listed ? 5 : 30) {
                tiers.append(EnterpriseTier(kind: k, certificate: "", grantedOn: Day(year: g.int(2021...2027), month: g.int(1...12), day: g.int(1...28))!))
            }
            r.firms.append((e, years, tiers))
        }
        return r
    }

    typealias Firm = (enterprise: Enterprise, years: [EnterpriseYear], tiers: [EnterpriseTier])

    /// The same conditions written as plain Swift over the registry records, with the three-valued rule spelled out:
    /// a firm counts only when the condition is certainly true.
    static func independentRules() -> [(String, (Firm) -> Bool)] {
        let end = Day.lastOfYear(2026)
        func cur(_ f: Firm) -> EnterpriseYear? { f.years.first { $0.year == 2026 } }
        func prev(_ f: Firm) -> EnterpriseYear? { f.years.first { $0.year == 2025 } }
        func holds(_ f: Firm, _ k: EnterpriseTier.Kind) -> Bool {
            f.tiers.contains { $0.kind == k && $0.grantedOn <= end && ($0.expiresOn.map { end <= $0 } ?? true) }
        }
        return [
            ("高企 且 研发费用占比 >= 3 且 (营业收入 >= 2000 或 发明专利 >= 1)", { f in
                guard holds(f, .hnte), let y = cur(f), let rev = y.revenue, let rd = y.rdExpense, rev > 0, rd * 100 >= 3 * rev else { return false }
                return rev >= 2000 || (y.inventionPatents ?? -1) >= 1
            }),
            ("资质 包含 \"科技型中小企业\" 且 非 规上", { f in holds(f, .techSME) && cur(f).map { !$0.aboveScale } == true }),
            ("行业 开头 \"C39\" 且 成立年限 >= 2", { f in
                f.enterprise.industryCode.hasPrefix("C39") && (f.enterprise.foundedOn.map { 2026 - $0.year >= 2 } ?? false)
            }),
            ("产业链 属于 [\"集成电路\", \"生物医药\"] 且 营收增长率 > 10", { f in
                guard ["集成电路", "生物医药"].contains(f.enterprise.chain), let r = cur(f)?.revenue, let p = prev(f)?.revenue, p > 0 else { return false }
                return (r - p) * 100 > 10 * p
            }),
            ("非 (营业收入 < 500 或 从业人数 > 300)", { f in
                guard let y = cur(f), let rev = y.revenue, let emp = y.employees else { return false }
                return rev >= 500 && emp <= 300
            }),
            ("专利总数 >= 5 或 小巨人 或 瞪羚", { f in
                let y = cur(f)
                let parts = [y?.inventionPatents, y?.utilityPatents, y?.designPatents].compactMap { $0 }
                return (!parts.isEmpty && parts.reduce(0, +) >= 5) || holds(f, .littleGiant) || holds(f, .gazelle)
            }),
            ("科技人员占比 >= 10 且 高新技术产品收入占比 >= 60", { f in
                guard let y = cur(f), let e = y.employees, let s = y.rdStaff, e > 0, let rev = y.revenue, let ht = y.highTechRevenue, rev > 0 else { return false }
                return s * 100 >= 10 * e && ht * 100 >= 60 * rev
            }),
            ("纳税 >= 100 且 地址 包含 \"科技园\"", { f in
                (cur(f)?.tax ?? -1) >= 100 && f.enterprise.address.contains("科技园")
            }),
            ("年度 = 2026 且 上市 = 否 且 资产总额 <= 5000 且 规上", { f in
                !holds(f, .listed) && (cur(f)?.totalAssets.map { $0 <= 5000 } ?? false) && cur(f)?.aboveScale == true
            }),
            ("非 高企 且 (研发费用 >= 200 或 主营业务收入 > 3000) 且 非 行业 属于 [\"F5191\", \"I6510\"]", { f in
                guard !holds(f, .hnte), !f.enterprise.industryCode.isEmpty, !["F5191", "I6510"].contains(f.enterprise.industryCode) else { return false }
                return (cur(f)?.rdExpense ?? -1) >= 200 || (cur(f)?.mainRevenue ?? -1) > 3000
            }),
        ]
    }

    func testMatchesAgreeWithAnIndependentEvaluation() throws {
        let registry = Self.registry(count: 500, seed: 20261126)
        let facts = registry.firms.map { FirmFacts(enterprise: $0.enterprise, years: $0.years, tiers: $0.tiers, year: 2026) }
        for (text, rule) in Self.independentRules() {
            let e = try ConditionEvaluator(parsing: text)
            let ours = Set(facts.filter(e.matches).map(\.enterpriseId))
            let theirs = Set(registry.firms.filter(rule).map(\.enterprise.id))
            XCTAssertEqual(ours, theirs, text)
            XCTAssertFalse(ours.isEmpty, "\(text): nobody qualifies, the test proves little")
            XCTAssertLessThan(ours.count, facts.count, "\(text): everybody qualifies, the test proves little")
            for f in facts { XCTAssertEqual(e.evaluate(f).qualifies, e.matches(f), "\(text), firm \(f.enterpriseId)") }
            // The printed form means the same.
            let again = try ConditionEvaluator(parsing: e.condition.description)
            XCTAssertEqual(Set(facts.filter(again.matches).map(\.enterpriseId)), ours, text)
        }
    }

    func testCatalogueNamesAreUniqueAndDescribed() {
        var seen: Set<String> = []
        for f in ConditionField.allCases {
            XCTAssertFalse(f.info.description.isEmpty)
            for n in [f.chineseName] + f.info.aliases {
                XCTAssertTrue(seen.insert(n).inserted, "\(n) names two fields")
                XCTAssertEqual(ConditionField.named(n), f)
                XCTAssertNoThrow(try ConditionParser.parse(f.type == .bool ? n : f.type == .textSet ? "\(n) 包含 \"上市企业\"" : f.type == .text ? "\(n) = \"x\"" : "\(n) >= 1"), n)
            }
        }
    }
}
