import Domain
import SQLKit

extension Store {
    /// Saves a zone's one-row setting (light thresholds, reporting cycle): inserted while `version` is 0,
    /// else updated only if still at `version`; refused with `.conflict` otherwise. Audited.
    static func saveZoneSetting<B: Encodable, A: Encodable>(
        _ tx: any SQLDatabase, table: String, entity: String, actor: Actor, version: Int,
        values: [(column: String, value: any Encodable & Sendable)], before: B, after: A
    ) async throws {
        let now = Store.timestamp()
        if version == 0 {
            var q: SQLQueryString = "INSERT INTO \(ident: table) (zone_id, version, updated_at"
            for v in values { q += ", \(ident: v.column)" }
            q += ") VALUES (\(bind: actor.zoneId), 1, \(bind: now)"
            for v in values { q += ", \(bind: v.value)" }
            try await tx.raw(q + ")").run()
        } else {
            var q: SQLQueryString = "UPDATE \(ident: table) SET version = version + 1, updated_at = \(bind: now)"
            for v in values { q += ", \(ident: v.column) = \(bind: v.value)" }
            q += " WHERE zone_id = \(bind: actor.zoneId) AND version = \(bind: version) RETURNING id"
            guard try await tx.raw(q).row(IDRow.self) != nil else {
                throw StoreError.conflict(entity: entity, id: actor.zoneId, current: version + 1)
            }
        }
        try await Store.audit(tx, actor: actor, action: .update, entity: entity, id: actor.zoneId, before: before, after: after)
    }
}
