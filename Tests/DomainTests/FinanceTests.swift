import Foundation
import Testing
@testable import Domain

private func day(_ iso: String) -> Day { Day(iso: iso)! }

private func message(_ body: () throws -> Void) -> ValidationError? {
    do { try body(); return nil } catch let e as ValidationError { return e } catch { return nil }
}

private let icbc = FinanceMatch(bank: "工商银行", product: "经营快贷")
private let ccb = FinanceMatch(bank: "建设银行", product: "善新贷")

private func need(_ status: FinancingStatus = .open, amount: Double = 100, filed: String = "2026-03-05", matched: String? = nil, matches: [FinanceMatch] = [],
                  granted: Double? = nil, grantedOn: String? = nil, declinedOn: String? = nil, urgency: FinancingUrgency = .normal, term: Int? = nil) -> FinancingNeed {
    FinancingNeed(id: 1, enterpriseId: 7, amountWan: amount, purpose: "采购原材料", urgency: urgency, termMonths: term, filedOn: day(filed), status: status,
                  matches: matches.isEmpty && status != .open ? [icbc] : matches, matchedOn: matched.map(day), grantedWan: granted, grantedOn: grantedOn.map(day),
                  declinedOn: declinedOn.map(day))
}

/// The legal moves, written out independently: (from, action) -> to.
private let legal: [FinancingStatus: [FinancingAction: FinancingStatus]] = [
    .open: [.match: .matched, .decline: .declined],
    .matched: [.match: .matched, .grant: .granted, .decline: .declined],
    .granted: [:], .declined: [:],
]

@Test func everyMoveOfAFinancingNeedIsLegalOnlyWhereTheTableSays() {
    let step = FinancingLifecycle.Step(matches: [ccb], amountWan: 80, day: day("2026-03-20"), bank: "建设银行", text: "企业撤回")
    for status in FinancingStatus.allCases {
        for action in FinancingAction.allCases {
            let result = try? FinancingLifecycle.apply(action, to: need(status), step: step, today: day("2026-03-25"))
            #expect(result?.status == legal[status]?[action], "\(status) \(action)")
            #expect(FinancingLifecycle.allowedActions(for: status).contains(action) == (legal[status]?[action] != nil))
        }
    }
}

@Test func matchingNeedsABankAndAProductAndAddsToTheList() throws {
    let open = need()
    #expect(message { _ = try FinancingLifecycle.apply(.match, to: open, step: .init(), today: day("2026-03-10")) }
            == ValidationError(field: "matches", "请至少填写一家对接银行及其金融产品"))
    #expect(message { _ = try FinancingLifecycle.apply(.match, to: open, step: .init(matches: [FinanceMatch(bank: "工商银行", product: " ")]), today: day("2026-03-10")) }?
            .message == "请填写工商银行对接的金融产品")
    let m = try FinancingLifecycle.apply(.match, to: open, step: .init(matches: [icbc, icbc]), today: day("2026-03-10"))
    #expect(m.status == .matched && m.matches == [icbc] && m.matchedOn == day("2026-03-10"))
    let more = try FinancingLifecycle.apply(.match, to: m, step: .init(matches: [icbc, ccb]), today: day("2026-03-12"))
    #expect(more.matches == [icbc, ccb] && more.matchedOn == day("2026-03-10"))
}

@Test func aLoanIsGrantedOnlyAfterAMatchWithASaneAmountAndDay() throws {
    let e = message { _ = try FinancingLifecycle.apply(.grant, to: need(), step: .init(amountWan: 50), today: day("2026-03-25")) }
    #expect(e?.message == "融资需求尚未对接银行，请先登记银企对接再登记放款")
    let matched = need(.matched, matched: "2026-03-10")
    #expect(message { _ = try FinancingLifecycle.apply(.grant, to: matched, step: .init(amountWan: 0), today: day("2026-03-25")) }?.field == "amountWan")
    #expect(message { _ = try FinancingLifecycle.apply(.grant, to: matched, step: .init(amountWan: 200.01), today: day("2026-03-25")) }?.message
            == "放款金额200.01万元超过需求金额100万元的2倍，请核对单位是否为万元")
    #expect(message { _ = try FinancingLifecycle.apply(.grant, to: matched, step: .init(amountWan: 80, day: day("2026-03-04")), today: day("2026-03-25")) }?.field == "day")
    #expect(message { _ = try FinancingLifecycle.apply(.grant, to: matched, step: .init(amountWan: 80, day: day("2026-03-26")), today: day("2026-03-25")) }?.field == "day")
    // Exactly twice the need is accepted; the only matched bank is the lender unless another is named.
    let g = try FinancingLifecycle.apply(.grant, to: matched, step: .init(amountWan: 200, day: day("2026-03-05")), today: day("2026-03-25"))
    #expect(g.status == .granted && g.grantedWan == 200 && g.grantedOn == day("2026-03-05") && g.grantedBank == "工商银行" && g.decidedOn == day("2026-03-05"))
    let two = need(.matched, matched: "2026-03-10", matches: [icbc, ccb])
    #expect(message { _ = try FinancingLifecycle.apply(.grant, to: two, step: .init(amountWan: 80), today: day("2026-03-25")) }?.field == "bank")
    #expect(try FinancingLifecycle.apply(.grant, to: two, step: .init(amountWan: 80, bank: "建设银行"), today: day("2026-03-25")).grantedOn == day("2026-03-25"))
}

