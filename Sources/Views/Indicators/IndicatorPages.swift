import Domain
import Foundation
import Plot

/// One indicator's year as a row of the list and as the detail page's data.
public struct IndicatorYearView: Sendable {
    public struct Point: Sendable {
        public let key: String
        public let target: Double
        /// The newest value entered for the period, and its review status name.
        public let actual: Double?
        public let status: String?
        public let light: Light?
        /// The value's 佐证材料: id and file name.
        public var evidence: [(id: Int, name: String)] = []
        public init(key: String, target: Double, actual: Double?, status: String?, light: Light?) {
            self.key = key; self.target = target; self.actual = actual; self.status = status; self.light = light
        }
    }
    public let indicator: Indicator
    public let ownerName: String
    public let trajectory: Trajectory?
    public let points: [Point]
    public init(indicator: Indicator, ownerName: String, trajectory: Trajectory?, points: [Point]) {
        self.indicator = indicator; self.ownerName = ownerName; self.trajectory = trajectory; self.points = points
    }
    /// The light of the newest period with a value.
    public var latest: Point? { points.last { $0.actual != nil } }

    /// A figure as the indicator pages print it: whole numbers without decimals, others with two.
    public static func number(_ v: Double) -> String {
        v == v.rounded() && abs(v) < 1e12 ? String(Int(v)) : String(format: "%.2f", v)
    }
}

/// 指标: the zone's indicators for a year, each with its latest value against its trajectory.
public struct IndicatorListPage: Sendable {
    public var year: Int
    public var rows: [IndicatorYearView]
    public var canCreate: Bool
    public init(year: Int, rows: [IndicatorYearView], canCreate: Bool) { self.year = year; self.rows = rows; self.canCreate = canCreate }

    public func render(_ ctx: PageContext) -> String {
        let offTrack = rows.filter { $0.latest?.light == .red }.count
        return Layout.render(title: "指标", context: ctx, body: .group(
            .h1(.text("\(year)年度指标")),
            .p(.class("meta"), .text("共\(rows.count)项指标，最新一期偏离轨迹（红灯）\(offTrack)项。轨迹为从基数到年度目标的期间目标，未单独设定的按直线分配。")),
            canCreate ? .p(.a(.href(SiteURL.indicatorNew.path), .text("新增指标")), .text("　"), .a(.href(SiteURL.indicatorImport.path), .text("导入数值（Excel/CSV）"))) : .empty,
            rows.isEmpty ? .p(.class("meta"), .text("尚未设置指标。")) : .div(.class("scroll"), .table(.class("responsive"),
                .thead(.tr(.th("代码"), .th("指标"), .th("单位"), .th("方向"), .th("频次"), .th("责任单位"), .th("基数"), .th("年度目标"), .th("最新一期"), .th("在轨"))),
                .tbody(.forEach(rows) { r in
                    .tr(.td(.data(named: "label", value: "代码"), .text(r.indicator.code)),
                        .td(.data(named: "label", value: "指标"), .a(.href(SiteURL.indicator(r.indicator.id).with([("year", String(year))])), .text(r.indicator.name))),
                        .td(.data(named: "label", value: "单位"), .text(r.indicator.unit)),
                        .td(.data(named: "label", value: "方向"), .text(r.indicator.direction.chineseName)),
                        .td(.data(named: "label", value: "频次"), .text(r.indicator.frequency.chineseName)),
                        .td(.data(named: "label", value: "责任单位"), .text(r.ownerName)),
                        .td(.data(named: "label", value: "基数"), .text(r.trajectory.map { IndicatorYearView.number($0.baseline) } ?? "—")),
                        .td(.data(named: "label", value: "年度目标"), .text(r.trajectory.map { IndicatorYearView.number($0.target) } ?? "未设定")),
                        .td(.data(named: "label", value: "最新一期"), .text(r.latest.map { "\(IndicatorPeriods.label($0.key))：\(IndicatorYearView.number($0.actual ?? 0))" } ?? "—")),
                        .td(.data(named: "label", value: "在轨"), r.latest?.light.map { UI.trackLight($0) } ?? .text("—")))
                })))
        ))
    }
}

