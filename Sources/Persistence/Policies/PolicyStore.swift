import Domain
import Foundation
import SQLKit

extension Store {
    struct PolicyRow: Decodable {
        let id: Int; let title: String; let issuer: String; let documentNumber: String; let issuedOn: String; let effectiveFrom: String
        let effectiveTo: String?; let text: String; let version: Int
        var policy: Policy {
            let issued = Day(iso: issuedOn) ?? Day.lastOfYear(2000)
            var p = Policy(id: id, title: title, issuer: issuer, documentNumber: documentNumber, issuedOn: issued,
                           effectiveFrom: Day(iso: effectiveFrom) ?? issued, effectiveTo: effectiveTo.flatMap(Day.init(iso:)), text: text)
            p.version = version
            return p
        }
    }
    static let policyColumns: SQLQueryString = "SELECT id, title, issuer, document_number, issued_on, effective_from, effective_to, text, version FROM policies"

    struct ClauseRow: Decodable {
        let id: Int; let policyId: Int; let number: String; let title: String; let kind: String; let condition: String; let amountRule: String
        let annualBudget: Double?; let year: Int; let version: Int
        var clause: PolicyClause {
            let rule = (try? JSONDecoder().decode(AmountRule.self, from: Data(amountRule.utf8))) ?? .fixed(amount: 0)
            var c = PolicyClause(id: id, policyId: policyId, number: number, title: title, kind: PolicyClause.Kind(rawValue: kind) ?? .award,
                                 condition: condition, amountRule: rule, annualBudget: annualBudget, year: year)
            c.version = version
            return c
        }
    }
    static let clauseColumns: SQLQueryString = "SELECT id, policy_id, number, title, kind, condition, amount_rule, annual_budget, year, version FROM policy_clauses"

    // MARK: Policies

    public func policies(zoneId: Int) async throws -> [Policy] {
        try await sql.raw(Store.policyColumns + " WHERE zone_id = \(bind: zoneId) AND archived_at IS NULL ORDER BY issued_on DESC, id DESC").rows(PolicyRow.self).map(\.policy)
    }

    public func policy(id: Int, zoneId: Int) async throws -> Policy {
        guard let p = try await sql.raw(Store.policyColumns + " WHERE id = \(bind: id) AND zone_id = \(bind: zoneId)").row(PolicyRow.self)?.policy else {
            throw StoreError.notFound(entity: "policy", id: id)
        }
        return p
    }

    public func createPolicy(_ p: Policy, actor: Actor) async throws -> Int {
        var p = p
        p.documentNumber = Policy.normalizedDocumentNumber(p.documentNumber)
        p.title = p.title.trimmingCharacters(in: .whitespacesAndNewlines); p.issuer = p.issuer.trimmingCharacters(in: .whitespacesAndNewlines)
        try validated { try p.validate() }
        let saved = p
        return try await write { tx in
            let now = Store.timestamp()
            let id = try await tx.raw("""
                INSERT INTO policies (zone_id, title, issuer, document_number, issued_on, effective_from, effective_to, text, version, created_at, updated_at)
                VALUES (\(bind: actor.zoneId), \(bind: saved.title), \(bind: saved.issuer), \(bind: saved.documentNumber), \(bind: saved.issuedOn.iso),
                  \(bind: saved.effectiveFrom.iso), \(bind: saved.effectiveTo?.iso), \(bind: saved.text), 1, \(bind: now), \(bind: now)) RETURNING id
                """).row(IDRow.self)!.id
            try await Store.audit(tx, actor: actor, action: .create, entity: "policy", id: id, before: Optional<Policy>.none, after: saved)
            return id
        }
    }

    // MARK: Clauses

    /// The zone's clauses (of one policy, or of one year), by policy and number.
    public func clauses(zoneId: Int, policyId: Int? = nil, year: Int? = nil) async throws -> [PolicyClause] {
        var q = Store.clauseColumns + " WHERE zone_id = \(bind: zoneId) AND archived_at IS NULL"
        if let policyId { q += " AND policy_id = \(bind: policyId)" }
        if let year { q += " AND year = \(bind: year)" }
        return try await sql.raw(q + " ORDER BY policy_id, number, id").rows(ClauseRow.self).map(\.clause)
    }

    public func clause(id: Int, zoneId: Int) async throws -> PolicyClause {
        guard let c = try await sql.raw(Store.clauseColumns + " WHERE id = \(bind: id) AND zone_id = \(bind: zoneId)").row(ClauseRow.self)?.clause else {
            throw StoreError.notFound(entity: "clause", id: id)
        }
        return c
    }

