import Domain
import Plot

/// 挂图作战: the year's matrix on one wall — plans, work points and tasks as rows, time across,
/// today's line, milestones as diamonds, bars coloured by their light. Drawn as SVG on the server,
/// so it prints, needs no script and looks the same everywhere.
public struct BattleMapPage: Sendable {
    public enum RowKind: Sendable { case plan, workPoint, task, milestone }
    public struct Row: Sendable {
        public let kind: RowKind
        public let label: String
        public let start: Day
        public let end: Day
        public let percent: Double
        public let light: Light?
        public let link: String?
        public let note: String
        /// On the critical path of its work point's roadmap.
        public let critical: Bool
        /// The approved baseline's dates, drawn as a ghost under the bar.
        public let baseline: (start: Day, end: Day)?
        public init(kind: RowKind, label: String, start: Day, end: Day, percent: Double, light: Light?, link: String?, note: String,
                    critical: Bool = false, baseline: (start: Day, end: Day)? = nil) {
            self.kind = kind; self.label = label; self.start = start; self.end = end; self.percent = percent
            self.light = light; self.link = link; self.note = note; self.critical = critical; self.baseline = baseline
        }
    }
    /// The span shown: the year, a quarter or a month.
    public enum Zoom: Sendable, Equatable {
        case year, quarter(Int), month(Int)
        public init?(raw: String) {
            if raw == "year" { self = .year; return }
            if raw.hasPrefix("q"), let n = Int(raw.dropFirst()), (1...4).contains(n) { self = .quarter(n); return }
            if raw.hasPrefix("m"), let n = Int(raw.dropFirst()), (1...12).contains(n) { self = .month(n); return }
            return nil
        }
        public var raw: String {
            switch self { case .year: return "year"; case .quarter(let q): return "q\(q)"; case .month(let m): return "m\(m)" }
        }
        public var chineseName: String {
            switch self {
            case .year: return "全年"
            case .quarter(let q): return ["一", "二", "三", "四"][q - 1] + "季度"
            case .month(let m): return "\(m)月"
            }
        }
        public static var choices: [Zoom] { [.year] + (1...4).map { .quarter($0) } + (1...12).map { .month($0) } }
        func range(_ year: Int) -> (Day, Day) {
            switch self {
            case .year: return (Day.firstOfYear(year), Day.lastOfYear(year))
            case .quarter(let q):
                let first = Day(year: year, month: q * 3 - 2, day: 1)!
                return (first, Day(year: year, month: q * 3, day: Day.daysIn(month: q * 3, year: year))!)
            case .month(let m):
                return (Day(year: year, month: m, day: 1)!, Day(year: year, month: m, day: Day.daysIn(month: m, year: year))!)
            }
        }
    }
    public var filters: MatrixPage.Filters
    public var zoom: Zoom
    public var today: Day
    public var rows: [Row]
    public var plans: [Plan]
    public var units: [OrgUnit]
    public var leaders: [UserAccount]
    /// Why tasks are folded into their work points, if they are.
    public var foldedNote: String?
    public var printSize: String?

    public init(filters: MatrixPage.Filters, zoom: Zoom, today: Day, rows: [Row], plans: [Plan], units: [OrgUnit], leaders: [UserAccount],
                foldedNote: String?, printSize: String?) {
        self.filters = filters; self.zoom = zoom; self.today = today; self.rows = rows; self.plans = plans; self.units = units
        self.leaders = leaders; self.foldedNote = foldedNote; self.printSize = printSize
    }

    static let labelWidth = 340.0
    static let chartWidth = 1100.0
    static let rowHeight = 22.0
    static let headerHeight = 34.0

    public func render(_ ctx: PageContext) -> String {
        Layout.render(title: Self.title, context: ctx, body: body)
    }

    public static let title = "挂图作战"

