import Domain
import Persistence
import Spreadsheet
import Vapor
import Views

/// 月通报: preview a month's figures live, issue (freeze) them, and read an issued bulletin as an A4
/// page or an Excel file.
enum BulletinController {
    static func register(_ app: RoutesBuilder) {
        app.on(.GET, SiteURL.bulletins.path, .permission(.readMatrix), use: list)
        app.on(.GET, SiteURL.bulletinPreview.path, .permission(.readMatrix), use: preview)
        app.on(.POST, SiteURL.bulletins.path, .permission(.editMatrix), use: issue)
        app.on(.GET, "/bulletins/:id", .permission(.readMatrix), use: show)
    }

    /// "2026-11" → (2026, 11), or nil.
    static func parseMonth(_ s: String) -> (Int, Int)? {
        let parts = s.split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, let y = Int(parts[0]), let m = Int(parts[1]), (2000...2100).contains(y), (1...12).contains(m) else { return nil }
        return (y, m)
    }

    /// Computes the month's bulletin from today's data.
    static func compute(_ req: Request, zoneId: Int, zoneName: String, year: Int, month: Int, number: Int) async throws -> Bulletin {
        let store = req.store
        let cycle = try await store.reportingCycle(zoneId: zoneId).cycle
        let periods = BulletinBuilder.periodsDue(in: year, month, cycle: cycle, calendar: req.calendar)
        var byId = TaskFilter(year: year); byId.order = .id
        async let tasksQ = store.tasks(zoneId: zoneId, byId)
        async let plansQ = store.plans(zoneId: zoneId, year: year)
        async let unitsQ = store.units(zoneId: zoneId, includeArchived: true)
        async let usersQ = store.users(zoneId: zoneId, includeArchived: true)
        async let reportsQ = store.reportFacts(zoneId: zoneId, periodKeys: periods.map(\.key))
        async let ordersQ = store.orderFacts(zoneId: zoneId)
        let (tasks, plans, units, users, reports, orders) = try await (tasksQ, plansQ, unitsQ, usersQ, reportsQ, ordersQ)
        return BulletinBuilder.build(.init(
            month: (year, month), number: number, title: "关于\(year)年\(month)月重点工作推进情况的通报", issuingBody: "\(zoneName)管委会督查室",
            issuedOn: req.today, tasks: tasks, plans: plans, units: units, personNames: Names(units: [], people: users).people,
            periods: periods, reports: reports, orders: orders), calendar: req.calendar, rules: req.lightRules)
    }

    @Sendable static func list(_ req: Request) async throws -> Response {
        let actor = try req.actor(.readMatrix)
        let items = try await req.store.bulletins(zoneId: actor.zoneId).map {
            BulletinListPage.Item(id: $0.id, month: $0.month, number: $0.number, title: $0.title, issuedOn: $0.issuedOn, by: $0.issuedByName)
        }
        let t = req.today
        return req.html(BulletinListPage(items: items, defaultMonth: BulletinBuilder.monthKey(t.year, t.month)).render(req.pageContext(current: .bulletins)))
    }

    @Sendable static func preview(_ req: Request) async throws -> Response {
        let actor = try req.actor(.readMatrix)
        let raw = req.query[String.self, at: "month"] ?? BulletinBuilder.monthKey(req.today.year, req.today.month)
        guard let (y, m) = parseMonth(raw) else { throw AppError(.unprocessableEntity, "invalid", "月份应为“年-月”，如2026-11", field: "month") }
        let zoneName = req.signedIn?.zoneName ?? ""
        let b = try await compute(req, zoneId: actor.zoneId, zoneName: zoneName, year: y, month: m,
                                  number: try await req.store.nextBulletinNumber(zoneId: actor.zoneId, year: y))
        let page = BulletinPage(bulletin: b, zoneName: zoneName, issuedId: nil, issuedBy: nil, canIssue: actor.can(.editMatrix))
        return req.html(page.render(req.pageContext(current: .bulletins)))
    }

    @Sendable static func issue(_ req: Request) async throws -> Response {
        let actor = try req.actor(.editMatrix)
        let form = try FormFields.require(req)
        guard let (y, m) = parseMonth(form.text("month")) else { throw AppError(.unprocessableEntity, "invalid", "月份应为“年-月”，如2026-11", field: "month") }
        guard BulletinBuilder.monthKey(y, m) <= BulletinBuilder.monthKey(req.today.year, req.today.month) else {
            throw AppError(.unprocessableEntity, "invalid", "不能印发未来月份的通报", field: "month")
        }
        let zoneName = req.signedIn?.zoneName ?? ""
        let b = try await compute(req, zoneId: actor.zoneId, zoneName: zoneName, year: y, month: m,
                                  number: try await req.store.nextBulletinNumber(zoneId: actor.zoneId, year: y))
        do {
            let issued = try await req.store.issueBulletin(b, actor: actor)
            return req.redirect(to: SiteURL.bulletin(issued.id).path)
        } catch let StoreError.duplicate(_, message) {
            throw AppError(.conflict, "duplicate", message, field: "month")
        }
    }

    /// An issued bulletin: the page, or with ".xlsx" the Excel file — both from the frozen figures.
    @Sendable static func show(_ req: Request) async throws -> Response {
        let actor = try req.actor(.readMatrix)
        let raw = req.parameters.get("id") ?? ""
        let wantsExcel = raw.hasSuffix(".xlsx")
        guard let id = Int(wantsExcel ? String(raw.dropLast(5)) : raw), id > 0 else { throw AppError(.notFound, "not_found", "编号无效：\(raw)") }
        let issued = try await req.store.bulletin(id: id, zoneId: actor.zoneId)
        let zoneName = req.signedIn?.zoneName ?? ""
        if wantsExcel {
            return try Response.xlsx(BulletinWorkbook.make(issued.content, zoneName: zoneName), filename: "\(zoneName)月通报\(issued.month).xlsx")
        }
        let page = BulletinPage(bulletin: issued.content, zoneName: zoneName, issuedId: issued.id, issuedBy: issued.issuedByName, canIssue: false)
        return req.html(page.render(req.pageContext(current: .bulletins)))
    }
}
