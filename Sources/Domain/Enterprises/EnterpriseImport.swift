import Foundation

/// Reads a registry sheet (一企一档): one row per enterprise and year — the basics and that year's figures. Matched on
/// the credit code: a code already in the zone updates that enterprise, a new one creates it. Every row's problems
/// are reported; a refused sheet applies nothing.
public enum EnterpriseImport {
    public struct Row: Sendable, Equatable {
        public let line: Int
        public let draft: EnterpriseDraft
        public let year: EnterpriseYear?
        public init(line: Int, draft: EnterpriseDraft, year: EnterpriseYear?) { self.line = line; self.draft = draft; self.year = year }
    }

    /// Header titles (first match wins) by field.
    static let titles: [(String, [String])] = [
        ("code", ["统一社会信用代码", "信用代码", "社会信用代码"]), ("name", ["企业名称", "名称", "单位名称"]), ("address", ["地址", "注册地址", "经营地址"]),
        ("industry", ["行业代码", "国民经济行业代码", "行业分类代码"]), ("chain", ["产业链", "所属产业链", "重点产业链"]), ("founded", ["成立日期", "注册日期"]),
        ("unit", ["包联单位", "服务单位"]), ("official", ["包联干部", "联系干部"]), ("year", ["年度", "年份", "统计年度"]),
        ("revenue", ["营业收入", "营业收入（万元）"]), ("main", ["主营业务收入", "主营业务收入（万元）"]), ("rd", ["研发费用", "研发费用（万元）"]),
        ("hightech", ["高新技术产品收入", "高新技术产品（服务）收入", "高新技术产品收入（万元）"]), ("tax", ["纳税", "纳税总额", "税收", "纳税（万元）"]),
        ("assets", ["资产总额", "资产总额（万元）"]), ("employees", ["从业人员", "从业人数", "职工人数"]), ("staff", ["科技人员", "研发人员", "科技人员数"]),
        ("above", ["是否规上", "规上", "规模以上"]), ("invention", ["发明专利", "有效发明专利"]), ("utility", ["实用新型", "实用新型专利"]), ("design", ["外观设计", "外观设计专利"]),
    ]

