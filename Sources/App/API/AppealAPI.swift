import Domain
import Persistence
import Vapor

/// /api/v1 for enterprise appeals (the same scope and rules as the pages: a firm's account sees and rates only its own)
/// and for the policy system (policies and clauses, a clause's matching firms, a firm's claimable clauses).
enum AppealAPI {
    static func register(_ app: RoutesBuilder) {
        let base = ApiController.base
        app.on(.GET, base + "/appeals", .permission(.readAppeals), use: list)
        app.on(.POST, base + "/appeals", .permission(.fileAppeal), use: create)
        app.on(.GET, base + "/appeals/statistics", .permission(.readMatrix), use: statistics)
        app.on(.GET, base + "/appeals/:id", .permission(.readAppeals), use: get)
        app.on(.POST, base + "/appeals/:id/act", .permission(.readAppeals), use: act)
        app.on(.GET, base + "/policies", .permission(.readMatrix), use: policies)
        app.on(.GET, base + "/clauses/:id/matches", .permission(.readMatrix), use: matches)
        app.on(.GET, base + "/enterprises/:id/policies", .permission(.readAppeals), use: firmPolicies)
    }

    struct Page: Encodable { let items: [Appeal]; let total: Int; let limit: Int; let offset: Int }
    struct Detail: Encodable { let appeal: Appeal; let events: [AppealEvent] }
    struct Filed: Encodable { let id: Int; let trackingCode: String }
    struct Body: Decodable {
        let firmName: String?; let creditCode: String?; let contactName: String?; let contactPhone: String?; let category: String?; let channel: String?
        let title: String?; let description: String?
    }
    struct ActBody: Decodable {
        let version: Int; let action: String; let text: String?; let leadUnitId: Int?; let coUnitIds: [Int]?; let satisfaction: String?
    }

    @Sendable static func list(_ req: Request) async throws -> Response {
        let actor = try req.actor(.readAppeals)
        let (limit, offset) = try req.paging()
        let status = try req.queryEnum("status", AppealStatus.self)
        let category = try req.queryEnum("category", AppealCategory.self)
        let f = AppealScope.filter(actor, AppealFilter(status: status, unitId: try req.queryInt("unitId"), category: category,
                                                       overdueOn: req.query[String.self, at: "overdue"] == "true" ? req.today : nil,
                                                       q: req.query[String.self, at: "q"], limit: limit, offset: offset))
        let (items, total) = try await AppealReads.page(req, actor, f)
        return try req.json(Page(items: items, total: total, limit: limit, offset: offset))
    }

    @Sendable static func create(_ req: Request) async throws -> Response {
        let actor = try req.actor(.fileAppeal)
        let b = try req.body(Body.self)
        let firm = AppealScope.isFirm(actor)
        if firm, actor.enterpriseId == nil { throw AppError(.forbidden, "forbidden", "本企业账号尚未关联企业") }
        let fixed = try await AppealController.firmValues(req, actor)
        if let c = b.category, AppealCategory(rawValue: c) == nil {
            throw AppError(.unprocessableEntity, "validation_failed", "category 取值应为 \(AppealCategory.allCases.map(\.rawValue).joined(separator: "、"))", field: "category")
        }
        let channel: AppealChannel = firm ? .account : (b.channel.flatMap(AppealChannel.init(rawValue:)).flatMap { AppealChannel.loggedByOfficials.contains($0) ? $0 : nil } ?? .visit)
        let d = AppealDraft(firmName: fixed["firmName"] ?? b.firmName ?? "", creditCode: fixed["creditCode"] ?? b.creditCode ?? "", contactName: b.contactName ?? "",
                            contactPhone: b.contactPhone ?? "", category: b.category.flatMap(AppealCategory.init(rawValue:)), channel: channel,
                            title: b.title ?? "", description: b.description ?? "")
        let a = try await req.store.fileAppeal(d, enterpriseId: firm ? actor.enterpriseId : nil, files: [], trackingCode: AppealCodes.new(),
                                               by: AppealFiler(actor: actor), today: req.today, calendar: req.calendar)
        return try req.json(Filed(id: a.id, trackingCode: a.trackingCode), status: .created)
    }

    @Sendable static func get(_ req: Request) async throws -> Response {
        let actor = try req.actor(.readAppeals)
        let a = try await req.store.appeal(id: try req.id(), zoneId: actor.zoneId)
        try AppealScope.check(actor, a)
        return try req.json(Detail(appeal: a, events: try await req.store.appealEvents(appealId: a.id, zoneId: actor.zoneId)))
    }

    @Sendable static func act(_ req: Request) async throws -> Response {
        let actor = try req.actor(.readAppeals)
        let a = try await req.store.appeal(id: try req.id(), zoneId: actor.zoneId)
        try AppealScope.check(actor, a)
        let b = try req.body(ActBody.self)
        guard let action = AppealAction(rawValue: b.action) else {
            throw AppError(.unprocessableEntity, "validation_failed", "action 取值应为 \(AppealAction.allCases.map(\.rawValue).joined(separator: "、"))", field: "action")
        }
        guard AppealScope.parties(actor, a).contains(action.party) else {
            throw AppError(.forbidden, "forbidden", action.party.refusal, field: "action")
        }
        if let s = b.satisfaction, Satisfaction(rawValue: s) == nil {
            throw AppError(.unprocessableEntity, "validation_failed", "satisfaction 取值应为 satisfied、fairlySatisfied、dissatisfied", field: "satisfaction")
        }
        let after = try await req.store.actOnAppeal(id: a.id, zoneId: actor.zoneId, version: b.version, action: action, party: action.party,
                                                    step: .init(text: b.text ?? "", leadUnitId: b.leadUnitId, coUnitIds: b.coUnitIds ?? [],
                                                                satisfaction: b.satisfaction.flatMap(Satisfaction.init(rawValue:))),
                                                    actor: actor, actorName: actor.displayName, today: req.today, calendar: req.calendar)
        return try req.json(after)
    }

