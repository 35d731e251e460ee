import Domain
import Foundation
import SQLKit

/// A published (frozen) result: one version per publication, never rewritten.
public struct PublishedResult: Sendable, Equatable, Identifiable {
    public let id: Int
    public let resultVersion: Int
    public let schemeVersion: Int
    public let publishedAt: String
    public let publishedByName: String
    public let note: String
    /// nil when listed without content.
    public let snapshot: ResultSnapshot?
    /// Against the previous version (empty for the first).
    public let changes: [ResultChange]
}

extension Store {
    struct ResultRow: Decodable {
        let id: Int; let resultVersion: Int; let schemeVersion: Int; let publishedAt: String; let publishedByName: String; let note: String
        let snapshot: String?; let changes: String
        func result() throws -> PublishedResult {
            PublishedResult(id: id, resultVersion: resultVersion, schemeVersion: schemeVersion, publishedAt: publishedAt, publishedByName: publishedByName, note: note,
                            snapshot: try snapshot.map { try JSONDecoder().decode(ResultSnapshot.self, from: Data($0.utf8)) },
                            changes: try JSONDecoder().decode([ResultChange].self, from: Data(changes.utf8)))
        }
    }

    /// The scheme's published versions, newest first, without their snapshots.
    public func results(schemeId: Int, zoneId: Int) async throws -> [PublishedResult] {
        try await sql.raw("""
            SELECT id, result_version, scheme_version, published_at, published_by_name, note, NULL AS snapshot, changes FROM assessment_results
            WHERE scheme_id = \(bind: schemeId) AND zone_id = \(bind: zoneId) ORDER BY result_version DESC
            """).rows(ResultRow.self).map { try $0.result() }
    }

    /// One published version with its snapshot; the latest when `version` is nil. nil when none is published.
    public func result(schemeId: Int, zoneId: Int, version: Int? = nil) async throws -> PublishedResult? {
        let filter: SQLQueryString = version.map { "AND result_version = \(bind: $0)" } ?? ""
        return try await sql.raw("""
            SELECT id, result_version, scheme_version, published_at, published_by_name, note, snapshot, changes FROM assessment_results
            WHERE scheme_id = \(bind: schemeId) AND zone_id = \(bind: zoneId) \(filter) ORDER BY result_version DESC LIMIT 1
            """).row(ResultRow.self)?.result()
    }

    /// Publishes `snapshot` as the next version: refused (409) when the scheme changed since `schemeVersion` was
    /// read or another publication landed since `after` (the latest version the caller saw, 0 for none).
    public func publishResult(schemeId: Int, schemeVersion: Int, after: Int, snapshot: ResultSnapshot, note: String, actor: Actor) async throws -> PublishedResult {
        let note = note.trimmingCharacters(in: .whitespacesAndNewlines)
        guard note.count <= TextLimits.longText else { throw StoreError.invalid(ValidationError(field: "note", "说明不能超过\(TextLimits.longText)字")) }
        return try await write { tx in
            struct V: Decodable { let version: Int }
            guard let s = try await tx.raw("SELECT version FROM assessment_schemes WHERE id = \(bind: schemeId) AND zone_id = \(bind: actor.zoneId)").row(V.self) else {
                throw StoreError.notFound(entity: "assessment_scheme", id: schemeId)
            }
            guard s.version == schemeVersion else { throw StoreError.conflict(entity: "assessment_scheme", id: schemeId, current: s.version) }
            struct L: Decodable { let resultVersion: Int; let snapshot: String }
            let latest = try await tx.raw("SELECT result_version, snapshot FROM assessment_results WHERE scheme_id = \(bind: schemeId) ORDER BY result_version DESC LIMIT 1").row(L.self)
            guard (latest?.resultVersion ?? 0) == after else {
                throw StoreError.conflict(entity: "assessment_result", id: schemeId, current: latest?.resultVersion ?? 0)
            }
            if note.isEmpty, latest != nil {
                throw StoreError.invalid(ValidationError(field: "note", "重新发布须说明原因（如数据更正、方案调整）"))
            }
            let old = try latest.map { try JSONDecoder().decode(ResultSnapshot.self, from: Data($0.snapshot.utf8)).result.scorecards } ?? []
            let changes = latest == nil ? [] : ResultChange.between(old, snapshot.result.scorecards)
            let next = (latest?.resultVersion ?? 0) + 1
            let id = try await tx.raw("""
                INSERT INTO assessment_results (zone_id, scheme_id, result_version, scheme_version, published_at, published_by_name, note, snapshot, changes)
                VALUES (\(bind: actor.zoneId), \(bind: schemeId), \(bind: next), \(bind: schemeVersion), \(bind: Store.timestamp()), \(bind: actor.displayName),
                  \(bind: note), \(bind: Store.json(snapshot)), \(bind: Store.json(changes))) RETURNING id
                """).row(IDRow.self)!.id
            try await Store.audit(tx, actor: actor, action: .create, entity: "assessment_result", id: id, before: Optional<String>.none,
                                  after: ["scheme": String(schemeId), "version": String(next), "note": note,
                                          "totals": snapshot.result.scorecards.map { "\($0.unitName) \(formatNumber($0.total)) 第\($0.rank)名 \($0.grade)" }.joined(separator: "；")])
            return try await tx.raw("SELECT id, result_version, scheme_version, published_at, published_by_name, note, snapshot, changes FROM assessment_results WHERE id = \(bind: id)")
                .row(ResultRow.self)!.result()
        }
    }

    /// Quarter → unit → total, from the latest published result of each quarter's scheme of the same category.
    public func quarterTotals(zoneId: Int, year: Int, category: OrgUnit.Kind) async throws -> [Int: [Int: Double]] {
        var out: [Int: [Int: Double]] = [:]
        for q in 1...4 {
            struct S: Decodable { let id: Int }
            guard let s = try await sql.raw("SELECT id FROM assessment_schemes WHERE zone_id = \(bind: zoneId) AND period_key = \(bind: "\(year)-Q\(q)") AND category = \(bind: category.rawValue) AND archived_at IS NULL").row(S.self),
                  let r = try await result(schemeId: s.id, zoneId: zoneId) else { continue }
            out[q] = Dictionary(r.snapshot?.result.scorecards.map { ($0.unitId, $0.total) } ?? [], uniquingKeysWith: { a, _ in a })
        }
        return out
    }
}
