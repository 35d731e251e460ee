import Domain
import Persistence
import Spreadsheet
import Vapor
import Views

/// 一企一档: the registry list (search, filters, Excel export), an enterprise's page, its form, yearly figures and tiers.
enum EnterpriseController {
    static func register(_ app: RoutesBuilder) {
        app.on(.GET, SiteURL.enterprises.path, .permission(.readMatrix), use: list)
        app.on(.GET, SiteURL.enterprisesXLSX.path, .permission(.readMatrix), use: export)
        app.on(.GET, SiteURL.enterpriseNew.path, .permission(.editMatrix), use: newForm)
        app.on(.POST, SiteURL.enterpriseNew.path, .permission(.editMatrix), use: create)
        app.on(.GET, SiteURL.enterprisePipeline.path, .permission(.readMatrix), use: PipelineController.show)
        app.on(.GET, SiteURL.enterpriseBackbone.path, .permission(.readMatrix), use: BackboneController.show)
        app.on(.GET, "/enterprises/:id", .permission(.readMatrix), use: show)
        app.on(.GET, "/enterprises/:id/edit", .permission(.editMatrix), use: editForm)
        app.on(.POST, "/enterprises/:id/edit", .permission(.editMatrix), use: update)
        app.on(.POST, "/enterprises/:id/years", .permission(.editMatrix), use: setYear)
        app.on(.POST, "/enterprises/:id/tiers", .permission(.editMatrix), use: addTier)
        app.on(.POST, "/enterprises/:id/archive", .permission(.editMatrix), use: archive)
    }

    /// The list's filter from the query string; bad values are refused (400) with the field.
    static func filter(_ req: Request) throws -> (EnterpriseFilter, [(String, String?)]) {
        let year = try req.queryInt("year", in: 2000...2100) ?? (req.today.year - 1)
        var f = EnterpriseFilter(year: year)
        let q = req.query[String.self, at: "q"]
        f.query = q
        f.chain = req.query[String.self, at: "chain"].flatMap { $0.isEmpty ? nil : $0 }
        let tier = req.query[String.self, at: "tier"] ?? ""
        if !tier.isEmpty { guard let t = EnterpriseTier.Kind(rawValue: tier) else { throw AppError.badRequest("梯度无效：\(tier)", field: "tier") }; f.tier = t }
        switch req.query[String.self, at: "scale"] ?? "" {
        case "above": f.aboveScale = true
        case "below": f.aboveScale = false
        case "": break
        case let s: throw AppError.badRequest("规模应为above或below：\(s)", field: "scale")
        }
        let unit = req.query[String.self, at: "unit"] ?? ""
        if !unit.isEmpty { guard let u = Int(unit) else { throw AppError.badRequest("包联单位编号无效", field: "unit") }; f.servingUnitId = u }
        let query: [(String, String?)] = [("q", q.flatMap { $0.isEmpty ? nil : $0 }), ("chain", f.chain), ("tier", f.tier?.rawValue),
                                          ("scale", f.aboveScale.map { $0 ? "above" : "below" }), ("unit", f.servingUnitId.map(String.init)), ("year", String(year))]
        return (f, query)
    }

    @Sendable static func list(_ req: Request) async throws -> Response {
        let actor = try req.actor(.readMatrix)
        var (f, query) = try filter(req)
        let (limit, offset) = try req.paging()
        f.limit = limit; f.offset = offset
        let (items, total) = try await req.store.enterprises(zoneId: actor.zoneId, f, asOf: req.today)
        let units = try await req.store.units(zoneId: actor.zoneId)
        let unitName = Dictionary(uniqueKeysWithValues: units.map { ($0.id, $0.name) })
        let rows = items.map { i in
            EnterpriseListPage.Row(id: i.enterprise.id, name: i.enterprise.name, creditCode: i.enterprise.creditCode, chain: i.enterprise.chain,
                                   industry: i.enterprise.industryCode, servingUnit: i.enterprise.servingUnitId.flatMap { unitName[$0] } ?? "",
                                   revenue: i.year?.revenue, rdExpense: i.year?.rdExpense, tax: i.year?.tax, aboveScale: i.year?.aboveScale,
                                   tiers: i.tiers.map(\.chineseName))
        }
        let page = EnterpriseListPage(rows: rows, total: total, year: f.year, query: query, chains: try await req.store.enterpriseChains(zoneId: actor.zoneId),
                                      units: units.map { ($0.id, $0.name) }, offset: offset, limit: limit, canEdit: actor.can(.editMatrix))
        return req.html(page.render(req.pageContext(current: .enterprises)))
    }

