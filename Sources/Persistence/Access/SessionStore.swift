import Domain
import Foundation
import SQLKit

public struct ApiTokenInfo: Codable, Sendable, Equatable {
    public let id: Int
    public let name: String
    public let createdAt: String
    public let lastUsedAt: String?
    public let revokedAt: String?
}

extension Store {
    public func createSession(idHash: String, userId: Int, csrfToken: String, expiresAt: Date) async throws {
        try await write { tx in
            try await tx.raw("INSERT INTO sessions (id, user_id, csrf_token, created_at, expires_at) VALUES (\(bind: idHash), \(bind: userId), \(bind: csrfToken), \(bind: Store.timestamp()), \(bind: Store.timestamp(expiresAt)))").run()
        }
    }

    public func deleteSession(idHash: String) async throws {
        try await write { tx in try await tx.raw("DELETE FROM sessions WHERE id = \(bind: idHash)").run() }
    }

    public func createApiToken(userId: Int, zoneId: Int, name: String, tokenHash: String, actor: Actor) async throws -> Int {
        let label = name.trimmingCharacters(in: .whitespaces)
        guard !label.isEmpty, label.count <= TextLimits.name else {
            throw StoreError.invalid(ValidationError(field: "name", "令牌名称不能为空且不超过\(TextLimits.name)个字"))
        }
        return try await write { tx in
            let row = try await tx.raw("INSERT INTO api_tokens (user_id, name, token_hash, created_at) VALUES (\(bind: userId), \(bind: label), \(bind: tokenHash), \(bind: Store.timestamp())) RETURNING id").row(IDRow.self)
            try await Store.audit(tx, actor: actor, action: .tokenCreate, entity: "api_token", id: row!.id, before: Optional<String>.none, after: label, zoneId: zoneId)
            return row!.id
        }
    }

    public func apiTokens(userId: Int) async throws -> [ApiTokenInfo] {
        try await sql.raw("SELECT id, name, created_at, last_used_at, revoked_at FROM api_tokens WHERE user_id = \(bind: userId) ORDER BY id DESC").rows(ApiTokenInfo.self)
    }

    public func revokeApiToken(id: Int, userId: Int, actor: Actor) async throws {
        try await write { tx in
            guard try await tx.raw("UPDATE api_tokens SET revoked_at = \(bind: Store.timestamp()) WHERE id = \(bind: id) AND user_id = \(bind: userId) AND revoked_at IS NULL RETURNING id").row(IDRow.self) != nil
            else { throw StoreError.notFound(entity: "api_token", id: id) }
            try await Store.audit(tx, actor: actor, action: .tokenRevoke, entity: "api_token", id: id, before: Optional<String>.none, after: Optional<String>.none)
        }
    }
}
