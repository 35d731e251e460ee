import Domain
import Foundation
import Persistence
import Vapor
import Views

/// Sign-in, sign-out, with lockout after repeated failures (等保: 登录失败处理).
enum LoginController {
    /// Failed sign-ins from one address are counted over this window (GUATU_LOGIN_FAILURES_PER_ADDRESS).
    static let throttleWindow: TimeInterval = 15 * 60

    static func register(_ app: RoutesBuilder) {
        app.on(.GET, SiteURL.login.path, .everyone, use: show)
        app.on(.POST, SiteURL.login.path, .everyone, use: submit)
        app.on(.POST, SiteURL.logout.path, .signedIn, use: logout)
    }

    @Sendable static func show(_ req: Request) async throws -> Response {
        if req.signedIn != nil { return req.redirect(to: SiteURL.home.path) }
        return page(req, username: "", error: nil, next: req.query[String.self, at: "next"])
    }

    /// The login form carries its own CSRF token in a cookie (double submit), since no session exists yet.
    static func page(_ req: Request, username: String, error: String?, next: String?, status: HTTPResponseStatus = .ok) -> Response {
        let token = Secrets.random()
        let res = req.html(LoginPage(username: username, error: error, csrfToken: token, next: next).render(), status: status)
        res.cookies[Secrets.loginCSRFCookie] = HTTPCookies.Value(string: token, maxAge: 3600, path: "/login", isSecure: req.application.guatu.secureCookies, isHTTPOnly: true, sameSite: .strict)
        return res
    }

