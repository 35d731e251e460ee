import Domain
import Persistence
import Vapor
import Views

/// A work point's roadmap: reverse scheduling from its deadline, applying the result, baselines.
enum RoadmapController {
    static func register(_ app: RoutesBuilder) {
        app.on(.GET, "/work-points/:id/schedule", .permission(.readMatrix), use: show)
        app.on(.POST, "/work-points/:id/deadline", .permission(.editMatrix), use: setDeadline)
        app.on(.POST, "/work-points/:id/schedule/apply", .permission(.editMatrix), use: apply)
        app.on(.POST, "/work-points/:id/baseline", .permission(.editMatrix), use: approveBaseline)
    }

    struct Computed {
        let workPoint: WorkPoint
        let deadline: Day?
        let tasks: [TaskItem]
        let result: ScheduleResult?
        let problem: String?
    }

    /// Schedules the work point's open tasks backwards from its deadline. Done tasks are out of the
    /// schedule (and links to them are satisfied); links to tasks outside the work point are kept,
    /// with those tasks fixed at their planned dates.
    static func compute(_ req: Request, _ actor: Actor, workPointId: Int) async throws -> Computed {
        let wp = try await req.store.workPoint(id: workPointId, zoneId: actor.zoneId)
        let deadline = try await req.store.workPointDeadline(id: workPointId, zoneId: actor.zoneId)
        let tasks = try await req.store.tasks(zoneId: actor.zoneId, TaskFilter(workPointId: workPointId))
        guard let deadline else { return Computed(workPoint: wp, deadline: nil, tasks: tasks, result: nil, problem: "请先设置工作要点的完成时限，再倒排各项任务。") }
        let openIds = Set(tasks.filter { $0.status != .done }.map(\.id))
        var external: [TaskItem] = []
        for t in tasks where t.status != .done {
            for p in t.predecessorIds where !openIds.contains(p) && !external.contains(where: { $0.id == p }) {
                if let e = try? await req.store.task(id: p, zoneId: actor.zoneId), e.workPointId != workPointId { external.append(e) }
            }
        }
        let input = ScheduleInput.forTasks(tasks, deadline: deadline, today: req.today, external: external)
        do {
            return Computed(workPoint: wp, deadline: deadline, tasks: tasks, result: try Scheduler.schedule(input, today: req.today, calendar: req.calendar), problem: nil)
        } catch let e as ScheduleError {
            return Computed(workPoint: wp, deadline: deadline, tasks: tasks, result: nil, problem: e.message)
        }
    }

    @Sendable static func show(_ req: Request) async throws -> Response {
        try await render(req, errors: FormErrors(), status: .ok)
    }

    static func render(_ req: Request, errors: FormErrors, status: HTTPResponseStatus) async throws -> Response {
        let actor = try req.actor(.readMatrix)
        let c = try await compute(req, actor, workPointId: try req.id())
        let plan = try await req.store.plan(id: c.workPoint.planId, zoneId: actor.zoneId)
        let baselines = try await req.store.baselines(taskIds: c.tasks.map(\.id), zoneId: actor.zoneId)
        let byId = Dictionary(uniqueKeysWithValues: (c.result?.tasks ?? []).map { ($0.id, $0) })
        let short = Dictionary(uniqueKeysWithValues: (c.result?.infeasible ?? []).map { ($0.id, $0.shortBy) })
        let titles = Dictionary(uniqueKeysWithValues: c.tasks.map { ("#\($0.id)", $0.title) })
        let lines = c.tasks.map { t in
            RoadmapPage.Line(task: t, scheduled: byId["#\(t.id)"], shortBy: short["#\(t.id)"],
                             baseline: baselines[t.id].map { .init(start: $0.plannedStart, deadline: $0.deadline,
                                                                    variance: req.calendar.workdayDistance(from: $0.deadline, to: t.deadline)) })
        }
        let latest = baselines.values.max { $0.baselineId < $1.baselineId }
        let page = RoadmapPage(plan: plan, workPoint: c.workPoint, deadline: c.deadline, lines: lines,
                               criticalPath: (c.result?.criticalPath ?? []).compactMap { titles[$0] }, problem: c.problem,
                               canEdit: actor.can(.editMatrix),
                               baselineNote: latest.map { "现行基线：\(String($0.approvedAt.prefix(10)))由\($0.approvedBy)批准。偏差为当前完成时限相对基线的工作日数（正数为推迟）。" },
                               errors: errors)
        let years = c.deadline.map { [$0.year] } ?? []
        return req.html(page.render(req.pageContext(current: .matrix, warnings: req.calendarWarnings(year: years.first ?? req.today.year))), status: status)
    }

    @Sendable static func setDeadline(_ req: Request) async throws -> Response {
        let actor = try req.actor(.editMatrix)
        let id = try req.id()
        let form = try FormFields.require(req)
        var r = FormReader(form)
        let d = r.day("deadline", label: "完成时限")
        guard r.errors.isEmpty else { return try await render(req, errors: r.formErrors, status: .unprocessableEntity) }
        try await req.store.setWorkPointDeadline(id: id, deadline: d, actor: actor)
        return req.redirect(to: SiteURL.workPointSchedule(id).with([("notice", "saved")]))
    }

    @Sendable static func apply(_ req: Request) async throws -> Response {
        let actor = try req.actor(.editMatrix)
        let id = try req.id()
        let c = try await compute(req, actor, workPointId: id)
        guard let result = c.result else { throw AppError(.unprocessableEntity, "cannot_schedule", c.problem ?? "无法排期") }
        let byId = Dictionary(uniqueKeysWithValues: result.tasks.map { ($0.id, $0) })
        let changes = c.tasks.compactMap { t -> (id: Int, version: Int, start: Day, deadline: Day, duration: Int)? in
            guard t.status != .done, let s = byId["#\(t.id)"], let ls = s.latestStart, let lf = s.latestFinish else { return nil }
            return (t.id, t.version, ls, lf, t.kind == .milestone ? 0 : max(1, t.durationDays))
        }
        try await req.store.applyPlannedDates(changes, actor: actor)
        return req.redirect(to: SiteURL.workPointSchedule(id).with([("notice", "saved")]))
    }

    @Sendable static func approveBaseline(_ req: Request) async throws -> Response {
        let actor = try req.actor(.editMatrix)
        let id = try req.id()
        let form = try FormFields.require(req)
        _ = try await req.store.approveBaseline(workPointId: id, note: form.text("note"), actor: actor)
        return req.redirect(to: SiteURL.workPointSchedule(id).with([("notice", "saved")]))
    }
}