/// One indicator: the chart of actual values against the trajectory and target, the table of periods,
/// and the forms to set the year's target and to enter a value.
public struct IndicatorPage: Sendable {
    public struct Pending: Sendable {
        public let id: Int, version: Int, key: String, value: Double, note: String, by: String
        public init(id: Int, version: Int, key: String, value: Double, note: String, by: String) {
            self.id = id; self.version = version; self.key = key; self.value = value; self.note = note; self.by = by
        }
    }
    public var view: IndicatorYearView
    public var year: Int
    public var yearVersion: Int
    public var canSetTarget: Bool
    public var canEnter: Bool
    public var pending: [Pending]
    public var canReview: Bool
    public var error: String?
    /// 同类排名 with their moves, and whether the viewer may record one.
    public var ranks: [(rank: PeerRank, move: Int?)] = []
    public var canRank = false
    /// 标准体系: every version of the definition; the office may revise it.
    public var definitions: [IndicatorDefinition] = []
    public var canRevise = false
    public var units: [(Int, String)] = []
    /// A computed indicator's arithmetic per period, and where its records are listed.
    public var computedDetails: [String: String] = [:]
    public var computedRecords: (url: String, label: String)?
    public init(view: IndicatorYearView, year: Int, yearVersion: Int, canSetTarget: Bool, canEnter: Bool, pending: [Pending], canReview: Bool) {
        self.view = view; self.year = year; self.yearVersion = yearVersion; self.canSetTarget = canSetTarget; self.canEnter = canEnter
        self.pending = pending; self.canReview = canReview
    }

