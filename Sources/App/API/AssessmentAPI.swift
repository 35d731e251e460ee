import Domain
import Persistence
import Vapor

/// /api/v1 for assessment: schemes (read, save a new version), the what-if preview, publishing, published results,
/// and marks. Same rules and messages as the pages; a unit's reporter reads only published results of its own unit.
enum AssessmentAPI {
    static func register(_ app: RoutesBuilder) {
        let base = ApiController.base + "/assessment/schemes"
        app.on(.GET, base, .permission(.readMatrix), use: schemes)
        app.on(.POST, base, .permission(.editMatrix), use: create)
        app.on(.GET, base + "/:id", .permission(.readMatrix), use: scheme)
        app.on(.PUT, base + "/:id", .permission(.editMatrix), use: save)
        app.on(.POST, base + "/:id/preview", .permission(.editMatrix), use: preview)
        app.on(.POST, base + "/:id/publish", .permission(.editMatrix), use: publish)
        app.on(.GET, base + "/:id/result", .permission(.readMatrix), use: result)
        app.on(.POST, base + "/:id/marks", .permission(.editMatrix), use: addMark)
    }

    struct SchemeDTO: Encodable {
        let id: Int, period: String, category: String, name: String, version: Int, definition: AssessmentScheme?
        init(_ s: StoredScheme, full: Bool) {
            id = s.id; period = s.period.key; category = s.category.rawValue; name = s.name; version = s.version; definition = full ? s.definition : nil
        }
    }
    struct ResultDTO: Encodable {
        let resultVersion: Int, schemeVersion: Int, publishedAt: String, publishedByName: String, note: String, asOf: Day?
        let scorecards: [Scorecard], notes: [String], changes: [ResultChange]
    }
    struct CreateBody: Decodable { let period: String; let category: String; let name: String?; let definition: AssessmentScheme? }
    struct SaveBody: Decodable { let version: Int; let definition: AssessmentScheme }
    struct PreviewBody: Decodable { let definition: AssessmentScheme? }
    struct PublishBody: Decodable { let version: Int; let after: Int; let note: String? }
    struct MarkBody: Decodable { let unitId: Int; let kind: String; let key: String; let points: Double?; let reason: String }

    @Sendable static func schemes(_ req: Request) async throws -> Response {
        let actor = try req.actor(.readMatrix)
        return try req.json(try await req.store.schemes(zoneId: actor.zoneId).map { SchemeDTO($0, full: false) })
    }

    /// A new scheme for a period ("2026-Q2" or "2026") and unit category, from `definition` or the template.
    @Sendable static func create(_ req: Request) async throws -> Response {
        let actor = try req.actor(.editMatrix)
        let b = try req.body(CreateBody.self)
        guard let period = AssessmentPeriod(key: b.period) else {
            throw AppError(.unprocessableEntity, "validation_failed", "期间须为“2026-Q2”或“2026”的形式", field: "period")
        }
        guard let category = OrgUnit.Kind(rawValue: b.category) else {
            throw AppError(.unprocessableEntity, "validation_failed", "单位类别须为department、subdistrict或platform", field: "category")
        }
        let s = try await req.store.createScheme(period: period, category: category, name: b.name ?? "\(period.label)\(category.chineseName)考核方案",
                                                 definition: b.definition ?? .template, actor: actor)
        return try req.json(SchemeDTO(s, full: true), status: .created)
    }

    @Sendable static func scheme(_ req: Request) async throws -> Response {
        let actor = try req.actor(.readMatrix)
        try AssessmentController.requireSeesAll(actor)
        return try req.json(SchemeDTO(try await req.store.scheme(id: try req.id(), zoneId: actor.zoneId), full: true))
    }

    @Sendable static func save(_ req: Request) async throws -> Response {
        let actor = try req.actor(.editMatrix)
        let b = try req.body(SaveBody.self)
        return try req.json(SchemeDTO(try await req.store.saveScheme(id: try req.id(), definition: b.definition, version: b.version, actor: actor), full: true))
    }

