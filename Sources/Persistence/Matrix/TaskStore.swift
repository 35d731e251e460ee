import Domain
import SQLKit

/// Which tasks to list. Every field narrows; nil means "any".
public struct TaskFilter: Sendable, Equatable {
    public var year: Int?
    public var planId: Int?
    public var workPointId: Int?
    /// Owner or co-unit.
    public var unitId: Int?
    /// Owner only (uses the owner index; the inbox's question).
    public var ownerUnitId: Int?
    /// The plan's leader in charge.
    public var leaderId: Int?
    public var status: TaskItem.Status?
    /// Title contains.
    public var query: String?
    public var includeArchived = false
    public var limit: Int?
    public var offset = 0
    /// Matrix order (plan, work point, task sequence) for pages; id order for the API, which an
    /// index on (zone_id, id) serves without sorting the zone's tasks.
    public var order: Order = .matrix
    public enum Order: Sendable, Equatable { case matrix, id }
    public init(year: Int? = nil, planId: Int? = nil, workPointId: Int? = nil, unitId: Int? = nil, leaderId: Int? = nil,
                status: TaskItem.Status? = nil, query: String? = nil, includeArchived: Bool = false, limit: Int? = nil, offset: Int = 0) {
        self.year = year; self.planId = planId; self.workPointId = workPointId; self.unitId = unitId
        self.leaderId = leaderId; self.status = status; self.query = query; self.includeArchived = includeArchived
        self.limit = limit; self.offset = offset
    }
}

extension Store {
    struct TaskRow {
        let id: Int; let planId: Int; let workPointId: Int; let seq: Int; let kind: String; let title: String
        let ownerUnitId: Int; let responsiblePerson: String; let deliverable: String; let acceptanceStandard: String
        let weight: Double; let plannedStart: String; let deadline: String; let durationDays: Int
        let percentDone: Int; let status: String; let doneOn: String?; let archivedAt: String?; let version: Int
        /// Read column by column: the Codable path spent a third of a list request on key handling.
        init(_ row: any SQLRow) throws {
            id = try row.decode(column: "id", as: Int.self)
            planId = try row.decode(column: "plan_id", as: Int.self)
            workPointId = try row.decode(column: "work_point_id", as: Int.self)
            seq = try row.decode(column: "seq", as: Int.self)
            kind = try row.decode(column: "kind", as: String.self)
            title = try row.decode(column: "title", as: String.self)
            ownerUnitId = try row.decode(column: "owner_unit_id", as: Int.self)
            responsiblePerson = try row.decode(column: "responsible_person", as: String.self)
            deliverable = try row.decode(column: "deliverable", as: String.self)
            acceptanceStandard = try row.decode(column: "acceptance_standard", as: String.self)
            weight = try row.decode(column: "weight", as: Double.self)
            plannedStart = try row.decode(column: "planned_start", as: String.self)
            deadline = try row.decode(column: "deadline", as: String.self)
            durationDays = try row.decode(column: "duration_days", as: Int.self)
            percentDone = try row.decode(column: "percent_done", as: Int.self)
            status = try row.decode(column: "status", as: String.self)
            doneOn = try row.decode(column: "done_on", as: String?.self)
            archivedAt = try row.decode(column: "archived_at", as: String?.self)
            version = try row.decode(column: "version", as: Int.self)
        }

        func task(co: [Int], preds: [Int]) -> TaskItem {
            TaskItem(id: id, planId: planId, workPointId: workPointId, seq: seq, kind: TaskItem.Kind(rawValue: kind) ?? .task,
                     title: title, ownerUnitId: ownerUnitId, coUnitIds: co, responsiblePerson: responsiblePerson,
                     deliverable: deliverable, acceptanceStandard: acceptanceStandard, weight: weight,
                     plannedStart: .stored(plannedStart), deadline: .stored(deadline), durationDays: durationDays,
                     predecessorIds: preds, percentDone: percentDone, status: TaskItem.Status(rawValue: status) ?? .notStarted,
                     doneOn: doneOn.flatMap(Day.init(iso:)), archived: archivedAt != nil, version: version)
        }
    }
    static let taskColumns: SQLQueryString = "t.id, t.plan_id, t.work_point_id, t.seq, t.kind, t.title, t.owner_unit_id, t.responsible_person, t.deliverable, t.acceptance_standard, t.weight, t.planned_start, t.deadline, t.duration_days, t.percent_done, t.status, t.done_on, t.archived_at, t.version"

