import Foundation
import Vapor

/// `/metrics` for Prometheus: only with GUATU_METRICS_TOKEN as a bearer token when one is set, otherwise only
/// from this machine and not through a proxy (nginx adds X-Forwarded-For), so the figures never face the internet.
enum MetricsController {
    static func register(_ app: RoutesBuilder) {
        app.on(.GET, "/metrics", .everyone, use: metrics)
    }

    @Sendable static func metrics(_ req: Request) async throws -> Response {
        let config = req.application.guatu
        if let token = config.metricsToken {
            guard let sent = req.headers.bearerAuthorization?.token, constantTimeEqual(sent, token) else { throw AppError(.notFound, "not_found", "页面或资源不存在") }
        } else {
            let ip = req.remoteAddress?.ipAddress ?? ""
            guard ip == "127.0.0.1" || ip == "::1", !req.headers.contains(name: .xForwardedFor), !req.headers.contains(name: "X-Real-IP") else {
                throw AppError(.notFound, "not_found", "页面或资源不存在")
            }
        }
        let loops = req.application.eventLoopGroup.makeIterator().reduce(0) { n, _ in n + 1 }
        let (pool, database): (Int, String) = req.application.isSQLite ? (1, "sqlite") : (config.postgresPoolSize, "postgresql")
        let body = req.application.metrics.render(poolSize: pool, eventLoops: loops, database: database,
                                                  uptime: Date().timeIntervalSince(req.application.startedAt))
        return Response(status: .ok, headers: ["Content-Type": "text/plain; version=0.0.4; charset=utf-8"], body: .init(string: body))
    }
}
