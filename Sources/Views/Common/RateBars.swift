import Foundation

/// A horizontal chart of two rates (0–1) per row — blue and green bars with their percentages — weakest first by the
/// first rate, rows with nothing to count last. The per-unit pictures of appeals (按期率, 满意率) and safety (整改率,
/// 按期整改率) are this chart.
public enum RateBars {
    public static func svg(_ rows: [(label: String, first: Double?, second: Double?)], legend: (String, String), ariaLabel: String, maxRows: Int = 24) -> String {
        let shown = rows.sorted { ($0.first ?? 2, $0.label) < ($1.first ?? 2, $1.label) }.prefix(maxRows)
        guard !shown.isEmpty else { return "" }
        let rowH = 26.0, l = 130.0, w = 640.0, r = 70.0
        func f(_ v: Double) -> String { String(format: "%.1f", v) }
        func pct(_ v: Double) -> String { String(format: "%.1f%%", v * 100) }
        var aria = "", first = "", second = ""
        HTMLWriter.escape(ariaLabel, into: &aria); HTMLWriter.escape(legend.0, into: &first); HTMLWriter.escape(legend.1, into: &second)
        var s = "<svg class=\"chart\" viewBox=\"0 0 \(Int(w)) \(Int(Double(shown.count) * rowH + 30))\" width=\"100%\" role=\"img\" aria-label=\"\(aria)\">"
        s += "<text x=\"\(f(l))\" y=\"12\" font-size=\"11\" fill=\"#5f6368\">蓝：\(first)　绿：\(second)（0–100%）</text>"
        for (i, row) in shown.enumerated() {
            let y = 20 + Double(i) * rowH
            var name = ""
            HTMLWriter.escape(String(row.label.prefix(9)), into: &name)
            s += "<text x=\"\(f(l - 6))\" y=\"\(f(y + 14))\" font-size=\"12\" text-anchor=\"end\" fill=\"#202124\">\(name)</text>"
            for (j, v) in [(row.first, "#1a5fb4"), (row.second, "#2e7d32")].enumerated() {
                guard let value = v.0 else { continue }
                let bw = (w - l - r) * value
                s += "<rect x=\"\(f(l))\" y=\"\(f(y + Double(j) * 10))\" width=\"\(f(bw))\" height=\"9\" fill=\"\(v.1)\"/>"
                s += "<text x=\"\(f(l + bw + 4))\" y=\"\(f(y + Double(j) * 10 + 8))\" font-size=\"10\" fill=\"#5f6368\">\(pct(value))</text>"
            }
        }
        return s + "</svg>"
    }
}
