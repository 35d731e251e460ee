import Foundation
import XCTest
@testable import Domain

private func day(_ s: String) -> Day { Day(iso: s)! }

private func message(_ body: () throws -> Void) -> String? {
    do { try body(); return nil }
    catch let e as ValidationError { return "\(e.field): \(e.message)" }
    catch { return "unexpected \(error)" }
}

private func facts(rd: Double? = 800, tax: Double? = nil) -> FirmFacts {
    FirmFacts(enterprise: Enterprise(id: 7, creditCode: "", name: "企业", initials: "", address: "", industryCode: "C3911", chain: "",
                                     foundedOn: nil, servingUnitId: nil, visitingOfficial: ""),
              years: [EnterpriseYear(year: 2026, revenue: 10_000, rdExpense: rd, tax: tax)], tiers: [], year: 2026)
}

final class PolicyTests: XCTestCase {
    // MARK: Policy

    private let policy = Policy(id: 1, title: "关于支持科技创新的若干政策措施", issuer: "高新区管委会", documentNumber: "高新管发〔2026〕12号",
                                issuedOn: day("2026-03-15"), effectiveFrom: day("2026-01-01"), effectiveTo: day("2028-12-31"))

    func testPolicyValidates() {
        XCTAssertNil(message { try policy.validate() }, "a policy may take effect before it is issued")
        var p = policy
        p.documentNumber = ""
        XCTAssertNil(message { try p.validate() }, "a document without 文号")
        XCTAssertTrue(policy.isEffective(on: day("2027-06-01")))
        XCTAssertFalse(policy.isEffective(on: day("2029-01-01")))
    }

    func testPolicyRefusals() {
        func check(_ change: (inout Policy) -> Void) -> String? {
            var p = policy
            change(&p)
            return message { try p.validate() }
        }
        XCTAssertEqual(check { $0.title = "  " }, "title: 请填写政策标题")
        XCTAssertEqual(check { $0.title = String(repeating: "政", count: 201) }, "title: 政策标题不能超过200个字符")
        XCTAssertEqual(check { $0.issuer = "" }, "issuer: 请填写发文单位")
        XCTAssertEqual(check { $0.documentNumber = "高新管发2026年12号" }, "documentNumber: 文号格式应如 高新管发〔2026〕12号")
        XCTAssertEqual(check { $0.documentNumber = "高新管发〔2025〕12号" }, "documentNumber: 文号年份（2025）与发文日期（2026-03-15）不一致")
        XCTAssertEqual(check { $0.effectiveTo = day("2025-12-31") }, "effectiveTo: 失效日期（2025-12-31）不能早于生效日期（2026-01-01）")
    }

    func testDocumentNumberBracketsAreNormalised() {
        XCTAssertEqual(Policy.normalizedDocumentNumber("高新管发[2026]12号"), "高新管发〔2026〕12号")
        XCTAssertEqual(Policy.normalizedDocumentNumber(" 高新管发（2026） 12号"), "高新管发〔2026〕12号")
        XCTAssertEqual(Policy.normalizedDocumentNumber("高新管发【2026】3号"), "高新管发〔2026〕3号")
    }

    // MARK: Clauses and amounts

    private let clause = PolicyClause(id: 3, policyId: 1, number: "第三条", title: "研发投入奖励", kind: .award,
                                      condition: "高企 且 研发费用占比>=3", amountRule: .percent(of: .rdExpense, rate: 10, cap: 50),
                                      annualBudget: 500, year: 2026)

    func testClauseValidatesAndNormalisesItsCondition() throws {
        let parsed = try clause.validate()
        XCTAssertEqual(parsed.comparisons.map(\.field), [.hnte, .rdRatio])
        XCTAssertEqual(try clause.normalized().condition, "高企 且 研发费用占比 >= 3")
        XCTAssertEqual(PolicyClause.Kind.allCases.map(\.chineseName), ["奖励", "补助", "贴息", "减免"])
    }

    func testClauseRefusals() {
        func check(_ change: (inout PolicyClause) -> Void) -> String? {
            var c = clause
            change(&c)
            return message { try c.validate() }
        }
        XCTAssertEqual(check { $0.condition = "研发占比 >= 3" }, "condition: 第1个字符：未知字段“研发占比”，是否指“研发费用占比”？")
        XCTAssertEqual(check { $0.condition = "" }, "condition: 条件不能为空")
        XCTAssertEqual(check { $0.title = "" }, "title: 请填写条款名称")
        XCTAssertEqual(check { $0.annualBudget = 0 }, "annualBudget: 年度预算须为大于0的数（万元）")
        XCTAssertEqual(check { $0.amountRule = .percent(of: .rdExpense, rate: 0, cap: nil) }, "amount: 比例须大于0且不超过100%")
        XCTAssertEqual(check { $0.amountRule = .percent(of: .rdExpense, rate: 120, cap: nil) }, "amount: 比例须大于0且不超过100%")
        XCTAssertEqual(check { $0.amountRule = .percent(of: .rdExpense, rate: 10, cap: 0) }, "amount: 封顶金额须大于0（万元）")
        XCTAssertEqual(check { $0.amountRule = .fixed(amount: -5) }, "amount: 定额须为大于0的数（万元）")
        XCTAssertEqual(check { $0.amountRule = .fixed(amount: .nan) }, "amount: 定额须为大于0的数（万元）")
        XCTAssertTrue(check { $0.amountRule = .percent(of: .inventionPatents, rate: 10, cap: nil) }?
            .hasPrefix("amount: “发明专利”不是金额（万元）字段，不能按比例计算；可用：营业收入、主营业务收入、研发费用") == true)
        XCTAssertTrue(check { $0.amountRule = .percent(of: .hnte, rate: 10, cap: nil) }?.hasPrefix("amount: “高企”不是金额") == true)
        XCTAssertEqual(check { $0.year = 1999 }, "year: 年度须在2000至2100之间")
    }

