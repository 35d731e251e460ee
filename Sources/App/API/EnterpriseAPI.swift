import Domain
import Persistence
import Vapor

/// /api/v1 for the registry (search as you type, a record, registering) and an indicator's year of values (entered
/// or computed).
enum EnterpriseAPI {
    static func register(_ app: RoutesBuilder) {
        let base = ApiController.base
        app.on(.GET, base + "/enterprises", .permission(.readMatrix), use: list)
        app.on(.POST, base + "/enterprises", .permission(.editMatrix), use: create)
        app.on(.GET, base + "/enterprises/:id", .permission(.readMatrix), use: get)
        app.on(.GET, base + "/indicators", .permission(.readMatrix), use: indicators)
        app.on(.GET, base + "/indicators/:id/values", .permission(.readMatrix), use: values)
    }

    struct Item: Encodable {
        let id: Int, creditCode: String, name: String, chain: String, industryCode: String, servingUnitId: Int?, tiers: [String]
        let year: EnterpriseYear?
    }
    struct Page: Encodable { let items: [Item]; let total: Int; let limit: Int; let offset: Int }
    struct Record: Encodable { let enterprise: Enterprise; let years: [EnterpriseYear]; let tiers: [EnterpriseTier] }
    struct Created: Encodable { let id: Int }
    struct Value: Encodable { let period: String; let target: Double?; let actual: Double?; let status: String?; let detail: String? }

    @Sendable static func list(_ req: Request) async throws -> Response {
        let actor = try req.actor(.readMatrix)
        var (f, _) = try EnterpriseController.filter(req)
        let (limit, offset) = try req.paging()
        f.limit = limit; f.offset = offset
        let (items, total) = try await req.store.enterprises(zoneId: actor.zoneId, f, asOf: req.today)
        return try req.json(Page(items: items.map { Item(id: $0.enterprise.id, creditCode: $0.enterprise.creditCode, name: $0.enterprise.name, chain: $0.enterprise.chain,
                                                          industryCode: $0.enterprise.industryCode, servingUnitId: $0.enterprise.servingUnitId,
                                                          tiers: $0.tiers.map(\.rawValue), year: $0.year) },
                                 total: total, limit: limit, offset: offset))
    }

    @Sendable static func get(_ req: Request) async throws -> Response {
        let actor = try req.actor(.readMatrix)
        let r = try await req.store.enterprise(id: try req.id(), zoneId: actor.zoneId)
        return try req.json(Record(enterprise: r.enterprise, years: r.years, tiers: r.tiers.map(\.tier)))
    }

    @Sendable static func create(_ req: Request) async throws -> Response {
        let actor = try req.actor(.editMatrix)
        let d = try req.body(EnterpriseDraft.self)
        return try req.json(Created(id: try await req.store.createEnterprise(d, today: req.today, actor: actor)), status: .created)
    }

    struct IndicatorItem: Encodable { let id: Int, code: String, name: String, unit: String, frequency: String, source: String, formula: String? }

    @Sendable static func indicators(_ req: Request) async throws -> Response {
        let actor = try req.actor(.readMatrix)
        return try req.json(try await req.store.indicators(zoneId: actor.zoneId).map {
            IndicatorItem(id: $0.id, code: $0.code, name: $0.name, unit: $0.unit, frequency: $0.frequency.rawValue, source: $0.source.rawValue, formula: $0.formula?.rawValue)
        })
    }

    /// The year's periods: target, actual (entered or computed), its status, and for computed ones the arithmetic.
    @Sendable static func values(_ req: Request) async throws -> Response {
        let actor = try req.actor(.readMatrix)
        let year = try req.queryInt("year", in: 2000...2100) ?? req.today.year
        let indicator = try await req.store.indicator(id: try req.id(), zoneId: actor.zoneId)
        let view = try await IndicatorController.views(req, actor, [indicator], year: year)[0]
        let computed = try await ComputedValues.values(req, actor, indicator, year: year)
        let keys = IndicatorPeriods.keys(year: year, indicator.frequency)
        let points = Dictionary(uniqueKeysWithValues: view.points.map { ($0.key, $0) })
        return try req.json(keys.map { k in
            Value(period: k, target: points[k].map(\.target).flatMap { $0.isFinite ? $0 : nil },
                  actual: indicator.source == .computed ? computed[k]?.value : points[k]?.actual, status: points[k]?.status, detail: computed[k]?.detail)
        })
    }
}