    static func taskWhere(_ f: TaskFilter, zoneId: Int) -> SQLQueryString {
        var q: SQLQueryString = " FROM tasks t JOIN plans p ON p.id = t.plan_id JOIN work_points w ON w.id = t.work_point_id WHERE t.zone_id = \(bind: zoneId)"
        if !f.includeArchived { q += " AND t.archived_at IS NULL AND p.archived_at IS NULL AND w.archived_at IS NULL" }
        if let y = f.year { q += " AND p.year = \(bind: y)" }
        if let p = f.planId { q += " AND t.plan_id = \(bind: p)" }
        if let w = f.workPointId { q += " AND t.work_point_id = \(bind: w)" }
        if let u = f.unitId { q += " AND (t.owner_unit_id = \(bind: u) OR t.id IN (SELECT task_id FROM task_co_units WHERE unit_id = \(bind: u)))" }
        if let u = f.ownerUnitId { q += " AND t.owner_unit_id = \(bind: u)" }
        if let l = f.leaderId { q += " AND p.leader_id = \(bind: l)" }
        if let s = f.status { q += " AND t.status = \(bind: s.rawValue)" }
        if let text = f.query, !text.isEmpty {
            // LIKE with escaped wildcards: portable (no ILIKE), and Chinese has no case.
            let escaped = text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
            q += " AND t.title LIKE \(bind: "%" + escaped + "%") ESCAPE '\\'"
        }
        return q
    }

    /// Tasks in matrix order (plan, work point, task), with their co-units and predecessors.
    public func tasks(zoneId: Int, _ f: TaskFilter) async throws -> [TaskItem] {
        let order: SQLQueryString = f.order == .id ? " ORDER BY t.id" : " ORDER BY p.year DESC, p.seq, p.id, w.seq, w.id, t.seq, t.id"
        var q: SQLQueryString = "SELECT " + Store.taskColumns + Store.taskWhere(f, zoneId: zoneId) + order
        if let limit = f.limit { q += " LIMIT \(bind: limit) OFFSET \(bind: f.offset)" }
        let rows = try await sql.raw(q).all().map(TaskRow.init)
        return try await attachLinks(rows, zoneId: zoneId)
    }

    /// A stable text for the filter's conditions (not its page), to key cached counts.
    public static func cacheKey(_ f: TaskFilter) -> String {
        "\(f.year ?? 0)|\(f.planId ?? 0)|\(f.workPointId ?? 0)|\(f.unitId ?? 0)|\(f.ownerUnitId ?? 0)|\(f.leaderId ?? 0)|\(f.status?.rawValue ?? "")|\(f.query ?? "")|\(f.includeArchived)"
    }

    public func countTasks(zoneId: Int, _ f: TaskFilter) async throws -> Int {
        try await sql.raw("SELECT COUNT(*) AS n" + Store.taskWhere(f, zoneId: zoneId)).row(CountRow.self)?.n ?? 0
    }

