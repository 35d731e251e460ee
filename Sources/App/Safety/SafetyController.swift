import Domain
import Foundation
import Persistence
import Vapor
import Views

/// 安全生产: the year's hazards and how they are put right (per responsible unit, as a chart), inspections with the hazards
/// they find, each hazard's rectification loop with its evidence, accidents, the zone's deadlines, and overdue hazards
/// turned into supervision orders.
enum SafetyController {
    static func register(_ app: RoutesBuilder) {
        app.on(.GET, SiteURL.safety.path, .permission(.readMatrix), use: overview)
        app.on(.GET, SiteURL.safetyInspectionNew.path, .permission(.reportOwnTasks), use: inspectionForm)
        app.on(.POST, SiteURL.safetyInspectionNew.path, .permission(.reportOwnTasks), use: recordInspection)
        app.on(.GET, SiteURL.accidents.path, .permission(.readMatrix), use: accidents)
        app.on(.POST, SiteURL.accidents.path, .permission(.editMatrix), use: recordAccident)
        app.on(.GET, SiteURL.safetySettings.path, .permission(.editMatrix), use: settings)
        app.on(.POST, SiteURL.safetySettings.path, .permission(.editMatrix), use: saveSettings)
        app.on(.POST, SiteURL.safetySupervise.path, .permission(.editMatrix), use: supervise)
        app.on(.GET, "/hazards/:id", .permission(.readMatrix), use: show)
        app.on(.POST, "/hazards/:id/act", .permission(.reportOwnTasks), upload: EvidenceIntake.maxRequestBody, use: act)
        app.on(.GET, "/hazard-files/:id", .permission(.readMatrix), use: file)
    }

    // MARK: Overview

    @Sendable static func overview(_ req: Request) async throws -> Response {
        let actor = try req.actor(.readMatrix)
        let year = try req.queryInt("year", in: 2000...2100) ?? req.today.year
        let all = try await req.store.hazards(zoneId: actor.zoneId)
        let end = min(Day.lastOfYear(year), req.today)
        let stats = SafetyStatistics(hazards: all, from: Day(year: year, month: 1, day: 1)!, to: end)
        let open = all.filter { $0.status != .verified }
        let names = try await req.names(actor)
        let firms = try await firmNames(req, actor, Set(all.map(\.enterpriseId)))
        let page = SafetyPage(year: year, today: req.today, statistics: stats, open: open.map { line($0, names: names, firms: firms, req) },
                              unitName: { names.unit($0) }, inspections: try await req.store.inspections(zoneId: actor.zoneId, limit: 20).map {
                                  SafetyPage.InspectionLine(day: $0.day, firm: firms[$0.enterpriseId] ?? "#\($0.enterpriseId)", kind: $0.kind.chineseName,
                                                            inspectors: $0.inspectors.joined(separator: "、"), findings: $0.findings)
                              },
                              canRecord: actor.can(.reportOwnTasks), canManage: actor.can(.editMatrix))
        return req.html(page.render(req.pageContext(current: .safety)))
    }

    static func firmNames(_ req: Request, _ actor: Actor, _ ids: Set<Int>) async throws -> [Int: String] {
        var out: [Int: String] = [:]
        for id in ids { out[id] = (try? await req.store.enterprise(id: id, zoneId: actor.zoneId).enterprise.name) ?? "#\(id)" }
        return out
    }

    static func line(_ h: Hazard, names: Names, firms: [Int: String], _ req: Request) -> SafetyPage.HazardLine {
        let clock = HazardClock(hazard: h, today: req.today, calendar: req.calendar)
        return SafetyPage.HazardLine(hazard: h, firm: firms[h.enterpriseId] ?? "#\(h.enterpriseId)", unit: h.unitId.map { names.unit($0) } ?? "—",
                                     overdueWorkdays: clock.isOverdue ? clock.overdueWorkdays : nil)
    }

    // MARK: Inspections