    struct Figures: Encodable {
        let key: String?; let total: Int; let open: Int; let overdueOpen: Int; let closed: Int; let declined: Int
        let onTimeRate: Double?; let resolutionRate: Double?; let satisfactionRate: Double?; let averageWorkdays: Double?
        init(_ key: String?, _ f: AppealFigures) {
            self.key = key; total = f.total; open = f.open; overdueOpen = f.overdueOpen; closed = f.closed; declined = f.declined
            onTimeRate = f.onTimeRate; resolutionRate = f.resolutionRate; satisfactionRate = f.satisfactionRate; averageWorkdays = f.averageWorkdays
        }
    }
    struct Stats: Encodable { let year: Int; let zone: Figures; let byUnit: [Figures]; let byCategory: [Figures] }

    @Sendable static func statistics(_ req: Request) async throws -> Response {
        let actor = try req.actor(.readMatrix)
        let year = try req.queryInt("year", in: 2000...2100) ?? req.today.year
        let s = try await AppealReads.statistics(req, actor, year: year)
        return try req.json(Stats(year: year, zone: Figures(nil, s.zone),
                                  byUnit: s.byUnit.sorted { ($0.key ?? 0) < ($1.key ?? 0) }.map { Figures($0.key.map(String.init), $0.value) },
                                  byCategory: AppealCategory.allCases.compactMap { c in s.byCategory[c].map { Figures(c.rawValue, $0) } }))
    }

    // MARK: Policies

    struct ClauseItem: Encodable { let id: Int; let number: String; let title: String; let kind: String; let year: Int; let condition: String
        let amountRule: String; let annualBudget: Double?; let qualifying: Int? }
    struct PolicyItem: Encodable { let id: Int; let title: String; let issuer: String; let documentNumber: String; let issuedOn: Day; let clauses: [ClauseItem] }
    struct FirmMatch: Encodable { let enterpriseId: Int; let name: String; let lines: [String]; let missing: [String]; let amount: Double?; let amountExplanation: String }
    struct Matches: Encodable { let clauseId: Int; let qualifying: [FirmMatch]; let near: [FirmMatch] }
    struct ClauseMatch: Encodable { let clauseId: Int; let title: String; let lines: [String]; let missing: [String]; let amount: Double?; let amountExplanation: String }
    struct FirmClaims: Encodable { let enterpriseId: Int; let qualifying: [ClauseMatch]; let near: [ClauseMatch] }

    static func firmMatch(_ f: ClauseFirm) -> FirmMatch {
        FirmMatch(enterpriseId: f.firm.id, name: f.firm.name, lines: f.verdict.lines, missing: f.verdict.missing.map(\.line), amount: f.amount.amount,
                  amountExplanation: f.amount.explanation)
    }

    @Sendable static func policies(_ req: Request) async throws -> Response {
        let actor = try req.actor(.readMatrix)
        let clauses = try await req.store.clauses(zoneId: actor.zoneId)
        let counts = try await PolicyMatching.counts(req, actor, clauses)
        let byPolicy = Dictionary(grouping: clauses, by: \.policyId)
        return try req.json(try await req.store.policies(zoneId: actor.zoneId).map { p in
            PolicyItem(id: p.id, title: p.title, issuer: p.issuer, documentNumber: p.documentNumber, issuedOn: p.issuedOn, clauses: (byPolicy[p.id] ?? []).map {
                ClauseItem(id: $0.id, number: $0.number, title: $0.title, kind: $0.kind.rawValue, year: $0.year, condition: $0.condition,
                           amountRule: $0.amountRule.description, annualBudget: $0.annualBudget, qualifying: counts[$0.id])
            })
        })
    }

    @Sendable static func matches(_ req: Request) async throws -> Response {
        let actor = try req.actor(.readMatrix)
        let c = try await req.store.clause(id: try req.id(), zoneId: actor.zoneId)
        let (q, n) = try await PolicyMatching.clause(req, actor, c)
        return try req.json(Matches(clauseId: c.id, qualifying: q.map(firmMatch), near: n.map(firmMatch)))
    }

    @Sendable static func firmPolicies(_ req: Request) async throws -> Response {
        let actor = try req.actor(.readAppeals)
        let id = try req.id()
        guard actor.can(.readMatrix) || actor.enterpriseId == id else { throw AppError(.notFound, "not_found", "没有这家企业") }
        _ = try await req.store.enterprise(id: id, zoneId: actor.zoneId)
        let (q, n) = try await PolicyMatching.firm(req, actor, firmId: id, clauses: try await req.store.clauses(zoneId: actor.zoneId))
        func item(_ c: PolicyClause, _ f: ClauseFirm) -> ClauseMatch {
            ClauseMatch(clauseId: c.id, title: "\(c.number) \(c.title)", lines: f.verdict.lines, missing: f.verdict.missing.map(\.line), amount: f.amount.amount,
                        amountExplanation: f.amount.explanation)
        }
        return try req.json(FirmClaims(enterpriseId: id, qualifying: q.map { item($0.0, $0.1) }, near: n.map { item($0.0, $0.1) }))
    }
}
