import Foundation

/// 一企一档: one record per enterprise of the zone. What changes over time (revenue, tax, staff, scale) is kept per
/// year in `EnterpriseYear`; tiers and certificates with their dates in `EnterpriseTier`.
public struct Enterprise: Codable, Sendable, Equatable, Identifiable {
    public var id: Int
    /// 统一社会信用代码, validated (`CreditCode`); unique in the zone.
    public var creditCode: String
    public var name: String
    /// 拼音首字母 of the name, for search.
    public var initials: String
    public var address: String
    /// 国民经济行业分类 (GB/T 4754-2017) code, e.g. "C3911": a section letter and 2–4 digits.
    public var industryCode: String
    /// The zone's key industrial chain (重点产业链) it belongs to, or "".
    public var chain: String
    /// 成立日期.
    public var foundedOn: Day?
    /// 包联单位 and the official who visits it.
    public var servingUnitId: Int?
    public var visitingOfficial: String
    public var archived: Bool
    public var version: Int
    public init(id: Int, creditCode: String, name: String, initials: String, address: String, industryCode: String, chain: String, foundedOn: Day?,
                servingUnitId: Int?, visitingOfficial: String, archived: Bool = false, version: Int = 1) {
        self.id = id; self.creditCode = creditCode; self.name = name; self.initials = initials; self.address = address; self.industryCode = industryCode
        self.chain = chain; self.foundedOn = foundedOn; self.servingUnitId = servingUnitId; self.visitingOfficial = visitingOfficial
        self.archived = archived; self.version = version
    }
    /// Manufacturing (制造业, section C of GB/T 4754): the group 规上工业 and 专利清零 count.
    public var isIndustrial: Bool { industryCode.first == "C" || industryCode.first == "B" || industryCode.first == "D" }
}

/// An enterprise's figures for one year (amounts in 万元). A past year stays as it was entered.
public struct EnterpriseYear: Codable, Sendable, Equatable {
    public var year: Int
    /// 营业收入 and 主营业务收入.
    public var revenue: Double?
    public var mainRevenue: Double?
    /// 研发费用.
    public var rdExpense: Double?
    /// 高新技术产品（服务）收入.
    public var highTechRevenue: Double?
    /// 纳税总额.
    public var tax: Double?
    public var totalAssets: Double?
    public var employees: Int?
    /// 科技人员 (R&D and related S&T staff).
    public var rdStaff: Int?
    /// 规上: in the statistics directory (联网直报) that year.
    public var aboveScale: Bool
    /// Valid patents at year end: 发明 (class I), 实用新型 and 外观设计 (class II).
    public var inventionPatents: Int?
    public var utilityPatents: Int?
    public var designPatents: Int?
    public init(year: Int, revenue: Double? = nil, mainRevenue: Double? = nil, rdExpense: Double? = nil, highTechRevenue: Double? = nil, tax: Double? = nil,
                totalAssets: Double? = nil, employees: Int? = nil, rdStaff: Int? = nil, aboveScale: Bool = false,
                inventionPatents: Int? = nil, utilityPatents: Int? = nil, designPatents: Int? = nil) {
        self.year = year; self.revenue = revenue; self.mainRevenue = mainRevenue; self.rdExpense = rdExpense; self.highTechRevenue = highTechRevenue
        self.tax = tax; self.totalAssets = totalAssets; self.employees = employees; self.rdStaff = rdStaff; self.aboveScale = aboveScale
        self.inventionPatents = inventionPatents; self.utilityPatents = utilityPatents; self.designPatents = designPatents
    }
    /// Any valid patent at all (专利清零: a firm with none is a "zero").
    public var hasPatent: Bool? {
        let all = [inventionPatents, utilityPatents, designPatents].compactMap { $0 }
        return all.isEmpty ? nil : all.reduce(0, +) > 0
    }

    /// Refuses negative amounts and staff counts above employees.
    public func validate(field: String = "years") throws {
        for (name, v) in [("营业收入", revenue), ("主营业务收入", mainRevenue), ("研发费用", rdExpense), ("高新技术产品收入", highTechRevenue), ("纳税", tax), ("资产总额", totalAssets)] {
            if let v, !(v.isFinite && v >= 0) { throw ValidationError(field: field, "\(year)年\(name)须为不小于0的数") }
        }
        if let e = employees, e < 0 { throw ValidationError(field: field, "\(year)年从业人数不能为负") }
        for (name, v) in [("发明专利", inventionPatents), ("实用新型专利", utilityPatents), ("外观设计专利", designPatents)] {
            if let v, v < 0 { throw ValidationError(field: field, "\(year)年有效\(name)数不能为负") }
        }
        if let r = rdStaff, r < 0 { throw ValidationError(field: field, "\(year)年科技人员数不能为负") }
        if let e = employees, let r = rdStaff, r > e { throw ValidationError(field: field, "\(year)年科技人员（\(r)人）多于从业人员（\(e)人）") }
        if let h = highTechRevenue, let r = revenue, h > r { throw ValidationError(field: field, "\(year)年高新技术产品收入多于营业收入") }
    }
}

/// A tier or title an enterprise holds (培育梯度), with its certificate and dates.
public struct EnterpriseTier: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// 科技型中小企业 (evaluated yearly), 高新技术企业 (three years), 瞪羚, 专精特新中小企业, 专精特新"小巨人", 上市.
        case techSME, hnte, gazelle, srdi, littleGiant, listed
        public var chineseName: String {
            switch self {
            case .techSME: return "科技型中小企业"
            case .hnte: return "高新技术企业"
            case .gazelle: return "瞪羚企业"
            case .srdi: return "专精特新中小企业"
            case .littleGiant: return "专精特新“小巨人”"
            case .listed: return "上市企业"
            }
        }
        /// How long a title lasts, in years (nil: until withdrawn).
        public var validYears: Int? {
            switch self { case .techSME: return 1; case .hnte: return 3; case .gazelle: return 1; case .srdi: return 3; case .littleGiant: return 3; case .listed: return nil }
        }
    }
    public var kind: Kind
    public var certificate: String
    public var grantedOn: Day
    /// Granted date + the kind's years − 1 day, unless given.
    public var expiresOn: Day?
    public init(kind: Kind, certificate: String, grantedOn: Day, expiresOn: Day? = nil) {
        self.kind = kind; self.certificate = certificate; self.grantedOn = grantedOn
        self.expiresOn = expiresOn ?? kind.validYears.flatMap { y in
            let year = grantedOn.year + y
            return Day(year: year, month: grantedOn.month, day: min(grantedOn.day, Day.daysIn(month: grantedOn.month, year: year))).map { $0.adding(days: -1) }
        }
    }
    public func isValid(on day: Day) -> Bool { grantedOn <= day && (expiresOn.map { day <= $0 } ?? true) }
}