    func attachLinks(_ rows: [TaskRow], zoneId: Int) async throws -> [TaskItem] {
        guard !rows.isEmpty else { return [] }
        // Co-units and predecessors in one round trip: kind 0 is (task, co-unit), kind 1 (task, predecessor).
        let links: [any SQLRow]
        if rows.count > 400 {
            // Large pages: one scan by zone beats a huge IN list.
            links = try await sql.raw("""
                SELECT 0 AS k, task_id AS a, unit_id AS b FROM task_co_units WHERE zone_id = \(bind: zoneId)
                UNION ALL SELECT 1 AS k, successor_id AS a, predecessor_id AS b FROM task_links WHERE zone_id = \(bind: zoneId)
                """).all()
        } else {
            let ids = rows.map(\.id)
            links = try await sql.raw("""
                SELECT 0 AS k, task_id AS a, unit_id AS b FROM task_co_units WHERE task_id IN (\(binds: ids))
                UNION ALL SELECT 1 AS k, successor_id AS a, predecessor_id AS b FROM task_links WHERE successor_id IN (\(binds: ids))
                """).all()
        }
        var coBy: [Int: [Int]] = [:], predBy: [Int: [Int]] = [:]
        for l in links {
            let k = try l.decode(column: "k", as: Int.self), a = try l.decode(column: "a", as: Int.self), b = try l.decode(column: "b", as: Int.self)
            if k == 0 { coBy[a, default: []].append(b) } else { predBy[a, default: []].append(b) }
        }
        return rows.map { $0.task(co: (coBy[$0.id] ?? []).sorted(), preds: (predBy[$0.id] ?? []).sorted()) }
    }

    public func task(id: Int, zoneId: Int) async throws -> TaskItem {
        guard let raw = try await sql.raw("SELECT " + Store.taskColumns + " FROM tasks t WHERE t.id = \(bind: id) AND t.zone_id = \(bind: zoneId)").first()
        else { throw StoreError.notFound(entity: "task", id: id) }
        return try await attachLinks([try TaskRow(raw)], zoneId: zoneId)[0]
    }

    /// Checks the references of a task against the zone and the dependency graph.
    static func checkTaskRefs(_ tx: any SQLDatabase, _ t: TaskItem, zoneId: Int) async throws -> Int {
        try await requireInZone(tx, table: "work_points", ids: [t.workPointId], zoneId: zoneId, field: "workPointId", label: "工作要点")
        try await requireInZone(tx, table: "units", ids: [t.ownerUnitId], zoneId: zoneId, field: "ownerUnitId", label: "责任单位")
        try await requireInZone(tx, table: "units", ids: t.coUnitIds, zoneId: zoneId, field: "coUnitIds", label: "配合单位")
        try await requireInZone(tx, table: "tasks", ids: t.predecessorIds, zoneId: zoneId, field: "predecessorIds", label: "前置任务")
        if !t.predecessorIds.isEmpty && t.id != 0 {
            struct Link: Decodable { let predecessorId: Int; let successorId: Int }
            let edges = try await tx.raw("SELECT predecessor_id, successor_id FROM task_links WHERE zone_id = \(bind: zoneId)").rows(Link.self)
            if let cycle = DependencyGraph.cycle(adding: t.predecessorIds, to: t.id, edges: edges.map { ($0.predecessorId, $0.successorId) }) {
                throw StoreError.invalid(ValidationError(field: "predecessorIds",
                    "前置任务形成循环：" + cycle.map { "#\($0)" }.joined(separator: " → ")))
            }
        }
        struct P: Decodable { let planId: Int }
        return try await tx.raw("SELECT plan_id FROM work_points WHERE id = \(bind: t.workPointId)").row(P.self)!.planId
    }

    static func replacePredecessors(_ tx: any SQLDatabase, taskId: Int, _ preds: [Int], zoneId: Int) async throws {
        try await tx.raw("DELETE FROM task_links WHERE successor_id = \(bind: taskId)").run()
        try await insertPredecessors(tx, taskId: taskId, preds, zoneId: zoneId)
    }

    /// The predecessors of a task just inserted (it has none to replace).
    static func insertPredecessors(_ tx: any SQLDatabase, taskId: Int, _ preds: [Int], zoneId: Int) async throws {
        for p in preds {
            try await tx.raw("INSERT INTO task_links (predecessor_id, successor_id, zone_id, lag_days) VALUES (\(bind: p), \(bind: taskId), \(bind: zoneId), 0)").run()
        }
    }

