import Domain
import Foundation
import SQLKit

/// A signed-in browser session. The cookie holds a random token; the table holds only its SHA-256.
public struct SessionRecord: Sendable {
    public let userId: Int
    public let csrfToken: String
    public let expiresAt: String
}

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

    public func session(idHash: String, now: Date = Date()) async throws -> SessionRecord? {
        struct R: Decodable { let userId: Int; let csrfToken: String; let expiresAt: String }
        guard let r = try await sql.raw("SELECT user_id, csrf_token, expires_at FROM sessions WHERE id = \(bind: idHash)").row(R.self),
              r.expiresAt > Store.timestamp(now) else { return nil }
        return SessionRecord(userId: r.userId, csrfToken: r.csrfToken, expiresAt: r.expiresAt)
    }

    public func deleteSession(idHash: String) async throws {
        try await write { tx in try await tx.raw("DELETE FROM sessions WHERE id = \(bind: idHash)").run() }
    }

    /// The account behind a session or token, if it may still act.
    public func activeAccount(userId: Int) async throws -> UserAccount? {
        guard let r = try await sql.raw(Store.userColumns + " WHERE id = \(bind: userId) AND archived_at IS NULL").row(UserRow.self) else { return nil }
        return r.account
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

    /// The user a bearer token stands for, if it is live.
    public func userId(forTokenHash hash: String) async throws -> Int? {
        struct R: Decodable { let id: Int; let userId: Int; let lastUsedAt: String? }
        guard let r = try await sql.raw("SELECT id, user_id, last_used_at FROM api_tokens WHERE token_hash = \(bind: hash) AND revoked_at IS NULL").row(R.self) else { return nil }
        // Touch last_used_at at most once a minute, so reads stay reads.
        let now = Date()
        if r.lastUsedAt.flatMap(Store.date(fromTimestamp:)).map({ now.timeIntervalSince($0) > 60 }) ?? true {
            try? await write { tx in try await tx.raw("UPDATE api_tokens SET last_used_at = \(bind: Store.timestamp(now)) WHERE id = \(bind: r.id)").run() }
        }
        return r.userId
    }
}
