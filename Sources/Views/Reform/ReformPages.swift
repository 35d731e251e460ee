import Domain
import Foundation
import Plot

/// Pieces the reform pages share: the bonus rule in words, a stage's standing, a late stage in words.
enum ReformUI {
    static func n(_ v: Double) -> String { formatNumber(v) }

    /// "市级成果1分、省级成果2分、国家级成果3分；每个单位每次考核合计不超过5分；同一事项就高不重复".
    static func rulesText(_ r: ReformBonusRules) -> String {
        "市级成果\(n(r.city))分、省级成果\(n(r.province))分、国家级成果\(n(r.nation))分；每个单位每次考核合计不超过\(n(r.cap))分；"
            + (r.highestPerItem ? "同一事项就高不重复" : "同一事项多项成果累计加分")
    }

    static func lateText(_ l: ReformProgress.Late) -> String {
        if let done = l.doneOn { return "“\(l.name)”截止\(l.deadline.iso)，\(done.iso)完成，逾期\(l.workdaysLate)个工作日" }
        return "“\(l.name)”截止\(l.deadline.iso)，已逾期\(l.workdaysLate)个工作日未完成"
    }

    static func stageStatus(_ index: Int, _ s: ReformStage, _ p: ReformProgress) -> Node<HTML.BodyContext> {
        if let l = p.late.first(where: { $0.index == index }) {
            return l.doneOn == nil ? .span(.class("light red"), .text("逾期\(l.workdaysLate)个工作日"))
                : .span(.class("light done_late"), .text("逾期\(l.workdaysLate)个工作日完成"))
        }
        if s.doneOn != nil { return .span(.class("light green"), .text("按期完成")) }
        if p.nextIndex == index { return .span(.class("light yellow"), .text("推进中")) }
        return .span(.class("light not_started"), .text("未开始"))
    }

    static func levelOptions() -> [(String, String)] { BrandLevel.allCases.map { ($0.code, $0.chineseName) } }
    static func scopeOptions() -> [(String, String)] { BrandLevel.allCases.map { ($0.code, $0.scopeName) } }
}

/// 改革项目库: every item of the year grouped by its brand level, with its roadmap's progress (late stages in red), a
/// chart of the levels (on track against late), and each lead unit's reform bonus under the zone's rule.
public struct ReformListPage: Sendable {
    public struct Row: Sendable {
        public let item: ReformItem, lead: String, progress: ReformProgress
        public init(item: ReformItem, lead: String, progress: ReformProgress) { self.item = item; self.lead = lead; self.progress = progress }
        /// A stage is open past its deadline.
        var isLate: Bool { !progress.overdueOpen.isEmpty }
    }
    /// One lead unit's bonus for the period, with its explanation lines.
    public struct UnitBonus: Sendable {
        public let unit: String, points: Double, uncapped: Double, lines: [String]
        public init(unit: String, points: Double, uncapped: Double, lines: [String]) { self.unit = unit; self.points = points; self.uncapped = uncapped; self.lines = lines }
    }
    public var year: Int
    public var rows: [Row]
    public var bonuses: [UnitBonus]
    public var rules: ReformBonusRules
    public var canEdit: Bool
    public init(year: Int, rows: [Row], bonuses: [UnitBonus], rules: ReformBonusRules, canEdit: Bool) {
        self.year = year; self.rows = rows; self.bonuses = bonuses; self.rules = rules; self.canEdit = canEdit
    }

