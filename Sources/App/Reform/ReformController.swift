import Domain
import Foundation
import Persistence
import Vapor
import Views

/// 改革项目库: the library grouped by brand level with each lead unit's reform bonus, entering an item, one item with its
/// stages and outcomes, marking a stage done (the office, or the lead unit's reporter), recording an outcome, and the
/// zone's bonus rule.
enum ReformController {
    static func register(_ app: RoutesBuilder) {
        app.on(.GET, SiteURL.reforms.path, .permission(.readMatrix), use: list)
        app.on(.GET, SiteURL.reformNew.path, .permission(.editMatrix), use: newForm)
        app.on(.POST, SiteURL.reformNew.path, .permission(.editMatrix), use: create)
        app.on(.GET, SiteURL.reformBonusRules.path, .permission(.editMatrix), use: bonusRules)
        app.on(.POST, SiteURL.reformBonusRules.path, .permission(.editMatrix), use: saveBonusRules)
        app.on(.GET, "/reforms/:id", .permission(.readMatrix), use: show)
        app.on(.POST, "/reforms/:id/stages", .permission(.reportOwnTasks), use: markStage)
        app.on(.POST, "/reforms/:id/outcomes", .permission(.editMatrix), use: addOutcome)
    }

    // MARK: List

    @Sendable static func list(_ req: Request) async throws -> Response {
        let actor = try req.actor(.readMatrix)
        let today = req.today, calendar = req.calendar
        let year = req.query[Int.self, at: "year"].flatMap { (2000...2100).contains($0) ? $0 : nil } ?? today.year
        let all = try await req.store.reformItems(zoneId: actor.zoneId)
        let units = try await req.store.units(zoneId: actor.zoneId, includeArchived: true)
        let name = Dictionary(units.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let order = Dictionary(units.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
        let rows = all.filter { $0.firstYear <= year && $0.lastYear >= year }.map {
            ReformListPage.Row(item: $0, lead: name[$0.leadUnitId] ?? "—", progress: $0.progress(today: today, calendar: calendar))
        }
        let rules = try await req.store.reformBonusRules(zoneId: actor.zoneId).rules
        let bonuses = ReformBonusByUnit.compute(items: all, rules: rules, period: AssessmentPeriod(year: year))
            .sorted { ($1.value.points, order[$0.key] ?? Int.max) < ($0.value.points, order[$1.key] ?? Int.max) }
            .map { ReformListPage.UnitBonus(unit: name[$0.key] ?? "—", points: $0.value.points, uncapped: $0.value.uncapped, lines: $0.value.lines) }
        let page = ReformListPage(year: year, rows: rows, bonuses: bonuses, rules: rules, canEdit: actor.can(.editMatrix))
        return req.html(page.render(req.pageContext(current: .reforms)))
    }

    // MARK: Entering an item

    static let formFields = ["title", "kind", "target", "leadUnitId", "taskId", "firstYear", "lastYear", "stages"]

    static func formPage(_ req: Request, _ actor: Actor, values: [String: String], coUnits: Set<String>, errors: FormErrors = FormErrors(), error: String? = nil,
                         status: HTTPResponseStatus = .ok) async throws -> Response {
        let units = try await req.store.units(zoneId: actor.zoneId).map { ($0.id, $0.name) }
        var f = TaskFilter(year: Int(values["firstYear"] ?? "") ?? req.today.year)
        f.limit = 500
        let tasks = try await req.store.tasks(zoneId: actor.zoneId, f).map { ($0.id, $0.title) }
        let page = ReformFormPage(values: values, coUnits: coUnits, units: units, tasks: tasks, errors: errors, error: error)
        return req.html(page.render(req.pageContext(current: .reforms)), status: status)
    }

    @Sendable static func newForm(_ req: Request) async throws -> Response {
        let actor = try req.actor(.editMatrix)
        return try await formPage(req, actor, values: ["kind": ReformKind.reform.rawValue, "firstYear": String(req.today.year)], coUnits: [])
    }

    @Sendable static func create(_ req: Request) async throws -> Response {
        let actor = try req.actor(.editMatrix)
        let form = try FormFields.require(req)
        let values = Dictionary(uniqueKeysWithValues: formFields.map { ($0, form.text($0)) })
        let coUnits = Set(form.all("coUnitIds"))
        func again(_ e: ValidationError) async throws -> Response {
            let field = e.field.hasPrefix("stages") ? "stages" : e.field
            let onForm = formFields.contains(field) || field == "coUnitIds"
            return try await formPage(req, actor, values: values, coUnits: coUnits, errors: FormErrors([field: e.message]),
                                      error: onForm ? nil : e.message, status: .unprocessableEntity)
        }
        do {
            let item = try ReformForm.item(form, today: req.today)
            let id = try await req.store.createReformItem(item, actor: actor, today: req.today)
            return req.redirect(to: SiteURL.reform(id).with([("notice", "created")]))
        } catch let e as ValidationError {
            return try await again(e)
        } catch let StoreError.invalid(e) {
            return try await again(e)
        }
    }

    // MARK: One item

    /// The item, or a 404 in Chinese.
    static func item(_ req: Request, id: Int, zoneId: Int) async throws -> ReformItem {
        do { return try await req.store.reformItem(id: id, zoneId: zoneId) } catch StoreError.notFound(let entity, _) where entity == "reform_item" {
            throw AppError(.notFound, "not_found", "改革项目（编号\(id)）不存在")
        }
    }

    /// The office marks any item's stages; a reporter those of the items its unit leads.
    static func mayMark(_ actor: Actor, _ item: ReformItem) -> Bool {
        if actor.can(.editMatrix) { return true }
        guard actor.has(.reporter), let u = actor.unitId else { return false }
        return u == item.leadUnitId
    }

    static func page(_ req: Request, id: Int, error: String?, status: HTTPResponseStatus) async throws -> Response {
        let actor = try req.actor(.readMatrix)
        let r = try await item(req, id: id, zoneId: actor.zoneId)
        let units = try await req.store.units(zoneId: actor.zoneId, includeArchived: true)
        let name = Dictionary(units.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        var task: (Int, String)?
        if let t = r.taskId, let linked = try? await req.store.task(id: t, zoneId: actor.zoneId) { task = (t, linked.title) }
        let rules = try await req.store.reformBonusRules(zoneId: actor.zoneId).rules
        var page = ReformPage(item: r, lead: name[r.leadUnitId] ?? "—", coUnits: r.coUnitIds.isEmpty ? "—" : r.coUnitIds.map { name[$0] ?? "—" }.joined(separator: "、"),
                              task: task, progress: r.progress(today: req.today, calendar: req.calendar), bonus: ReformBonus.points(items: [r], rules: rules),
                              rules: rules, today: req.today, canEdit: actor.can(.editMatrix), canMark: mayMark(actor, r))
        page.error = error
        return req.html(page.render(req.pageContext(current: .reforms)), status: status)
    }

    @Sendable static func show(_ req: Request) async throws -> Response { try await page(req, id: try req.id(), error: nil, status: .ok) }

    @Sendable static func markStage(_ req: Request) async throws -> Response {
        let actor = try req.actor(.reportOwnTasks)
        let id = try req.id()
        let r = try await item(req, id: id, zoneId: actor.zoneId)
        guard mayMark(actor, r) else {
            return try await page(req, id: id, error: "只有督查室或牵头单位的填报员可以登记阶段完成，未做改动。", status: .forbidden)
        }
        let form = try FormFields.require(req)
        guard let version = Int(form.text("version")) else { throw AppError.badRequest("缺少版本号", field: "version") }
        guard let index = Int(form.text("stage")) else { return try await page(req, id: id, error: "请选择要登记完成的阶段", status: .unprocessableEntity) }
        let dayText = form.text("day")
        guard let day = dayText.isEmpty ? req.today : ReformForm.day(dayText) else {
            return try await page(req, id: id, error: "完成日期“\(dayText)”不是有效日期，请写成年-月-日", status: .unprocessableEntity)
        }
        do {
            try await req.store.markReformStage(id: id, stage: index, on: day, version: version, actor: actor, today: req.today)
        } catch let StoreError.invalid(e) {
            return try await page(req, id: id, error: e.message, status: .unprocessableEntity)
        } catch StoreError.conflict {
            return try await page(req, id: id, error: "项目已被他人更新，未做改动，请看最新状态。", status: .conflict)
        }
        return req.redirect(to: SiteURL.reform(id).with([("notice", "saved")]))
    }

    @Sendable static func addOutcome(_ req: Request) async throws -> Response {
        let actor = try req.actor(.editMatrix)
        let id = try req.id()
        _ = try await item(req, id: id, zoneId: actor.zoneId)
        let form = try FormFields.require(req)
        guard let version = Int(form.text("version")) else { throw AppError.badRequest("缺少版本号", field: "version") }
        guard let kind = OutcomeKind(rawValue: form.text("kind")) else {
            return try await page(req, id: id, error: "请选择成果方式（被采纳或推广）", status: .unprocessableEntity)
        }
        guard let level = BrandLevel(code: form.text("level")) else {
            return try await page(req, id: id, error: "请选择采纳或推广单位的层级（市级、省级或国家级）", status: .unprocessableEntity)
        }
        guard let day = ReformForm.day(form.text("day")) else {
            return try await page(req, id: id, error: "请填写成果日期（年-月-日）", status: .unprocessableEntity)
        }
        let outcome = ReformOutcome(kind: kind, level: level, body: form.text("body"), day: day, evidence: form.text("evidence"))
        do {
            try await req.store.addReformOutcome(reformId: id, outcome, version: version, actor: actor, today: req.today)
        } catch let StoreError.invalid(e) {
            return try await page(req, id: id, error: e.message, status: .unprocessableEntity)
        } catch StoreError.conflict {
            return try await page(req, id: id, error: "项目已被他人更新，成果未登记，请看最新状态后重试。", status: .conflict)
        }
        return req.redirect(to: SiteURL.reform(id).with([("notice", "saved")]))
    }

    // MARK: Bonus rules

    static func rulesPage(_ req: Request, rules: ReformBonusRules, version: Int, error: String? = nil, status: HTTPResponseStatus = .ok) -> Response {
        req.html(ReformBonusRulesPage(rules: rules, version: version, error: error).render(req.pageContext(current: .reforms)), status: status)
    }

    @Sendable static func bonusRules(_ req: Request) async throws -> Response {
        let actor = try req.actor(.editMatrix)
        let (rules, version) = try await req.store.reformBonusRules(zoneId: actor.zoneId)
        return rulesPage(req, rules: rules, version: version)
    }

    @Sendable static func saveBonusRules(_ req: Request) async throws -> Response {
        let actor = try req.actor(.editMatrix)
        let form = try FormFields.require(req)
        guard let version = Int(form.text("version")) else { throw AppError.badRequest("缺少版本号", field: "version") }
        var numbers: [Double] = []
        for (field, label) in [("city", "市级成果加分"), ("province", "省级成果加分"), ("nation", "国家级成果加分"), ("cap", "加分上限")] {
            guard let v = SheetText.number(form.text(field)) else {
                let (current, currentVersion) = try await req.store.reformBonusRules(zoneId: actor.zoneId)
                return rulesPage(req, rules: current, version: currentVersion, error: "\(label)须为数字，未保存", status: .unprocessableEntity)
            }
            numbers.append(v)
        }
        let rules = ReformBonusRules(city: numbers[0], province: numbers[1], nation: numbers[2], cap: numbers[3], highestPerItem: form.text("highestPerItem") == "1")
        do {
            try await req.store.setReformBonusRules(rules, version: version, actor: actor)
        } catch let StoreError.invalid(e) {
            return rulesPage(req, rules: rules, version: version, error: e.message, status: .unprocessableEntity)
        } catch StoreError.conflict {
            let (current, v) = try await req.store.reformBonusRules(zoneId: actor.zoneId)
            return rulesPage(req, rules: current, version: v, error: "加分规则已被他人修改，未保存；以下是最新设置。", status: .conflict)
        }
        return req.redirect(to: SiteURL.reformBonusRules.with([("notice", "saved")]))
    }
}

/// Reads the new-item form into a `ReformItem` (the domain then checks it), with a Chinese message for what cannot be read.
enum ReformForm {
    /// A date as typed: "2026-03-31", "2026-3-31", "2026/3/31", "2026.3.31" or "2026年3月31日"; nil if it names no real day.
    static func day(_ text: String) -> Day? {
        let t = text.trimmingCharacters(in: .whitespaces)
        if let d = Day(iso: t) { return d }
        let parts = t.split(whereSeparator: { !$0.isASCII || !$0.isNumber }).map(String.init)
        guard parts.count == 3, parts[0].count == 4, parts[1].count <= 2, parts[2].count <= 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        let rest = t.filter { !($0.isASCII && $0.isNumber) }
        guard ["--", "//", "..", "年月日"].contains(rest) else { return nil }
        return Day(year: y, month: m, day: d)
    }

    /// One stage per non-blank line, "阶段名称|截止日期" (a full-width ｜ also works).
    static func stages(_ text: String) throws -> [ReformStage] {
        var out: [ReformStage] = []
        for raw in text.components(separatedBy: .newlines) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty else { continue }
            let n = out.count + 1
            let parts = line.replacingOccurrences(of: "｜", with: "|").split(separator: "|", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2 else {
                throw ValidationError(field: "stages", "第\(n)个阶段“\(line)”应写成“阶段名称|截止日期”，如“制定实施方案|2026-03-31”")
            }
            guard let deadline = day(parts[1]) else {
                throw ValidationError(field: "stages", "第\(n)个阶段“\(parts[0])”的截止日期“\(parts[1])”不是有效日期，请写成年-月-日，如2026-03-31")
            }
            out.append(ReformStage(name: parts[0], deadline: deadline))
        }
        return out
    }

    static func item(_ form: FormFields, today: Day) throws -> ReformItem {
        guard let kind = ReformKind(rawValue: form.text("kind")) else { throw ValidationError(field: "kind", "请选择类别（改革事项或课题攻关）") }
        guard let target = BrandLevel(code: form.text("target")) else {
            throw ValidationError(field: "target", "请选择目标定位（全市争前列、全省争进位或全国争品牌）")
        }
        let leadText = form.text("leadUnitId")
        guard let lead = leadText.isEmpty ? 0 : Int(leadText) else { throw ValidationError(field: "leadUnitId", "请选择牵头单位") }
        var coUnits: [Int] = []
        for raw in form.all("coUnitIds") {
            guard let u = Int(raw) else { throw ValidationError(field: "coUnitIds", "配合单位的取值无效") }
            coUnits.append(u)
        }
        let taskText = form.text("taskId")
        var taskId: Int?
        if !taskText.isEmpty {
            guard let t = Int(taskText) else { throw ValidationError(field: "taskId", "所选任务无效") }
            taskId = t
        }
        let firstText = form.text("firstYear"), lastText = form.text("lastYear")
        guard let first = firstText.isEmpty ? today.year : Int(firstText) else { throw ValidationError(field: "firstYear", "开始年度须为整数，如\(today.year)") }
        guard let last = lastText.isEmpty ? first : Int(lastText) else { throw ValidationError(field: "lastYear", "结束年度须为整数，如\(today.year)") }
        return ReformItem(id: 0, title: form.text("title"), kind: kind, target: target, leadUnitId: lead, coUnitIds: coUnits, firstYear: first, lastYear: last,
                          stages: try stages(form.text("stages")), taskId: taskId)
    }
}
