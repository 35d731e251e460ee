import Domain
import NIOConcurrencyHelpers
import NIOCore
import Persistence
import Vapor

/// The year's live tasks as lights and progress need them (`Store.tasksForProgress`), kept per zone and year and
/// brought up to date from the audit log rather than read whole after every write. Reading a year of 20,000 tasks
/// takes about 100 ms, and whoever had just written waited for it on their next look at the cockpit or the overview;
/// a task write now costs a read of the tasks it touched.
///
/// Every business write is audited (`Store.audit`), so what changed since a snapshot is what the audit lines after its
/// mark name:
/// - tasks: those tasks are read again (and dropped if archived or no longer in the year);
/// - plans or work points (a year changed, an archive, a move): everything is read again;
/// - any other record (a report, an order, an indicator…): nothing, since a write that changes a task audits the task;
/// - nothing at all, although the caller found the zone's data changed (a writer outside the audit log, such as a
///   restore), more than `maxChanges` lines, or a whole read older than `maxAge`: everything is read again.
final class TaskSnapshots: Sendable {
    /// `tasks` sorted by id, as of audit line `mark`; `readWholeAt`: when they were last read whole.
    private struct Snapshot { let mark: Int; let readWholeAt: NIODeadline; let tasks: [TaskItem] }
    private let snapshots = NIOLockedValueBox<[String: Snapshot]>([:])
    static let maxChanges = 500
    static let maxAge: TimeAmount = .minutes(5)

    /// What the last call did, for tests: read everything, or only the tasks named by the audit log since.
    enum Read: Equatable, Sendable { case whole, changed(Int) }
    let lastRead = NIOLockedValueBox<Read?>(nil)

    func tasks(_ store: Store, zoneId: Int, year: Int) async throws -> [TaskItem] {
        let key = "\(zoneId)|\(year)"
        // The mark is read first: a line after it is asked about next time, so whatever commits meanwhile is not missed.
        let mark = try await store.auditMark(zoneId: zoneId)
        if let old = snapshots.withLockedValue({ $0[key] }), old.mark < mark, NIODeadline.now() - old.readWholeAt < Self.maxAge,
           let tasks = try await patched(old, store, zoneId: zoneId, year: year, mark: mark) {
            keep(key, Snapshot(mark: mark, readWholeAt: old.readWholeAt, tasks: tasks))
            return tasks
        }
        let readAt = NIODeadline.now()
        let tasks = try await store.tasksForProgress(zoneId: zoneId, year: year).sorted { $0.id < $1.id }
        lastRead.withLockedValue { $0 = .whole }
        keep(key, Snapshot(mark: mark, readWholeAt: readAt, tasks: tasks))
        return tasks
    }

    /// `old` brought up to `mark`, or nil when only a whole read will do.
    private func patched(_ old: Snapshot, _ store: Store, zoneId: Int, year: Int, mark: Int) async throws -> [TaskItem]? {
        let lines = try await store.changes(zoneId: zoneId, after: old.mark, through: mark, limit: Self.maxChanges + 1)
        guard lines.count <= Self.maxChanges, !lines.contains(where: { $0.entity == "plan" || $0.entity == "work_point" }) else { return nil }
        let changed = Set(lines.compactMap { $0.entity == "task" ? $0.id : nil })
        lastRead.withLockedValue { $0 = .changed(changed.count) }
        guard !changed.isEmpty else { return old.tasks }
        let fresh = try await store.tasksForProgress(zoneId: zoneId, year: year, only: Array(changed))
        var tasks = old.tasks.filter { !changed.contains($0.id) }
        tasks.append(contentsOf: fresh)
        tasks.sort { $0.id < $1.id }
        return tasks
    }

    /// Keeps the newest snapshot of a zone's year (two computations may finish out of order).
    private func keep(_ key: String, _ s: Snapshot) {
        snapshots.withLockedValue { all in
            if let existing = all[key], existing.mark > s.mark { return }
            all[key] = s
        }
    }
}

extension Application {
    private struct TaskSnapshotsKey: StorageKey { typealias Value = TaskSnapshots }
    var taskSnapshots: TaskSnapshots {
        if let s = storage[TaskSnapshotsKey.self] { return s }
        let s = TaskSnapshots()
        storage[TaskSnapshotsKey.self] = s
        return s
    }
}