    /// One bar per brand level: green the items on track, red those with a stage open past its deadline.
    func chart() -> String {
        let counts = BrandLevel.allCases.map { level -> (BrandLevel, Int, Int) in
            let mine = rows.filter { $0.item.target == level }
            return (level, mine.count, mine.filter(\.isLate).count)
        }
        let top = Double(max(1, counts.map { $0.1 }.max() ?? 1))
        let w = 640.0, l = 110.0, r = 150.0, rowH = 30.0
        let h = Double(counts.count) * rowH + 26
        func f(_ v: Double) -> String { String(format: "%.1f", v) }
        var s = "<svg class=\"chart\" viewBox=\"0 0 \(Int(w)) \(Int(h))\" width=\"100%\" role=\"img\" aria-label=\"各品牌层级改革项目进度\">"
        s += "<text x=\"\(f(l))\" y=\"12\" font-size=\"11\" fill=\"#5f6368\">绿：按进度推进　红：有阶段逾期未完成</text>"
        for (i, c) in counts.enumerated() {
            let y = 20 + Double(i) * rowH
            var name = ""
            HTMLWriter.escape(c.0.chineseName, into: &name)
            s += "<text x=\"\(f(l - 6))\" y=\"\(f(y + 15))\" font-size=\"12\" text-anchor=\"end\" fill=\"#202124\">\(name)</text>"
            let unit = (w - l - r) / top
            let onTrack = Double(c.1 - c.2) * unit, late = Double(c.2) * unit
            if onTrack > 0 { s += "<rect x=\"\(f(l))\" y=\"\(f(y + 3))\" width=\"\(f(onTrack))\" height=\"16\" fill=\"#2e7d32\"/>" }
            if late > 0 { s += "<rect x=\"\(f(l + onTrack))\" y=\"\(f(y + 3))\" width=\"\(f(late))\" height=\"16\" fill=\"#c5221f\"/>" }
            s += "<text x=\"\(f(l + onTrack + late + 6))\" y=\"\(f(y + 15))\" font-size=\"11\" fill=\"#5f6368\">\(c.1)项：按进度\(c.1 - c.2)项，滞后\(c.2)项</text>"
        }
        return s + "</svg>"
    }

    func progressCell(_ r: Row) -> Node<HTML.BodyContext> {
        let p = r.progress
        return .group(.text("\(p.done)/\(p.total)　"), UI.progressBar(p.total == 0 ? 0 : 100 * Double(p.done) / Double(p.total)))
    }

    func nextCell(_ r: Row) -> Node<HTML.BodyContext> {
        let p = r.progress
        guard let name = p.nextName, let due = p.nextDeadline else { return .span(.class("light green"), .text("全部完成")) }
        let left = p.workdaysToNext.map { $0 > 0 ? "，还有\($0)个工作日" : "" } ?? ""
        return .text("\(name)（\(due.iso)截止\(left)）")
    }

    func lateCell(_ r: Row) -> Node<HTML.BodyContext> {
        let late = r.progress.late
        guard !late.isEmpty else { return .text("—") }
        return .group(.forEach(late) { l in
            .div(.span(.class(l.doneOn == nil ? "light red" : "light done_late"), .text(ReformUI.lateText(l))))
        })
    }

    func outcomeCell(_ r: Row) -> Node<HTML.BodyContext> {
        guard let best = r.item.outcomes.max(by: { ($0.level, $1.day) < ($1.level, $0.day) }) else { return .text("—") }
        let more = r.item.outcomes.count > 1 ? "等\(r.item.outcomes.count)项" : ""
        return .group(.text(best.label + more), r.item.targetReached ? .span(.class("light green"), .text("已达目标")) : .empty)
    }

    func table(_ level: BrandLevel) -> Node<HTML.BodyContext> {
        let mine = rows.filter { $0.item.target == level }
        return .group(
            .h2(.text("\(level.chineseName)（\(mine.count)项）")),
            mine.isEmpty ? .p(.class("meta"), .text("本层级暂无项目。")) : .div(.class("scroll"), .table(.class("responsive"),
                .thead(.tr(.th("项目"), .th("类别"), .th("牵头单位"), .th("阶段进度"), .th("下一节点"), .th("滞后节点"), .th("成果"))),
                .tbody(.forEach(mine) { r in
                    .tr(.td(.data(named: "label", value: "项目"), .a(.href(SiteURL.reform(r.item.id).path), .text(r.item.title))),
                        .td(.data(named: "label", value: "类别"), .text(r.item.kind.chineseName)),
                        .td(.data(named: "label", value: "牵头单位"), .text(r.lead)),
                        .td(.data(named: "label", value: "阶段进度"), progressCell(r)),
                        .td(.data(named: "label", value: "下一节点"), nextCell(r)),
                        .td(.data(named: "label", value: "滞后节点"), lateCell(r)),
                        .td(.data(named: "label", value: "成果"), outcomeCell(r)))
                }))))
    }

    func bonusSection() -> Node<HTML.BodyContext> {
        .group(
            .h2("改革创新加分（按考核办法）"),
            .p(.class("meta"), .text("\(year)年度，按牵头单位计：\(ReformUI.rulesText(rules))。被采纳或推广的成果作为考核加分项的依据。")),
            bonuses.isEmpty ? .p(.class("meta"), .text("暂无牵头改革项目的单位。")) : .div(.class("scroll"), .table(.class("responsive"),
                .thead(.tr(.th("牵头单位"), .th("加分"), .th("计分说明"))),
                .tbody(.forEach(bonuses) { b in
                    .tr(.td(.data(named: "label", value: "牵头单位"), .text(b.unit)),
                        .td(.data(named: "label", value: "加分"), .text(ReformUI.n(b.points))),
                        .td(.data(named: "label", value: "计分说明"), .ul(.forEach(b.lines) { .li(.text($0)) })))
                }))))
    }