    static func inspectionPage(_ req: Request, _ actor: Actor, values: [String: String], error: String?, status: HTTPResponseStatus) async throws -> Response {
        let units = try await req.store.units(zoneId: actor.zoneId).map { ($0.id, $0.name) }
        var v = values
        if v["unitId"] == nil, let u = actor.unitId { v["unitId"] = String(u) }
        if v["day"] == nil { v["day"] = req.today.iso }
        let page = InspectionFormPage(units: units, values: v, error: error, rows: InspectionFormPage.hazardRows)
        return req.html(page.render(req.pageContext(current: .safety)), status: status)
    }

    @Sendable static func inspectionForm(_ req: Request) async throws -> Response {
        try await inspectionPage(req, try req.actor(.reportOwnTasks), values: [:], error: nil, status: .ok)
    }

    @Sendable static func recordInspection(_ req: Request) async throws -> Response {
        let actor = try req.actor(.reportOwnTasks)
        let form = try FormFields.require(req)
        var values: [String: String] = [:]
        for n in form.names { values[n] = form.text(n) }
        func again(_ message: String) async throws -> Response { try await inspectionPage(req, actor, values: values, error: message, status: .unprocessableEntity) }
        let code = form.text("creditCode")
        guard !code.isEmpty else { return try await again("请填写被检查企业的统一社会信用代码") }
        guard let firm = try await req.store.enterpriseId(creditCode: code, zoneId: actor.zoneId) else {
            return try await again("企业库中没有统一社会信用代码为“\(code)”的企业，请先登记企业")
        }
        guard let day = Day(iso: form.text("day")) else { return try await again("请填写检查日期") }
        // A unit's staff record for their own unit; the office names the unit.
        guard let unit = actor.can(.editMatrix) ? Int(form.text("unitId")) : actor.unitId else {
            return try await again("请选择负责督促整改的责任单位")
        }
        let inspection = SafetyInspection(id: 0, enterpriseId: firm, unitId: unit, day: day,
                                          inspectors: form.text("inspectors").split(whereSeparator: { "、,，; ；".contains($0) }).map(String.init),
                                          kind: InspectionKind(rawValue: form.text("kind")) ?? .routine, findings: form.text("findings"))
        var drafts: [HazardDraft] = []
        for k in 0..<InspectionFormPage.hazardRows {
            let text = form.text("h\(k).description")
            guard !text.isEmpty else { continue }
            let deadlineText = form.text("h\(k).deadline")
            let deadline = Day(iso: deadlineText)
            if !deadlineText.isEmpty && deadline == nil { return try await again("第\(k + 1)项隐患的整改期限格式应为YYYY-MM-DD") }
            drafts.append(HazardDraft(enterpriseId: firm, unitId: unit, description: text, level: HazardLevel(rawValue: form.text("h\(k).level")), foundOn: day,
                                      deadline: deadline, responsiblePerson: form.text("h\(k).responsible")))
        }
        do {
            _ = try await req.store.recordInspection(inspection, hazards: drafts, today: req.today, calendar: req.calendar, actor: actor)
        } catch let StoreError.invalid(e) {
            return try await again(e.message)
        } catch StoreError.notFound(let entity, _) where entity == "unit" {
            return try await again("所选单位不存在")
        }
        return req.redirect(to: SiteURL.safety.with([("notice", "saved")]))
    }

    // MARK: One hazard