    func testAmountRules() {
        let capped = AmountRule.percent(of: .rdExpense, rate: 10, cap: 50).amount(for: facts())
        XCTAssertEqual(capped.amount, 50)
        XCTAssertEqual(capped.explanation, "研发费用 800万元 × 10% = 80万元，封顶 50万元 → 50万元")
        let under = AmountRule.percent(of: .rdExpense, rate: 10, cap: 50).amount(for: facts(rd: 300))
        XCTAssertEqual(under.amount, 30)
        XCTAssertEqual(under.explanation, "研发费用 300万元 × 10% = 30万元")
        let noCap = AmountRule.percent(of: .tax, rate: 2.5, cap: nil).amount(for: facts(tax: 124))
        XCTAssertEqual(noCap.amount!, 3.1, accuracy: 1e-9)
        XCTAssertEqual(noCap.explanation, "纳税 124万元 × 2.5% = 3.1万元")
        let missing = AmountRule.percent(of: .rdExpense, rate: 10, cap: 50).amount(for: facts(rd: nil))
        XCTAssertNil(missing.amount)
        XCTAssertEqual(missing.explanation, "研发费用：缺少数据，无法计算")
        XCTAssertEqual(AmountRule.fixed(amount: 20).amount(for: facts()), AmountRule.Result(amount: 20, explanation: "定额 20万元"))
        XCTAssertEqual(AmountRule.percent(of: .rdExpense, rate: 10, cap: 50).description, "研发费用 × 10%，封顶 50万元")
    }

    func testAmountRuleAndFieldCoding() throws {
        let rule = AmountRule.percent(of: .rdExpense, rate: 10, cap: 50)
        let data = try JSONEncoder().encode(rule)
        XCTAssertTrue(String(decoding: data, as: UTF8.self).contains("研发费用"), "fields are stored by their Chinese name")
        XCTAssertEqual(try JSONDecoder().decode(AmountRule.self, from: data), rule)
        XCTAssertEqual(try JSONDecoder().decode(ConditionField.self, from: Data("\"研发投入\"".utf8)), .rdExpense, "aliases decode too")
    }

    // MARK: Redemptions

    private func applied(id: Int = 1, clauseId: Int = 3) throws -> Redemption {
        try Redemption(id: id, clauseId: clauseId, enterpriseId: 7, appliedOn: day("2026-04-01"), requestedAmount: 60)
    }
    private let open = ClauseBudget(budget: nil, committed: 0)

    func testLegalTransitions() throws {
        var r = try applied()
        XCTAssertEqual(r.status, .applied)
        try r.approve(amount: 50, on: day("2026-05-10"), budget: open)
        XCTAssertEqual(r.status, .approved)
        XCTAssertEqual(r.approvedAmount, 50)
        XCTAssertEqual(r.committed, 50)
        try r.pay(amount: 45, on: day("2026-06-01"))
        XCTAssertEqual(r.status, .paid)
        XCTAssertEqual(r.paidAmount, 45)
        XCTAssertEqual(r.paidOn, day("2026-06-01"))
        XCTAssertEqual(r.committed, 45, "once paid, what was paid is what the budget spent")

        var s = try applied()
        try s.perform(.reject(reason: "  研发费用未经审计  ", on: day("2026-05-10")), budget: open)
        XCTAssertEqual(s.status, .rejected)
        XCTAssertEqual(s.rejectionReason, "研发费用未经审计")
        XCTAssertEqual(s.committed, 0)
        XCTAssertEqual(Redemption.Status.allCases.map(\.chineseName), ["申报", "审核通过", "驳回", "已兑现"])
    }

