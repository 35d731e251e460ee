import Domain
import Foundation
import Persistence
import Vapor
import Views

/// 政策体系: policy documents and clauses (the office writes the eligibility condition, checked when saved), which firms
/// each clause selects and why, claims (申报 → 审核 → 兑现) within budget, press releases, and each firm's own page of
/// what it can claim (its enterprise account sees only that).
enum PolicyController {
    static func register(_ app: RoutesBuilder) {
        app.on(.GET, SiteURL.policies.path, .permission(.readMatrix), use: list)
        app.on(.POST, SiteURL.policyNew.path, .permission(.editMatrix), use: createPolicy)
        app.on(.GET, SiteURL.pressReleases.path, .permission(.readMatrix), use: releases)
        app.on(.POST, SiteURL.pressReleases.path, .permission(.editMatrix), use: createRelease)
        app.on(.GET, SiteURL.policyConditionHelp.path, .permission(.readAppeals), use: help)
        app.on(.GET, "/policies/:id", .permission(.readMatrix), use: show)
        app.on(.POST, "/policies/:id/clauses/new", .permission(.editMatrix), use: createClause)
        app.on(.GET, "/clauses/:id", .permission(.readMatrix), use: showClause)
        app.on(.POST, "/clauses/:id", .permission(.editMatrix), use: updateClause)
        app.on(.POST, "/clauses/:id/redemptions", .permission(.editMatrix), use: apply)
        app.on(.POST, "/redemptions/:id/act", .permission(.editMatrix), use: actOnClaim)
        app.on(.GET, "/enterprises/:id/policies", .permission(.readAppeals), use: firm)
    }

    // MARK: List and policies

    static func clauseLines(_ req: Request, _ actor: Actor, _ clauses: [PolicyClause]) async throws -> [PolicyListPage.ClauseLine] {
        let counts = try await PolicyMatching.counts(req, actor, clauses)
        let committed = try await req.store.committedByClause(zoneId: actor.zoneId)
        return clauses.map { PolicyListPage.ClauseLine(clause: $0, qualifying: counts[$0.id], committed: committed[$0.id] ?? 0) }
    }

    static func listPage(_ req: Request, values: [String: String], errors: FormErrors, status: HTTPResponseStatus) async throws -> Response {
        let actor = try req.actor(.readMatrix)
        let policies = try await req.store.policies(zoneId: actor.zoneId)
        let clauses = try await req.store.clauses(zoneId: actor.zoneId)
        let lines = Dictionary(grouping: try await clauseLines(req, actor, clauses), by: \.clause.policyId)
        let page = PolicyListPage(policies: policies.map { ($0, lines[$0.id] ?? []) }, releases: try await req.store.pressReleases(zoneId: actor.zoneId),
                                  canEdit: actor.can(.editMatrix), today: req.today, values: values, errors: errors)
        return req.html(page.render(req.pageContext(current: .policies)), status: status)
    }

    @Sendable static func list(_ req: Request) async throws -> Response { try await listPage(req, values: [:], errors: FormErrors(), status: .ok) }

    @Sendable static func createPolicy(_ req: Request) async throws -> Response {
        let actor = try req.actor(.editMatrix)
        let form = try FormFields.require(req)
        let values = Dictionary(uniqueKeysWithValues: ["title", "issuer", "documentNumber", "issuedOn", "effectiveFrom", "effectiveTo", "text"].map { ($0, form.text($0)) })
        guard let issued = Day(iso: form.text("issuedOn")) else {
            return try await listPage(req, values: values, errors: FormErrors(["issuedOn": "请填写发布日期"]), status: .unprocessableEntity)
        }
        let to = form.text("effectiveTo"), from = form.text("effectiveFrom")
        if !to.isEmpty && Day(iso: to) == nil { return try await listPage(req, values: values, errors: FormErrors(["effectiveTo": "日期格式应为YYYY-MM-DD"]), status: .unprocessableEntity) }
        if !from.isEmpty && Day(iso: from) == nil { return try await listPage(req, values: values, errors: FormErrors(["effectiveFrom": "日期格式应为YYYY-MM-DD"]), status: .unprocessableEntity) }
        let p = Policy(id: 0, title: form.text("title"), issuer: form.text("issuer"), documentNumber: form.text("documentNumber"), issuedOn: issued,
                       effectiveFrom: Day(iso: form.text("effectiveFrom")) ?? issued, effectiveTo: Day(iso: to), text: form.text("text"))
        do {
            let id = try await req.store.createPolicy(p, actor: actor)
            return req.redirect(to: SiteURL.policy(id).with([("notice", "created")]))
        } catch let StoreError.invalid(e) {
            return try await listPage(req, values: values, errors: FormErrors([e.field: e.message]), status: .unprocessableEntity)
        }
    }