    static func page(_ req: Request, id: Int, error: String?, status: HTTPResponseStatus) async throws -> Response {
        let actor = try req.actor(.readMatrix)
        let h = try await req.store.hazard(id: id, zoneId: actor.zoneId)
        let names = try await req.names(actor)
        let firm = try await req.store.enterprise(id: h.enterpriseId, zoneId: actor.zoneId).enterprise.name
        var actions: [(HazardAction, HazardParty)] = []
        if actor.can(.editMatrix) { actions += HazardLifecycle.allowedActions(for: h, party: .office).map { ($0, .office) } }
        if actor.has(.reporter), let u = actor.unitId, u == h.unitId {
            actions += HazardLifecycle.allowedActions(for: h, party: .unit).filter { a in !actions.contains { $0.0 == a } }.map { ($0, .unit) }
        }
        let orders = try await req.store.orders(zoneId: actor.zoneId, OrderFilter(hazardId: id)).map { ($0.id, $0.status.chineseName) }
        var page = HazardPage(hazard: h, firm: firm, firmId: h.enterpriseId, unit: h.unitId.map { names.unit($0) } ?? "—",
                              clock: HazardClock(hazard: h, today: req.today, calendar: req.calendar),
                              steps: try await req.store.hazardEvents(hazardId: id, zoneId: actor.zoneId).map { .init(at: $0.at, action: $0.action, actor: $0.actorName, to: $0.toStatus, text: $0.text) },
                              files: try await req.store.hazardFiles(hazardId: id, zoneId: actor.zoneId), actions: actions, orders: orders)
        page.error = error
        return req.html(page.render(req.pageContext(current: .safety)), status: status)
    }

    @Sendable static func show(_ req: Request) async throws -> Response { try await page(req, id: try req.id(), error: nil, status: .ok) }

    @Sendable static func act(_ req: Request) async throws -> Response {
        let actor = try req.actor(.reportOwnTasks)
        let id = try req.id()
        let form = try FormFields.require(req)
        guard let version = Int(form.text("version")) else { throw AppError.badRequest("缺少版本号", field: "version") }
        guard let action = HazardAction(rawValue: form.text("action")), let party = HazardParty(rawValue: form.text("party")) else {
            throw AppError.badRequest("未知的整改环节", field: "action")
        }
        if party == .office, !actor.can(.editMatrix) { return try await page(req, id: id, error: "只有督查室可以以督查室身份验收或退回", status: .forbidden) }
        do {
            let files = try EvidenceIntake.accept(form.files["evidence"] ?? [], req)
            _ = try await req.store.actOnHazard(id: id, version: version, action: action, party: party, text: form.text("text"), files: files, today: req.today, actor: actor)
        } catch let StoreError.invalid(e) {
            return try await page(req, id: id, error: e.message, status: e.field == "unit" ? .forbidden : .unprocessableEntity)
        } catch StoreError.conflict {
            return try await page(req, id: id, error: "隐患已被他人办理，未做改动，请看最新状态。", status: .conflict)
        } catch let e as AppError where e.field != nil {
            return try await page(req, id: id, error: e.message, status: .unprocessableEntity)
        }
        return req.redirect(to: SiteURL.hazard(id).with([("notice", "saved")]))
    }

    @Sendable static func file(_ req: Request) async throws -> Response {
        let actor = try req.actor(.readMatrix)
        let (_, f) = try await req.store.hazardFile(id: try req.id(), zoneId: actor.zoneId)
        return try EvidenceIntake.serve(req, sha256: f.sha256, filename: f.filename, kind: f.kind)
    }

    // MARK: Accidents, settings, supervision

    static func accidentsPage(_ req: Request, values: [String: String], error: String?, status: HTTPResponseStatus) async throws -> Response {
        let actor = try req.actor(.readMatrix)
        let list = try await req.store.accidents(zoneId: actor.zoneId)
        let names = try await req.names(actor)
        let firms = try await firmNames(req, actor, Set(list.map(\.enterpriseId)))
        let page = AccidentsPage(accidents: list.map { ($0, firms[$0.enterpriseId] ?? "#\($0.enterpriseId)", $0.unitId.map { names.unit($0) } ?? "—") },
                                 units: try await req.store.units(zoneId: actor.zoneId).map { ($0.id, $0.name) }, canRecord: actor.can(.editMatrix),
                                 values: values, error: error)
        return req.html(page.render(req.pageContext(current: .safety)), status: status)
    }

    @Sendable static func accidents(_ req: Request) async throws -> Response { try await accidentsPage(req, values: [:], error: nil, status: .ok) }

