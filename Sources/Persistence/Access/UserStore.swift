import Domain
import Foundation
import SQLKit

extension Store {
    struct UserRow: Decodable {
        let id: Int; let zoneId: Int; let unitId: Int?; let username: String; let displayName: String
        let title: String; let roles: String; let passwordHash: String; let failedLogins: Int
        let lockedUntil: String?; let archivedAt: String?; let version: Int; let enterpriseId: Int?
        var account: UserAccount {
            var a = UserAccount(id: id, zoneId: zoneId, unitId: unitId, username: username, displayName: displayName,
                                title: title, roles: Role.parseList(roles), canSignIn: !passwordHash.isEmpty,
                                lockedUntil: lockedUntil, archived: archivedAt != nil, version: version)
            a.enterpriseId = enterpriseId
            return a
        }
    }
    static let userColumns: SQLQueryString = "SELECT id, zone_id, unit_id, username, display_name, title, roles, password_hash, failed_logins, locked_until, archived_at, version, enterprise_id FROM users"

    public func users(zoneId: Int, includeArchived: Bool = false) async throws -> [UserAccount] {
        let filter: SQLQueryString = includeArchived ? "" : " AND archived_at IS NULL"
        return try await sql.raw(Store.userColumns + " WHERE zone_id = \(bind: zoneId)" + filter + " ORDER BY id").rows(UserRow.self).map(\.account)
    }

    public func user(id: Int, zoneId: Int) async throws -> UserAccount {
        guard let r = try await sql.raw(Store.userColumns + " WHERE id = \(bind: id) AND zone_id = \(bind: zoneId)").row(UserRow.self)
        else { throw StoreError.notFound(entity: "user", id: id) }
        return r.account
    }

    /// What sign-in needs: the account, its password hash and failure count. Usernames are global.
    public func loginRecord(username: String) async throws -> (account: UserAccount, passwordHash: String, failedLogins: Int)? {
        guard let r = try await sql.raw(Store.userColumns + " WHERE username = \(bind: username)").row(UserRow.self) else { return nil }
        return (r.account, r.passwordHash, r.failedLogins)
    }

    /// - Parameter mustChange: the password was chosen by an administrator: its owner must replace it at the first sign-in.
    public func createUser(zoneId: Int, _ d: UserDraft, roles: Set<Role>, passwordHash: String, actor: Actor?, mustChange: Bool = false) async throws -> UserAccount {
        let username = (d.username ?? "").trimmingCharacters(in: .whitespaces)
        try validated { try UsernameRules.check(username) }
        let name = (d.displayName ?? "").trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, name.count <= TextLimits.name else {
            throw StoreError.invalid(ValidationError(field: "displayName", "姓名不能为空且不超过\(TextLimits.name)个字"))
        }
        let title = (d.title ?? "").trimmingCharacters(in: .whitespaces)
        guard title.count <= TextLimits.name else { throw StoreError.invalid(ValidationError(field: "title", "职务不能超过\(TextLimits.name)个字")) }
        return try await write { tx in
            if let u = d.unitId { try await Store.requireInZone(tx, table: "units", ids: [u], zoneId: zoneId, field: "unitId", label: "单位") }
            if try await tx.raw("SELECT id FROM users WHERE username = \(bind: username)").row(IDRow.self) != nil {
                throw StoreError.duplicate(field: "username", message: "用户名“\(username)”已被使用")
            }
            let now = Store.timestamp()
            let row = try await tx.raw("""
                INSERT INTO users (zone_id, unit_id, username, display_name, title, roles, password_hash, failed_logins, version, created_at, updated_at, password_changed_at)
                VALUES (\(bind: zoneId), \(bind: d.unitId), \(bind: username), \(bind: name), \(bind: title), \(bind: Role.format(roles)), \(bind: passwordHash), 0, 1, \(bind: now), \(bind: now),
                        \(bind: mustChange ? nil : now)) RETURNING id
                """).row(IDRow.self)
            let created = UserAccount(id: row!.id, zoneId: zoneId, unitId: d.unitId, username: username, displayName: name,
                                      title: title, roles: roles, canSignIn: !passwordHash.isEmpty, lockedUntil: nil, archived: false, version: 1)
            try await Store.audit(tx, actor: actor, action: .create, entity: "user", id: created.id, before: Optional<UserAccount>.none, after: created, zoneId: zoneId)
            return created
        }
    }

    public func updateUser(id: Int, version: Int, _ d: UserDraft, actor: Actor) async throws -> UserAccount {
        let before = try await user(id: id, zoneId: actor.zoneId)
        var after = before
        if let n = d.displayName?.trimmingCharacters(in: .whitespaces) {
            guard !n.isEmpty, n.count <= TextLimits.name else { throw StoreError.invalid(ValidationError(field: "displayName", "姓名不能为空且不超过\(TextLimits.name)个字")) }
            after.displayName = n
        }
        if let t = d.title { after.title = String(t.prefix(TextLimits.name)) }
        if let u = d.unitId { after.unitId = u }
        return try await write { [after] tx in
            var after = after
            if let u = d.unitId { try await Store.requireInZone(tx, table: "units", ids: [u], zoneId: actor.zoneId, field: "unitId", label: "单位") }
            try await Store.versionedUpdate(tx, table: "users", entity: "user", id: id, zoneId: actor.zoneId, version: version,
                set: "display_name = \(bind: after.displayName), title = \(bind: after.title), unit_id = \(bind: after.unitId)")
            after.version = version + 1
            try await Store.audit(tx, actor: actor, action: .update, entity: "user", id: id, before: before, after: after)
            return after
        }
    }

