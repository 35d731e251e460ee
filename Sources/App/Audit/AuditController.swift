import Domain
import Persistence
import Vapor
import Views

/// The audit log, for the audit administrator (审计管理员).
enum AuditController {
    static func register(_ app: RoutesBuilder) {
        app.on(.GET, SiteURL.audit.path, .permission(.readAudit), use: list)
    }

    static let entityNames = AppError.entityNames.merging(["zone": "园区"]) { a, _ in a }

    @Sendable static func list(_ req: Request) async throws -> Response {
        let actor = try req.actor(.readAudit)
        let limit = 100
        let offset = max(0, req.query[Int.self, at: "offset"] ?? 0)
        let entity = req.query[String.self, at: "entity"].flatMap { $0.isEmpty ? nil : $0 }
        let user = req.query[String.self, at: "user"].flatMap { $0.isEmpty ? nil : $0 }
        let (entries, total) = try await req.store.auditEntries(zoneId: actor.zoneId, .init(entityType: entity, username: user, limit: limit, offset: offset))
        var page = TablePage(title: "审计日志", intro: "所有业务数据的新建、修改、归档以及登录事件，只增不改。共\(total)条。",
            headers: ["编号", "时间（UTC）", "操作人", "操作", "对象", "变更内容"],
            rows: entries.map { e in
                let changes = AuditDiff.changes(before: e.before, after: e.after).prefix(8).map { "\($0.field)：\($0.before) → \($0.after)" }.joined(separator: "；")
                return [.text(String(e.id)), .text(String(e.at.prefix(19)).replacingOccurrences(of: "T", with: " ")), .text(e.username), .text(e.action.chineseName),
                        .text("\(entityNames[e.entityType] ?? e.entityType) \(e.entityId.map { "#\($0)" } ?? "")"), .text(changes)]
            })
        page.pager = (offset, limit, total, .audit, [("entity", entity), ("user", user)])
        return req.html(page.render(req.pageContext(current: .audit)))
    }
}