    func testIllegalTransitions() throws {
        let a = try applied()
        var approved = a; try approved.approve(amount: 50, on: day("2026-05-10"), budget: open)
        var rejected = a; try rejected.reject(reason: "不符合条件", on: day("2026-05-10"))
        var paid = approved; try paid.pay(amount: 50, on: day("2026-06-01"))
        func attempt(_ r: Redemption, _ action: Redemption.Action) -> String? {
            var r = r
            return message { try r.perform(action, budget: open) }
        }
        let approve = Redemption.Action.approve(amount: 10, on: day("2026-07-01"))
        let reject = Redemption.Action.reject(reason: "理由", on: day("2026-07-01"))
        let pay = Redemption.Action.pay(amount: 10, on: day("2026-07-01"))
        XCTAssertEqual(attempt(a, pay), "action: 该申报尚未审核通过，不能兑现")
        XCTAssertEqual(attempt(approved, approve), "action: 该申报已审核通过，不能重复审核")
        XCTAssertEqual(attempt(approved, reject), "action: 该申报已审核通过，不能驳回")
        XCTAssertEqual(attempt(rejected, approve), "action: 该申报已被驳回，不能审核通过（如有新材料请重新申报）")
        XCTAssertEqual(attempt(rejected, pay), "action: 该申报已被驳回，不能兑现（如有新材料请重新申报）")
        XCTAssertEqual(attempt(paid, pay), "action: 该申报已兑现，不能兑现")
        XCTAssertEqual(attempt(paid, approve), "action: 该申报已兑现，不能审核通过")
        XCTAssertEqual(attempt(paid, reject), "action: 该申报已兑现，不能驳回")
    }

    func testRedemptionAmountsReasonsAndDates() throws {
        XCTAssertEqual(message { _ = try Redemption(id: 1, clauseId: 3, enterpriseId: 7, appliedOn: day("2026-04-01"), requestedAmount: 0) },
                       "amount: 金额须为大于0的数（万元）")
        var r = try applied()
        XCTAssertEqual(message { try r.approve(amount: .infinity, on: day("2026-05-10"), budget: open) }, "amount: 金额须为大于0的数（万元）")
        XCTAssertEqual(message { try r.approve(amount: 10, on: day("2026-03-31"), budget: open) }, "date: 审核日期（2026-03-31）不能早于申报日期（2026-04-01）")
        XCTAssertEqual(message { try r.reject(reason: " ", on: day("2026-05-10")) }, "reason: 驳回须填写理由")
        XCTAssertEqual(r.status, .applied, "a refused action changes nothing")
        try r.approve(amount: 50, on: day("2026-05-10"), budget: open)
        XCTAssertEqual(message { try r.pay(amount: 50.5, on: day("2026-06-01")) }, "amount: 兑现金额（50.5万元）不能超过审核通过金额（50万元）")
        XCTAssertEqual(message { try r.pay(amount: 50, on: day("2026-05-09")) }, "date: 兑现日期（2026-05-09）不能早于审核日期（2026-05-10）")
        XCTAssertEqual(message { try r.pay(amount: -1, on: day("2026-06-01")) }, "amount: 金额须为大于0的数（万元）")
    }

    func testBudgetOverflow() throws {
        var others: [Redemption] = []
        for (i, amount) in [200.0, 150, 70].enumerated() {
            var o = try applied(id: 10 + i)
            try o.approve(amount: amount, on: day("2026-05-01"), budget: open)
            others.append(o)
        }
        try others[2].pay(amount: 70, on: day("2026-06-01"))
        var rejected = try applied(id: 20); try rejected.reject(reason: "不符合", on: day("2026-05-01"))
        var otherClause = try applied(id: 21, clauseId: 4); try otherClause.approve(amount: 300, on: day("2026-05-01"), budget: open)
        var pending = try applied(id: 30)
        let all = others + [rejected, otherClause, pending]

        let budget = ClauseBudget(clause: clause, redemptions: all, excluding: pending.id)
        XCTAssertEqual(budget.committed, 420, "approved and paid claims of this clause; not rejected ones, not other clauses'")
        XCTAssertEqual(budget.remaining, 80)
        XCTAssertEqual(message { try pending.approve(amount: 100, on: day("2026-05-10"), budget: budget) },
                       "amount: 超出预算：本条款预算500万元，已审核通过420万元，剩余80万元")
        XCTAssertEqual(pending.status, .applied)
        try pending.approve(amount: 80, on: day("2026-05-10"), budget: budget)
        XCTAssertEqual(pending.status, .approved)
        // The clause is now exhausted for the next one.
        var next = try applied(id: 31)
        let after = ClauseBudget(clause: clause, redemptions: all.filter { $0.id != 30 } + [pending, next], excluding: next.id)
        XCTAssertEqual(message { try next.approve(amount: 1, on: day("2026-05-11"), budget: after) },
                       "amount: 超出预算：本条款预算500万元，已审核通过500万元，剩余0万元")
    }

    // MARK: Press releases

    func testPressRelease() {
        let p = PressRelease(id: 1, title: "2026年科技创新政策新闻发布会", heldOn: day("2026-03-20"), place: "管委会一楼报告厅", policyIds: [1, 2],
                             summary: "发布研发投入奖励等政策。")
        XCTAssertNil(message { try p.validate() })
        var none = p; none.policyIds = []
        XCTAssertEqual(message { try none.validate() }, "policyIds: 请至少选择一项发布的政策")
        var twice = p; twice.policyIds = [1, 1]
        XCTAssertEqual(message { try twice.validate() }, "policyIds: 同一政策选择了多次")
        var untitled = p; untitled.title = ""
        XCTAssertEqual(message { try untitled.validate() }, "title: 请填写发布会名称")
        var nowhere = p; nowhere.place = " "
        XCTAssertEqual(message { try nowhere.validate() }, "place: 请填写发布会地点")
    }
}
