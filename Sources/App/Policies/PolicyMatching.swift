import Domain
import Foundation
import Persistence
import Vapor

/// Which firms each clause's condition selects, read once per zone data version: every firm's facts for a year, then the
/// clauses' compiled conditions run over them (the fast path counts; a clause's own page and a firm's page explain).
struct PolicyFacts: Sendable {
    let year: Int
    let firms: [Int: Enterprise]
    let facts: [FirmFacts]
    let byFirm: [Int: FirmFacts]
    func facts(of firmId: Int) -> FirmFacts? { byFirm[firmId] }
}

/// One firm under one clause: why it qualifies (or what it misses) and what it would get.
struct ClauseFirm: Sendable {
    let firm: Enterprise
    let verdict: ConditionVerdict
    let amount: AmountRule.Result
}

enum PolicyMatching {
    static func facts(_ req: Request, _ actor: Actor, year: Int) async throws -> PolicyFacts {
        try await req.cached(actor, "policy-facts|\(year)") { [store = req.store] in
            let records = try await store.enterpriseRecords(zoneId: actor.zoneId, years: (year - 1)...year)
            let facts = records.map { FirmFacts(enterprise: $0.enterprise, years: $0.years, tiers: $0.tiers.map(\.tier), year: year) }
            return PolicyFacts(year: year, firms: Dictionary(uniqueKeysWithValues: records.map { ($0.enterprise.id, $0.enterprise) }), facts: facts,
                               byFirm: Dictionary(uniqueKeysWithValues: facts.map { ($0.enterpriseId, $0) }))
        }
    }

    /// How many firms each clause selects (clauses whose condition no longer parses count nil); kept with the facts until
    /// the zone's data changes (a clause's edit is a change too).
    static func counts(_ req: Request, _ actor: Actor, _ clauses: [PolicyClause]) async throws -> [Int: Int] {
        let key = clauses.map { "\($0.id).\($0.version)" }.joined(separator: ",")
        return try await req.cached(actor, "policy-counts|" + key) {
            var out: [Int: Int] = [:]
            for (year, group) in Dictionary(grouping: clauses, by: \.year) {
                let f = try await facts(req, actor, year: year)
                for c in group {
                    guard let ev = try? ConditionEvaluator(parsing: c.condition) else { continue }
                    out[c.id] = ev.count(in: f.facts)
                }
            }
            return out
        }
    }

    /// The firms a clause selects and those one condition short (差一点), each with its explanation and amount.
    static func clause(_ req: Request, _ actor: Actor, _ c: PolicyClause) async throws -> (qualifying: [ClauseFirm], near: [ClauseFirm]) {
        let f = try await facts(req, actor, year: c.year)
        guard let ev = try? ConditionEvaluator(parsing: c.condition) else { return ([], []) }
        var q: [ClauseFirm] = [], n: [ClauseFirm] = []
        for facts in f.facts {
            let v = ev.evaluate(facts)
            guard v.qualifies || v.nearlyQualifies, let firm = f.firms[facts.enterpriseId] else { continue }
            let item = ClauseFirm(firm: firm, verdict: v, amount: c.amountRule.amount(for: facts))
            if v.qualifies { q.append(item) } else { n.append(item) }
        }
        return (q.sorted { $0.firm.name < $1.firm.name }, n.sorted { $0.firm.name < $1.firm.name })
    }

    /// For one firm: the clauses it qualifies for (免申即享 candidates) and those it nearly does.
    static func firm(_ req: Request, _ actor: Actor, firmId: Int, clauses: [PolicyClause]) async throws -> (qualifying: [(PolicyClause, ClauseFirm)], near: [(PolicyClause, ClauseFirm)]) {
        var q: [(PolicyClause, ClauseFirm)] = [], n: [(PolicyClause, ClauseFirm)] = []
        for c in clauses {
            let f = try await facts(req, actor, year: c.year)
            guard let facts = f.facts(of: firmId), let firm = f.firms[firmId], let ev = try? ConditionEvaluator(parsing: c.condition) else { continue }
            let v = ev.evaluate(facts)
            let item = ClauseFirm(firm: firm, verdict: v, amount: c.amountRule.amount(for: facts))
            if v.qualifies { q.append((c, item)) } else if v.nearlyQualifies { n.append((c, item)) }
        }
        return (q, n)
    }
}