    public func createTask(_ d: TaskDraft, actor: Actor, today: Day, calendar: WorkCalendar) async throws -> TaskItem {
        let t = try validated { try TaskRules.apply(d, to: nil, today: today, calendar: calendar) }
        return try await write { tx in
            var t = t
            t.planId = try await Store.checkTaskRefs(tx, t, zoneId: actor.zoneId)
            t = try await Store.insertTask(tx, t, zoneId: actor.zoneId, now: Store.timestamp())
            try await Store.audit(tx, actor: actor, action: .create, entity: "task", id: t.id, before: Optional<TaskItem>.none, after: t)
            return t
        }
    }

    /// Inserts a checked task (`planId` set) as the last of its work point, with its co-units and predecessors; returns
    /// it with its id and number. Not audited: the caller audits, alone or in a batch.
    static func insertTask(_ tx: any SQLDatabase, _ task: TaskItem, zoneId: Int, now: String) async throws -> TaskItem {
        var t = task
        struct M: Decodable { let m: Int? }
        t.seq = (try await tx.raw("SELECT MAX(seq) AS m FROM tasks WHERE work_point_id = \(bind: t.workPointId)").row(M.self)?.m ?? 0) + 1
        let row = try await tx.raw("""
            INSERT INTO tasks (zone_id, plan_id, work_point_id, seq, kind, title, owner_unit_id, responsible_person, deliverable,
              acceptance_standard, weight, planned_start, deadline, duration_days, percent_done, status, done_on, version, created_at, updated_at)
            VALUES (\(bind: zoneId), \(bind: t.planId), \(bind: t.workPointId), \(bind: t.seq), \(bind: t.kind.rawValue), \(bind: t.title),
              \(bind: t.ownerUnitId), \(bind: t.responsiblePerson), \(bind: t.deliverable), \(bind: t.acceptanceStandard), \(bind: t.weight),
              \(bind: t.plannedStart.iso), \(bind: t.deadline.iso), \(bind: t.durationDays), \(bind: t.percentDone), \(bind: t.status.rawValue),
              \(bind: t.doneOn?.iso), 1, \(bind: now), \(bind: now)) RETURNING id
            """).row(IDRow.self)
        t.id = row!.id
        try await insertLinks(tx, table: "task_co_units", ownerColumn: "task_id", ownerId: t.id, unitIds: t.coUnitIds, zoneId: zoneId)
        try await insertPredecessors(tx, taskId: t.id, t.predecessorIds, zoneId: zoneId)
        return t
    }

    /// Writes `after` over the task read as `before`, if its version is still `before.version` (else `StoreError.conflict`);
    /// co-units and predecessors only when they changed. Not audited.
    static func writeTaskUpdate(_ tx: any SQLDatabase, before: TaskItem, after: TaskItem, zoneId: Int) async throws {
        try await versionedUpdate(tx, table: "tasks", entity: "task", id: before.id, zoneId: zoneId, version: before.version, set: """
            plan_id = \(bind: after.planId), work_point_id = \(bind: after.workPointId), kind = \(bind: after.kind.rawValue), title = \(bind: after.title),
            owner_unit_id = \(bind: after.ownerUnitId), responsible_person = \(bind: after.responsiblePerson), deliverable = \(bind: after.deliverable),
            acceptance_standard = \(bind: after.acceptanceStandard), weight = \(bind: after.weight), planned_start = \(bind: after.plannedStart.iso),
            deadline = \(bind: after.deadline.iso), duration_days = \(bind: after.durationDays), percent_done = \(bind: after.percentDone),
            status = \(bind: after.status.rawValue), done_on = \(bind: after.doneOn?.iso)
            """)
        if after.coUnitIds != before.coUnitIds {
            try await replaceLinks(tx, table: "task_co_units", ownerColumn: "task_id", ownerId: before.id, unitIds: after.coUnitIds, zoneId: zoneId)
        }
        if after.predecessorIds != before.predecessorIds {
            try await replacePredecessors(tx, taskId: before.id, after.predecessorIds, zoneId: zoneId)
        }
    }

