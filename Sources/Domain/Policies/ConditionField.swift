import Foundation

/// A fact about a firm that an eligibility condition (申报条件) can test. The catalogue below — names, aliases, type and
/// Chinese description — is also what the condition editor shows office staff, so it is the documentation.
/// The raw value is the slot in `FirmFacts`; conditions are stored as text and a field is encoded by its Chinese name,
/// so the order may change but a name, once used in saved conditions, must stay as a name or an alias.
public enum ConditionField: Int, CaseIterable, Sendable, Codable {
    case revenue, mainRevenue, rdExpense, rdRatio, highTechRevenueShare, tax, totalAssets, employees, rdStaff, rdStaffShare
    case inventionPatents, totalPatents, revenueGrowth, yearsInBusiness, year
    case aboveScale, hnte, techSME, srdi, littleGiant, gazelle, listed
    case qualifications, industry, chain, address

    /// What kind of value a field holds, which decides the operators it takes.
    public enum ValueType: Sendable, Equatable {
        /// A number in `unit` (万元, %, 人, 件, 年).
        case number(unit: String)
        /// 是 / 否.
        case bool
        /// One text, e.g. an industry code.
        case text
        /// A set of texts (the qualifications held).
        case textSet

        public var chineseName: String {
            switch self {
            case .number: return "数值"
            case .bool: return "是非"
            case .text: return "文字"
            case .textSet: return "集合"
            }
        }
    }

    /// One entry of the catalogue.
    public struct Info: Sendable {
        public let name: String
        public let aliases: [String]
        public let type: ValueType
        public let description: String
    }

    public var info: Info {
        switch self {
        case .revenue: return Info(name: "营业收入", aliases: ["营收", "营业总收入", "销售收入"], type: .number(unit: "万元"),
                                   description: "评价年度的营业收入（万元），取自一企一档的年度数据。")
        case .mainRevenue: return Info(name: "主营业务收入", aliases: ["主营收入"], type: .number(unit: "万元"),
                                       description: "评价年度的主营业务收入（万元）。")
        case .rdExpense: return Info(name: "研发费用", aliases: ["研发投入", "研发经费"], type: .number(unit: "万元"),
                                     description: "评价年度的研发费用（万元）。")
        case .rdRatio: return Info(name: "研发费用占比", aliases: ["研发投入强度", "研发强度"], type: .number(unit: "%"),
                                   description: "研发费用 ÷ 营业收入 × 100（%），均取评价年度；营业收入缺失或为0时为缺少数据。")
        case .highTechRevenueShare: return Info(name: "高新技术产品收入占比", aliases: ["高新收入占比"], type: .number(unit: "%"),
                                                description: "高新技术产品（服务）收入 ÷ 营业收入 × 100（%），取评价年度；营业收入缺失或为0时为缺少数据。")
        case .tax: return Info(name: "纳税", aliases: ["纳税总额", "税收"], type: .number(unit: "万元"),
                               description: "评价年度的纳税总额（万元）。")
        case .totalAssets: return Info(name: "资产总额", aliases: ["资产"], type: .number(unit: "万元"),
                                       description: "评价年度末的资产总额（万元）。")
        case .employees: return Info(name: "从业人数", aliases: ["从业人员", "职工人数", "员工人数"], type: .number(unit: "人"),
                                     description: "评价年度的从业人员数（人）。")
        case .rdStaff: return Info(name: "科技人员", aliases: ["科技人员数", "研发人员"], type: .number(unit: "人"),
                                   description: "评价年度的科技人员数（人）。")
        case .rdStaffShare: return Info(name: "科技人员占比", aliases: ["科技人员比例"], type: .number(unit: "%"),
                                        description: "科技人员 ÷ 从业人数 × 100（%），取评价年度；从业人数缺失或为0时为缺少数据。")
        case .inventionPatents: return Info(name: "发明专利", aliases: ["有效发明专利", "发明专利数"], type: .number(unit: "件"),
                                            description: "评价年度末的有效发明专利数（件）。")
        case .totalPatents: return Info(name: "专利总数", aliases: ["有效专利", "专利数"], type: .number(unit: "件"),
                                        description: "评价年度末有效的发明、实用新型、外观设计专利之和（件）；只填了部分类别时按已填的合计，都没填为缺少数据。")
        case .revenueGrowth: return Info(name: "营收增长率", aliases: ["营业收入增长率", "营收增速"], type: .number(unit: "%"),
                                         description: "（本年营业收入 − 上年营业收入）÷ 上年营业收入 × 100（%）；任一年缺失或上年为0时为缺少数据。")
        case .yearsInBusiness: return Info(name: "成立年限", aliases: ["成立年数", "注册年限"], type: .number(unit: "年"),
                                           description: "从成立日期到评价年度12月31日的整年数（年），如2024年5月成立、评价2026年度为2年；没有成立日期为缺少数据。")
        case .year: return Info(name: "年度", aliases: ["评价年度"], type: .number(unit: "年"),
                                description: "评价年度本身，如2026。")
        case .aboveScale: return Info(name: "规上", aliases: ["规上企业", "规模以上"], type: .bool,
                                      description: "评价年度是否为规模以上企业（纳入统计联网直报）；没有该年度数据时为缺少数据。")
        case .hnte: return Info(name: "高企", aliases: ["高新技术企业", "高新企业"], type: .bool,
                                description: "评价日持有有效的高新技术企业证书。")
        case .techSME: return Info(name: "科小", aliases: ["科技型中小企业", "科技型企业"], type: .bool,
                                   description: "评价日是有效的科技型中小企业（按年入库）。")
        case .srdi: return Info(name: "专精特新", aliases: ["专精特新中小企业", "专精特新企业"], type: .bool,
                                description: "评价日持有有效的专精特新中小企业认定。")
        case .littleGiant: return Info(name: "小巨人", aliases: ["专精特新小巨人", "小巨人企业"], type: .bool,
                                       description: "评价日持有有效的专精特新“小巨人”认定。")
        case .gazelle: return Info(name: "瞪羚", aliases: ["瞪羚企业"], type: .bool,
                                   description: "评价日是有效的瞪羚企业。")
        case .listed: return Info(name: "上市", aliases: ["上市企业"], type: .bool,
                                  description: "评价日是上市企业。")
        case .qualifications: return Info(name: "资质", aliases: ["资质名称", "梯度"], type: .textSet,
                                          description: "评价日有效的全部资质：科技型中小企业、高新技术企业、瞪羚企业、专精特新中小企业、专精特新“小巨人”、上市企业。"
                                            + "用“包含”判断，如 资质 包含 \"高新技术企业\"；也可写简称（高企、科小、小巨人等）。")
        case .industry: return Info(name: "行业", aliases: ["行业代码", "行业分类"], type: .text,
                                    description: "国民经济行业分类代码（GB/T 4754-2017），如 C3911；常用“开头”按门类或大类筛选，如 行业 开头 \"C39\"。未填为缺少数据。")
        case .chain: return Info(name: "产业链", aliases: ["重点产业链"], type: .text,
                                 description: "所属重点产业链的名称，如 集成电路；不属于任何产业链时为空文字（不算缺少数据）。")
        case .address: return Info(name: "地址", aliases: ["注册地址"], type: .text,
                                   description: "注册地址；可用“包含”筛选，如 地址 包含 \"科技园\"。未填为缺少数据。")
        }
    }

