import Domain
import Foundation
import Plot

/// 安全生产 at a glance: the year's hazards and how they are put right — 整改率 and 按期整改率 per responsible unit as a
/// chart, the open hazards (overdue ones first, in red), the latest inspections.
public struct SafetyPage: Sendable {
    public struct HazardLine: Sendable {
        public let hazard: Hazard, firm: String, unit: String, overdueWorkdays: Int?
        public init(hazard: Hazard, firm: String, unit: String, overdueWorkdays: Int?) { self.hazard = hazard; self.firm = firm; self.unit = unit; self.overdueWorkdays = overdueWorkdays }
    }
    public struct InspectionLine: Sendable {
        public let day: Day, firm: String, kind: String, inspectors: String, findings: String
        public init(day: Day, firm: String, kind: String, inspectors: String, findings: String) {
            self.day = day; self.firm = firm; self.kind = kind; self.inspectors = inspectors; self.findings = findings
        }
    }
    public var year: Int
    public var today: Day
    public var statistics: SafetyStatistics
    public var open: [HazardLine]
    public var unitName: @Sendable (Int?) -> String
    public var inspections: [InspectionLine]
    public var canRecord: Bool
    public var canManage: Bool
    public init(year: Int, today: Day, statistics: SafetyStatistics, open: [HazardLine], unitName: @escaping @Sendable (Int?) -> String,
                inspections: [InspectionLine], canRecord: Bool, canManage: Bool) {
        self.year = year; self.today = today; self.statistics = statistics; self.open = open; self.unitName = unitName; self.inspections = inspections
        self.canRecord = canRecord; self.canManage = canManage
    }

    static func rate(_ r: Double?) -> String { UI.percent(r) }

    /// Two bars per unit: 整改率 and 按期整改率.
    func chart() -> String {
        RateBars.svg(statistics.byUnit.filter { $0.value.found > 0 }.map { (unitName($0.key), $0.value.rectificationRate, $0.value.onTimeRate) },
                     legend: ("整改率", "按期整改率"), ariaLabel: "各单位隐患整改率")
    }

    func openTable() -> Node<HTML.BodyContext> {
        let sorted = open.sorted { ($0.overdueWorkdays ?? -1, $0.hazard.level == .major ? 1 : 0) > ($1.overdueWorkdays ?? -1, $1.hazard.level == .major ? 1 : 0) }
        return sorted.isEmpty ? .p(.class("meta"), .text("没有未销号的隐患。")) : .div(.class("scroll"), .table(.class("responsive"),
            .thead(.tr(.th("发现日"), .th("企业"), .th("隐患"), .th("等级"), .th("责任单位 / 责任人"), .th("整改期限"), .th("状态"))),
            .tbody(.forEach(sorted.prefix(200)) { l in
                .tr(.td(.data(named: "label", value: "发现日"), .text(l.hazard.foundOn.iso)),
                    .td(.data(named: "label", value: "企业"), .text(l.firm)),
                    .td(.data(named: "label", value: "隐患"), .a(.href(SiteURL.hazard(l.hazard.id).path), .text(l.hazard.description))),
                    .td(.data(named: "label", value: "等级"), .span(.class(l.hazard.level == .major ? "light red" : "light yellow"), .text(l.hazard.level.chineseName))),
                    .td(.data(named: "label", value: "责任"), .text("\(l.unit) / \(l.hazard.responsiblePerson)")),
                    .td(.data(named: "label", value: "期限"), .text(l.hazard.deadline.iso)),
                    .td(.data(named: "label", value: "状态"), l.overdueWorkdays.map { .span(.class("light red"), .text("\(l.hazard.status.chineseName)·逾期\($0)个工作日")) }
                        ?? .span(.class("light not_started"), .text(l.hazard.status.chineseName))))
            })))
    }

    func summary() -> Node<HTML.BodyContext> {
        let z = statistics.zone
        return .p(.class("meta"), .text("\(year)年发现隐患\(z.found)项（重大\(z.foundMajor)项），已验收销号\(z.verified)项；整改率\(Self.rate(z.rectificationRate))，"
            + "按期整改率\(Self.rate(z.onTimeRate))；逾期未销号\(z.overdue)项，重大隐患未销号\(z.openMajor)项。"
            + "口径：整改率=期内发现且已验收销号÷期内发现；按期整改率=按期销号÷（已销号+逾期未销号）。"))
    }

    public func render(_ ctx: PageContext) -> String {
        Layout.render(title: "安全生产", context: ctx, body: .group(
            .h1("安全生产"),
            .p(.class("actions"),
               canRecord ? .a(.class("button primary"), .href(SiteURL.safetyInspectionNew.path), .text("登记检查与隐患")) : .empty,
               .text("　"), .a(.href(SiteURL.accidents.path), .text("生产安全事故")),
               canManage ? .group(.text("　"), .a(.href(SiteURL.safetySettings.path), .text("整改时限设置")), .text("　"),
                                  .form(.method(.post), .action(SiteURL.safetySupervise.path), .class("inline"), UI.csrf(ctx.csrfToken),
                                        .button(.type(.submit), .text("逾期隐患生成督办建议")))) : .empty),
            summary(),
            .raw(chart()),
            .h2(.text("未销号的隐患（\(open.count)项）")),
            openTable(),
            .h2("最近的检查"),
            inspections.isEmpty ? .p(.class("meta"), .text("尚无检查记录。")) : .table(.thead(.tr(.th("日期"), .th("企业"), .th("类型"), .th("检查人员"), .th("检查情况"))),
                .tbody(.forEach(inspections) { i in .tr(.td(.text(i.day.iso)), .td(.text(i.firm)), .td(.text(i.kind)), .td(.text(i.inspectors)), .td(.text(i.findings))) }))
        ))
    }
}
