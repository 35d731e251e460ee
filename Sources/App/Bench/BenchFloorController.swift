import Domain
import Persistence
import Vapor

/// Floors for the benchmark: the same rows as the real routes, fetched by one hand-written query
/// and written out as JSON with no page, no lights, no access rules. Only with GUATU_BENCH=1.
enum BenchFloorController {
    static func register(_ app: RoutesBuilder) {
        app.on(.GET, "/bench/floor/tasks", .signedIn) { req in
            let a = try req.actor()
            let limit = try req.queryInt("limit", in: 1...500) ?? 100
            return Response(status: .ok, headers: ["Content-Type": "application/json"], body: .init(data: try await req.store.benchFloorTasks(zoneId: a.zoneId, limit: limit)))
        }
        app.on(.GET, "/bench/floor/matrix", .signedIn) { req in
            let a = try req.actor()
            guard let plan = try req.queryInt("plan", in: 1...Int.max) else { throw AppError.badRequest("缺少plan参数", field: "plan") }
            return Response(status: .ok, headers: ["Content-Type": "application/json"], body: .init(data: try await req.store.benchFloorMatrix(zoneId: a.zoneId, planId: plan, limit: OverviewController.pageSize)))
        }
        app.on(.GET, "/bench/floor/overview", .signedIn) { req in
            let a = try req.actor()
            return Response(status: .ok, headers: ["Content-Type": "application/json"], body: .init(data: try await req.store.benchFloorOverview(zoneId: a.zoneId)))
        }
    }
}
