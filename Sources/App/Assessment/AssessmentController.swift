import Domain
import Persistence
import Spreadsheet
import Vapor
import Views

/// 考核: schemes (the office defines them), the what-if preview, publishing (frozen, versioned), marks, the league
/// table (亮晒比) every unit sees, and scorecards — a unit's reporter sees only its own.
enum AssessmentController {
    static func register(_ app: RoutesBuilder) {
        app.on(.GET, SiteURL.assessment.path, .permission(.readMatrix), use: list)
        app.on(.POST, SiteURL.assessment.path, .permission(.editMatrix), use: create)
        app.on(.GET, "/assessment/schemes/:id", .permission(.readMatrix), use: show)
        app.on(.POST, "/assessment/schemes/:id", .permission(.editMatrix), use: save)
        app.on(.POST, "/assessment/schemes/:id/preview", .permission(.editMatrix), use: preview)
        app.on(.POST, "/assessment/schemes/:id/publish", .permission(.editMatrix), use: publish)
        app.on(.GET, "/assessment/schemes/:id/marks", .permission(.readMatrix), use: marks)
        app.on(.POST, "/assessment/schemes/:id/marks", .permission(.editMatrix), use: addMark)
        app.on(.POST, "/assessment/schemes/:id/marks/:mark/withdraw", .permission(.editMatrix), use: withdrawMark)
        app.on(.GET, "/assessment/schemes/:id/league", .permission(.readMatrix), use: league)
        app.on(.GET, "/assessment/schemes/:id/league.xlsx", .permission(.readMatrix), use: leagueXLSX)
        app.on(.GET, "/assessment/schemes/:id/units/:unit", .permission(.readMatrix), use: scorecard)
    }

    /// The office, leaders and observers see every unit's detail; a unit's reporter its own.
    static func seesAll(_ actor: Actor) -> Bool { actor.can(.editMatrix) || actor.has(.leader) || actor.has(.observer) }

    static func requireSeesAll(_ actor: Actor) throws {
        guard seesAll(actor) else { throw AppError(.forbidden, "forbidden", "方案设置与试算仅督查室和领导可见；本单位得分请看亮晒比") }
    }

    // MARK: - Schemes

    @Sendable static func list(_ req: Request) async throws -> Response {
        try await listPage(req, error: nil, values: [:], status: .ok)
    }

    static func listPage(_ req: Request, error: String?, values: [String: String], status: HTTPResponseStatus) async throws -> Response {
        let actor = try req.actor(.readMatrix)
        var rows: [SchemeListPage.Row] = []
        for s in try await req.store.schemes(zoneId: actor.zoneId) {
            let latest = try await req.store.results(schemeId: s.id, zoneId: actor.zoneId).first?.resultVersion
            rows.append(.init(id: s.id, period: s.period, category: s.category, name: s.name, version: s.version, items: s.definition.items.count, published: latest))
        }
        var page = SchemeListPage(rows: rows, canEdit: actor.can(.editMatrix), year: req.today.year)
        page.error = error
        page.values = values
        return req.html(page.render(req.pageContext(current: .assessment)), status: status)
    }

    @Sendable static func create(_ req: Request) async throws -> Response {
        let actor = try req.actor(.editMatrix)
        let form = try FormFields.require(req)
        let values = ["period": form.text("period"), "category": form.text("category"), "name": form.text("name")]
        guard let period = AssessmentPeriod(key: form.text("period")) else {
            return try await listPage(req, error: "请选择考核期间", values: values, status: .unprocessableEntity)
        }
        guard let category = OrgUnit.Kind(rawValue: form.text("category")) else {
            return try await listPage(req, error: "请选择单位类别", values: values, status: .unprocessableEntity)
        }
        let name = form.text("name").isEmpty ? "\(period.label)\(category.chineseName)考核方案" : form.text("name")
        do {
            let s = try await req.store.createScheme(period: period, category: category, name: name, definition: .template, actor: actor)
            return req.redirect(to: SiteURL.assessmentScheme(s.id).path)
        } catch let StoreError.invalid(e) {
            return try await listPage(req, error: e.message, values: values, status: .unprocessableEntity)
        } catch let StoreError.duplicate(_, message) {
            return try await listPage(req, error: message, values: values, status: .conflict)
        }
    }

