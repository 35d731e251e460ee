import Domain
import Foundation

/// The cockpit's and the wall display's pictures, drawn as SVG on the server: a ring of lights, a bar per plan,
/// a bar per unit behind. Every mark links to the tasks it counts. `dark` draws for the wall's dark background.
public enum CockpitCharts {
    static func esc(_ s: String) -> String { var o = ""; HTMLWriter.escape(s, into: &o); return o }
    static func f(_ v: Double) -> String { String(format: "%.1f", v) }

    /// A ring of the tasks by light with the total in the middle; each arc and legend entry links to `link(light)`.
    public static func ring(_ p: ProgressSummary, size: Double = 220, dark: Bool = false, link: (Light) -> String) -> String {
        let cx = size / 2, cy = size / 2, r = size * 0.36, stroke = size * 0.14
        let text = dark ? "#e8eaed" : "#202124", sub = dark ? "#9aa0a6" : "#5f6368"
        let legendW = dark ? 210.0 : 170.0
        var s = "<svg class=\"chart ring\" viewBox=\"0 0 \(Int(size + legendW)) \(Int(size))\" width=\"100%\" role=\"img\" aria-label=\"任务红黄绿灯分布：共\(p.total)项\">"
        let circumference = 2 * Double.pi * r
        var offset = 0.0
        if p.total == 0 {
            s += "<circle cx=\"\(f(cx))\" cy=\"\(f(cy))\" r=\"\(f(r))\" fill=\"none\" stroke=\"\(dark ? "#3c4043" : "#e8eaed")\" stroke-width=\"\(f(stroke))\"/>"
        }
        for (l, c) in LightColours.ordered where p.count(l) > 0 {
            let len = circumference * Double(p.count(l)) / Double(p.total)
            s += "<a href=\"\(esc(link(l)))\"><circle cx=\"\(f(cx))\" cy=\"\(f(cy))\" r=\"\(f(r))\" fill=\"none\" stroke=\"\(c)\" stroke-width=\"\(f(stroke))\""
            s += " stroke-dasharray=\"\(f(len)) \(f(circumference - len))\" stroke-dashoffset=\"\(f(-offset))\" transform=\"rotate(-90 \(f(cx)) \(f(cy)))\">"
            s += "<title>\(l.chineseName)：\(p.count(l))项</title></circle></a>"
            offset += len
        }
        s += "<text x=\"\(f(cx))\" y=\"\(f(cy + size * 0.02))\" font-size=\"\(f(size * 0.16))\" font-weight=\"700\" text-anchor=\"middle\" fill=\"\(text)\">\(p.total)</text>"
        s += "<text x=\"\(f(cx))\" y=\"\(f(cy + size * 0.13))\" font-size=\"\(f(size * 0.06))\" text-anchor=\"middle\" fill=\"\(sub)\">项任务</text>"
        let fontSize = dark ? 18.0 : 13.0, lineH = size / 8.5
        var row = 0
        for (l, c) in LightColours.ordered {
            let y = size * 0.08 + Double(row) * lineH
            s += "<a href=\"\(esc(link(l)))\"><rect x=\"\(f(size + 8))\" y=\"\(f(y))\" width=\"12\" height=\"12\" fill=\"\(c)\"/>"
            s += "<text x=\"\(f(size + 26))\" y=\"\(f(y + 11))\" font-size=\"\(f(fontSize))\" fill=\"\(text)\">\(l.chineseName) \(p.count(l))</text></a>"
            row += 1
        }
        return s + "</svg>"
    }

