import Domain
import Foundation
import Persistence
import Vapor
import Views

/// 企业诉求 for signed-in users: the list with its figures, filing one, one appeal with its loop, the zone's deadlines,
/// and turning overdue appeals into supervision orders.
enum AppealController {
    static func register(_ app: RoutesBuilder) {
        app.on(.GET, SiteURL.appeals.path, .permission(.readAppeals), use: list)
        app.on(.GET, SiteURL.appealNew.path, .permission(.fileAppeal), use: newForm)
        app.on(.POST, SiteURL.appealNew.path, .permission(.fileAppeal), upload: EvidenceIntake.maxRequestBody, use: create)
        app.on(.GET, SiteURL.appealSettings.path, .permission(.editMatrix), use: settings)
        app.on(.POST, SiteURL.appealSettings.path, .permission(.editMatrix), use: saveSettings)
        app.on(.POST, SiteURL.appealsSupervise.path, .permission(.editMatrix), use: supervise)
        app.on(.GET, "/appeals/:id", .permission(.readAppeals), use: show)
        app.on(.POST, "/appeals/:id/act", .permission(.readAppeals), use: act)
        app.on(.GET, "/appeal-files/:id", .permission(.readAppeals), use: file)
    }

    // MARK: List

    @Sendable static func list(_ req: Request) async throws -> Response {
        let actor = try req.actor(.readAppeals)
        let q = req.query
        let filters = AppealListPage.Filters(status: q[String.self, at: "status"] ?? "", category: q[String.self, at: "category"] ?? "",
                                             unit: q[String.self, at: "unit"] ?? "", q: q[String.self, at: "q"] ?? "", overdue: q[String.self, at: "overdue"] == "1")
        let offset = max(0, q[Int.self, at: "offset"] ?? 0), limit = 50
        var f = AppealFilter(status: AppealStatus(rawValue: filters.status), unitId: Int(filters.unit), category: AppealCategory(rawValue: filters.category),
                             overdueOn: filters.overdue ? req.today : nil, q: filters.q, limit: limit, offset: offset)
        f = AppealScope.filter(actor, f)
        let (appeals, total) = try await AppealReads.page(req, actor, f)
        let firm = AppealScope.isFirm(actor)
        let units = try await req.store.units(zoneId: actor.zoneId).map { ($0.id, $0.name) }
        let stats = AppealScope.seesAll(actor) ? try await AppealReads.statistics(req, actor, year: req.today.year) : nil
        let page = AppealListPage(appeals: appeals, total: total, offset: offset, limit: limit, filters: filters, units: units, statistics: stats,
                                  year: req.today.year, today: req.today, canFile: actor.can(.fileAppeal), canManage: actor.can(.editMatrix), firmView: firm)
        return req.html(page.render(req.pageContext(current: .appeals)))
    }

    // MARK: Filing

    static func formMode(_ actor: Actor) -> AppealFormPage.Mode { AppealScope.isFirm(actor) ? .firmAccount : .official }

    static func firmValues(_ req: Request, _ actor: Actor) async throws -> [String: String] {
        guard AppealScope.isFirm(actor), let e = actor.enterpriseId else { return [:] }
        let firm = try await req.store.enterprise(id: e, zoneId: actor.zoneId).enterprise
        return ["firmName": firm.name, "creditCode": firm.creditCode]
    }

    @Sendable static func newForm(_ req: Request) async throws -> Response {
        let actor = try req.actor(.fileAppeal)
        if AppealScope.isFirm(actor), actor.enterpriseId == nil {
            throw AppError(.forbidden, "forbidden", "本企业账号尚未关联企业，请联系管委会关联后再提出诉求")
        }
        let page = AppealFormPage(mode: formMode(actor), values: try await firmValues(req, actor))
        return req.html(page.render(req.pageContext(current: .appeals)))
    }

    /// The draft a form describes; a firm's own account always files for its own firm, whatever the form says.
    static func draft(_ form: FormFields, channel: AppealChannel, fixed: [String: String]) -> AppealDraft {
        AppealDraft(firmName: fixed["firmName"] ?? form.text("firmName"), creditCode: fixed["creditCode"] ?? form.text("creditCode"),
                    contactName: form.text("contactName"), contactPhone: form.text("contactPhone"),
                    category: AppealCategory(rawValue: form.text("category")), channel: channel, title: form.text("title"), description: form.text("description"))
    }