    func summary() -> Node<HTML.BodyContext> {
        let research = rows.filter { $0.item.kind == .research }.count
        let done = rows.reduce(0) { $0 + $1.progress.done }, total = rows.reduce(0) { $0 + $1.progress.total }
        let late = rows.filter(\.isLate).count
        return .p(.class("meta"), .text("共\(rows.count)项：改革事项\(rows.count - research)项、课题攻关\(research)项；阶段节点完成\(done)/\(total)个；有阶段逾期未完成的项目\(late)项。"))
    }

    public func render(_ ctx: PageContext) -> String {
        Layout.render(title: "改革项目库", context: ctx, body: .group(
            .h1(.text("改革项目库（\(year)年）")),
            .p(.class("actions"),
               canEdit ? .a(.class("button primary"), .href(SiteURL.reformNew.path), .text("新增改革项目")) : .empty,
               canEdit ? .group(.text("　"), .a(.href(SiteURL.reformBonusRules.path), .text("改革加分规则"))) : .empty),
            summary(),
            rows.isEmpty ? .empty : .raw(chart()),
            .group(BrandLevel.allCases.map { table($0) }),
            bonusSection()
        ))
    }
}

/// The form that enters a reform item or research topic into the library.
public struct ReformFormPage: Sendable {
    public var values: [String: String]
    public var coUnits: Set<String>
    public var units: [(Int, String)]
    public var tasks: [(Int, String)]
    public var errors: FormErrors
    public var error: String?
    public init(values: [String: String], coUnits: Set<String> = [], units: [(Int, String)], tasks: [(Int, String)], errors: FormErrors = FormErrors(), error: String? = nil) {
        self.values = values; self.coUnits = coUnits; self.units = units; self.tasks = tasks; self.errors = errors; self.error = error
    }

    func v(_ k: String) -> String { values[k] ?? "" }

    func stagesArea() -> Node<HTML.BodyContext> {
        .element(named: "textarea", nodes: [.attribute(named: "id", value: "stages"), .attribute(named: "name", value: "stages"), .attribute(named: "rows", value: "6"),
                                            .attribute(named: "placeholder", value: attr("制定实施方案|\(v("firstYear"))-03-31\n开展试点|\(v("firstYear"))-06-30")),
                                            .text(v("stages"))])
    }

    func unitFields() -> Node<HTML.FormContext> {
        let options = units.map { (String($0.0), $0.1) }
        return .group(
            UI.field("牵头单位", name: "leadUnitId", error: errors, UI.select("leadUnitId", options: options, selected: [v("leadUnitId")], blank: "请选择")),
            UI.field("配合单位（可多选）", name: "coUnitIds", error: errors, UI.select("coUnitIds", options: options, selected: coUnits, multiple: true)),
            UI.field("对应任务（交账、督办和挂图作战随任务进行）", name: "taskId", error: errors,
                     UI.select("taskId", options: tasks.map { (String($0.0), $0.1) }, selected: [v("taskId")], blank: "—")))
    }

    func body(_ csrf: String) -> Node<HTML.BodyContext> {
        .form(.method(.post), .action(SiteURL.reformNew.path), .class("edit"), UI.csrf(csrf),
            UI.field("项目名称", name: "title", error: errors, UI.textInput("title", v("title"), required: true)),
            UI.field("类别", name: "kind", error: errors, UI.select("kind", options: ReformKind.allCases.map { ($0.rawValue, $0.chineseName) }, selected: [v("kind")])),
            UI.field("目标定位（品牌层级）", name: "target", error: errors, UI.select("target", options: ReformUI.levelOptions(), selected: [v("target")], blank: "请选择")),
            unitFields(),
            UI.field("开始年度", name: "firstYear", error: errors, UI.textInput("firstYear", v("firstYear"), type: "number")),
            UI.field("结束年度（一年内完成可不填）", name: "lastYear", error: errors, UI.textInput("lastYear", v("lastYear"), type: "number")),
            UI.field("阶段节点（每行一个：阶段名称|截止日期，按时间先后排列）", name: "stages", error: errors, stagesArea()),
            UI.submit("入库"))
    }

