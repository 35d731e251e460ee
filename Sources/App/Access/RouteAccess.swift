import Domain
import Vapor

/// Who may call a route. Registered on the route itself (userInfo), checked before the handler,
/// and read back by the access test, which tries every route with every role.
enum RouteAccess: Sendable, Equatable {
    case everyone
    case signedIn
    case permission(Permission)

    func allows(_ roles: Set<Role>?) -> Bool {
        switch self {
        case .everyone: return true
        case .signedIn: return roles != nil
        case .permission(let p): return roles.map(p.isGranted) ?? false
        }
    }

    static let userInfoKey = "guatu.access"
}

extension RoutesBuilder {
    /// Registers a handler behind an access rule; cookie-authenticated writes must also carry the CSRF token.
    /// With `upload`, the body is streamed and read (up to that size) only after the caller has been
    /// authorised, so an anonymous client cannot make the server hold a large body.
    @discardableResult
    func on(_ method: HTTPMethod, _ path: String, _ access: RouteAccess, upload: ByteCount? = nil,
            use handler: @Sendable @escaping (Request) async throws -> Response) -> Route {
        let components = path.split(separator: "/").map { PathComponent(stringLiteral: String($0)) }
        let route = on(method, components, body: upload == nil ? .collect : .stream) { req async throws -> Response in
            try Self.authorize(access, req)
            if let upload { _ = try await req.body.collect(max: upload.value).get() }
            try Self.checkCSRF(req)
            return try await handler(req)
        }
        route.userInfo[RouteAccess.userInfoKey] = access
        return route
    }

    private static func authorize(_ access: RouteAccess, _ req: Request) throws {
        switch access {
        case .everyone: break
        case .signedIn: _ = try req.actor()
        case .permission(let p): _ = try req.actor(p)
        }
    }

    private static func checkCSRF(_ req: Request) throws {
        if req.method != .GET && req.method != .HEAD, case .session(_, let csrf)? = req.signedIn?.credential {
            let sent = req.headers.first(name: "X-CSRF-Token") ?? FormFields(req)?.first("_csrf")
            guard let sent, constantTimeEqual(sent, csrf) else {
                throw AppError(.forbidden, "csrf_failed", "页面已过期或来源不明，请刷新页面后重试")
            }
        }
    }
}

extension Request {
    /// An integer route parameter, or 404 (a non-number id names nothing).
    func id(_ name: String = "id") throws -> Int {
        guard let raw = parameters.get(name), let v = Int(raw), v > 0 else {
            throw AppError(.notFound, "not_found", "编号无效：\(parameters.get(name) ?? "")")
        }
        return v
    }

    func html(_ body: String, status: HTTPResponseStatus = .ok) -> Response {
        Response(status: status, headers: ["Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store"], body: .init(string: body))
    }
}
