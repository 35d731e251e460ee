import Domain
import Persistence
import Vapor
import Views

/// Forms for plans (计划) and their work points (工作要点).
enum PlanController {
    static func register(_ app: RoutesBuilder) {
        app.on(.GET, SiteURL.planNew.path, .permission(.editMatrix), use: newPlan)
        app.on(.POST, SiteURL.planNew.path, .permission(.editMatrix), use: createPlan)
        app.on(.GET, "/plans/:id/edit", .permission(.editMatrix), use: editPlan)
        app.on(.POST, "/plans/:id/edit", .permission(.editMatrix), use: updatePlan)
        app.on(.POST, "/plans/:id/archive", .permission(.editMatrix), use: archivePlan)
        app.on(.GET, SiteURL.workPointNew.path, .permission(.editMatrix), use: newWorkPoint)
        app.on(.POST, SiteURL.workPointNew.path, .permission(.editMatrix), use: createWorkPoint)
        app.on(.GET, "/work-points/:id/edit", .permission(.editMatrix), use: editWorkPoint)
        app.on(.POST, "/work-points/:id/edit", .permission(.editMatrix), use: updateWorkPoint)
        app.on(.POST, "/work-points/:id/archive", .permission(.editMatrix), use: archiveWorkPoint)
    }

    // MARK: Plans

    static func planPage(_ req: Request, _ actor: Actor, id: Int?, plan: Plan?, form: FormFields?, errors: FormErrors, conflict: Bool, status: HTTPResponseStatus) async throws -> Response {
        async let unitsQ = req.store.units(zoneId: actor.zoneId)
        async let usersQ = req.store.users(zoneId: actor.zoneId)
        let (units, users) = try await (unitsQ, usersQ)
        let leaders = users.filter { $0.roles.contains(.leader) || $0.unitId == nil || ["书记", "主任", "副书记", "副主任"].contains(where: $0.title.contains) }
        func v(_ name: String, _ fallback: String) -> String { form?.first(name) ?? fallback }
        let fields: [FormPage.Field] = [
            .init("name", "计划名称", value: v("name", plan?.name ?? ""), required: true),
            .init("year", "年度", .number, value: v("year", String(plan?.year ?? req.today.year)), required: true),
            .init("seq", "序号（留空自动编排）", .number, value: v("seq", plan.map { String($0.seq) } ?? "")),
            .init("goal", "目标", .textarea, value: v("goal", plan?.goal ?? "")),
            .init("leaderId", "分管领导", .select(options: leaders.map { .init(String($0.id), "\($0.displayName)（\($0.title)）") }, blank: "未指定"),
                  value: v("leaderId", plan?.leaderId.map(String.init) ?? "")),
            .init("leadUnitId", "牵头单位", .select(options: units.options, blank: "未指定"), value: v("leadUnitId", plan?.leadUnitId.map(String.init) ?? "")),
            .init("coUnitIds", "配合单位（可多选）", .multiSelect(options: units.options), values: form?.all("coUnitIds") ?? plan?.coUnitIds.map(String.init) ?? []),
        ]
        let page = FormPage(title: id == nil ? "新建计划" : "编辑计划", action: id.map { SiteURL.planEdit($0).path } ?? SiteURL.planNew.path,
                            fields: fields, errors: errors, version: plan?.version, cancel: SiteURL.matrix.path, conflict: conflict)
        var p = page
        if let id { p.archive = (SiteURL.planArchive(id).path, "归档此计划") }
        return req.html(p.render(req.pageContext(current: .matrix)), status: status)
    }

    static func planDraft(_ form: FormFields) throws -> PlanDraft {
        var r = FormReader(form)
        var d = PlanDraft()
        d.name = form.text("name"); d.goal = form.text("goal")
        d.year = r.int("year", label: "年度"); d.seq = r.int("seq", label: "序号")
        d.leaderId = r.int("leaderId", label: "分管领导"); d.leadUnitId = r.int("leadUnitId", label: "牵头单位")
        d.coUnitIds = r.ints("coUnitIds", label: "配合单位")
        try r.check()
        return d
    }

    @Sendable static func newPlan(_ req: Request) async throws -> Response {
        try await planPage(req, try req.actor(.editMatrix), id: nil, plan: nil, form: nil, errors: FormErrors(), conflict: false, status: .ok)
    }

    @Sendable static func createPlan(_ req: Request) async throws -> Response {
        let actor = try req.actor(.editMatrix)
        let form = try FormFields.require(req)
        return try await FormFlow.submit(req, render: { errors, conflict, status in
            try await planPage(req, actor, id: nil, plan: nil, form: form, errors: errors, conflict: conflict, status: status)
        }) {
            let p = try await req.store.createPlan(try planDraft(form), actor: actor)
            return SiteURL.matrix.with([("year", String(p.year)), ("plan", String(p.id)), ("notice", "created")])
        }
    }

    @Sendable static func editPlan(_ req: Request) async throws -> Response {
        let actor = try req.actor(.editMatrix)
        let plan = try await req.store.plan(id: try req.id(), zoneId: actor.zoneId)
        return try await planPage(req, actor, id: plan.id, plan: plan, form: nil, errors: FormErrors(), conflict: false, status: .ok)
    }

    @Sendable static func updatePlan(_ req: Request) async throws -> Response {
        let actor = try req.actor(.editMatrix)
        let id = try req.id()
        let form = try FormFields.require(req)
        return try await FormFlow.submit(req, render: { errors, conflict, status in
            let latest = try await req.store.plan(id: id, zoneId: actor.zoneId)
            return try await planPage(req, actor, id: id, plan: latest, form: conflict ? nil : form, errors: errors, conflict: conflict, status: status)
        }) {
            var r = FormReader(form)
            guard let version = r.version() else { throw FormInvalid(errors: r.formErrors) }
            let p = try await req.store.updatePlan(id: id, version: version, try planDraft(form), actor: actor)
            return SiteURL.matrix.with([("year", String(p.year)), ("plan", String(p.id)), ("notice", "saved")])
        }
    }