    /// The scheme page with `definition` in the editor and its preview over today's data.
    static func schemePage(_ req: Request, _ actor: Actor, _ s: StoredScheme, definition: AssessmentScheme, whatIf: Bool,
                           error: String?, status: HTTPResponseStatus) async throws -> Response {
        let indicators = try await req.store.indicators(zoneId: actor.zoneId).map { ($0.id, $0.name) }
        var page = SchemePage(id: s.id, name: s.name, period: s.period, category: s.category, version: s.version, definition: definition,
                              indicators: indicators, canEdit: actor.can(.editMatrix), asOf: req.today)
        page.whatIf = whatIf
        page.error = error
        let results = try await req.store.results(schemeId: s.id, zoneId: actor.zoneId)
        page.published = results.map { .init(version: $0.resultVersion, schemeVersion: $0.schemeVersion, at: $0.publishedAt, by: $0.publishedByName,
                                              note: $0.note, changes: $0.changes.count) }
        page.versions = try await req.store.schemeVersions(schemeId: s.id, zoneId: actor.zoneId).map { ($0.version, $0.savedAt, $0.savedByName) }
        let latest = try await req.store.result(schemeId: s.id, zoneId: actor.zoneId)
        let before = Dictionary((latest?.snapshot?.result.scorecards ?? []).map { ($0.unitId, $0) }, uniquingKeysWith: { a, _ in a })
        do {
            let (_, result) = try await AssessmentReads.compute(req, actor: actor, scheme: s, definition: definition)
            page.preview = result.scorecards.map {
                .init(unitId: $0.unitId, unitName: $0.unitName, rank: $0.rank, total: $0.total, grade: $0.grade, gradeNote: $0.gradeNote,
                      publishedRank: before[$0.unitId]?.rank)
            }
            page.previewNotes = result.notes
            page.itemPoints = result.itemPoints
            page.consistencyRatio = result.consistencyRatio
        } catch let e as ValidationError {
            page.previewError = e.message
        }
        return req.html(page.render(req.pageContext(current: .assessment)), status: status)
    }

    @Sendable static func show(_ req: Request) async throws -> Response {
        let actor = try req.actor(.readMatrix)
        try requireSeesAll(actor)
        let s = try await req.store.scheme(id: try req.id(), zoneId: actor.zoneId)
        return try await schemePage(req, actor, s, definition: s.definition, whatIf: false, error: nil, status: .ok)
    }

    @Sendable static func save(_ req: Request) async throws -> Response {
        let actor = try req.actor(.editMatrix)
        let s = try await req.store.scheme(id: try req.id(), zoneId: actor.zoneId)
        let form = try FormFields.require(req)
        guard let version = Int(form.text("version")) else { throw AppError.badRequest("缺少版本号", field: "version") }
        let definition: AssessmentScheme
        do { definition = try SchemeForm.parse(form) } catch let e as ValidationError {
            return try await schemePage(req, actor, s, definition: s.definition, whatIf: false, error: e.message, status: .unprocessableEntity)
        }
        do {
            _ = try await req.store.saveScheme(id: s.id, definition: definition, version: version, actor: actor)
        } catch let StoreError.invalid(e) {
            return try await schemePage(req, actor, s, definition: definition, whatIf: true, error: "未保存：\(e.message)", status: .unprocessableEntity)
        } catch StoreError.conflict {
            return try await schemePage(req, actor, s, definition: definition, whatIf: true,
                                        error: "方案已被他人修改并保存为第\(s.version)版，您的修改未保存。下方是您填写的内容，请对照最新版本后再保存。", status: .conflict)
        }
        return req.redirect(to: SiteURL.assessmentScheme(s.id).with([("notice", "saved")]))
    }