    static func policyPage(_ req: Request, id: Int, form: ClauseForm, status: HTTPResponseStatus) async throws -> Response {
        let actor = try req.actor(.readMatrix)
        let p = try await req.store.policy(id: id, zoneId: actor.zoneId)
        let clauses = try await clauseLines(req, actor, try await req.store.clauses(zoneId: actor.zoneId, policyId: id))
        let releases = try await req.store.pressReleases(zoneId: actor.zoneId).filter { $0.policyIds.contains(id) }
        let page = PolicyPage(policy: p, clauses: clauses, releases: releases, canEdit: actor.can(.editMatrix), form: form, today: req.today)
        return req.html(page.render(req.pageContext(current: .policies)), status: status)
    }

    @Sendable static func show(_ req: Request) async throws -> Response {
        try await policyPage(req, id: try req.id(), form: ClauseForm(values: ["year": String(req.today.year - 1), "amountKind": "fixed"]), status: .ok)
    }

    // MARK: Clauses

    /// The clause a form describes, or the field and message of what is wrong with it.
    static func clause(_ form: FormFields, id: Int, policyId: Int) -> Result<PolicyClause, ValidationError> {
        guard let year = Int(form.text("year")) else { return .failure(ValidationError(field: "year", "请填写判断年度")) }
        let rule: AmountRule
        if form.text("amountKind") == "percent" {
            guard let f = ConditionField.named(form.text("amountField")) else { return .failure(ValidationError(field: "amountField", "请选择按比例计算的基数字段")) }
            guard let rate = SheetText.number(form.text("rate")) else { return .failure(ValidationError(field: "rate", "比例须为数字（%）")) }
            let capText = form.text("cap")
            let cap = SheetText.number(capText)
            if !capText.isEmpty && cap == nil { return .failure(ValidationError(field: "cap", "封顶金额须为数字（万元）")) }
            rule = .percent(of: f, rate: rate, cap: cap)
        } else {
            guard let a = SheetText.number(form.text("amount")) else { return .failure(ValidationError(field: "amount", "定额金额须为数字（万元）")) }
            rule = .fixed(amount: a)
        }
        let budgetText = form.text("annualBudget")
        let budget = SheetText.number(budgetText)
        if !budgetText.isEmpty && budget == nil { return .failure(ValidationError(field: "annualBudget", "年度预算须为数字（万元）")) }
        guard let kind = PolicyClause.Kind(rawValue: form.text("kind")) else { return .failure(ValidationError(field: "kind", "请选择条款类型")) }
        return .success(PolicyClause(id: id, policyId: policyId, number: form.text("number"), title: form.text("title"), kind: kind,
                                     condition: form.first("condition") ?? "", amountRule: rule, annualBudget: budget, year: year))
    }

    static func formValues(_ form: FormFields) -> [String: String] {
        Dictionary(uniqueKeysWithValues: ["number", "title", "kind", "year", "condition", "amountKind", "amount", "amountField", "rate", "cap", "annualBudget", "version"]
            .map { ($0, form.text($0)) })
    }

    @Sendable static func createClause(_ req: Request) async throws -> Response {
        let actor = try req.actor(.editMatrix)
        let policyId = try req.id()
        let form = try FormFields.require(req)
        func again(_ e: ValidationError) async throws -> Response {
            try await policyPage(req, id: policyId, form: ClauseForm(values: formValues(form), errors: FormErrors([e.field: e.message])), status: .unprocessableEntity)
        }
        switch clause(form, id: 0, policyId: policyId) {
        case .failure(let e): return try await again(e)
        case .success(let c):
            do {
                let id = try await req.store.createClause(c, actor: actor)
                return req.redirect(to: SiteURL.clause(id).with([("notice", "created")]))
            } catch let StoreError.invalid(e) { return try await again(e) }
        }
    }

