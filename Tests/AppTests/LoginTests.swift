@testable import App
import Domain
import Foundation
import Persistence
import SQLKit
import Testing
import Vapor
import VaporTesting

@Suite("登录、会话与CSRF")
struct LoginTests {
    @Test("正确的用户名和密码登录后进入总览，会话Cookie为HttpOnly", arguments: TestDB.all)
    func signInAndOut(_ db: TestDB) async throws {
        try await withGuatu(db) { app in
            _ = try await Fixture.make(app)
            var b = Browser(app)
            let res = try await b.login("office")
            #expect(res.status == .seeOther)
            #expect(res.headers.first(name: .location) == "/")
            let cookie = try #require(res.headers[.setCookie].first { $0.hasPrefix("guatu_session=") })
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Lax"))
            let home = try await b.get("/")
            #expect(home.status == .ok)
            #expect(home.text.contains("科创生态培育计划"))
            let out = try await b.post("/logout", [])
            #expect(out.status == .seeOther)
            let after = try await b.get("/matrix")
            #expect(after.status == .seeOther)
            #expect(after.headers.first(name: .location)?.hasPrefix("/login") == true)
        }
    }

    @Test("会话空闲超过时限（默认30分钟）即失效，须重新登录；时限内的使用会顺延", arguments: TestDB.all)
    func idleTimeout(_ db: TestDB) async throws {
        try await withGuatu(db) { app in
            _ = try await Fixture.make(app)
            let sql = app.db as! any SQLDatabase
            func backdate(_ minutes: Double) async throws {
                try await sql.raw("UPDATE sessions SET last_seen_at = \(bind: Store.timestamp(Date().addingTimeInterval(-minutes * 60)))").run()
            }
            var b = Browser(app)
            _ = try await b.login("office")
            #expect(try await b.get("/matrix").status == .ok)
            // Used 29 minutes ago: still signed in, and the use moves the mark to now.
            try await backdate(29)
            #expect(try await b.get("/matrix").status == .ok)
            struct Seen: Decodable { let lastSeenAt: String? }
            let seen = try await sql.raw("SELECT last_seen_at FROM sessions").first(decoding: Seen.self, keyDecodingStrategy: .convertFromSnakeCase)
            let mark = try #require(seen?.lastSeenAt.flatMap(Store.date(fromTimestamp:)))
            #expect(Date().timeIntervalSince(mark) < 60)
            // Untouched for 31 minutes: the session has ended and the browser is sent to sign in.
            try await backdate(31)
            let after = try await b.get("/matrix")
            #expect(after.status == .seeOther)
            #expect(after.headers.first(name: .location)?.hasPrefix("/login") == true)
        }
    }

    @Test("密码错误时停留在登录页并提示，不泄露用户是否存在", arguments: TestDB.all)
    func wrongPassword(_ db: TestDB) async throws {
        try await withGuatu(db) { app in
            _ = try await Fixture.make(app)
            var b = Browser(app)
            let wrong = try await b.login("office", password: "nope-Nope-1")
            #expect(wrong.status == .unauthorized)
            #expect(wrong.text.contains("用户名或密码错误"))
            let unknown = try await b.login("nobody", password: "nope-Nope-1")
            #expect(unknown.status == .unauthorized)
            #expect(unknown.text.contains("用户名或密码错误"))
        }
    }

    @Test("连续5次密码错误后账号锁定，正确密码也不能登录，管理员改密码后解锁")
    func lockout() async throws {
        try await withGuatu { app in
            _ = try await Fixture.make(app)
            var b = Browser(app)
            for _ in 0..<PasswordPolicy.maxFailedLogins { _ = try await b.login("reporter", password: "Wrong-pass-1") }
            let locked = try await b.login("reporter")
            #expect(locked.status == .tooManyRequests)
            #expect(locked.text.contains("锁定"))
            let record = try #require(try await app.store.loginRecord(username: "reporter"))
            try await app.store.setPasswordHash(userId: record.account.id, zoneId: record.account.zoneId, hash: try await app.password.async.hash(Fixture.password), actor: nil)
            let ok = try await b.login("reporter")
            #expect(ok.status == .seeOther)
            let audit = try await app.store.auditEntries(zoneId: record.account.zoneId, .init(entityType: "user", entityId: record.account.id))
            #expect(audit.entries.filter { $0.action == .loginFailed }.count == PasswordPolicy.maxFailedLogins)
        }
    }

    @Test("没有CSRF令牌的表单提交被拒绝，数据不变")
    func csrfRequired() async throws {
        try await withGuatu { app in
            let f = try await Fixture.make(app)
            var b = Browser(app)
            _ = try await b.login("office")
            let res = try await b.post("/tasks/\(f.taskA)/archive", [("version", "1")], csrf: false)
            #expect(res.status == .forbidden)
            #expect(try await app.store.task(id: f.taskA, zoneId: f.zoneId).archived == false)
            let forged = try await b.post("/login", [("username", "office"), ("password", Fixture.password)], csrf: false)
            #expect(forged.status == .forbidden)
        }
    }

    @Test("登录后的跳转只接受本站路径")
    func noOpenRedirect() async throws {
        try await withGuatu { app in
            _ = try await Fixture.make(app)
            var b = Browser(app)
            _ = try await b.get("/login")
            let res = try await b.post("/login", [("username", "office"), ("password", Fixture.password), ("next", "//evil.example/x")])
            #expect(res.headers.first(name: .location) == "/")
            var c = Browser(app)
            _ = try await c.get("/login")
            let ok = try await c.post("/login", [("username", "office"), ("password", Fixture.password), ("next", "/matrix?plan=1")])
            #expect(ok.headers.first(name: .location) == "/matrix?plan=1")
        }
    }
}
