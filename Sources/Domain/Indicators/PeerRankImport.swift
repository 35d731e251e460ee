import Foundation

/// Reads a sheet of peer ranks (指标代码, 期间, 范围, 名次, 参评总数) as published by the city, the province or the
/// ministry, into ranks to record, or every row's problems. 范围 is 全市, 全省 or 全国 (or city, province, nation);
/// 名次 may be written "第3名" or "3".
public enum PeerRankImport {
    public struct Row: Sendable, Equatable {
        public let line: Int
        public let indicatorId: Int
        public let rank: PeerRank
    }

    public static func parse(_ rows: [IndicatorImport.SheetRow], indicators: [Indicator]) throws -> [Row] {
        guard let headerIndex = rows.prefix(20).firstIndex(where: { $0.cells.contains { ["指标代码", "代码"].contains(SheetText.header($0)) } }) else {
            throw ImportRejected([ImportRowError(line: rows.first?.line ?? 1, column: "表头", "没有找到表头：须有“指标代码”“期间”“范围”“名次”四列，可有“参评总数”")])
        }
        let header = rows[headerIndex].cells.map(SheetText.header)
        func col(_ names: [String]) -> Int? { header.firstIndex { names.contains($0) } }
        let code = col(["指标代码", "代码"]), period = col(["期间", "统计期间"]), scope = col(["范围", "排名范围"]), rank = col(["名次", "排名"]), outOf = col(["参评总数", "参评数", "总数"])
        let missing = [("期间", period), ("范围", scope), ("名次", rank)].filter { $0.1 == nil }.map(\.0)
        if !missing.isEmpty { throw ImportRejected([ImportRowError(line: rows[headerIndex].line, column: "表头", "缺少列：\(missing.joined(separator: "、"))")]) }
        let byCode = Dictionary(indicators.map { ($0.code.uppercased(), $0) }, uniquingKeysWith: { a, _ in a })
        let scopes: [String: PeerScope] = ["全市": .city, "市": .city, "city": .city, "全省": .province, "省": .province, "province": .province,
                                           "全国": .nation, "国": .nation, "nation": .nation]
        var out: [Row] = [], errors: [ImportRowError] = [], seen: [String: Int] = [:]
        for r in rows[(headerIndex + 1)...] {
            func cell(_ i: Int?) -> String { i.map { $0 < r.cells.count ? r.cells[$0].trimmingCharacters(in: .whitespacesAndNewlines) : "" } ?? "" }
            let codeText = cell(code), periodText = cell(period), scopeText = cell(scope), rankText = cell(rank)
            if codeText.isEmpty && periodText.isEmpty && rankText.isEmpty { continue }
            guard let indicator = byCode[codeText.uppercased()] else {
                let hint = IndicatorImport.suggestion(codeText, indicators).map { "，是否为“\($0.code) \($0.name)”？" } ?? ""
                errors.append(ImportRowError(line: r.line, column: "指标代码", "没有代码为“\(codeText)”的指标\(hint)")); continue
            }
            guard let key = IndicatorImport.periodKey(periodText, indicator.frequency) else {
                errors.append(ImportRowError(line: r.line, column: "期间", "“\(periodText)”不是\(indicator.frequency.chineseName)指标的期间（如\(IndicatorImport.example(indicator.frequency))）")); continue
            }
            guard let s = scopes[scopeText.lowercased()] else {
                errors.append(ImportRowError(line: r.line, column: "范围", "范围须为全市、全省或全国，填写的是“\(scopeText)”")); continue
            }
            let digits = rankText.replacingOccurrences(of: "第", with: "").replacingOccurrences(of: "名", with: "").replacingOccurrences(of: "位", with: "")
            guard let n = Int(digits), n >= 1, n <= 10_000 else {
                errors.append(ImportRowError(line: r.line, column: "名次", "名次须为1到10000的整数，填写的是“\(rankText)”")); continue
            }
            let totalText = cell(outOf)
            let total = Int(totalText.replacingOccurrences(of: "个", with: "").replacingOccurrences(of: "家", with: ""))
            if !totalText.isEmpty && total == nil { errors.append(ImportRowError(line: r.line, column: "参评总数", "“\(totalText)”不是整数")); continue }
            if let total, total < n { errors.append(ImportRowError(line: r.line, column: "参评总数", "参评总数\(total)小于名次\(n)")); continue }
            let k = "\(indicator.id)|\(key)|\(s.rawValue)"
            if let first = seen[k] { errors.append(ImportRowError(line: r.line, column: "期间", "与第\(first)行重复")); continue }
            seen[k] = r.line
            out.append(Row(line: r.line, indicatorId: indicator.id, rank: PeerRank(periodKey: key, scope: s, rank: n, outOf: total)))
        }
        if !errors.isEmpty { throw ImportRejected(errors) }
        if out.isEmpty { throw ImportRejected([ImportRowError(line: rows[headerIndex].line, column: "名次", "表头下面没有数据行")]) }
        return out
    }
}
