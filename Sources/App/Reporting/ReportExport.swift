import Domain
import Foundation
import Persistence
import Spreadsheet
import Vapor
import Views

/// 交账情况 as .xlsx: for one reporting period (the current one, or the one containing `?date=`), every task that
/// was under way in it — reported, reported late, or not — with what its unit wrote and the review.
enum ReportExport {
    static let headers = ["计划", "工作要点", "任务编号", "任务名称", "责任单位", "周期", "应交日期", "交账情况", "提交时间", "提交人",
                          "完成进度", "本期进展", "存在问题", "下步计划", "需协调事项", "审核"]

    static func register(_ app: RoutesBuilder) {
        app.on(.GET, SiteURL.reportsExcel.path, .permission(.readMatrix), use: export)
    }

    @Sendable static func export(_ req: Request) async throws -> Response {
        let actor = try req.actor(.readMatrix)
        let day: Day
        if let raw = req.query[String.self, at: "date"], !raw.isEmpty {
            guard let d = Day(iso: raw), (2000...2100).contains(d.year) else { throw AppError.badRequest("参数date应为2000至2100年间的日期，格式YYYY-MM-DD", field: "date") }
            day = d
        } else {
            day = req.today
        }
        let cycle = try await req.store.reportingCycle(zoneId: actor.zoneId).cycle
        let period = cycle.period(containing: day, calendar: req.calendar)
        let ref = try await req.matrixReference(actor, year: period.end.year)
        let tasks = try await req.store.tasks(zoneId: actor.zoneId, TaskFilter(year: period.end.year)).filter { t in
            t.owesReport(for: period)
        }
        let reports = try await req.store.latestReports(zoneId: actor.zoneId, periodKey: period.key, taskIds: tasks.map(\.id))
        let plans = Dictionary(ref.plans.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let wps = Dictionary(ref.workPoints.map { ($0.id, $0.title) }, uniquingKeysWith: { a, _ in a })
        let rows: [[Cell]] = tasks.map { t in
            let r = reports[t.id]
            let state = r.map { $0.late ? "逾期交账" : "已交账" } ?? "未交账"
            return [.text(plans[t.planId] ?? ""), .text(wps[t.workPointId] ?? ""), .integer(t.id), .text(t.title), .text(ref.names.unit(t.ownerUnitId)),
                    .text(period.key), .date(period.due.iso), .text(state), .text(r.map { UI.beijingTime($0.submittedAt) } ?? ""), .text(r?.submittedByName ?? ""),
                    r.map { .percent(Double($0.percentDone) / 100) } ?? .empty, .text(r?.progress ?? ""), .text(r?.problems ?? ""), .text(r?.nextSteps ?? ""),
                    .text(r?.coordination ?? ""), .text(r.map { $0.status.chineseName + ($0.reviewReason.map { "：" + $0 } ?? "") } ?? "")]
        }
        let done = reports.count
        var sheet = Sheet.table("交账情况", title: "交账情况 \(period.key)（\(period.start.iso)至\(period.end.iso)，应交\(period.due.iso)；\(tasks.count)项任务，已交\(done)项）",
                                headers: headers, rows: rows)
        for i in [11, 12, 13, 14] { sheet.columns[i].width = min(max(sheet.columns[i].width, 12), 40) }
        sheet.landscape = true
        return try Response.xlsx(Workbook(sheets: [sheet]), filename: "交账情况_\(period.key).xlsx")
    }
}
