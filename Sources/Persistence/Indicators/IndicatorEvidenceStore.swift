import Domain
import Foundation
import SQLKit

/// A file attached to an indicator value (佐证材料).
public struct IndicatorEvidence: Sendable, Equatable, Identifiable {
    public let id: Int
    public let valueId: Int
    public let sha256: String
    public let filename: String
    public let kind: EvidenceKind
    public let size: Int
}

extension Store {
    struct IndicatorEvidenceRow: Decodable {
        let id: Int; let valueId: Int; let sha256: String; let filename: String; let kind: String; let size: Int
        var file: IndicatorEvidence { IndicatorEvidence(id: id, valueId: valueId, sha256: sha256, filename: filename, kind: EvidenceKind(rawValue: kind) ?? .pdf, size: size) }
    }
    static let indicatorEvidenceColumns: SQLQueryString = "SELECT id, value_id, sha256, filename, kind, size FROM indicator_evidence"

    static func attachIndicatorEvidence(_ tx: any SQLDatabase, _ files: [EvidenceUpload], valueId: Int, zoneId: Int, at now: String) async throws {
        for f in files {
            try await tx.raw("""
                INSERT INTO indicator_evidence (zone_id, value_id, sha256, filename, kind, size, uploaded_at)
                VALUES (\(bind: zoneId), \(bind: valueId), \(bind: f.sha256), \(bind: f.filename), \(bind: f.kind.rawValue), \(bind: f.size), \(bind: now))
                """).run()
        }
    }

    /// The files of each value, in upload order.
    public func indicatorEvidence(valueIds: [Int], zoneId: Int) async throws -> [Int: [IndicatorEvidence]] {
        guard !valueIds.isEmpty else { return [:] }
        let rows = try await sql.raw(Store.indicatorEvidenceColumns + " WHERE zone_id = \(bind: zoneId) AND value_id IN (\(binds: valueIds)) ORDER BY id").rows(IndicatorEvidenceRow.self)
        return Dictionary(grouping: rows.map(\.file), by: \.valueId)
    }

    public func indicatorEvidenceFile(id: Int, zoneId: Int) async throws -> IndicatorEvidence {
        guard let r = try await sql.raw(Store.indicatorEvidenceColumns + " WHERE id = \(bind: id) AND zone_id = \(bind: zoneId)").row(IndicatorEvidenceRow.self) else {
            throw StoreError.notFound(entity: "evidence", id: id)
        }
        return r.file
    }
}
