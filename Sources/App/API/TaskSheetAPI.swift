import Domain
import Foundation
import Persistence
import Spreadsheet
import Vapor

/// /api/v1/tasks/import: a task sheet (.xlsx or .csv) as the request body. `dryRun=true` answers what it would do
/// and a fingerprint; without it the sheet is applied in one transaction. A `fingerprint` from a dry run makes the
/// apply refuse (409) if anything the sheet touches changed since.
enum TaskSheetAPI {
    static func register(_ app: RoutesBuilder) {
        app.on(.POST, ApiController.base + "/tasks/import", .permission(.editMatrix), upload: SheetUpload.maxUpload, use: importSheet)
    }

    struct Outcome: Encodable {
        struct Created: Encodable { let line: Int; let id: Int?; let title: String; let plannedStart: String; let deadline: String }
        struct Updated: Encodable { let line: Int; let id: Int; let fields: [Field] }
        struct Field: Encodable { let field: String; let before: String; let after: String }
        let year: Int
        let dryRun: Bool
        let fingerprint: String
        let newPlans: [String]
        let newWorkPoints: [String]
        let created: [Created]
        let updated: [Updated]
        let unchanged: Int
        let notes: [String]
    }
    /// The API's error object, plus every row's problem.
    struct Rejected: Encodable {
        struct Detail: Encodable { let code = "import_rejected"; let message: String; let field = "body" }
        let error: Detail
        let errors: [ImportRowError]
    }

    @Sendable static func importSheet(_ req: Request) async throws -> Response {
        let actor = try req.actor(.editMatrix)
        let year = try req.queryInt("year", in: 2000...2100) ?? req.today.year
        let dryRun: Bool
        switch req.query[String.self, at: "dryRun"] {
        case nil, "", "false", "0": dryRun = false
        case "true", "1": dryRun = true
        case let other?: throw AppError.badRequest("参数dryRun应为true或false，收到“\(other)”", field: "dryRun")
        }
        let filename: String
        switch (req.headers.contentType?.type, req.headers.contentType?.subType) {
        case ("text", "csv"): filename = "sheet.csv"
        case ("application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet"), ("application", "octet-stream"): filename = "sheet.xlsx"
        default:
            throw AppError(.unsupportedMediaType, "unsupported_media_type",
                           "请求体须为 .xlsx（Content-Type: \(XLSXWriter.contentType)）或 CSV（text/csv）")
        }
        guard let body = req.body.data, body.readableBytes > 0 else { throw AppError.badRequest("请求体为空") }
        do {
            let (changes, _, notes) = try await TaskSheetController.changes(req, actor, data: Data(buffer: body), filename: filename, year: year)
            if let expected = req.query[String.self, at: "fingerprint"], !expected.isEmpty, expected != changes.fingerprint, !dryRun {
                throw AppError(.conflict, "version_conflict", "预览之后，表中涉及的任务或计划已被他人修改，未导入", field: "fingerprint")
            }
            var ids: [Int] = []
            if !dryRun { ids = try await req.store.applyTaskSheet(changes, actor: actor) }
            func planName(_ ref: TaskSheetChanges.PlanRef) -> String {
                if case .new(let i) = ref { return changes.newPlans[i].name } else { return "" }
            }
            let outcome = Outcome(
                year: year, dryRun: dryRun, fingerprint: changes.fingerprint,
                newPlans: changes.newPlans.map(\.name), newWorkPoints: changes.newWorkPoints.map(\.title),
                created: changes.creates.enumerated().map { i, c in
                    .init(line: c.line, id: ids.isEmpty ? nil : ids[i], title: c.task.title, plannedStart: c.task.plannedStart.iso, deadline: c.task.deadline.iso)
                },
                updated: changes.updates.map { u in .init(line: u.line, id: u.before.id, fields: u.fields.map { .init(field: $0.field, before: $0.before, after: $0.after) }) },
                unchanged: changes.unchanged.count, notes: notes + changes.notes)
            return try req.json(outcome, status: dryRun ? .ok : .created)
        } catch let e as ImportRejected {
            return try req.json(Rejected(error: .init(message: "文件有\(e.errors.count)处问题，未导入任何数据"), errors: e.errors), status: .unprocessableEntity)
        } catch let e where SheetUpload.message(e) != nil {
            throw AppError(.unprocessableEntity, "unreadable_sheet", SheetUpload.message(e)!, field: "body")
        }
    }
}