    static func clausePage(_ req: Request, id: Int, form: ClauseForm?, error: String?, status: HTTPResponseStatus) async throws -> Response {
        let actor = try req.actor(.readMatrix)
        let c = try await req.store.clause(id: id, zoneId: actor.zoneId)
        let p = try await req.store.policy(id: c.policyId, zoneId: actor.zoneId)
        let (q, n) = try await PolicyMatching.clause(req, actor, c)
        let claims = try await req.store.redemptions(zoneId: actor.zoneId, clauseId: id)
        let names = try await PolicyMatching.facts(req, actor, year: c.year).firms
        func line(_ f: ClauseFirm, missing: Bool) -> ClausePage.FirmLine {
            .init(firmId: f.firm.id, name: f.firm.name, lines: missing ? f.verdict.missing.map(\.line) : f.verdict.lines, amount: f.amount.explanation)
        }
        var page = ClausePage(policy: p, clause: c, qualifying: q.map { line($0, missing: false) }, near: n.map { line($0, missing: true) },
                              claims: claims.map { .init(redemption: $0.redemption, version: $0.version, firmName: names[$0.redemption.enterpriseId]?.name ?? "#\($0.redemption.enterpriseId)") },
                              committed: claims.map(\.redemption.committed).reduce(0, +), canEdit: actor.can(.editMatrix),
                              form: form ?? ClauseForm(values: ClauseForm.values(of: c)), today: req.today)
        page.error = error
        return req.html(page.render(req.pageContext(current: .policies)), status: status)
    }

    @Sendable static func showClause(_ req: Request) async throws -> Response { try await clausePage(req, id: try req.id(), form: nil, error: nil, status: .ok) }

    @Sendable static func updateClause(_ req: Request) async throws -> Response {
        let actor = try req.actor(.editMatrix)
        let id = try req.id()
        let form = try FormFields.require(req)
        guard let version = Int(form.text("version")) else { throw AppError.badRequest("缺少版本号", field: "version") }
        let current = try await req.store.clause(id: id, zoneId: actor.zoneId)
        func again(_ e: ValidationError, _ status: HTTPResponseStatus = .unprocessableEntity) async throws -> Response {
            try await clausePage(req, id: id, form: ClauseForm(values: formValues(form), errors: FormErrors([e.field: e.message])), error: "条款未保存：\(e.message)", status: status)
        }
        switch clause(form, id: id, policyId: current.policyId) {
        case .failure(let e): return try await again(e)
        case .success(let c):
            do {
                try await req.store.updateClause(c, version: version, actor: actor)
                return req.redirect(to: SiteURL.clause(id).with([("notice", "saved")]))
            } catch let StoreError.invalid(e) { return try await again(e) }
            catch StoreError.conflict { return try await clausePage(req, id: id, form: nil, error: "条款已被他人修改，未保存；以下是最新内容。", status: .conflict) }
        }
    }

    // MARK: Claims

    @Sendable static func apply(_ req: Request) async throws -> Response {
        let actor = try req.actor(.editMatrix)
        let id = try req.id()
        let form = try FormFields.require(req)
        guard let firm = Int(form.text("enterpriseId")) else { return try await clausePage(req, id: id, form: nil, error: "请选择企业", status: .unprocessableEntity) }
        let amountText = form.text("amount")
        let amount = SheetText.number(amountText)
        if !amountText.isEmpty && amount == nil { return try await clausePage(req, id: id, form: nil, error: "申请金额须为数字（万元）", status: .unprocessableEntity) }
        do {
            _ = try await req.store.applyRedemption(clauseId: id, enterpriseId: firm, requestedAmount: amount, appliedOn: req.today, actor: actor)
        } catch let StoreError.invalid(e) {
            return try await clausePage(req, id: id, form: nil, error: e.message, status: .unprocessableEntity)
        } catch StoreError.notFound(let entity, _) where entity == "enterprise" {
            return try await clausePage(req, id: id, form: nil, error: "没有这家企业", status: .unprocessableEntity)
        }
        return req.redirect(to: SiteURL.clause(id).with([("notice", "saved")]))
    }

    @Sendable static func actOnClaim(_ req: Request) async throws -> Response {
        let actor = try req.actor(.editMatrix)
        let id = try req.id()
        let form = try FormFields.require(req)
        guard let version = Int(form.text("version")) else { throw AppError.badRequest("缺少版本号", field: "version") }
        let clauseId = try await req.store.redemptions(zoneId: actor.zoneId).first { $0.redemption.id == id }?.redemption.clauseId
        guard let clauseId else { throw AppError(.notFound, "not_found", "没有这条申报") }
        let action: Redemption.Action
        switch form.text("action") {
        case "approve", "pay":
            guard let amount = SheetText.number(form.text("amount")) else {
                return try await clausePage(req, id: clauseId, form: nil, error: "金额须为数字（万元）", status: .unprocessableEntity)
            }
            action = form.text("action") == "approve" ? .approve(amount: amount, on: req.today) : .pay(amount: amount, on: req.today)
        case "reject": action = .reject(reason: form.text("reason"), on: req.today)
        default: throw AppError.badRequest("未知的办理环节", field: "action")
        }
        do {
            _ = try await req.store.actOnRedemption(id: id, version: version, action: action, actor: actor)
        } catch let StoreError.invalid(e) {
            return try await clausePage(req, id: clauseId, form: nil, error: e.message, status: .unprocessableEntity)
        } catch StoreError.conflict {
            return try await clausePage(req, id: clauseId, form: nil, error: "该申报已被他人办理，未做改动。", status: .conflict)
        }
        return req.redirect(to: SiteURL.clause(clauseId).with([("notice", "saved")]))
    }

