import Domain
import Persistence
import Vapor

/// The JSON API under /api/v1: the same resources as the pages, the same rules, the same audit.
enum ApiController {
    static let base = "/api/v1"

    static func register(_ app: RoutesBuilder) {
        let read = RouteAccess.permission(.readMatrix), edit = RouteAccess.permission(.editMatrix)
        app.on(.GET, base + "/openapi.json", .everyone, use: openAPI)
        app.on(.GET, base + "/me", .signedIn, use: me)
        // Units
        app.on(.GET, base + "/units", read, use: listUnits)
        app.on(.POST, base + "/units", edit, use: createUnit)
        app.on(.GET, base + "/units/:id", read, use: getUnit)
        app.on(.PATCH, base + "/units/:id", edit, use: updateUnit)
        app.on(.POST, base + "/units/:id/archive", edit, use: archiveUnit)
        // Positioning targets
        app.on(.GET, base + "/positioning-targets", read, use: listTargets)
        app.on(.POST, base + "/positioning-targets", edit, use: createTarget)
        app.on(.GET, base + "/positioning-targets/:id", read, use: getTarget)
        app.on(.PATCH, base + "/positioning-targets/:id", edit, use: updateTarget)
        app.on(.POST, base + "/positioning-targets/:id/archive", edit, use: archiveTarget)
        // Plans
        app.on(.GET, base + "/plans", read, use: listPlans)
        app.on(.POST, base + "/plans", edit, use: createPlan)
        app.on(.GET, base + "/plans/:id", read, use: getPlan)
        app.on(.PATCH, base + "/plans/:id", edit, use: updatePlan)
        app.on(.POST, base + "/plans/:id/archive", edit, use: archivePlan)
        // Work points
        app.on(.GET, base + "/work-points", read, use: listWorkPoints)
        app.on(.POST, base + "/work-points", edit, use: createWorkPoint)
        app.on(.GET, base + "/work-points/:id", read, use: getWorkPoint)
        app.on(.PATCH, base + "/work-points/:id", edit, use: updateWorkPoint)
        app.on(.POST, base + "/work-points/:id/archive", edit, use: archiveWorkPoint)
        // Tasks
        app.on(.GET, base + "/tasks", read, use: listTasks)
        app.on(.POST, base + "/tasks", edit, use: createTask)
        app.on(.GET, base + "/tasks/:id", read, use: getTask)
        app.on(.PATCH, base + "/tasks/:id", .permission(.reportOwnTasks), use: updateTask)
        app.on(.POST, base + "/tasks/:id/archive", edit, use: archiveTask)
        // Audit
        app.on(.GET, base + "/audit", .permission(.readAudit), use: audit)
    }

    @Sendable static func openAPI(_ req: Request) async throws -> Response {
        Response(status: .ok, headers: ["Content-Type": "application/json; charset=utf-8"], body: .init(data: OpenAPIDocument.json))
    }

    @Sendable static func me(_ req: Request) async throws -> Response {
        let a = try req.actor()
        return try req.json(MeDTO(id: a.userId, username: a.username, displayName: a.displayName, zoneId: a.zoneId, unitId: a.unitId,
                                  roles: a.roles.map(\.rawValue).sorted(), permissions: Permission.allCases.filter { a.can($0) }.map(\.rawValue)))
    }

    /// Pages a list held in memory (units, plans, work points and targets are small per zone).
    static func page<T: Encodable>(_ req: Request, _ all: [T]) throws -> Response {
        let (limit, offset) = try req.paging()
        return try req.json(ListPage(items: Array(all.dropFirst(offset).prefix(limit)), total: all.count, limit: limit, offset: offset))
    }

    // MARK: Units

