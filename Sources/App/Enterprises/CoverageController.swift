import Domain
import Persistence
import Vapor
import Views

/// 研发机构全覆盖 and 专利清零: the two coverage rates over the registry, and the firms not yet covered with who serves
/// them; the same figures the computed indicators read.
enum CoverageController {
    static func register(_ app: RoutesBuilder) {
        app.on(.GET, SiteURL.enterpriseCoverage.path, .permission(.readMatrix), use: show)
        app.on(.POST, "/enterprises/:id/rd-centers", .permission(.editMatrix), use: addCenter)
    }

    static func firms(store: Store, zoneId: Int) async throws -> [(enterprise: Enterprise, years: [EnterpriseYear], centers: [RDCenter])] {
        async let records = store.enterpriseRecords(zoneId: zoneId)
        async let centers = store.rdCenters(zoneId: zoneId)
        let (r, c) = try await (records, centers)
        return r.map { ($0.enterprise, $0.years, c[$0.enterprise.id] ?? []) }
    }

    @Sendable static func show(_ req: Request) async throws -> Response {
        let actor = try req.actor(.readMatrix)
        let year = try req.queryInt("year", in: 2000...2100) ?? (req.today.year - 1)
        let list = try await firms(store: req.store, zoneId: actor.zoneId)
        let unitName = Dictionary(uniqueKeysWithValues: try await req.store.units(zoneId: actor.zoneId, includeArchived: true).map { ($0.id, $0.name) })
        let byId = Dictionary(uniqueKeysWithValues: list.map { ($0.enterprise.id, $0.enterprise) })
        func rows(_ ids: [Int]) -> [CoveragePage.Firm] {
            ids.compactMap { byId[$0] }.map { .init(id: $0.id, name: $0.name, chain: $0.chain, servingUnit: $0.servingUnitId.flatMap { unitName[$0] } ?? "未包联",
                                                     official: $0.visitingOfficial) }
        }
        let rd = Coverage.rdCenters(list, year: year, end: Day(year: year, month: 12, day: 31)!)
        let pt = Coverage.patents(list.map { ($0.enterprise, $0.years) }, year: year)
        let page = CoveragePage(year: year, sections: [
            .init(title: "研发机构全覆盖", group: "规上工业企业", what: "建有研发机构", covered: rd.covered.count, missing: rows(rd.uncovered), unknown: []),
            .init(title: "专利清零", group: "规上制造业企业", what: "拥有有效专利", covered: pt.covered.count, missing: rows(pt.uncovered), unknown: rows(pt.unknown)),
        ])
        return req.html(page.render(req.pageContext(current: .enterprises)))
    }

    @Sendable static func addCenter(_ req: Request) async throws -> Response {
        let actor = try req.actor(.editMatrix)
        let id = try req.id()
        let form = try FormFields.require(req)
        guard let level = RDCenter.Level(rawValue: form.text("level")) else { return try await EnterpriseController.page(req, id: id, error: "请选择研发机构级别", status: .unprocessableEntity) }
        guard let day = Day(iso: form.text("recognizedOn")) else { return try await EnterpriseController.page(req, id: id, error: "请填写认定（建立）日期", status: .unprocessableEntity) }
        do {
            try await req.store.addRDCenter(enterpriseId: id, RDCenter(name: form.text("name"), level: level, recognizedOn: day), actor: actor)
        } catch let StoreError.invalid(e) {
            return try await EnterpriseController.page(req, id: id, error: e.message, status: .unprocessableEntity)
        }
        return req.redirect(to: SiteURL.enterprise(id).with([("notice", "saved")]))
    }
}