    /// The filtered list (every page) as Excel.
    @Sendable static func export(_ req: Request) async throws -> Response {
        let actor = try req.actor(.readMatrix)
        let (f, _) = try filter(req)
        let (items, _) = try await req.store.enterprises(zoneId: actor.zoneId, f, asOf: req.today)
        let unitName = Dictionary(uniqueKeysWithValues: try await req.store.units(zoneId: actor.zoneId).map { ($0.id, $0.name) })
        func n(_ v: Double?) -> Cell { v.map { .number($0) } ?? .empty }
        func i(_ v: Int?) -> Cell { v.map { .integer($0) } ?? .empty }
        let rows: [[Cell]] = items.map { it in
            let e = it.enterprise, y = it.year
            return [.text(e.name), .text(e.creditCode), .text(e.industryCode), .text(e.chain), .text(e.address), e.foundedOn.map { .date($0.iso) } ?? .empty,
                    .text(e.servingUnitId.flatMap { unitName[$0] } ?? ""), .text(e.visitingOfficial), .text(y.map { $0.aboveScale ? "是" : "否" } ?? ""),
                    n(y?.revenue), n(y?.mainRevenue), n(y?.rdExpense), n(y?.highTechRevenue), n(y?.tax), n(y?.totalAssets), i(y?.employees), i(y?.rdStaff),
                    i(y?.inventionPatents), i(y?.utilityPatents), i(y?.designPatents), y == nil ? .empty : .integer(f.year),
                    .text(it.tiers.map(\.chineseName).joined(separator: "、"))]
        }
        let book = Workbook(sheets: [Sheet.table("企业", title: "一企一档（\(f.year)年度数据，金额单位：万元）", headers: EnterpriseImportController.templateHeaders + ["梯度"], rows: rows)])
        return try Response.xlsx(book, filename: "一企一档_\(f.year).xlsx")
    }

    static func record(_ req: Request, _ actor: Actor, id: Int) async throws -> EnterpriseRecord {
        try await req.store.enterprise(id: id, zoneId: actor.zoneId)
    }

    static func page(_ req: Request, id: Int, error: String?, status: HTTPResponseStatus) async throws -> Response {
        let actor = try req.actor(.readMatrix)
        let r = try await record(req, actor, id: id)
        var unit = ""
        if let u = r.enterprise.servingUnitId { unit = try await req.store.unit(id: u, zoneId: actor.zoneId).name }
        let held = Set(r.tiers.filter { $0.tier.isValid(on: req.today) }.map(\.tier.kind))
        var checks: [TierCriteria.Check] = []
        if !held.contains(.hnte) { checks.append(TierCriteria.hnte(foundedOn: r.enterprise.foundedOn, years: r.years, asOf: req.today)) }
        if !held.contains(.techSME) && !held.contains(.hnte) { checks.append(TierCriteria.techSME(years: r.years, asOf: req.today)) }
        if held.isDisjoint(with: [.srdi, .littleGiant]) { checks.append(TierCriteria.srdi(foundedOn: r.enterprise.foundedOn, years: r.years, asOf: req.today)) }
        var p = EnterprisePage(enterprise: r.enterprise, servingUnit: unit, years: r.years, tiers: r.tiers.map(\.tier), checks: checks,
                               canEdit: actor.can(.editMatrix), today: req.today)
        p.error = error
        p.centers = try await req.store.rdCenters(enterpriseId: id, zoneId: actor.zoneId)
        let carriers = try await req.store.carriers(zoneId: actor.zoneId)
        let carrierBy = Dictionary(uniqueKeysWithValues: carriers.map { ($0.id, $0) })
        p.path = try await req.store.incubationSteps(enterpriseId: id, zoneId: actor.zoneId).map {
            ($0.id, $0.version, carrierBy[$0.step.carrierId]?.name ?? "—", carrierBy[$0.step.carrierId]?.stage.chineseName ?? "—", $0.step)
        }
        p.carriers = carriers.map { ($0.id, "\($0.stage.chineseName)：\($0.name)") }
        return req.html(p.render(req.pageContext(current: .enterprises)), status: status)
    }

    @Sendable static func show(_ req: Request) async throws -> Response { try await page(req, id: try req.id(), error: nil, status: .ok) }