    static func values(_ form: FormFields) -> [String: String] {
        Dictionary(uniqueKeysWithValues: ["firmName", "creditCode", "contactName", "contactPhone", "category", "title", "description", "channel"].map { ($0, form.text($0)) })
    }

    @Sendable static func create(_ req: Request) async throws -> Response {
        let actor = try req.actor(.fileAppeal)
        let form = try FormFields.require(req)
        let firm = AppealScope.isFirm(actor)
        if firm, actor.enterpriseId == nil { throw AppError(.forbidden, "forbidden", "本企业账号尚未关联企业，请联系管委会关联后再提出诉求") }
        let fixed = try await firmValues(req, actor)
        let channel: AppealChannel = firm ? .account : (AppealChannel(rawValue: form.text("channel")).flatMap { AppealChannel.loggedByOfficials.contains($0) ? $0 : nil } ?? .visit)
        func again(_ e: ValidationError) -> Response {
            var v = values(form); v.merge(fixed) { _, b in b }
            let page = AppealFormPage(mode: formMode(actor), values: v, errors: FormErrors([e.field: e.message]))
            return req.html(page.render(req.pageContext(current: .appeals)), status: .unprocessableEntity)
        }
        do {
            let files = try EvidenceIntake.accept(form.files["evidence"] ?? [], req)
            let a = try await req.store.fileAppeal(draft(form, channel: channel, fixed: fixed), enterpriseId: firm ? actor.enterpriseId : nil, files: files,
                                                   trackingCode: AppealCodes.new(), by: AppealFiler(actor: actor), today: req.today, calendar: req.calendar)
            return req.redirect(to: SiteURL.appeal(a.id).with([("notice", "created")]))
        } catch let StoreError.invalid(e) {
            return again(e)
        } catch let e as AppError where e.field != nil {
            return again(ValidationError(field: e.field!, e.message))
        }
    }

    // MARK: One appeal

    static func page(_ req: Request, id: Int, error: String?, status: HTTPResponseStatus) async throws -> Response {
        let actor = try req.actor(.readAppeals)
        let a = try await req.store.appeal(id: id, zoneId: actor.zoneId)
        try AppealScope.check(actor, a)
        var page = try await AppealPages.page(req, a, zoneId: actor.zoneId, parties: AppealScope.parties(actor, a), actionURL: SiteURL.appealAct(id).path)
        page.linkRegistry = actor.can(.readMatrix)
        page.error = error
        return req.html(page.render(req.pageContext(current: .appeals)), status: status)
    }

    @Sendable static func show(_ req: Request) async throws -> Response { try await page(req, id: try req.id(), error: nil, status: .ok) }

    @Sendable static func act(_ req: Request) async throws -> Response {
        let actor = try req.actor(.readAppeals)
        let id = try req.id()
        let a = try await req.store.appeal(id: id, zoneId: actor.zoneId)
        try AppealScope.check(actor, a)
        let form = try FormFields.require(req)
        guard let version = Int(form.text("version")) else { throw AppError.badRequest("缺少版本号", field: "version") }
        guard let action = AppealAction(rawValue: form.text("action")) else { throw AppError.badRequest("未知的办理环节", field: "action") }
        let parties = AppealScope.parties(actor, a)
        guard parties.contains(action.party) else {
            return try await page(req, id: id, error: action.party.refusal, status: .forbidden)
        }
        do {
            _ = try await req.store.actOnAppeal(id: id, zoneId: actor.zoneId, version: version, action: action, party: action.party, step: step(form),
                                                actor: actor, actorName: actor.displayName, today: req.today, calendar: req.calendar)
        } catch let StoreError.invalid(e) {
            return try await page(req, id: id, error: e.message, status: .unprocessableEntity)
        } catch StoreError.conflict {
            return try await page(req, id: id, error: "诉求已被他人办理，未做改动，请看最新状态。", status: .conflict)
        } catch StoreError.notFound(let entity, _) where entity == "unit" {
            return try await page(req, id: id, error: "所选单位不存在", status: .unprocessableEntity)
        }
        return req.redirect(to: SiteURL.appeal(id).with([("notice", "saved")]))
    }

    static func step(_ form: FormFields) -> AppealLifecycle.Step {
        AppealLifecycle.Step(text: form.text("text"), leadUnitId: Int(form.text("leadUnitId")), coUnitIds: form.all("coUnitIds").compactMap { Int($0) },
                             satisfaction: Satisfaction(rawValue: form.text("satisfaction")))
    }

