import Domain
import Persistence
import Vapor
import Views

/// 财政税收: the year's revenue through the latest month with figures, against target and last year; entry by month,
/// targets, and a sheet import (all rows or none).
enum FiscalController {
    static func register(_ app: RoutesBuilder) {
        app.on(.GET, SiteURL.fiscal.path, .permission(.readMatrix), use: show)
        app.on(.POST, SiteURL.fiscal.path, .permission(.editMatrix), use: enter)
        app.on(.POST, SiteURL.fiscalTargets.path, .permission(.editMatrix), use: targets)
        app.on(.POST, SiteURL.fiscalImport.path, .permission(.editMatrix), upload: SheetUpload.maxUpload, use: upload)
    }

    /// The summary lines and the cumulative curves for a year through a month.
    static func summary(store: Store, zoneId: Int, year: Int, through month: Int?) async throws -> (month: Int, lines: [FiscalSummary.Line], curve: [(month: Int, thisYear: Double?, lastYear: Double)]) {
        let entries = try await store.fiscalEntries(zoneId: zoneId, years: [year - 1, year])
        let targets = try await store.fiscalTargets(zoneId: zoneId, year: year)
        let latest = entries.filter { $0.month.hasPrefix(String(format: "%04d-", year)) }.compactMap { Int($0.month.suffix(2)) }.max() ?? 1
        let m = month ?? latest
        var curve: [(Int, Double?, Double)] = []
        for k in 1...12 {
            let total = FiscalSummary.lines(entries, targets: targets, year: year, through: k).last!
            curve.append((k, k <= latest ? total.cumulative : nil, total.lastYearCumulative))
        }
        return (m, FiscalSummary.lines(entries, targets: targets, year: year, through: m), curve)
    }

    static func page(_ req: Request, error: String? = nil, done: String? = nil, importErrors: [ImportRowError] = [], status: HTTPResponseStatus = .ok) async throws -> Response {
        let actor = try req.actor(.readMatrix)
        let year = try req.queryInt("year", in: 2000...2100) ?? req.today.year
        let month = try req.queryInt("month", in: 1...12)
        let s = try await summary(store: req.store, zoneId: actor.zoneId, year: year, through: month)
        var p = FiscalPage(year: year, month: s.month, lines: s.lines, curve: s.curve, canEdit: actor.can(.editMatrix))
        p.error = error; p.done = done; p.importErrors = importErrors
        return req.html(p.render(req.pageContext(current: .enterprises)), status: status)
    }

    @Sendable static func show(_ req: Request) async throws -> Response { try await page(req) }

    @Sendable static func enter(_ req: Request) async throws -> Response {
        let actor = try req.actor(.editMatrix)
        let form = try FormFields.require(req)
        let month = form.text("month")
        var entries: [FiscalEntry] = [], bad: [String] = []
        for c in FiscalCategory.allCases {
            let t = form.text(c.rawValue)
            if t.isEmpty { continue }
            guard let v = SheetText.number(t), v >= 0 else { bad.append(c.chineseName); continue }
            entries.append(FiscalEntry(month: month, category: c, amount: v))
        }
        if !bad.isEmpty { return try await page(req, error: "\(bad.joined(separator: "、"))须为不小于0的数（万元）", status: .unprocessableEntity) }
        do { try await req.store.setFiscalEntries(entries, actor: actor) } catch let StoreError.invalid(e) { return try await page(req, error: e.message, status: .unprocessableEntity) }
        return req.redirect(to: SiteURL.fiscal.with([("year", String(month.prefix(4)))]))
    }

    @Sendable static func targets(_ req: Request) async throws -> Response {
        let actor = try req.actor(.editMatrix)
        let form = try FormFields.require(req)
        guard let year = Int(form.text("year")), (2000...2100).contains(year) else { throw AppError.badRequest("年度无效", field: "year") }
        for c in FiscalCategory.allCases {
            let t = form.text(c.rawValue)
            if t.isEmpty { continue }
            guard let v = SheetText.number(t) else { return try await page(req, error: "\(c.chineseName)的目标须为数字", status: .unprocessableEntity) }
            do { try await req.store.setFiscalTarget(year: year, category: c, target: v, actor: actor) } catch let StoreError.invalid(e) {
                return try await page(req, error: "\(c.chineseName)：\(e.message)", status: .unprocessableEntity)
            }
        }
        return req.redirect(to: SiteURL.fiscal.with([("year", String(year))]))
    }

    @Sendable static func upload(_ req: Request) async throws -> Response {
        let actor = try req.actor(.editMatrix)
        let form = try FormFields.require(req)
        guard let file = form.files["file"]?.first else { return try await page(req, error: "请选择要导入的文件", status: .unprocessableEntity) }
        do {
            let (rows, _) = try SheetUpload.rows(of: file.data, filename: file.filename, headers: ["月份", "期间"])
            let entries = try FiscalSummary.parse(rows)
            try await req.store.setFiscalEntries(entries, actor: actor)
            return try await page(req, done: "已导入\(entries.count)条月度收入。")
        } catch let e as ImportRejected {
            return try await page(req, error: "文件有\(e.errors.count)处问题，未导入任何数据：", importErrors: e.errors, status: .unprocessableEntity)
        } catch let e where SheetUpload.message(e) != nil {
            return try await page(req, error: SheetUpload.message(e), status: .unprocessableEntity)
        }
    }
}
