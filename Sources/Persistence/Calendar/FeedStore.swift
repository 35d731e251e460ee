import Domain
import SQLKit

/// An iCalendar subscription: whose deadlines it carries.
public struct CalendarFeed: Sendable, Equatable {
    public enum Kind: String, Sendable { case person, unit }
    public let id: Int
    public let zoneId: Int
    public let userId: Int
    public let kind: Kind
    public let unitId: Int?
    public let createdAt: String
    public let revoked: Bool
}

extension Store {
    struct FeedRow: Decodable {
        let id: Int; let zoneId: Int; let userId: Int; let kind: String; let unitId: Int?; let createdAt: String; let revokedAt: String?
        var feed: CalendarFeed {
            CalendarFeed(id: id, zoneId: zoneId, userId: userId, kind: CalendarFeed.Kind(rawValue: kind) ?? .person, unitId: unitId,
                         createdAt: createdAt, revoked: revokedAt != nil)
        }
    }

    public func createFeed(kind: CalendarFeed.Kind, unitId: Int?, tokenHash: String, actor: Actor) async throws -> Int {
        try await write { tx in
            let id = try await tx.raw("""
                INSERT INTO calendar_feeds (zone_id, user_id, kind, unit_id, token_hash, created_at)
                VALUES (\(bind: actor.zoneId), \(bind: actor.userId), \(bind: kind.rawValue), \(bind: unitId), \(bind: tokenHash), \(bind: Store.timestamp())) RETURNING id
                """).row(IDRow.self)!.id
            try await Store.audit(tx, actor: actor, action: .tokenCreate, entity: "calendar_feed", id: id, before: Optional<String>.none, after: kind.rawValue)
            return id
        }
    }

    public func feeds(userId: Int) async throws -> [CalendarFeed] {
        try await sql.raw("SELECT id, zone_id, user_id, kind, unit_id, created_at, revoked_at FROM calendar_feeds WHERE user_id = \(bind: userId) ORDER BY id DESC").rows(FeedRow.self).map(\.feed)
    }

    /// The live feed behind a secret URL, if its owner is still a live account.
    public func feed(tokenHash: String) async throws -> CalendarFeed? {
        try await sql.raw("""
            SELECT f.id, f.zone_id, f.user_id, f.kind, f.unit_id, f.created_at, f.revoked_at FROM calendar_feeds f JOIN users u ON u.id = f.user_id
            WHERE f.token_hash = \(bind: tokenHash) AND f.revoked_at IS NULL AND u.archived_at IS NULL
            """).row(FeedRow.self)?.feed
    }

    public func revokeFeed(id: Int, actor: Actor) async throws {
        try await write { tx in
            guard try await tx.raw("UPDATE calendar_feeds SET revoked_at = \(bind: Store.timestamp()) WHERE id = \(bind: id) AND user_id = \(bind: actor.userId) AND revoked_at IS NULL RETURNING id").row(IDRow.self) != nil
            else { throw StoreError.notFound(entity: "calendar_feed", id: id) }
            try await Store.audit(tx, actor: actor, action: .tokenRevoke, entity: "calendar_feed", id: id, before: Optional<String>.none, after: Optional<String>.none)
        }
    }

    /// Open tasks with a deadline for a person (by responsible person's name, plus milestones of the
    /// plans they lead) in the given years.
    public func personFeedTasks(zoneId: Int, name: String, leaderId: Int) async throws -> [TaskItem] {
        let rows = try await sql.raw("SELECT " + Store.taskColumns + """
             FROM tasks t JOIN plans p ON p.id = t.plan_id JOIN work_points w ON w.id = t.work_point_id
             WHERE t.zone_id = \(bind: zoneId) AND t.archived_at IS NULL AND p.archived_at IS NULL AND w.archived_at IS NULL
               AND (t.responsible_person = \(bind: name) OR (p.leader_id = \(bind: leaderId) AND t.kind = 'milestone'))
             ORDER BY t.deadline, t.id
            """).all().map(TaskRow.init)
        return try await attachLinks(rows, zoneId: zoneId)
    }
}
