import Foundation

/// Which firms nearly meet the next tier and what each is missing (`../shared/reference/cn-enterprise-criteria.md`).
/// Only conditions the registry's data can decide are checked; the rest (核心技术 in the supported fields, the
/// innovation-capacity score, no major accident …) are listed as to be verified by hand.
public enum TierCriteria {
    public struct Condition: Sendable, Equatable, Codable {
        public let name: String
        /// nil: the data is missing.
        public let met: Bool?
        /// "研发费用占比 3.2%（近三年）" / "缺少2025年数据".
        public let actual: String
        public let required: String
        /// What it takes: "还差0.8个百分点（约64万元研发费用）".
        public let gap: String?
    }
    public struct Check: Sendable, Equatable, Codable {
        public let tier: EnterpriseTier.Kind
        public let conditions: [Condition]
        public let toVerify: [String]
        public var unmet: [Condition] { conditions.filter { $0.met == false } }
        public var unknown: [Condition] { conditions.filter { $0.met == nil } }
        /// Every checkable condition met.
        public var meets: Bool { conditions.allSatisfy { $0.met == true } }
        /// At most one condition short and no data missing: the cultivation list (培育库).
        public var nearly: Bool { unknown.isEmpty && unmet.count == 1 }
    }

    static func pct(_ x: Double) -> String { String(format: "%.1f%%", x * 100) }
    static func wan(_ x: Double) -> String {
        x >= 10_000 ? String(format: "%.2f亿元", x / 10_000) : (x < 10 ? String(format: "%.1f万元", x) : String(format: "%.0f万元", x))
    }

    /// 高新技术企业 (国科发火〔2016〕32号): registered ≥ 1 year; owns IP; S&T staff ≥ 10%; R&D over the last three years ÷
    /// revenue over them ≥ 5% / 4% / 3% by the latest year's revenue (≤ 5,000万, ≤ 2亿, above); high-tech revenue ≥ 60%.
    /// `years`: the last three accounting years before `asOf`'s year, any order.
    public static func hnte(foundedOn: Day?, years: [EnterpriseYear], asOf: Day) -> Check {
        let wanted = ((asOf.year - 3)...(asOf.year - 1)).reversed()
        let byYear = Dictionary(years.map { ($0.year, $0) }, uniquingKeysWith: { a, _ in a })
        let latestYear = wanted.first { byYear[$0] != nil }
        let latest = latestYear.flatMap { byYear[$0] }
        var c: [Condition] = []
        if let f = foundedOn {
            let anniversary = Day(year: f.year + 1, month: f.month, day: min(f.day, Day.daysIn(month: f.month, year: f.year + 1)))!
            c.append(Condition(name: "注册成立一年以上", met: anniversary <= asOf, actual: "成立于\(f)", required: "满一年", gap: anniversary <= asOf ? nil : "\(anniversary)满一年"))
        } else {
            c.append(Condition(name: "注册成立一年以上", met: nil, actual: "缺少成立日期", required: "满一年", gap: nil))
        }
        if let l = latest, let has = l.hasPatent {
            c.append(Condition(name: "拥有核心自主知识产权", met: has, actual: has ? "有效专利\((l.inventionPatents ?? 0) + (l.utilityPatents ?? 0) + (l.designPatents ?? 0))件" : "无有效专利",
                               required: "至少1件", gap: has ? nil : "需取得知识产权（如申请实用新型或发明专利）"))
        } else {
            c.append(Condition(name: "拥有核心自主知识产权", met: nil, actual: "缺少专利数据", required: "至少1件", gap: nil))
        }
        if let l = latest, let e = l.employees, let r = l.rdStaff, e > 0 {
            let share = Double(r) / Double(e)
            let need = Int((0.10 * Double(e)).rounded(.up))
            c.append(Condition(name: "科技人员占比", met: share >= 0.10, actual: "\(pct(share))（\(r)/\(e)人，\(l.year)年）", required: "≥10%",
                               gap: share >= 0.10 ? nil : "还差\(need - r)名科技人员"))
        } else {
            c.append(Condition(name: "科技人员占比", met: nil, actual: "缺少从业人员或科技人员数", required: "≥10%", gap: nil))
        }
        let three = wanted.compactMap { byYear[$0] }
        if let l = latest, let rev = l.revenue, three.allSatisfy({ $0.revenue != nil && $0.rdExpense != nil }), !three.isEmpty {
            let required = rev <= 5_000 ? 0.05 : (rev <= 20_000 ? 0.04 : 0.03)
            let rd = three.reduce(0) { $0 + ($1.rdExpense ?? 0) }, total = three.reduce(0) { $0 + ($1.revenue ?? 0) }
            let ratio = total > 0 ? rd / total : 0
            let met = total > 0 && ratio >= required
            c.append(Condition(name: "研发费用占销售收入比例", met: met, actual: "\(pct(ratio))（近\(three.count)年研发\(wan(rd))÷收入\(wan(total))）",
                               required: "≥\(Int(required * 100))%（按最近一年收入\(wan(rev))）",
                               gap: met ? nil : "还差\(String(format: (required - ratio) < 0.001 ? "%.2f" : "%.1f", (required - ratio) * 100))个百分点（约\(wan(required * total - rd))研发费用）"))
        } else {
            c.append(Condition(name: "研发费用占销售收入比例", met: nil, actual: "缺少近三年收入或研发费用", required: "≥3%–5%（按收入规模）", gap: nil))
        }
        if let l = latest, let rev = l.revenue, let ht = l.highTechRevenue, rev > 0 {
            let share = ht / rev
            c.append(Condition(name: "高新技术产品（服务）收入占比", met: share >= 0.6, actual: "\(pct(share))（\(l.year)年）", required: "≥60%",
                               gap: share >= 0.6 ? nil : "还差\(wan(0.6 * rev - ht))高新技术产品收入"))
        } else {
            c.append(Condition(name: "高新技术产品（服务）收入占比", met: nil, actual: "缺少高新技术产品收入", required: "≥60%", gap: nil))
        }
        return Check(tier: .hnte, conditions: c, toVerify: ["核心技术属于《国家重点支持的高新技术领域》", "研发费用境内占比≥60%", "创新能力评价得分>70分", "申请前一年无重大安全、质量事故和严重环境违法"])
    }