@Test func aDeclineNeedsAReason() throws {
    #expect(message { _ = try FinancingLifecycle.apply(.decline, to: need(), step: .init(text: " "), today: day("2026-03-25")) }?.field == "text")
    let d = try FinancingLifecycle.apply(.decline, to: need(), step: .init(text: "企业资金已自筹"), today: day("2026-03-25"))
    #expect(d.status == .declined && d.declinedOn == day("2026-03-25") && d.decidedOn == day("2026-03-25") && d.declineReason == "企业资金已自筹")
}

@Test func aNeedAndAMeasureAreValidated() {
    #expect(message { _ = try need(amount: 0).validated(today: day("2026-03-25")) } == ValidationError(field: "amountWan", "融资金额须大于0（万元）"))
    var blank = need(); blank.purpose = " "
    #expect(message { _ = try blank.validated(today: day("2026-03-25")) }?.field == "purpose")
    #expect(message { _ = try need(term: 0).validated(today: day("2026-03-25")) }?.field == "termMonths")
    #expect(message { _ = try need().validated(today: day("2026-03-04")) }?.field == "filedOn")
    let m = ReliefMeasure(id: 1, kind: .deferredPrincipal, enterpriseId: 7, amountWan: 0, day: day("2026-03-15"))
    #expect(message { _ = try m.validated(today: day("2026-03-25")) } == ValidationError(field: "amountWan", "延期本金须大于0（万元）"))
}

@Test func monthlyFiguresPlaceEachEventInItsOwnMonth() {
    let needs = [
        need(.granted, amount: 100, filed: "2026-03-05", matched: "2026-03-10", granted: 120, grantedOn: "2026-04-02"),   // N1
        need(.declined, amount: 200, filed: "2026-03-20", matched: "2026-04-01", declinedOn: "2026-04-15"),                // N2
        need(.granted, amount: 50, filed: "2026-04-03", matched: "2026-04-08", granted: 30, grantedOn: "2026-04-20"),      // N3
        need(.open, amount: 80, filed: "2026-04-28"),                                                                        // N4
        need(.granted, amount: 60, filed: "2025-12-20", matched: "2026-01-05", granted: 60, grantedOn: "2026-01-10"),      // N5
    ]
    let measures = [
        ReliefMeasure(id: 1, kind: .deferredPrincipal, enterpriseId: 7, amountWan: 500, day: day("2026-03-15")),
        ReliefMeasure(id: 2, kind: .interestSubsidy, enterpriseId: 7, amountWan: 12.5, day: day("2026-04-10")),
        ReliefMeasure(id: 3, kind: .rateCut, enterpriseId: 8, amountWan: 300, day: day("2026-04-30")),
        ReliefMeasure(id: 4, kind: .rateCut, enterpriseId: 8, amountWan: 999, day: day("2025-12-01")),
    ]
    let months = FinanceStatistics.monthly(needs: needs, measures: measures, year: 2026)
    #expect(months.count == 12 && months.map { $0.month } == Array(1...12).map { Optional($0) })
    let jan = months[0], feb = months[1], mar = months[2], apr = months[3]
    #expect(jan.filed == 0 && jan.matched == 1 && jan.granted == 1 && jan.grantedWan == 60 && jan.satisfactionRate == 1)
    #expect(feb == FinanceFigures(year: 2026, month: 2) && feb.satisfactionRate == nil)
    #expect(mar.filed == 2 && mar.askedWan == 300 && mar.matched == 1 && mar.granted == 0 && mar.satisfactionRate == nil)
    #expect(mar.measures == 1 && mar.measureWan == 500 && mar.measuresByKind[.deferredPrincipal] == 1)
    // April: N3 and N4 filed (130); N2 and N3 matched; N1 (120 of 100, counted as 100) and N3 (30 of 50) granted, N2 declined:
    // 满足率 = (100 + 30) ÷ (100 + 200 + 50).
    #expect(apr.filed == 2 && apr.askedWan == 130 && apr.matched == 2 && apr.granted == 2 && apr.grantedWan == 150 && apr.declined == 1)
    #expect(apr.decidedAskedWan == 350 && apr.satisfiedWan == 130 && apr.satisfactionRate == 130.0 / 350.0)
    #expect(apr.measures == 2 && apr.measureWan == 312.5 && apr.measureWanByKind[.interestSubsidy] == 12.5 && apr.label == "2026年4月")
    let year = FinanceStatistics.year(needs: needs, measures: measures, year: 2026)
    #expect(year.filed == 4 && year.askedWan == 430 && year.matched == 4 && year.granted == 3 && year.grantedWan == 210 && year.declined == 1)
    #expect(year.satisfactionRate == 190.0 / 410.0 && year.measures == 3 && year.measureWan == 812.5 && year.label == "2026年")
}