    /// A new clause of a policy of the zone; its condition is parsed and saved in canonical form.
    public func createClause(_ c: PolicyClause, actor: Actor) async throws -> Int {
        _ = try await policy(id: c.policyId, zoneId: actor.zoneId)
        let n = try validated { () throws -> PolicyClause in
            var x = try c.normalized()
            x.title = x.title.trimmingCharacters(in: .whitespacesAndNewlines); x.number = x.number.trimmingCharacters(in: .whitespacesAndNewlines)
            try x.validate()
            return x
        }
        return try await write { tx in
            let now = Store.timestamp()
            let id = try await tx.raw("""
                INSERT INTO policy_clauses (zone_id, policy_id, number, title, kind, condition, amount_rule, annual_budget, year, version, created_at, updated_at)
                VALUES (\(bind: actor.zoneId), \(bind: n.policyId), \(bind: n.number), \(bind: n.title), \(bind: n.kind.rawValue), \(bind: n.condition),
                  \(bind: Store.json(n.amountRule)), \(bind: n.annualBudget), \(bind: n.year), 1, \(bind: now), \(bind: now)) RETURNING id
                """).row(IDRow.self)!.id
            try await Store.audit(tx, actor: actor, action: .create, entity: "policy_clause", id: id, before: Optional<PolicyClause>.none, after: n)
            return id
        }
    }

    /// Changes a clause's wording, condition, amount rule, budget or year, if unchanged since `version`.
    public func updateClause(_ c: PolicyClause, version: Int, actor: Actor) async throws {
        let before = try await clause(id: c.id, zoneId: actor.zoneId)
        guard before.version == version else { throw StoreError.conflict(entity: "clause", id: c.id, current: before.version) }
        let n = try validated { () throws -> PolicyClause in
            var x = try c.normalized()
            x.policyId = before.policyId
            x.title = x.title.trimmingCharacters(in: .whitespacesAndNewlines); x.number = x.number.trimmingCharacters(in: .whitespacesAndNewlines)
            try x.validate()
            return x
        }
        if let budget = n.annualBudget {
            let committed = try await committedByClause(zoneId: actor.zoneId)[c.id] ?? 0
            guard budget >= committed else {
                throw StoreError.invalid(ValidationError(field: "annualBudget", "年度预算不能少于已审核/兑现的\(String(format: "%.2f", committed))万元"))
            }
        }
        try await write { tx in
            try await Store.versionedUpdate(tx, table: "policy_clauses", entity: "clause", id: c.id, zoneId: actor.zoneId, version: version, set: """
                number = \(bind: n.number), title = \(bind: n.title), kind = \(bind: n.kind.rawValue), condition = \(bind: n.condition),
                amount_rule = \(bind: Store.json(n.amountRule)), annual_budget = \(bind: n.annualBudget), year = \(bind: n.year)
                """)
            try await Store.audit(tx, actor: actor, action: .update, entity: "policy_clause", id: c.id, before: before, after: n)
        }
    }

    // MARK: Press releases

    public func pressReleases(zoneId: Int) async throws -> [PressRelease] {
        struct R: Decodable { let id: Int; let title: String; let heldOn: String; let place: String; let policyIds: String; let summary: String }
        return try await sql.raw("SELECT id, title, held_on, place, policy_ids, summary FROM press_releases WHERE zone_id = \(bind: zoneId) ORDER BY held_on DESC, id DESC")
            .rows(R.self).map {
                PressRelease(id: $0.id, title: $0.title, heldOn: Day(iso: $0.heldOn) ?? Day.lastOfYear(2000), place: $0.place,
                             policyIds: $0.policyIds.split(separator: ",").compactMap { Int($0) }, summary: $0.summary)
            }
    }

    /// A press release announcing policies of the zone (at least one).
    public func createPressRelease(_ r: PressRelease, actor: Actor) async throws -> Int {
        try validated { try r.validate() }
        for p in r.policyIds { _ = try await policy(id: p, zoneId: actor.zoneId) }
        return try await write { tx in
            let id = try await tx.raw("""
                INSERT INTO press_releases (zone_id, title, held_on, place, policy_ids, summary, created_at)
                VALUES (\(bind: actor.zoneId), \(bind: r.title), \(bind: r.heldOn.iso), \(bind: r.place), \(bind: r.policyIds.map(String.init).joined(separator: ",")),
                  \(bind: r.summary), \(bind: Store.timestamp())) RETURNING id
                """).row(IDRow.self)!.id
            try await Store.audit(tx, actor: actor, action: .create, entity: "press_release", id: id, before: Optional<PressRelease>.none, after: r)
            return id
        }
    }
}
