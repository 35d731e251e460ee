import Domain
import Persistence
import Vapor
import Views

/// 佐证材料 in and out: checks uploaded files and keeps them in the blob store before the report is
/// written; serves a stored file to a signed-in reader of the zone.
enum EvidenceIntake {
    /// Total request size allowed on routes that take files (several files of up to 20 MB each).
    static let maxRequestBody: ByteCount = "64mb"

    static func register(_ app: RoutesBuilder) {
        app.on(.GET, "/evidence/:id", .permission(.readMatrix), use: download)
        app.on(.GET, "/indicator-evidence/:id", .permission(.readMatrix), use: downloadIndicatorEvidence)
    }

    @Sendable static func downloadIndicatorEvidence(_ req: Request) async throws -> Response {
        let actor = try req.actor(.readMatrix)
        let file = try await req.store.indicatorEvidenceFile(id: try req.id(), zoneId: actor.zoneId)
        return try serve(req, sha256: file.sha256, filename: file.filename, kind: file.kind)
    }

    /// Checks every file first (count, type, size), then stores them. Nothing is stored if one is refused.
    static func accept(_ files: [FormFields.UploadedFile], _ req: Request) throws -> [EvidenceUpload] {
        guard files.count <= EvidenceRules.maxFiles else {
            throw AppError(.unprocessableEntity, "invalid", "每份报告最多上传\(EvidenceRules.maxFiles)个佐证材料", field: "evidence")
        }
        var checked: [(FormFields.UploadedFile, EvidenceKind)] = []
        for f in files {
            do {
                checked.append((f, try EvidenceRules.check(filename: f.filename, size: f.data.count, head: Array(f.data.prefix(16)))))
            } catch let e as ValidationError {
                throw AppError(.unprocessableEntity, "invalid", e.message, field: e.field)
            }
        }
        let blobs = req.application.blobs
        return try checked.map { f, kind in
            EvidenceUpload(sha256: try blobs.put(f.data), filename: EvidenceRules.cleanName(f.filename), kind: kind, size: f.data.count)
        }
    }

    @Sendable static func download(_ req: Request) async throws -> Response {
        let actor = try req.actor(.readMatrix)
        let file = try await req.store.evidenceFile(id: try req.id(), zoneId: actor.zoneId)
        return try serve(req, sha256: file.sha256, filename: file.filename, kind: file.kind)
    }

    /// A stored file: images and PDFs open in the browser, Office files download; never sniffed into HTML.
    static func serve(_ req: Request, sha256: String, filename: String, kind: EvidenceKind) throws -> Response {
        guard let data = req.application.blobs.get(sha256) else {
            throw AppError(.notFound, "not_found", "文件“\(filename)”在存储中缺失，请联系系统管理员从备份恢复")
        }
        let inline = kind.isImage || kind == .pdf
        let encoded = filename.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "file"
        var headers: HTTPHeaders = [
            "Content-Type": kind.contentType, "X-Content-Type-Options": "nosniff", "Cache-Control": "private, max-age=3600",
            "Content-Security-Policy": "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
        ]
        headers.add(name: "Content-Disposition", value: "\(inline ? "inline" : "attachment"); filename*=UTF-8''\(encoded)")
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }
}

extension Application {
    var blobs: BlobStore { BlobStore(root: guatu.blobDirectory) }
}