    /// Everything inside the page's frame (no CSRF token, no user): the same for everyone who may read the matrix.
    public var body: Node<HTML.BodyContext> {
        var items = filters.queryItems.filter { $0.0 != "year" || $0.1 != nil }
        items.append(("zoom", zoom == .year ? nil : zoom.raw))
        let printStyle = printSize.map { size in
            // One landscape sheet: the SVG scales to the page's width and, for a long map, its height.
            "<style>@page{size:\(size == "a0" ? "A0" : "A3") landscape;margin:8mm}header.top,footer,form.filters,.actions,.legend{display:none}main{max-width:none;padding:0}h1{font-size:14pt;margin:0 0 2mm}svg.battle{width:100%;min-width:0;height:auto;max-height:\(size == "a0" ? "815mm" : "270mm")}</style>"
        } ?? ""
        return .group(
            .raw(printStyle),
            .h1("\(filters.year)年度挂图作战图"),
            filterForm(),
            .div(.class("actions"),
                .forEach(Zoom.choices) { z in
                    .a(.href(SiteURL.battleMap.with(items.filter { $0.0 != "zoom" } + [("zoom", z == .year ? nil : z.raw)])), .class(z == zoom ? "on" : ""), .text(z.chineseName))
                },
                .a(.href(SiteURL.battleMap.with(items + [("print", "a3")])), .text("打印（A3横版）")),
                .a(.href(SiteURL.battleMap.with(items + [("print", "a0")])), .text("上墙（A0）")),
                .a(.href(SiteURL.matrixExcel.with(items.filter { ["year", "plan", "unit"].contains($0.0) })), .text("导出Excel"))),
            .unwrap(foldedNote) { .p(.class("meta"), .text($0)) },
            .div(.class("legend"), .forEach([Light.done, .doneLate, .green, .yellow, .red, .overdue, .notStarted]) { l in
                .group(.span(.class("swatch"), .style("background:\(LightColours.of(l))")), .text(" \(l.chineseName)　"))
            }, .text("◆ 节点　"), .span(.class("swatch"), .style("background:#d93025;width:2px")), .text(" 今天　"),
               .span(.class("swatch"), .style("background:#fff;border:2px solid #202124")), .text(" 关键路径　"),
               .span(.class("swatch"), .style("background:#5f6368;height:3px")), .text(" 基线")),
            .div(.class("scroll"), .raw(svg()))
        )
    }

    func filterForm() -> Node<HTML.BodyContext> {
        func opt<T: CustomStringConvertible>(_ v: T?) -> Set<String> { Set([v?.description].compactMap { $0 }) }
        return .form(.method(.get), .action(SiteURL.battleMap.path), .class("filters"),
            .input(.type(.hidden), .name("year"), .value(String(filters.year))),
            .element(named: "label", nodes: [.text("计划"), UI.select("plan", options: plans.map { (String($0.id), $0.name) }, selected: opt(filters.planId), blank: "全部计划")]),
            .element(named: "label", nodes: [.text("单位"), UI.select("unit", options: units.map { (String($0.id), $0.name) }, selected: opt(filters.unitId), blank: "全部单位")]),
            .element(named: "label", nodes: [.text("分管领导"), UI.select("leader", options: leaders.map { (String($0.id), $0.displayName) }, selected: opt(filters.leaderId), blank: "全部领导")]),
            .element(named: "label", nodes: [.text("状态"), UI.select("light", options: Light.allCases.map { ($0.rawValue, $0.chineseName) }, selected: opt(filters.light?.rawValue), blank: "全部状态")]),
            .button(.type(.submit), .text("筛选")),
            .a(.href(SiteURL.battleMap.path), .text("清除")))
    }