    /// 科技型中小企业 (国科发政〔2017〕115号): employees ≤ 500, revenue ≤ 2亿, assets ≤ 2亿; score ≥ 60 with S&T staff
    /// scoring above 0 — staff share 20, R&D ÷ revenue 50, IP 30 (bands in the reference), from the latest year.
    public static func techSME(years: [EnterpriseYear], asOf: Day) -> Check {
        guard let l = years.filter({ $0.year < asOf.year }).max(by: { $0.year < $1.year }) else {
            return Check(tier: .techSME, conditions: [Condition(name: "上年度数据", met: nil, actual: "缺少上年度数据", required: "—", gap: nil)], toVerify: [])
        }
        var c: [Condition] = []
        if let e = l.employees, let r = l.revenue, let a = l.totalAssets {
            let ok = e <= 500 && r <= 20_000 && a <= 20_000
            c.append(Condition(name: "规模（职工≤500人、收入≤2亿元、资产≤2亿元）", met: ok, actual: "\(e)人、收入\(wan(r))、资产\(wan(a))", required: "均不超过", gap: ok ? nil : "规模超出，不属于科技型中小企业"))
        } else {
            c.append(Condition(name: "规模（职工≤500人、收入≤2亿元、资产≤2亿元）", met: nil, actual: "缺少职工、收入或资产", required: "均不超过", gap: nil))
        }
        if let e = l.employees, let staff = l.rdStaff, let rev = l.revenue, let rd = l.rdExpense, e > 0, rev > 0, l.hasPatent != nil {
            let share = Double(staff) / Double(e)
            let staffPoints = share >= 0.30 ? 20 : share >= 0.25 ? 16 : share >= 0.20 ? 12 : share >= 0.15 ? 8 : share >= 0.10 ? 4 : 0
            let ratio = rd / rev
            let rdPoints = ratio >= 0.06 ? 50 : ratio >= 0.05 ? 40 : ratio >= 0.04 ? 30 : ratio >= 0.03 ? 20 : ratio >= 0.02 ? 10 : 0
            let classII = (l.utilityPatents ?? 0) + (l.designPatents ?? 0)
            let ipPoints = (l.inventionPatents ?? 0) >= 1 ? 30 : classII >= 4 ? 24 : classII == 3 ? 18 : classII == 2 ? 12 : classII == 1 ? 6 : 0
            let score = staffPoints + rdPoints + ipPoints
            let ok = score >= 60 && staffPoints > 0
            c.append(Condition(name: "评价得分≥60分且科技人员指标不为0分", met: ok,
                               actual: "\(score)分（科技人员\(pct(share))得\(staffPoints)分，研发占比\(pct(ratio))得\(rdPoints)分，知识产权得\(ipPoints)分）",
                               required: "≥60分", gap: ok ? nil : (staffPoints == 0 ? "科技人员占比须达10%" : "还差\(60 - score)分")))
        } else {
            c.append(Condition(name: "评价得分≥60分且科技人员指标不为0分", met: nil, actual: "缺少人员、收入、研发或专利数据", required: "≥60分", gap: nil))
        }
        return Check(tier: .techSME, conditions: c, toVerify: ["产品和服务不属于禁止、限制和淘汰类", "无重大安全、质量事故和严重环境违法、科研失信，未列入经营异常名录和严重违法失信名单"])
    }

