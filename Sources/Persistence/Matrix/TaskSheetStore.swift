import Domain
import SQLKit

/// The task sheet import's reads (the year as it stands) and its write: everything in one transaction, each row
/// audited, the versions read by the preview checked, so an import is all or nothing and never overwrites an edit
/// made since.
extension Store {
    public func taskSheetContext(zoneId: Int, year: Int, today: Day, calendar: WorkCalendar) async throws -> TaskSheetContext {
        let plans = try await plans(zoneId: zoneId, year: year)
        let planIds = Set(plans.map(\.id))
        let workPoints = try await workPoints(zoneId: zoneId).filter { planIds.contains($0.planId) }
        let tasks = try await tasks(zoneId: zoneId, TaskFilter(year: year))
        let people = try await users(zoneId: zoneId).filter { $0.roles.contains(.leader) }
        return TaskSheetContext(year: year, today: today, calendar: calendar, units: try await units(zoneId: zoneId, includeArchived: true),
                                leaders: people, plans: plans, workPoints: workPoints, tasks: tasks)
    }

    /// Applies the changes; returns the ids of the created tasks in sheet order. Throws `StoreError.conflict` when a
    /// task or plan changed since `changes` was worked out (nothing is written then).
    @discardableResult
    public func applyTaskSheet(_ changes: TaskSheetChanges, actor: Actor) async throws -> [Int] {
        try await write { tx in
            let zone = actor.zoneId
            let audit = AuditBuffer()
            let now = Store.timestamp()

            // Plans
            var planIds: [Int] = []
            for p in changes.newPlans {
                let plan = try await Store.insertPlan(tx, Plan(id: 0, year: changes.year, seq: 0, name: p.name, goal: "", leaderId: p.leaderId, leadUnitId: nil, coUnitIds: []),
                                                      zoneId: zone, now: now)
                planIds.append(plan.id)
                audit.add(actor: actor, action: .create, entity: "plan", id: plan.id, before: Optional<Plan>.none, after: plan)
            }
            for l in changes.leaderChanges {
                try await Store.versionedUpdate(tx, table: "plans", entity: "plan", id: l.plan.id, zoneId: zone, version: l.plan.version,
                                                set: "leader_id = \(bind: l.leaderId)")
                var after = l.plan; after.leaderId = l.leaderId; after.version += 1
                audit.add(actor: actor, action: .update, entity: "plan", id: l.plan.id, before: l.plan, after: after)
            }
            func planId(_ ref: TaskSheetChanges.PlanRef) -> Int {
                switch ref { case .existing(let id): return id; case .new(let i): return planIds[i] }
            }

            // Work points
            var workPointIds: [Int] = [], planOfWorkPoint: [Int: Int] = [:]
            for w in changes.newWorkPoints {
                let point = try await Store.insertWorkPoint(tx, WorkPoint(id: 0, planId: planId(w.plan), seq: 0, title: w.title, goal: "", leadUnitId: nil),
                                                            zoneId: zone, now: now)
                workPointIds.append(point.id)
                planOfWorkPoint[point.id] = point.planId
                audit.add(actor: actor, action: .create, entity: "work_point", id: point.id, before: Optional<WorkPoint>.none, after: point)
            }
            func workPoint(_ ref: TaskSheetChanges.WorkPointRef) -> Int {
                switch ref { case .existing(let id): return id; case .new(let i): return workPointIds[i] }
            }
            // The plans of the existing work points the rows name, read at once (still live, still this zone's).
            let existing = Set(changes.creates.map { workPoint($0.workPoint) } + changes.updates.map { workPoint($0.workPoint) })
                .filter { planOfWorkPoint[$0] == nil }.sorted()
            struct P: Decodable { let id: Int; let planId: Int }
            for chunk in stride(from: 0, to: existing.count, by: 500).map({ Array(existing[$0..<min($0 + 500, existing.count)]) }) {
                let rows = try await tx.raw("SELECT id, plan_id FROM work_points WHERE zone_id = \(bind: zone) AND archived_at IS NULL AND id IN (\(binds: chunk))").rows(P.self)
                for p in rows { planOfWorkPoint[p.id] = p.planId }
            }
            if let missing = existing.first(where: { planOfWorkPoint[$0] == nil }) { throw StoreError.notFound(entity: "work_point", id: missing) }

            // Tasks: inserted first without their links to one another, which may point at tasks created later in the sheet.
            var created: [TaskItem] = []
            for c in changes.creates {
                var t = c.task
                t.workPointId = workPoint(c.workPoint)
                t.planId = planOfWorkPoint[t.workPointId]!
                t.predecessorIds = []
                created.append(try await Store.insertTask(tx, t, zoneId: zone, now: now))
            }
            func taskId(_ ref: TaskSheetChanges.TaskRef) -> Int {
                switch ref { case .existing(let id): return id; case .created(let i): return created[i].id }
            }
            for (i, c) in changes.creates.enumerated() {
                var t = created[i]
                t.predecessorIds = Array(Set(c.predecessors.map(taskId))).sorted()
                try await Store.replacePredecessors(tx, taskId: t.id, t.predecessorIds, zoneId: zone)
                audit.add(actor: actor, action: .create, entity: "task", id: t.id, before: Optional<TaskItem>.none, after: t)
            }
            for u in changes.updates {
                var after = u.after
                after.workPointId = workPoint(u.workPoint)
                after.planId = planOfWorkPoint[after.workPointId]!
                after.predecessorIds = Array(Set(u.predecessors.map(taskId))).sorted()
                try await Store.writeTaskUpdate(tx, before: u.before, after: after, zoneId: zone)
                after.version = u.before.version + 1
                audit.add(actor: actor, action: .update, entity: "task", id: after.id, before: u.before, after: after)
            }
            try await audit.flush(tx)
            return created.map(\.id)
        }
    }
}
