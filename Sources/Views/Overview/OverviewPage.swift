import Domain
import Foundation
import Plot

/// 总览: per plan, counts by light and percent done.
public struct OverviewPage: Sendable {
    public struct PlanLine: Sendable {
        public let plan: Plan
        public let leader: String
        public let leadUnit: String
        public let progress: ProgressSummary
        public init(plan: Plan, leader: String, leadUnit: String, progress: ProgressSummary) {
            self.plan = plan; self.leader = leader; self.leadUnit = leadUnit; self.progress = progress
        }
    }
    public var year: Int
    public var today: Day
    public var lines: [PlanLine]
    public var total: ProgressSummary
    public var targets: [PositioningTarget]
    public init(year: Int, today: Day, lines: [PlanLine], total: ProgressSummary, targets: [PositioningTarget]) {
        self.year = year; self.today = today; self.lines = lines; self.total = total; self.targets = targets
    }

    static let shownLights: [Light] = [.done, .doneLate, .green, .yellow, .red, .overdue, .notStarted]

    func card(_ line: PlanLine) -> Node<HTML.BodyContext> {
        let shown = Self.shownLights.filter { line.progress.count($0) > 0 }
        let planId = String(line.plan.id)
        let counts: [Node<HTML.BodyContext>] = shown.map { l in
            .a(.href(SiteURL.matrix.with([("plan", planId), ("light", l.rawValue)])), UI.light(l), .text(" \(line.progress.count(l))"))
        }
        return .div(.class("card"),
            .h3(.a(.href(SiteURL.matrix.with([("plan", planId)])), .text(line.plan.name))),
            .p(.class("meta"), .text("分管领导：\(line.leader) · 牵头单位：\(line.leadUnit)")),
            UI.progressBar(line.progress.percentDone),
            .span(.class("meta"), .text(" 共\(line.progress.total)项")),
            .div(.class("counts"), .group(counts)))
    }

    public func render(_ ctx: PageContext) -> String {
        Layout.render(title: "总览", context: ctx, body: body)
    }

    /// The page without its frame: the same for every reader until the zone's data changes.
    public var body: Node<HTML.BodyContext> {
        .group(
            .h1("\(year)年度工作总览"),
            .p(.class("meta"), .text("截至\(today.iso)，共\(total.total)项任务和节点，加权完成进度\(String(format: "%.1f", total.percentDone))%。"),
               .a(.href(SiteURL.lights.path), .text("红黄绿灯怎样判定"))),
            .div(.class("counts"), .forEach(Self.shownLights) { l in
                .a(.href(SiteURL.matrix.with([("light", l.rawValue)])), UI.light(l), .text(" \(total.count(l))"))
            }),
            .unwrap(targets.isEmpty ? nil : targets) { ts in
                .group(.h2("目标定位"), .ul(.forEach(ts) { t in .li(.strong(.text(t.kind.chineseName + "：")), .text(t.statement)) }))
            },
            .h2("十大计划"),
            .div(.class("cards"), .forEach(lines) { card($0) })
        )
    }
}