    public func render(_ ctx: PageContext) -> String {
        Layout.render(title: "新增改革项目", context: ctx, body: .group(
            .p(.class("meta"), .a(.href(SiteURL.reforms.path), .text("‹ 改革项目库"))),
            .h1("新增改革项目"),
            .unwrap(error) { .p(.class("errorbox"), .text($0)) },
            body(ctx.csrfToken)
        ))
    }
}

/// One reform item: its facts, its stages with deadlines and days done (the next one can be marked done by the office
/// or the lead unit's reporter), the outcomes higher bodies adopted or promoted, and the bonus they earn.
public struct ReformPage: Sendable {
    public var item: ReformItem
    public var lead: String
    public var coUnits: String
    public var task: (Int, String)?
    public var progress: ReformProgress
    public var bonus: ReformBonus
    public var rules: ReformBonusRules
    public var today: Day
    public var canEdit: Bool
    public var canMark: Bool
    public var error: String?
    public init(item: ReformItem, lead: String, coUnits: String, task: (Int, String)?, progress: ReformProgress, bonus: ReformBonus, rules: ReformBonusRules,
                today: Day, canEdit: Bool, canMark: Bool) {
        self.item = item; self.lead = lead; self.coUnits = coUnits; self.task = task; self.progress = progress; self.bonus = bonus; self.rules = rules
        self.today = today; self.canEdit = canEdit; self.canMark = canMark
    }

    func facts() -> Node<HTML.BodyContext> {
        let i = item
        let years = i.firstYear == i.lastYear ? "\(i.firstYear)年" : "\(i.firstYear)—\(i.lastYear)年"
        return .table(.class("facts"), .tbody(
            .tr(.th("类别"), .td(.text(i.kind.chineseName))),
            .tr(.th("目标定位"), .td(.text(i.target.chineseName))),
            .tr(.th("牵头单位"), .td(.text(lead))),
            .tr(.th("配合单位"), .td(.text(coUnits))),
            .tr(.th("实施年度"), .td(.text(years))),
            .tr(.th("对应任务"), .td(taskCell()))))
    }

    func taskCell() -> Node<HTML.BodyContext> {
        guard let t = task else { return .text("未关联") }
        return .group(.a(.href(SiteURL.task(t.0).path), .text(t.1)), .text("（交账、督办和挂图作战随任务进行）"))
    }

    func stagesTable() -> Node<HTML.BodyContext> {
        .div(.class("scroll"), .table(.class("responsive"),
            .thead(.tr(.th("序号"), .th("阶段"), .th("截止日期"), .th("完成日期"), .th("状态"))),
            .tbody(.forEach(Array(item.stages.enumerated())) { i, s in
                .tr(.td(.data(named: "label", value: "序号"), .text(String(i + 1))),
                    .td(.data(named: "label", value: "阶段"), .text(s.name)),
                    .td(.data(named: "label", value: "截止日期"), .text(s.deadline.iso)),
                    .td(.data(named: "label", value: "完成日期"), .text(s.doneOn?.iso ?? "—")),
                    .td(.data(named: "label", value: "状态"), ReformUI.stageStatus(i, s, progress)))
            })))
    }

    func markForm(_ csrf: String) -> Node<HTML.BodyContext> {
        guard canMark, let next = progress.nextIndex else { return .empty }
        let open = item.stages.enumerated().filter { $0.element.doneOn == nil }.map { (String($0.offset), "\($0.offset + 1). \($0.element.name)") }
        return .form(.method(.post), .action(SiteURL.reformStage(item.id).path), .class("filters"), UI.csrf(csrf),
            .input(.type(.hidden), .name("version"), .value(String(item.version))),
            .element(named: "label", nodes: [.text("阶段"), UI.select("stage", options: open, selected: [String(next)])]),
            .element(named: "label", nodes: [.text("完成日期"), UI.textInput("day", today.iso, type: "date")]),
            .button(.type(.submit), .text("登记完成")))
    }

    func outcomesSection() -> Node<HTML.BodyContext> {
        .group(
            .h2("改革成果（被采纳、推广）"),
            item.outcomes.isEmpty ? .p(.class("meta"), .text("尚无被上级采纳或推广的成果。")) : .div(.class("scroll"), .table(.class("responsive"),
                .thead(.tr(.th("日期"), .th("层级"), .th("方式"), .th("采纳或推广单位"), .th("佐证"))),
                .tbody(.forEach(item.outcomes) { o in
                    .tr(.td(.data(named: "label", value: "日期"), .text(o.day.iso)),
                        .td(.data(named: "label", value: "层级"), .text(o.level.scopeName)),
                        .td(.data(named: "label", value: "方式"), .text(o.kind.chineseName)),
                        .td(.data(named: "label", value: "单位"), .text(o.body)),
                        .td(.data(named: "label", value: "佐证"), .text(o.evidence.isEmpty ? "—" : o.evidence)))
                }))))
    }