    /// 专精特新中小企业 (2022 《优质中小企业梯度培育管理暂行办法》, `cn-enterprise-criteria.md` §4.1), the conditions the
    /// registry can decide: in business 2 years or more (the niche's duration, approximated by the founding date); last
    /// year's R&D expense ≥ 100万元 and ≥ 3% of revenue; last year's revenue ≥ 1,000万元.
    public static func srdi(foundedOn: Day?, years: [EnterpriseYear], asOf: Day) -> Check {
        var c: [Condition] = []
        if let f = foundedOn {
            let two = Day(year: f.year + 2, month: f.month, day: min(f.day, Day.daysIn(month: f.month, year: f.year + 2)))!
            c.append(Condition(name: "从事细分市场2年以上（按成立时间）", met: two <= asOf, actual: "成立于\(f)", required: "满2年", gap: two <= asOf ? nil : "\(two)满2年"))
        } else {
            c.append(Condition(name: "从事细分市场2年以上（按成立时间）", met: nil, actual: "缺少成立日期", required: "满2年", gap: nil))
        }
        guard let l = years.filter({ $0.year < asOf.year }).max(by: { $0.year < $1.year }), let rev = l.revenue, let rd = l.rdExpense else {
            c.append(Condition(name: "上年研发费用与营业收入", met: nil, actual: "缺少上年营业收入或研发费用", required: "研发≥100万元且≥3%，收入≥1000万元", gap: nil))
            return Check(tier: .srdi, conditions: c, toVerify: ["专精特新发展评价得分≥60分（或符合直通条件）", "主导产品属于细分市场"])
        }
        let ratio = rev > 0 ? rd / rev : 0
        let rdOK = rd >= 100 && ratio >= 0.03
        let needRD = max(100, 0.03 * rev) - rd
        c.append(Condition(name: "上年研发费用≥100万元且占营业收入≥3%", met: rdOK, actual: "\(wan(rd))，占\(pct(ratio))（\(l.year)年）", required: "≥100万元且≥3%",
                           gap: rdOK ? nil : "还差约\(wan(needRD))研发费用"))
        c.append(Condition(name: "上年营业收入≥1000万元", met: rev >= 1_000, actual: "\(wan(rev))（\(l.year)年）", required: "≥1000万元（或近两年股权融资≥2000万元）",
                           gap: rev >= 1_000 ? nil : "还差\(wan(1_000 - rev))营业收入（或以股权融资满足）"))
        return Check(tier: .srdi, conditions: c, toVerify: ["专精特新发展评价得分≥60分（或符合直通条件）", "主导产品属于细分市场"])
    }
}