    @Sendable static func listUnits(_ req: Request) async throws -> Response {
        let a = try req.actor()
        return try page(req, try await req.store.units(zoneId: a.zoneId, includeArchived: req.query[Bool.self, at: "includeArchived"] ?? false))
    }
    @Sendable static func getUnit(_ req: Request) async throws -> Response {
        try req.json(try await req.store.unit(id: try req.id(), zoneId: try req.actor().zoneId))
    }
    @Sendable static func createUnit(_ req: Request) async throws -> Response {
        try req.json(try await req.store.createUnit(try req.body(UnitDraft.self), actor: try req.actor()), status: .created)
    }
    @Sendable static func updateUnit(_ req: Request) async throws -> Response {
        let v = try req.body(VersionBody.self)
        return try req.json(try await req.store.updateUnit(id: try req.id(), version: v.version, try req.body(UnitDraft.self), actor: try req.actor()))
    }
    @Sendable static func archiveUnit(_ req: Request) async throws -> Response {
        try await req.store.archiveUnit(id: try req.id(), version: try req.body(VersionBody.self).version, actor: try req.actor())
        return Response(status: .noContent)
    }

    // MARK: Positioning targets

    @Sendable static func listTargets(_ req: Request) async throws -> Response {
        try page(req, try await req.store.targets(zoneId: try req.actor().zoneId, year: try req.queryInt("year", in: 2000...2100)))
    }
    @Sendable static func getTarget(_ req: Request) async throws -> Response {
        try req.json(try await req.store.target(id: try req.id(), zoneId: try req.actor().zoneId))
    }
    @Sendable static func createTarget(_ req: Request) async throws -> Response {
        try req.json(try await req.store.createTarget(try req.body(TargetDraft.self), actor: try req.actor()), status: .created)
    }
    @Sendable static func updateTarget(_ req: Request) async throws -> Response {
        let v = try req.body(VersionBody.self)
        return try req.json(try await req.store.updateTarget(id: try req.id(), version: v.version, try req.body(TargetDraft.self), actor: try req.actor()))
    }
    @Sendable static func archiveTarget(_ req: Request) async throws -> Response {
        try await req.store.archiveTarget(id: try req.id(), version: try req.body(VersionBody.self).version, actor: try req.actor())
        return Response(status: .noContent)
    }

    // MARK: Plans

    @Sendable static func listPlans(_ req: Request) async throws -> Response {
        let a = try req.actor()
        return try page(req, try await req.store.plans(zoneId: a.zoneId, year: try req.queryInt("year", in: 2000...2100)))
    }
    @Sendable static func getPlan(_ req: Request) async throws -> Response {
        try req.json(try await req.store.plan(id: try req.id(), zoneId: try req.actor().zoneId))
    }
    @Sendable static func createPlan(_ req: Request) async throws -> Response {
        try req.json(try await req.store.createPlan(try req.body(PlanDraft.self), actor: try req.actor()), status: .created)
    }
    @Sendable static func updatePlan(_ req: Request) async throws -> Response {
        let v = try req.body(VersionBody.self)
        return try req.json(try await req.store.updatePlan(id: try req.id(), version: v.version, try req.body(PlanDraft.self), actor: try req.actor()))
    }
    @Sendable static func archivePlan(_ req: Request) async throws -> Response {
        try await req.store.archivePlan(id: try req.id(), version: try req.body(VersionBody.self).version, actor: try req.actor())
        return Response(status: .noContent)
    }

    // MARK: Work points

    @Sendable static func listWorkPoints(_ req: Request) async throws -> Response {
        let a = try req.actor()
        return try page(req, try await req.store.workPoints(zoneId: a.zoneId, planId: try req.queryInt("planId", in: 1...Int.max)))
    }
    @Sendable static func getWorkPoint(_ req: Request) async throws -> Response {
        try req.json(try await req.store.workPoint(id: try req.id(), zoneId: try req.actor().zoneId))
    }
    @Sendable static func createWorkPoint(_ req: Request) async throws -> Response {
        try req.json(try await req.store.createWorkPoint(try req.body(WorkPointDraft.self), actor: try req.actor()), status: .created)
    }
    @Sendable static func updateWorkPoint(_ req: Request) async throws -> Response {
        let v = try req.body(VersionBody.self)
        return try req.json(try await req.store.updateWorkPoint(id: try req.id(), version: v.version, try req.body(WorkPointDraft.self), actor: try req.actor()))
    }
    @Sendable static func archiveWorkPoint(_ req: Request) async throws -> Response {
        try await req.store.archiveWorkPoint(id: try req.id(), version: try req.body(VersionBody.self).version, actor: try req.actor())
        return Response(status: .noContent)
    }

    // MARK: Tasks

