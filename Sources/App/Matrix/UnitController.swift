import Domain
import Persistence
import Vapor
import Views

/// Units (单位) and positioning targets (目标定位): lists and forms.
enum UnitController {
    static func register(_ app: RoutesBuilder) {
        app.on(.GET, SiteURL.units.path, .permission(.editMatrix), use: list)
        app.on(.GET, SiteURL.unitNew.path, .permission(.editMatrix), use: newForm)
        app.on(.POST, SiteURL.unitNew.path, .permission(.editMatrix), use: create)
        app.on(.GET, "/units/:id/edit", .permission(.editMatrix), use: editForm)
        app.on(.POST, "/units/:id/edit", .permission(.editMatrix), use: update)
        app.on(.POST, "/units/:id/archive", .permission(.editMatrix), use: archive)
        app.on(.GET, SiteURL.targets.path, .permission(.readMatrix), use: targets)
        app.on(.GET, SiteURL.targetNew.path, .permission(.editMatrix), use: newTarget)
        app.on(.POST, SiteURL.targetNew.path, .permission(.editMatrix), use: createTarget)
        app.on(.GET, "/targets/:id/edit", .permission(.editMatrix), use: editTarget)
        app.on(.POST, "/targets/:id/edit", .permission(.editMatrix), use: updateTarget)
    }

    @Sendable static func list(_ req: Request) async throws -> Response {
        let actor = try req.actor(.editMatrix)
        let units = try await req.store.units(zoneId: actor.zoneId)
        let page = TablePage(title: "单位管理", actions: [("新建单位", SiteURL.unitNew.path)], headers: ["序号", "单位名称", "简称", "类型", "操作"],
            rows: units.map { u in [.text(String(u.sortOrder)), .link(u.name, url: SiteURL.matrix.with([("unit", String(u.id))])), .text(u.shortName),
                                    .text(u.kind.chineseName), .link("编辑", url: SiteURL.unitEdit(u.id).path)] })
        return req.html(page.render(req.pageContext(current: .units)))
    }

    static func unitPage(_ req: Request, id: Int?, unit: OrgUnit?, form: FormFields?, errors: FormErrors, conflict: Bool, status: HTTPResponseStatus) -> Response {
        func v(_ name: String, _ fallback: String) -> String { form?.first(name) ?? fallback }
        var page = FormPage(title: id == nil ? "新建单位" : "编辑单位", action: id.map { SiteURL.unitEdit($0).path } ?? SiteURL.unitNew.path, fields: [
            .init("name", "单位名称", value: v("name", unit?.name ?? ""), required: true),
            .init("shortName", "简称", value: v("shortName", unit?.shortName ?? "")),
            .init("kind", "类型", .select(options: OrgUnit.Kind.allCases.map { .init($0.rawValue, $0.chineseName) }, blank: nil), value: v("kind", unit?.kind.rawValue ?? "department")),
            .init("sortOrder", "排序号", .number, value: v("sortOrder", String(unit?.sortOrder ?? 0))),
        ], errors: errors, version: unit?.version, cancel: SiteURL.units.path, conflict: conflict)
        if let id { page.archive = (SiteURL.unitArchive(id).path, "归档此单位") }
        return req.html(page.render(req.pageContext(current: .units)), status: status)
    }

    static func unitDraft(_ form: FormFields) throws -> UnitDraft {
        var r = FormReader(form)
        var d = UnitDraft()
        d.name = form.text("name"); d.shortName = form.text("shortName")
        d.kind = r.enumValue("kind", OrgUnit.Kind.self, label: "类型"); d.sortOrder = r.int("sortOrder", label: "排序号")
        try r.check()
        return d
    }

    @Sendable static func newForm(_ req: Request) async throws -> Response {
        _ = try req.actor(.editMatrix)
        return unitPage(req, id: nil, unit: nil, form: nil, errors: FormErrors(), conflict: false, status: .ok)
    }

    @Sendable static func create(_ req: Request) async throws -> Response {
        let actor = try req.actor(.editMatrix)
        let form = try FormFields.require(req)
        return try await FormFlow.submit(req, render: { e, c, s in unitPage(req, id: nil, unit: nil, form: form, errors: e, conflict: c, status: s) }) {
            _ = try await req.store.createUnit(try unitDraft(form), actor: actor)
            return SiteURL.units.with([("notice", "created")])
        }
    }

    @Sendable static func editForm(_ req: Request) async throws -> Response {
        let actor = try req.actor(.editMatrix)
        let unit = try await req.store.unit(id: try req.id(), zoneId: actor.zoneId)
        return unitPage(req, id: unit.id, unit: unit, form: nil, errors: FormErrors(), conflict: false, status: .ok)
    }