    static func formPage(_ req: Request, _ actor: Actor, id: Int?, values: [String: String], errors: FormErrors, version: Int?, status: HTTPResponseStatus) async throws -> Response {
        let units = try await req.store.units(zoneId: actor.zoneId)
        let page = FormPage(title: id == nil ? "登记企业" : "修改企业信息", action: id.map { SiteURL.enterpriseEdit($0).path } ?? SiteURL.enterpriseNew.path, fields: [
            .init("creditCode", "统一社会信用代码", .text, value: values["creditCode"] ?? ""),
            .init("name", "企业名称", .text, value: values["name"] ?? ""),
            .init("industryCode", "行业代码（国民经济行业分类，如C3911）", .text, value: values["industryCode"] ?? ""),
            .init("chain", "所属产业链", .text, value: values["chain"] ?? ""),
            .init("foundedOn", "成立日期", .date, value: values["foundedOn"] ?? ""),
            .init("servingUnitId", "包联单位", .select(options: units.map { .init(String($0.id), $0.name) }, blank: "—"), value: values["servingUnitId"] ?? ""),
            .init("visitingOfficial", "包联干部", .text, value: values["visitingOfficial"] ?? ""),
            .init("address", "地址", .textarea, value: values["address"] ?? ""),
        ], errors: errors, version: version, cancel: id.map { SiteURL.enterprise($0).path } ?? SiteURL.enterprises.path, conflict: status == .conflict, intro: nil)
        return req.html(page.render(req.pageContext(current: .enterprises)), status: status)
    }

    static let fields = ["creditCode", "name", "industryCode", "chain", "foundedOn", "servingUnitId", "visitingOfficial", "address"]

    static func draft(_ form: FormFields) -> (EnterpriseDraft, [String: String], FormErrors) {
        let values = fields.reduce(into: [String: String]()) { $0[$1] = form.text($1) }
        var d = EnterpriseDraft()
        d.creditCode = values["creditCode"]; d.name = values["name"]; d.industryCode = values["industryCode"]; d.chain = values["chain"]
        d.visitingOfficial = values["visitingOfficial"]; d.address = values["address"]; d.servingUnitId = Int(values["servingUnitId"] ?? "")
        var errors = FormErrors()
        if let f = values["foundedOn"], !f.isEmpty { if let day = Day(iso: f) { d.foundedOn = day } else { errors = FormErrors(["foundedOn": "成立日期格式应为YYYY-MM-DD"]) } }
        return (d, values, errors)
    }

    @Sendable static func newForm(_ req: Request) async throws -> Response {
        try await formPage(req, try req.actor(.editMatrix), id: nil, values: [:], errors: FormErrors(), version: nil, status: .ok)
    }

    @Sendable static func create(_ req: Request) async throws -> Response {
        let actor = try req.actor(.editMatrix)
        let (d, values, errors) = draft(try FormFields.require(req))
        if !errors.isEmpty { return try await formPage(req, actor, id: nil, values: values, errors: errors, version: nil, status: .unprocessableEntity) }
        do {
            let id = try await req.store.createEnterprise(d, today: req.today, actor: actor)
            return req.redirect(to: SiteURL.enterprise(id).path)
        } catch let StoreError.invalid(e) {
            return try await formPage(req, actor, id: nil, values: values, errors: FormErrors([fields.contains(e.field) ? e.field : "_form": e.message]), version: nil, status: .unprocessableEntity)
        } catch let StoreError.duplicate(field, message) {
            return try await formPage(req, actor, id: nil, values: values, errors: FormErrors([field: message]), version: nil, status: .conflict)
        }
    }

    @Sendable static func editForm(_ req: Request) async throws -> Response {
        let actor = try req.actor(.editMatrix)
        let e = try await record(req, actor, id: try req.id()).enterprise
        let values = ["creditCode": e.creditCode, "name": e.name, "industryCode": e.industryCode, "chain": e.chain, "foundedOn": e.foundedOn?.iso ?? "",
                      "servingUnitId": e.servingUnitId.map(String.init) ?? "", "visitingOfficial": e.visitingOfficial, "address": e.address]
        return try await formPage(req, actor, id: e.id, values: values, errors: FormErrors(), version: e.version, status: .ok)
    }

    @Sendable static func update(_ req: Request) async throws -> Response {
        let actor = try req.actor(.editMatrix)
        let id = try req.id()
        let form = try FormFields.require(req)
        guard let version = Int(form.text("version")) else { throw AppError.badRequest("缺少版本号", field: "version") }
        let (d, values, errors) = draft(form)
        if !errors.isEmpty { return try await formPage(req, actor, id: id, values: values, errors: errors, version: version, status: .unprocessableEntity) }
        do {
            try await req.store.updateEnterprise(id: id, d, version: version, today: req.today, actor: actor)
            return req.redirect(to: SiteURL.enterprise(id).path)
        } catch let StoreError.invalid(e) {
            return try await formPage(req, actor, id: id, values: values, errors: FormErrors([fields.contains(e.field) ? e.field : "_form": e.message]), version: version, status: .unprocessableEntity)
        } catch let StoreError.duplicate(field, message) {
            return try await formPage(req, actor, id: id, values: values, errors: FormErrors([field: message]), version: version, status: .conflict)
        } catch StoreError.conflict(_, _, let current) {
            return try await formPage(req, actor, id: id, values: values, errors: FormErrors(["_form": "企业信息已被他人修改，您的修改未保存。请刷新查看最新内容后再改。"]), version: current, status: .conflict)
        }
    }