    public var chineseName: String { info.name }
    public var type: ValueType { info.type }

    /// The unit of a number field ("万元", "%", …), nil for the others.
    public var unit: String? {
        if case .number(let u) = type { return u }
        return nil
    }

    /// Counts (人, 件, 年) take whole values: `> 1`件 means at least 2.
    var isWholeNumber: Bool { unit == "人" || unit == "件" || unit == "年" }

    /// The tier a bool field asks about.
    public var tierKind: EnterpriseTier.Kind? {
        switch self {
        case .hnte: return .hnte
        case .techSME: return .techSME
        case .srdi: return .srdi
        case .littleGiant: return .littleGiant
        case .gazelle: return .gazelle
        case .listed: return .listed
        default: return nil
        }
    }

    private static let byName: [String: ConditionField] = {
        var d: [String: ConditionField] = [:]
        for f in allCases { for n in [f.info.name] + f.info.aliases { d[n] = f } }
        return d
    }()

    /// The field called `name` (a name or an alias), if any.
    public static func named(_ name: String) -> ConditionField? { byName[name] }

    /// The known name closest to `word` by edit distance, when close enough to be a likely typo; between equally close
    /// names, the one sharing more of its characters in order ("研发占比" → "研发费用占比", not "研发费用").
    public static func suggestion(for word: String) -> String? {
        let w = Array(word)
        var best: (name: String, distance: Int, common: Int)?
        for f in allCases {
            for n in [f.info.name] + f.info.aliases {
                let c = Array(n)
                let d = editDistance(w, c), common = commonSubsequence(w, c)
                if best.map({ d < $0.distance || (d == $0.distance && common > $0.common) }) ?? true { best = (n, d, common) }
            }
        }
        guard let best, best.distance <= max(1, w.count / 2) else { return nil }
        return best.name
    }

    /// The qualification a literal in `资质 包含 "…"` names: a tier's full name, or a tier field's name or alias
    /// ("高企", "专精特新小巨人").
    static func qualification(named s: String) -> EnterpriseTier.Kind? {
        if let k = EnterpriseTier.Kind.allCases.first(where: { $0.chineseName == s }) { return k }
        return named(s)?.tierKind
    }

    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var prev = Array(0...b.count), cur = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            cur[0] = i
            for j in 1...b.count {
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&prev, &cur)
        }
        return prev[b.count]
    }

    static func commonSubsequence(_ a: [Character], _ b: [Character]) -> Int {
        var prev = [Int](repeating: 0, count: b.count + 1), cur = prev
        for i in 0..<a.count {
            for j in 0..<b.count { cur[j + 1] = a[i] == b[j] ? prev[j] + 1 : max(prev[j + 1], cur[j]) }
            swap(&prev, &cur)
        }
        return prev[b.count]
    }

    /// Encoded as the Chinese name, decoded from a name or an alias.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        let s = try c.decode(String.self)
        guard let f = ConditionField.named(s) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "未知字段：\(s)")
        }
        self = f
    }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(chineseName)
    }
}
