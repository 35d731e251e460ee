import Domain
import Foundation
import SQLKit

/// A task's approved dates (基线).
public struct BaselineDates: Sendable, Equatable {
    public let baselineId: Int
    public let plannedStart: Day
    public let deadline: Day
    public let approvedAt: String
    public let approvedBy: String
}

extension Store {
    /// The day a work point must be done by (the roadmap is reversed from it), if set.
    public func workPointDeadline(id: Int, zoneId: Int) async throws -> Day? {
        struct R: Decodable { let deadline: String? }
        guard let r = try await sql.raw("SELECT deadline FROM work_points WHERE id = \(bind: id) AND zone_id = \(bind: zoneId)").row(R.self) else {
            throw StoreError.notFound(entity: "work_point", id: id)
        }
        return r.deadline.flatMap(Day.init(iso:))
    }

    public func setWorkPointDeadline(id: Int, deadline: Day?, actor: Actor) async throws {
        let before = try await workPointDeadline(id: id, zoneId: actor.zoneId)
        try await write { tx in
            try await tx.raw("UPDATE work_points SET deadline = \(bind: deadline?.iso), updated_at = \(bind: Store.timestamp()) WHERE id = \(bind: id) AND zone_id = \(bind: actor.zoneId)").run()
            try await Store.audit(tx, actor: actor, action: .update, entity: "work_point", id: id,
                                  before: ["deadline": before?.iso], after: ["deadline": deadline?.iso])
        }
    }

    /// Sets planned dates of several tasks at once, each against the version it was read at:
    /// all or nothing, one audit line per task.
    public func applyPlannedDates(_ changes: [(id: Int, version: Int, start: Day, deadline: Day, duration: Int)], actor: Actor) async throws {
        let befores = try await withThrowingTaskGroup(of: TaskItem.self) { group in
            for c in changes { group.addTask { try await self.task(id: c.id, zoneId: actor.zoneId) } }
            var out: [Int: TaskItem] = [:]
            for try await t in group { out[t.id] = t }
            return out
        }
        try await write { tx in
            for c in changes {
                try await Store.versionedUpdate(tx, table: "tasks", entity: "task", id: c.id, zoneId: actor.zoneId, version: c.version,
                    set: "planned_start = \(bind: c.start.iso), deadline = \(bind: c.deadline.iso), duration_days = \(bind: c.duration)")
                if var after = befores[c.id] {
                    let before = after
                    after.plannedStart = c.start; after.deadline = c.deadline; after.durationDays = c.duration; after.version = c.version + 1
                    try await Store.audit(tx, actor: actor, action: .update, entity: "task", id: c.id, before: before, after: after)
                }
            }
        }
    }

    /// Approves the work point's current planned dates as a new baseline. Earlier baselines stay.
    public func approveBaseline(workPointId: Int, note: String, actor: Actor) async throws -> Int {
        try await write { tx in
            try await Store.requireInZone(tx, table: "work_points", ids: [workPointId], zoneId: actor.zoneId, field: "workPointId", label: "工作要点")
            let id = try await tx.raw("""
                INSERT INTO baselines (zone_id, work_point_id, approved_at, approved_by, note)
                VALUES (\(bind: actor.zoneId), \(bind: workPointId), \(bind: Store.timestamp()), \(bind: actor.displayName), \(bind: String(note.prefix(TextLimits.longText)))) RETURNING id
                """).row(IDRow.self)!.id
            try await tx.raw("""
                INSERT INTO baseline_tasks (baseline_id, task_id, zone_id, planned_start, deadline)
                SELECT \(bind: id), id, zone_id, planned_start, deadline FROM tasks
                WHERE work_point_id = \(bind: workPointId) AND zone_id = \(bind: actor.zoneId) AND archived_at IS NULL
                """).run()
            try await Store.audit(tx, actor: actor, action: .create, entity: "baseline", id: id, before: Optional<String>.none, after: ["workPointId": workPointId])
            return id
        }
    }

    /// The newest approved dates of each task that has a baseline.
    public func baselines(taskIds: [Int], zoneId: Int) async throws -> [Int: BaselineDates] {
        guard !taskIds.isEmpty else { return [:] }
        struct R: Decodable { let taskId: Int; let baselineId: Int; let plannedStart: String; let deadline: String; let approvedAt: String; let approvedBy: String }
        let rows = try await sql.raw("""
            SELECT bt.task_id, bt.baseline_id, bt.planned_start, bt.deadline, b.approved_at, b.approved_by
            FROM baseline_tasks bt JOIN baselines b ON b.id = bt.baseline_id
            WHERE bt.zone_id = \(bind: zoneId) AND bt.task_id IN (\(binds: Array(Set(taskIds)))) ORDER BY bt.baseline_id
            """).rows(R.self)
        var out: [Int: BaselineDates] = [:]
        for r in rows {
            out[r.taskId] = BaselineDates(baselineId: r.baselineId, plannedStart: .stored(r.plannedStart), deadline: .stored(r.deadline),
                                          approvedAt: r.approvedAt, approvedBy: r.approvedBy)
        }
        return out
    }
}

extension Store {
    /// Every work point deadline of the zone that is set.
    public func workPointDeadlines(zoneId: Int) async throws -> [Int: Day] {
        struct R: Decodable { let id: Int; let deadline: String? }
        let rows = try await sql.raw("SELECT id, deadline FROM work_points WHERE zone_id = \(bind: zoneId) AND deadline IS NOT NULL").rows(R.self)
        return Dictionary(uniqueKeysWithValues: rows.compactMap { r in r.deadline.flatMap(Day.init(iso:)).map { (r.id, $0) } })
    }
}
