import Domain
import Foundation
import Persistence
import Vapor
import Views

/// 金融助企纾困: the year's figures month by month with the needs still waiting, recording a firm's financing need (the firm
/// named by its credit code, which must be in the registry), one need with the products that fit it and its steps (对接、
/// 放款、未获贷), the banks' product library, and the relief measures granted to firms.
enum FinanceController {
    static func register(_ app: RoutesBuilder) {
        app.on(.GET, SiteURL.finance.path, .permission(.readMatrix), use: overview)
        app.on(.GET, SiteURL.financeNeedNew.path, .permission(.editMatrix), use: newNeed)
        app.on(.POST, SiteURL.financeNeedNew.path, .permission(.editMatrix), use: createNeed)
        app.on(.GET, "/finance/needs/:id", .permission(.readMatrix), use: show)
        app.on(.POST, "/finance/needs/:id/act", .permission(.editMatrix), use: act)
        app.on(.GET, SiteURL.financeProducts.path, .permission(.readMatrix), use: products)
        app.on(.POST, SiteURL.financeProducts.path, .permission(.editMatrix), use: createProduct)
        app.on(.GET, SiteURL.financeRelief.path, .permission(.readMatrix), use: relief)
        app.on(.POST, SiteURL.financeRelief.path, .permission(.editMatrix), use: createRelief)
    }

    /// The year asked for (?year=), this year otherwise.
    static func year(_ req: Request) -> Int {
        req.query[Int.self, at: "year"].flatMap { (2000...2100).contains($0) ? $0 : nil } ?? req.today.year
    }

