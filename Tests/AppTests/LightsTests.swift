@testable import App
import Domain
import Persistence
import Testing
import Vapor
import VaporTesting

@Suite("红黄绿灯：本区阈值")
struct LightsTests {
    @Test("督查室调低黄灯阈值后，同一任务由绿变黄；不合理的阈值被拒绝", arguments: TestDB.all)
    func thresholds(_ db: TestDB) async throws {
        try await withGuatu(db) { app in
            let f = try await Fixture.make(app)
            var api = Browser(app, bearer: f.tokens["leader"])
            // Task A: 2026-03-02 … 09-30, 40 % on 06-15. Expected share by working days, counted from the
            // 2026 notice (清明 04-06, 劳动节 05-01..05, make-up 05-09, 端午 06-19, 中秋 09-25): 73 of 149 → 48 %; gap 8.
            #expect(try (try await api.get("/api/v1/tasks/\(f.taskA)")).json()["light"] as? String == "green")
            var web = Browser(app)
            _ = try await web.login("office")
            let page = try await web.get("/lights")
            #expect(page.text.contains("落后超过15个百分点"))
            let bad = try await web.post("/lights", [("version", "0"), ("yellowGap", "40"), ("redGap", "30"), ("milestoneWarningDays", "3")])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.text.contains("红灯阈值须大于黄灯阈值"))
            let ok = try await web.post("/lights", [("version", "0"), ("yellowGap", "5"), ("redGap", "30"), ("milestoneWarningDays", "3")])
            #expect(ok.status == .seeOther)
            #expect(try (try await api.get("/api/v1/tasks/\(f.taskA)")).json()["light"] as? String == "yellow")
            let stale = try await web.post("/lights", [("version", "0"), ("yellowGap", "10"), ("redGap", "30"), ("milestoneWarningDays", "3")])
            #expect(stale.status == .conflict)
            // Leaders read the explanation with the zone's numbers, without the form.
            var leader = Browser(app)
            _ = try await leader.login("leader")
            let read = try await leader.get("/lights")
            #expect(read.text.contains("黄灯5个百分点") && !read.text.contains("name=\"yellowGap\""))
        }
    }
}
