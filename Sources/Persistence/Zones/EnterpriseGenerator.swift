import Domain
import Foundation
import SQLKit

extension Store {
    /// A synthetic registry for benchmarks: `count` firms with valid credit codes, five years of figures each, a
    /// quarter of them 高企, a third with an R&D institution — inserted in bulk, 500 rows a statement, one audit line.
    public func generateEnterprises(zoneId: Int, count: Int, lastYear: Int, actor: Actor) async throws {
        let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
        var seed: UInt64 = 42
        func next(_ n: Int) -> Int { seed = seed &* 6364136223846793005 &+ 1442695040888963407; return Int((seed >> 33) % UInt64(n)) }
        let words = ["华", "芯", "瑞", "科", "博", "创", "天", "衡", "中", "联", "恒", "泰", "锐", "思", "启", "明", "海", "川", "星", "辰", "德", "润", "汇", "智"]
        let suffix = ["微电子", "生物医药", "智能装备", "新材料", "新能源", "信息技术", "精密机械", "医疗器械"]
        let chains = ["电子信息", "生物医药", "智能制造", "新材料", "新能源"]
        // Everything random is drawn first; the transaction only inserts.
        var firms: [(code: String, name: String, initials: String, industry: String, chain: String, founded: String)] = []
        for k in 0..<count {
            var code = "91\(String(format: "%06d", 110_000 + next(800_000)))"
            for _ in 0..<9 { code.append(alphabet[next(alphabet.count)]) }
            code.append(CreditCode.checkCharacter(code)!)
            let name = words[next(words.count)] + words[next(words.count)] + suffix[next(suffix.count)] + "\(k)号有限公司"
            firms.append((code, name, Pinyin.initials(name), ["C", "C", "I", "M"][next(4)] + String(1000 + next(8999)), chains[next(chains.count)],
                          Day(year: 2005 + next(18), month: 1 + next(12), day: 1 + next(28))!.iso))
        }
        var figures: [(index: Int, year: Int, revenue: Double, rd: Double, ht: Double, employees: Int, staff: Int, inv: Int, util: Int, design: Int)] = []
        for k in 0..<count {
            for y in (lastYear - 4)...lastYear {
                let revenue = Double(300 + next(60_000))
                figures.append((k, y, revenue, revenue * Double(1 + next(8)) / 100, revenue * Double(30 + next(60)) / 100, 10 + next(500), 1 + next(60), next(5), next(10), next(3)))
            }
        }
        let batch = firms, yearRows = figures
        try await write { tx in
            let now = Store.timestamp()
            var made = 0
            while made < batch.count {
                let chunk = batch[made..<min(made + 500, batch.count)]
                var q: SQLQueryString = "INSERT INTO enterprises (zone_id, credit_code, name, initials, address, industry_code, chain, founded_on, serving_unit_id, visiting_official, version, created_at, updated_at) VALUES "
                for (k, f) in chunk.enumerated() {
                    if k > 0 { q = q + ", " }
                    q = q + "(\(bind: zoneId), \(bind: f.code), \(bind: f.name), \(bind: f.initials), '', \(bind: f.industry), \(bind: f.chain), \(bind: f.founded), NULL, '', 1, \(bind: now), \(bind: now))"
                }
                try await tx.raw(q).run()
                made += chunk.count
            }
            struct I: Decodable { let id: Int }
            let ids = try await tx.raw("SELECT id FROM enterprises WHERE zone_id = \(bind: zoneId) ORDER BY id").rows(I.self).map(\.id)
            var i = 0
            while i < yearRows.count {
                let chunk = yearRows[i..<min(i + 500, yearRows.count)]
                i += chunk.count
                var q: SQLQueryString = "INSERT INTO enterprise_years (zone_id, enterprise_id, year, revenue, rd_expense, high_tech_revenue, tax, total_assets, employees, rd_staff, above_scale, invention_patents, utility_patents, design_patents, updated_at) VALUES "
                for (k, r) in chunk.enumerated() {
                    if k > 0 { q = q + ", " }
                    q = q + "(\(bind: zoneId), \(bind: ids[r.index]), \(bind: r.year), \(bind: r.revenue), \(bind: r.rd), \(bind: r.ht), \(bind: r.revenue * 0.05), \(bind: r.revenue * 1.2), \(bind: r.employees), \(bind: r.staff), \(bind: r.revenue >= 2_000 ? 1 : 0), \(bind: r.inv), \(bind: r.util), \(bind: r.design), \(bind: now))"
                }
                try await tx.raw(q).run()
            }
            for (k, id) in ids.enumerated() {
                if k % 4 == 0 {
                    try await tx.raw("INSERT INTO enterprise_tiers (zone_id, enterprise_id, kind, certificate, granted_on, expires_on, created_at) VALUES (\(bind: zoneId), \(bind: id), 'hnte', '', \(bind: "\(lastYear - 1)-06-01"), \(bind: "\(lastYear + 2)-05-31"), \(bind: now))").run()
                }
                if k % 3 == 0 {
                    try await tx.raw("INSERT INTO enterprise_rd_centers (zone_id, enterprise_id, name, level, recognized_on, created_at) VALUES (\(bind: zoneId), \(bind: id), '企业技术中心', 'own', \(bind: "\(lastYear - 1)-03-01"), \(bind: now))").run()
                }
            }
            try await Store.audit(tx, actor: actor, action: .create, entity: "enterprise", id: nil, before: Optional<String>.none, after: ["generated": String(count)])
        }
    }
}
