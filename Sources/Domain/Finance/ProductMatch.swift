import Foundation

/// A bank's loan product as the zone's finance office lists it for matching (银企对接产品库).
public struct BankProduct: Codable, Sendable, Equatable, Identifiable {
    public var id: Int
    public var bank: String
    public var name: String
    /// Amounts lent, 万元: min ≥ 0, max > 0.
    public var minAmountWan: Double
    public var maxAmountWan: Double
    /// Longest term, months.
    public var maxTermMonths: Int
    /// The urgencies it serves; empty: any.
    public var urgencies: [FinancingUrgency]
    /// The tiers it is reserved for (e.g. 科创贷 for 科技型中小企业 and 高新技术企业); empty: any firm.
    public var tiers: [EnterpriseTier.Kind]
    /// Usual working days from application to loan, when the bank says.
    public var approvalWorkdays: Int?
    /// Annual rate in %, when known (ties are broken by the lower rate).
    public var annualRatePercent: Double?
    public init(id: Int, bank: String, name: String, minAmountWan: Double = 0, maxAmountWan: Double, maxTermMonths: Int, urgencies: [FinancingUrgency] = [],
                tiers: [EnterpriseTier.Kind] = [], approvalWorkdays: Int? = nil, annualRatePercent: Double? = nil) {
        self.id = id; self.bank = bank; self.name = name; self.minAmountWan = minAmountWan; self.maxAmountWan = maxAmountWan
        self.maxTermMonths = maxTermMonths; self.urgencies = urgencies; self.tiers = tiers; self.approvalWorkdays = approvalWorkdays
        self.annualRatePercent = annualRatePercent
    }

    public var label: String { "\(bank)·\(name)" }

    /// Trimmed and checked: a bank and a name, 0 ≤ min ≤ max and max > 0, a term of 1 to 360 months, an approval time of
    /// 1 to 250 working days and a rate from 0 to 36 % when given.
    public func validated() throws -> BankProduct {
        var p = self
        p.bank = bank.trimmingCharacters(in: .whitespacesAndNewlines)
        p.name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !p.bank.isEmpty, p.bank.count <= TextLimits.name else { throw ValidationError(field: "bank", "请填写银行名称") }
        guard !p.name.isEmpty, p.name.count <= TextLimits.name else { throw ValidationError(field: "name", "请填写产品名称") }
        guard minAmountWan.isFinite, minAmountWan >= 0 else { throw ValidationError(field: "minAmountWan", "最低额度须为不小于0的数（万元）") }
        guard maxAmountWan.isFinite, maxAmountWan > 0 else { throw ValidationError(field: "maxAmountWan", "最高额度须大于0（万元）") }
        guard minAmountWan <= maxAmountWan else { throw ValidationError(field: "maxAmountWan", "最高额度不能低于最低额度") }
        guard (1...360).contains(maxTermMonths) else { throw ValidationError(field: "maxTermMonths", "最长期限须为1到360个月") }
        if let a = approvalWorkdays, !(1...250).contains(a) { throw ValidationError(field: "approvalWorkdays", "审批时间须为1到250个工作日") }
        if let r = annualRatePercent, !(r.isFinite && (0...36).contains(r)) { throw ValidationError(field: "annualRatePercent", "年利率须为0到36（%）") }
        p.urgencies = FinancingUrgency.allCases.filter { urgencies.contains($0) }
        p.tiers = EnterpriseTier.Kind.allCases.filter { tiers.contains($0) }
        return p
    }
}

/// How one product fits one need, with the reasons in Chinese.
public struct ProductCandidate: Sendable, Equatable {
    public var product: BankProduct
    /// False when a hard condition fails (the first reason says which).
    public var eligible: Bool
    /// 0–100, see `ProductMatch`; 0 when not eligible.
    public var score: Int
    /// The share of the amount asked the product can lend, 0–1.
    public var coverage: Double
    public var reasons: [String]
}