    public func render(_ ctx: PageContext) -> String {
        let i = view.indicator
        let keys = IndicatorPeriods.keys(year: year, i.frequency)
        return Layout.render(title: i.name, context: ctx, body: .group(
            .p(.class("meta"), .a(.href(SiteURL.indicators.with([("year", String(year))])), .text("‹ 指标"))),
            .h1(.text("\(i.name)（\(i.code)）")),
            .p(.class("meta"), .text("\(i.unit) · \(i.direction.chineseName) · \(i.frequency.chineseName) · 来源：\(i.source.chineseName) · 责任单位：\(view.ownerName)"
                                     + (i.caliber.isEmpty ? "" : " · 统计口径：\(i.caliber)"))),
            .unwrap(computedRecords) { r in .p(.text("由系统计算，依据的记录见："), .a(.href(r.url), .text(r.label))) },
            .unwrap(error) { .p(.class("errorbox"), .text($0)) },
            .raw(chart()),
            .div(.class("scroll"), .table(
                .thead(.tr(.th("期间"), .th("期间目标"), .th("实际"), .th("状态"), .th("在轨"), .th("佐证材料"), definitions.count > 1 ? .th("定义版本") : .empty,
                           computedDetails.isEmpty ? .empty : .th("计算依据"))),
                .tbody(.forEach(view.points) { p in
                    .tr(.td(.text(IndicatorPeriods.label(p.key))), .td(.text(IndicatorYearView.number(p.target))),
                        .td(.text(p.actual.map(IndicatorYearView.number) ?? "—")), .td(.text(p.status ?? "未报")),
                        .td(p.light.map { UI.trackLight($0) } ?? .text("—")),
                        .td(.forEach(p.evidence) { e in .a(.href("/indicator-evidence/\(e.id)"), .text(e.name + " ")) }),
                        definitions.count > 1 ? .td(.text(IndicatorDefinition.inForce(definitions, periodKey: p.key).map { "第\($0.version)版" } ?? "—")) : .empty,
                        computedDetails.isEmpty ? .empty : .td(.class("meta"), .text(computedDetails[p.key] ?? "")))
                }))),
            canReview && !pending.isEmpty ? .group(.h2("待确认的数值"), .forEach(pending) { p in
                .div(.class("card"),
                    .p(.text("\(IndicatorPeriods.label(p.key))：\(IndicatorYearView.number(p.value)) \(i.unit)（\(p.by)）\(p.note.isEmpty ? "" : "，" + p.note)")),
                    .form(.method(.post), .action(SiteURL.indicatorValueReview(p.id).path), .class("inline"), UI.csrf(ctx.csrfToken),
                          .input(.type(.hidden), .name("version"), .value(String(p.version))), .input(.type(.hidden), .name("decision"), .value("accept")),
                          .button(.type(.submit), .class("primary"), .text("确认"))),
                    .form(.method(.post), .action(SiteURL.indicatorValueReview(p.id).path), .class("filters"), UI.csrf(ctx.csrfToken),
                          .input(.type(.hidden), .name("version"), .value(String(p.version))), .input(.type(.hidden), .name("decision"), .value("return")),
                          .element(named: "label", nodes: [.text("退回理由"), UI.textInput("reason", "")]), .button(.type(.submit), .class("danger"), .text("退回"))))
            }) : .empty,
            .h2("同类排名"),
            .raw(rankChart()),
            ranks.isEmpty ? .p(.class("meta"), .text("尚未录入排名。")) : .table(
                .thead(.tr(.th("范围"), .th("期间"), .th("名次"), .th("变化"))),
                .tbody(.forEach(ranks) { r in
                    .tr(.td(.text(r.rank.scope.chineseName)), .td(.text(IndicatorPeriods.label(r.rank.periodKey))),
                        .td(.text("第\(r.rank.rank)名" + (r.rank.outOf.map { "（共\($0)）" } ?? ""))), .td(.text(PeerRank.moveText(r.move))))
                })),
            canRank ? .form(.method(.post), .action(SiteURL.indicatorRanks(i.id).path), .class("filters"), UI.csrf(ctx.csrfToken),
                .element(named: "label", nodes: [.text("范围"), UI.select("scope", options: PeerScope.allCases.map { ($0.rawValue, $0.chineseName) }, selected: ["province"])]),
                .element(named: "label", nodes: [.text("期间"), UI.select("period", options: keys.map { ($0, IndicatorPeriods.label($0)) }, selected: [])]),
                .element(named: "label", nodes: [.text("名次"), UI.textInput("rank", "", type: "number")]),
                .element(named: "label", nodes: [.text("参评总数"), UI.textInput("outOf", "", type: "number")]),
                .button(.type(.submit), .text("录入排名"))) : .empty,
            .h2("标准体系：定义版本"),
            .table(.thead(.tr(.th("版本"), .th("生效"), .th("名称"), .th("计量单位"), .th("方向"), .th("来源"), .th("统计口径"), .th("修订人"))),
                   .tbody(.forEach(definitions.reversed()) { d in
                       .tr(.td(.text("第\(d.version)版")), .td(.text(d.effectiveFrom == IndicatorDefinition.since ? "初始" : d.effectiveFrom.iso + "起")),
                           .td(.text(d.name)), .td(.text(d.unit)), .td(.text(d.direction.chineseName)),
                           .td(.text(d.source.chineseName + (d.formula.map { "（\($0.chineseName)）" } ?? ""))), .td(.text(d.caliber.isEmpty ? "—" : d.caliber)),
                           .td(.text(d.savedByName.isEmpty ? "—" : d.savedByName)))
                   })),
            canRevise ? .group(.h3("修订定义"), .p(.class("meta"), .text("修订自生效月起适用，之前各期的数值仍按原定义读取。代码与统计频次不能修改。")),
                .form(.method(.post), .action(SiteURL.indicatorRevise(i.id).path), .class("edit"), UI.csrf(ctx.csrfToken),
                    .input(.type(.hidden), .name("version"), .value(String(i.version))),
                    UI.field("名称", name: "name", error: FormErrors(), UI.textInput("name", i.name)),
                    UI.field("计量单位", name: "unit", error: FormErrors(), UI.textInput("unit", i.unit)),
                    UI.field("方向", name: "direction", error: FormErrors(), UI.select("direction", options: Indicator.Direction.allCases.map { ($0.rawValue, $0.chineseName) }, selected: [i.direction.rawValue])),
                    UI.field("数据来源", name: "source", error: FormErrors(), UI.select("source", options: Indicator.Source.allCases.map { ($0.rawValue, $0.chineseName) }, selected: [i.source.rawValue])),
                    UI.field("计算口径（系统计算时）", name: "formula", error: FormErrors(), UI.select("formula", options: ComputedMeasure.allCases.map { ($0.rawValue, $0.chineseName) }, selected: [i.formula?.rawValue ?? ""], blank: "—")),
                    UI.field("责任单位", name: "ownerUnitId", error: FormErrors(), UI.select("ownerUnitId", options: units.map { (String($0.0), $0.1) }, selected: [String(i.ownerUnitId)])),
                    UI.field("统计口径", name: "caliber", error: FormErrors(), UI.textArea("caliber", i.caliber)),
                    UI.field("生效月份", name: "effectiveFrom", error: FormErrors(), UI.select("effectiveFrom", options: (1...12).map { (String(format: "%04d-%02d-01", year, $0), "\(year)年\($0)月起") }
                        + [(String(format: "%04d-01-01", year + 1), "\(year + 1)年1月起")], selected: [])),
                    UI.submit("保存修订"))) : .empty,
            canEnter && i.source != .computed ? .group(.h2("填报数值"), .form(.method(.post), .action(SiteURL.indicatorValues(i.id).path), .class("edit"), .enctype(.multipartData), UI.csrf(ctx.csrfToken),
                UI.field("期间", name: "period", error: FormErrors(), UI.select("period", options: keys.map { ($0, IndicatorPeriods.label($0)) }, selected: [])),
                UI.field("数值（\(i.unit)）", name: "value", error: FormErrors(), UI.textInput("value", "", type: "text", required: true)),
                UI.field("说明（数据来源、口径变化等）", name: "note", error: FormErrors(), UI.textArea("note", "")),
                .div(.class("field"), .element(named: "label", nodes: [.attribute(named: "for", value: "evidence"), .text("佐证材料（统计报表、截图等，可多选；图片、PDF、Office文件，每个不超过20MB）")]),
                     .input(.type(.file), .id("evidence"), .name("evidence"), .attribute(named: "multiple", value: "multiple"))),
                UI.submit("提交"))) : .empty,
            canSetTarget ? .group(.h2("\(year)年基数与目标"), .form(.method(.post), .action(SiteURL.indicatorYear(i.id).path), .class("edit"), UI.csrf(ctx.csrfToken),
                .input(.type(.hidden), .name("year"), .value(String(year))), .input(.type(.hidden), .name("version"), .value(String(yearVersion))),
                UI.field("基数（上年实际）", name: "baseline", error: FormErrors(), UI.textInput("baseline", view.trajectory.map { IndicatorYearView.number($0.baseline) } ?? "")),
                UI.field("年度目标", name: "target", error: FormErrors(), UI.textInput("target", view.trajectory.map { IndicatorYearView.number($0.target) } ?? "")),
                UI.submit("保存"))) : .empty
        ))
    }

