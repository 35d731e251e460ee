import Domain
import Foundation
import Plot

/// 月通报 as an official document on A4: red masthead, issue number, numbered sections, the issuing
/// body and date at the end. A preview carries a 未印发 mark; an issued one is rendered from its frozen figures.
public struct BulletinPage: Sendable {
    public var bulletin: Bulletin
    public var zoneName: String
    /// nil for a preview; the stored id once issued.
    public var issuedId: Int?
    public var issuedBy: String?
    public var canIssue: Bool
    public var error: String?
    public init(bulletin: Bulletin, zoneName: String, issuedId: Int?, issuedBy: String?, canIssue: Bool) {
        self.bulletin = bulletin; self.zoneName = zoneName; self.issuedId = issuedId; self.issuedBy = issuedBy; self.canIssue = canIssue
    }

    static let numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]

    public static func percent(_ v: Double?) -> String { UI.percent(v) }

    public static func chineseDate(_ d: Day) -> String { "\(d.year)年\(d.month)月\(d.day)日" }

    public func render(_ ctx: PageContext) -> String {
        let b = bulletin, o = b.overall
        let month = Int(b.month.suffix(2)) ?? 0
        let ranked = b.units.filter { $0.rank > 0 }
        let top = ranked.prefix(3).map(\.name).joined(separator: "、")
        let bottom = ranked.count > 3 ? ranked.suffix(3).map(\.name).joined(separator: "、") : ""
        func section(_ n: Int, _ title: String) -> Node<HTML.BodyContext> { .h2(.class("sec"), .text("\(Self.numerals[n])、\(title)")) }
        return Layout.render(title: b.title, context: ctx, body: .group(
            .div(.class("actions"),
                .a(.href(SiteURL.bulletins.path), .text("‹ 月通报")),
                .unwrap(issuedId) { id in .a(.href(SiteURL.bulletinXLSX(id).path), .text("下载Excel")) },
                .element(named: "button", nodes: [.attribute(named: "data-print", value: "print"), .attribute(named: "type", value: "button"), .text("打印")])),
            .unwrap(error) { .p(.class("errorbox"), .text($0)) },
            issuedId == nil ? .p(.class("warning"), .text("预览：以下数字按当前数据实时计算，印发后固定，此后数据变化不再改变已印发的通报。")) : .empty,
            issuedId == nil && canIssue ? .form(.method(.post), .action(SiteURL.bulletins.path), .class("inline"),
                UI.csrf(ctx.csrfToken), .input(.type(.hidden), .name("month"), .value(b.month)), UI.submit("印发本期通报")) : .empty,
            .article(.class("bulletin a4"),
                issuedId == nil ? .div(.class("stamp"), .text("未印发")) : .empty,
                .div(.class("masthead"), .text("\(zoneName)工作通报")),
                .p(.class("issue-no"), .text("第\(b.number)期")),
                .div(.class("issue-line"), .span(.text(b.issuingBody)), .span(.text(Self.chineseDate(b.issuedOn)))),
                .h1(.class("doc-title"), .text(b.title)),
                .p(.text("现将\(month)月份全区重点工作推进、交账和督查督办情况通报如下（数据截至\(Self.chineseDate(b.asOf))）：")),
                section(0, "总体情况"),
                .p(.text("全区年度任务\(o.tasks)项，已完成\(o.done)项（其中逾期完成\(o.doneLate)项），加权完成进度\(String(format: "%.1f", o.percentDone))%。"
                         + "红灯任务\(o.red + o.overdue)项（其中严重滞后\(o.red)项、已逾期未完成\(o.overdue)项），进度滞后（黄灯）\(o.yellow)项。"
                         + "本月应交账\(o.reportsExpected)项次，按时\(o.reportsOnTime)项次，逾期\(o.reportsLate)项次，未交\(o.reportsMissing)项次。")),
                section(1, "分计划推进情况"),
                .table(.class("doc"),
                    .thead(.tr(.th("序号"), .th("计划"), .th("分管领导"), .th("牵头单位"), .th("任务数"), .th("已完成"), .th("红灯（含逾期）"), .th("完成进度"))),
                    .tbody(.forEach(b.plans) { p in
                        .tr(.td(.text(String(p.seq))), .td(.text(p.name)), .td(.text(p.leader)), .td(.text(p.leadUnit)), .td(.text(String(p.tasks))),
                            .td(.text(String(p.done))), .td(.text(String(p.red))), .td(.text(String(format: "%.1f%%", p.percentDone))))
                    })),
                section(2, "各单位交账和完成情况"),
                .p(.text("按“按时交账率、按期完成率”排名，无应交账和到期任务的单位不参与排名。" + (top.isEmpty ? "" : "排名靠前的是\(top)" + (bottom.isEmpty ? "。" : "；排名靠后的是\(bottom)，请对照整改。")))),
                .table(.class("doc"),
                    .thead(.tr(.th("名次"), .th("单位"), .th("任务数"), .th("应交账"), .th("按时"), .th("逾期"), .th("未交"), .th("按时交账率"), .th("到期任务"), .th("按期完成"), .th("按期完成率"), .th("红灯"))),
                    .tbody(.forEach(b.units) { u in
                        .tr(.td(.text(u.rank > 0 ? String(u.rank) : "—")), .td(.class("name"), .text(u.name)), .td(.text(String(u.tasks))), .td(.text(String(u.reportsExpected))),
                            .td(.text(String(u.reportsOnTime))), .td(.text(String(u.reportsLate))), .td(.text(String(u.reportsMissing))),
                            .td(.text(Self.percent(u.onTimeReportRate))), .td(.text(String(u.due))), .td(.text(String(u.doneOnTime))),
                            .td(.text(Self.percent(u.completionRate))), .td(.text(String(u.red))))
                    })),
                section(3, "红灯任务清单"),
                b.redList.isEmpty ? .p(.text("本月无红灯任务。")) : .table(.class("doc"),
                    .thead(.tr(.th("序号"), .th("任务"), .th("责任单位"), .th("完成时限"), .th("进度"), .th("状态"))),
                    .tbody(.forEach(Array(b.redList.enumerated())) { i, r in
                        .tr(.td(.text(String(i + 1))), .td(.class("name"), .text(r.title)), .td(.text(r.unit)), .td(.class("date"), .text(r.deadline.iso)), .td(.text("\(r.percentDone)%")),
                            .td(.text(r.light.chineseName)))
                    })),
                section(4, "督查督办情况"),
                .p(.text("本月下发督办单\(b.orders.opened)件，办结\(b.orders.closed)件；截至\(Self.chineseDate(b.asOf))在办\(b.orders.openAtEnd)件，其中超过反馈时限\(b.orders.overdue)件。")),
                .div(.class("signature"), .p(.text(b.issuingBody)), .p(.text(Self.chineseDate(b.issuedOn)))),
                .unwrap(issuedBy) { .p(.class("meta noprint"), .text("印发人：\($0)")) })
        ))
    }
}

