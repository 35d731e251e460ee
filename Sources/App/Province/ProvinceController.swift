import Domain
import Foundation
import Persistence
import Vapor
import Views

/// 全省园区比拼 (省级观察员): every zone on this database ranked on its year's figures, read-only.
/// The one view that crosses zones, and it shows counts only, never a zone's rows.
enum ProvinceController {
    static func register(_ app: RoutesBuilder) {
        app.on(.GET, SiteURL.province.path, .permission(.readProvince), use: page)
        app.on(.GET, "/api/v1/province/zones", .permission(.readProvince), use: api)
    }

    static func places(_ req: Request) async throws -> (year: Int, places: [ZoneRanking.Place]) {
        _ = try req.actor(.readProvince)
        let year = try req.queryInt("year", in: 2000...2100) ?? req.today.year
        return (year, ZoneRanking.rank(try await req.store.zoneFigures(year: year, today: req.today)))
    }

    @Sendable static func page(_ req: Request) async throws -> Response {
        let (year, places) = try await places(req)
        return req.html(ProvincePage(year: year, today: req.today, places: places).render(req.pageContext(current: .province)))
    }

    struct ZoneDTO: Encodable {
        let rank: Int; let zoneId: Int; let code: String; let name: String
        let tasks: Int; let done: Int; let overdue: Int; let onTimeRate: Double; let doneRate: Double
        let openOrders: Int; let appealsRated: Int; let satisfactionRate: Double?
    }
    struct ListDTO: Encodable { let year: Int; let items: [ZoneDTO] }

    @Sendable static func api(_ req: Request) async throws -> Response {
        let (year, places) = try await places(req)
        return try req.json(ListDTO(year: year, items: places.map { p in
            let z = p.figures
            return ZoneDTO(rank: p.rank, zoneId: z.zoneId, code: z.code, name: z.name, tasks: z.tasks, done: z.done, overdue: z.overdue,
                           onTimeRate: z.onTimeRate, doneRate: z.doneRate, openOrders: z.openOrders, appealsRated: z.appealsRated,
                           satisfactionRate: z.satisfactionRate)
        }))
    }
}