    // MARK: A firm's page, press releases, help

    @Sendable static func firm(_ req: Request) async throws -> Response {
        let actor = try req.actor(.readAppeals)
        let id = try req.id()
        let officials = actor.can(.readMatrix)
        guard officials || actor.enterpriseId == id else { throw AppError(.notFound, "not_found", "没有这家企业") }
        let e = try await req.store.enterprise(id: id, zoneId: actor.zoneId).enterprise
        let clauses = try await req.store.clauses(zoneId: actor.zoneId)
        let policies = Dictionary(uniqueKeysWithValues: try await req.store.policies(zoneId: actor.zoneId).map { ($0.id, $0.title) })
        let (q, n) = try await PolicyMatching.firm(req, actor, firmId: id, clauses: clauses)
        func line(_ c: PolicyClause, _ f: ClauseFirm, missing: Bool) -> FirmPoliciesPage.Line {
            .init(clauseId: c.id, title: "\(c.number) \(c.title)（\(c.kind.chineseName)）", policyTitle: policies[c.policyId] ?? "",
                  lines: missing ? f.verdict.missing.map(\.line) : f.verdict.lines, amount: f.amount.explanation)
        }
        let titles = Dictionary(uniqueKeysWithValues: clauses.map { ($0.id, "\($0.number) \($0.title)") })
        let claims = try await req.store.redemptions(zoneId: actor.zoneId, enterpriseId: id).map { (titles[$0.redemption.clauseId] ?? "", $0.redemption) }
        let page = FirmPoliciesPage(firmId: id, firmName: e.name, qualifying: q.map { line($0.0, $0.1, missing: false) }, near: n.map { line($0.0, $0.1, missing: true) },
                                    claims: claims, linkClauses: officials)
        return req.html(page.render(req.pageContext(current: officials ? .enterprises : .enterprisePolicies(id))))
    }

    static func releasesPage(_ req: Request, values: [String: String], error: String?, status: HTTPResponseStatus) async throws -> Response {
        let actor = try req.actor(.readMatrix)
        let page = PressReleasePage(releases: try await req.store.pressReleases(zoneId: actor.zoneId),
                                    policies: try await req.store.policies(zoneId: actor.zoneId).map { ($0.id, $0.title) }, canEdit: actor.can(.editMatrix),
                                    values: values, error: error)
        return req.html(page.render(req.pageContext(current: .policies)), status: status)
    }

    @Sendable static func releases(_ req: Request) async throws -> Response { try await releasesPage(req, values: [:], error: nil, status: .ok) }

    @Sendable static func createRelease(_ req: Request) async throws -> Response {
        let actor = try req.actor(.editMatrix)
        let form = try FormFields.require(req)
        let values = Dictionary(uniqueKeysWithValues: ["title", "heldOn", "place", "summary"].map { ($0, form.text($0)) })
        guard let day = Day(iso: form.text("heldOn")) else { return try await releasesPage(req, values: values, error: "请填写发布会日期", status: .unprocessableEntity) }
        let r = PressRelease(id: 0, title: form.text("title"), heldOn: day, place: form.text("place"), policyIds: form.all("policyIds").compactMap { Int($0) },
                             summary: form.text("summary"))
        do {
            _ = try await req.store.createPressRelease(r, actor: actor)
        } catch let StoreError.invalid(e) {
            return try await releasesPage(req, values: values, error: e.message, status: .unprocessableEntity)
        } catch StoreError.notFound {
            return try await releasesPage(req, values: values, error: "所选政策不存在", status: .unprocessableEntity)
        }
        return req.redirect(to: SiteURL.pressReleases.with([("notice", "saved")]))
    }

    @Sendable static func help(_ req: Request) async throws -> Response {
        _ = try req.actor(.readAppeals)
        return req.html(ConditionHelpPage().render(req.pageContext(current: .policies)))
    }
}
