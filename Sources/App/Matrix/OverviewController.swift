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
            if actor.can(.readProvince) { return req.redirect(to: SiteURL.province.path) }
            // An enterprise account: its appeals, and (with them) the policies it can claim.
            if actor.can(.readAppeals) { return req.redirect(to: SiteURL.appeals.path) }
            return req.redirect(to: SiteURL.tokens.path)
        }
        let year = try await req.yearInView(actor)
        // Rendered once per zone data version and day, like the matrix page.
        let content = try await req.cached(actor, "overview|\(year)|\(req.today.iso)") {
            let ref = try await req.matrixReference(actor, year: year)
            let lines = ref.plans.map { p in
                OverviewPage.PlanLine(plan: p, leader: ref.names.person(p.leaderId), leadUnit: ref.names.unit(p.leadUnitId),
                                      progress: ref.progressByPlan[p.id] ?? ProgressSummary(tasks: [], today: req.today, calendar: req.calendar))
            }
            return PageCache.render(OverviewPage(year: year, today: req.today, lines: lines, total: ref.total, targets: ref.targets).body)
        }
        return req.html(PageCache.page(title: "总览", content: content, context: req.pageContext(current: .home, warnings: req.calendarWarnings(year: year))))
    }

    /// Rows per matrix page (Redmine's issue list shows 25–100).
    static let pageSize = 100

    @Sendable static func matrix(_ req: Request) async throws -> Response {
        let actor = try req.actor(.readMatrix)
        let year = try await req.yearInView(actor)
        var filters = req.matrixFilters(year: year)
        filters.query = req.query[String.self, at: "q"].flatMap { $0.isEmpty ? nil : String($0.prefix(100)) }
        let offset = max(0, req.query[Int.self, at: "offset"] ?? 0)
        // The content is the same for everyone with the same rights until the zone's data changes.
        let key = "matrixpage|\(year)|\(req.today.iso)|\(filters.queryItems.map { "\($0.0)=\($0.1 ?? "")" }.joined(separator: "&"))|\(offset)|\(actor.can(.editMatrix))"
        let content = try await req.cached(actor, key) { [filters] in try await matrixContent(req, actor, year: year, filters: filters, offset: offset) }
        return req.html(MatrixPage.render(content: content, req.pageContext(current: .matrix, warnings: req.calendarWarnings(year: year))))
    }

    static func matrixContent(_ req: Request, _ actor: Actor, year: Int, filters: MatrixPage.Filters, offset: Int) async throws -> String {
        let ref = try await req.matrixReference(actor, year: year)
        var lines: [MatrixPage.TaskLine] = []
        var total = 0
        if filters.isNarrowed {
            var f = TaskFilter(year: year, planId: filters.planId, unitId: filters.unitId, leaderId: filters.leaderId, query: filters.query)
            if let light = filters.light {
                // The light depends on today: filter after reading, then page.
                let all = try await req.store.tasks(zoneId: actor.zoneId, f).map { MatrixPage.TaskLine(task: $0, light: req.light($0)) }.filter { $0.light == light }
                total = all.count
                lines = Array(all.dropFirst(offset).prefix(pageSize))
            } else {
                f.limit = pageSize; f.offset = offset
                async let rowsQ = req.store.tasks(zoneId: actor.zoneId, f)
                async let totalQ = req.countTasks(actor, f)
                let (rows, count) = try await (rowsQ, totalQ)
                total = count
                lines = rows.map { MatrixPage.TaskLine(task: $0, light: req.light($0)) }
            }
        }
        let byWP = Dictionary(grouping: lines, by: \.task.workPointId)
        let wpsByPlan = Dictionary(grouping: ref.workPoints, by: \.planId)
        let sections: [MatrixPage.PlanSection] = ref.plans.compactMap { p in
            if let only = filters.planId, only != p.id { return nil }
            let wpSections = (wpsByPlan[p.id] ?? []).compactMap { w -> MatrixPage.WorkPointSection? in
                let rows = byWP[w.id] ?? []
                // Narrowed views list only the work points that have rows on this page.
                if filters.isNarrowed && rows.isEmpty { return nil }
                return MatrixPage.WorkPointSection(workPoint: w, lines: rows)
            }
            if filters.isNarrowed && wpSections.isEmpty && filters.planId == nil { return nil }
            return MatrixPage.PlanSection(plan: p, progress: ref.progressByPlan[p.id] ?? ProgressSummary(tasks: [], today: req.today, calendar: req.calendar),
                                          workPoints: wpSections, expanded: filters.isNarrowed)
        }
        let page = MatrixPage(filters: filters, years: ref.years, plans: ref.plans, units: ref.units, leaders: ref.leaders, names: ref.names,
                              sections: sections, shownTasks: lines.count, total: total, offset: offset, pageSize: pageSize,
                              canEdit: actor.can(.editMatrix))
        return page.content()
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
