import Domain
import Persistence
import Spreadsheet
import Vapor
import Views

/// 导入指标数值: an .xlsx or .csv upload read with `Spreadsheet`'s readers, checked row by row
/// (`IndicatorImport.parse`), then applied all or nothing (`Store.importIndicatorValues`).
enum IndicatorImportController {
    static let maxUpload: ByteCount = "10mb"

    static func register(_ app: RoutesBuilder) {
        app.on(.GET, SiteURL.indicatorImport.path, .permission(.editMatrix), use: form)
        app.on(.POST, SiteURL.indicatorImport.path, .permission(.editMatrix), upload: maxUpload, use: upload)
        app.on(.GET, SiteURL.indicatorImportTemplate.path, .permission(.editMatrix), use: template)
    }

    static func page(_ req: Request, _ p: IndicatorImportPage, status: HTTPResponseStatus = .ok) -> Response {
        req.html(p.render(req.pageContext(current: .indicators)), status: status)
    }

    @Sendable static func form(_ req: Request) async throws -> Response {
        _ = try req.actor(.editMatrix)
        return page(req, IndicatorImportPage())
    }

    /// The sheet's rows as text, merged cells filled; hidden rows left out and named.
    static func rows(of data: Data, filename: String) throws -> (rows: [IndicatorImport.SheetRow], notes: [String]) {
        let lower = filename.lowercased()
        if lower.hasSuffix(".csv") {
            return (try CSVReader.read(data).enumerated().map { ($0.offset + 1, $0.element) }, [])
        }
        guard lower.hasSuffix(".xlsx") else { throw ImportRejected([ImportRowError(line: 1, column: "文件", "请上传 .xlsx 或 .csv 文件（收到的是“\(filename)”）")]) }
        let sheets = try XLSXReader.read(data)
        guard let sheet = sheets.first(where: { s in s.rows.prefix(20).contains { r in r.cells.values.contains { ["指标代码", "代码", "code"].contains($0.text.trimmingCharacters(in: .whitespaces)) } } }) ?? sheets.first else {
            throw ImportRejected([ImportRowError(line: 1, column: "文件", "工作簿中没有工作表")])
        }
        let filled = sheet.filledMerges()
        var out: [IndicatorImport.SheetRow] = [], hidden: [Int] = []
        for r in filled.rows {
            if r.hidden { hidden.append(r.number); continue }
            let width = r.cells.keys.max() ?? 0
            out.append((r.number, width == 0 ? [] : (1...width).map { r.cells[$0]?.text ?? "" }))
        }
        let notes = hidden.isEmpty ? [] : ["工作表“\(sheet.name)”中的隐藏行未导入：第\(hidden.map(String.init).joined(separator: "、"))行。"]
        return (out, notes + (sheets.count > 1 ? ["读取的是工作表“\(sheet.name)”。"] : []))
    }

    @Sendable static func upload(_ req: Request) async throws -> Response {
        let actor = try req.actor(.editMatrix)
        let form = try FormFields.require(req)
        var p = IndicatorImportPage()
        guard let file = form.files["file"]?.first else {
            p.message = "请选择要导入的文件"
            return page(req, p, status: .unprocessableEntity)
        }
        do {
            let (rows, notes) = try rows(of: file.data, filename: file.filename)
            p.notes = notes
            let indicators = try await req.store.indicators(zoneId: actor.zoneId)
            if form.text("kind") == "ranks" {
                p.importedRanks = try await req.store.importPeerRanks(try PeerRankImport.parse(rows, indicators: indicators), actor: actor)
            } else {
                p.imported = try await req.store.importIndicatorValues(try IndicatorImport.parse(rows, indicators: indicators), source: file.filename, actor: actor)
            }
            return page(req, p)
        } catch let e as ImportRejected {
            p.errors = e.errors
            return page(req, p, status: .unprocessableEntity)
        } catch let e as XLSXReadError {
            p.message = "无法读取这个Excel文件：\(e.description)"
            return page(req, p, status: .unprocessableEntity)
        } catch let e as CSVReadError {
            p.message = "无法读取这个CSV文件：\(e.description)"
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
        return AssessmentController.download(try XLSXWriter.data(book), name: "指标数值导入模板.xlsx")
    }
}
