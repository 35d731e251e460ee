import Domain
import Plot

/// 工作日历: the year as twelve month grids, holidays and make-up working days marked and named,
/// the zone's own overrides, and the forms to change them.
public struct CalendarPage: Sendable {
    public struct OverrideLine: Sendable {
        public let id: Int
        public let version: Int
        public let override: ZoneOverride
        public init(id: Int, version: Int, override: ZoneOverride) { self.id = id; self.version = version; self.override = override }
    }
    public var year: Int
    public var kinds: [Day: DayKind]
    public var noticeTitle: String?
    public var overrides: [OverrideLine]
    public var canEditOverrides: Bool
    public var canLoadNotice: Bool
    public var errors: FormErrors
    public var noticeText: String
    public var workdayCount: Int
    public init(year: Int, kinds: [Day: DayKind], noticeTitle: String?, overrides: [OverrideLine], canEditOverrides: Bool,
                canLoadNotice: Bool, errors: FormErrors = FormErrors(), noticeText: String = "", workdayCount: Int) {
        self.year = year; self.kinds = kinds; self.noticeTitle = noticeTitle; self.overrides = overrides
        self.canEditOverrides = canEditOverrides; self.canLoadNotice = canLoadNotice; self.errors = errors
        self.noticeText = noticeText; self.workdayCount = workdayCount
    }

    static let weekdayNames = ["一", "二", "三", "四", "五", "六", "日"]

    public func render(_ ctx: PageContext) -> String {
        Layout.render(title: "\(year)年工作日历", context: ctx, body: .group(
            .h1("\(year)年工作日历"),
            .p(.class("actions"),
               .a(.href(SiteURL.calendar.with([("year", String(year - 1))])), .text("‹ \(year - 1)年")),
               .a(.href(SiteURL.calendar.with([("year", String(year + 1))])), .text("\(year + 1)年 ›"))),
            noticeTitle.map { .p(.class("meta"), .text("依据：\($0)。全年工作日\(workdayCount)天。")) }
                ?? .p(.class("warning"), .text("\(year)年的国务院节假日安排尚未录入：下表仅按周末计算，法定节假日与调休均未标出。")),
            .div(.class("legend"),
                 .span(.class("cal-day holiday"), .text("休")), .text(" 法定节假日及连休 "),
                 .span(.class("cal-day makeup"), .text("班")), .text(" 调休上班 "),
                 .span(.class("cal-day weekend"), .text("末")), .text(" 周末 "),
                 .span(.class("cal-day override"), .text("区")), .text(" 本区调整")),
            .div(.class("months"), .forEach(1...12) { month($0) }),
            overridesSection(ctx),
            canLoadNotice ? noticeForm(ctx) : .empty
        ))
    }

    func month(_ m: Int) -> Node<HTML.BodyContext> {
        let first = Day(year: year, month: m, day: 1)!
        let count = Day.daysIn(month: m, year: year)
        var cells: [Day?] = Array(repeating: nil, count: first.weekday - 1)
        cells += (1...count).map { Day(year: year, month: m, day: $0) }
        while cells.count % 7 != 0 { cells.append(nil) }
        let weeks = stride(from: 0, to: cells.count, by: 7).map { Array(cells[$0..<$0 + 7]) }
        return .div(.class("month"),
            .h3("\(m)月"),
            .table(.class("cal"),
                .thead(.tr(.forEach(Self.weekdayNames) { .th(.text($0)) })),
                .tbody(.forEach(weeks) { week in
                    .tr(.forEach(week) { d in cell(d) })
                })))
    }

    func cell(_ d: Day?) -> Node<HTML.TableRowContext> {
        guard let d else { return .td(.class("cal-empty")) }
        let isOverride = overrides.contains { $0.override.day == d }
        let kind = kinds[d] ?? (d.isWeekend ? .weekend : .workday)
        let cls: String
        var label: String?
        switch kind {
        case .workday: cls = "work"
        case .weekend: cls = "weekend"
        case .holiday(let name): cls = "holiday"; label = name
        case .makeupWorkday(let name): cls = "makeup"; label = name + "调休上班"
        }
        return .td(.class("cal-day \(cls)\(isOverride ? " override" : "")"), .title(attr(d.iso + (label.map { " " + $0 } ?? ""))),
                   .span(.class("num"), .text(String(d.day))),
                   .unwrap(label) { .span(.class("name"), .text(String($0.prefix(4)))) })
    }

    func overridesSection(_ ctx: PageContext) -> Node<HTML.BodyContext> {
        .group(
            .h2("本区调整"),
            .p(.class("meta"), .text("在国家安排之外，本区额外放假或安排上班的日子。调整对本区所有工期、状态计算生效。")),
            overrides.isEmpty ? .p(.class("meta"), .text("暂无调整")) : .table(
                .thead(.tr(.th("日期"), .th("类型"), .th("名称"), canEditOverrides ? .th("操作") : .empty)),
                .tbody(.forEach(overrides) { o in
                    .tr(.td(.text(o.override.day.iso)), .td(.text(o.override.kind == .rest ? "放假" : "上班")), .td(.text(o.override.name)),
                        canEditOverrides ? .td(UI.postButton("删除", to: SiteURL.calendarOverrideArchive(o.id).path, csrf: ctx.csrfToken, version: o.version, confirm: "确定删除此调整？")) : .empty)
                })),
            canEditOverrides ? .form(.method(.post), .action(SiteURL.calendarOverrides.path), .class("filters"),
                UI.csrf(ctx.csrfToken),
                .input(.type(.hidden), .name("year"), .value(String(year))),
                .element(named: "label", nodes: [.text("日期"), UI.textInput("day", "", type: "date", required: true)]),
                .element(named: "label", nodes: [.text("类型"), UI.select("kind", options: [("rest", "放假"), ("work", "上班")], selected: ["rest"])]),
                .element(named: "label", nodes: [.text("名称"), UI.textInput("name", "", required: true, placeholder: "例如 园区成立纪念日")]),
                .button(.type(.submit), .text("添加调整")),
                .unwrap(errors["day"] ?? errors["name"] ?? errors["kind"]) { .p(.class("error"), .text($0)) }
            ) : .empty
        )
    }

    func noticeForm(_ ctx: PageContext) -> Node<HTML.BodyContext> {
        .group(
            .h2("录入国务院节假日安排"),
            .p(.class("meta"), .text("每年11月前后国务院办公厅发布下一年的节假日安排。把通知整理成下面格式的JSON粘贴进来即可生效，无需升级系统；同一年份再次录入会替换原有内容。")),
            .pre(.class("meta"), .text(#"{"year": 2027, "title": "国务院办公厅关于2027年部分节假日安排的通知", "doc_no": "国办发明电〔2026〕X号", "issued": "2026-11-05", "holidays": [{"name": "元旦", "dates": ["2027-01-01", "2027-01-02", "2027-01-03"], "makeup_workdays": []}]}"#)),
            .form(.method(.post), .action(SiteURL.calendarNotice.path), .class("edit"),
                UI.csrf(ctx.csrfToken),
                UI.field("通知内容（JSON）", name: "notice", error: errors, UI.textArea("notice", noticeText)),
                UI.submit("录入"))
        )
    }
}
