import Domain
import Foundation
import SQLKit

/// A file attached to an appeal (the firm's evidence of its problem); its bytes are in the blob store.
public struct AppealFile: Codable, Sendable, Equatable, Identifiable {
    public let id: Int
    public let appealId: Int
    public let sha256: String
    public let filename: String
    public let kind: EvidenceKind
    public let size: Int
}

extension Store {
    struct AppealFileRow: Decodable {
        let id: Int; let appealId: Int; let sha256: String; let filename: String; let kind: String; let size: Int
        var file: AppealFile { AppealFile(id: id, appealId: appealId, sha256: sha256, filename: filename, kind: EvidenceKind(rawValue: kind) ?? .pdf, size: size) }
    }

    public func appealFiles(appealId: Int, zoneId: Int) async throws -> [AppealFile] {
        try await sql.raw("SELECT id, appeal_id, sha256, filename, kind, size FROM appeal_files WHERE appeal_id = \(bind: appealId) AND zone_id = \(bind: zoneId) ORDER BY id")
            .rows(AppealFileRow.self).map(\.file)
    }

    public func appealFile(id: Int, zoneId: Int) async throws -> AppealFile {
        guard let r = try await sql.raw("SELECT id, appeal_id, sha256, filename, kind, size FROM appeal_files WHERE id = \(bind: id) AND zone_id = \(bind: zoneId)")
            .row(AppealFileRow.self) else { throw StoreError.notFound(entity: "appeal_file", id: id) }
        return r.file
    }
}