    @Sendable static func update(_ req: Request) async throws -> Response {
        let actor = try req.actor(.editMatrix)
        let id = try req.id()
        let form = try FormFields.require(req)
        return try await FormFlow.submit(req, render: { e, c, s in
            let latest = try await req.store.unit(id: id, zoneId: actor.zoneId)
            return unitPage(req, id: id, unit: latest, form: c ? nil : form, errors: e, conflict: c, status: s)
        }) {
            var r = FormReader(form)
            guard let version = r.version() else { throw FormInvalid(errors: r.formErrors) }
            _ = try await req.store.updateUnit(id: id, version: version, try unitDraft(form), actor: actor)
            return SiteURL.units.with([("notice", "saved")])
        }
    }

    @Sendable static func archive(_ req: Request) async throws -> Response {
        let actor = try req.actor(.editMatrix)
        var r = FormReader(try FormFields.require(req))
        guard let version = r.version() else { throw AppError.badRequest("缺少版本号", field: "version") }
        try await req.store.archiveUnit(id: try req.id(), version: version, actor: actor)
        return req.redirect(to: SiteURL.units.with([("notice", "archived")]))
    }

    // MARK: Positioning targets

    @Sendable static func targets(_ req: Request) async throws -> Response {
        let actor = try req.actor(.readMatrix)
        let year = try await req.yearInView(actor)
        let targets = try await req.store.targets(zoneId: actor.zoneId, year: year)
        let canEdit = actor.can(.editMatrix)
        let page = TablePage(title: "\(year)年度目标定位", intro: "“全市争前列、全省争进位、全国争品牌、单项争第一、争创国家级”：每项目标今后可关联一个指标，按排名跟踪。",
                             actions: canEdit ? [("新建目标定位", SiteURL.targetNew.path)] : [],
                             headers: canEdit ? ["类别", "目标表述", "操作"] : ["类别", "目标表述"],
                             rows: targets.map { t in [.text(t.kind.chineseName), .text(t.statement)] + (canEdit ? [.link("编辑", url: SiteURL.targetEdit(t.id).path)] : []) })
        return req.html(page.render(req.pageContext(current: .targets)))
    }

    static func targetPage(_ req: Request, id: Int?, target: PositioningTarget?, form: FormFields?, errors: FormErrors, conflict: Bool, status: HTTPResponseStatus) -> Response {
        func v(_ name: String, _ fallback: String) -> String { form?.first(name) ?? fallback }
        let page = FormPage(title: id == nil ? "新建目标定位" : "编辑目标定位", action: id.map { SiteURL.targetEdit($0).path } ?? SiteURL.targetNew.path, fields: [
            .init("kind", "类别", .select(options: PositioningTarget.Kind.allCases.map { .init($0.rawValue, $0.chineseName) }, blank: "请选择"), value: v("kind", target?.kind.rawValue ?? ""), required: true),
            .init("year", "年度", .number, value: v("year", String(target?.year ?? req.today.year)), required: true),
            .init("statement", "目标表述", .textarea, value: v("statement", target?.statement ?? "")),
        ], errors: errors, version: target?.version, cancel: SiteURL.targets.path, conflict: conflict)
        return req.html(page.render(req.pageContext(current: .targets)), status: status)
    }

    static func targetDraft(_ form: FormFields) throws -> TargetDraft {
        var r = FormReader(form)
        var d = TargetDraft()
        d.kind = r.enumValue("kind", PositioningTarget.Kind.self, label: "类别"); d.year = r.int("year", label: "年度")
        d.statement = form.text("statement")
        try r.check()
        return d
    }

    @Sendable static func newTarget(_ req: Request) async throws -> Response {
        _ = try req.actor(.editMatrix)
        return targetPage(req, id: nil, target: nil, form: nil, errors: FormErrors(), conflict: false, status: .ok)
    }

    @Sendable static func createTarget(_ req: Request) async throws -> Response {
        let actor = try req.actor(.editMatrix)
        let form = try FormFields.require(req)
        return try await FormFlow.submit(req, render: { e, c, s in targetPage(req, id: nil, target: nil, form: form, errors: e, conflict: c, status: s) }) {
            _ = try await req.store.createTarget(try targetDraft(form), actor: actor)
            return SiteURL.targets.with([("notice", "created")])
        }
    }

    @Sendable static func editTarget(_ req: Request) async throws -> Response {
        let actor = try req.actor(.editMatrix)
        let t = try await req.store.target(id: try req.id(), zoneId: actor.zoneId)
        return targetPage(req, id: t.id, target: t, form: nil, errors: FormErrors(), conflict: false, status: .ok)
    }

    @Sendable static func updateTarget(_ req: Request) async throws -> Response {
        let actor = try req.actor(.editMatrix)
        let id = try req.id()
        let form = try FormFields.require(req)
        return try await FormFlow.submit(req, render: { e, c, s in
            let latest = try await req.store.target(id: id, zoneId: actor.zoneId)
            return targetPage(req, id: id, target: latest, form: c ? nil : form, errors: e, conflict: c, status: s)
        }) {
            var r = FormReader(form)
            guard let version = r.version() else { throw FormInvalid(errors: r.formErrors) }
            _ = try await req.store.updateTarget(id: id, version: version, try targetDraft(form), actor: actor)
            return SiteURL.targets.with([("notice", "saved")])
        }
    }
}
