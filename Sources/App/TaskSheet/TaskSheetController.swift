import Domain
import Foundation
import Persistence
import Spreadsheet
import Vapor
import Views

/// 任务分解表 in and out: the template (with drop-down lists), the export of the matrix as .xlsx, and the import —
/// preview first, then everything in one transaction, refused if anything it read changed since the preview.
enum TaskSheetController {
    /// The confirmation carries the file back as base64 (a third larger than the file).
    static let maxConfirm: ByteCount = "14mb"
    /// The largest sheet the page takes, as it says (`SheetUpload.maxUpload`); the route admits the larger confirmation.
    static let maxFile = 10 * 1024 * 1024

    static func register(_ app: RoutesBuilder) {
        app.on(.GET, SiteURL.taskSheetImport.path, .permission(.editMatrix), use: form)
        app.on(.POST, SiteURL.taskSheetImport.path, .permission(.editMatrix), upload: maxConfirm, use: upload)
        app.on(.GET, SiteURL.taskSheetTemplate.path, .permission(.editMatrix), use: template)
        app.on(.GET, SiteURL.matrixExcel.path, .permission(.readMatrix), use: export)
    }

    /// The years an import may target: those with plans, this year and next (a sheet for next year arrives in December).
    static func years(_ req: Request, _ actor: Actor) async throws -> [Int] {
        Array(Set(try await req.store.years(zoneId: actor.zoneId) + [req.today.year, req.today.year + 1])).sorted(by: >)
    }

    static func year(_ raw: String?, default fallback: Int) throws -> Int {
        guard let raw, !raw.isEmpty else { return fallback }
        guard let y = Int(raw), (2000...2100).contains(y) else { throw AppError.badRequest("参数year须为2000到2100之间的整数", field: "year") }
        return y
    }

    @Sendable static func form(_ req: Request) async throws -> Response {
        let actor = try req.actor(.editMatrix)
        let y = try year(req.query[String.self, at: "year"], default: req.today.year)
        return req.html(TaskSheetImportPage(years: try await years(req, actor), year: y).render(req.pageContext(current: .matrix)))
    }

    /// Reads the sheet and works out its changes against the year as it stands now.
    static func changes(_ req: Request, _ actor: Actor, data: Data, filename: String, year: Int) async throws -> (TaskSheetChanges, TaskSheetContext, [String]) {
        let (rows, notes) = try SheetUpload.rows(of: data, filename: filename, headers: TaskSheetColumn.title.names)
        let ctx = try await req.store.taskSheetContext(zoneId: actor.zoneId, year: year, today: req.today, calendar: try await req.application.calendar(zoneId: actor.zoneId))
        return (try TaskSheetImport.changes(rows, ctx), ctx, notes)
    }

    @Sendable static func upload(_ req: Request) async throws -> Response {
        let actor = try req.actor(.editMatrix)
        let form = try FormFields.require(req)
        let y = try year(form.text("year"), default: req.today.year)
        var page = TaskSheetImportPage(years: try await years(req, actor), year: y)
        func show(_ status: HTTPResponseStatus) -> Response { req.html(page.render(req.pageContext(current: .matrix)), status: status) }

        let data: Data, filename: String
        if let file = form.files["file"]?.first {
            guard file.data.count <= maxFile else {
                page.message = "文件超过10MB，请拆分后分批导入"
                return show(.payloadTooLarge)
            }
            data = file.data; filename = file.filename
        } else if form.text("confirm") == "1", let decoded = Data(base64Encoded: form.text("payload")), !decoded.isEmpty {
            data = decoded; filename = form.text("filename")
        } else {
            page.message = "请选择要导入的文件"
            return show(.unprocessableEntity)
        }
        do {
            let (changes, ctx, notes) = try await changes(req, actor, data: data, filename: filename, year: y)
            page.notes = notes
            if form.text("confirm") == "1" && form.files["file"] == nil {
                guard changes.fingerprint == form.text("fingerprint") else {
                    page.message = "预览之后，表中涉及的任务或计划已被他人修改，未导入。请核对下面的最新预览后重新确认。"
                    page.preview = preview(changes, ctx, data: data, filename: filename)
                    return show(.conflict)
                }
                do {
                    try await req.store.applyTaskSheet(changes, actor: actor)
                } catch StoreError.conflict(let entity, let id, _) {
                    page.message = "导入时\(entity == "plan" ? "计划" : "任务")#\(id)已被他人修改，未导入任何数据。请重新上传预览。"
                    return show(.conflict)
                }
                page.done = "已导入：新建任务\(changes.creates.count)项，修改\(changes.updates.count)项，\(changes.unchanged.count)项无变化"
                    + (changes.newPlans.isEmpty ? "" : "，新建计划\(changes.newPlans.count)个")
                    + (changes.newWorkPoints.isEmpty ? "" : "，新建工作要点\(changes.newWorkPoints.count)个") + "。"
                return show(.ok)
            }
            page.preview = preview(changes, ctx, data: data, filename: filename)
            return show(.ok)
        } catch let e as ImportRejected {
            page.errors = e.errors
            return show(.unprocessableEntity)
        } catch let e where SheetUpload.message(e) != nil {
            page.message = SheetUpload.message(e)
            return show(.unprocessableEntity)
        }
    }

