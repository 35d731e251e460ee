import Foundation
import SQLKit

/// Several instances starting together against one PostgreSQL must not run the same migration twice: the first
/// takes this lock (a row in `guatu_migration_lock`, with a lease in case it dies), the others wait for it to
/// finish and then find nothing left to do.
public enum MigrationLock {
    public static func hold<T: Sendable>(_ sql: any SQLDatabase, owner: String, lease: TimeInterval = 600, wait: TimeInterval = 900,
                                         _ body: @Sendable () async throws -> T) async throws -> T {
        do {
            try await sql.raw("CREATE TABLE IF NOT EXISTS guatu_migration_lock (id INTEGER PRIMARY KEY, owner TEXT NOT NULL, until_at TEXT NOT NULL)").run()
        } catch {
            // Two instances creating the table at the same moment: PostgreSQL lets one win and fails the other; it exists now.
            try await sql.raw("SELECT 1 FROM guatu_migration_lock WHERE id = 0").run()
        }
        let deadline = Date().addingTimeInterval(wait)
        while true {
            let now = Date()
            let got = try await sql.raw("""
                INSERT INTO guatu_migration_lock (id, owner, until_at) VALUES (1, \(bind: owner), \(bind: Store.timestamp(now.addingTimeInterval(lease))))
                ON CONFLICT (id) DO UPDATE SET owner = excluded.owner, until_at = excluded.until_at
                WHERE guatu_migration_lock.until_at < \(bind: Store.timestamp(now)) RETURNING owner
                """).row(LockOwner.self)
            if got?.owner == owner { break }
            guard now < deadline else { throw MigrationLockTimeout() }
            try await Task.sleep(nanoseconds: 500_000_000)
        }
        do {
            let result = try await body()
            try await sql.raw("DELETE FROM guatu_migration_lock WHERE owner = \(bind: owner)").run()
            return result
        } catch {
            try? await sql.raw("DELETE FROM guatu_migration_lock WHERE owner = \(bind: owner)").run()
            throw error
        }
    }
}

struct LockOwner: Decodable { let owner: String }

public struct MigrationLockTimeout: Error, CustomStringConvertible {
    public var description: String { "another instance has been migrating the database for too long (guatu_migration_lock)" }
}
