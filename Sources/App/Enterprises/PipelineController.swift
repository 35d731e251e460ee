import Domain
import Persistence
import Vapor
import Views

/// 培育库: firms without 高企 (or 科小) that meet or nearly meet it, with what they lack; certificates expiring within
/// half a year; the tiers as a ladder with this year's newcomers.
enum PipelineController {
    @Sendable static func show(_ req: Request) async throws -> Response {
        let actor = try req.actor(.readMatrix)
        let today = req.today
        let records = try await req.store.enterpriseRecords(zoneId: actor.zoneId)
        var hnte: [PipelinePage.Candidate] = [], techSME: [PipelinePage.Candidate] = [], srdi: [PipelinePage.Candidate] = [], expiring: [PipelinePage.Expiring] = []
        for r in records {
            let held = Set(r.tiers.filter { $0.tier.isValid(on: today) }.map(\.tier.kind))
            if !held.contains(.hnte) {
                let c = TierCriteria.hnte(foundedOn: r.enterprise.foundedOn, years: r.years, asOf: today)
                if c.meets || c.nearly { hnte.append(.init(id: r.enterprise.id, name: r.enterprise.name, check: c)) }
            }
            if !held.contains(.techSME) && !held.contains(.hnte) {
                let c = TierCriteria.techSME(years: r.years, asOf: today)
                if c.meets || c.nearly { techSME.append(.init(id: r.enterprise.id, name: r.enterprise.name, check: c)) }
            }
            // The next rung for a firm already 科小 or 高企: 专精特新.
            if !held.isDisjoint(with: [.techSME, .hnte]) && held.isDisjoint(with: [.srdi, .littleGiant]) {
                let c = TierCriteria.srdi(foundedOn: r.enterprise.foundedOn, years: r.years, asOf: today)
                if c.meets || c.nearly { srdi.append(.init(id: r.enterprise.id, name: r.enterprise.name, check: c)) }
            }
            for t in r.tiers where t.tier.expiresOn.map({ $0 >= today && $0 <= today.adding(days: 183) }) ?? false {
                expiring.append(.init(id: r.enterprise.id, name: r.enterprise.name, tier: t.tier))
            }
        }
        // Those that meet everything first, then by name.
        let order = { (a: PipelinePage.Candidate, b: PipelinePage.Candidate) in (a.check.meets ? 0 : 1, a.name) < (b.check.meets ? 0 : 1, b.name) }
        let counts: [(String, Int, Int)] = EnterpriseTier.Kind.allCases.map { kind in
            let holders = records.filter { r in r.tiers.contains { $0.tier.kind == kind && $0.tier.isValid(on: today) } }
            let newcomers = records.filter { r in r.tiers.contains { $0.tier.kind == kind && $0.tier.grantedOn.year == today.year } }
            return (kind.chineseName, holders.count, newcomers.count)
        }
        var page = PipelinePage(hnte: hnte.sorted(by: order), techSME: techSME.sorted(by: order),
                                expiring: expiring.sorted { ($0.tier.expiresOn ?? today) < ($1.tier.expiresOn ?? today) }, counts: counts)
        page.srdi = srdi.sorted(by: order)
        return req.html(page.render(req.pageContext(current: .enterprises)))
    }
}

/// 骨干企业: the top 20 firms by revenue and by tax in a year, with their series over the years.
enum BackboneController {
    static let size = 20

    @Sendable static func show(_ req: Request) async throws -> Response {
        let actor = try req.actor(.readMatrix)
        let year = try req.queryInt("year", in: 2000...2100) ?? (req.today.year - 1)
        let records = try await req.store.enterpriseRecords(zoneId: actor.zoneId)
        func rows(_ value: (EnterpriseYear) -> Double?) -> (top: [BackbonePage.Row], total: Double) {
            let scored = records.compactMap { r -> (EnterpriseRecord, Double)? in
                guard let y = r.years.first(where: { $0.year == year }), let v = value(y) else { return nil }
                return (r, v)
            }
            let top = scored.sorted { ($0.1, $1.0.enterprise.name) > ($1.1, $0.0.enterprise.name) }.prefix(size).map { r, _ in
                BackbonePage.Row(id: r.enterprise.id, name: r.enterprise.name, chain: r.enterprise.chain,
                                 series: r.years.filter { $0.year <= year }.compactMap { y in value(y).map { (y.year, $0) } })
            }
            return (Array(top), scored.reduce(0) { $0 + $1.1 })
        }
        let revenue = rows(\.revenue), tax = rows(\.tax)
        let page = BackbonePage(year: year, byRevenue: revenue.top, byTax: tax.top, revenueTotal: revenue.total, taxTotal: tax.total)
        return req.html(page.render(req.pageContext(current: .enterprises)))
    }
}
