import Domain
import Spreadsheet

/// A published result as an Excel workbook: the league table (亮晒比) and one detail sheet of every scorecard
/// given — each item's data, basis, rule and points, then the adjustments, vetoes and the total.
enum AssessmentWorkbook {
    static func league(name: String, period: AssessmentPeriod, version: Int, snapshot: ResultSnapshot, detail: [Scorecard], leagueSheet: Bool = true) -> Workbook {
        let title = "\(name)（第\(version)版结果，数据截至\(snapshot.asOf.iso)）"
        let items = snapshot.scheme.items
        var sheets: [Sheet] = []
        if leagueSheet {
            sheets.append(Sheet.table("亮晒比", title: title, headers: ["名次", "单位"] + items.map(\.name) + ["基本得分", "加分", "扣分", "总分", "等次", "说明"],
                                rows: snapshot.result.scorecards.map { c in
                [.integer(c.rank), .text(c.unitName)] + c.items.map { .number(($0.earned * 100).rounded() / 100) }
                    + [.number((c.base * 100).rounded() / 100), .number(c.bonus), .number(c.deduction), .number(c.total), .text(c.grade), .text(c.gradeNote ?? "")]
            }))
        }
        var rows: [[Cell]] = []
        for c in detail {
            for i in c.items {
                rows.append([.text(c.unitName), .text(i.name), .text(i.source.chineseName), i.measure.map { .number(($0 * 100).rounded() / 100) } ?? .text("不涉及"),
                             .text(i.detail), .text(i.rule + (i.note.map { "（\($0)）" } ?? "")), .number((i.points * 100).rounded() / 100), .number((i.earned * 100).rounded() / 100)])
            }
            for a in c.adjustments {
                rows.append([.text(c.unitName), .text(a.name), .text(a.kind.chineseName), .number(a.entries.reduce(0) { $0 + $1.points }),
                             .text(a.entries.map(\.reason).joined(separator: "；")), .text(a.note ?? "本项封顶"), .empty,
                             .number(a.kind == .bonus ? a.counted : -a.counted)])
            }
            for v in c.vetoes { rows.append([.text(c.unitName), .text("一票否决"), .text("否决"), .empty, .text(v.reason), .text("等次封顶"), .empty, .empty]) }
            rows.append([.text(c.unitName), .text("总分"), .empty, .empty, .text("第\(c.rank)名，\(c.grade)"), .text(c.gradeNote ?? ""), .empty, .number(c.total)])
        }
        sheets.append(Sheet.table("得分明细", title: title, headers: ["单位", "项目", "来源/类别", "数据", "计算依据", "计分规则", "分值", "得分"], rows: rows))
        return Workbook(sheets: sheets)
    }
}