    public func setRoles(id: Int, version: Int, roles: Set<Role>, actor: Actor) async throws -> UserAccount {
        let before = try await user(id: id, zoneId: actor.zoneId)
        return try await write { tx in
            try await Store.versionedUpdate(tx, table: "users", entity: "user", id: id, zoneId: actor.zoneId, version: version,
                set: "roles = \(bind: Role.format(roles))")
            var after = before; after.roles = roles; after.version = version + 1
            try await Store.audit(tx, actor: actor, action: .update, entity: "user", id: id, before: before, after: after)
            return after
        }
    }

    /// Sets a new password hash and clears any lockout; the old hash goes to the history. The hashes never enter the audit log.
    /// - Parameter mustChange: an administrator set it: its owner must replace it at the next sign-in.
    public func setPasswordHash(userId: Int, zoneId: Int, hash: String, actor: Actor?, mustChange: Bool = false) async throws {
        try await write { tx in
            struct H: Decodable { let passwordHash: String }
            guard let old = try await tx.raw("SELECT password_hash FROM users WHERE id = \(bind: userId) AND zone_id = \(bind: zoneId)").row(H.self)
            else { throw StoreError.notFound(entity: "user", id: userId) }
            let now = Store.timestamp()
            if !old.passwordHash.isEmpty {
                try await tx.raw("INSERT INTO password_history (user_id, password_hash, replaced_at) VALUES (\(bind: userId), \(bind: old.passwordHash), \(bind: now))").run()
                // Twenty-four are more than any setting asks for.
                try await tx.raw("""
                    DELETE FROM password_history WHERE user_id = \(bind: userId) AND id NOT IN
                      (SELECT id FROM password_history WHERE user_id = \(bind: userId) ORDER BY id DESC LIMIT 24)
                    """).run()
            }
            try await tx.raw("""
                UPDATE users SET password_hash = \(bind: hash), failed_logins = 0, locked_until = NULL, updated_at = \(bind: now),
                  password_changed_at = \(bind: mustChange ? nil : now) WHERE id = \(bind: userId) AND zone_id = \(bind: zoneId)
                """).run()
            try await Store.audit(tx, actor: actor, action: .passwordChange, entity: "user", id: userId, before: Optional<String>.none,
                                  after: mustChange ? "管理员重置，须在下次登录时修改" : Optional<String>.none, zoneId: zoneId)
        }
    }

    /// The current password's hash and up to `count - 1` before it, newest first: a new password must match none.
    public func recentPasswordHashes(userId: Int, count: Int) async throws -> [String] {
        guard count > 0 else { return [] }
        struct H: Decodable { let passwordHash: String }
        let current = try await sql.raw("SELECT password_hash FROM users WHERE id = \(bind: userId)").rows(H.self)
        let earlier = count > 1 ? try await sql.raw("SELECT password_hash FROM password_history WHERE user_id = \(bind: userId) ORDER BY id DESC LIMIT \(bind: count - 1)").rows(H.self) : []
        return (current + earlier).map(\.passwordHash).filter { !$0.isEmpty }
    }

    /// Counts a failed sign-in; locks the account when the count reaches the policy's limit.
    public func recordFailedLogin(userId: Int, lockUntil: Date?) async throws {
        try await write { tx in
            let lock: String? = lockUntil.map { Store.timestamp($0) }
            try await tx.raw("UPDATE users SET failed_logins = failed_logins + 1, locked_until = COALESCE(\(bind: lock), locked_until) WHERE id = \(bind: userId)").run()
        }
    }

    public func clearFailedLogins(userId: Int) async throws {
        try await write { tx in
            try await tx.raw("UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = \(bind: userId)").run()
        }
    }

    public func archiveUser(id: Int, version: Int, actor: Actor) async throws {
        let before = try await user(id: id, zoneId: actor.zoneId)
        try await write { tx in
            try await Store.setArchived(tx, true, table: "users", entity: "user", id: id, zoneId: actor.zoneId, version: version)
            try await tx.raw("DELETE FROM sessions WHERE user_id = \(bind: id)").run()
            var after = before; after.archived = true; after.version = version + 1
            try await Store.audit(tx, actor: actor, action: .archive, entity: "user", id: id, before: before, after: after)
        }
    }

    /// Links an enterprise account to the firm it speaks for (the firm must be the zone's; the account must hold the enterprise role).
    public func linkEnterpriseAccount(userId: Int, enterpriseId: Int, actor: Actor) async throws {
        let before = try await user(id: userId, zoneId: actor.zoneId)
        guard before.roles.contains(.enterprise) else {
            throw StoreError.invalid(ValidationError(field: "roles", "只有企业账号可以关联企业"))
        }
        _ = try await enterprise(id: enterpriseId, zoneId: actor.zoneId)
        var changed = before; changed.enterpriseId = enterpriseId
        let after = changed
        try await write { tx in
            try await tx.raw("UPDATE users SET enterprise_id = \(bind: enterpriseId), version = version + 1, updated_at = \(bind: Store.timestamp()) WHERE id = \(bind: userId)").run()
            try await Store.audit(tx, actor: actor, action: .update, entity: "user", id: userId, before: before, after: after, zoneId: actor.zoneId)
        }
    }
}