    /// Applies `d` to the task if `version` is still current and `authorize` accepts the change.
    public func updateTask(id: Int, version: Int, _ d: TaskDraft, actor: Actor, today: Day, calendar: WorkCalendar,
                           authorize: @Sendable (TaskItem) throws -> Void) async throws -> TaskItem {
        let before = try await task(id: id, zoneId: actor.zoneId)
        try authorize(before)
        let after = try validated { try TaskRules.apply(d, to: before, today: today, calendar: calendar) }
        return try await write { tx in
            var after = after
            after.planId = try await Store.checkTaskRefs(tx, after, zoneId: actor.zoneId)
            var base = before
            base.version = version
            try await Store.writeTaskUpdate(tx, before: base, after: after, zoneId: actor.zoneId)
            after.version = version + 1
            try await Store.audit(tx, actor: actor, action: .update, entity: "task", id: id, before: before, after: after)
            return after
        }
    }

    public func archiveTask(id: Int, version: Int, actor: Actor) async throws {
        let before = try await task(id: id, zoneId: actor.zoneId)
        try await write { tx in
            try await Store.setArchived(tx, true, table: "tasks", entity: "task", id: id, zoneId: actor.zoneId, version: version)
            var after = before; after.archived = true; after.version = version + 1
            try await Store.audit(tx, actor: actor, action: .archive, entity: "task", id: id, before: before, after: after)
        }
    }
}

extension Store {
    /// Just what lights and progress need, for every live task of a year: the lean read behind the
    /// overview, the plan summaries and the cockpit (no texts, no links). Read column by column: the Codable path
    /// spent more time on keys than SQLite on the query for a year of 20,000 tasks.
    /// `only`: just these tasks (those of them still live in the year).
    public func tasksForProgress(zoneId: Int, year: Int, only ids: [Int]? = nil) async throws -> [TaskItem] {
        if let ids, ids.isEmpty { return [] }
        var q: SQLQueryString = """
            SELECT t.id, t.plan_id, t.work_point_id, t.owner_unit_id, t.kind, t.weight, t.planned_start, t.deadline, t.duration_days,
              t.percent_done, t.status, t.done_on
            FROM tasks t JOIN plans p ON p.id = t.plan_id JOIN work_points w ON w.id = t.work_point_id
            WHERE t.zone_id = \(bind: zoneId) AND p.year = \(bind: year) AND t.archived_at IS NULL AND p.archived_at IS NULL AND w.archived_at IS NULL
            """
        if let ids { q = q + " AND t.id IN (\(binds: ids))" }
        let rows = try await sql.raw(q).all()
        return try rows.map { r in
            TaskItem(id: try r.decode(column: "id", as: Int.self), planId: try r.decode(column: "plan_id", as: Int.self),
                     workPointId: try r.decode(column: "work_point_id", as: Int.self), seq: 0,
                     kind: TaskItem.Kind(rawValue: try r.decode(column: "kind", as: String.self)) ?? .task, title: "",
                     ownerUnitId: try r.decode(column: "owner_unit_id", as: Int.self), coUnitIds: [], responsiblePerson: "", deliverable: "",
                     acceptanceStandard: "", weight: try r.decode(column: "weight", as: Double.self),
                     plannedStart: .stored(try r.decode(column: "planned_start", as: String.self)),
                     deadline: .stored(try r.decode(column: "deadline", as: String.self)),
                     durationDays: try r.decode(column: "duration_days", as: Int.self), predecessorIds: [],
                     percentDone: try r.decode(column: "percent_done", as: Int.self),
                     status: TaskItem.Status(rawValue: try r.decode(column: "status", as: String.self)) ?? .notStarted,
                     doneOn: try r.decode(column: "done_on", as: String?.self).flatMap(Day.init(iso:)))
        }
    }
}

extension Store {
    /// Titles of the given tasks (archived included), for lists that name tasks.
    public func taskTitles(zoneId: Int, ids: [Int]) async throws -> [Int: String] {
        guard !ids.isEmpty else { return [:] }
        struct R: Decodable { let id: Int; let title: String }
        let rows = try await sql.raw("SELECT id, title FROM tasks WHERE zone_id = \(bind: zoneId) AND id IN (\(binds: ids))").rows(R.self)
        return Dictionary(rows.map { ($0.id, $0.title) }, uniquingKeysWith: { a, _ in a })
    }
}
