import Foundation

/// What the office types or imports for an enterprise's record (the basics; yearly figures are `EnterpriseYear`).
public struct EnterpriseDraft: Codable, Sendable, Equatable {
    public var creditCode: String?
    public var name: String?
    public var address: String?
    public var industryCode: String?
    public var chain: String?
    public var foundedOn: Day?
    public var servingUnitId: Int?
    public var visitingOfficial: String?
    public init() {}

    public struct Valid: Sendable, Equatable {
        public let creditCode: String, name: String, initials: String, address: String, industryCode: String, chain: String
        public let foundedOn: Day?, servingUnitId: Int?, visitingOfficial: String
    }

    /// Credit code with its check character; name 2–100 characters; industry code a GB/T 4754 section letter A–T and
    /// 2–4 digits (or empty); chain ≤ 40; address ≤ 200; official ≤ 40.
    public func validated(today: Day) throws -> Valid {
        let code = try CreditCode.validated(creditCode ?? "")
        let name = (name ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard name.count >= 2, name.count <= 100 else { throw ValidationError(field: "name", "请填写企业名称（2到100字）") }
        let industry = (industryCode ?? "").trimmingCharacters(in: .whitespaces).uppercased()
        if !industry.isEmpty {
            let letter = industry.first!, digits = industry.dropFirst()
            guard ("A"..."T").contains(letter), (2...4).contains(digits.count), digits.allSatisfy(\.isNumber) else {
                throw ValidationError(field: "industryCode", "行业代码应为门类字母加2到4位数字（国民经济行业分类，如C3911），填写的是“\(industryCode ?? "")”")
            }
        }
        let chain = (chain ?? "").trimmingCharacters(in: .whitespaces)
        guard chain.count <= 40 else { throw ValidationError(field: "chain", "产业链名称不能超过40字") }
        let address = (address ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard address.count <= 200 else { throw ValidationError(field: "address", "地址不能超过200字") }
        let official = (visitingOfficial ?? "").trimmingCharacters(in: .whitespaces)
        guard official.count <= 40 else { throw ValidationError(field: "visitingOfficial", "包联干部姓名不能超过40字") }
        if let f = foundedOn, f > today { throw ValidationError(field: "foundedOn", "成立日期不能晚于今天") }
        return Valid(creditCode: code, name: name, initials: Pinyin.initials(name), address: address, industryCode: industry, chain: chain,
                     foundedOn: foundedOn, servingUnitId: servingUnitId, visitingOfficial: official)
    }
}