    public static func parse(_ rows: [IndicatorImport.SheetRow], units: [OrgUnit], today: Day) throws -> [Row] {
        guard let h = rows.prefix(20).firstIndex(where: { r in r.cells.contains { titles[0].1.contains(SheetText.header($0)) } }) else {
            throw ImportRejected([ImportRowError(line: rows.first?.line ?? 1, column: "表头", "没有找到表头：须有“统一社会信用代码”和“企业名称”两列（可下载模板）")])
        }
        let header = rows[h].cells.map(SheetText.header)
        var col: [String: Int] = [:]
        for (key, names) in titles { if let i = header.firstIndex(where: { names.contains($0) }) { col[key] = i } }
        guard col["name"] != nil else { throw ImportRejected([ImportRowError(line: rows[h].line, column: "表头", "缺少“企业名称”列")]) }
        let unitByName = Dictionary(units.map { ($0.name, $0) } + units.map { ($0.shortName, $0) }, uniquingKeysWith: { a, _ in a })
        var out: [Row] = [], errors: [ImportRowError] = [], seen: [String: Int] = [:]
        for r in rows[(h + 1)...] {
            func cell(_ key: String) -> String { col[key].map { $0 < r.cells.count ? r.cells[$0].trimmingCharacters(in: .whitespacesAndNewlines) : "" } ?? "" }
            if cell("code").isEmpty && cell("name").isEmpty { continue }
            var rowErrors: [ImportRowError] = []
            func number(_ key: String, _ label: String) -> Double? {
                let t = cell(key)
                if t.isEmpty { return nil }
                guard let v = SheetText.number(t) else { rowErrors.append(ImportRowError(line: r.line, column: label, "“\(t)”不是数字")); return nil }
                return v
            }
            func integer(_ key: String, _ label: String) -> Int? {
                guard let v = number(key, label) else { return nil }
                guard v == v.rounded(), v >= 0 else { rowErrors.append(ImportRowError(line: r.line, column: label, "须为不小于0的整数")); return nil }
                return Int(v)
            }
            var d = EnterpriseDraft()
            d.creditCode = cell("code"); d.name = cell("name"); d.address = cell("address"); d.industryCode = cell("industry"); d.chain = cell("chain")
            d.visitingOfficial = cell("official")
            let founded = cell("founded")
            if !founded.isEmpty {
                if let day = Day(iso: founded) ?? chineseDate(founded) { d.foundedOn = day } else {
                    rowErrors.append(ImportRowError(line: r.line, column: "成立日期", "“\(founded)”不是日期（如2019-05-20或2019年5月20日）"))
                }
            }
            let unitName = cell("unit")
            if !unitName.isEmpty {
                if let u = unitByName[unitName] { d.servingUnitId = u.id } else {
                    rowErrors.append(ImportRowError(line: r.line, column: "包联单位", OrgUnit.unknownMessage(unitName, units: units)))
                }
            }
            do { _ = try d.validated(today: today) } catch let e as ValidationError {
                rowErrors.append(ImportRowError(line: r.line, column: e.field == "creditCode" ? "统一社会信用代码" : e.field == "name" ? "企业名称" : e.field == "industryCode" ? "行业代码" : e.field, e.message))
            }
            var year: EnterpriseYear?
            let yearText = cell("year")
            if !yearText.isEmpty {
                if let y = Int(yearText.replacingOccurrences(of: "年", with: "")), (2000...today.year).contains(y) {
                    let aboveText = cell("above")
                    let above = ["是", "规上", "Y", "y", "1", "true", "TRUE"].contains(aboveText)
                    if !aboveText.isEmpty && !above && !["否", "规下", "N", "n", "0", "false", "FALSE"].contains(aboveText) {
                        rowErrors.append(ImportRowError(line: r.line, column: "是否规上", "应填“是”或“否”，填写的是“\(aboveText)”"))
                    }
                    let ey = EnterpriseYear(year: y, revenue: number("revenue", "营业收入"), mainRevenue: number("main", "主营业务收入"), rdExpense: number("rd", "研发费用"),
                                            highTechRevenue: number("hightech", "高新技术产品收入"), tax: number("tax", "纳税"), totalAssets: number("assets", "资产总额"),
                                            employees: integer("employees", "从业人员"), rdStaff: integer("staff", "科技人员"), aboveScale: above,
                                            inventionPatents: integer("invention", "发明专利"), utilityPatents: integer("utility", "实用新型"), designPatents: integer("design", "外观设计"))
                    do { try ey.validate() } catch let e as ValidationError { rowErrors.append(ImportRowError(line: r.line, column: "年度数据", e.message)) }
                    year = ey
                } else {
                    rowErrors.append(ImportRowError(line: r.line, column: "年度", "“\(yearText)”不是2000年到今年之间的年份"))
                }
            }
            let key = (d.creditCode ?? "").uppercased().filter { !$0.isWhitespace } + "|" + (year.map { String($0.year) } ?? "")
            if rowErrors.isEmpty, let first = seen[key] {
                rowErrors.append(ImportRowError(line: r.line, column: "统一社会信用代码", "与第\(first)行是同一企业同一年度"))
            }
            if rowErrors.isEmpty { seen[key] = r.line; out.append(Row(line: r.line, draft: d, year: year)) }
            errors += rowErrors
        }
        if !errors.isEmpty { throw ImportRejected(errors) }
        if out.isEmpty { throw ImportRejected([ImportRowError(line: rows[h].line, column: "企业名称", "表头下面没有数据行")]) }
        return out
    }

    /// "2019年5月20日", "2019/5/20", "2019.5.20" → a day.
    static func chineseDate(_ s: String) -> Day? {
        let n = s.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        guard n.count == 3 else { return nil }
        return Day(year: n[0], month: n[1], day: n[2])
    }
}
