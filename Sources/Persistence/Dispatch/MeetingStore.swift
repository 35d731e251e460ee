import Domain
import Foundation
import SQLKit

public struct Meeting: Sendable, Equatable, Identifiable {
    public let id: Int
    public let heldOn: Day
    public let title: String
    public let agenda: DispatchAgenda
    public let createdByName: String
}

/// A meeting's decision and what it became.
public struct MeetingDecision: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case task, order
        public var chineseName: String { self == .task ? "新建任务" : "下发督办单" }
    }
    public let id: Int
    public let aboutTaskId: Int
    public let text: String
    public let kind: Kind
    public let ownerUnitId: Int
    public let deadline: Day
    public let taskId: Int?
    public let orderId: Int?
    public let createdByName: String
}

extension Store {
    struct MeetingRow: Decodable {
        let id: Int; let heldOn: String; let title: String; let agenda: String; let createdByName: String
        func meeting() throws -> Meeting {
            Meeting(id: id, heldOn: .stored(heldOn), title: title, agenda: try JSONDecoder().decode(DispatchAgenda.self, from: Data(agenda.utf8)),
                    createdByName: createdByName)
        }
    }

    public func meetings(zoneId: Int) async throws -> [Meeting] {
        try await sql.raw("SELECT id, held_on, title, agenda, created_by_name FROM meetings WHERE zone_id = \(bind: zoneId) ORDER BY held_on DESC, id DESC LIMIT 200")
            .rows(MeetingRow.self).map { try $0.meeting() }
    }

    public func meeting(id: Int, zoneId: Int) async throws -> Meeting {
        guard let r = try await sql.raw("SELECT id, held_on, title, agenda, created_by_name FROM meetings WHERE id = \(bind: id) AND zone_id = \(bind: zoneId)")
            .row(MeetingRow.self) else { throw StoreError.notFound(entity: "meeting", id: id) }
        return try r.meeting()
    }

    /// Opens a meeting with its agenda as generated now (kept as it was, like a printed agenda).
    public func createMeeting(title: String, heldOn: Day, agenda: DispatchAgenda, actor: Actor) async throws -> Int {
        let title = title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !title.isEmpty, title.count <= 100 else { throw StoreError.invalid(ValidationError(field: "title", "请填写会议名称（不超过100字）")) }
        return try await write { tx in
            let id = try await tx.raw("""
                INSERT INTO meetings (zone_id, held_on, title, agenda, created_by_name, created_at)
                VALUES (\(bind: actor.zoneId), \(bind: heldOn.iso), \(bind: title), \(bind: Store.json(agenda)), \(bind: actor.displayName), \(bind: Store.timestamp())) RETURNING id
                """).row(IDRow.self)!.id
            try await Store.audit(tx, actor: actor, action: .create, entity: "meeting", id: id, before: Optional<DispatchAgenda>.none, after: agenda)
            return id
        }
    }

    public func decisions(meetingId: Int, zoneId: Int) async throws -> [MeetingDecision] {
        struct R: Decodable {
            let id: Int; let aboutTaskId: Int; let text: String; let kind: String; let ownerUnitId: Int; let deadline: String
            let taskId: Int?; let orderId: Int?; let createdByName: String
        }
        return try await sql.raw("""
            SELECT id, about_task_id, text, kind, owner_unit_id, deadline, task_id, order_id, created_by_name FROM meeting_decisions
            WHERE meeting_id = \(bind: meetingId) AND zone_id = \(bind: zoneId) ORDER BY id
            """).rows(R.self).map {
            MeetingDecision(id: $0.id, aboutTaskId: $0.aboutTaskId, text: $0.text, kind: .init(rawValue: $0.kind) ?? .task, ownerUnitId: $0.ownerUnitId,
                            deadline: .stored($0.deadline), taskId: $0.taskId, orderId: $0.orderId, createdByName: $0.createdByName)
        }
    }

    /// Records a decision once what it became (a task or an order) exists.
    public func recordDecision(meetingId: Int, aboutTaskId: Int, text: String, kind: MeetingDecision.Kind, ownerUnitId: Int, deadline: Day,
                               taskId: Int?, orderId: Int?, actor: Actor) async throws -> MeetingDecision {
        try await write { tx in
            let id = try await tx.raw("""
                INSERT INTO meeting_decisions (zone_id, meeting_id, about_task_id, text, kind, owner_unit_id, deadline, task_id, order_id, created_by_name, created_at)
                VALUES (\(bind: actor.zoneId), \(bind: meetingId), \(bind: aboutTaskId), \(bind: text), \(bind: kind.rawValue), \(bind: ownerUnitId),
                  \(bind: deadline.iso), \(bind: taskId), \(bind: orderId), \(bind: actor.displayName), \(bind: Store.timestamp())) RETURNING id
                """).row(IDRow.self)!.id
            let d = MeetingDecision(id: id, aboutTaskId: aboutTaskId, text: text, kind: kind, ownerUnitId: ownerUnitId, deadline: deadline,
                                    taskId: taskId, orderId: orderId, createdByName: actor.displayName)
            try await Store.audit(tx, actor: actor, action: .create, entity: "meeting_decision", id: id, before: Optional<MeetingDecision>.none, after: d)
            return d
        }
    }
}
