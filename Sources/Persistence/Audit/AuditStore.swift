import Domain
import Foundation
import SQLKit

extension Store {
    /// Appends one line to the audit log, inside the caller's transaction, sealed onto the zone's chain (`AuditChain`).
    static func audit<B: Encodable, A: Encodable>(
        _ tx: any SQLDatabase, actor: Actor?, action: AuditEntry.Action, entity: String, id: Int?,
        before: B?, after: A?, zoneId: Int? = nil
    ) async throws {
        try await appendAudit(tx, [AuditChain.Line(zoneId: zoneId ?? actor?.zoneId, at: Store.timestamp(), userId: actor?.userId,
                                                   username: actor?.username ?? "system", action: action.rawValue, entity: entity, entityId: id,
                                                   before: before.map { Store.json($0) }, after: after.map { Store.json($0) })])
        // A bulk writer (an import) uses `AuditBuffer` instead and raises the version once at its end.
        if let zone = zoneId ?? actor?.zoneId, action.changesData { try await raiseDataVersion(tx, zoneId: zone) }
    }

    /// Every business change passes here or through `AuditBuffer.flush`, inside its transaction: the zone's cached views
    /// expire with it.
    static func raiseDataVersion(_ tx: any SQLDatabase, zoneId: Int) async throws {
        try await tx.raw("UPDATE zones SET data_version = data_version + 1 WHERE id = \(bind: zoneId)").run()
    }

    /// Audit lines gathered by a bulk writer (an import) and written at its end, in the same transaction.
    final class AuditBuffer: @unchecked Sendable {
        var rows: [AuditChain.Line] = []
        func add<B: Encodable, A: Encodable>(actor: Actor, action: AuditEntry.Action, entity: String, id: Int?, before: B?, after: A?) {
            rows.append(AuditChain.Line(zoneId: actor.zoneId, at: Store.timestamp(), userId: actor.userId, username: actor.username,
                                        action: action.rawValue, entity: entity, entityId: id,
                                        before: before.map { Store.json($0) }, after: after.map { Store.json($0) }))
        }
        /// Writes the lines and, like `Store.audit`, raises the data version of each zone whose business data they change
        /// (an import forgot to, and the pages kept showing the tasks as they were before it).
        func flush(_ tx: any SQLDatabase) async throws {
            try await Store.appendAudit(tx, rows)
            for zone in Set(rows.filter { AuditEntry.Action(rawValue: $0.action)?.changesData == true }.compactMap(\.zoneId)) {
                try await Store.raiseDataVersion(tx, zoneId: zone)
            }
            rows.removeAll()
        }
    }

    /// A version of just some kinds of record in a zone: the id of the newest audit line about any of them (every
    /// change to business data is audited, and the audit log only grows), 0 if none. For views computed from those
    /// records alone.
    public func entityVersion(zoneId: Int, entities: [String]) async throws -> Int {
        struct V: Decodable { let v: Int? }
        // Sign-ins and sign-outs are audited about users but change no record.
        return try await sql.raw("""
            SELECT MAX(id) AS v FROM audit_log WHERE zone_id = \(bind: zoneId) AND entity_type IN (\(binds: entities))
              AND action NOT IN ('login', 'logout', 'login_failed')
            """).row(V.self)?.v ?? 0
    }

    /// The id of the zone's newest audit line, 0 if none: a mark to ask later what changed since (`changes`). Lines of
    /// one zone are sealed one at a time (`AuditChain`), so they become visible in the order of their ids: once a mark
    /// is read, no line at or below it can still appear.
    public func auditMark(zoneId: Int) async throws -> Int {
        struct V: Decodable { let v: Int? }
        return try await sql.raw("SELECT MAX(id) AS v FROM audit_log WHERE zone_id = \(bind: zoneId)").row(V.self)?.v ?? 0
    }

    /// The records changed in a zone after audit line `after`, up to line `through`: each line's kind of record and id,
    /// oldest first, at most `limit` of them (the caller reads everything again when there are more).
    public func changes(zoneId: Int, after: Int, through: Int, limit: Int) async throws -> [(entity: String, id: Int?)] {
        struct R: Decodable { let entityType: String; let entityId: Int? }
        return try await sql.raw("""
            SELECT entity_type, entity_id FROM audit_log WHERE zone_id = \(bind: zoneId) AND id > \(bind: after) AND id <= \(bind: through)
            ORDER BY id LIMIT \(bind: limit)
            """).rows(R.self).map { ($0.entityType, $0.entityId) }
    }

    /// An audit line outside any business change (logins, token events).
    public func audit(actor: Actor?, action: AuditEntry.Action, entity: String, id: Int?, zoneId: Int?, detail: String? = nil) async throws {
        try await write { tx in
            try await Store.audit(tx, actor: actor, action: action, entity: entity, id: id,
                                  before: Optional<String>.none, after: detail, zoneId: zoneId)
        }
    }

    struct AuditRow: Decodable {
        let id: Int; let zoneId: Int?; let at: String; let userId: Int?; let username: String
        let action: String; let entityType: String; let entityId: Int?; let beforeJson: String?; let afterJson: String?
        var entry: AuditEntry {
            AuditEntry(id: id, zoneId: zoneId, at: at, userId: userId, username: username,
                       action: AuditEntry.Action(rawValue: action) ?? .update, entityType: entityType,
                       entityId: entityId, before: beforeJson, after: afterJson)
        }
    }

    public struct AuditFilter: Sendable {
        public var entityType: String?
        public var entityId: Int?
        public var username: String?
        public var limit: Int = 100
        public var offset: Int = 0
        public init(entityType: String? = nil, entityId: Int? = nil, username: String? = nil, limit: Int = 100, offset: Int = 0) {
            self.entityType = entityType; self.entityId = entityId; self.username = username
            self.limit = limit; self.offset = offset
        }
    }

    /// The zone's audit lines, newest first.
    public func auditEntries(zoneId: Int, _ f: AuditFilter) async throws -> (entries: [AuditEntry], total: Int) {
        var whereClause: SQLQueryString = " WHERE zone_id = \(bind: zoneId)"
        if let t = f.entityType { whereClause += " AND entity_type = \(bind: t)" }
        if let i = f.entityId { whereClause += " AND entity_id = \(bind: i)" }
        if let u = f.username { whereClause += " AND username = \(bind: u)" }
        let rows = try await sql.raw("SELECT * FROM audit_log" + whereClause + " ORDER BY id DESC LIMIT \(bind: f.limit) OFFSET \(bind: f.offset)").rows(AuditRow.self)
        let total = try await sql.raw("SELECT COUNT(*) AS n FROM audit_log" + whereClause).row(CountRow.self)?.n ?? 0
        return (rows.map(\.entry), total)
    }
}
