import FluentKit
import SQLKit

/// audit_log.prev_hash / hash: every zone's lines chained by hash (`AuditChain`), the lines already there sealed in id order.
struct SealAuditLog: NamedMigration {
    static let migrationName = "2026-11-27-seal-audit-log"
    func prepare(on db: any Database) async throws {
        let sql = db.sql
        try await sql.raw("ALTER TABLE audit_log ADD COLUMN prev_hash TEXT").run()
        try await sql.raw("ALTER TABLE audit_log ADD COLUMN hash TEXT").run()
        // A chain's head is its zone's highest id.
        try await db.index("idx_audit_zone_id", on: "audit_log", "zone_id", "id")
        var heads: [Int: String] = [:]
        var last = 0
        while true {
            // prev_hash and hash are NULL here: the columns were added above.
            let rows = try await sql.raw(AuditChain.StoredLine.columns + ", prev_hash, hash FROM audit_log WHERE id > \(bind: last) ORDER BY id LIMIT 1000")
                .rows(AuditChain.StoredLine.self)
            guard let tail = rows.last else { break }
            last = tail.id
            var q: SQLQueryString = "UPDATE audit_log SET prev_hash = v.column2, hash = v.column3 FROM (VALUES "
            for (k, r) in rows.enumerated() {
                let key = r.zoneId ?? 0
                let prev = heads[key] ?? AuditChain.genesis
                let h = AuditChain.seal(AuditChain.Line(r), previous: prev)
                heads[key] = h
                if k > 0 { q += ", " }
                q += "(\(bind: r.id), \(bind: prev), \(bind: h))"
            }
            q += ") AS v WHERE audit_log.id = v.column1"
            try await sql.raw(q).run()
        }
    }
    func revert(on db: any Database) async throws {}
}
