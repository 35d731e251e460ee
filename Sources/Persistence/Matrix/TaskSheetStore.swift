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
            struct M: Decodable { let m: Int? }

            // Plans
            var planIds: [Int] = []
            if !changes.newPlans.isEmpty { try await Store.ensureYear(tx, zoneId: zone, year: changes.year) }
            var planSeq = (try await tx.raw("SELECT MAX(seq) AS m FROM plans WHERE zone_id = \(bind: zone) AND year = \(bind: changes.year)").row(M.self)?.m ?? 0)
            for p in changes.newPlans {
                planSeq += 1
                let row = try await tx.raw("""
                    INSERT INTO plans (zone_id, year, seq, name, goal, leader_id, lead_unit_id, version, created_at, updated_at)
                    VALUES (\(bind: zone), \(bind: changes.year), \(bind: planSeq), \(bind: p.name), '', \(bind: p.leaderId), NULL, 1, \(bind: now), \(bind: now)) RETURNING id
                    """).row(IDRow.self)!
                planIds.append(row.id)
                audit.add(actor: actor, action: .create, entity: "plan", id: row.id, before: Optional<Plan>.none,
                          after: Plan(id: row.id, year: changes.year, seq: planSeq, name: p.name, goal: "", leaderId: p.leaderId, leadUnitId: nil, coUnitIds: []))
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
            var workPointIds: [Int] = [], workPointPlan: [Int: Int] = [:]
            for w in changes.newWorkPoints {
                let pid = planId(w.plan)
                let seq = (try await tx.raw("SELECT MAX(seq) AS m FROM work_points WHERE plan_id = \(bind: pid)").row(M.self)?.m ?? 0) + 1
                let row = try await tx.raw("""
                    INSERT INTO work_points (zone_id, plan_id, seq, title, goal, lead_unit_id, version, created_at, updated_at)
                    VALUES (\(bind: zone), \(bind: pid), \(bind: seq), \(bind: w.title), '', NULL, 1, \(bind: now), \(bind: now)) RETURNING id
                    """).row(IDRow.self)!
                workPointIds.append(row.id)
                workPointPlan[row.id] = pid
                audit.add(actor: actor, action: .create, entity: "work_point", id: row.id, before: Optional<WorkPoint>.none,
                          after: WorkPoint(id: row.id, planId: pid, seq: seq, title: w.title, goal: "", leadUnitId: nil))
            }
            var planOfWorkPoint = workPointPlan
            func workPoint(_ ref: TaskSheetChanges.WorkPointRef) -> Int {
                switch ref { case .existing(let id): return id; case .new(let i): return workPointIds[i] }
            }
            for id in Set(changes.creates.map { workPoint($0.workPoint) } + changes.updates.map { workPoint($0.workPoint) }) where planOfWorkPoint[id] == nil {
                struct P: Decodable { let planId: Int }
                guard let p = try await tx.raw("SELECT plan_id FROM work_points WHERE id = \(bind: id) AND zone_id = \(bind: zone) AND archived_at IS NULL").row(P.self) else {
                    throw StoreError.notFound(entity: "work_point", id: id)
                }
                planOfWorkPoint[id] = p.planId
            }

            // Tasks
            var seqOf: [Int: Int] = [:]
            var created: [Int] = []
            var createdTasks: [TaskItem] = []
            for c in changes.creates {
                var t = c.task
                t.workPointId = workPoint(c.workPoint)
                t.planId = planOfWorkPoint[t.workPointId]!
                if seqOf[t.workPointId] == nil {
                    seqOf[t.workPointId] = (try await tx.raw("SELECT MAX(seq) AS m FROM tasks WHERE work_point_id = \(bind: t.workPointId)").row(M.self)?.m ?? 0)
                }
                seqOf[t.workPointId]! += 1
                t.seq = seqOf[t.workPointId]!
                let row = try await tx.raw("""
                    INSERT INTO tasks (zone_id, plan_id, work_point_id, seq, kind, title, owner_unit_id, responsible_person, deliverable,
                      acceptance_standard, weight, planned_start, deadline, duration_days, percent_done, status, done_on, version, created_at, updated_at)
                    VALUES (\(bind: zone), \(bind: t.planId), \(bind: t.workPointId), \(bind: t.seq), \(bind: t.kind.rawValue), \(bind: t.title),
                      \(bind: t.ownerUnitId), \(bind: t.responsiblePerson), \(bind: t.deliverable), \(bind: t.acceptanceStandard), \(bind: t.weight),
                      \(bind: t.plannedStart.iso), \(bind: t.deadline.iso), \(bind: t.durationDays), \(bind: t.percentDone), \(bind: t.status.rawValue),
                      \(bind: t.doneOn?.iso), 1, \(bind: now), \(bind: now)) RETURNING id
                    """).row(IDRow.self)!
                t.id = row.id
                created.append(t.id)
                for u in t.coUnitIds {
                    try await tx.raw("INSERT INTO task_co_units (task_id, unit_id, zone_id) VALUES (\(bind: t.id), \(bind: u), \(bind: zone))").run()
                }
                createdTasks.append(t)
            }
            func taskId(_ ref: TaskSheetChanges.TaskRef) -> Int {
                switch ref { case .existing(let id): return id; case .created(let i): return created[i] }
            }
            for (i, c) in changes.creates.enumerated() {
                var t = createdTasks[i]
                t.predecessorIds = Array(Set(c.predecessors.map(taskId))).sorted()
                for p in t.predecessorIds {
                    try await tx.raw("INSERT INTO task_links (predecessor_id, successor_id, zone_id, lag_days) VALUES (\(bind: p), \(bind: t.id), \(bind: zone), 0)").run()
                }
                audit.add(actor: actor, action: .create, entity: "task", id: t.id, before: Optional<TaskItem>.none, after: t)
            }
            for u in changes.updates {
                var after = u.after
                after.workPointId = workPoint(u.workPoint)
                after.planId = planOfWorkPoint[after.workPointId]!
                after.predecessorIds = Array(Set(u.predecessors.map(taskId))).sorted()
                try await Store.versionedUpdate(tx, table: "tasks", entity: "task", id: u.before.id, zoneId: zone, version: u.before.version, set: """
                    plan_id = \(bind: after.planId), work_point_id = \(bind: after.workPointId), kind = \(bind: after.kind.rawValue), title = \(bind: after.title),
                    owner_unit_id = \(bind: after.ownerUnitId), responsible_person = \(bind: after.responsiblePerson), deliverable = \(bind: after.deliverable),
                    acceptance_standard = \(bind: after.acceptanceStandard), weight = \(bind: after.weight), planned_start = \(bind: after.plannedStart.iso),
                    deadline = \(bind: after.deadline.iso), duration_days = \(bind: after.durationDays), percent_done = \(bind: after.percentDone),
                    status = \(bind: after.status.rawValue), done_on = \(bind: after.doneOn?.iso)
                    """)
                if after.coUnitIds != u.before.coUnitIds {
                    try await Store.replaceLinks(tx, table: "task_co_units", ownerColumn: "task_id", ownerId: after.id, unitIds: after.coUnitIds, zoneId: zone)
                }
                if after.predecessorIds != u.before.predecessorIds {
                    try await Store.replacePredecessors(tx, taskId: after.id, after.predecessorIds, zoneId: zone)
                }
                after.version = u.before.version + 1
                audit.add(actor: actor, action: .update, entity: "task", id: after.id, before: u.before, after: after)
            }
            try await audit.flush(tx)
            return created
        }
    }
}