    @Sendable static func setYear(_ req: Request) async throws -> Response {
        let actor = try req.actor(.editMatrix)
        let id = try req.id()
        let form = try FormFields.require(req)
        guard let year = Int(form.text("year")), (2000...req.today.year).contains(year) else {
            return try await page(req, id: id, error: "年度须为2000年到今年之间的年份", status: .unprocessableEntity)
        }
        // A field left empty keeps the year's recorded value: entering one figure never erases the others.
        let old = try await record(req, actor, id: id).years.first { $0.year == year } ?? EnterpriseYear(year: year)
        var bad: [String] = []
        func num(_ name: String, _ label: String, _ current: Double?) -> Double? {
            let t = form.text(name)
            if t.isEmpty { return current }
            guard let v = SheetText.number(t) else { bad.append(label); return nil }
            return v
        }
        func int(_ name: String, _ label: String, _ current: Int?) -> Int? {
            let t = form.text(name)
            if t.isEmpty { return current }
            guard let v = SheetText.number(t), v == v.rounded() else { bad.append(label); return nil }
            return Int(v)
        }
        let scale = form.text("aboveScale")
        let y = EnterpriseYear(year: year, revenue: num("revenue", "营业收入", old.revenue), mainRevenue: num("mainRevenue", "主营业务收入", old.mainRevenue),
                               rdExpense: num("rdExpense", "研发费用", old.rdExpense), highTechRevenue: num("highTechRevenue", "高新技术产品收入", old.highTechRevenue),
                               tax: num("tax", "纳税", old.tax), totalAssets: num("totalAssets", "资产总额", old.totalAssets),
                               employees: int("employees", "从业人员", old.employees), rdStaff: int("rdStaff", "科技人员", old.rdStaff),
                               aboveScale: scale.isEmpty ? old.aboveScale : scale == "1",
                               inventionPatents: int("inventionPatents", "发明专利", old.inventionPatents), utilityPatents: int("utilityPatents", "实用新型", old.utilityPatents),
                               designPatents: int("designPatents", "外观设计", old.designPatents))
        if !bad.isEmpty { return try await page(req, id: id, error: "\(bad.joined(separator: "、"))须为数字（人数、专利数为整数）", status: .unprocessableEntity) }
        do {
            try await req.store.setEnterpriseYear(enterpriseId: id, y, actor: actor)
        } catch let StoreError.invalid(e) {
            return try await page(req, id: id, error: e.message, status: .unprocessableEntity)
        }
        return req.redirect(to: SiteURL.enterprise(id).with([("notice", "saved")]))
    }

    @Sendable static func archive(_ req: Request) async throws -> Response {
        let actor = try req.actor(.editMatrix)
        let id = try req.id()
        let form = try FormFields.require(req)
        guard let version = Int(form.text("version")) else { throw AppError.badRequest("缺少版本号", field: "version") }
        do {
            try await req.store.archiveEnterprise(id: id, version: version, actor: actor)
        } catch let StoreError.invalid(e) {
            return try await page(req, id: id, error: e.message, status: .conflict)
        } catch StoreError.conflict {
            return try await page(req, id: id, error: "企业信息已被他人修改或已归档，未做改动", status: .conflict)
        }
        return req.redirect(to: SiteURL.enterprise(id).path)
    }

    @Sendable static func addTier(_ req: Request) async throws -> Response {
        let actor = try req.actor(.editMatrix)
        let id = try req.id()
        let form = try FormFields.require(req)
        guard let kind = EnterpriseTier.Kind(rawValue: form.text("kind")) else { return try await page(req, id: id, error: "请选择梯度", status: .unprocessableEntity) }
        guard let granted = Day(iso: form.text("grantedOn")) else { return try await page(req, id: id, error: "请填写认定日期", status: .unprocessableEntity) }
        let expiresText = form.text("expiresOn")
        let expires = Day(iso: expiresText)
        if !expiresText.isEmpty && expires == nil { return try await page(req, id: id, error: "有效期至格式应为YYYY-MM-DD", status: .unprocessableEntity) }
        do {
            try await req.store.addTier(enterpriseId: id, EnterpriseTier(kind: kind, certificate: form.text("certificate"), grantedOn: granted, expiresOn: expires), actor: actor)
        } catch let StoreError.invalid(e) {
            return try await page(req, id: id, error: e.message, status: .unprocessableEntity)
        }
        return req.redirect(to: SiteURL.enterprise(id).with([("notice", "saved")]))
    }
}
