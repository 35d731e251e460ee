import Domain
import SQLKit

extension Store {
    /// `UPDATE table SET … , version = version + 1` guarded by the version the caller read.
    /// Refuses with `.conflict` when someone else saved first, `.notFound` when the row is not in the zone.
    static func versionedUpdate(
        _ tx: any SQLDatabase, table: String, entity: String, id: Int, zoneId: Int, version: Int, set: SQLQueryString
    ) async throws {
        let q: SQLQueryString = "UPDATE \(ident: table) SET " + set
            + ", version = version + 1, updated_at = \(bind: Store.timestamp()) WHERE id = \(bind: id) AND zone_id = \(bind: zoneId) AND version = \(bind: version) RETURNING id"
        if try await tx.raw(q).row(IDRow.self) != nil { return }
        struct V: Decodable { let version: Int }
        if let current = try await tx.raw("SELECT version FROM \(ident: table) WHERE id = \(bind: id) AND zone_id = \(bind: zoneId)").row(V.self) {
            throw StoreError.conflict(entity: entity, id: id, current: current.version)
        }
        throw StoreError.notFound(entity: entity, id: id)
    }

    /// Archives (never deletes) a business row, or restores it.
    static func setArchived(
        _ tx: any SQLDatabase, _ archived: Bool, table: String, entity: String, id: Int, zoneId: Int, version: Int
    ) async throws {
        let value: String? = archived ? Store.timestamp() : nil
        try await versionedUpdate(tx, table: table, entity: entity, id: id, zoneId: zoneId, version: version,
                                  set: "archived_at = \(bind: value)")
    }

    /// Replaces the set of units linked to a row (co-units of a plan or a task).
    static func replaceLinks(_ tx: any SQLDatabase, table: String, ownerColumn: String, ownerId: Int, unitIds: [Int], zoneId: Int) async throws {
        try await tx.raw("DELETE FROM \(ident: table) WHERE \(ident: ownerColumn) = \(bind: ownerId)").run()
        try await insertLinks(tx, table: table, ownerColumn: ownerColumn, ownerId: ownerId, unitIds: unitIds, zoneId: zoneId)
    }

    /// Links a new row to units (a row just inserted has none to replace).
    static func insertLinks(_ tx: any SQLDatabase, table: String, ownerColumn: String, ownerId: Int, unitIds: [Int], zoneId: Int) async throws {
        for u in unitIds {
            try await tx.raw("INSERT INTO \(ident: table) (\(ident: ownerColumn), unit_id, zone_id) VALUES (\(bind: ownerId), \(bind: u), \(bind: zoneId))").run()
        }
    }

    /// Checks that every id names a live row of `table` in the zone; names the field otherwise.
    static func requireInZone(_ tx: any SQLDatabase, table: String, ids: [Int], zoneId: Int, field: String, label: String) async throws {
        let unique = Array(Set(ids))
        guard !unique.isEmpty else { return }
        let found = try await tx.raw("SELECT id FROM \(ident: table) WHERE zone_id = \(bind: zoneId) AND archived_at IS NULL AND id IN (\(binds: unique))").rows(IDRow.self)
        let missing = Set(unique).subtracting(found.map(\.id))
        if let m = missing.sorted().first {
            throw StoreError.invalid(ValidationError(field: field, "\(label)（编号\(m)）不存在或不属于本区"))
        }
    }
}
