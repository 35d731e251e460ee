import Domain
import Persistence
import Vapor
import Views

/// 指标: the zone's indicators for a year, one indicator's chart and periods, its year's baseline and
/// target (the office), values entered by the owner unit and confirmed or returned by the office.
enum IndicatorController {
    static func register(_ app: RoutesBuilder) {
        app.on(.GET, SiteURL.indicators.path, .permission(.readMatrix), use: list)
        app.on(.GET, SiteURL.indicatorNew.path, .permission(.editMatrix), use: newForm)
        app.on(.POST, SiteURL.indicatorNew.path, .permission(.editMatrix), use: create)
        app.on(.GET, "/indicators/:id", .permission(.readMatrix), use: show)
        app.on(.POST, "/indicators/:id/values", .permission(.reportOwnTasks), upload: EvidenceIntake.maxRequestBody, use: submitValue)
        app.on(.POST, "/indicators/:id/year", .permission(.editMatrix), use: setYear)
        app.on(.POST, "/indicator-values/:id/review", .permission(.editMatrix), use: review)
        app.on(.POST, "/indicators/:id/ranks", .permission(.editMatrix), use: setRank)
        app.on(.POST, "/indicators/:id/revise", .permission(.editMatrix), use: revise)
    }

    static func year(_ req: Request) -> Int {
        req.query[Int.self, at: "year"].flatMap { (2000...2100).contains($0) ? $0 : nil } ?? req.today.year
    }

    /// Each indicator's year: the trajectory's period targets and the newest value of each period, with its light.
    static func views(_ req: Request, _ actor: Actor, _ indicators: [Indicator], year: Int) async throws -> [IndicatorYearView] {
        let names = try await req.names(actor)
        let values = try await req.store.indicatorValues(zoneId: actor.zoneId, indicatorIds: indicators.map(\.id))
        let files = indicators.count == 1 ? try await req.store.indicatorEvidence(valueIds: values.map(\.id), zoneId: actor.zoneId) : [:]
        var out: [IndicatorYearView] = []
        for i in indicators {
            let trajectory = try await req.store.indicatorYear(indicatorId: i.id, year: year, zoneId: actor.zoneId)?.trajectory
            var newest: [String: IndicatorValue] = [:]
            for v in values where v.indicatorId == i.id && v.status != .returned { newest[v.periodKey] = v }
            let keys = IndicatorPeriods.keys(year: year, i.frequency)
            let targets = trajectory?.targets(keys: keys) ?? keys.map { ($0, Double.nan) }
            let computed = try await ComputedValues.values(req, actor, i, year: year)
            let points = targets.map { k, t in
                // A computed indicator's actual comes from the product's records; the others from the values entered.
                let actual = i.source == .computed ? computed[k]?.value : newest[k]?.value
                let status = i.source == .computed ? (computed[k] == nil ? "期间未开始" : "系统计算") : newest[k]?.status.chineseName
                var p = IndicatorYearView.Point(key: k, target: t, actual: actual, status: status,
                                                light: actual.flatMap { a in trajectory.map { IndicatorTrack.light(actual: a, expected: t, trajectory: $0, direction: i.direction) } })
                p.evidence = newest[k].map { v in (files[v.id] ?? []).map { ($0.id, $0.filename) } } ?? []
                return p
            }
            out.append(IndicatorYearView(indicator: i, ownerName: names.unit(i.ownerUnitId), trajectory: trajectory,
                                         points: trajectory == nil ? [] : points))
        }
        return out
    }

    @Sendable static func list(_ req: Request) async throws -> Response {
        let actor = try req.actor(.readMatrix)
        let y = year(req)
        let rows = try await views(req, actor, try await req.store.indicators(zoneId: actor.zoneId), year: y)
        return req.html(IndicatorListPage(year: y, rows: rows, canCreate: actor.can(.editMatrix)).render(req.pageContext(current: .indicators)))
    }

