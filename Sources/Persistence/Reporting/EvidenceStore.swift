import Domain
import Foundation
import SQLKit

/// One file attached to a report (佐证材料); its bytes are in the blob store under `sha256`.
public struct EvidenceFile: Codable, Sendable, Equatable, Identifiable {
    public let id: Int
    public let reportId: Int
    public let sha256: String
    public let filename: String
    public let kind: EvidenceKind
    public let size: Int
    public let uploadedAt: String
}

/// A checked file already in the blob store, waiting to be attached to the report being submitted.
public struct EvidenceUpload: Sendable, Equatable, Codable {
    public let sha256: String
    public let filename: String
    public let kind: EvidenceKind
    public let size: Int
    public init(sha256: String, filename: String, kind: EvidenceKind, size: Int) {
        self.sha256 = sha256; self.filename = filename; self.kind = kind; self.size = size
    }
}

extension Store {
    struct EvidenceRow: Decodable {
        let id: Int; let reportId: Int; let sha256: String; let filename: String; let kind: String; let size: Int; let uploadedAt: String
        var file: EvidenceFile {
            EvidenceFile(id: id, reportId: reportId, sha256: sha256, filename: filename, kind: EvidenceKind(rawValue: kind) ?? .pdf, size: size, uploadedAt: uploadedAt)
        }
    }
    static let evidenceColumns: SQLQueryString = "SELECT id, report_id, sha256, filename, kind, size, uploaded_at FROM evidence_files"

    static func attach(_ tx: any SQLDatabase, _ files: [EvidenceUpload], reportId: Int, zoneId: Int, at now: String) async throws -> [EvidenceFile] {
        var out: [EvidenceFile] = []
        for f in files {
            let id = try await tx.raw("""
                INSERT INTO evidence_files (zone_id, report_id, sha256, filename, kind, size, uploaded_at)
                VALUES (\(bind: zoneId), \(bind: reportId), \(bind: f.sha256), \(bind: f.filename), \(bind: f.kind.rawValue), \(bind: f.size), \(bind: now)) RETURNING id
                """).row(IDRow.self)!.id
            out.append(EvidenceFile(id: id, reportId: reportId, sha256: f.sha256, filename: f.filename, kind: f.kind, size: f.size, uploadedAt: now))
        }
        return out
    }

    /// The files of each report, in upload order.
    public func evidence(reportIds: [Int], zoneId: Int) async throws -> [Int: [EvidenceFile]] {
        guard !reportIds.isEmpty else { return [:] }
        let rows = try await sql.raw(Store.evidenceColumns + " WHERE zone_id = \(bind: zoneId) AND report_id IN (\(binds: reportIds)) ORDER BY id").rows(EvidenceRow.self)
        return Dictionary(grouping: rows.map(\.file), by: \.reportId)
    }

    public func evidenceFile(id: Int, zoneId: Int) async throws -> EvidenceFile {
        guard let r = try await sql.raw(Store.evidenceColumns + " WHERE id = \(bind: id) AND zone_id = \(bind: zoneId)").row(EvidenceRow.self) else {
            throw StoreError.notFound(entity: "evidence", id: id)
        }
        return r.file
    }
}