    static func preview(_ c: TaskSheetChanges, _ ctx: TaskSheetContext, data: Data, filename: String) -> TaskSheetImportPage.Preview {
        let unitName = Dictionary(ctx.units.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let planName = Dictionary(ctx.plans.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let wps = Dictionary(ctx.workPoints.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let leaderName = Dictionary(ctx.leaders.map { ($0.id, $0.displayName) }, uniquingKeysWith: { a, _ in a })
        func plan(_ ref: TaskSheetChanges.PlanRef) -> String {
            switch ref { case .existing(let id): return planName[id] ?? ""; case .new(let i): return c.newPlans[i].name + "（新）" }
        }
        func place(_ ref: TaskSheetChanges.WorkPointRef) -> String {
            switch ref {
            case .existing(let id): return (wps[id].map { planName[$0.planId] ?? "" } ?? "") + "／" + (wps[id]?.title ?? "")
            case .new(let i): return plan(c.newWorkPoints[i].plan) + "／" + c.newWorkPoints[i].title + "（新）"
            }
        }
        var p = TaskSheetImportPage.Preview()
        p.newPlans = c.newPlans.map { $0.name + ($0.leaderId.map { "（分管领导：\(leaderName[$0] ?? "")）" } ?? "") }
        p.newWorkPoints = c.newWorkPoints.map { plan($0.plan) + "／" + $0.title }
        p.leaderChanges = c.leaderChanges.map { "\($0.plan.name)：\($0.plan.leaderId.flatMap { leaderName[$0] } ?? "（无）") → \($0.leaderId.flatMap { leaderName[$0] } ?? "（无）")" }
        p.created = c.creates.map { .init(line: $0.line, title: $0.task.title, place: place($0.workPoint), owner: unitName[$0.task.ownerUnitId] ?? "",
                                          start: $0.task.plannedStart.iso, deadline: $0.task.deadline.iso) }
        p.changed = c.updates.map { .init(line: $0.line, id: $0.before.id, title: $0.before.title, fields: $0.fields) }
        p.unchanged = c.unchanged.count
        p.notes = c.notes
        p.fingerprint = c.fingerprint
        p.payload = data.base64EncodedString()
        p.filename = filename
        return p
    }

    @Sendable static func template(_ req: Request) async throws -> Response {
        let actor = try req.actor(.editMatrix)
        let y = try year(req.query[String.self, at: "year"], default: req.today.year)
        let lists = try await MatrixExport.lists(req.application, zoneId: actor.zoneId, year: y)
        let example: [Cell] = [.empty, .text(lists.plans.first ?? "科创生态培育计划"), .text("一、示例工作要点"), .text("示例任务（请删除本行）"), .text("任务"),
                               .text(lists.units.first ?? ""), .text(lists.units.dropFirst().prefix(2).joined(separator: "、")), .text(lists.leaders.first ?? ""),
                               .text("张三"), .empty, .text("\(y)年6月底"), .integer(20), .empty, .text("工作方案"), .text("方案印发"), .number(1)]
        let book = TaskSheetWorkbook.make(title: "\(y)年度任务分解表（任务编号：新任务留空；带*的列必填）", year: y, rows: [example], lists: lists, exported: false)
        return try Response.xlsx(book, filename: "\(y)年度任务分解表模板.xlsx")
    }

    @Sendable static func export(_ req: Request) async throws -> Response {
        let actor = try req.actor(.readMatrix)
        let y = try year(req.query[String.self, at: "year"], default: try await req.store.years(zoneId: actor.zoneId).first ?? req.today.year)
        let plan = try req.queryInt("plan", in: 1...Int.max)
        let unit = try req.queryInt("unit", in: 1...Int.max)
        let r = try await MatrixExport.rows(req.application, zoneId: actor.zoneId, year: y, planId: plan, unitId: unit)
        let book = TaskSheetWorkbook.make(title: "\(y)年度任务分解表（\(req.today.iso)导出，共\(r.rows.count)项）", year: y,
                                          rows: r.rows.map(MatrixExport.cells), lists: r.lists, exported: true)
        return try Response.xlsx(book, filename: "\(y)年度任务分解表.xlsx")
    }
}