    /// The chart itself. Every text and link goes through HTMLWriter's escaping.
    func svg() -> String {
        let (from, to) = zoom.range(filters.year)
        let days = Double(from.days(to: to) + 1)
        let lw = Self.labelWidth, cw = Self.chartWidth, rh = Self.rowHeight, hh = Self.headerHeight
        let width = lw + cw + 10
        let height = hh + Double(max(rows.count, 1)) * rh + 10
        func x(_ d: Day) -> Double { lw + Double(from.days(to: d)) / days * cw }
        func fmt(_ v: Double) -> String { let t = (v * 10).rounded() / 10; return t == t.rounded() ? String(Int(t)) : String(t) }
        var h = HTMLWriter(capacity: 4_096 + rows.count * 420)
        h.open("svg", [("xmlns", "http://www.w3.org/2000/svg"), ("class", "battle"), ("width", fmt(width)), ("height", fmt(height)),
                       ("viewBox", "0 0 \(fmt(width)) \(fmt(height))"), ("role", "img"), ("aria-label", "\(filters.year)年度挂图作战图")])
        // Month bands and labels.
        var m = Day(year: from.year, month: from.month, day: 1)!
        var band = false
        while m <= to {
            let next = m.month == 12 ? Day(year: m.year + 1, month: 1, day: 1)! : Day(year: m.year, month: m.month + 1, day: 1)!
            let x1 = x(max(m, from)), x2 = x(min(next, to.adding(days: 1)))
            if band { h.open("rect", [("x", fmt(x1)), ("y", "0"), ("width", fmt(x2 - x1)), ("height", fmt(height)), ("fill", "#f6f7f9")]); h.close("rect") }
            band.toggle()
            h.element("text", [("x", fmt((x1 + x2) / 2)), ("y", "22"), ("text-anchor", "middle"), ("class", "month")], text: "\(m.month)月")
            m = next
        }
        h.open("line", [("x1", "0"), ("y1", fmt(hh)), ("x2", fmt(width)), ("y2", fmt(hh)), ("stroke", "#c4c7cc")]); h.close("line")
        for (i, r) in rows.enumerated() {
            let y = hh + Double(i) * rh
            if i % 2 == 1 { h.open("rect", [("x", "0"), ("y", fmt(y)), ("width", fmt(lw)), ("height", fmt(rh)), ("fill", "#fafbfc")]); h.close("rect") }
            let indent: Double = r.kind == .plan ? 4 : (r.kind == .workPoint ? 16 : 28)
            let cls = r.kind == .plan ? "lbl plan" : (r.kind == .workPoint ? "lbl wp" : "lbl")
            let label = r.label.count > 24 ? String(r.label.prefix(23)) + "…" : r.label
            if let link = r.link { h.open("a", [("href", link)]) }
            h.element("text", [("x", fmt(indent)), ("y", fmt(y + 15)), ("class", cls)], text: label)
            guard r.end >= from, r.start <= to else { if r.link != nil { h.close("a") }; continue }
            let s = max(r.start, from), e = min(r.end, to)
            let x1 = x(s), x2 = x(e.adding(days: 1))
            h.open("g")
            h.element("title", text: "\(r.label)：\(r.start.iso)至\(r.end.iso)，\(r.note)")
            switch r.kind {
            case .milestone:
                let cx = x(r.end) + (cw / days) / 2, cy = y + rh / 2
                h.open("polygon", [("points", "\(fmt(cx)),\(fmt(cy - 7)) \(fmt(cx + 7)),\(fmt(cy)) \(fmt(cx)),\(fmt(cy + 7)) \(fmt(cx - 7)),\(fmt(cy))"),
                                   ("fill", LightColours.of(r.light)), ("stroke", "#202124"), ("stroke-width", "0.6")]); h.close("polygon")
            case .task:
                var attrs: [(StaticString, String)] = [("x", fmt(x1)), ("y", fmt(y + 4)), ("width", fmt(max(2, x2 - x1))), ("height", fmt(rh - 11)), ("rx", "2"), ("fill", LightColours.of(r.light))]
                if r.critical { attrs += [("stroke", "#202124"), ("stroke-width", "2")] }
                h.open("rect", attrs); h.close("rect")
            case .plan, .workPoint:
                let bh = r.kind == .plan ? 10.0 : 8.0
                let top = y + (rh - bh) / 2
                h.open("rect", [("x", fmt(x1)), ("y", fmt(top)), ("width", fmt(max(2, x2 - x1))), ("height", fmt(bh)), ("fill", r.kind == .plan ? "#5f6368" : "#9aa0a6")]); h.close("rect")
                h.open("rect", [("x", fmt(x1)), ("y", fmt(top)), ("width", fmt(max(0, (x2 - x1) * r.percent / 100))), ("height", fmt(bh)), ("fill", LightColours.of(r.light))]); h.close("rect")
            }
            if let b = r.baseline, b.end >= from, b.start <= to {
                let bx1 = x(max(b.start, from)), bx2 = x(min(b.end, to).adding(days: 1))
                h.open("rect", [("class", "baseline"), ("x", fmt(bx1)), ("y", fmt(y + rh - 6)), ("width", fmt(max(2, bx2 - bx1))), ("height", "3"), ("fill", "#5f6368"), ("opacity", "0.6")]); h.close("rect")
            }
            h.close("g")
            if r.link != nil { h.close("a") }
        }
        if today >= from && today <= to {
            let tx = x(today) + (cw / days) / 2
            h.open("line", [("x1", fmt(tx)), ("y1", "26"), ("x2", fmt(tx)), ("y2", fmt(height)), ("stroke", "#d93025"), ("stroke-width", "1.5"), ("stroke-dasharray", "4 3")]); h.close("line")
            h.element("text", [("x", fmt(tx + 3)), ("y", "32"), ("class", "today")], text: "今天 \(today.month)/\(today.day)")
        }
        h.close("svg")
        return h.html
    }
}