/// 产品匹配: which listed products fit a financing need, best first.
///
/// A product is out when the need asks less than its minimum, wants a longer term than its maximum, has an urgency it
/// does not serve, or the firm holds none of the tiers it is reserved for. The others are scored out of 100:
/// - up to 60 for the amount: 60 × the share of the amount asked it can lend (a product whose maximum is below the need
///   still helps, with a lower score);
/// - 20 when it is reserved for a tier the firm holds (a targeted product is usually cheaper and easier);
/// - 20 when its usual approval time fits the urgency (`FinancingUrgency.expectedWorkdays`), 10 when not known, 0 when slower.
/// Ties go to the lower rate (unknown last), then by bank, name and id.
public enum ProductMatch {
    public static func evaluate(_ need: FinancingNeed, _ p: BankProduct, firmTiers: [EnterpriseTier.Kind] = []) -> ProductCandidate {
        func out(_ why: String) -> ProductCandidate { ProductCandidate(product: p, eligible: false, score: 0, coverage: 0, reasons: [why]) }
        let amount = formatNumber(need.amountWan)
        if need.amountWan < p.minAmountWan { return out("需求\(amount)万元低于产品最低额度\(formatNumber(p.minAmountWan))万元") }
        if let t = need.termMonths, t > p.maxTermMonths { return out("期望期限\(t)个月超过产品最长期限\(p.maxTermMonths)个月") }
        if !p.urgencies.isEmpty && !p.urgencies.contains(need.urgency) {
            return out("产品不受理“\(need.urgency.chineseName)”需求（仅限\(p.urgencies.map(\.chineseName).joined(separator: "、"))）")
        }
        let held = p.tiers.filter { firmTiers.contains($0) }
        if !p.tiers.isEmpty && held.isEmpty { return out("产品仅面向\(p.tiers.map(\.chineseName).joined(separator: "、"))") }

        var reasons: [String] = []
        let coverage = min(1, p.maxAmountWan / need.amountWan)
        var score = Int((60 * coverage).rounded())
        if coverage >= 1 {
            reasons.append("额度\(formatNumber(p.minAmountWan))—\(formatNumber(p.maxAmountWan))万元，可全额满足\(amount)万元需求")
        } else {
            reasons.append("最高额度\(formatNumber(p.maxAmountWan))万元，可满足需求的\(Int((coverage * 100).rounded(.down)))%")
        }
        if !held.isEmpty {
            score += 20
            reasons.append("专属产品：面向\(held.map(\.chineseName).joined(separator: "、"))")
        }
        let expected = need.urgency.expectedWorkdays
        if let a = p.approvalWorkdays {
            if a <= expected {
                score += 20
                reasons.append("审批约\(a)个工作日，满足“\(need.urgency.chineseName)”需求（\(expected)个工作日内）")
            } else {
                reasons.append("审批约\(a)个工作日，慢于“\(need.urgency.chineseName)”需求的\(expected)个工作日")
            }
        } else {
            score += 10
            reasons.append("审批时间未提供")
        }
        if let r = p.annualRatePercent { reasons.append("年利率\(formatNumber(r))%") }
        return ProductCandidate(product: p, eligible: true, score: score, coverage: coverage, reasons: reasons)
    }

    /// The eligible products, best first.
    public static func candidates(for need: FinancingNeed, products: [BankProduct], firmTiers: [EnterpriseTier.Kind] = []) -> [ProductCandidate] {
        products.map { evaluate(need, $0, firmTiers: firmTiers) }.filter(\.eligible).sorted { a, b in
            if a.score != b.score { return a.score > b.score }
            let ra = a.product.annualRatePercent ?? .infinity, rb = b.product.annualRatePercent ?? .infinity
            if ra != rb { return ra < rb }
            return (a.product.bank, a.product.name, a.product.id) < (b.product.bank, b.product.name, b.product.id)
        }
    }
}