    static func page(_ req: Request, id: Int, error: String?, status: HTTPResponseStatus) async throws -> Response {
        let actor = try req.actor(.readMatrix)
        let y = year(req)
        let indicator = try await req.store.indicator(id: id, zoneId: actor.zoneId)
        let view = try await views(req, actor, [indicator], year: y)[0]
        let yearVersion = try await req.store.indicatorYear(indicatorId: id, year: y, zoneId: actor.zoneId)?.version ?? 0
        let pending = try await req.store.indicatorValues(zoneId: actor.zoneId, indicatorIds: [id]).filter { $0.status == .submitted }
        var p = IndicatorPage(view: view, year: y, yearVersion: yearVersion, canSetTarget: actor.can(.editMatrix),
                              canEnter: actor.can(.editMatrix) || (actor.has(.reporter) && actor.unitId == indicator.ownerUnitId),
                              pending: pending.map { .init(id: $0.id, version: $0.version, key: $0.periodKey, value: $0.value, note: $0.note, by: $0.enteredByName) },
                              canReview: actor.can(.editMatrix))
        p.error = error
        p.ranks = PeerRank.moves(try await req.store.peerRanks(indicatorId: id, zoneId: actor.zoneId))
        p.canRank = actor.can(.editMatrix)
        p.definitions = try await req.store.indicatorDefinitions(indicatorId: id, zoneId: actor.zoneId)
        p.canRevise = actor.can(.editMatrix)
        if p.canRevise { p.units = try await req.store.units(zoneId: actor.zoneId).map { ($0.id, $0.name) } }
        p.computedDetails = try await ComputedValues.values(req, actor, indicator, year: y).mapValues(\.detail)
        p.computedRecords = indicator.formula.map { ComputedValues.records($0, year: y) }
        return req.html(p.render(req.pageContext(current: .indicators)), status: status)
    }

    @Sendable static func show(_ req: Request) async throws -> Response {
        try await page(req, id: try req.id(), error: nil, status: .ok)
    }

    static func formPage(_ req: Request, _ actor: Actor, values: [String: String], errors: FormErrors, status: HTTPResponseStatus) async throws -> Response {
        let units = try await req.store.units(zoneId: actor.zoneId)
        let page = FormPage(title: "新增指标", action: SiteURL.indicatorNew.path, fields: [
            .init("code", "指标代码", .text, value: values["code"] ?? ""),
            .init("name", "指标名称", .text, value: values["name"] ?? ""),
            .init("unit", "计量单位", .text, value: values["unit"] ?? ""),
            .init("direction", "方向", .select(options: Indicator.Direction.allCases.map { .init($0.rawValue, $0.chineseName) }, blank: nil), value: values["direction"] ?? "higher"),
            .init("frequency", "统计频次", .select(options: Indicator.Frequency.allCases.map { .init($0.rawValue, $0.chineseName) }, blank: nil), value: values["frequency"] ?? "monthly"),
            .init("source", "数据来源", .select(options: Indicator.Source.allCases.map { .init($0.rawValue, $0.chineseName) }, blank: nil), value: values["source"] ?? "unit"),
            .init("formula", "计算口径（数据来源为系统计算时）", .select(options: ComputedMeasure.allCases.map { .init($0.rawValue, $0.chineseName) }, blank: "—"), value: values["formula"] ?? ""),
            .init("ownerUnitId", "责任单位", .select(options: units.map { .init(String($0.id), $0.name) }, blank: "请选择"), value: values["ownerUnitId"] ?? ""),
            .init("caliber", "统计口径", .textarea, value: values["caliber"] ?? ""),
        ], errors: errors, version: nil, cancel: SiteURL.indicators.path, conflict: false, intro: nil)
        return req.html(page.render(req.pageContext(current: .indicators)), status: status)
    }

    @Sendable static func newForm(_ req: Request) async throws -> Response {
        try await formPage(req, try req.actor(.editMatrix), values: [:], errors: FormErrors(), status: .ok)
    }