    /// 排名变化: one line per scope (全市, 全省, 全国) over the periods ranked, first place at the top, as SVG.
    func rankChart() -> String {
        let byScope = Dictionary(grouping: ranks.map(\.rank), by: \.scope)
        let keys = Array(Set(ranks.map(\.rank.periodKey))).sorted()
        guard keys.count >= 2 else { return "" }
        let w = 640.0, h = 200.0, left = 40.0, right = 70.0, top = 16.0, bottom = 28.0
        let worst = Double(max(2, ranks.map(\.rank.rank).max() ?? 2))
        func f(_ v: Double) -> String { String(format: "%.1f", v) }
        func x(_ key: String) -> Double { left + (w - left - right) * Double(keys.firstIndex(of: key) ?? 0) / Double(max(1, keys.count - 1)) }
        func y(_ rank: Int) -> Double { top + (h - top - bottom) * (Double(rank) - 1) / (worst - 1) }
        let colors: [PeerScope: String] = [.city: "#1a5fb4", .province: "#c64600", .nation: "#26a269"]
        var s = "<svg class=\"chart\" viewBox=\"0 0 \(Int(w)) \(Int(h))\" width=\"100%\" role=\"img\" aria-label=\"同类排名变化\">"
        for r in Set([1, Int(worst), max(1, Int(worst) / 2)]).sorted() {
            s += "<line x1=\"\(f(left))\" x2=\"\(f(w - right))\" y1=\"\(f(y(r)))\" y2=\"\(f(y(r)))\" stroke=\"#e0e0e0\"/>"
            s += "<text x=\"\(f(left - 6))\" y=\"\(f(y(r) + 4))\" font-size=\"11\" text-anchor=\"end\" fill=\"#5f6368\">第\(r)</text>"
        }
        for k in keys {
            s += "<text x=\"\(f(x(k)))\" y=\"\(f(h - 8))\" font-size=\"11\" text-anchor=\"middle\" fill=\"#5f6368\">\(IndicatorPeriods.label(k))</text>"
        }
        for scope in PeerScope.allCases {
            guard let list = byScope[scope]?.sorted(by: { $0.periodKey < $1.periodKey }), !list.isEmpty else { continue }
            let color = colors[scope] ?? "#202124"
            if list.count > 1 {
                s += "<polyline points=\"\(list.map { "\(f(x($0.periodKey))),\(f(y($0.rank)))" }.joined(separator: " "))\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\"/>"
            }
            for r in list {
                s += "<circle cx=\"\(f(x(r.periodKey)))\" cy=\"\(f(y(r.rank)))\" r=\"4\" fill=\"\(color)\"><title>\(scope.chineseName)\(IndicatorPeriods.label(r.periodKey))：第\(r.rank)名</title></circle>"
            }
            let last = list[list.count - 1]
            s += "<text x=\"\(f(x(last.periodKey) + 8))\" y=\"\(f(y(last.rank) + 4))\" font-size=\"11\" fill=\"\(color)\">\(scope.chineseName) 第\(last.rank)</text>"
        }
        return s + "</svg>"
    }