    func outcomeForm(_ csrf: String) -> Node<HTML.BodyContext> {
        guard canEdit else { return .empty }
        return .form(.method(.post), .action(SiteURL.reformOutcome(item.id).path), .class("edit"), UI.csrf(csrf),
            .input(.type(.hidden), .name("version"), .value(String(item.version))),
            .h3(.text("登记成果")),
            UI.field("方式", name: "kind", error: FormErrors(), UI.select("kind", options: OutcomeKind.allCases.map { ($0.rawValue, $0.chineseName) }, selected: [])),
            UI.field("层级", name: "level", error: FormErrors(), UI.select("level", options: ReformUI.scopeOptions(), selected: [], blank: "请选择")),
            UI.field("采纳或推广单位（如省发展改革委）", name: "body", error: FormErrors(), UI.textInput("body", "")),
            UI.field("日期", name: "day", error: FormErrors(), UI.textInput("day", today.iso, type: "date")),
            UI.field("佐证（文件名称、文号、简报期数）", name: "evidence", error: FormErrors(), UI.textArea("evidence", "")),
            UI.submit("登记"))
    }

    func bonusSection() -> Node<HTML.BodyContext> {
        .group(
            .h2("可计加分"),
            .p(.class("meta"), .text("按现行改革加分规则（\(ReformUI.rulesText(rules))），本项目成果可计\(ReformUI.n(bonus.points))分；单位合计上限按考核期计。")),
            .ul(.forEach(bonus.lines) { .li(.text($0)) }))
    }

    public func render(_ ctx: PageContext) -> String {
        Layout.render(title: item.title, context: ctx, body: .group(
            .p(.class("meta"), .a(.href(SiteURL.reforms.path), .text("‹ 改革项目库"))),
            .h1(.text(item.title)),
            .unwrap(error) { .p(.class("errorbox"), .text($0)) },
            facts(),
            .h2(.text("阶段节点（已完成\(progress.done)/\(progress.total)）")),
            stagesTable(),
            markForm(ctx.csrfToken),
            outcomesSection(),
            outcomeForm(ctx.csrfToken),
            bonusSection()
        ))
    }
}

/// The zone's rule turning reform outcomes into assessment bonus points.
public struct ReformBonusRulesPage: Sendable {
    public var rules: ReformBonusRules
    public var version: Int
    public var error: String?
    public init(rules: ReformBonusRules, version: Int, error: String? = nil) { self.rules = rules; self.version = version; self.error = error }

    func form(_ csrf: String) -> Node<HTML.BodyContext> {
        .form(.method(.post), .action(SiteURL.reformBonusRules.path), .class("edit"), UI.csrf(csrf),
            .input(.type(.hidden), .name("version"), .value(String(version))),
            UI.field("市级成果（分/项）", name: "city", error: FormErrors(), UI.textInput("city", ReformUI.n(rules.city))),
            UI.field("省级成果（分/项）", name: "province", error: FormErrors(), UI.textInput("province", ReformUI.n(rules.province))),
            UI.field("国家级成果（分/项）", name: "nation", error: FormErrors(), UI.textInput("nation", ReformUI.n(rules.nation))),
            UI.field("每个单位每次考核加分上限", name: "cap", error: FormErrors(), UI.textInput("cap", ReformUI.n(rules.cap))),
            .div(.class("field"), .element(named: "label", nodes: [
                .input(.type(.checkbox), .name("highestPerItem"), .value("1"), rules.highestPerItem ? .checked(true) : .empty),
                .text("同一事项就高不重复（多个单位采纳或推广同一成果，只按最高层级计一次）")])),
            UI.submit("保存"))
    }

    public func render(_ ctx: PageContext) -> String {
        Layout.render(title: "改革加分规则", context: ctx, body: .group(
            .p(.class("meta"), .a(.href(SiteURL.reforms.path), .text("‹ 改革项目库"))),
            .h1("改革加分规则"),
            .p(.class("meta"), .text("现行：\(ReformUI.rulesText(rules))。按成果被采纳或推广的日期计入考核期，加分记在项目的牵头单位。")),
            .unwrap(error) { .p(.class("errorbox"), .text($0)) },
            form(ctx.csrfToken)
        ))
    }
}