    @Sendable static func file(_ req: Request) async throws -> Response {
        let actor = try req.actor(.readAppeals)
        let f = try await req.store.appealFile(id: try req.id(), zoneId: actor.zoneId)
        try AppealScope.check(actor, try await req.store.appeal(id: f.appealId, zoneId: actor.zoneId))
        return try EvidenceIntake.serve(req, sha256: f.sha256, filename: f.filename, kind: f.kind)
    }

    // MARK: Settings and supervision

    @Sendable static func settings(_ req: Request) async throws -> Response {
        let actor = try req.actor(.editMatrix)
        let (d, v) = try await req.store.appealDeadlines(zoneId: actor.zoneId)
        return req.html(AppealSettingsPage(deadlines: d, version: v).render(req.pageContext(current: .appeals)))
    }

    @Sendable static func saveSettings(_ req: Request) async throws -> Response {
        let actor = try req.actor(.editMatrix)
        let form = try FormFields.require(req)
        guard let version = Int(form.text("version")) else { throw AppError.badRequest("缺少版本号", field: "version") }
        var d = AppealDeadlines()
        for c in AppealCategory.allCases {
            let parts = ["assign", "answer", "resolve"].map { Int(form.text("\(c.rawValue).\($0)")) }
            guard let a = parts[0], let b = parts[1], let r = parts[2] else {
                let (cur, v) = try await req.store.appealDeadlines(zoneId: actor.zoneId)
                return req.html(AppealSettingsPage(deadlines: cur, version: v, error: "“\(c.chineseName)”的时限须为整数（工作日）").render(req.pageContext(current: .appeals)),
                                status: .unprocessableEntity)
            }
            d.byCategory[c] = AppealDeadline(assign: a, answer: b, resolve: r)
        }
        do {
            try await req.store.setAppealDeadlines(d, version: version, actor: actor)
        } catch let StoreError.invalid(e) {
            return req.html(AppealSettingsPage(deadlines: d, version: version, error: e.message).render(req.pageContext(current: .appeals)), status: .unprocessableEntity)
        } catch StoreError.conflict {
            let (cur, v) = try await req.store.appealDeadlines(zoneId: actor.zoneId)
            return req.html(AppealSettingsPage(deadlines: cur, version: v, error: "时限已被他人修改，未保存；以下是最新设置。").render(req.pageContext(current: .appeals)),
                            status: .conflict)
        }
        return req.redirect(to: SiteURL.appealSettings.with([("notice", "saved")]))
    }

    @Sendable static func supervise(_ req: Request) async throws -> Response {
        let actor = try req.actor(.editMatrix)
        let n = try await AppealOrders.raise(req.application, zoneId: actor.zoneId, actor: actor, issuingUnit: try await SupervisionController.issuingUnit(req, actor),
                                             today: req.today)
        return req.redirect(to: SiteURL.supervision.with([("notice", n > 0 ? "proposed" : "none-due")]))
    }
}

/// Builds the appeal page's model from the store.
enum AppealPages {
    static func page(_ req: Request, _ a: Appeal, zoneId: Int, parties: [AppealParty], actionURL: String, hidden: [(String, String)] = []) async throws -> AppealPage {
        let events = try await req.store.appealEvents(appealId: a.id, zoneId: zoneId)
        let files = try await req.store.appealFiles(appealId: a.id, zoneId: zoneId)
        let units = try await req.store.units(zoneId: zoneId).map { ($0.id, $0.name) }
        let orders = try await req.store.orders(zoneId: zoneId, OrderFilter(appealId: a.id)).map { ($0.id, $0.status.chineseName) }
        let actions = parties.flatMap { AppealLifecycle.allowedActions(for: a.status, party: $0) }
        return AppealPage(appeal: a, steps: events.map { .init(at: $0.at, action: $0.action, actor: $0.actorName, to: $0.toStatus, text: $0.text) },
                          files: files.map { .init(id: $0.id, name: $0.filename) }, units: units, actions: actions, orders: orders, today: req.today,
                          actionURL: actionURL, hidden: hidden)
    }
}

/// 查询码: 10 characters a firm can read out on the phone (no 0/O, 1/I).
enum AppealCodes {
    static let alphabet = Array("23456789ABCDEFGHJKLMNPQRSTUVWXYZ")
    static func new() -> String {
        var g = SystemRandomNumberGenerator()
        return String((0..<10).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &g)] })
    }
}
