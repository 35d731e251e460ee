import Domain
import Foundation
import Persistence
import Vapor

/// The demo zone's 金融助企纾困: five bank products in the library, 25 financing needs of registry firms filed from January
/// to today at every step (open, matched, granted, declined with and without a match), and 15 relief measures of every kind.
/// Each step is taken through the store on the day it happened, so the month figures spread over the year.
enum DemoFinance {
    static let products: [BankProduct] = [
        BankProduct(id: 0, bank: "工商银行高新支行", name: "科技贷", minAmountWan: 50, maxAmountWan: 1000, maxTermMonths: 36,
                    tiers: [.techSME, .hnte], approvalWorkdays: 10, annualRatePercent: 3.45),
        BankProduct(id: 0, bank: "建设银行高新支行", name: "人才贷", minAmountWan: 10, maxAmountWan: 500, maxTermMonths: 36, approvalWorkdays: 7, annualRatePercent: 3.6),
        BankProduct(id: 0, bank: "中国银行高新支行", name: "知识产权质押贷", minAmountWan: 100, maxAmountWan: 3000, maxTermMonths: 60,
                    tiers: [.hnte, .srdi, .littleGiant], approvalWorkdays: 15, annualRatePercent: 3.3),
        BankProduct(id: 0, bank: "农业银行高新支行", name: "应急转贷", minAmountWan: 10, maxAmountWan: 2000, maxTermMonths: 12,
                    urgencies: [.urgent, .critical], approvalWorkdays: 3, annualRatePercent: 4.35),
        BankProduct(id: 0, bank: "交通银行高新支行", name: "政采贷", minAmountWan: 20, maxAmountWan: 1000, maxTermMonths: 12, approvalWorkdays: 5, annualRatePercent: 3.8),
    ]
    static let purposes = ["采购原材料，保障二季度订单交付", "新产线设备购置", "研发投入及研发人员薪酬", "订单备货流动资金", "厂房装修及设备安装调试",
                           "到期贷款续接（转贷）", "政府采购合同履约资金", "扩大产能，新建洁净车间", "支付供应商货款，缓解应收账款回款压力"]
    static let amounts: [Double] = [300, 800, 150, 1200, 500, 60, 2000, 450, 100, 900, 250, 1500, 80, 600, 350, 700, 200, 1000, 120, 400, 3000, 50, 550, 180, 260]
    static let declineReasons = ["企业已通过股东借款解决，主动撤回需求", "银行审批未通过：企业资产负债率偏高，缺少有效抵押", "企业取得股权融资，不再需要贷款",
                                 "银行审批未通过：近两年连续亏损", "企业经营地址迁出本区，撤回需求", "担保公司未能提供担保"]
    static let fallback = FinanceMatch(bank: "招商银行高新支行", product: "流动资金贷款")

