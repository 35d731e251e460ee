import Domain
import Foundation
import Persistence
import Vapor

/// The demo zone's registry: 120 enterprises on five industrial chains with three years of figures, valid credit
/// codes, tiers held (some 高企 certificates expiring soon), firms close to 高企 — so the registry, the pipeline and
/// the ladder have something to show.
enum DemoEnterprises {
    static let chains = ["电子信息", "生物医药", "智能制造", "新材料", "新能源"]
    static let industries: [String: [String]] = ["电子信息": ["C3911", "C3971", "I6513"], "生物医药": ["C2710", "C2761", "M7340"],
                                                 "智能制造": ["C3421", "C3491", "C3599"], "新材料": ["C2651", "C3089", "C3240"], "新能源": ["C3841", "C3825", "D4416"]]
    static let prefixes = ["华芯", "瑞科", "博创", "天衡", "中联", "恒泰", "锐思", "启明", "海川", "星辰", "德润", "汇智", "九章", "蓝鲸", "微纳", "光启", "云图", "睿驰",
                           "安泰", "金瑞", "联影", "卓越", "鼎新", "思源", "科达", "远景", "宏图", "智信", "凯诺", "新锐"]
    static let suffixes: [String: [String]] = ["电子信息": ["微电子", "半导体", "信息技术", "智能科技"], "生物医药": ["生物医药", "制药", "医疗器械", "基因科技"],
                                               "智能制造": ["智能装备", "精密机械", "机器人", "自动化"], "新材料": ["新材料", "高分子材料", "复合材料", "纳米科技"],
                                               "新能源": ["新能源", "储能科技", "电池材料", "光伏科技"]]

    static func creditCode(_ rng: inout SeededRandom) -> String {
        let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
        var s = "91440300"
        for _ in 0..<9 { s.append(alphabet[rng.next(0...(alphabet.count - 1))]) }
        return s + String(CreditCode.checkCharacter(s)!)
    }

