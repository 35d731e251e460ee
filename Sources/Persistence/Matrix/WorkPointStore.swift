import Domain
import SQLKit

extension Store {
    struct WorkPointRow: Decodable {
        let id: Int; let planId: Int; let seq: Int; let title: String; let goal: String
        let leadUnitId: Int?; let archivedAt: String?; let version: Int
        var workPoint: WorkPoint {
            WorkPoint(id: id, planId: planId, seq: seq, title: title, goal: goal, leadUnitId: leadUnitId,
                      archived: archivedAt != nil, version: version)
        }
    }
    static let workPointColumns: SQLQueryString = "SELECT id, plan_id, seq, title, goal, lead_unit_id, archived_at, version FROM work_points"

    public func workPoints(zoneId: Int, planId: Int? = nil, includeArchived: Bool = false) async throws -> [WorkPoint] {
        var q = Store.workPointColumns + " WHERE zone_id = \(bind: zoneId)"
        if let planId { q += " AND plan_id = \(bind: planId)" }
        if !includeArchived { q += " AND archived_at IS NULL" }
        return try await sql.raw(q + " ORDER BY plan_id, seq, id").rows(WorkPointRow.self).map(\.workPoint)
    }

    public func workPoint(id: Int, zoneId: Int) async throws -> WorkPoint {
        guard let r = try await sql.raw(Store.workPointColumns + " WHERE id = \(bind: id) AND zone_id = \(bind: zoneId)").row(WorkPointRow.self)
        else { throw StoreError.notFound(entity: "work_point", id: id) }
        return r.workPoint
    }

    static func checkWorkPointRefs(_ tx: any SQLDatabase, _ w: WorkPoint, zoneId: Int) async throws {
        try await requireInZone(tx, table: "plans", ids: [w.planId], zoneId: zoneId, field: "planId", label: "计划")
        if let u = w.leadUnitId { try await requireInZone(tx, table: "units", ids: [u], zoneId: zoneId, field: "leadUnitId", label: "牵头单位") }
    }

    public func createWorkPoint(_ d: WorkPointDraft, actor: Actor) async throws -> WorkPoint {
        let w = try validated { try MatrixRules.apply(d, to: nil) }
        return try await write { tx in
            try await Store.checkWorkPointRefs(tx, w, zoneId: actor.zoneId)
            let w = try await Store.insertWorkPoint(tx, w, zoneId: actor.zoneId, now: Store.timestamp())
            try await Store.audit(tx, actor: actor, action: .create, entity: "work_point", id: w.id, before: Optional<WorkPoint>.none, after: w)
            return w
        }
    }

    /// Inserts a checked work point (the next number in its plan when `seq` is 0); returns it with its id. Not audited.
    static func insertWorkPoint(_ tx: any SQLDatabase, _ point: WorkPoint, zoneId: Int, now: String) async throws -> WorkPoint {
        var w = point
        if w.seq == 0 {
            struct M: Decodable { let m: Int? }
            w.seq = (try await tx.raw("SELECT MAX(seq) AS m FROM work_points WHERE plan_id = \(bind: w.planId)").row(M.self)?.m ?? 0) + 1
        }
        let row = try await tx.raw("""
            INSERT INTO work_points (zone_id, plan_id, seq, title, goal, lead_unit_id, version, created_at, updated_at)
            VALUES (\(bind: zoneId), \(bind: w.planId), \(bind: w.seq), \(bind: w.title), \(bind: w.goal), \(bind: w.leadUnitId), 1, \(bind: now), \(bind: now)) RETURNING id
            """).row(IDRow.self)
        w.id = row!.id
        return w
    }

    public func updateWorkPoint(id: Int, version: Int, _ d: WorkPointDraft, actor: Actor) async throws -> WorkPoint {
        let before = try await workPoint(id: id, zoneId: actor.zoneId)
        let after = try validated { try MatrixRules.apply(d, to: before) }
        return try await write { tx in
            var after = after
            try await Store.checkWorkPointRefs(tx, after, zoneId: actor.zoneId)
            try await Store.versionedUpdate(tx, table: "work_points", entity: "work_point", id: id, zoneId: actor.zoneId, version: version, set: """
                plan_id = \(bind: after.planId), seq = \(bind: after.seq), title = \(bind: after.title), goal = \(bind: after.goal), lead_unit_id = \(bind: after.leadUnitId)
                """)
            if after.planId != before.planId {
                // Tasks follow their work point to the new plan.
                try await tx.raw("UPDATE tasks SET plan_id = \(bind: after.planId) WHERE work_point_id = \(bind: id)").run()
            }
            after.version = version + 1
            try await Store.audit(tx, actor: actor, action: .update, entity: "work_point", id: id, before: before, after: after)
            return after
        }
    }

    public func archiveWorkPoint(id: Int, version: Int, actor: Actor) async throws {
        let before = try await workPoint(id: id, zoneId: actor.zoneId)
        try await write { tx in
            try await Store.setArchived(tx, true, table: "work_points", entity: "work_point", id: id, zoneId: actor.zoneId, version: version)
            var after = before; after.archived = true; after.version = version + 1
            try await Store.audit(tx, actor: actor, action: .archive, entity: "work_point", id: id, before: before, after: after)
        }
    }
}