@Test func productsAreFilteredAndRankedByFitWithReasons() {
    let n = need(amount: 500, urgency: .critical, term: 12)
    let products = [
        BankProduct(id: 1, bank: "甲银行", name: "科创贷", maxAmountWan: 1000, maxTermMonths: 36, tiers: [.hnte, .techSME], approvalWorkdays: 5, annualRatePercent: 3.5),
        BankProduct(id: 2, bank: "乙银行", name: "普惠贷", minAmountWan: 10, maxAmountWan: 300, maxTermMonths: 12, approvalWorkdays: 3, annualRatePercent: 3.8),
        BankProduct(id: 3, bank: "丙银行", name: "大额贷", minAmountWan: 1000, maxAmountWan: 5000, maxTermMonths: 60),
        BankProduct(id: 4, bank: "丁银行", name: "短贷", maxAmountWan: 1000, maxTermMonths: 6),
        BankProduct(id: 5, bank: "戊银行", name: "常规贷", maxAmountWan: 1000, maxTermMonths: 36, urgencies: [.normal]),
        BankProduct(id: 6, bank: "己银行", name: "专精贷", maxAmountWan: 1000, maxTermMonths: 36, tiers: [.srdi]),
        BankProduct(id: 7, bank: "庚银行", name: "流贷", maxAmountWan: 500, maxTermMonths: 24, annualRatePercent: 4.0),
        BankProduct(id: 8, bank: "辛银行", name: "快贷", maxAmountWan: 800, maxTermMonths: 12, approvalWorkdays: 15, annualRatePercent: 3.0),
        BankProduct(id: 9, bank: "壬银行", name: "流贷二号", maxAmountWan: 600, maxTermMonths: 12, annualRatePercent: 3.9),
    ]
    let c = ProductMatch.candidates(for: n, products: products, firmTiers: [.hnte])
    #expect(c.map(\.product.id) == [1, 9, 7, 8, 2])
    #expect(c.map(\.score) == [100, 70, 70, 60, 56])
    #expect(c[0].reasons == ["额度0—1000万元，可全额满足500万元需求", "专属产品：面向高新技术企业", "审批约5个工作日，满足“特急”需求（5个工作日内）", "年利率3.5%"])
    #expect(c[4].coverage == 0.6 && c[4].reasons.first == "最高额度300万元，可满足需求的60%")
    #expect(c[3].reasons[1] == "审批约15个工作日，慢于“特急”需求的5个工作日")
    #expect(ProductMatch.evaluate(n, products[2]).reasons == ["需求500万元低于产品最低额度1000万元"])
    #expect(ProductMatch.evaluate(n, products[3]).reasons == ["期望期限12个月超过产品最长期限6个月"])
    #expect(ProductMatch.evaluate(n, products[4]).reasons == ["产品不受理“特急”需求（仅限一般）"])
    #expect(ProductMatch.evaluate(n, products[5], firmTiers: [.hnte]).reasons == ["产品仅面向专精特新中小企业"])
    #expect(message { _ = try BankProduct(id: 1, bank: "甲银行", name: "贷", minAmountWan: 100, maxAmountWan: 50, maxTermMonths: 12).validated() }?.field == "maxAmountWan")
    #expect(message { _ = try BankProduct(id: 1, bank: " ", name: "贷", maxAmountWan: 50, maxTermMonths: 12).validated() }?.field == "bank")
}