    static func load(_ app: Application, zone: Zone, system: Actor, units: [String: Int], today: Day) async throws {
        var rng = SeededRandom(seed: 606)
        let serving = ["科技创新局", "经济发展局", "投资促进局", "企业服务中心"].compactMap { units[$0] }
        let officials = ["李明", "王芳", "张伟", "刘洋", "陈静", "杨帆"]
        var rows: [EnterpriseImport.Row] = []
        var names = Set<String>()
        var profiles: [(code: String, chain: String, strength: Double)] = []
        var line = 2
        while profiles.count < 120 {
            let chain = chains[rng.next(0...(chains.count - 1))]
            let name = "\(prefixes[rng.next(0...(prefixes.count - 1))])\(suffixes[chain]![rng.next(0...3)])\(["有限公司", "股份有限公司"][rng.next(0...1)])"
            guard names.insert(name).inserted else { continue }
            var d = EnterpriseDraft()
            d.creditCode = creditCode(&rng); d.name = name; d.chain = chain; d.industryCode = industries[chain]![rng.next(0...2)]
            d.address = "高新区\(["科技大道", "创新路", "智造街", "星湖路"][rng.next(0...3)])\(rng.next(1...300))号"
            d.foundedOn = Day(year: rng.next(2005...2023), month: rng.next(1...12), day: rng.next(1...28))
            d.servingUnitId = serving.isEmpty ? nil : serving[rng.next(0...(serving.count - 1))]
            d.visitingOfficial = officials[rng.next(0...(officials.count - 1))]
            // Size: a few large firms, many small ones; R&D intensity and staff vary, so some are just short of 高企.
            let base = [300.0, 800, 1_500, 3_000, 6_000, 12_000, 30_000, 80_000][min(7, Int(pow(Double(rng.next(0...99)) / 100, 2) * 8))]
            let strength = Double(rng.next(20...100)) / 100
            var revenue = base * Double(rng.next(80...120)) / 100
            for year in (today.year - 3)...(today.year - 1) {
                revenue *= Double(rng.next(95...130)) / 100
                let employees = max(8, Int(revenue / Double(rng.next(60...120))))
                let y = EnterpriseYear(year: year, revenue: revenue.rounded(), mainRevenue: (revenue * 0.95).rounded(),
                                       rdExpense: (revenue * (0.015 + 0.06 * strength) * Double(rng.next(85...115)) / 100).rounded(),
                                       highTechRevenue: (revenue * min(0.95, 0.35 + 0.6 * strength)).rounded(), tax: (revenue * Double(rng.next(3...8)) / 100).rounded(),
                                       totalAssets: (revenue * Double(rng.next(80...160)) / 100).rounded(), employees: employees,
                                       rdStaff: Int(Double(employees) * (0.05 + 0.25 * strength)),
                                       aboveScale: d.industryCode?.first == "C" && revenue >= 2_000,
                                       inventionPatents: strength > 0.5 ? rng.next(0...12) : (rng.next(0...3) == 0 ? 1 : 0),
                                       utilityPatents: strength > 0.3 ? rng.next(0...30) : 0, designPatents: rng.next(0...4))
                rows.append(EnterpriseImport.Row(line: line, draft: d, year: y))
                line += 1
            }
            profiles.append((d.creditCode!, chain, strength))
        }
        _ = try await app.store.importEnterprises(rows, today: today, actor: system)
        // Tiers: strong firms hold 高企 (certificates granted over the last three years, some expiring soon), and so on.
        let records = try await app.store.enterpriseRecords(zoneId: zone.id)
        let byCode = Dictionary(uniqueKeysWithValues: records.map { ($0.enterprise.creditCode, $0.enterprise.id) })
        for (k, p) in profiles.enumerated() {
            guard let id = byCode[p.code] else { continue }
            if p.strength >= 0.7 {
                let granted = Day(year: today.year - [0, 1, 2, 2, 3][k % 5], month: [11, 12, 10, 6, 12][k % 5], day: [20, 5, 15, 28, 1][k % 5])!
                if granted <= today {
                    try await app.store.addTier(enterpriseId: id, EnterpriseTier(kind: .hnte, certificate: "GR\(granted.year)4403\(String(format: "%05d", 1000 + k))",
                                                                                 grantedOn: granted), actor: system)
                }
            } else if p.strength >= 0.35 {
                try await app.store.addTier(enterpriseId: id, EnterpriseTier(kind: .techSME, certificate: "\(today.year)4403\(String(format: "%08d", 10_000 + k))",
                                                                             grantedOn: Day(year: today.year, month: 6, day: 30)!), actor: system)
            }
            if p.strength >= 0.9, k % 3 == 0 {
                try await app.store.addTier(enterpriseId: id, EnterpriseTier(kind: .srdi, certificate: "ZJTX\(today.year - 1)-\(k)", grantedOn: Day(year: today.year - 1, month: 9, day: 1)!), actor: system)
            }
            if p.strength >= 0.45 || k % 4 == 0 {
                let level: RDCenter.Level = p.strength >= 0.9 ? .province : p.strength >= 0.7 ? .city : p.strength >= 0.55 ? .district : .own
                try await app.store.addRDCenter(enterpriseId: id, RDCenter(name: ["企业技术中心", "工程技术研究中心", "企业研究院"][k % 3], level: level,
                                                                           recognizedOn: Day(year: today.year - 1 - k % 4, month: 1 + k % 12, day: 10)!), actor: system)
            }
            if p.strength >= 0.95, k % 2 == 0 {
                try await app.store.addTier(enterpriseId: id, EnterpriseTier(kind: .gazelle, certificate: "", grantedOn: Day(year: today.year, month: 3, day: 15)!), actor: system)
            }
        }
        // The incubation chain: two carriers per stage; young firms in nurseries and incubators, some graduated on to
        // accelerators and parks this year, one listed.
        let carriers: [(String, Carrier.Stage, Carrier.Level, Int)] = [
            ("星火众创空间", .nursery, .national, 40), ("青年创业苗圃", .nursery, .city, 30), ("高新区科技企业孵化器", .incubator, .national, 60),
            ("生物医药孵化器", .incubator, .province, 35), ("智能制造加速器", .accelerator, .province, 25), ("电子信息加速器", .accelerator, .city, 20),
            ("新材料产业园", .park, .province, 50), ("智慧产业园", .park, .city, 40)]
        var carrierIds: [Carrier.Stage: [Int]] = [:]
        for c in carriers {
            let id = try await app.store.createCarrier(Carrier(id: 0, name: c.0, stage: c.1, level: c.2, capacity: c.3), actor: system)
            carrierIds[c.1, default: []].append(id)
        }
        let young = records.filter { ($0.enterprise.foundedOn ?? today) >= Day(year: today.year - 8, month: 1, day: 1)! }
        for (k, r) in young.enumerated() {
            let id = r.enterprise.id
            let founded = r.enterprise.foundedOn ?? Day(year: today.year - 3, month: 1, day: 1)!
            let stages: [Carrier.Stage] = [[.nursery], [.incubator], [.nursery, .incubator], [.incubator, .accelerator], [.incubator, .accelerator, .park]][k % 5]
            var day = max(founded, Day(year: today.year - 4, month: 3, day: 1)!)
            for (i, stage) in stages.enumerated() {
                let options = carrierIds[stage] ?? []
                guard !options.isEmpty else { continue }
                try await app.store.enterCarrier(enterpriseId: id, carrierId: options[k % options.count], on: day, actor: system)
                guard i < stages.count - 1 else { break }
                // The last move happens this year for every other firm, so the chain shows this year's graduates.
                let leave = i == stages.count - 2 && k % 2 == 0 ? Day(year: today.year, month: 1 + k % max(1, today.month - 1), day: 15)! : day.adding(days: 400 + 30 * (k % 7))
                let steps = try await app.store.incubationSteps(enterpriseId: id, zoneId: zone.id)
                if let open = steps.first(where: { $0.step.leftOn == nil }) {
                    try await app.store.leaveCarrier(stepId: open.id, on: min(leave, today), outcome: .graduated, version: open.version, actor: system)
                }
                day = min(leave, today)
            }
        }
        if let star = try await app.store.enterpriseRecords(zoneId: zone.id).first(where: { r in r.tiers.contains { $0.tier.kind == .hnte } && (r.years.last?.revenue ?? 0) > 50_000 }) {
            try await app.store.addTier(enterpriseId: star.enterprise.id, EnterpriseTier(kind: .listed, certificate: "科创板 688xxx",
                                                                                          grantedOn: Day(year: today.year, month: 7, day: 8)!), actor: system)
        }

        // The two campaigns as computed indicators, owned by 科技创新局.
        if let owner = units["科技创新局"] {
            for (code, m, baseline, target) in [("QY-01", ComputedMeasure.rdCoverage, 60.0, 100.0), ("QY-02", .patentCoverage, 60.0, 100.0), ("QY-03", .hnteCount, 30.0, 45.0)] {
                var d = IndicatorDraft()
                d.code = code; d.name = m.chineseName; d.unit = m.unit; d.direction = .higher; d.frequency = .quarterly; d.source = .computed; d.formula = m
                d.ownerUnitId = owner; d.caliber = "由系统按一企一档计算：规上企业以最近年度统计为准，研发机构含企业自建，专利为年底有效专利"
                let i = try await app.store.createIndicator(d, actor: system)
                try await app.store.setIndicatorYear(indicatorId: i.id, year: today.year, Trajectory(baseline: baseline, target: target), version: 0, actor: system)
            }
        }
    }
}