    /// What-if: the edited definition computed over today's data, not saved.
    @Sendable static func preview(_ req: Request) async throws -> Response {
        let actor = try req.actor(.editMatrix)
        let s = try await req.store.scheme(id: try req.id(), zoneId: actor.zoneId)
        let form = try FormFields.require(req)
        do {
            let definition = try SchemeForm.parse(form)
            return try await schemePage(req, actor, s, definition: definition, whatIf: true, error: nil, status: .ok)
        } catch let e as ValidationError {
            return try await schemePage(req, actor, s, definition: s.definition, whatIf: false, error: e.message, status: .unprocessableEntity)
        }
    }

    @Sendable static func publish(_ req: Request) async throws -> Response {
        let actor = try req.actor(.editMatrix)
        let s = try await req.store.scheme(id: try req.id(), zoneId: actor.zoneId)
        let form = try FormFields.require(req)
        guard let version = Int(form.text("version")), let after = Int(form.text("after")) else { throw AppError.badRequest("缺少版本号", field: "version") }
        do {
            let (data, result) = try await AssessmentReads.compute(req, actor: actor, scheme: s, definition: s.definition)
            _ = try await req.store.publishResult(schemeId: s.id, schemeVersion: version, after: after,
                                                  snapshot: ResultSnapshot(scheme: s.definition, data: data, result: result, asOf: req.today),
                                                  note: form.text("note"), actor: actor)
        } catch let e as ValidationError {
            return try await schemePage(req, actor, s, definition: s.definition, whatIf: false, error: "未发布：\(e.message)", status: .unprocessableEntity)
        } catch let StoreError.invalid(e) {
            return try await schemePage(req, actor, s, definition: s.definition, whatIf: false, error: "未发布：\(e.message)", status: .unprocessableEntity)
        } catch StoreError.conflict(let entity, _, _) {
            let message = entity == "assessment_scheme" ? "方案已被他人修改，未发布。请查看最新方案后再发布。" : "他人刚刚发布了新版本结果，未重复发布。请查看最新结果。"
            return try await schemePage(req, actor, s, definition: s.definition, whatIf: false, error: message, status: .conflict)
        }
        return req.redirect(to: SiteURL.assessmentLeague(s.id).path)
    }

    // MARK: - Marks

    static func marksPage(_ req: Request, _ actor: Actor, _ s: StoredScheme, error: String?, values: [String: String], status: HTTPResponseStatus) async throws -> Response {
        let units = try await req.store.units(zoneId: actor.zoneId).filter { $0.kind == s.category }
        let unitName = Dictionary(uniqueKeysWithValues: units.map { ($0.id, $0.name) })
        let d = s.definition
        var targets: [(String, String)] = d.items.filter { $0.source == .review || $0.source == .manual }
            .map { ("\($0.source == .review ? "review" : "manual"):\($0.key)", "\($0.source == .review ? "评议" : "数据")：\($0.name)") }
        targets += d.adjustments.map { ("\($0.kind.rawValue):\($0.key)", "\($0.kind.chineseName)：\($0.name)（本项封顶\(formatNumber($0.cap))分）") }
        targets += d.vetoes.map { ("veto:\($0.key)", "一票否决：\($0.name)") }
        let labels = Dictionary(uniqueKeysWithValues: targets.map { ($0.0, $0.1) })
        let rows = try await req.store.marks(schemeId: s.id, zoneId: actor.zoneId).map {
            MarksPage.Row(id: $0.id, unit: unitName[$0.unitId] ?? "单位\($0.unitId)", kind: $0.kind.chineseName,
                          item: labels["\($0.kind.rawValue):\($0.key)"] ?? $0.key, points: $0.points, reason: $0.reason, by: $0.enteredByName,
                          at: $0.enteredAt, afterPublication: $0.afterPublication)
        }
        var page = MarksPage(schemeId: s.id, schemeName: s.name, rows: rows, units: units.map { ($0.id, $0.name) }, targets: targets, canEdit: actor.can(.editMatrix))
        page.error = error
        page.values = values
        return req.html(page.render(req.pageContext(current: .assessment)), status: status)
    }

