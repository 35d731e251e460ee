import Domain
import SQLKit

extension Store {
    struct UnitRow: Decodable {
        let id: Int; let name: String; let shortName: String; let kind: String; let sortOrder: Int
        let archivedAt: String?; let version: Int
        var unit: OrgUnit {
            OrgUnit(id: id, name: name, shortName: shortName, kind: OrgUnit.Kind(rawValue: kind) ?? .department,
                 sortOrder: sortOrder, archived: archivedAt != nil, version: version)
        }
    }

    public func units(zoneId: Int, includeArchived: Bool = false) async throws -> [OrgUnit] {
        let filter: SQLQueryString = includeArchived ? "" : " AND archived_at IS NULL"
        return try await sql.raw("SELECT id, name, short_name, kind, sort_order, archived_at, version FROM units WHERE zone_id = \(bind: zoneId)" + filter + " ORDER BY sort_order, id")
            .rows(UnitRow.self).map(\.unit)
    }

    public func unit(id: Int, zoneId: Int) async throws -> OrgUnit {
        guard let row = try await sql.raw("SELECT id, name, short_name, kind, sort_order, archived_at, version FROM units WHERE id = \(bind: id) AND zone_id = \(bind: zoneId)").row(UnitRow.self)
        else { throw StoreError.notFound(entity: "unit", id: id) }
        return row.unit
    }

    public func createUnit(_ draft: UnitDraft, actor: Actor) async throws -> OrgUnit {
        let unit = try validated { try MatrixRules.apply(draft, to: nil) }
        return try await write { tx in
            try await Store.requireUniqueUnitName(tx, unit.name, zoneId: actor.zoneId, except: nil)
            let now = Store.timestamp()
            let row = try await tx.raw("""
                INSERT INTO units (zone_id, name, short_name, kind, sort_order, version, created_at, updated_at)
                VALUES (\(bind: actor.zoneId), \(bind: unit.name), \(bind: unit.shortName), \(bind: unit.kind.rawValue), \(bind: unit.sortOrder), 1, \(bind: now), \(bind: now)) RETURNING id
                """).row(IDRow.self)
            var created = unit
            created.id = row!.id
            try await Store.audit(tx, actor: actor, action: .create, entity: "unit", id: created.id, before: Optional<OrgUnit>.none, after: created)
            return created
        }
    }

    public func updateUnit(id: Int, version: Int, _ draft: UnitDraft, actor: Actor) async throws -> OrgUnit {
        let before = try await unit(id: id, zoneId: actor.zoneId)
        let validated = try validated { try MatrixRules.apply(draft, to: before) }
        return try await write { tx in
            var after = validated
            try await Store.requireUniqueUnitName(tx, after.name, zoneId: actor.zoneId, except: id)
            try await Store.versionedUpdate(tx, table: "units", entity: "unit", id: id, zoneId: actor.zoneId, version: version, set: """
                name = \(bind: after.name), short_name = \(bind: after.shortName), kind = \(bind: after.kind.rawValue), sort_order = \(bind: after.sortOrder)
                """)
            after.version = version + 1
            try await Store.audit(tx, actor: actor, action: .update, entity: "unit", id: id, before: before, after: after)
            return after
        }
    }

    public func archiveUnit(id: Int, version: Int, actor: Actor) async throws {
        let before = try await unit(id: id, zoneId: actor.zoneId)
        try await write { tx in
            try await Store.setArchived(tx, true, table: "units", entity: "unit", id: id, zoneId: actor.zoneId, version: version)
            var after = before; after.archived = true; after.version = version + 1
            try await Store.audit(tx, actor: actor, action: .archive, entity: "unit", id: id, before: before, after: after)
        }
    }

    static func requireUniqueUnitName(_ tx: any SQLDatabase, _ name: String, zoneId: Int, except: Int?) async throws {
        if let row = try await tx.raw("SELECT id FROM units WHERE zone_id = \(bind: zoneId) AND name = \(bind: name)").row(IDRow.self), row.id != except {
            throw StoreError.duplicate(field: "name", message: "单位名称“\(name)”已存在")
        }
    }

    /// Runs a domain rule, turning its ValidationError into a StoreError.
    func validated<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let e as ValidationError { throw StoreError.invalid(e) }
    }
}
