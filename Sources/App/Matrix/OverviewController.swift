import Domain
import Persistence
import Vapor
import Views

/// 总览 and the two matrix views (tree and unit × plan).
enum OverviewController {
    static func register(_ app: RoutesBuilder) {
        app.on(.GET, SiteURL.home.path, .signedIn, use: overview)
        app.on(.GET, SiteURL.matrix.path, .permission(.readMatrix), use: matrix)
        app.on(.GET, SiteURL.unitMatrix.path, .permission(.readMatrix), use: unitMatrix)
    }

    @Sendable static func overview(_ req: Request) async throws -> Response {
        let actor = try req.actor()
        guard actor.can(.readMatrix) else {
            // The admin roles read no business data: send each to its own page.
            if actor.can(.manageAccounts) || actor.can(.manageRoles) { return req.redirect(to: SiteURL.users.path) }
            if actor.can(.readAudit) { return req.redirect(to: SiteURL.audit.path) }
            return req.redirect(to: SiteURL.tokens.path)
        }
        let year = try await req.yearInView(actor)
        async let plansQ = req.store.plans(zoneId: actor.zoneId, year: year)
        async let tasksQ = req.store.tasks(zoneId: actor.zoneId, TaskFilter(year: year))
        async let targetsQ = req.store.targets(zoneId: actor.zoneId, year: year)
        async let namesQ = req.names(actor)
        let (plans, tasks, targets, names) = try await (plansQ, tasksQ, targetsQ, namesQ)
        let byPlan = Dictionary(grouping: tasks, by: \.planId)
        let lines = plans.map { p in
            OverviewPage.PlanLine(plan: p, leader: names.person(p.leaderId), leadUnit: names.unit(p.leadUnitId),
                                  progress: ProgressSummary(tasks: byPlan[p.id] ?? [], today: req.today, calendar: req.calendar))
        }
        let page = OverviewPage(year: year, today: req.today, lines: lines,
                                total: ProgressSummary(tasks: tasks, today: req.today, calendar: req.calendar), targets: targets)
        return req.html(page.render(req.pageContext(current: .home, warnings: req.calendarWarnings(year: year))))
    }

    /// Most rows a matrix page lists before asking for a narrower filter.
    static let matrixRowLimit = 1000

    @Sendable static func matrix(_ req: Request) async throws -> Response {
        let actor = try req.actor(.readMatrix)
        let year = try await req.yearInView(actor)
        var filters = MatrixPage.Filters(year: year)
        filters.planId = req.query[Int.self, at: "plan"]
        filters.unitId = req.query[Int.self, at: "unit"]
        filters.leaderId = req.query[Int.self, at: "leader"]
        filters.light = req.query[String.self, at: "light"].flatMap(Light.init(rawValue:))
        filters.query = req.query[String.self, at: "q"].map { String($0.prefix(100)) }
        async let plansQ = req.store.plans(zoneId: actor.zoneId, year: year)
        async let wpsQ = req.store.workPoints(zoneId: actor.zoneId)
        async let unitsQ = req.store.units(zoneId: actor.zoneId)
        async let namesQ = req.names(actor)
        async let usersQ = req.store.users(zoneId: actor.zoneId)
        async let yearsQ = req.store.years(zoneId: actor.zoneId)
        let (plans, wps, units, names, users, years) = try await (plansQ, wpsQ, unitsQ, namesQ, usersQ, yearsQ)
        let all = try await req.store.tasks(zoneId: actor.zoneId, TaskFilter(year: year, planId: filters.planId, unitId: filters.unitId,
                                                                             leaderId: filters.leaderId, query: filters.query))
        var lines = all.map { MatrixPage.TaskLine(task: $0, light: req.light($0)) }
        if let l = filters.light { lines = lines.filter { $0.light == l } }
        let truncated = lines.count > matrixRowLimit ? matrixRowLimit : nil
        let shown = Array(lines.prefix(matrixRowLimit))
        let byWP = Dictionary(grouping: shown, by: \.task.workPointId)
        let allByPlan = Dictionary(grouping: all, by: \.planId)
        let wpsByPlan = Dictionary(grouping: wps, by: \.planId)
        let sections: [MatrixPage.PlanSection] = plans.compactMap { p in
            if let only = filters.planId, only != p.id { return nil }
            let expanded = filters.isNarrowed
            let wpSections = (wpsByPlan[p.id] ?? []).compactMap { w -> MatrixPage.WorkPointSection? in
                let rows = byWP[w.id] ?? []
                if expanded && rows.isEmpty && (filters.unitId != nil || filters.light != nil || filters.query != nil || filters.leaderId != nil) { return nil }
                return MatrixPage.WorkPointSection(workPoint: w, lines: rows)
            }
            if expanded && wpSections.isEmpty { return nil }
            return MatrixPage.PlanSection(plan: p, progress: ProgressSummary(tasks: allByPlan[p.id] ?? [], today: req.today, calendar: req.calendar),
                                          workPoints: wpSections, expanded: expanded)
        }
        let leaderIds = Set(plans.compactMap(\.leaderId))
        let page = MatrixPage(filters: filters, years: years.isEmpty ? [year] : years, plans: plans, units: units,
                              leaders: users.filter { leaderIds.contains($0.id) }, names: names, sections: sections,
                              shownTasks: shown.count, truncatedAt: truncated, canEdit: actor.can(.editMatrix))
        return req.html(page.render(req.pageContext(current: .matrix, warnings: req.calendarWarnings(year: year))))
    }

    @Sendable static func unitMatrix(_ req: Request) async throws -> Response {
        let actor = try req.actor(.readMatrix)
        let year = try await req.yearInView(actor)
        async let plansQ = req.store.plans(zoneId: actor.zoneId, year: year)
        async let unitsQ = req.store.units(zoneId: actor.zoneId)
        async let tasksQ = req.store.tasks(zoneId: actor.zoneId, TaskFilter(year: year))
        let (plans, units, tasks) = try await (plansQ, unitsQ, tasksQ)
        var cells: [Int: [Int: UnitMatrixPage.CellCount]] = [:]
        for t in tasks {
            let l = req.light(t)
            cells[t.ownerUnitId, default: [:]][t.planId, default: .init()].owned += 1
            if l == .red || l == .overdue { cells[t.ownerUnitId, default: [:]][t.planId, default: .init()].red += 1 }
            for u in t.coUnitIds { cells[u, default: [:]][t.planId, default: .init()].supported += 1 }
        }
        let page = UnitMatrixPage(year: year, plans: plans, units: units, cells: cells)
        return req.html(page.render(req.pageContext(current: .unitMatrix)))
    }
}
