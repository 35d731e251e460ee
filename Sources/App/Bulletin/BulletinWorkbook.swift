import Domain
import Spreadsheet

/// 月通报 as an Excel workbook: one sheet per section, Chinese headers, frozen header rows, widths to fit.
enum BulletinWorkbook {
    static func make(_ b: Bulletin, zoneName: String) -> Workbook {
        let o = b.overall
        let heading = "\(zoneName)工作通报 第\(b.number)期 · \(b.title)"
        func rate(_ v: Double?) -> Cell { v.map { .percent($0) } ?? .text("—") }
        return Workbook(sheets: [
            Sheet.table("总体情况", title: heading, headers: ["项目", "数值"], rows: [
                ["年度任务（项）", .integer(o.tasks)], ["已完成（项）", .integer(o.done)], ["其中逾期完成（项）", .integer(o.doneLate)],
                ["加权完成进度", .percent(o.percentDone / 100)], ["严重滞后（红灯）", .integer(o.red)], ["已逾期未完成", .integer(o.overdue)],
                ["进度滞后（黄灯）", .integer(o.yellow)], ["本月应交账（项次）", .integer(o.reportsExpected)], ["按时交账", .integer(o.reportsOnTime)],
                ["逾期交账", .integer(o.reportsLate)], ["未交账", .integer(o.reportsMissing)],
                ["本月下发督办单", .integer(b.orders.opened)], ["本月办结督办单", .integer(b.orders.closed)],
                ["月末在办督办单", .integer(b.orders.openAtEnd)], ["其中超过反馈时限", .integer(b.orders.overdue)],
                ["数据截至", .date(b.asOf.iso)], ["印发日期", .date(b.issuedOn.iso)], ["发文机关", .text(b.issuingBody)],
            ]),
            Sheet.table("分计划", title: heading, headers: ["序号", "计划", "分管领导", "牵头单位", "任务数", "已完成", "红灯（含逾期）", "完成进度"], rows: b.plans.map {
                [.integer($0.seq), .text($0.name), .text($0.leader), .text($0.leadUnit), .integer($0.tasks), .integer($0.done), .integer($0.red), .percent($0.percentDone / 100)]
            }),
            Sheet.table("单位排名", title: heading, headers: ["名次", "单位", "任务数", "应交账", "按时", "逾期", "未交", "按时交账率", "到期任务", "按期完成", "按期完成率", "红灯"],
                  rows: b.units.map {
                [$0.rank > 0 ? .integer($0.rank) : .text("—"), .text($0.name), .integer($0.tasks), .integer($0.reportsExpected), .integer($0.reportsOnTime), .integer($0.reportsLate),
                 .integer($0.reportsMissing), rate($0.onTimeReportRate), .integer($0.due), .integer($0.doneOnTime), rate($0.completionRate), .integer($0.red)]
            }),
            Sheet.table("红灯清单", title: heading, headers: ["序号", "任务编号", "任务", "责任单位", "完成时限", "进度", "状态"], rows: b.redList.enumerated().map { i, r in
                [.integer(i + 1), .integer(r.taskId), .text(r.title), .text(r.unit), .date(r.deadline.iso), .percent(Double(r.percentDone) / 100), .text(r.light.chineseName)]
            }),
        ])
    }
}