    static func load(_ app: Application, zone: Zone, system: Actor, today: Day) async throws {
        let store = app.store
        for p in products { _ = try await store.createBankProduct(p, actor: system) }
        let library = try await store.bankProducts(zoneId: zone.id)
        let records = try await store.enterpriseRecords(zoneId: zone.id)
        guard !records.isEmpty else { return }
        var rng = SeededRandom(seed: 4_242)
        let start = Day.firstOfYear(today.year)
        let span = max(0, start.days(to: today))
        let count = 25
        for k in 0..<count {
            // Every fourth firm of the registry, so the needs belong to different firms and chains.
            let record = records[(k * 4 + 1) % records.count]
            let tiers = record.tiers.map(\.tier).filter { $0.isValid(on: today) }.map(\.kind)
            let filed = start.adding(days: span * k / count)
            let urgency: FinancingUrgency = k % 5 == 1 ? .critical : (k % 3 == 0 ? .urgent : .normal)
            let draft = FinancingNeed(id: 0, enterpriseId: record.enterprise.id, amountWan: amounts[k % amounts.count], purpose: purposes[k % purposes.count],
                                      urgency: urgency, termMonths: [12, 24, 36, nil, 6][k % 5], filedOn: filed)
            var need = try await store.fileFinancingNeed(draft, actor: system, today: filed)
            // The newest four are still waiting; older ones went on as the step plan says.
            let plan: String
            switch k {
            case 21...: plan = "open"
            case 18...20, 3: plan = "matched"
            case _ where k % 6 == 2: plan = "withdrawn"
            case _ where k % 6 == 5: plan = "declined"
            default: plan = "granted"
            }
            if plan == "open" { continue }
            if plan == "withdrawn" {
                let day = min(today, filed.adding(days: 6 + rng.next(0...8)))
                _ = try await store.actOnFinancingNeed(id: need.id, version: need.version, action: .decline,
                                                       step: .init(text: declineReasons[(k / 6) % 2 == 0 ? 0 : 2]), actor: system, today: day)
                continue
            }
            let candidates = ProductMatch.candidates(for: need, products: library, firmTiers: tiers)
            var matches = candidates.prefix(k % 2 == 0 ? 2 : 1).map { FinanceMatch(bank: $0.product.bank, product: $0.product.name) }
            if matches.isEmpty { matches = [fallback] }
            let matchedOn = min(today, filed.adding(days: 3 + rng.next(0...9)))
            need = try await store.actOnFinancingNeed(id: need.id, version: need.version, action: .match, step: .init(matches: matches), actor: system, today: matchedOn)
            switch plan {
            case "granted":
                let day = min(today, matchedOn.adding(days: 7 + rng.next(0...20)))
                // Mostly what was asked or a little less; now and then more (a bigger credit line) or much less.
                let share = [1.0, 1.0, 0.8, 1.0, 0.6, 1.2][k % 6]
                let amount = (need.amountWan * share).rounded()
                _ = try await store.actOnFinancingNeed(id: need.id, version: need.version, action: .grant,
                                                       step: .init(amountWan: amount, day: day, bank: matches[0].bank), actor: system, today: day)
            case "declined":
                let day = min(today, matchedOn.adding(days: 10 + rng.next(0...15)))
                _ = try await store.actOnFinancingNeed(id: need.id, version: need.version, action: .decline,
                                                       step: .init(text: declineReasons[[1, 3, 5][(k / 6) % 3]]), actor: system, today: day)
            default:
                break
            }
        }

        // Relief measures: every kind, spread over the year to today.
        let institutions: [ReliefKind: [String]] = [
            .deferredPrincipal: ["工商银行高新支行", "建设银行高新支行"], .renewalWithoutRepayment: ["农业银行高新支行", "中国银行高新支行"],
            .rateCut: ["交通银行高新支行", "工商银行高新支行"], .guaranteeFeeWaiver: ["高新区融资担保有限公司"], .interestSubsidy: ["管委会财政金融局"],
        ]
        let notes: [ReliefKind: String] = [
            .deferredPrincipal: "受订单下滑影响，到期本金延后6个月偿还", .renewalWithoutRepayment: "流动资金贷款到期无需还本直接续贷",
            .rateCut: "贷款利率下调50个基点", .guaranteeFeeWaiver: "担保费率由1.5%降至0.5%，差额减免", .interestSubsidy: "按贷款市场报价利率的50%给予贴息",
        ]
        let reliefAmounts: [Double] = [500, 1200, 800, 12, 35, 300, 2000, 600, 8, 20, 450, 900, 1500, 15, 28]
        for k in 0..<15 {
            let kind = ReliefKind.allCases[k % ReliefKind.allCases.count]
            let record = records[(k * 7 + 3) % records.count]
            let day = start.adding(days: span * (k * 2 + 1) / 30)
            let inst = institutions[kind] ?? []
            _ = try await store.recordReliefMeasure(ReliefMeasure(id: 0, kind: kind, enterpriseId: record.enterprise.id, amountWan: reliefAmounts[k],
                                                                  day: day, institution: inst.isEmpty ? "" : inst[k % inst.count], note: notes[kind] ?? ""),
                                                    actor: system, today: today)
        }
    }
}
