import Domain
import SQLKit

extension Store {
    struct TargetRow: Decodable {
        let id: Int; let year: Int; let kind: String; let statement: String; let indicatorId: Int?; let version: Int
        var target: PositioningTarget {
            PositioningTarget(id: id, year: year, kind: PositioningTarget.Kind(rawValue: kind) ?? .cityTop,
                              statement: statement, indicatorId: indicatorId, version: version)
        }
    }

    public func targets(zoneId: Int, year: Int?) async throws -> [PositioningTarget] {
        var q: SQLQueryString = "SELECT id, year, kind, statement, indicator_id, version FROM positioning_targets WHERE zone_id = \(bind: zoneId) AND archived_at IS NULL"
        if let year { q += " AND year = \(bind: year)" }
        return try await sql.raw(q + " ORDER BY year DESC, id").rows(TargetRow.self).map(\.target)
    }

    public func target(id: Int, zoneId: Int) async throws -> PositioningTarget {
        guard let r = try await sql.raw("SELECT id, year, kind, statement, indicator_id, version FROM positioning_targets WHERE id = \(bind: id) AND zone_id = \(bind: zoneId) AND archived_at IS NULL").row(TargetRow.self)
        else { throw StoreError.notFound(entity: "positioning_target", id: id) }
        return r.target
    }

    public func createTarget(_ d: TargetDraft, actor: Actor) async throws -> PositioningTarget {
        let t = try validated { try MatrixRules.apply(d, to: nil) }
        return try await write { tx in
            var t = t
            try await Store.ensureYear(tx, zoneId: actor.zoneId, year: t.year)
            let now = Store.timestamp()
            let row = try await tx.raw("""
                INSERT INTO positioning_targets (zone_id, year, kind, statement, indicator_id, version, created_at, updated_at)
                VALUES (\(bind: actor.zoneId), \(bind: t.year), \(bind: t.kind.rawValue), \(bind: t.statement), \(bind: t.indicatorId), 1, \(bind: now), \(bind: now)) RETURNING id
                """).row(IDRow.self)
            t.id = row!.id
            try await Store.audit(tx, actor: actor, action: .create, entity: "positioning_target", id: t.id, before: Optional<PositioningTarget>.none, after: t)
            return t
        }
    }

    public func updateTarget(id: Int, version: Int, _ d: TargetDraft, actor: Actor) async throws -> PositioningTarget {
        let before = try await target(id: id, zoneId: actor.zoneId)
        let after = try validated { try MatrixRules.apply(d, to: before) }
        return try await write { tx in
            var after = after
            try await Store.versionedUpdate(tx, table: "positioning_targets", entity: "positioning_target", id: id, zoneId: actor.zoneId, version: version,
                set: "year = \(bind: after.year), kind = \(bind: after.kind.rawValue), statement = \(bind: after.statement), indicator_id = \(bind: after.indicatorId)")
            after.version = version + 1
            try await Store.audit(tx, actor: actor, action: .update, entity: "positioning_target", id: id, before: before, after: after)
            return after
        }
    }

    public func archiveTarget(id: Int, version: Int, actor: Actor) async throws {
        let before = try await target(id: id, zoneId: actor.zoneId)
        try await write { tx in
            try await Store.setArchived(tx, true, table: "positioning_targets", entity: "positioning_target", id: id, zoneId: actor.zoneId, version: version)
            try await Store.audit(tx, actor: actor, action: .archive, entity: "positioning_target", id: id, before: before, after: Optional<PositioningTarget>.none)
        }
    }
}
