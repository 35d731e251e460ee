import Domain
import Persistence
import Spreadsheet
import Vapor
import Views

/// 导入指标数值: an .xlsx or .csv upload read with `Spreadsheet`'s readers, checked row by row
/// (`IndicatorImport.parse`), then applied all or nothing (`Store.importIndicatorValues`).
enum IndicatorImportController {
    static func register(_ app: RoutesBuilder) {
        app.on(.GET, SiteURL.indicatorImport.path, .permission(.editMatrix), use: form)
        app.on(.POST, SiteURL.indicatorImport.path, .permission(.editMatrix), upload: SheetUpload.maxUpload, use: upload)
        app.on(.GET, SiteURL.indicatorImportTemplate.path, .permission(.editMatrix), use: template)
    }

    static func page(_ req: Request, _ p: ImportPage, status: HTTPResponseStatus = .ok) -> Response {
        req.html(p.render(req.pageContext(current: .indicators), current: .indicators), status: status)
    }

    static func blank() -> ImportPage {
        var p = ImportPage(title: "导入指标数值与同类排名", back: (SiteURL.indicators.path, "指标"),
                           intro: ["统计局、火炬统计等来源的数据可整表导入：Excel（.xlsx）或 CSV，须有“指标代码”“期间”“数值”三列，可有“说明”。期间可写 2026-03、2026年3月、2026-Q1、2026年一季度、2026年等。导入的数值即为督查室确认的数值；全部行无误才导入，任何一行有误则一行也不导入。",
                                   "同类排名（全市、全省、全国）也可整表导入：须有“指标代码”“期间”“范围”“名次”四列，可有“参评总数”；已录入的同期同范围排名将被更正。"],
                           template: SiteURL.indicatorImportTemplate.path, action: SiteURL.indicatorImport.path)
        p.choices = [("kind", "导入内容", [("values", "指标数值"), ("ranks", "同类排名")])]
        return p
    }

    @Sendable static func form(_ req: Request) async throws -> Response {
        _ = try req.actor(.editMatrix)
        return page(req, blank())
    }

    @Sendable static func upload(_ req: Request) async throws -> Response {
        let actor = try req.actor(.editMatrix)
        let form = try FormFields.require(req)
        var p = blank()
        guard let file = form.files["file"]?.first else {
            p.message = "请选择要导入的文件"
            return page(req, p, status: .unprocessableEntity)
        }
        do {
            let (rows, notes) = try SheetUpload.rows(of: file.data, filename: file.filename, headers: ["指标代码", "代码", "code"])
            p.notes = notes
            let indicators = try await req.store.indicators(zoneId: actor.zoneId)
            if form.text("kind") == "ranks" {
                let n = try await req.store.importPeerRanks(try PeerRankImport.parse(rows, indicators: indicators), actor: actor)
                p.done = "已导入\(n)条排名。"
            } else {
                let n = try await req.store.importIndicatorValues(try IndicatorImport.parse(rows, indicators: indicators), source: file.filename, actor: actor)
                p.done = "已导入\(n)条数值。"
            }
            return page(req, p)
        } catch let e as ImportRejected {
            p.errors = e.errors
            return page(req, p, status: .unprocessableEntity)
        } catch let e where SheetUpload.message(e) != nil {
            p.message = SheetUpload.message(e)
            return page(req, p, status: .unprocessableEntity)
        }
    }

    /// The template: one row per indicator, with its code, name, frequency and the latest period to fill.
    @Sendable static func template(_ req: Request) async throws -> Response {
        let actor = try req.actor(.editMatrix)
        let today = req.today
        let rows: [[Cell]] = try await req.store.indicators(zoneId: actor.zoneId).map { i in
            [.text(i.code), .text(i.name), .text(i.frequency.chineseName), .text(IndicatorPeriods.key(of: today, i.frequency)), .empty, .text("")]
        }
        let book = Workbook(sheets: [Sheet.table("指标数值", title: "指标数值导入模板（期间可写2026-03、2026年3月、2026-Q1、2026年一季度、2026年）",
                                                 headers: ["指标代码", "指标名称", "频次", "期间", "数值", "说明"], rows: rows)])
        return try Response.xlsx(book, filename: "指标数值导入模板.xlsx")
    }
}