    /// The saved definition, or the one in the body (what-if), computed over today's data; nothing is stored.
    @Sendable static func preview(_ req: Request) async throws -> Response {
        let actor = try req.actor(.editMatrix)
        let s = try await req.store.scheme(id: try req.id(), zoneId: actor.zoneId)
        let body = req.body.data.map { $0.readableBytes > 0 } == true ? try req.body(PreviewBody.self) : PreviewBody(definition: nil)
        return try req.json(try await AssessmentReads.compute(req, actor: actor, scheme: s, definition: body.definition ?? s.definition).result)
    }

    @Sendable static func publish(_ req: Request) async throws -> Response {
        let actor = try req.actor(.editMatrix)
        let s = try await req.store.scheme(id: try req.id(), zoneId: actor.zoneId)
        let b = try req.body(PublishBody.self)
        let (data, result) = try await AssessmentReads.compute(req, actor: actor, scheme: s, definition: s.definition)
        let r = try await req.store.publishResult(schemeId: s.id, schemeVersion: b.version, after: b.after,
                                                  snapshot: ResultSnapshot(scheme: s.definition, data: data, result: result, asOf: req.today), note: b.note ?? "", actor: actor)
        return try req.json(dto(r, unitId: nil), status: .created)
    }

    static func dto(_ r: PublishedResult, unitId: Int?) -> ResultDTO {
        let cards = (r.snapshot?.result.scorecards ?? []).filter { unitId == nil || $0.unitId == unitId }
        return ResultDTO(resultVersion: r.resultVersion, schemeVersion: r.schemeVersion, publishedAt: r.publishedAt, publishedByName: r.publishedByName,
                         note: r.note, asOf: r.snapshot?.asOf, scorecards: cards, notes: unitId == nil ? (r.snapshot?.result.notes ?? []) : [], changes: r.changes)
    }

    /// The latest published result (or `?version=`); a unit's reporter gets its own scorecard only.
    @Sendable static func result(_ req: Request) async throws -> Response {
        let actor = try req.actor(.readMatrix)
        let s = try await req.store.scheme(id: try req.id(), zoneId: actor.zoneId)
        let version = try req.queryInt("version", in: 1...1_000_000)
        guard let r = try await req.store.result(schemeId: s.id, zoneId: actor.zoneId, version: version) else {
            throw AppError(.notFound, "not_found", version == nil ? "结果尚未发布" : "没有第\(version!)版结果")
        }
        let seesAll = AssessmentController.seesAll(actor)
        return try req.json(dto(r, unitId: seesAll ? nil : (actor.unitId ?? -1)))
    }

    @Sendable static func addMark(_ req: Request) async throws -> Response {
        let actor = try req.actor(.editMatrix)
        let b = try req.body(MarkBody.self)
        guard let kind = AssessmentMeasures.MarkFact.Kind(rawValue: b.kind) else {
            throw AppError(.unprocessableEntity, "validation_failed", "kind须为review、manual、bonus、deduction或veto", field: "kind")
        }
        do {
            let m = try await req.store.addMark(schemeId: try req.id(), MarkDraft(unitId: b.unitId, kind: kind, key: b.key, points: b.points, reason: b.reason), actor: actor)
            struct MarkDTO: Encodable { let id: Int, unitId: Int, kind: String, key: String, points: Double?, reason: String, enteredByName: String, enteredAt: String, afterPublication: Bool }
            return try req.json(MarkDTO(id: m.id, unitId: m.unitId, kind: m.kind.rawValue, key: m.key, points: m.points, reason: m.reason,
                                        enteredByName: m.enteredByName, enteredAt: m.enteredAt, afterPublication: m.afterPublication), status: .created)
        } catch StoreError.notFound(let entity, _) where entity == "unit" {
            throw AppError(.unprocessableEntity, "validation_failed", "单位不存在", field: "unitId")
        }
    }
}