    static func firmNames(_ req: Request, zoneId: Int, ids: [Int]) async throws -> [Int: String] {
        let firms = try await req.store.financeFirms(zoneId: zoneId, ids: ids)
        return Dictionary(firms.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
    }

    /// The zone's firms as (credit code, name), for the credit-code suggestions.
    static func directory(_ req: Request, zoneId: Int) async throws -> [(String, String)] {
        try await req.store.financeFirms(zoneId: zoneId).map { ($0.creditCode, $0.name) }
    }

    static func notFound(_ id: Int) -> AppError { AppError(.notFound, "not_found", "融资需求（编号\(id)）不存在") }

    // MARK: Overview

    @Sendable static func overview(_ req: Request) async throws -> Response {
        let actor = try req.actor(.readMatrix)
        let today = req.today, year = Self.year(req)
        let needs = try await req.store.financingNeeds(zoneId: actor.zoneId, year: year)
        let measures = try await req.store.reliefMeasures(zoneId: actor.zoneId, year: year)
        let months = FinanceStatistics.monthly(needs: needs, measures: measures, year: year)
        let total = FinanceStatistics.year(needs: needs, measures: measures, year: year)
        let names = try await firmNames(req, zoneId: actor.zoneId, ids: needs.map(\.enterpriseId))
        func row(_ n: FinancingNeed) -> FinanceOverviewPage.Row { .init(need: n, firm: names[n.enterpriseId] ?? "—") }
        // The most urgent first, then the longest waiting.
        let open = needs.filter { !$0.status.isFinal }.sorted { a, b in
            a.urgency != b.urgency ? a.urgency > b.urgency : (a.filedOn, a.id) < (b.filedOn, b.id)
        }
        let decided = needs.filter { $0.status.isFinal && $0.decidedOn?.year == year }.sorted { a, b in
            (a.decidedOn ?? a.filedOn, a.id) > (b.decidedOn ?? b.filedOn, b.id)
        }
        let page = FinanceOverviewPage(year: year, months: months, total: total, open: open.map(row), decided: decided.prefix(20).map(row), today: today,
                                       canEdit: actor.can(.editMatrix))
        return req.html(page.render(req.pageContext(current: .finance)))
    }

    // MARK: Recording a need

    static let needFields = ["creditCode", "amountWan", "purpose", "urgency", "termMonths", "filedOn"]

    static func needForm(_ req: Request, values: [String: String], errors: FormErrors, status: HTTPResponseStatus) async throws -> Response {
        let actor = try req.actor(.editMatrix)
        var v = values
        if (v["filedOn"] ?? "").isEmpty { v["filedOn"] = req.today.iso }
        let firms = try await directory(req, zoneId: actor.zoneId)
        let page = FinancingNeedFormPage(values: v, errors: errors, firms: firms)
        return req.html(page.render(req.pageContext(current: .finance)), status: status)
    }

    @Sendable static func newNeed(_ req: Request) async throws -> Response {
        _ = try req.actor(.editMatrix)
        return try await needForm(req, values: ["creditCode": req.query[String.self, at: "creditCode"] ?? ""], errors: FormErrors(), status: .ok)
    }

    @Sendable static func createNeed(_ req: Request) async throws -> Response {
        let actor = try req.actor(.editMatrix)
        let form = try FormFields.require(req)
        let values = Dictionary(uniqueKeysWithValues: needFields.map { ($0, form.text($0)) })
        func again(_ field: String, _ message: String) async throws -> Response {
            try await needForm(req, values: values, errors: FormErrors([field == "enterpriseId" ? "creditCode" : field: message]), status: .unprocessableEntity)
        }
        let amountText = form.text("amountWan")
        guard !amountText.isEmpty else { return try await again("amountWan", "请填写融资金额（万元）") }
        guard let amount = SheetText.number(amountText) else { return try await again("amountWan", "融资金额须为数字（万元），如 500") }
        guard let urgency = FinancingUrgency(code: form.text("urgency")) else { return try await again("urgency", "请选择紧急程度") }
        let termText = form.text("termMonths")
        var term: Int?
        if !termText.isEmpty {
            guard let t = Int(termText) else { return try await again("termMonths", "期望期限须为整数（月）") }
            term = t
        }
        let filedText = form.text("filedOn")
        var filed = req.today
        if !filedText.isEmpty {
            guard let d = Day(iso: filedText) else { return try await again("filedOn", "提出日期格式应为YYYY-MM-DD") }
            filed = d
        }
        do {
            let firm = try await req.store.financeFirm(creditCode: form.text("creditCode"), zoneId: actor.zoneId)
            let draft = FinancingNeed(id: 0, enterpriseId: firm.id, amountWan: amount, purpose: form.text("purpose"), urgency: urgency, termMonths: term, filedOn: filed)
            let n = try await req.store.fileFinancingNeed(draft, actor: actor, today: req.today)
            return req.redirect(to: SiteURL.financeNeed(n.id).with([("notice", "created")]))
        } catch let StoreError.invalid(e) {
            return try await again(e.field, e.message)
        } catch StoreError.notFound(let entity, _) where entity == "enterprise" {
            return try await again("creditCode", "该企业不在本区企业库中")
        }
    }

    // MARK: One need

    static func page(_ req: Request, id: Int, error: String?, status: HTTPResponseStatus) async throws -> Response {
        let actor = try req.actor(.readMatrix)
        let n: FinancingNeed
        do { n = try await req.store.financingNeed(id: id, zoneId: actor.zoneId) } catch StoreError.notFound { throw notFound(id) }
        let record = try await req.store.enterprise(id: n.enterpriseId, zoneId: actor.zoneId)
        let tiers = Array(Set(record.tiers.map(\.tier).filter { $0.isValid(on: req.today) }.map(\.kind))).sorted { a, b in
            (EnterpriseTier.Kind.allCases.firstIndex(of: a) ?? 0) < (EnterpriseTier.Kind.allCases.firstIndex(of: b) ?? 0)
        }
        let products = try await req.store.bankProducts(zoneId: actor.zoneId)
        let candidates = ProductMatch.candidates(for: n, products: products, firmTiers: tiers)
        let excluded = products.map { ProductMatch.evaluate(n, $0, firmTiers: tiers) }.filter { !$0.eligible }
        var page = FinancingNeedPage(need: n, firmName: record.enterprise.name, creditCode: record.enterprise.creditCode, firmTiers: tiers,
                                     candidates: candidates, excluded: excluded,
                                     actions: actor.can(.editMatrix) ? FinancingLifecycle.allowedActions(for: n.status) : [], today: req.today)
        page.error = error
        return req.html(page.render(req.pageContext(current: .finance)), status: status)
    }

    @Sendable static func show(_ req: Request) async throws -> Response { try await page(req, id: try req.id(), error: nil, status: .ok) }

    @Sendable static func act(_ req: Request) async throws -> Response {
        let actor = try req.actor(.editMatrix)
        let id = try req.id()
        let form = try FormFields.require(req)
        guard let version = Int(form.text("version")) else { throw AppError.badRequest("缺少版本号", field: "version") }
        guard let action = FinancingAction(rawValue: form.text("action")) else { throw AppError.badRequest("未知的办理环节", field: "action") }
        var step = FinancingLifecycle.Step(bank: form.text("bank"), text: form.text("text"))
        switch action {
        case .match:
            // Products picked from the library, then banks and products typed in (a half-filled row is the domain's to refuse).
            let library = try await req.store.bankProducts(zoneId: actor.zoneId)
            for pid in form.all("productId").compactMap({ Int($0) }) {
                if let p = library.first(where: { $0.id == pid }) { step.matches.append(FinanceMatch(bank: p.bank, product: p.name)) }
            }
            let banks = form.list("matchBank"), names = form.list("matchProduct")
            for i in 0..<max(banks.count, names.count) {
                step.matches.append(FinanceMatch(bank: i < banks.count ? banks[i] : "", product: i < names.count ? names[i] : ""))
            }
        case .grant:
            let amountText = form.text("amountWan")
            if !amountText.isEmpty {
                guard let a = SheetText.number(amountText) else { return try await page(req, id: id, error: "放款金额须为数字（万元）", status: .unprocessableEntity) }
                step.amountWan = a
            }
            let dayText = form.text("day")
            if !dayText.isEmpty {
                guard let d = Day(iso: dayText) else { return try await page(req, id: id, error: "放款日期格式应为YYYY-MM-DD", status: .unprocessableEntity) }
                step.day = d
            }
        case .decline:
            break
        }
        do {
            _ = try await req.store.actOnFinancingNeed(id: id, version: version, action: action, step: step, actor: actor, today: req.today)
        } catch let StoreError.invalid(e) {
            return try await page(req, id: id, error: e.message, status: .unprocessableEntity)
        } catch StoreError.conflict {
            return try await page(req, id: id, error: "融资需求已被他人更新，未做改动，请看最新状态。", status: .conflict)
        } catch StoreError.notFound {
            throw notFound(id)
        }
        return req.redirect(to: SiteURL.financeNeed(id).with([("notice", "saved")]))
    }

    // MARK: Bank products

    static let productFields = ["bank", "name", "minAmountWan", "maxAmountWan", "maxTermMonths", "approvalWorkdays", "annualRatePercent"]

    static func productsPage(_ req: Request, values: [String: String], errors: FormErrors, status: HTTPResponseStatus) async throws -> Response {
        let actor = try req.actor(.readMatrix)
        let products = try await req.store.bankProducts(zoneId: actor.zoneId)
        let page = BankProductsPage(products: products, values: values, errors: errors, canEdit: actor.can(.editMatrix))
        return req.html(page.render(req.pageContext(current: .finance)), status: status)
    }

    @Sendable static func products(_ req: Request) async throws -> Response {
        try await productsPage(req, values: [:], errors: FormErrors(), status: .ok)
    }

    @Sendable static func createProduct(_ req: Request) async throws -> Response {
        let actor = try req.actor(.editMatrix)
        let form = try FormFields.require(req)
        var values = Dictionary(uniqueKeysWithValues: productFields.map { ($0, form.text($0)) })
        values["urgencies"] = form.all("urgencies").joined(separator: ",")
        values["tiers"] = form.all("tiers").joined(separator: ",")
        func again(_ field: String, _ message: String) async throws -> Response {
            try await productsPage(req, values: values, errors: FormErrors([field: message]), status: .unprocessableEntity)
        }
        /// A number that may be left empty: ok false when something else than a number was typed.
        func optionalNumber(_ name: String) -> (ok: Bool, value: Double?) {
            let t = form.text(name)
            if t.isEmpty { return (true, nil) }
            guard let v = SheetText.number(t) else { return (false, nil) }
            return (true, v)
        }
        let minimum = optionalNumber("minAmountWan")
        guard minimum.ok else { return try await again("minAmountWan", "最低额度须为数字（万元）") }
        guard let maximum = SheetText.number(form.text("maxAmountWan")) else { return try await again("maxAmountWan", "最高额度须为数字（万元）") }
        guard let term = Int(form.text("maxTermMonths")) else { return try await again("maxTermMonths", "最长期限须为整数（月）") }
        let approvalText = form.text("approvalWorkdays")
        var approval: Int?
        if !approvalText.isEmpty {
            guard let a = Int(approvalText) else { return try await again("approvalWorkdays", "审批时间须为整数（工作日）") }
            approval = a
        }
        let rate = optionalNumber("annualRatePercent")
        guard rate.ok else { return try await again("annualRatePercent", "年利率须为数字（%）") }
        let urgencies = form.all("urgencies").compactMap { FinancingUrgency(code: $0) }
        let tiers = form.all("tiers").compactMap { EnterpriseTier.Kind(rawValue: $0) }
        let draft = BankProduct(id: 0, bank: form.text("bank"), name: form.text("name"), minAmountWan: minimum.value ?? 0, maxAmountWan: maximum,
                                maxTermMonths: term, urgencies: urgencies, tiers: tiers, approvalWorkdays: approval, annualRatePercent: rate.value)
        do {
            _ = try await req.store.createBankProduct(draft, actor: actor)
        } catch let StoreError.invalid(e) {
            return try await again(e.field, e.message)
        }
        return req.redirect(to: SiteURL.financeProducts.with([("notice", "created")]))
    }

    // MARK: Relief measures

    static let reliefFields = ["creditCode", "kind", "amountWan", "day", "institution", "note"]

    static func reliefPage(_ req: Request, values: [String: String], errors: FormErrors, status: HTTPResponseStatus) async throws -> Response {
        let actor = try req.actor(.readMatrix)
        let year = Self.year(req)
        let measures = try await req.store.reliefMeasures(zoneId: actor.zoneId, year: year)
        let names = try await firmNames(req, zoneId: actor.zoneId, ids: measures.map(\.enterpriseId))
        let total = FinanceStatistics.year(needs: [], measures: measures, year: year)
        var v = values
        if (v["day"] ?? "").isEmpty { v["day"] = req.today.iso }
        let canEdit = actor.can(.editMatrix)
        var firms: [(String, String)] = []
        if canEdit { firms = try await directory(req, zoneId: actor.zoneId) }
        let rows = measures.map { ReliefPage.Row(measure: $0, firm: names[$0.enterpriseId] ?? "—") }
        let page = ReliefPage(year: year, rows: rows, total: total, values: v, errors: errors, firms: firms, canEdit: canEdit)
        return req.html(page.render(req.pageContext(current: .finance)), status: status)
    }

    @Sendable static func relief(_ req: Request) async throws -> Response {
        try await reliefPage(req, values: [:], errors: FormErrors(), status: .ok)
    }

    @Sendable static func createRelief(_ req: Request) async throws -> Response {
        let actor = try req.actor(.editMatrix)
        let form = try FormFields.require(req)
        let values = Dictionary(uniqueKeysWithValues: reliefFields.map { ($0, form.text($0)) })
        func again(_ field: String, _ message: String) async throws -> Response {
            try await reliefPage(req, values: values, errors: FormErrors([field == "enterpriseId" ? "creditCode" : field: message]), status: .unprocessableEntity)
        }
        guard let kind = ReliefKind(rawValue: form.text("kind")) else { return try await again("kind", "请选择纾困措施") }
        let amountText = form.text("amountWan")
        guard !amountText.isEmpty else { return try await again("amountWan", "请填写\(kind.amountMeaning)（万元）") }
        guard let amount = SheetText.number(amountText) else { return try await again("amountWan", "\(kind.amountMeaning)须为数字（万元）") }
        let dayText = form.text("day")
        var day = req.today
        if !dayText.isEmpty {
            guard let d = Day(iso: dayText) else { return try await again("day", "日期格式应为YYYY-MM-DD") }
            day = d
        }
        do {
            let firm = try await req.store.financeFirm(creditCode: form.text("creditCode"), zoneId: actor.zoneId)
            _ = try await req.store.recordReliefMeasure(ReliefMeasure(id: 0, kind: kind, enterpriseId: firm.id, amountWan: amount, day: day,
                                                                      institution: form.text("institution"), note: form.text("note")),
                                                        actor: actor, today: req.today)
        } catch let StoreError.invalid(e) {
            return try await again(e.field, e.message)
        }
        return req.redirect(to: SiteURL.financeRelief.with([("year", String(day.year)), ("notice", "created")]))
    }
}