/// The list of issued bulletins and the month to preview.
public struct BulletinListPage: Sendable {
    public struct Item: Sendable {
        public let id: Int, month: String, number: Int, title: String, issuedOn: Day, by: String
        public init(id: Int, month: String, number: Int, title: String, issuedOn: Day, by: String) {
            self.id = id; self.month = month; self.number = number; self.title = title; self.issuedOn = issuedOn; self.by = by
        }
    }
    public var items: [Item]
    public var defaultMonth: String
    public init(items: [Item], defaultMonth: String) { self.items = items; self.defaultMonth = defaultMonth }

    public func render(_ ctx: PageContext) -> String {
        Layout.render(title: "月通报", context: ctx, body: .group(
            .h1("月通报"),
            .form(.method(.get), .action(SiteURL.bulletinPreview.path), .class("filters"),
                .element(named: "label", nodes: [.text("月份"), .element(named: "input", nodes: [
                    .attribute(named: "type", value: "month"), .attribute(named: "name", value: "month"), .attribute(named: "value", value: defaultMonth)])]),
                .button(.type(.submit), .text("预览"))),
            items.isEmpty ? .p(.class("meta"), .text("尚未印发月通报。")) : .table(
                .thead(.tr(.th("月份"), .th("期号"), .th("标题"), .th("印发日期"), .th("印发人"), .th("Excel"))),
                .tbody(.forEach(items) { i in
                    .tr(.td(.text(i.month)), .td(.text("第\(i.number)期")), .td(.a(.href(SiteURL.bulletin(i.id).path), .text(i.title))),
                        .td(.text(i.issuedOn.iso)), .td(.text(i.by)), .td(.a(.href(SiteURL.bulletinXLSX(i.id).path), .text("下载"))))
                }))
        ))
    }
}
