import Foundation
import NIOConcurrencyHelpers
import NIOCore
import Vapor

/// Every request is answered within GUATU_REQUEST_TIMEOUT_SECONDS: if the work has not finished by then (a database
/// connection lost in the middle of a query while PostgreSQL restarts, say), the client gets 503 at once instead of a
/// hang, and the work finishes or fails on its own in the background. Upload routes read their body inside the
/// handler, so the deadline also bounds a very slow upload.
struct RequestDeadlineMiddleware: AsyncMiddleware {
    let seconds: Int

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard seconds > 0 else { return try await next.respond(to: request) }
        let done = NIOLockedValueBox(false)
        return try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Response, any Error>) in
            let timer = request.eventLoop.scheduleTask(in: .seconds(Int64(seconds))) {
                guard done.withLockedValue({ let was = $0; $0 = true; return !was }) else { return }
                request.logger.warning("request over its deadline of \(seconds) s: answered 503")
                continuation.resume(throwing: AppError(.serviceUnavailable, "timeout", "服务器繁忙或数据库暂时不可用，请稍后重试").retrying(after: 5))
            }
            Task {
                do {
                    let response = try await next.respond(to: request)
                    timer.cancel()
                    if done.withLockedValue({ let was = $0; $0 = true; return !was }) { continuation.resume(returning: response) }
                } catch {
                    timer.cancel()
                    if done.withLockedValue({ let was = $0; $0 = true; return !was }) { continuation.resume(throwing: error) }
                }
            }
        }
    }
}
