import Domain
import FluentPostgresDriver
import Vapor
import Views

/// Turns every error into a clear answer: JSON `{"error":{code,message,field}}` under /api,
/// a Chinese error page elsewhere. Unknown errors are logged and shown as 500 without internals.
struct GuatuErrorMiddleware: AsyncMiddleware {
    let environment: Environment

    struct Body: Content {
        struct Detail: Content { let code: String; let message: String; let field: String? }
        let error: Detail
    }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            let e = Self.appError(for: error, request: request)
            if request.url.path.hasPrefix("/api/") || request.url.path.hasPrefix("/bench/") {
                let res = Response(status: e.status, headers: e.headers)
                try res.content.encode(Body(error: .init(code: e.code, message: e.message, field: e.field)))
                return res
            }
            if e.status == .unauthorized {
                let next = request.url.path == "/" ? nil : request.url.string
                return request.redirect(to: SiteURL.login.with([("next", next)]))
            }
            let page = ErrorPage(status: Int(e.status.code), message: e.message)
            let ctx = request.pageContext(current: nil)
            var headers = e.headers
            headers.replaceOrAdd(name: .contentType, value: "text/html; charset=utf-8")
            return Response(status: e.status, headers: headers, body: .init(string: page.render(ctx)))
        }
    }

    static func appError(for error: any Error, request: Request) -> AppError {
        if let e = AppError.from(error) { return e }
        if let abort = error as? any AbortError {
            let status = abort.status
            switch status.code {
            case 404: return AppError(.notFound, "not_found", "页面或资源不存在")
            case 405: return AppError(.methodNotAllowed, "method_not_allowed", "不支持此请求方法")
            case 413: return AppError(.payloadTooLarge, "payload_too_large", "提交的内容过大")
            case 415: return AppError(.unsupportedMediaType, "unsupported_media_type", "不支持的内容类型，请使用application/json")
            case 400..<500: return AppError(status, "bad_request", "请求无效：\(abort.reason)")
            default: break
            }
        }
        if databaseUnavailable(error) {
            // PostgreSQL restarting or out of reach: say so at once (the pool reconnects by itself), never hang.
            request.logger.warning("database unavailable: \(String(describing: error).prefix(200))")
            return AppError(.serviceUnavailable, "database_unavailable", "数据库暂时不可用，请稍后重试").retrying(after: 5)
        }
        request.logger.report(error: error)
        return AppError(.internalServerError, "internal_error", "系统内部错误，请稍后重试或联系管理员")
    }
}

/// Errors that mean the database cannot be reached right now (not a fault of the request).
func databaseUnavailable(_ error: any Error) -> Bool {
    if error is ConnectionPoolTimeoutError || error is NIOConnectionError { return true }
    if let e = error as? PSQLError {
        return e.code == .connectionError || e.code == .serverClosedConnection || e.code == .uncleanShutdown
    }
    if let e = error as? ChannelError { return e == .ioOnClosedChannel || e == .alreadyClosed }
    if error is IOError { return true }
    return false
}

/// Headers every response carries (clickjacking, MIME sniffing, referrer leaks), and HSTS when the site is
/// served over TLS (GUATU_HSTS_SECONDS, set by the operator who put TLS in front).
struct SecurityHeadersMiddleware: AsyncMiddleware {
    let hstsSeconds: Int
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let res = try await next.respond(to: request)
        if hstsSeconds > 0 { res.headers.replaceOrAdd(name: .strictTransportSecurity, value: "max-age=\(hstsSeconds); includeSubDomains") }
        res.headers.replaceOrAdd(name: "X-Frame-Options", value: "DENY")
        res.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        res.headers.replaceOrAdd(name: "Referrer-Policy", value: "same-origin")
        // A handler that set a stricter policy (uploaded files: sandbox) keeps it.
        if !res.headers.contains(name: "Content-Security-Policy") {
            res.headers.replaceOrAdd(name: "Content-Security-Policy", value: "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; script-src 'self'; frame-ancestors 'none'")
        }
        return res
    }
}
