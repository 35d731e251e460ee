import Domain
import SQLKit

extension Store {
    struct PlanRow: Decodable {
        let id: Int; let year: Int; let seq: Int; let name: String; let goal: String
        let leaderId: Int?; let leadUnitId: Int?; let archivedAt: String?; let version: Int
        func plan(co: [Int]) -> Plan {
            Plan(id: id, year: year, seq: seq, name: name, goal: goal, leaderId: leaderId, leadUnitId: leadUnitId,
                 coUnitIds: co, archived: archivedAt != nil, version: version)
        }
    }
    struct LinkRow: Decodable { let ownerId: Int; let unitId: Int }

    public func plans(zoneId: Int, year: Int? = nil, includeArchived: Bool = false) async throws -> [Plan] {
        var q: SQLQueryString = "SELECT id, year, seq, name, goal, leader_id, lead_unit_id, archived_at, version FROM plans WHERE zone_id = \(bind: zoneId)"
        if let year { q += " AND year = \(bind: year)" }
        if !includeArchived { q += " AND archived_at IS NULL" }
        let rows = try await sql.raw(q + " ORDER BY year DESC, seq, id").rows(PlanRow.self)
        let links = try await sql.raw("SELECT plan_id AS owner_id, unit_id FROM plan_co_units WHERE zone_id = \(bind: zoneId) ORDER BY unit_id").rows(LinkRow.self)
        let co = Dictionary(grouping: links, by: \.ownerId).mapValues { $0.map(\.unitId) }
        return rows.map { $0.plan(co: co[$0.id] ?? []) }
    }

    public func plan(id: Int, zoneId: Int) async throws -> Plan {
        guard let r = try await sql.raw("SELECT id, year, seq, name, goal, leader_id, lead_unit_id, archived_at, version FROM plans WHERE id = \(bind: id) AND zone_id = \(bind: zoneId)").row(PlanRow.self)
        else { throw StoreError.notFound(entity: "plan", id: id) }
        let co = try await sql.raw("SELECT plan_id AS owner_id, unit_id FROM plan_co_units WHERE plan_id = \(bind: id) ORDER BY unit_id").rows(LinkRow.self)
        return r.plan(co: co.map(\.unitId))
    }

    static func checkPlanRefs(_ tx: any SQLDatabase, _ p: Plan, zoneId: Int) async throws {
        if let l = p.leaderId { try await requireInZone(tx, table: "users", ids: [l], zoneId: zoneId, field: "leaderId", label: "分管领导") }
        if let u = p.leadUnitId { try await requireInZone(tx, table: "units", ids: [u], zoneId: zoneId, field: "leadUnitId", label: "牵头单位") }
        try await requireInZone(tx, table: "units", ids: p.coUnitIds, zoneId: zoneId, field: "coUnitIds", label: "配合单位")
    }

    public func createPlan(_ d: PlanDraft, actor: Actor) async throws -> Plan {
        let p = try validated { try MatrixRules.apply(d, to: nil) }
        return try await write { tx in
            try await Store.checkPlanRefs(tx, p, zoneId: actor.zoneId)
            let p = try await Store.insertPlan(tx, p, zoneId: actor.zoneId, now: Store.timestamp())
            try await Store.audit(tx, actor: actor, action: .create, entity: "plan", id: p.id, before: Optional<Plan>.none, after: p)
            return p
        }
    }

    /// Inserts a checked plan (its year registered, the next number in the year when `seq` is 0, its co-units);
    /// returns it with its id. Not audited: the caller audits, alone or in a batch.
    static func insertPlan(_ tx: any SQLDatabase, _ plan: Plan, zoneId: Int, now: String) async throws -> Plan {
        var p = plan
        try await ensureYear(tx, zoneId: zoneId, year: p.year)
        if p.seq == 0 {
            struct M: Decodable { let m: Int? }
            p.seq = (try await tx.raw("SELECT MAX(seq) AS m FROM plans WHERE zone_id = \(bind: zoneId) AND year = \(bind: p.year)").row(M.self)?.m ?? 0) + 1
        }
        let row = try await tx.raw("""
            INSERT INTO plans (zone_id, year, seq, name, goal, leader_id, lead_unit_id, version, created_at, updated_at)
            VALUES (\(bind: zoneId), \(bind: p.year), \(bind: p.seq), \(bind: p.name), \(bind: p.goal), \(bind: p.leaderId), \(bind: p.leadUnitId), 1, \(bind: now), \(bind: now)) RETURNING id
            """).row(IDRow.self)
        p.id = row!.id
        try await insertLinks(tx, table: "plan_co_units", ownerColumn: "plan_id", ownerId: p.id, unitIds: p.coUnitIds, zoneId: zoneId)
        return p
    }

    public func updatePlan(id: Int, version: Int, _ d: PlanDraft, actor: Actor) async throws -> Plan {
        let before = try await plan(id: id, zoneId: actor.zoneId)
        let after = try validated { try MatrixRules.apply(d, to: before) }
        return try await write { tx in
            var after = after
            try await Store.checkPlanRefs(tx, after, zoneId: actor.zoneId)
            try await Store.ensureYear(tx, zoneId: actor.zoneId, year: after.year)
            try await Store.versionedUpdate(tx, table: "plans", entity: "plan", id: id, zoneId: actor.zoneId, version: version, set: """
                year = \(bind: after.year), seq = \(bind: after.seq), name = \(bind: after.name), goal = \(bind: after.goal), leader_id = \(bind: after.leaderId), lead_unit_id = \(bind: after.leadUnitId)
                """)
            try await Store.replaceLinks(tx, table: "plan_co_units", ownerColumn: "plan_id", ownerId: id, unitIds: after.coUnitIds, zoneId: actor.zoneId)
            after.version = version + 1
            try await Store.audit(tx, actor: actor, action: .update, entity: "plan", id: id, before: before, after: after)
            return after
        }
    }

    public func archivePlan(id: Int, version: Int, actor: Actor) async throws {
        let before = try await plan(id: id, zoneId: actor.zoneId)
        try await write { tx in
            try await Store.setArchived(tx, true, table: "plans", entity: "plan", id: id, zoneId: actor.zoneId, version: version)
            var after = before; after.archived = true; after.version = version + 1
            try await Store.audit(tx, actor: actor, action: .archive, entity: "plan", id: id, before: before, after: after)
        }
    }
}
