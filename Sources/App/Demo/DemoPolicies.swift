import Domain
import Foundation
import Persistence
import Vapor

/// The demo zone's policy system: three policy documents of the zone with eight clauses whose conditions select firms of the
/// demo registry (on last year's figures), a few claims at every step, and the press release that announced the first two.
enum DemoPolicies {
    static let documents: [(title: String, number: String, month: Int, clauses: [(String, String, PolicyClause.Kind, String, AmountRule, Double?)])] = [
        ("关于促进科技创新高质量发展的若干政策", "高新管发〔%d〕3号", 2, [
            ("第三条", "首次认定高新技术企业奖励", .award, "高企 且 成立年限 <= 8", .fixed(amount: 30), 900),
            ("第五条", "研发费用补助", .subsidy, "研发费用占比 >= 3 且 研发费用 >= 200", .percent(of: .rdExpense, rate: 10, cap: 100), 3000),
            ("第六条", "科技型中小企业入库奖励", .award, "科小 且 非 规上", .fixed(amount: 5), 300),
            ("第八条", "发明专利授权奖励", .award, "发明专利 >= 3 且 行业 开头 \"C\"", .fixed(amount: 10), 400),
        ]),
        ("关于支持重点产业链企业做大做强的若干措施", "高新管发〔%d〕7号", 4, [
            ("第二条", "产业链企业营收增长奖励", .award, "产业链 属于 [\"电子信息\", \"生物医药\"] 且 营收增长率 >= 15 且 营业收入 >= 5000", .fixed(amount: 50), 1000),
            ("第四条", "专精特新企业贷款贴息", .interestDiscount, "专精特新 或 小巨人", .fixed(amount: 20), 200),
        ]),
        ("关于进一步优化营商环境减轻企业负担的通知", "高新管发〔%d〕15号", 6, [
            ("第一条", "小微企业房租减免", .reduction, "从业人数 < 100 且 营业收入 < 3000", .fixed(amount: 3), 150),
            ("第三条", "规上工业企业纳税贡献奖励", .award, "规上 且 行业 开头 \"C\" 且 纳税 >= 500", .percent(of: .tax, rate: 2, cap: 50), nil),
        ]),
    ]

    static func load(_ app: Application, zone: Zone, system: Actor, today: Day) async throws {
        let store = app.store
        let year = today.year, dataYear = today.year - 1
        var policyIds: [Int] = []
        var clauseIds: [Int] = []
        for d in documents {
            let issued = Day(year: year, month: d.month, day: 15)!
            guard issued <= today else { continue }
            let id = try await store.createPolicy(Policy(id: 0, title: d.title, issuer: "示范高新区管委会", documentNumber: String(format: d.number, year), issuedOn: issued,
                                                         effectiveFrom: issued, effectiveTo: Day(year: year + 2, month: 12, day: 31), text: "（正文略）"), actor: system)
            policyIds.append(id)
            for c in d.clauses {
                clauseIds.append(try await store.createClause(PolicyClause(id: 0, policyId: id, number: c.0, title: c.1, kind: c.2, condition: c.3, amountRule: c.4,
                                                                           annualBudget: c.5, year: dataYear), actor: system))
            }
        }
        if policyIds.count >= 2 {
            _ = try await store.createPressRelease(PressRelease(id: 0, title: "\(year)年科技创新与产业发展政策新闻发布会", heldOn: Day(year: year, month: 4, day: 20)!,
                                                                place: "管委会一楼报告厅", policyIds: Array(policyIds.prefix(2)), summary: "发布科技创新十条和重点产业链八条，现场解读申报条件。"),
                                                   actor: system)
        }
        // Claims: the first clauses' qualifying firms, at every step.
        let records = try await store.enterpriseRecords(zoneId: zone.id)
        for (k, clauseId) in clauseIds.prefix(3).enumerated() {
            let c = try await store.clause(id: clauseId, zoneId: zone.id)
            guard let ev = try? ConditionEvaluator(parsing: c.condition) else { continue }
            let firms = records.filter { ev.matches(FirmFacts(enterprise: $0.enterprise, years: $0.years, tiers: $0.tiers.map(\.tier), year: c.year)) }.prefix(4)
            for (j, r) in firms.enumerated() {
                let facts = FirmFacts(enterprise: r.enterprise, years: r.years, tiers: r.tiers.map(\.tier), year: c.year)
                let amount = c.amountRule.amount(for: facts).amount ?? 5
                let applied = today.adding(days: -60 + k * 5 + j)
                let id = try await store.applyRedemption(clauseId: clauseId, enterpriseId: r.enterprise.id, requestedAmount: amount, appliedOn: applied, actor: system)
                switch j {
                case 0: break
                case 1:
                    _ = try await store.actOnRedemption(id: id, version: 1, action: .approve(amount: amount, on: applied.adding(days: 10)), actor: system)
                case 2:
                    _ = try await store.actOnRedemption(id: id, version: 1, action: .approve(amount: amount, on: applied.adding(days: 8)), actor: system)
                    _ = try await store.actOnRedemption(id: id, version: 2, action: .pay(amount: amount, on: applied.adding(days: 25)), actor: system)
                default:
                    _ = try await store.actOnRedemption(id: id, version: 1, action: .reject(reason: "申报材料中研发费用专项审计报告缺失", on: applied.adding(days: 7)), actor: system)
                }
            }
        }
    }
}
