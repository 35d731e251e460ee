import Foundation
import NIOConcurrencyHelpers
import Vapor

/// What `/metrics` reports to Prometheus: request latency by route, background job runs, the database pool's
/// settings and the writes waiting at the SQLite gate. Counted in this process; each instance is scraped on its own.
final class GuatuMetrics: Sendable {
    /// Upper bounds of the latency histogram's buckets, in seconds.
    static let buckets: [Double] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.5, 1, 2.5, 5]

    struct Histogram {
        var counts = [Int](repeating: 0, count: GuatuMetrics.buckets.count)
        var count = 0
        var sum = 0.0
        mutating func observe(_ seconds: Double) {
            count += 1; sum += seconds
            for (i, b) in GuatuMetrics.buckets.enumerated() where seconds <= b { counts[i] += 1 }
        }
    }
    struct RequestKey: Hashable { let method: String; let route: String; let status: String }
    struct State {
        var requests: [RequestKey: Histogram] = [:]
        var jobs: [String: (ok: Int, failed: Int, seconds: Double)] = [:]
        var rateLimited: [String: Int] = [:]
    }
    private let state = NIOLockedValueBox(State())

    func request(method: String, route: String, status: Int, seconds: Double) {
        let key = RequestKey(method: method, route: route, status: "\(status / 100)xx")
        state.withLockedValue { $0.requests[key, default: Histogram()].observe(seconds) }
    }
    func jobFinished(_ name: String, ok: Bool, seconds: Double) {
        state.withLockedValue { s in
            var j = s.jobs[name] ?? (0, 0, 0)
            if ok { j.ok += 1 } else { j.failed += 1 }
            j.seconds += seconds
            s.jobs[name] = j
        }
    }
    func rateLimited(_ scope: String) {
        state.withLockedValue { $0.rateLimited[scope, default: 0] += 1 }
    }

    /// The Prometheus text exposition format (version 0.0.4).
    func render(poolSize: Int, eventLoops: Int, database: String, uptime: Double) -> String {
        let s = state.withLockedValue { $0 }
        var out = ""
        func label(_ v: String) -> String { v.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(of: "\n", with: "\\n") }
        func num(_ d: Double) -> String { String(format: "%.6f", d) }
        out += "# HELP guatu_http_request_duration_seconds Time to answer a request, by route pattern.\n# TYPE guatu_http_request_duration_seconds histogram\n"
        for (k, h) in s.requests.sorted(by: { ($0.key.route, $0.key.method, $0.key.status) < ($1.key.route, $1.key.method, $1.key.status) }) {
            let l = "method=\"\(k.method)\",route=\"\(label(k.route))\",status=\"\(k.status)\""
            for (i, b) in GuatuMetrics.buckets.enumerated() { out += "guatu_http_request_duration_seconds_bucket{\(l),le=\"\(b)\"} \(h.counts[i])\n" }
            out += "guatu_http_request_duration_seconds_bucket{\(l),le=\"+Inf\"} \(h.count)\n"
            out += "guatu_http_request_duration_seconds_sum{\(l)} \(num(h.sum))\n"
            out += "guatu_http_request_duration_seconds_count{\(l)} \(h.count)\n"
        }
        out += "# HELP guatu_job_runs_total Background job runs done by this instance.\n# TYPE guatu_job_runs_total counter\n"
        for (name, j) in s.jobs.sorted(by: { $0.key < $1.key }) {
            out += "guatu_job_runs_total{job=\"\(label(name))\",result=\"ok\"} \(j.ok)\n"
            out += "guatu_job_runs_total{job=\"\(label(name))\",result=\"failed\"} \(j.failed)\n"
        }
        out += "# HELP guatu_job_run_seconds_total Time spent in background job runs.\n# TYPE guatu_job_run_seconds_total counter\n"
        for (name, j) in s.jobs.sorted(by: { $0.key < $1.key }) { out += "guatu_job_run_seconds_total{job=\"\(label(name))\"} \(num(j.seconds))\n" }
        out += "# HELP guatu_rate_limited_total Requests refused with 429 by the rate limits.\n# TYPE guatu_rate_limited_total counter\n"
        for (scope, n) in s.rateLimited.sorted(by: { $0.key < $1.key }) { out += "guatu_rate_limited_total{scope=\"\(label(scope))\"} \(n)\n" }
        out += "# HELP guatu_db_pool_connections Database connections this instance may open (per event loop times loops).\n# TYPE guatu_db_pool_connections gauge\n"
        out += "guatu_db_pool_connections{database=\"\(database)\"} \(poolSize * eventLoops)\n"
        out += "# HELP guatu_uptime_seconds Seconds since this instance started.\n# TYPE guatu_uptime_seconds gauge\n"
        out += "guatu_uptime_seconds \(num(uptime))\n"
        return out
    }
}

/// Times every request by its route pattern (`/tasks/:id`, not each id) for `/metrics`, and writes one access-log
/// line at info level: the pattern, never the path (a feed's path holds its secret token), status and milliseconds.
struct MetricsMiddleware: AsyncMiddleware {
    let metrics: GuatuMetrics
    /// info with JSON logs (for the collector), debug otherwise (a console stays readable).
    let accessLogLevel: Logger.Level
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let start = DispatchTime.now().uptimeNanoseconds
        func route() -> String {
            guard let r = request.route else { return "unmatched" }
            return "/" + r.path.map { $0.description }.joined(separator: "/")
        }
        do {
            let res = try await next.respond(to: request)
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            let pattern = route()
            metrics.request(method: request.method.rawValue, route: pattern, status: Int(res.status.code), seconds: seconds)
            request.logger.log(level: accessLogLevel, "request", metadata: ["method": .string(request.method.rawValue), "route": .string(pattern),
                                                      "status": .stringConvertible(res.status.code), "ms": .string(String(format: "%.1f", seconds * 1000))])
            return res
        } catch {
            let status = (error as? any AbortError)?.status.code ?? 500
            metrics.request(method: request.method.rawValue, route: route(), status: Int(status),
                            seconds: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            throw error
        }
    }
}

extension Application {
    private struct MetricsKey: StorageKey { typealias Value = GuatuMetrics }
    private struct StartedKey: StorageKey { typealias Value = Date }
    /// Set once in `configure`.
    var metrics: GuatuMetrics {
        get { storage[MetricsKey.self] ?? GuatuMetrics() }
        set { storage[MetricsKey.self] = newValue }
    }
    var startedAt: Date {
        get { storage[StartedKey.self] ?? Date() }
        set { storage[StartedKey.self] = newValue }
    }
}
