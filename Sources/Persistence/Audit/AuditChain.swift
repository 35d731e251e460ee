import Crypto
import Foundation
import SQLKit

/// Tamper evidence for the audit log (等保 2.0 安全审计: 对审计记录进行保护): each zone's lines form a chain, every
/// line carrying the hash of the zone's line before it and its own hash over its content and that link.
/// An edited line no longer matches its hash; an inserted or deleted one breaks the next line's link.
/// `guatu audit verify` walks every chain (`Store.verifyAudit`).
public enum AuditChain {
    /// One audit line as written (what the hash covers).
    public struct Line: Sendable, Equatable {
        public var zoneId: Int?
        public var at: String
        public var userId: Int?
        public var username: String
        public var action: String
        public var entity: String
        public var entityId: Int?
        public var before: String?
        public var after: String?
        /// A stored line's content, as the chain covers it.
        init(_ r: StoredLine) {
            self.init(zoneId: r.zoneId, at: r.at, userId: r.userId, username: r.username, action: r.action, entity: r.entityType,
                      entityId: r.entityId, before: r.beforeJson, after: r.afterJson)
        }
        public init(zoneId: Int?, at: String, userId: Int?, username: String, action: String, entity: String, entityId: Int?, before: String?, after: String?) {
            self.zoneId = zoneId; self.at = at; self.userId = userId; self.username = username; self.action = action
            self.entity = entity; self.entityId = entityId; self.before = before; self.after = after
        }
    }

    /// An `audit_log` row as read for sealing (the migration) and checking (`verifyAudit`), in id order.
    struct StoredLine: Decodable {
        let id: Int; let zoneId: Int?; let at: String; let userId: Int?; let username: String; let action: String
        let entityType: String; let entityId: Int?; let beforeJson: String?; let afterJson: String?; let prevHash: String?; let hash: String?
        static let columns: SQLQueryString = "SELECT id, zone_id, at, user_id, username, action, entity_type, entity_id, before_json, after_json"
    }

    /// The hash of a zone's first line links to this.
    public static let genesis = ""

    /// SHA-256 (hex) of the previous hash, a newline and the line's fields as a JSON array (nulls kept),
    /// so no two different lines share a text.
    public static func seal(_ l: Line, previous: String) -> String {
        let fields: [String?] = [l.zoneId.map(String.init), l.at, l.userId.map(String.init), l.username, l.action,
                                 l.entity, l.entityId.map(String.init), l.before, l.after]
        let text = previous + "\n" + Store.json(fields)
        return SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}

extension Store {
    /// Appends audit lines inside the caller's transaction, each sealed onto its zone's chain. On PostgreSQL a
    /// transaction-scoped advisory lock per zone keeps two transactions from extending the same head at once
    /// (SQLite writes one transaction at a time already); the lock ends with the transaction.
    static func appendAudit(_ tx: any SQLDatabase, _ lines: [AuditChain.Line]) async throws {
        guard !lines.isEmpty else { return }
        var heads: [Int: String] = [:]
        var sealed: [(line: AuditChain.Line, prev: String, hash: String)] = []
        sealed.reserveCapacity(lines.count)
        for l in lines {
            let key = l.zoneId ?? 0
            let prev: String
            if let h = heads[key] { prev = h } else {
                if tx.dialect.name == "postgresql" {
                    // One bigint key per zone (a fixed prefix keeps clear of other advisory locks).
                    try await tx.raw("SELECT pg_advisory_xact_lock(\(bind: 7_281_100_000_000 + key))").run()
                }
                prev = try await auditHead(tx, zoneId: l.zoneId)
            }
            let h = AuditChain.seal(l, previous: prev)
            heads[key] = h
            sealed.append((l, prev, h))
        }
        var i = 0
        while i < sealed.count {
            let chunk = sealed[i..<min(i + 200, sealed.count)]
            i += chunk.count
            var q: SQLQueryString = "INSERT INTO audit_log (zone_id, at, user_id, username, action, entity_type, entity_id, before_json, after_json, prev_hash, hash) VALUES "
            for (k, s) in chunk.enumerated() {
                let l = s.line
                if k > 0 { q += ", " }
                q += "(\(bind: l.zoneId), \(bind: l.at), \(bind: l.userId), \(bind: l.username), \(bind: l.action), \(bind: l.entity), \(bind: l.entityId), \(bind: l.before), \(bind: l.after), \(bind: s.prev), \(bind: s.hash))"
            }
            try await tx.raw(q).run()
        }
    }