    @Sendable static func marks(_ req: Request) async throws -> Response {
        let actor = try req.actor(.readMatrix)
        try requireSeesAll(actor)
        let s = try await req.store.scheme(id: try req.id(), zoneId: actor.zoneId)
        return try await marksPage(req, actor, s, error: nil, values: [:], status: .ok)
    }

    @Sendable static func addMark(_ req: Request) async throws -> Response {
        let actor = try req.actor(.editMatrix)
        let s = try await req.store.scheme(id: try req.id(), zoneId: actor.zoneId)
        let form = try FormFields.require(req)
        let values = ["unitId": form.text("unitId"), "target": form.text("target"), "points": form.text("points"), "reason": form.text("reason")]
        let target = form.text("target").split(separator: ":", maxSplits: 1).map(String.init)
        let pointsText = form.text("points")
        let points = Double(pointsText)
        if !pointsText.isEmpty && points == nil {
            return try await marksPage(req, actor, s, error: "分值须为数字：\(pointsText)", values: values, status: .unprocessableEntity)
        }
        let draft = MarkDraft(unitId: Int(form.text("unitId")), kind: target.count == 2 ? .init(rawValue: target[0]) : nil,
                              key: target.count == 2 ? target[1] : nil, points: points, reason: form.text("reason"))
        do {
            _ = try await req.store.addMark(schemeId: s.id, draft, actor: actor)
        } catch let StoreError.invalid(e) {
            return try await marksPage(req, actor, s, error: e.message, values: values, status: .unprocessableEntity)
        } catch StoreError.notFound(let entity, _) where entity == "unit" {
            return try await marksPage(req, actor, s, error: "请选择单位", values: values, status: .unprocessableEntity)
        }
        return req.redirect(to: SiteURL.assessmentMarks(s.id).with([("notice", "saved")]))
    }

    @Sendable static func withdrawMark(_ req: Request) async throws -> Response {
        let actor = try req.actor(.editMatrix)
        let s = try await req.store.scheme(id: try req.id(), zoneId: actor.zoneId)
        try await req.store.withdrawMark(id: try req.id("mark"), schemeId: s.id, actor: actor)
        return req.redirect(to: SiteURL.assessmentMarks(s.id).with([("notice", "saved")]))
    }

    // MARK: - League table and scorecards

    /// The published version `?v=` (latest when absent), or 404 when that version does not exist.
    static func published(_ req: Request, _ actor: Actor, _ s: StoredScheme) async throws -> PublishedResult? {
        let v = req.query[String.self, at: "v"]
        if let v, Int(v) == nil { throw AppError(.notFound, "not_found", "结果版本无效：\(v)") }
        let r = try await req.store.result(schemeId: s.id, zoneId: actor.zoneId, version: v.flatMap(Int.init))
        if v != nil && r == nil { throw AppError(.notFound, "not_found", "没有第\(v!)版结果") }
        return r
    }

    @Sendable static func league(_ req: Request) async throws -> Response {
        let actor = try req.actor(.readMatrix)
        let s = try await req.store.scheme(id: try req.id(), zoneId: actor.zoneId)
        let r = try await published(req, actor, s)
        let versions = try await req.store.results(schemeId: s.id, zoneId: actor.zoneId).map(\.resultVersion)
        var previous: [Int: Int] = [:]
        if let r, r.resultVersion > 1, let p = try await req.store.result(schemeId: s.id, zoneId: actor.zoneId, version: r.resultVersion - 1) {
            previous = Dictionary((p.snapshot?.result.scorecards ?? []).map { ($0.unitId, $0.rank) }, uniquingKeysWith: { a, _ in a })
        }
        let page = LeagueTablePage(schemeId: s.id, name: s.name, period: s.period, category: s.category,
                                   result: r.flatMap { r in r.snapshot.map { .init(version: r.resultVersion, schemeVersion: r.schemeVersion, at: r.publishedAt, by: r.publishedByName,
                                                                              note: r.note, asOf: $0.asOf, scheme: $0.scheme, cards: $0.result.scorecards, changes: r.changes) } },
                                   versions: versions, previousRanks: previous, openable: seesAll(actor) ? nil : Set(actor.unitId.map { [$0] } ?? []))
        return req.html(page.render(req.pageContext(current: .assessment)))
    }