    /// Actual (solid, dots coloured by light) against the trajectory (dashed) and the target (red line), as SVG.
    func chart() -> String {
        let w = 640.0, h = 240.0, left = 56.0, right = 16.0, top = 16.0, bottom = 28.0
        let pts = view.points
        guard !pts.isEmpty else { return "" }
        var all = pts.map(\.target) + pts.compactMap(\.actual)
        if let t = view.trajectory { all += [t.baseline, t.target] }
        let lo = all.min() ?? 0, hi = all.max() ?? 1
        let pad = max((hi - lo) * 0.1, 1e-9)
        let y0 = lo - pad, y1 = hi + pad
        let step = (w - left - right) / Double(max(pts.count, 1))
        func x(_ i: Int) -> Double { left + step * (Double(i) + 0.5) }
        func y(_ v: Double) -> Double { top + (h - top - bottom) * (1 - (v - y0) / (y1 - y0)) }
        func f(_ v: Double) -> String { String(format: "%.1f", v) }
        var s = "<svg class=\"chart\" viewBox=\"0 0 \(Int(w)) \(Int(h))\" width=\"100%\" role=\"img\" aria-label=\"实际值与轨迹\">"
        for k in 0...4 {
            let v = y0 + (y1 - y0) * Double(k) / 4
            s += "<line x1=\"\(f(left))\" x2=\"\(f(w - right))\" y1=\"\(f(y(v)))\" y2=\"\(f(y(v)))\" stroke=\"#e0e0e0\"/>"
            s += "<text x=\"\(f(left - 6))\" y=\"\(f(y(v) + 4))\" font-size=\"11\" text-anchor=\"end\" fill=\"#5f6368\">\(IndicatorYearView.number((v * 100).rounded() / 100))</text>"
        }
        if let t = view.trajectory {
            s += "<line x1=\"\(f(left))\" x2=\"\(f(w - right))\" y1=\"\(f(y(t.target)))\" y2=\"\(f(y(t.target)))\" stroke=\"#d93025\" stroke-width=\"1\"/>"
            s += "<text x=\"\(f(w - right))\" y=\"\(f(y(t.target) - 4))\" font-size=\"11\" text-anchor=\"end\" fill=\"#d93025\">年度目标 \(IndicatorYearView.number(t.target))</text>"
        }
        let traj = pts.enumerated().map { "\(f(x($0.offset))),\(f(y($0.element.target)))" }.joined(separator: " ")
        s += "<polyline points=\"\(traj)\" fill=\"none\" stroke=\"#1a5fb4\" stroke-width=\"1.5\" stroke-dasharray=\"5 4\"/>"
        let actual = pts.enumerated().compactMap { i, p in p.actual.map { "\(f(x(i))),\(f(y($0)))" } }
        if actual.count > 1 { s += "<polyline points=\"\(actual.joined(separator: " "))\" fill=\"none\" stroke=\"#202124\" stroke-width=\"2\"/>" }
        for (i, p) in pts.enumerated() {
            s += "<text x=\"\(f(x(i)))\" y=\"\(f(h - 8))\" font-size=\"11\" text-anchor=\"middle\" fill=\"#5f6368\">\(IndicatorPeriods.label(p.key))</text>"
            if let a = p.actual {
                s += "<circle cx=\"\(f(x(i)))\" cy=\"\(f(y(a)))\" r=\"4\" fill=\"\(LightColours.of(p.light ?? .green))\"><title>\(IndicatorPeriods.label(p.key))：\(IndicatorYearView.number(a))</title></circle>"
            }
        }
        s += "<text x=\"\(f(left))\" y=\"\(f(top - 4))\" font-size=\"11\" fill=\"#5f6368\">实线：实际　虚线：轨迹</text></svg>"
        return s
    }
}
