import Foundation

/// 政策文件: a policy document the zone issues, whose clauses (`PolicyClause`) carry the awards and subsidies.
public struct Policy: Codable, Sendable, Equatable, Identifiable {
    public var id: Int
    public var title: String
    /// 发文单位.
    public var issuer: String
    /// 文号, e.g. 高新管发〔2026〕12号; "" when the document has none.
    public var documentNumber: String
    public var issuedOn: Day
    public var effectiveFrom: Day
    /// nil: in force until repealed.
    public var effectiveTo: Day?
    public var text: String
    /// Optimistic-lock version as stored.
    public var version: Int = 1

    public init(id: Int, title: String, issuer: String, documentNumber: String, issuedOn: Day, effectiveFrom: Day, effectiveTo: Day? = nil, text: String = "") {
        self.id = id; self.title = title; self.issuer = issuer; self.documentNumber = documentNumber; self.issuedOn = issuedOn
        self.effectiveFrom = effectiveFrom; self.effectiveTo = effectiveTo; self.text = text
    }

    public func isEffective(on day: Day) -> Bool { effectiveFrom <= day && (effectiveTo.map { day <= $0 } ?? true) }

    /// Refuses a missing or over-long title or issuer, a malformed 文号, and an end before the start. A policy may take
    /// effect before it is issued (自2026年1月1日起施行, issued in March), so those two dates are not ordered.
    public func validate() throws {
        let t = title.trimmingCharacters(in: .whitespacesAndNewlines)
        if t.isEmpty { throw ValidationError(field: "title", "请填写政策标题") }
        if t.count > 200 { throw ValidationError(field: "title", "政策标题不能超过200个字符") }
        let i = issuer.trimmingCharacters(in: .whitespacesAndNewlines)
        if i.isEmpty { throw ValidationError(field: "issuer", "请填写发文单位") }
        if i.count > 100 { throw ValidationError(field: "issuer", "发文单位不能超过100个字符") }
        if !documentNumber.isEmpty {
            guard let year = Self.documentYear(documentNumber) else {
                throw ValidationError(field: "documentNumber", "文号格式应如 高新管发〔2026〕12号")
            }
            if year != issuedOn.year {
                throw ValidationError(field: "documentNumber", "文号年份（\(year)）与发文日期（\(issuedOn)）不一致")
            }
        }
        if let end = effectiveTo, end < effectiveFrom {
            throw ValidationError(field: "effectiveTo", "失效日期（\(end)）不能早于生效日期（\(effectiveFrom)）")
        }
        if text.count > 200_000 { throw ValidationError(field: "text", "正文不能超过20万字") }
    }

    /// The year of a well-formed 文号 (agency code, 〔year〕, serial, 号), or nil.
    static func documentYear(_ number: String) -> Int? {
        let c = Array(number)
        guard let open = c.firstIndex(of: "〔"), open > 0, open + 5 < c.count, c[open + 5] == "〕", c.last == "号" else { return nil }
        let year = c[(open + 1)...(open + 4)], serial = c[(open + 6)..<(c.count - 1)]
        guard year.allSatisfy({ $0.isASCII && $0.isNumber }), !serial.isEmpty, serial.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(String(year))
    }

    /// The 文号 as typed with any brackets round the year ([2026], (2026), 【2026】, （2026）) made 〔2026〕, spaces removed.
    public static func normalizedDocumentNumber(_ s: String) -> String {
        let opens: Set<Character> = ["[", "【", "(", "（", "〔", "［", "﹝"], closes: Set<Character> = ["]", "】", ")", "）", "〕", "］", "﹞"]
        var c = Array(s.filter { !$0.isWhitespace })
        var i = 0
        while i + 5 < c.count {
            if opens.contains(c[i]), closes.contains(c[i + 5]), c[(i + 1)...(i + 4)].allSatisfy({ $0.isASCII && $0.isNumber }) {
                c[i] = "〔"; c[i + 5] = "〕"; i += 6
            } else {
                i += 1
            }
        }
        return String(c)
    }
}
