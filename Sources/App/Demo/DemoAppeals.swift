import Domain
import Foundation
import Persistence
import Vapor

/// The demo zone's enterprise appeals: sixty over the last five months, in every category and channel, walked through
/// the loop on the days they happened (some on time, some late, a few sent back, some still overdue), the demo
/// enterprise account linked to a registry firm with appeals of its own, and the orders the overdue ones raise.
enum DemoAppeals {
    static let topics: [(AppealCategory, String, String)] = [
        (.land, "扩建项目缺少用地指标", "二期厂房扩建已完成备案，但用地指标迟迟未落实，影响开工。"),
        (.finance, "流动资金贷款续贷困难", "原贷款到期，银行要求追加抵押，企业希望对接政策性担保。"),
        (.talent, "研发人员子女入学", "新引进的三名博士子女入学需要协调学位。"),
        (.approval, "消防验收排期过长", "新建洁净车间消防验收排队已超过一个月。"),
        (.utilities, "双回路供电接入", "生产线需要双回路供电，申请加快电力接入。"),
        (.policy, "研发费用补助未兑现", "去年申报的研发费用补助至今未到账。"),
        (.market, "首台套产品推广应用", "希望在区内重点项目中推广首台套装备。"),
        (.other, "园区道路照明不足", "企业周边道路夜间照明不足，员工下班不便。"),
    ]

    static func load(_ app: Application, zone: Zone, system: Actor, units: [String: Int], today: Day, calendar: WorkCalendar) async throws {
        let store = app.store
        let firms = Array(try await store.enterpriseRecords(zoneId: zone.id).map(\.enterprise).prefix(30))
        guard !firms.isEmpty else { return }
        // The demo enterprise account speaks for the first firm.
        if let account = try await store.users(zoneId: zone.id).first(where: { $0.username == "enterprise" }) {
            try await store.linkEnterpriseAccount(userId: account.id, enterpriseId: firms[0].id, actor: system)
        }
        // Each category goes to the unit that owns the matter; 企业服务中心 follows every one as co-unit.
        let leadFor: [AppealCategory: [String]] = [
            .land: ["自然资源分局", "规划建设局"], .finance: ["财政金融局"], .talent: ["人力资源和社会保障局"], .approval: ["行政审批服务局", "消防救援大队"],
            .utilities: ["规划建设局", "兴科街道办事处"], .policy: ["科技创新局", "经济发展局"], .market: ["投资促进局", "经济发展局"],
            .other: ["综合行政执法局", "汇智街道办事处", "临湾街道办事处"],
        ]
        let fallback = units.values.sorted()
        let helper = units["企业服务中心"]
        var rng = SeededRandom(seed: 12345)
        for k in 0..<60 {
            let firm = k % 5 == 0 ? firms[0] : firms[k % firms.count]
            let topic = topics[k % topics.count]
            let received = calendar.workday(onOrBefore: today.adding(days: -(2 + (k * 150) / 60)))
            let channels: [AppealChannel] = [.account, .visit, .hotline, .forum, .mailbox, .publicForm]
            let channel = k % 5 == 0 ? .account : channels[k % channels.count]
            let draft = AppealDraft(firmName: firm.name, creditCode: firm.creditCode, contactName: ["李经理", "王总", "陈主任", "赵工"][k % 4],
                                    contactPhone: "1380571\(String(format: "%04d", 1000 + k))", category: topic.0, channel: channel, title: topic.1, description: topic.2)
            var a = try await store.fileAppeal(draft, enterpriseId: firm.id, files: [], trackingCode: "DEMO\(String(format: "%06d", k))", by: AppealFiler(actor: system),
                                               today: received, calendar: calendar)
            // How far this one has come, and how quickly each step was taken (a few slow units make late ones).
            // Older appeals are mostly done; the recent ones are anywhere in the loop.
            let stage = k >= 12 && rng.next(0...9) < 8 ? rng.next(6...9) : rng.next(0...9)
            let slow = rng.next(0...4) == 0
            func step(_ action: AppealAction, _ party: AppealParty, after days: Int, _ s: AppealLifecycle.Step) async throws -> Bool {
                let day = calendar.add(days, workdaysTo: a.assignedOn ?? a.receivedOn)
                guard day <= today else { return false }
                let actor: Actor
                switch party {
                case .office: actor = system
                case .leadUnit: actor = Actor(userId: 0, username: "demo-loader", displayName: "演示承办人", zoneId: zone.id, unitId: a.leadUnitId, roles: [.reporter])
                case .firm: actor = Actor(userId: 0, username: "demo-loader", displayName: draft.contactName, zoneId: zone.id, unitId: nil, roles: [.enterprise], enterpriseId: firm.id)
                }
                a = try await store.actOnAppeal(id: a.id, zoneId: zone.id, version: a.version, action: action, party: party, step: s, actor: actor,
                                                actorName: actor.displayName, today: day, calendar: calendar)
                return true
            }
            if stage == 0 { continue }
            if stage == 1 && k % 3 == 0 {
                _ = try await step(.decline, .office, after: 1, .init(text: "属于司法诉讼事项，已告知企业通过法律途径解决。"))
                continue
            }
            let names = leadFor[topic.0] ?? []
            let lead = names.isEmpty ? fallback[k % fallback.count] : (units[names[k % names.count]] ?? fallback[k % fallback.count])
            guard try await step(.assign, .office, after: slow ? 2 : 1, .init(leadUnitId: lead, coUnitIds: helper.map { [$0] } ?? [])), stage >= 3 else { continue }
            guard try await step(.accept, .leadUnit, after: 1, .init()), stage >= 4 else { continue }
            guard try await step(.answer, .leadUnit, after: slow ? 9 : 3, .init(text: "已会同相关部门现场办公，明确了解决路径和时间节点。")), stage >= 5 else { continue }
            if stage == 5 && k % 2 == 0 {
                guard try await step(.reopen, .firm, after: slow ? 10 : 5, .init(text: "答复只说了路径，问题还没有实际解决。")) else { continue }
                _ = try await step(.answer, .leadUnit, after: slow ? 14 : 8, .init(text: "已落实，相关手续本周办结。"))
                continue
            }
            guard stage >= 6 else { continue }
            let rating: Satisfaction = stage == 6 ? .fairlySatisfied : (stage == 7 && slow ? .dissatisfied : .satisfied)
            _ = try await step(.confirm, .firm, after: slow ? 16 : 6, .init(text: "", satisfaction: rating))
        }
        try await AppealOrders.raise(app, zoneId: zone.id, actor: system, issuingUnit: "督查考核办公室", today: today)
        // The business-environment indicators the appeals feed, computed by the product.
        let owner = units["企业服务中心"] ?? units.values.min() ?? 0
        for (code, m, target) in [("SQ-01", ComputedMeasure.appealsOnTime, 95.0), ("SQ-02", .appealSatisfaction, 98.0)] {
            var d = IndicatorDraft()
            d.code = code; d.name = m.chineseName; d.unit = m.unit; d.direction = .higher; d.frequency = .quarterly; d.source = .computed; d.formula = m
            d.ownerUnitId = owner; d.caliber = "由系统按企业诉求办理记录计算：当年受理的诉求，按期率=按期办结÷（已办结+逾期在办），满意率=满意及基本满意÷已评价"
            let i = try await store.createIndicator(d, actor: system)
            try await store.setIndicatorYear(indicatorId: i.id, year: today.year, Trajectory(baseline: target - 10, target: target), version: 0, actor: system)
        }
    }
}
