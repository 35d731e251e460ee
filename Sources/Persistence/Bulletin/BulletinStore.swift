import Domain
import Foundation
import SQLKit

/// An issued bulletin: who issued it, and its frozen content.
public struct IssuedBulletin: Sendable, Equatable, Identifiable {
    public let id: Int
    public let month: String
    public let number: Int
    public let title: String
    public let issuedOn: Day
    public let issuedByName: String
    public let content: Bulletin
}

extension Store {
    struct BulletinRow: Decodable {
        let id: Int; let month: String; let number: Int; let title: String; let issuedOn: String; let issuedByName: String; let content: String
        func bulletin() throws -> IssuedBulletin {
            IssuedBulletin(id: id, month: month, number: number, title: title, issuedOn: .stored(issuedOn), issuedByName: issuedByName,
                           content: try JSONDecoder().decode(Bulletin.self, from: Data(content.utf8)))
        }
    }

    /// The zone's issued bulletins, newest first (without decoding their content twice).
    public func bulletins(zoneId: Int) async throws -> [IssuedBulletin] {
        try await sql.raw("SELECT id, month, number, title, issued_on, issued_by_name, content FROM bulletins WHERE zone_id = \(bind: zoneId) ORDER BY month DESC")
            .rows(BulletinRow.self).map { try $0.bulletin() }
    }

    public func bulletin(id: Int, zoneId: Int) async throws -> IssuedBulletin {
        guard let r = try await sql.raw("SELECT id, month, number, title, issued_on, issued_by_name, content FROM bulletins WHERE id = \(bind: id) AND zone_id = \(bind: zoneId)")
            .row(BulletinRow.self) else { throw StoreError.notFound(entity: "bulletin", id: id) }
        return try r.bulletin()
    }

    /// The number the next bulletin of `year` gets (第N期).
    public func nextBulletinNumber(zoneId: Int, year: Int) async throws -> Int {
        struct R: Decodable { let n: Int? }
        let r = try await sql.raw("SELECT MAX(number) AS n FROM bulletins WHERE zone_id = \(bind: zoneId) AND month LIKE \(bind: String(year) + "-%")").row(R.self)
        return (r?.n ?? 0) + 1
    }

    /// Issues (freezes) a bulletin; one per zone and month.
    public func issueBulletin(_ b: Bulletin, actor: Actor) async throws -> IssuedBulletin {
        try await write { tx in
            struct E: Decodable { let id: Int }
            if try await tx.raw("SELECT id FROM bulletins WHERE zone_id = \(bind: actor.zoneId) AND month = \(bind: b.month)").row(E.self) != nil {
                throw StoreError.duplicate(field: "month", message: "\(b.month)的月通报已经印发，不能重复印发")
            }
            let id = try await tx.raw("""
                INSERT INTO bulletins (zone_id, month, number, title, issued_on, issued_by_name, content, created_at)
                VALUES (\(bind: actor.zoneId), \(bind: b.month), \(bind: b.number), \(bind: b.title), \(bind: b.issuedOn.iso), \(bind: actor.displayName),
                  \(bind: Store.json(b)), \(bind: Store.timestamp())) RETURNING id
                """).row(IDRow.self)!.id
            try await Store.audit(tx, actor: actor, action: .create, entity: "bulletin", id: id, before: Optional<Bulletin>.none, after: b)
            return IssuedBulletin(id: id, month: b.month, number: b.number, title: b.title, issuedOn: b.issuedOn, issuedByName: actor.displayName, content: b)
        }
    }

    /// Every report of the given periods: task, period, late.
    public func reportFacts(zoneId: Int, periodKeys: [String]) async throws -> [BulletinBuilder.ReportFact] {
        guard !periodKeys.isEmpty else { return [] }
        struct R: Decodable { let taskId: Int; let periodKey: String; let late: Int }
        return try await sql.raw("SELECT task_id, period_key, late FROM reports WHERE zone_id = \(bind: zoneId) AND period_key IN (\(binds: periodKeys))")
            .rows(R.self).map { .init(taskId: $0.taskId, periodKey: $0.periodKey, late: $0.late != 0) }
    }

    /// Every order's dates, for the bulletin's order figures.
    public func orderFacts(zoneId: Int) async throws -> [BulletinBuilder.OrderFact] {
        struct R: Decodable { let issuedOn: String?; let closedOn: String?; let replyDue: String?; let status: String }
        return try await sql.raw("SELECT issued_on, closed_on, reply_due, status FROM supervision_orders WHERE zone_id = \(bind: zoneId)").rows(R.self).map {
            .init(issuedOn: $0.issuedOn.flatMap(Day.init(iso:)), endedOn: $0.closedOn.flatMap(Day.init(iso:)), replyDue: $0.replyDue.flatMap(Day.init(iso:)),
                  closed: $0.status == OrderStatus.closed.rawValue)
        }
    }

}
