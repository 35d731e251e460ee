import Domain
import Persistence
import Vapor
import Views

/// 重点项目: the list with this year's investment against plan, a project's page, registering one, moving its stage,
/// recording a month's investment.
enum ProjectController {
    static func register(_ app: RoutesBuilder) {
        app.on(.GET, SiteURL.projects.path, .permission(.readMatrix), use: list)
        app.on(.POST, SiteURL.projects.path, .permission(.editMatrix), use: create)
        app.on(.GET, "/projects/:id", .permission(.readMatrix), use: show)
        app.on(.POST, "/projects/:id/stage", .permission(.editMatrix), use: advance)
        app.on(.POST, "/projects/:id/investments", .permission(.editMatrix), use: invest)
    }

    static func listPage(_ req: Request, error: String?, status: HTTPResponseStatus) async throws -> Response {
        let actor = try req.actor(.readMatrix)
        let today = req.today
        let projects = try await req.store.projects(zoneId: actor.zoneId)
        let months = try await req.store.projectInvestments(zoneId: actor.zoneId)
        let units = try await req.store.units(zoneId: actor.zoneId)
        let unitName = Dictionary(uniqueKeysWithValues: units.map { ($0.id, $0.name) })
        let rows = projects.map { p in
            ProjectListPage.Row(project: p, owner: unitName[p.ownerUnitId] ?? "—", figure: InvestmentProgress.figure(months[p.id] ?? [], year: today.year, through: today.month))
        }
        let total = InvestmentProgress.figure(months.values.flatMap { $0 }, year: today.year, through: today.month)
        var tasks: [(Int, String)] = []
        if actor.can(.editMatrix) {
            var f = TaskFilter(year: today.year); f.limit = 500
            tasks = try await req.store.tasks(zoneId: actor.zoneId, f).map { ($0.id, $0.title) }
        }
        var page = ProjectListPage(year: today.year, rows: rows, total: total, units: units.map { ($0.id, $0.name) }, tasks: tasks, canEdit: actor.can(.editMatrix))
        page.error = error
        return req.html(page.render(req.pageContext(current: .projects)), status: status)
    }

    @Sendable static func list(_ req: Request) async throws -> Response { try await listPage(req, error: nil, status: .ok) }

    @Sendable static func create(_ req: Request) async throws -> Response {
        let actor = try req.actor(.editMatrix)
        let form = try FormFields.require(req)
        guard let total = SheetText.number(form.text("totalInvestment")) else { return try await listPage(req, error: "总投资须为数字（万元）", status: .unprocessableEntity) }
        guard let owner = Int(form.text("ownerUnitId")) else { return try await listPage(req, error: "请选择责任单位", status: .unprocessableEntity) }
        guard let signed = Day(iso: form.text("signedOn")) else { return try await listPage(req, error: "请填写签约日期", status: .unprocessableEntity) }
        do {
            let id = try await req.store.createProject(name: form.text("name"), enterpriseId: nil, chain: form.text("chain"), totalInvestment: total, ownerUnitId: owner,
                                                       taskId: Int(form.text("taskId")), signedOn: signed, actor: actor)
            return req.redirect(to: SiteURL.project(id).path)
        } catch let StoreError.invalid(e) {
            return try await listPage(req, error: e.message, status: .unprocessableEntity)
        } catch StoreError.notFound(let entity, _) {
            return try await listPage(req, error: entity == "task" ? "所选任务不存在" : "所选单位不存在", status: .unprocessableEntity)
        }
    }

    static func page(_ req: Request, id: Int, error: String?, status: HTTPResponseStatus) async throws -> Response {
        let actor = try req.actor(.readMatrix)
        let p = try await req.store.project(id: id, zoneId: actor.zoneId)
        let owner = try await req.store.unit(id: p.ownerUnitId, zoneId: actor.zoneId).name
        var task: (Int, String)?
        if let t = p.taskId { task = (t, try await req.store.task(id: t, zoneId: actor.zoneId).title) }
        var investor: (Int, String)?
        if let e = p.enterpriseId { investor = (e, try await req.store.enterprise(id: e, zoneId: actor.zoneId).enterprise.name) }
        let months = try await req.store.projectInvestments(zoneId: actor.zoneId)[id] ?? []
        var page = ProjectPage(project: p, owner: owner, investor: investor, task: task, months: months, year: req.today.year, canEdit: actor.can(.editMatrix))
        page.error = error
        return req.html(page.render(req.pageContext(current: .projects)), status: status)
    }

    @Sendable static func show(_ req: Request) async throws -> Response { try await page(req, id: try req.id(), error: nil, status: .ok) }

    @Sendable static func advance(_ req: Request) async throws -> Response {
        let actor = try req.actor(.editMatrix)
        let id = try req.id()
        let form = try FormFields.require(req)
        guard let version = Int(form.text("version")) else { throw AppError.badRequest("缺少版本号", field: "version") }
        guard let stage = KeyProject.Stage(rawValue: form.text("stage")), let day = Day(iso: form.text("day")) else {
            return try await page(req, id: id, error: "请选择阶段并填写日期", status: .unprocessableEntity)
        }
        do {
            try await req.store.advanceProject(id: id, to: stage, on: day, version: version, actor: actor)
        } catch let StoreError.invalid(e) {
            return try await page(req, id: id, error: e.message, status: .unprocessableEntity)
        } catch StoreError.conflict {
            return try await page(req, id: id, error: "项目已被他人更新，未做改动。", status: .conflict)
        }
        return req.redirect(to: SiteURL.project(id).with([("notice", "saved")]))
    }

    @Sendable static func invest(_ req: Request) async throws -> Response {
        let actor = try req.actor(.editMatrix)
        let id = try req.id()
        let form = try FormFields.require(req)
        guard let planned = SheetText.number(form.text("planned")) else { return try await page(req, id: id, error: "计划投资须为数字（万元）", status: .unprocessableEntity) }
        let actualText = form.text("actual")
        let actual = SheetText.number(actualText)
        if !actualText.isEmpty && actual == nil { return try await page(req, id: id, error: "完成投资须为数字（万元）", status: .unprocessableEntity) }
        do {
            try await req.store.setInvestment(projectId: id, MonthlyInvestment(month: form.text("month"), planned: planned, actual: actual), actor: actor)
        } catch let StoreError.invalid(e) {
            return try await page(req, id: id, error: e.message, status: .unprocessableEntity)
        }
        return req.redirect(to: SiteURL.project(id).with([("notice", "saved")]))
    }
}