    /// The hash of the zone's last line (the chain's head), or the genesis link for a zone with none.
    static func auditHead(_ tx: any SQLDatabase, zoneId: Int?) async throws -> String {
        struct H: Decodable { let hash: String? }
        let q: SQLQueryString = zoneId == nil
            ? "SELECT hash FROM audit_log WHERE zone_id IS NULL ORDER BY id DESC LIMIT 1"
            : "SELECT hash FROM audit_log WHERE zone_id = \(bind: zoneId) ORDER BY id DESC LIMIT 1"
        return try await tx.raw(q).row(H.self)?.hash ?? AuditChain.genesis
    }

    /// What `guatu audit verify` found.
    public struct AuditVerification: Sendable {
        public enum Fault: String, Sendable {
            case edited = "内容被改动", broken = "链接断开（前一条被删除、插入或改动）", unsealed = "未封存"
            case headMissing = "此前记下的链头已不存在（链尾被截断或整条链被重写）"
            case headChanged = "此前记下的链头哈希已变（整条链被重新计算）"
        }
        public struct Problem: Sendable { public let id: Int; public let zoneId: Int?; public let fault: Fault }
        public var checked = 0
        public var problems: [Problem] = []
        /// Each chain's head (zone id, 0 for lines of no zone → last id and hash): write them down to notice a cut-off tail later.
        public var heads: [Int: (id: Int, hash: String)] = [:]
        public var ok: Bool { problems.isEmpty }
    }

    /// A chain head written down earlier (`guatu audit heads`), kept where the database's owner cannot change it.
    public struct AuditHead: Codable, Sendable, Equatable {
        /// The zone's id, 0 for the lines of no zone.
        public let chain: Int
        public let id: Int
        public let hash: String
        public init(chain: Int, id: Int, hash: String) { self.chain = chain; self.id = id; self.hash = hash }
    }

    /// Walks every chain in id order, recomputing each hash; then checks that each head in `knownHeads` is still in
    /// its chain with the same hash (a recomputed chain or a cut-off tail is otherwise invisible).
    public func verifyAudit(limitProblems: Int = 1000, knownHeads: [AuditHead] = []) async throws -> AuditVerification {
        var v = AuditVerification()
        let wanted = Set(knownHeads.map(\.id))
        var seen: [Int: (chain: Int, hash: String?)] = [:]
        var expected: [Int: String] = [:]
        var last = 0
        while true {
            let rows = try await sql.raw(AuditChain.StoredLine.columns + ", prev_hash, hash FROM audit_log WHERE id > \(bind: last) ORDER BY id LIMIT 5000")
                .rows(AuditChain.StoredLine.self)
            if rows.isEmpty { break }
            for r in rows {
                last = r.id
                v.checked += 1
                let key = r.zoneId ?? 0
                let prev = expected[key] ?? AuditChain.genesis
                let line = AuditChain.Line(r)
                var fault: AuditVerification.Fault?
                if let hash = r.hash, let p = r.prevHash {
                    if p != prev { fault = .broken } else if AuditChain.seal(line, previous: p) != hash { fault = .edited }
                    // The next line links to the stored hash: one cut or edit is reported once, not at every later line.
                    expected[key] = hash
                } else {
                    fault = .unsealed
                    expected[key] = AuditChain.seal(line, previous: prev)
                }
                if let fault, v.problems.count < limitProblems { v.problems.append(.init(id: r.id, zoneId: r.zoneId, fault: fault)) }
                v.heads[key] = (r.id, expected[key] ?? "")
                if wanted.contains(r.id) { seen[r.id] = (key, r.hash) }
            }
        }
        for h in knownHeads where v.problems.count < limitProblems {
            guard let s = seen[h.id], s.chain == h.chain else { v.problems.append(.init(id: h.id, zoneId: h.chain == 0 ? nil : h.chain, fault: .headMissing)); continue }
            if s.hash != h.hash { v.problems.append(.init(id: h.id, zoneId: h.chain == 0 ? nil : h.chain, fault: .headChanged)) }
        }
        return v
    }
}
