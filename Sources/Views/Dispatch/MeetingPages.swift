import Domain
import Plot

/// 调度会: the list of meetings, and one meeting — its agenda by leader in charge, a decision form on
/// each item, and the decisions taken with what they became.
public struct MeetingListPage: Sendable {
    public struct Item: Sendable {
        public let id: Int, title: String, heldOn: Day, items: Int, by: String
        public init(id: Int, title: String, heldOn: Day, items: Int, by: String) { self.id = id; self.title = title; self.heldOn = heldOn; self.items = items; self.by = by }
    }
    public var meetings: [Item]
    public var canOpen: Bool
    public var defaultTitle: String
    public var error: String?
    public init(meetings: [Item], canOpen: Bool, defaultTitle: String) { self.meetings = meetings; self.canOpen = canOpen; self.defaultTitle = defaultTitle }

    public func render(_ ctx: PageContext) -> String {
        Layout.render(title: "调度会", context: ctx, body: .group(
            .h1("调度会"),
            .p(.class("meta"), .text("议程由系统生成：红灯任务、自上次调度会以来新增逾期的任务、单位提出的需协调事项，按分管领导分组。会上议定的事项逐条转为任务或督办单。")),
            .unwrap(error) { .p(.class("errorbox"), .text($0)) },
            canOpen ? .form(.method(.post), .action(SiteURL.meetings.path), .class("filters"), UI.csrf(ctx.csrfToken),
                .element(named: "label", nodes: [.text("会议名称"), UI.textInput("title", defaultTitle)]),
                UI.submit("生成议程并召开")) : .empty,
            meetings.isEmpty ? .p(.class("meta"), .text("尚未召开调度会。")) : .table(
                .thead(.tr(.th("日期"), .th("会议"), .th("议题数"), .th("召集"))),
                .tbody(.forEach(meetings) { m in
                    .tr(.td(.text(m.heldOn.iso)), .td(.a(.href(SiteURL.meeting(m.id).path), .text(m.title))), .td(.text(String(m.items))), .td(.text(m.by)))
                }))
        ))
    }
}

public struct MeetingPage: Sendable {
    public struct Decision: Sendable {
        public let aboutTaskId: Int, text: String, kind: String, unit: String, deadline: Day, link: String?, linkText: String
        public init(aboutTaskId: Int, text: String, kind: String, unit: String, deadline: Day, link: String?, linkText: String) {
            self.aboutTaskId = aboutTaskId; self.text = text; self.kind = kind; self.unit = unit; self.deadline = deadline; self.link = link; self.linkText = linkText
        }
    }
    public var id: Int
    public var title: String
    public var heldOn: Day
    public var agenda: DispatchAgenda
    public var decisions: [Decision]
    public var units: [OrgUnit]
    public var canDecide: Bool
    public var error: String?
    public init(id: Int, title: String, heldOn: Day, agenda: DispatchAgenda, decisions: [Decision], units: [OrgUnit], canDecide: Bool) {
        self.id = id; self.title = title; self.heldOn = heldOn; self.agenda = agenda; self.decisions = decisions; self.units = units; self.canDecide = canDecide
    }

    public func render(_ ctx: PageContext) -> String {
        let unitOptions = units.map { (String($0.id), $0.name) }
        let decided = Dictionary(grouping: decisions, by: \.aboutTaskId)
        return Layout.render(title: title, context: ctx, body: .group(
            .p(.class("meta"), .a(.href(SiteURL.meetings.path), .text("‹ 调度会"))),
            .h1(.text(title)),
            .p(.class("meta"), .text("\(heldOn.iso) · 议题\(agenda.itemCount)项 · 已议定\(decisions.count)项")),
            .unwrap(error) { .p(.class("errorbox"), .text($0)) },
            agenda.groups.isEmpty ? .p(.text("本次没有需要调度的事项。")) : .forEach(agenda.groups) { g in
                .group(.h2(.text("\(g.leader)（\(g.items.count)项）")),
                       .forEach(g.items) { item in
                    .div(.class("agenda-item"),
                        .p(.a(.href(SiteURL.task(item.taskId).path), .text(item.title)),
                           .span(.class("meta"), .text(" \(item.unitName) · 时限\(item.deadline.iso) · 进度\(item.percentDone)% · " + item.reasons.map(\.chineseName).joined(separator: "、")))),
                        item.ask.isEmpty ? .empty : .p(.class("meta"), .text("需协调：\(item.ask)")),
                        .forEach(decided[item.taskId] ?? []) { d in
                            .p(.text("议定：\(d.text)（\(d.kind)，\(d.unit)，\(d.deadline.iso)前）"), .unwrap(d.link) { .a(.href($0), .text(" " + d.linkText)) })
                        },
                        canDecide ? .form(.method(.post), .action(SiteURL.meetingDecisions(id).path), .class("decision"), UI.csrf(ctx.csrfToken),
                            .input(.type(.hidden), .name("about"), .value(String(item.taskId))),
                            UI.field("议定事项", name: "text", error: FormErrors(), UI.textInput("text", "")),
                            UI.field("转为", name: "kind", error: FormErrors(), UI.select("kind", options: [("order", "督办单（针对本任务）"), ("task", "新任务")], selected: ["order"])),
                            UI.field("责任单位", name: "unit", error: FormErrors(), UI.select("unit", options: unitOptions, selected: [String(item.unitId)])),
                            UI.field("完成时限", name: "deadline", error: FormErrors(), UI.textInput("deadline", "", type: "date")),
                            UI.submit("记录")) : .empty)
                })
            }
        ))
    }
}