    @Sendable static func create(_ req: Request) async throws -> Response {
        let actor = try req.actor(.editMatrix)
        let form = try FormFields.require(req)
        let names = ["code", "name", "unit", "direction", "frequency", "source", "formula", "ownerUnitId", "caliber"]
        let values = names.reduce(into: [String: String]()) { $0[$1] = form.first($1) ?? "" }
        var d = IndicatorDraft()
        d.code = form.text("code"); d.name = form.text("name"); d.unit = form.text("unit"); d.caliber = form.text("caliber")
        d.direction = .init(rawValue: form.text("direction")); d.frequency = .init(rawValue: form.text("frequency")); d.source = .init(rawValue: form.text("source"))
        d.ownerUnitId = Int(form.text("ownerUnitId")); d.formula = ComputedMeasure(rawValue: form.text("formula"))
        do {
            let i = try await req.store.createIndicator(d, actor: actor)
            return req.redirect(to: SiteURL.indicator(i.id).path)
        } catch let StoreError.invalid(e) {
            return try await formPage(req, actor, values: values, errors: FormErrors([names.contains(e.field) ? e.field : "_form": e.message]), status: .unprocessableEntity)
        } catch let StoreError.duplicate(field, message) {
            return try await formPage(req, actor, values: values, errors: FormErrors([field: message]), status: .conflict)
        } catch StoreError.notFound {
            return try await formPage(req, actor, values: values, errors: FormErrors(["ownerUnitId": "请选择责任单位"]), status: .unprocessableEntity)
        }
    }

    @Sendable static func submitValue(_ req: Request) async throws -> Response {
        let actor = try req.actor(.reportOwnTasks)
        let id = try req.id()
        let form = try FormFields.require(req)
        guard let value = SheetText.number(form.text("value")) else { return try await page(req, id: id, error: "数值须为数字：\(form.text("value"))", status: .unprocessableEntity) }
        let period = form.text("period")
        do {
            let files = try EvidenceIntake.accept(form.files["evidence"] ?? [], req)
            _ = try await req.store.submitIndicatorValue(indicatorId: id, periodKey: period, value: value, note: form.text("note"), files: files, actor: actor) { i in
                guard actor.can(.editMatrix) || (actor.has(.reporter) && actor.unitId == i.ownerUnitId) else {
                    throw AppError(.forbidden, "forbidden", "只有责任单位可以填报“\(i.name)”")
                }
            }
        } catch let StoreError.invalid(e) {
            return try await page(req, id: id, error: e.message, status: .unprocessableEntity)
        } catch let StoreError.duplicate(_, message) {
            return try await page(req, id: id, error: message, status: .conflict)
        } catch let e as AppError where e.status == .unprocessableEntity {
            return try await page(req, id: id, error: e.message, status: .unprocessableEntity)
        }
        return req.redirect(to: SiteURL.indicator(id).with([("year", String(period.prefix(4))), ("notice", "saved")]))
    }

    @Sendable static func setYear(_ req: Request) async throws -> Response {
        let actor = try req.actor(.editMatrix)
        let id = try req.id()
        let form = try FormFields.require(req)
        guard let y = Int(form.text("year")), (2000...2100).contains(y), let version = Int(form.text("version")) else { throw AppError.badRequest("缺少年度或版本号") }
        guard let baseline = SheetText.number(form.text("baseline")), let target = SheetText.number(form.text("target")) else {
            return try await page(req, id: id, error: "基数和年度目标须为数字", status: .unprocessableEntity)
        }
        let old = try await req.store.indicatorYear(indicatorId: id, year: y, zoneId: actor.zoneId)?.trajectory
        do {
            try await req.store.setIndicatorYear(indicatorId: id, year: y, Trajectory(baseline: baseline, target: target, interim: old?.interim ?? [:]),
                                                 version: version, actor: actor)
        } catch StoreError.conflict {
            return try await page(req, id: id, error: "基数与目标已被他人修改，未做改动。请查看最新数值后再改。", status: .conflict)
        }
        return req.redirect(to: SiteURL.indicator(id).with([("year", String(y)), ("notice", "saved")]))
    }