    @Sendable static func leagueXLSX(_ req: Request) async throws -> Response {
        let actor = try req.actor(.readMatrix)
        let s = try await req.store.scheme(id: try req.id(), zoneId: actor.zoneId)
        guard let r = try await published(req, actor, s), let snap = r.snapshot else { throw AppError(.notFound, "not_found", "结果尚未发布") }
        let cards = seesAll(actor) ? snap.result.scorecards : snap.result.scorecards.filter { $0.unitId == actor.unitId }
        let book = AssessmentWorkbook.league(name: s.name, period: s.period, version: r.resultVersion, snapshot: snap, detail: cards)
        return try Response.xlsx(book, filename: "\(s.name)_第\(r.resultVersion)版.xlsx")
    }

    /// A unit's scorecard: a published version (`?v=`, latest by default), or `?preview=1` computed now (office and leaders).
    /// The path's last part may end in ".xlsx" for the Excel file.
    @Sendable static func scorecard(_ req: Request) async throws -> Response {
        let actor = try req.actor(.readMatrix)
        let s = try await req.store.scheme(id: try req.id(), zoneId: actor.zoneId)
        let raw = req.parameters.get("unit") ?? ""
        let wantsExcel = raw.hasSuffix(".xlsx")
        guard let unitId = Int(wantsExcel ? String(raw.dropLast(5)) : raw), unitId > 0 else { throw AppError(.notFound, "not_found", "编号无效：\(raw)") }
        guard seesAll(actor) || actor.unitId == unitId else { throw AppError(.forbidden, "forbidden", "只能查看本单位的考核得分明细") }
        let card: Scorecard, count: Int, source: String, asOf: Day
        var xlsx: String?
        if req.query[String.self, at: "preview"] == "1" {
            try requireSeesAll(actor)
            let (_, result) = try await AssessmentReads.compute(req, actor: actor, scheme: s, definition: s.definition)
            guard let c = result.scorecards.first(where: { $0.unitId == unitId }) else { throw AppError(.notFound, "not_found", "该单位不在本方案的考核范围内") }
            card = c; count = result.scorecards.count; source = "试算（未发布，按方案第\(s.version)版和当前数据）"; asOf = req.today
        } else {
            guard let r = try await published(req, actor, s), let snap = r.snapshot else { throw AppError(.notFound, "not_found", "结果尚未发布；督查室可查看试算") }
            guard let c = snap.result.scorecards.first(where: { $0.unitId == unitId }) else { throw AppError(.notFound, "not_found", "该单位不在本版结果中") }
            card = c; count = snap.result.scorecards.count; source = "第\(r.resultVersion)版结果（\(UI.beijingTime(r.publishedAt))发布）"; asOf = snap.asOf
            xlsx = SiteURL.assessmentScorecardXLSX(s.id, unitId).with([("v", String(r.resultVersion))])
            if wantsExcel {
                let book = AssessmentWorkbook.league(name: s.name, period: s.period, version: r.resultVersion, snapshot: snap, detail: [c], leagueSheet: false)
                return try Response.xlsx(book, filename: "\(c.unitName)_\(s.name)_第\(r.resultVersion)版.xlsx")
            }
        }
        let page = ScorecardPage(schemeId: s.id, schemeName: s.name, period: s.period, card: card, units: count, source: source, asOf: asOf, xlsxURL: xlsx)
        return req.html(page.render(req.pageContext(current: .assessment)))
    }
}
