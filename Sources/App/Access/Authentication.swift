import Crypto
import Domain
import Foundation
import Persistence
import Vapor
import Views

/// How the current request proved who it is.
enum Credential: Sendable {
    case session(idHash: String, csrf: String)
    case bearer
}

struct SignedIn: Sendable {
    let actor: Actor
    let credential: Credential
    let zoneName: String
    /// The zone's data version when the request began (see MatrixReference).
    let zoneDataVersion: Int
    /// The password was set by an administrator or has aged out: only the password page until it is changed.
    var mustChangePassword = false

    init(_ p: Principal, credential: Credential) {
        let u = p.account
        actor = Actor(userId: u.id, username: u.username, displayName: u.displayName, zoneId: u.zoneId, unitId: u.unitId, roles: u.roles, enterpriseId: u.enterpriseId)
        self.credential = credential
        zoneName = p.zoneName
        zoneDataVersion = p.zoneDataVersion
    }
}

enum Secrets {
    /// 32 random bytes, URL-safe base64: session ids, CSRF tokens, API tokens.
    static func random() -> String {
        var g = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &g) }
        return Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }
    /// What the database keeps of a session id or token: its SHA-256, so a stolen backup opens nothing.
    static func hash(_ secret: String) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(64)
        for b in SHA256.hash(data: Data(secret.utf8)) { out.append(digits[Int(b >> 4)]); out.append(digits[Int(b & 15)]) }
        return String(decoding: out, as: UTF8.self)
    }
    static let sessionCookie = "guatu_session"
    static let loginCSRFCookie = "guatu_login_csrf"
}

/// Finds the signed-in user from the session cookie or a bearer token, for every request.
/// Routes then demand a permission; this middleware only identifies.
struct AuthenticationMiddleware: AsyncMiddleware {
    /// What a browser session may still reach while its password must be changed (API tokens are not held back).
    static let openWithOldPassword: Set<String> = [SiteURL.password.path, SiteURL.logout.path, SiteURL.stylesheet.path, SiteURL.script.path]
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let header = request.headers.bearerAuthorization {
            guard let p = try await request.store.principal(tokenHash: Secrets.hash(header.token)) else {
                throw AppError(.unauthorized, "invalid_token", "API令牌无效或已吊销")
            }
            request.signedIn = SignedIn(p, credential: .bearer)
        } else if let cookie = request.cookies[Secrets.sessionCookie]?.string, !cookie.isEmpty {
            let idHash = Secrets.hash(cookie)
            let idle = request.application.guatu.sessionIdleMinutes
            if let p = try await request.store.principal(sessionHash: idHash, idleSeconds: idle > 0 ? Double(idle * 60) : nil) {
                var s = SignedIn(p, credential: .session(idHash: idHash, csrf: p.csrfToken ?? ""))
                s.mustChangePassword = PasswordPolicy.mustChange(changedAt: p.passwordChangedAt.flatMap(Store.date(fromTimestamp:)), now: Date(),
                                                                 maxAgeDays: request.application.guatu.passwordMaxAgeDays)
                request.signedIn = s
                if s.mustChangePassword && !Self.openWithOldPassword.contains(request.url.path) {
                    if request.url.path.hasPrefix("/api/") {
                        throw AppError(.forbidden, "password_expired", "密码已过期或由管理员重置，请先在网页上修改密码")
                    }
                    return request.redirect(to: SiteURL.password.with([("notice", "password_expired")]))
                }
            }
        }
        try await request.resolveCalendar()
        return try await next.respond(to: request)
    }

}

func constantTimeEqual(_ a: String, _ b: String) -> Bool {
    let x = Array(a.utf8), y = Array(b.utf8)
    guard x.count == y.count else { return false }
    return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
}

extension Request {
    private struct SignedInKey: StorageKey { typealias Value = SignedIn }
    var signedIn: SignedIn? {
        get { storage[SignedInKey.self] }
        set { storage[SignedInKey.self] = newValue }
    }

    /// The actor, or 401.
    func actor() throws -> Actor {
        guard let s = signedIn else { throw AppError.notSignedIn }
        return s.actor
    }

    /// The actor if it holds `permission`, else 401 / 403.
    func actor(_ permission: Permission) throws -> Actor {
        let a = try actor()
        guard a.can(permission) else { throw AppError.forbidden }
        return a
    }

    var csrfToken: String {
        if case .session(_, let csrf)? = signedIn?.credential { return csrf }
        return ""
    }

    func pageContext(current: SiteURL?, notice: String? = nil, warnings: [String] = []) -> PageContext {
        guard let s = signedIn else { return PageContext(userName: nil, csrfToken: csrfToken, notice: notice) }
        return PageContext(userName: s.actor.displayName,
                           roleNames: s.actor.roles.sorted { $0.rawValue < $1.rawValue }.map(\.chineseName).joined(separator: "、"),
                           csrfToken: csrfToken, nav: PageContext.navigation(for: s.actor), current: current,
                           notice: notice ?? query[String.self, at: "notice"].flatMap(Notices.text), zoneName: s.zoneName, warnings: warnings)
    }
}

/// Short notices passed through a redirect as a code (never free text, so no one can put words in our mouth).
enum Notices {
    static let texts: [String: String] = [
        "saved": "已保存。", "created": "已创建。", "archived": "已归档。", "revoked": "令牌已吊销。",
        "password": "密码已修改。", "password_expired": "密码已过期或由管理员重置，请先设置新密码。", "roles": "角色已更新。",
    ]
    static func text(_ code: String) -> String? { texts[code] }
}
