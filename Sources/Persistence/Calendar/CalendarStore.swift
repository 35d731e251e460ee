import Domain
import Foundation
import SQLKit

/// A zone's working-day exception, as stored.
public struct StoredOverride: Codable, Sendable, Equatable, Identifiable {
    public let id: Int
    public let override: ZoneOverride
    public let version: Int
}

extension Store {
    /// Notices loaded into this installation (they replace a shipped notice of the same year).
    public func loadedNotices() async throws -> [HolidayNotice] {
        struct R: Decodable { let year: Int; let body: String }
        return try await sql.raw("SELECT year, body FROM calendar_notices ORDER BY year").rows(R.self).compactMap {
            try? HolidayNotice.fromJSON(Data($0.body.utf8))
        }
    }

    /// Saves a validated notice for its year, replacing an earlier load, and expires every zone's
    /// computed views (lights depend on working days).
    public func saveNotice(_ notice: HolidayNotice, loadedBy: String, actor: Actor?) async throws {
        do { try notice.validate() } catch let e as ValidationError { throw StoreError.invalid(e) }
        let body = String(decoding: try notice.jsonData(), as: UTF8.self)
        try await write { tx in
            struct B: Decodable { let body: String }
            let before = try await tx.raw("SELECT body FROM calendar_notices WHERE year = \(bind: notice.year)").row(B.self)?.body
            try await tx.raw("DELETE FROM calendar_notices WHERE year = \(bind: notice.year)").run()
            try await tx.raw("INSERT INTO calendar_notices (year, body, loaded_at, loaded_by) VALUES (\(bind: notice.year), \(bind: body), \(bind: Store.timestamp()), \(bind: loadedBy))").run()
            try await Store.appendAudit(tx, [AuditChain.Line(zoneId: nil, at: Store.timestamp(), userId: actor?.userId, username: actor?.username ?? loadedBy,
                                                             action: before == nil ? "create" : "update", entity: "calendar_notice",
                                                             entityId: notice.year, before: before, after: body)])
            try await tx.raw("UPDATE zones SET data_version = data_version + 1").run()
        }
    }

    public func calendarOverrides(zoneId: Int) async throws -> [StoredOverride] {
        struct R: Decodable { let id: Int; let day: String; let kind: String; let name: String; let version: Int }
        return try await sql.raw("SELECT id, day, kind, name, version FROM calendar_overrides WHERE zone_id = \(bind: zoneId) AND archived_at IS NULL ORDER BY day").rows(R.self).compactMap { r in
            guard let day = Day(iso: r.day), let kind = ZoneOverride.Kind(rawValue: r.kind) else { return nil }
            return StoredOverride(id: r.id, override: ZoneOverride(day: day, kind: kind, name: r.name), version: r.version)
        }
    }

    public func addCalendarOverride(_ o: ZoneOverride, actor: Actor) async throws -> StoredOverride {
        let name = o.name.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, name.count <= TextLimits.name else {
            throw StoreError.invalid(ValidationError(field: "name", "名称不能为空且不超过\(TextLimits.name)个字"))
        }
        return try await write { tx in
            if try await tx.raw("SELECT id FROM calendar_overrides WHERE zone_id = \(bind: actor.zoneId) AND day = \(bind: o.day.iso) AND archived_at IS NULL").row(IDRow.self) != nil {
                throw StoreError.duplicate(field: "day", message: "\(o.day.iso)已有本区调整，请先删除原调整")
            }
            let now = Store.timestamp()
            let row = try await tx.raw("""
                INSERT INTO calendar_overrides (zone_id, day, kind, name, version, created_at, updated_at)
                VALUES (\(bind: actor.zoneId), \(bind: o.day.iso), \(bind: o.kind.rawValue), \(bind: name), 1, \(bind: now), \(bind: now)) RETURNING id
                """).row(IDRow.self)
            let saved = StoredOverride(id: row!.id, override: ZoneOverride(day: o.day, kind: o.kind, name: name), version: 1)
            try await Store.audit(tx, actor: actor, action: .create, entity: "calendar_override", id: saved.id, before: Optional<ZoneOverride>.none, after: saved.override)
            return saved
        }
    }

    public func archiveCalendarOverride(id: Int, version: Int, actor: Actor) async throws {
        guard let before = try await calendarOverrides(zoneId: actor.zoneId).first(where: { $0.id == id }) else {
            throw StoreError.notFound(entity: "calendar_override", id: id)
        }
        try await write { tx in
            try await Store.setArchived(tx, true, table: "calendar_overrides", entity: "calendar_override", id: id, zoneId: actor.zoneId, version: version)
            try await Store.audit(tx, actor: actor, action: .archive, entity: "calendar_override", id: id, before: before.override, after: Optional<ZoneOverride>.none)
        }
    }
}
