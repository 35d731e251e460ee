@testable import App
import Domain
import Persistence
import Testing
import Vapor
import VaporTesting
@testable import Views

@Suite("页面转义：用户输入不能变成HTML")
struct EscapingTests {
    let payload = "\"><script>alert(1)</script>"

    @Test("登录页回显的next参数被转义")
    func loginNext() async throws {
        try await withGuatu { app in
            var b = Browser(app)
            let page = try await b.get("/login?next=" + Browser.encode(payload))
            #expect(!page.text.contains("<script>alert(1)"))
            #expect(page.text.contains("&quot;&gt;&lt;script&gt;"))
        }
    }

    @Test("表单中回显的任务名称、责任人被转义")
    func storedText() async throws {
        try await withGuatu { app in
            let f = try await Fixture.make(app)
            var r = Browser(app, bearer: f.tokens["reporter"])
            let patched = try await r.json(.PATCH, "/api/v1/tasks/\(f.taskA)", #"{"version": 1, "responsiblePerson": "\"><script>alert(1)</script>"}"#)
            #expect(patched.status == .ok)
            var b = Browser(app)
            _ = try await b.login("office")
            for path in ["/tasks/\(f.taskA)/edit", "/tasks/\(f.taskA)", "/matrix?plan=\(f.planId)"] {
                let page = try await b.get(path)
                #expect(page.status == .ok)
                #expect(!page.text.contains("<script>alert(1)"), "\(path) echoes raw HTML")
            }
        }
    }

    @Test("登录跳转拒绝 //host 与 /\\host")
    func localPaths() {
        #expect(LoginController.isLocalPath("/matrix?plan=1"))
        #expect(!LoginController.isLocalPath("//evil.example"))
        #expect(!LoginController.isLocalPath("/\\evil.example"))
        #expect(!LoginController.isLocalPath("https://evil.example"))
        #expect(!LoginController.isLocalPath(""))
    }

    @Test("attr() 转义属性值中的五个字符")
    func attrEscapes() {
        #expect(attr("a\"b'c<d>e&f") == "a&quot;b&#39;c&lt;d&gt;e&amp;f")
        #expect(attr("示范高新区") == "示范高新区")
    }

    @Test("页面不含内联脚本：CSP只允许本站脚本，确认按钮与打印按钮由 /assets/app.js 处理")
    func noInlineScript() async throws {
        try await withGuatu { app in
            let f = try await Fixture.make(app)
            var b = Browser(app, bearer: f.tokens["office"])
            let page = try await b.get("/units")
            let csp = try #require(page.headers.first(name: "Content-Security-Policy"))
            #expect(csp.contains("script-src 'self'") && !csp.contains("'unsafe-inline'; frame") && !csp.contains("script-src 'unsafe-inline'"))
            #expect(page.text.contains("<script src=\"/assets/app.js\""))
            #expect(!page.text.contains("onclick"))
            let script = try await b.get("/assets/app.js")
            #expect(script.status == .ok)
            #expect(script.headers.first(name: .contentType)?.hasPrefix("text/javascript") == true)
            #expect(script.text.contains("data-confirm"))
        }
    }

    @Test("出错页面也带安全响应头")
    func headersOnErrors() async throws {
        try await withGuatu { app in
            var b = Browser(app)
            let res = try await b.get("/api/v1/tasks")
            #expect(res.status == .unauthorized)
            #expect(res.headers.first(name: "X-Frame-Options") == "DENY")
            #expect(res.headers.first(name: "Content-Security-Policy") != nil)
        }
    }
}

@Suite("缓存：一个实例写入后，其他读取立刻看到")
struct CacheTests {
    @Test("总览缓存随园区数据版本失效", arguments: TestDB.all)
    func overviewFollowsWrites(_ db: TestDB) async throws {
        try await withGuatu(db) { app in
            let f = try await Fixture.make(app)
            var b = Browser(app, bearer: f.tokens["office"])
            let before = try await b.get("/")
            #expect(before.text.contains("已逾期</span> 1"))
            // Finish the overdue task straight through the store, as another instance would.
            let actor = Actor(userId: 0, username: "other-instance", displayName: "x", zoneId: f.zoneId, unitId: nil, roles: [.office])
            var d = TaskDraft(); d.status = .done
            _ = try await app.store.updateTask(id: f.taskB, version: 1, d, actor: actor, today: testToday, calendar: .official) { _ in }
            let after = try await b.get("/")
            #expect(after.text.contains("已逾期</span> 0"))
            #expect(after.text.contains("逾期完成</span> 1"))
            // The task list and the matrix page are kept too, and follow the write the same way.
            let listBefore = try await b.get("/api/v1/tasks?limit=10")
            let matrixBefore = try await b.get("/matrix?plan=\(f.planId)")
            #expect(matrixBefore.text.contains("共3项任务和节点"))
            var d2 = TaskDraft(); d2.workPointId = f.workPointId; d2.title = "另一实例新建"; d2.ownerUnitId = f.unitA; d2.deadline = Day(iso: "2026-07-01")
            _ = try await app.store.createTask(d2, actor: actor, today: testToday, calendar: .official)
            let listAfter = try await b.get("/api/v1/tasks?limit=10")
            #expect((try listBefore.json())["total"] as? Int == 3)
            #expect((try listAfter.json())["total"] as? Int == 4)
            let matrixAfter = try await b.get("/matrix?plan=\(f.planId)")
            #expect(matrixAfter.text.contains("另一实例新建") && matrixAfter.text.contains("共4项任务和节点"))
        }
    }
}

@Suite("HTMLWriter")
struct HTMLWriterTests {
    @Test("文本与属性值都被转义，中文原样输出")
    func escapes() {
        var h = HTMLWriter()
        h.element("a", [("href", "/x?a=1&b=\"2\"")], text: "<b>示范</b> & 'q'")
        #expect(h.html == "<a href=\"/x?a=1&amp;b=&quot;2&quot;\">&lt;b&gt;示范&lt;/b&gt; &amp; &#39;q&#39;</a>")
    }
}
