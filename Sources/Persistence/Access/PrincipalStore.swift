import Domain
import Foundation
import SQLKit

/// Who a request is, in one query: the account, its zone's name and the zone's data version.
public struct Principal: Sendable {
    public let account: UserAccount
    public let zoneName: String
    public let zoneDataVersion: Int
    /// Set for browser sessions.
    public let csrfToken: String?
    /// When the password was last set by its owner; nil when an administrator set it (it must be changed).
    public var passwordChangedAt: String? = nil
}

extension Store {
    struct PrincipalRow: Decodable {
        let id: Int; let zoneId: Int; let unitId: Int?; let username: String; let displayName: String
        let title: String; let roles: String; let passwordHash: String; let lockedUntil: String?
        let zoneName: String; let dataVersion: Int
        let csrfToken: String?; let expiresAt: String?; let tokenId: Int?; let lastUsedAt: String?; let enterpriseId: Int?
        let passwordChangedAt: String?
        func principal() -> Principal {
            var account = UserAccount(id: id, zoneId: zoneId, unitId: unitId, username: username, displayName: displayName, title: title,
                                      roles: Role.parseList(roles), canSignIn: !passwordHash.isEmpty, lockedUntil: lockedUntil,
                                      archived: false, version: 0)
            account.enterpriseId = enterpriseId
            return Principal(account: account, zoneName: zoneName, zoneDataVersion: dataVersion, csrfToken: csrfToken, passwordChangedAt: passwordChangedAt)
        }
    }

    /// The live account behind a session cookie (by its hash): not past its absolute expiry, and — with `idleSeconds` —
    /// used within that many seconds (last use is noted at most once a minute).
    public func principal(sessionHash: String, now: Date = Date(), idleSeconds: Double? = nil) async throws -> Principal? {
        guard let r = try await sql.raw("""
            SELECT u.id, u.zone_id, u.unit_id, u.enterprise_id, u.username, u.display_name, u.title, u.roles, u.password_hash, u.locked_until, u.password_changed_at,
                   z.name AS zone_name, z.data_version, s.csrf_token, s.expires_at, NULL AS token_id, s.last_seen_at AS last_used_at
            FROM sessions s JOIN users u ON u.id = s.user_id JOIN zones z ON z.id = u.zone_id
            WHERE s.id = \(bind: sessionHash) AND u.archived_at IS NULL
            """).row(PrincipalRow.self),
              let expires = r.expiresAt, expires > Store.timestamp(now), !r.passwordHash.isEmpty else { return nil }
        let lastSeen = r.lastUsedAt.flatMap(Store.date(fromTimestamp:))
        if let idleSeconds, let lastSeen, now.timeIntervalSince(lastSeen) > idleSeconds { return nil }
        if lastSeen.map({ now.timeIntervalSince($0) > 60 }) ?? true {
            try? await write { tx in try await tx.raw("UPDATE sessions SET last_seen_at = \(bind: Store.timestamp(now)) WHERE id = \(bind: sessionHash)").run() }
        }
        return r.principal()
    }

    /// The live account behind a bearer token (by its hash); notes the token's use at most once a minute.
    public func principal(tokenHash: String, now: Date = Date()) async throws -> Principal? {
        guard let r = try await sql.raw("""
            SELECT u.id, u.zone_id, u.unit_id, u.enterprise_id, u.username, u.display_name, u.title, u.roles, u.password_hash, u.locked_until, u.password_changed_at,
                   z.name AS zone_name, z.data_version, NULL AS csrf_token, NULL AS expires_at, t.id AS token_id, t.last_used_at
            FROM api_tokens t JOIN users u ON u.id = t.user_id JOIN zones z ON z.id = u.zone_id
            WHERE t.token_hash = \(bind: tokenHash) AND t.revoked_at IS NULL AND u.archived_at IS NULL
            """).row(PrincipalRow.self), !r.passwordHash.isEmpty else { return nil }
        if let tokenId = r.tokenId, r.lastUsedAt.flatMap(Store.date(fromTimestamp:)).map({ now.timeIntervalSince($0) > 60 }) ?? true {
            try? await write { tx in try await tx.raw("UPDATE api_tokens SET last_used_at = \(bind: Store.timestamp(now)) WHERE id = \(bind: tokenId)").run() }
        }
        return r.principal()
    }

    /// The zone's data version now (see AddZoneDataVersion).
    public func dataVersion(zoneId: Int) async throws -> Int {
        struct V: Decodable { let dataVersion: Int }
        return try await sql.raw("SELECT data_version FROM zones WHERE id = \(bind: zoneId)").row(V.self)?.dataVersion ?? 0
    }
}
