import Domain
import Persistence
import Spreadsheet
import Vapor
import Views

/// 一企一档 import: an .xlsx or .csv of enterprises, one row per enterprise and year; matched on the credit code
/// (update) or new (create); all rows or none.
enum EnterpriseImportController {
    static let templateHeaders = ["企业名称", "统一社会信用代码", "行业代码", "产业链", "地址", "成立日期", "包联单位", "包联干部", "是否规上", "营业收入", "主营业务收入",
                                  "研发费用", "高新技术产品收入", "纳税", "资产总额", "从业人员", "科技人员", "发明专利", "实用新型", "外观设计", "年度"]

    static func register(_ app: RoutesBuilder) {
        app.on(.GET, SiteURL.enterpriseImport.path, .permission(.editMatrix), use: form)
        app.on(.POST, SiteURL.enterpriseImport.path, .permission(.editMatrix), upload: SheetUpload.maxUpload, use: upload)
        app.on(.GET, SiteURL.enterpriseImportTemplate.path, .permission(.editMatrix), use: template)
    }

    static func page() -> ImportPage {
        ImportPage(title: "导入企业（一企一档）", back: (SiteURL.enterprises.path, "一企一档"),
                   intro: ["每行一家企业一个年度：基本信息与该年度数据（金额单位：万元）。按统一社会信用代码匹配：已登记的企业更新信息和该年度数据，未登记的新建。",
                           "须有“统一社会信用代码”“企业名称”两列；信用代码逐位校验；包联单位须与单位名称一致（写错会提示最接近的单位）。全部行无误才导入，任何一行有误则一行也不导入。"],
                   template: SiteURL.enterpriseImportTemplate.path, action: SiteURL.enterpriseImport.path)
    }

    @Sendable static func form(_ req: Request) async throws -> Response {
        _ = try req.actor(.editMatrix)
        return req.html(page().render(req.pageContext(current: .enterprises), current: .enterprises))
    }

    @Sendable static func upload(_ req: Request) async throws -> Response {
        let actor = try req.actor(.editMatrix)
        let form = try FormFields.require(req)
        var p = page()
        func show(_ status: HTTPResponseStatus) -> Response { req.html(p.render(req.pageContext(current: .enterprises), current: .enterprises), status: status) }
        guard let file = form.files["file"]?.first else { p.message = "请选择要导入的文件"; return show(.unprocessableEntity) }
        do {
            let (rows, notes) = try SheetUpload.rows(of: file.data, filename: file.filename, headers: ["统一社会信用代码", "信用代码"])
            p.notes = notes
            let parsed = try EnterpriseImport.parse(rows, units: try await req.store.units(zoneId: actor.zoneId), today: req.today)
            let (created, updated) = try await req.store.importEnterprises(parsed, today: req.today, actor: actor)
            p.done = "已导入\(parsed.count)行：新登记\(created)家企业，更新\(updated)家。"
            return show(.ok)
        } catch let e as ImportRejected {
            p.errors = e.errors
            return show(.unprocessableEntity)
        } catch let e where SheetUpload.message(e) != nil {
            p.message = SheetUpload.message(e)
            return show(.unprocessableEntity)
        }
    }

    @Sendable static func template(_ req: Request) async throws -> Response {
        _ = try req.actor(.editMatrix)
        let example: [Cell] = [.text("示例科技有限公司"), .text("91440300708461136T"), .text("C3911"), .text("电子信息"), .text("高新大道1号"), .date("2019-05-20"),
                               .text("科技创新局"), .text("张三"), .text("是"), .number(8600), .number(8200), .number(430), .number(5600), .number(260), .number(12000),
                               .integer(120), .integer(18), .integer(3), .integer(12), .integer(2), .integer(req.today.year - 1)]
        let book = Workbook(sheets: [Sheet.table("企业", title: "一企一档导入模板（金额单位：万元；示例行请删除）", headers: templateHeaders, rows: [example])])
        return try Response.xlsx(book, filename: "一企一档导入模板.xlsx")
    }
}