    /// 标准体系: a new version of the definition from a month on.
    @Sendable static func revise(_ req: Request) async throws -> Response {
        let actor = try req.actor(.editMatrix)
        let id = try req.id()
        let form = try FormFields.require(req)
        guard let version = Int(form.text("version")) else { throw AppError.badRequest("缺少版本号", field: "version") }
        guard let from = Day(iso: form.text("effectiveFrom")) else { return try await page(req, id: id, error: "请选择生效月份", status: .unprocessableEntity) }
        var d = IndicatorDraft()
        d.name = form.text("name"); d.unit = form.text("unit"); d.caliber = form.text("caliber")
        d.direction = .init(rawValue: form.text("direction")); d.source = .init(rawValue: form.text("source"))
        d.formula = ComputedMeasure(rawValue: form.text("formula")); d.ownerUnitId = Int(form.text("ownerUnitId"))
        do {
            _ = try await req.store.reviseIndicator(id: id, d, effectiveFrom: from, version: version, actor: actor)
        } catch let StoreError.invalid(e) {
            return try await page(req, id: id, error: e.message, status: .unprocessableEntity)
        } catch StoreError.conflict {
            return try await page(req, id: id, error: "指标定义已被他人修订，未做改动。请查看最新定义后再改。", status: .conflict)
        } catch StoreError.notFound(let entity, _) where entity == "unit" {
            return try await page(req, id: id, error: "请选择责任单位", status: .unprocessableEntity)
        }
        return req.redirect(to: SiteURL.indicator(id).with([("year", String(from.year)), ("notice", "saved")]))
    }

    /// 同类排名, entered by the office (from the city's, province's or ministry's published results).
    @Sendable static func setRank(_ req: Request) async throws -> Response {
        let actor = try req.actor(.editMatrix)
        let id = try req.id()
        let form = try FormFields.require(req)
        guard let scope = PeerScope(rawValue: form.text("scope")) else { return try await page(req, id: id, error: "请选择排名范围", status: .unprocessableEntity) }
        guard let rank = Int(form.text("rank")) else { return try await page(req, id: id, error: "名次须为整数", status: .unprocessableEntity) }
        let outOfText = form.text("outOf")
        let outOf = Int(outOfText)
        if !outOfText.isEmpty && outOf == nil { return try await page(req, id: id, error: "参评总数须为整数", status: .unprocessableEntity) }
        let period = form.text("period")
        do {
            try await req.store.setPeerRank(indicatorId: id, PeerRank(periodKey: period, scope: scope, rank: rank, outOf: outOf), actor: actor)
        } catch let StoreError.invalid(e) {
            return try await page(req, id: id, error: e.message, status: .unprocessableEntity)
        }
        return req.redirect(to: SiteURL.indicator(id).with([("year", String(period.prefix(4))), ("notice", "saved")]))
    }

    @Sendable static func review(_ req: Request) async throws -> Response {
        let actor = try req.actor(.editMatrix)
        let form = try FormFields.require(req)
        guard let version = Int(form.text("version")) else { throw AppError.badRequest("缺少版本号", field: "version") }
        let decision = form.text("decision")
        guard decision == "accept" || decision == "return" else { throw AppError.badRequest("审核结论应为确认或退回", field: "decision") }
        do {
            let v = try await req.store.reviewIndicatorValue(id: try req.id(), version: version, accept: decision == "accept", reason: form.text("reason"), actor: actor)
            return req.redirect(to: SiteURL.indicator(v.indicatorId).with([("year", String(v.periodKey.prefix(4))), ("notice", "saved")]))
        } catch StoreError.conflict {
            throw AppError(.conflict, "conflict", "这个数值已被他人审核，未做改动")
        } catch let StoreError.invalid(e) {
            throw AppError(.unprocessableEntity, "invalid", e.message, field: e.field)
        }
    }
}