    /// One bar per plan: the weighted percent done, and under it the plan's tasks as light-coloured segments.
    public static func planBars(_ lines: [Cockpit.PlanLine], dark: Bool = false, link: (Plan) -> String) -> String {
        guard !lines.isEmpty else { return "" }
        let rowH = dark ? 44.0 : 34.0, l = dark ? 260.0 : 190.0, w = dark ? 900.0 : 680.0, r = 60.0
        let text = dark ? "#e8eaed" : "#202124", track = dark ? "#3c4043" : "#e8eaed", font = dark ? 18.0 : 12.0
        var s = "<svg class=\"chart\" viewBox=\"0 0 \(Int(w)) \(Int(Double(lines.count) * rowH + 8))\" width=\"100%\" role=\"img\" aria-label=\"各计划完成进度\">"
        for (i, line) in lines.enumerated() {
            let y = 4 + Double(i) * rowH
            let barW = w - l - r
            s += "<a href=\"\(esc(link(line.plan)))\">"
            s += "<text x=\"\(f(l - 8))\" y=\"\(f(y + rowH * 0.42))\" font-size=\"\(f(font))\" text-anchor=\"end\" fill=\"\(text)\">\(esc(String(line.plan.name.prefix(dark ? 12 : 11))))</text>"
            s += "<rect x=\"\(f(l))\" y=\"\(f(y + 2))\" width=\"\(f(barW))\" height=\"\(f(rowH * 0.3))\" fill=\"\(track)\"/>"
            s += "<rect x=\"\(f(l))\" y=\"\(f(y + 2))\" width=\"\(f(barW * min(100, line.progress.percentDone) / 100))\" height=\"\(f(rowH * 0.3))\" fill=\"\(dark ? "#8ab4f8" : "#1a5fb4")\"/>"
            s += "<text x=\"\(f(l + barW + 6))\" y=\"\(f(y + rowH * 0.3))\" font-size=\"\(f(font))\" fill=\"\(text)\">\(String(format: "%.0f%%", line.progress.percentDone))</text>"
            var x = l
            for (light, c) in LightColours.ordered where line.progress.count(light) > 0 && line.progress.total > 0 {
                let segW = barW * Double(line.progress.count(light)) / Double(line.progress.total)
                s += "<rect x=\"\(f(x))\" y=\"\(f(y + rowH * 0.42))\" width=\"\(f(segW))\" height=\"\(f(rowH * 0.22))\" fill=\"\(c)\"><title>\(light.chineseName) \(line.progress.count(light))项</title></rect>"
                x += segW
            }
            s += "<title>\(esc(line.plan.name))：完成\(String(format: "%.0f", line.progress.percentDone))%，\(line.progress.total)项任务，滞后\(line.lagging)项</title></a>"
        }
        return s + "</svg>"
    }

    /// Units behind: overdue and red tasks as bars, worst first.
    public static func unitBars(_ units: [Cockpit.UnitLag], names: [Int: String], dark: Bool = false, maxRows: Int = 10, link: (Int) -> String) -> String {
        let shown = units.filter { $0.lagging > 0 }.prefix(maxRows)
        guard let most = shown.map(\.lagging).max(), most > 0 else { return "" }
        let rowH = dark ? 40.0 : 28.0, l = dark ? 220.0 : 150.0, w = dark ? 800.0 : 640.0, r = dark ? 190.0 : 120.0
        let text = dark ? "#e8eaed" : "#202124", font = dark ? 18.0 : 12.0
        var s = "<svg class=\"chart\" viewBox=\"0 0 \(Int(w)) \(Int(Double(shown.count) * rowH + 8))\" width=\"100%\" role=\"img\" aria-label=\"滞后任务最多的单位\">"
        for (i, u) in shown.enumerated() {
            let y = 4 + Double(i) * rowH
            let unit = (w - l - r) / Double(most)
            s += "<a href=\"\(esc(link(u.unitId)))\">"
            s += "<text x=\"\(f(l - 8))\" y=\"\(f(y + rowH * 0.6))\" font-size=\"\(f(font))\" text-anchor=\"end\" fill=\"\(text)\">\(esc(String((names[u.unitId] ?? "").prefix(10))))</text>"
            s += "<rect x=\"\(f(l))\" y=\"\(f(y + 4))\" width=\"\(f(unit * Double(u.overdue)))\" height=\"\(f(rowH * 0.6))\" fill=\"\(LightColours.of(.overdue))\"/>"
            s += "<rect x=\"\(f(l + unit * Double(u.overdue)))\" y=\"\(f(y + 4))\" width=\"\(f(unit * Double(u.red)))\" height=\"\(f(rowH * 0.6))\" fill=\"\(LightColours.of(.red))\"/>"
            s += "<text x=\"\(f(l + unit * Double(u.lagging) + 6))\" y=\"\(f(y + rowH * 0.6))\" font-size=\"\(f(font))\" fill=\"\(text)\">逾期\(u.overdue) 严重滞后\(u.red)</text>"
            s += "<title>\(esc(names[u.unitId] ?? ""))：\(u.tasks)项任务，逾期\(u.overdue)项，严重滞后\(u.red)项，进度滞后\(u.yellow)项</title></a>"
        }
        return s + "</svg>"
    }
}