    @Sendable static func submit(_ req: Request) async throws -> Response {
        let form = try FormFields.require(req)
        let username = form.text("username"), password = form.first("password") ?? ""
        let next = form.text("next")
        guard let cookie = req.cookies[Secrets.loginCSRFCookie]?.string, let sent = form.first("_csrf"), constantTimeEqual(cookie, sent) else {
            return page(req, username: username, error: "页面已过期，请重新登录", next: next, status: .forbidden)
        }
        let failure = "用户名或密码错误"
        guard !username.isEmpty, !password.isEmpty else {
            return page(req, username: username, error: "请输入用户名和密码", next: next, status: .badRequest)
        }
        // Captcha-free throttling: an address that keeps failing, over any accounts, waits out the window.
        let limiter = req.application.rateLimiter, addressKey = "login-fail:" + req.clientAddress, now = Date()
        // Counted over this window and the one before, so the count does not start again at a window's edge.
        let limit = req.application.guatu.loginFailuresPerAddress
        let failures = try await limiter.recentCounts(addressKey, window: Self.throttleWindow, now: now, store: req.store)
        if failures.previous + failures.current >= limit {
            req.application.metrics.rateLimited("login")
            // When this window ends its failures still count for one more window, unless they alone are under the limit.
            let wait = RateLimiter.retryAfter(now, window: Self.throttleWindow) + (failures.current >= limit ? Int(Self.throttleWindow) : 0)
            let res = page(req, username: username, error: "此地址登录失败次数过多，请\((wait + 59) / 60)分钟后再试", next: next, status: .tooManyRequests)
            res.headers.replaceOrAdd(name: .retryAfter, value: String(wait))
            return res
        }
        guard let record = try await req.store.loginRecord(username: username), record.account.canSignIn, !record.account.archived else {
            // Same work and same answer whether or not the user exists.
            _ = try? await req.password.async.verify(password, created: req.application.dummyPasswordHash)
            _ = try await limiter.hit(addressKey, window: Self.throttleWindow, now: now, store: req.store)
            return page(req, username: username, error: failure, next: next, status: .unauthorized)
        }
        if let until = record.account.lockedUntil.flatMap(Store.date(fromTimestamp:)), until > now {
            let minutes = Int((until.timeIntervalSince(now) / 60).rounded(.up))
            return page(req, username: username, error: "连续登录失败次数过多，账号已锁定，请\(minutes)分钟后再试或联系系统管理员", next: next, status: .tooManyRequests)
        }
        let ok = (try? await req.password.async.verify(password, created: record.passwordHash)) ?? false
        let actor = Actor(userId: record.account.id, username: record.account.username, displayName: record.account.displayName,
                          zoneId: record.account.zoneId, unitId: record.account.unitId, roles: record.account.roles)
        guard ok else {
            _ = try await limiter.hit(addressKey, window: Self.throttleWindow, now: now, store: req.store)
            let failures = record.failedLogins + 1
            let lock = failures >= PasswordPolicy.maxFailedLogins ? now.addingTimeInterval(PasswordPolicy.lockoutSeconds) : nil
            try await req.store.recordFailedLogin(userId: record.account.id, lockUntil: lock)
            try await req.store.audit(actor: actor, action: .loginFailed, entity: "user", id: record.account.id, zoneId: record.account.zoneId)
            let left = PasswordPolicy.maxFailedLogins - failures
            let msg = lock != nil ? "连续登录失败次数过多，账号已锁定\(Int(PasswordPolicy.lockoutSeconds / 60))分钟" : failure + (left <= 2 ? "，再失败\(left)次账号将被锁定" : "")
            return page(req, username: username, error: msg, next: next, status: .unauthorized)
        }
        if record.failedLogins > 0 { try await req.store.clearFailedLogins(userId: record.account.id) }
        let sessionId = Secrets.random()
        let hours = req.application.guatu.sessionHours
        try await req.store.createSession(idHash: Secrets.hash(sessionId), userId: record.account.id, csrfToken: Secrets.random(),
                                          expiresAt: now.addingTimeInterval(Double(hours) * 3600))
        try await req.store.audit(actor: actor, action: .login, entity: "user", id: record.account.id, zoneId: record.account.zoneId)
        // Only local paths: an open redirect would let a phishing link borrow our login page.
        let target = isLocalPath(next) ? next : SiteURL.home.path
        let res = req.redirect(to: target, redirectType: .normal)
        res.cookies[Secrets.sessionCookie] = HTTPCookies.Value(string: sessionId, maxAge: hours * 3600, path: "/",
                                                               isSecure: req.application.guatu.secureCookies, isHTTPOnly: true, sameSite: .lax)
        res.cookies[Secrets.loginCSRFCookie] = HTTPCookies.Value(string: "", expires: Date(timeIntervalSince1970: 0), maxAge: 0, path: "/login")
        return res
    }

    /// A path on this site: starts with one "/", not "//" or "/\\" (which browsers read as another host).
    static func isLocalPath(_ s: String) -> Bool {
        let chars = Array(s)
        guard chars.first == "/" else { return false }
        if chars.count > 1 && (chars[1] == "/" || chars[1] == "\\") { return false }
        return !s.contains(where: { $0.isNewline || $0 == "\0" })
    }

    @Sendable static func logout(_ req: Request) async throws -> Response {
        if case .session(let idHash, _)? = req.signedIn?.credential {
            try await req.store.deleteSession(idHash: idHash)
            let a = try req.actor()
            try await req.store.audit(actor: a, action: .logout, entity: "user", id: a.userId, zoneId: a.zoneId)
        }
        let res = req.redirect(to: SiteURL.login.path)
        res.cookies[Secrets.sessionCookie] = HTTPCookies.Value(string: "", expires: Date(timeIntervalSince1970: 0), maxAge: 0, path: "/")
        return res
    }
}

extension Application {
    private struct DummyHashKey: StorageKey { typealias Value = String }
    /// A hash of the configured cost, so a sign-in for an unknown name costs what a real one costs.
    /// Made once at start (configure), read-only afterwards.
    var dummyPasswordHash: String {
        get { storage[DummyHashKey.self] ?? "" }
        set { storage[DummyHashKey.self] = newValue }
    }
}
