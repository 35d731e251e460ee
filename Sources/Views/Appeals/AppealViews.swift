import Domain
import Foundation
import Plot

/// Small pieces the appeal pages share: a rate as text, the figures table, the bar chart per unit.
enum AppealUI {
    static func rate(_ r: Double?) -> String { r.map { String(format: "%.1f%%", $0 * 100) } ?? "—" }
    static func days(_ d: Double?) -> String { d.map { String(format: "%.1f", $0) } ?? "—" }

    static func figuresTable(_ rows: [(String, AppealFigures)], first: String) -> Node<HTML.BodyContext> {
        .div(.class("scroll"), .table(.class("responsive"),
            .thead(.tr(.th(.text(first)), .th("诉求"), .th("在办"), .th("逾期在办"), .th("已办结"), .th("按期率"), .th("办结率"), .th("满意率"), .th("平均办理（工作日）"))),
            .tbody(.forEach(rows) { name, f in
                .tr(.td(.data(named: "label", value: first), .text(name)), .td(.data(named: "label", value: "诉求"), .text(String(f.total))),
                    .td(.data(named: "label", value: "在办"), .text(String(f.open))),
                    .td(.data(named: "label", value: "逾期在办"), f.overdueOpen > 0 ? .span(.class("light red"), .text(String(f.overdueOpen))) : .text("0")),
                    .td(.data(named: "label", value: "已办结"), .text(String(f.closed))),
                    .td(.data(named: "label", value: "按期率"), .text(rate(f.onTimeRate))), .td(.data(named: "label", value: "办结率"), .text(rate(f.resolutionRate))),
                    .td(.data(named: "label", value: "满意率"), .text(rate(f.satisfactionRate))),
                    .td(.data(named: "label", value: "平均办理"), .text(days(f.averageWorkdays))))
            })))
    }

    /// Two bars per unit: 按期率 (blue) and 满意率 (green), 0–100 %; a unit with nothing to count shows no bar.
    static func unitChart(_ rows: [(String, AppealFigures)]) -> String {
        // The weakest first: lowest on-time rate at the top, units with nothing to count last.
        let shown = rows.sorted { ($0.1.onTimeRate ?? 2, $0.0) < ($1.1.onTimeRate ?? 2, $1.0) }.prefix(24)
        guard !shown.isEmpty else { return "" }
        let rowH = 26.0, l = 130.0, w = 640.0, r = 60.0
        let h = Double(shown.count) * rowH + 30
        func f(_ v: Double) -> String { String(format: "%.1f", v) }
        var s = "<svg class=\"chart\" viewBox=\"0 0 \(Int(w)) \(Int(h))\" width=\"100%\" role=\"img\" aria-label=\"各单位诉求按期率与满意率\">"
        s += "<text x=\"\(f(l))\" y=\"12\" font-size=\"11\" fill=\"#5f6368\">蓝：按期率　绿：满意率（0–100%）</text>"
        for (i, row) in shown.enumerated() {
            let y = 20 + Double(i) * rowH
            var name = ""
            HTMLWriter.escape(String(row.0.prefix(9)), into: &name)
            s += "<text x=\"\(f(l - 6))\" y=\"\(f(y + 14))\" font-size=\"12\" text-anchor=\"end\" fill=\"#202124\">\(name)</text>"
            for (j, v) in [(row.1.onTimeRate, "#1a5fb4"), (row.1.satisfactionRate, "#2e7d32")].enumerated() {
                guard let value = v.0 else { continue }
                let bw = (w - l - r) * value
                s += "<rect x=\"\(f(l))\" y=\"\(f(y + Double(j) * 10))\" width=\"\(f(bw))\" height=\"9\" fill=\"\(v.1)\"/>"
                s += "<text x=\"\(f(l + bw + 4))\" y=\"\(f(y + Double(j) * 10 + 8))\" font-size=\"10\" fill=\"#5f6368\">\(rate(value))</text>"
            }
        }
        return s + "</svg>"
    }

    static func statusLabel(_ a: Appeal, today: Day) -> Node<HTML.BodyContext> {
        let clock = AppealClock(appeal: a, today: today)
        if let s = clock.overdueNow { return .span(.class("light red"), .text("\(a.status.chineseName)·\(s.chineseName)逾期")) }
        if a.status == .closed { return .span(.class(clock.onTime ? "light green" : "light yellow"), .text(clock.onTime ? "按期办结" : "逾期办结")) }
        return .span(.class("light not_started"), .text(a.status.chineseName))
    }
}