    @Sendable static func recordAccident(_ req: Request) async throws -> Response {
        let actor = try req.actor(.editMatrix)
        let form = try FormFields.require(req)
        var values: [String: String] = [:]
        for n in form.names { values[n] = form.text(n) }
        func again(_ m: String) async throws -> Response { try await accidentsPage(req, values: values, error: m, status: .unprocessableEntity) }
        guard let firm = try await req.store.enterpriseId(creditCode: form.text("creditCode"), zoneId: actor.zoneId) else {
            return try await again("企业库中没有这个统一社会信用代码的企业")
        }
        guard let day = Day(iso: form.text("day")) else { return try await again("请填写事故日期") }
        guard let deaths = Int(form.text("deaths").isEmpty ? "0" : form.text("deaths")), let injuries = Int(form.text("seriousInjuries").isEmpty ? "0" : form.text("seriousInjuries")) else {
            return try await again("死亡、重伤人数须为整数")
        }
        guard let loss = SheetText.number(form.text("directLoss").isEmpty ? "0" : form.text("directLoss")) else { return try await again("直接经济损失须为数字（万元）") }
        let a = Accident(id: 0, enterpriseId: firm, unitId: Int(form.text("unitId")), day: day, deaths: deaths, seriousInjuries: injuries, directLossWan: loss,
                         description: form.text("description"), isLiability: form.text("isLiability") != "no")
        do {
            _ = try await req.store.recordAccident(a, today: req.today, actor: actor)
        } catch let StoreError.invalid(e) {
            return try await again(e.message)
        } catch StoreError.notFound {
            return try await again("所选单位不存在")
        }
        return req.redirect(to: SiteURL.accidents.with([("notice", "saved")]))
    }

    @Sendable static func settings(_ req: Request) async throws -> Response {
        let actor = try req.actor(.editMatrix)
        let (r, v) = try await req.store.rectificationRules(zoneId: actor.zoneId)
        return req.html(SafetySettingsPage(rules: r, version: v).render(req.pageContext(current: .safety)))
    }

    @Sendable static func saveSettings(_ req: Request) async throws -> Response {
        let actor = try req.actor(.editMatrix)
        let form = try FormFields.require(req)
        guard let version = Int(form.text("version")) else { throw AppError.badRequest("缺少版本号", field: "version") }
        guard let g = Int(form.text("general")), let m = Int(form.text("major")) else {
            let (r, v) = try await req.store.rectificationRules(zoneId: actor.zoneId)
            return req.html(SafetySettingsPage(rules: r, version: v, error: "整改时限须为整数（工作日）").render(req.pageContext(current: .safety)), status: .unprocessableEntity)
        }
        do {
            try await req.store.setRectificationRules(RectificationRules(general: g, major: m), version: version, actor: actor)
        } catch let StoreError.invalid(e) {
            return req.html(SafetySettingsPage(rules: RectificationRules(general: g, major: m), version: version, error: e.message).render(req.pageContext(current: .safety)),
                            status: .unprocessableEntity)
        } catch StoreError.conflict {
            let (r, v) = try await req.store.rectificationRules(zoneId: actor.zoneId)
            return req.html(SafetySettingsPage(rules: r, version: v, error: "时限已被他人修改，未保存；以下是最新设置。").render(req.pageContext(current: .safety)), status: .conflict)
        }
        return req.redirect(to: SiteURL.safetySettings.with([("notice", "saved")]))
    }

    @Sendable static func supervise(_ req: Request) async throws -> Response {
        let actor = try req.actor(.editMatrix)
        let n = try await SafetyOrders.raise(req.application, zoneId: actor.zoneId, actor: actor, issuingUnit: try await SupervisionController.issuingUnit(req, actor),
                                             today: req.today)
        return req.redirect(to: SiteURL.supervision.with([("notice", n > 0 ? "proposed" : "none-due")]))
    }
}