    @Sendable static func listTasks(_ req: Request) async throws -> Response {
        let a = try req.actor()
        let (limit, offset) = try req.paging()
        var f = TaskFilter(year: try req.queryInt("year", in: 2000...2100), planId: try req.queryInt("planId", in: 1...Int.max),
                           workPointId: try req.queryInt("workPointId", in: 1...Int.max), unitId: try req.queryInt("unitId", in: 1...Int.max),
                           leaderId: try req.queryInt("leaderId", in: 1...Int.max), status: try req.queryEnum("status", TaskItem.Status.self),
                           query: req.query[String.self, at: "q"].map { String($0.prefix(100)) })
        if let light = try req.queryEnum("light", Light.self) {
            // The light depends on today, so it is filtered after reading; paging follows the filter.
            let all = try await req.store.tasks(zoneId: a.zoneId, f).map { TaskDTO(task: $0, light: req.light($0)) }.filter { $0.light == light }
            return try req.json(ListPage(items: Array(all.dropFirst(offset).prefix(limit)), total: all.count, limit: limit, offset: offset))
        }
        f.limit = limit; f.offset = offset; f.order = .id
        // The same page is the same JSON until the zone's data (or the day) changes.
        let page = try await req.cached(a, "apitasks|\(req.today.iso)|\(Store.cacheKey(f))|\(limit)|\(offset)") { [f] in
            async let itemsQ = req.store.tasks(zoneId: a.zoneId, f)
            async let totalQ = req.countTasks(a, f)
            let (items, total) = try await (itemsQ, totalQ)
            return (body: TaskListJSON.encode(items.map { TaskDTO(task: $0, light: req.light($0)) }, total: total, limit: limit, offset: offset),
                    days: items.flatMap { [$0.plannedStart, $0.deadline] })
        }
        let res = Response(status: .ok, headers: ["Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store"], body: .init(data: page.body))
        res.warnIfMissingCalendar(req.calendar, days: page.days)
        return res
    }
    @Sendable static func getTask(_ req: Request) async throws -> Response {
        let t = try await req.store.task(id: try req.id(), zoneId: try req.actor().zoneId)
        let res = try req.json(TaskDTO(task: t, light: req.light(t)))
        res.warnIfMissingCalendar(req.calendar, days: [t.plannedStart, t.deadline])
        return res
    }
    @Sendable static func createTask(_ req: Request) async throws -> Response {
        let t = try await req.store.createTask(try req.body(TaskDraft.self), actor: try req.actor(), today: req.today, calendar: req.calendar)
        let res = try req.json(TaskDTO(task: t, light: req.light(t)), status: .created)
        res.warnIfMissingCalendar(req.calendar, days: [t.plannedStart, t.deadline])
        return res
    }
    @Sendable static func updateTask(_ req: Request) async throws -> Response {
        let actor = try req.actor()
        let v = try req.body(VersionBody.self)
        let d = try req.body(TaskDraft.self)
        let t = try await req.store.updateTask(id: try req.id(), version: v.version, d, actor: actor, today: req.today, calendar: req.calendar) { before in
            guard actor.mayEdit(before, fields: d.setFields) else {
                throw AppError(.forbidden, "forbidden", actor.can(.editMatrix) ? "您没有权限修改此任务" : "只能填报本单位任务的进度（percentDone、status、doneOn、responsiblePerson）")
            }
        }
        return try req.json(TaskDTO(task: t, light: req.light(t)))
    }
    @Sendable static func archiveTask(_ req: Request) async throws -> Response {
        try await req.store.archiveTask(id: try req.id(), version: try req.body(VersionBody.self).version, actor: try req.actor())
        return Response(status: .noContent)
    }

    // MARK: Audit

    @Sendable static func audit(_ req: Request) async throws -> Response {
        let a = try req.actor()
        let (limit, offset) = try req.paging()
        let (entries, total) = try await req.store.auditEntries(zoneId: a.zoneId, .init(
            entityType: req.query[String.self, at: "entityType"], entityId: try req.queryInt("entityId", in: 1...Int.max),
            username: req.query[String.self, at: "username"], limit: limit, offset: offset))
        return try req.json(ListPage(items: entries, total: total, limit: limit, offset: offset))
    }
}