    @Sendable static func archivePlan(_ req: Request) async throws -> Response {
        let actor = try req.actor(.editMatrix)
        var r = FormReader(try FormFields.require(req))
        guard let version = r.version() else { throw AppError.badRequest("缺少版本号", field: "version") }
        try await req.store.archivePlan(id: try req.id(), version: version, actor: actor)
        return req.redirect(to: SiteURL.matrix.with([("notice", "archived")]))
    }

    // MARK: Work points

    static func workPointPage(_ req: Request, _ actor: Actor, id: Int?, wp: WorkPoint?, form: FormFields?, errors: FormErrors, conflict: Bool, status: HTTPResponseStatus) async throws -> Response {
        let year = try await req.yearInView(actor)
        async let unitsQ = req.store.units(zoneId: actor.zoneId)
        async let plansQ = req.store.plans(zoneId: actor.zoneId, year: year)
        let (units, plans) = try await (unitsQ, plansQ)
        func v(_ name: String, _ fallback: String) -> String { form?.first(name) ?? fallback }
        let presetPlan = req.query[Int.self, at: "plan"].map(String.init) ?? ""
        let fields: [FormPage.Field] = [
            .init("planId", "所属计划", .select(options: plans.map { .init(String($0.id), $0.name) }, blank: "请选择"), value: v("planId", wp.map { String($0.planId) } ?? presetPlan), required: true),
            .init("title", "工作要点", value: v("title", wp?.title ?? ""), required: true),
            .init("seq", "序号（留空自动编排）", .number, value: v("seq", wp.map { String($0.seq) } ?? "")),
            .init("goal", "目标", .textarea, value: v("goal", wp?.goal ?? "")),
            .init("leadUnitId", "牵头单位", .select(options: units.options, blank: "未指定"), value: v("leadUnitId", wp?.leadUnitId.map(String.init) ?? "")),
        ]
        let page = FormPage(title: id == nil ? "新建工作要点" : "编辑工作要点", action: id.map { SiteURL.workPointEdit($0).path } ?? SiteURL.workPointNew.path,
                            fields: fields, errors: errors, version: wp?.version, cancel: SiteURL.matrix.path, conflict: conflict)
        var p = page
        if let id { p.archive = (SiteURL.workPointArchive(id).path, "归档此工作要点") }
        return req.html(p.render(req.pageContext(current: .matrix)), status: status)
    }

    static func workPointDraft(_ form: FormFields) throws -> WorkPointDraft {
        var r = FormReader(form)
        var d = WorkPointDraft()
        d.planId = r.int("planId", label: "计划"); d.title = form.text("title"); d.goal = form.text("goal")
        d.seq = r.int("seq", label: "序号"); d.leadUnitId = r.int("leadUnitId", label: "牵头单位")
        try r.check()
        return d
    }

    @Sendable static func newWorkPoint(_ req: Request) async throws -> Response {
        try await workPointPage(req, try req.actor(.editMatrix), id: nil, wp: nil, form: nil, errors: FormErrors(), conflict: false, status: .ok)
    }

    @Sendable static func createWorkPoint(_ req: Request) async throws -> Response {
        let actor = try req.actor(.editMatrix)
        let form = try FormFields.require(req)
        return try await FormFlow.submit(req, render: { errors, conflict, status in
            try await workPointPage(req, actor, id: nil, wp: nil, form: form, errors: errors, conflict: conflict, status: status)
        }) {
            let w = try await req.store.createWorkPoint(try workPointDraft(form), actor: actor)
            return SiteURL.matrix.with([("plan", String(w.planId)), ("notice", "created")])
        }
    }

    @Sendable static func editWorkPoint(_ req: Request) async throws -> Response {
        let actor = try req.actor(.editMatrix)
        let wp = try await req.store.workPoint(id: try req.id(), zoneId: actor.zoneId)
        return try await workPointPage(req, actor, id: wp.id, wp: wp, form: nil, errors: FormErrors(), conflict: false, status: .ok)
    }

    @Sendable static func updateWorkPoint(_ req: Request) async throws -> Response {
        let actor = try req.actor(.editMatrix)
        let id = try req.id()
        let form = try FormFields.require(req)
        return try await FormFlow.submit(req, render: { errors, conflict, status in
            let latest = try await req.store.workPoint(id: id, zoneId: actor.zoneId)
            return try await workPointPage(req, actor, id: id, wp: latest, form: conflict ? nil : form, errors: errors, conflict: conflict, status: status)
        }) {
            var r = FormReader(form)
            guard let version = r.version() else { throw FormInvalid(errors: r.formErrors) }
            let w = try await req.store.updateWorkPoint(id: id, version: version, try workPointDraft(form), actor: actor)
            return SiteURL.matrix.with([("plan", String(w.planId)), ("notice", "saved")])
        }
    }

    @Sendable static func archiveWorkPoint(_ req: Request) async throws -> Response {
        let actor = try req.actor(.editMatrix)
        var r = FormReader(try FormFields.require(req))
        guard let version = r.version() else { throw AppError.badRequest("缺少版本号", field: "version") }
        try await req.store.archiveWorkPoint(id: try req.id(), version: version, actor: actor)
        return req.redirect(to: SiteURL.matrix.with([("notice", "archived")]))
    }
}
