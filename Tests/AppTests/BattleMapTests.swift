@testable import App
import Domain
import Persistence
import Testing
import Vapor
import VaporTesting
@testable import Views

@Suite("挂图作战图")
struct BattleMapTests {
    @Test("SVG里有计划、工作要点、任务条、节点菱形和今天线；按单位筛选只剩该单位的任务", arguments: TestDB.all)
    func map(_ db: TestDB) async throws {
        try await withGuatu(db) { app in
            let f = try await Fixture.make(app)
            var b = Browser(app, bearer: f.tokens["leader"])
            let page = try await b.get("/battle-map")
            #expect(page.status == .ok)
            let svg = page.text
            #expect(svg.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"battle\""))
            #expect(svg.contains("1. 科创生态培育计划"))
            #expect(svg.contains("高新技术企业培育"))
            #expect(svg.contains("href=\"/tasks/\(f.taskA)\""))
            #expect(svg.contains("<polygon"))                 // the milestone
            #expect(svg.contains("今天 6/15"))
            // Task B is overdue on 2026-06-15: its bar has the overdue colour, the dark red of the legend and the cockpit.
            #expect(LightColours.of(.overdue) == "#8e1b14")
            #expect(svg.contains("fill=\"#8e1b14\""))
            let byUnit = try await b.get("/battle-map?unit=\(f.unitB)")
            #expect(byUnit.text.contains("组织高企申报培训"))
            #expect(!byUnit.text.contains("摸排高企培育库"))
            let q4 = try await b.get("/battle-map?zoom=q4")
            #expect(q4.text.contains("class=\"month\">10月<") && !q4.text.contains("class=\"month\">3月<"))
            let print = try await b.get("/battle-map?print=a3")
            #expect(print.text.contains("size:A3 landscape"))
        }
    }

    @Test("SVG中的文字被转义")
    func escaped() {
        let row = BattleMapPage.Row(kind: .task, label: "<script>x</script>", start: Day(iso: "2026-03-01")!, end: Day(iso: "2026-03-05")!,
                                    percent: 10, light: .green, link: "/tasks/1", note: "\"quoted\"")
        let page = BattleMapPage(filters: .init(year: 2026), zoom: .year, today: Day(iso: "2026-06-15")!, rows: [row], plans: [], units: [], leaders: [],
                                 foldedNote: nil, printSize: nil)
        let svg = page.svg()
        #expect(!svg.contains("<script>"))
        #expect(svg.contains("&lt;script&gt;"))
        #expect(svg.contains("&quot;quoted&quot;"))
    }
}
