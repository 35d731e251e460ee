import Foundation

/// The facts of one firm for one evaluation year, as the condition fields define them (`ConditionField.info`).
/// Values sit in fixed arrays indexed by the field's raw value, so matching thousands of firms against hundreds of
/// conditions reads memory, not dictionaries. Missing data is unknown (nil), never zero.
public struct FirmFacts: Sendable {
    public let enterpriseId: Int
    /// The evaluation year: its figures are used, and the previous year's for growth.
    public let year: Int
    /// The day tiers must be valid on (Dec 31 of `year` unless given).
    public let day: Day
    /// Number and bool fields (1 = 是, 0 = 否); NaN = unknown.
    let numbers: ContiguousArray<Double>
    /// Text fields; nil = unknown.
    let texts: ContiguousArray<String?>
    /// Valid tiers, one bit per `EnterpriseTier.Kind` (its index in `allCases`).
    let tierBits: UInt8

    static let fieldCount = ConditionField.allCases.count

    public init(enterprise: Enterprise, years: [EnterpriseYear], tiers: [EnterpriseTier], year: Int, on day: Day? = nil) {
        let day = day ?? Day.lastOfYear(year)
        var cur: EnterpriseYear?, prev: EnterpriseYear?
        for y in years {
            if y.year == year { cur = y } else if y.year == year - 1 { prev = y }
        }
        var n = ContiguousArray<Double>(repeating: .nan, count: Self.fieldCount)
        func set(_ f: ConditionField, _ v: Double?) { n[f.rawValue] = v ?? .nan }
        /// One division at the end, so an exact ratio (30 ÷ 1000 → 3%) compares exactly with its threshold.
        func percent(_ part: Double?, _ whole: Double?) -> Double? {
            guard let part, let whole, whole > 0 else { return nil }
            return part * 100 / whole
        }
        if let c = cur {
            set(.revenue, c.revenue)
            set(.mainRevenue, c.mainRevenue)
            set(.rdExpense, c.rdExpense)
            set(.rdRatio, percent(c.rdExpense, c.revenue))
            set(.highTechRevenueShare, percent(c.highTechRevenue, c.revenue))
            set(.tax, c.tax)
            set(.totalAssets, c.totalAssets)
            set(.employees, c.employees.map(Double.init))
            set(.rdStaff, c.rdStaff.map(Double.init))
            set(.rdStaffShare, percent(c.rdStaff.map(Double.init), c.employees.map(Double.init)))
            set(.inventionPatents, c.inventionPatents.map(Double.init))
            let known = [c.inventionPatents, c.utilityPatents, c.designPatents].compactMap { $0 }
            set(.totalPatents, known.isEmpty ? nil : Double(known.reduce(0, +)))
            set(.aboveScale, c.aboveScale ? 1 : 0)
            if let r = c.revenue, let p = prev?.revenue, p > 0 { set(.revenueGrowth, (r - p) * 100 / p) }
        }
        if let f = enterprise.foundedOn { set(.yearsInBusiness, Double(max(0, year - f.year))) }
        set(.year, Double(year))
        var bits: UInt8 = 0
        for (i, kind) in EnterpriseTier.Kind.allCases.enumerated() where tiers.contains(where: { $0.kind == kind && $0.isValid(on: day) }) {
            bits |= 1 << UInt8(i)
        }
        for f in ConditionField.allCases { if let k = f.tierKind { set(f, bits & Self.bit(k) != 0 ? 1 : 0) } }
        var t = ContiguousArray<String?>(repeating: nil, count: Self.fieldCount)
        t[ConditionField.industry.rawValue] = enterprise.industryCode.isEmpty ? nil : enterprise.industryCode
        t[ConditionField.chain.rawValue] = enterprise.chain
        t[ConditionField.address.rawValue] = enterprise.address.isEmpty ? nil : enterprise.address
        self.enterpriseId = enterprise.id; self.year = year; self.day = day
        self.numbers = n; self.texts = t; self.tierBits = bits
    }

    static func bit(_ k: EnterpriseTier.Kind) -> UInt8 { 1 << UInt8(EnterpriseTier.Kind.allCases.firstIndex(of: k)!) }

    /// A number field's value (nil: unknown, or not a number field).
    public func number(_ f: ConditionField) -> Double? {
        guard case .number = f.type else { return nil }
        let x = numbers[f.rawValue]
        return x.isNaN ? nil : x
    }

    /// A bool field's value (nil: unknown, or not a bool field).
    public func flag(_ f: ConditionField) -> Bool? {
        guard f.type == .bool else { return nil }
        let x = numbers[f.rawValue]
        return x.isNaN ? nil : x != 0
    }

    /// A text field's value (nil: unknown, or not a text field).
    public func text(_ f: ConditionField) -> String? { f.type == .text ? texts[f.rawValue] : nil }

    /// The tiers valid on `day` (资质).
    public var qualifications: [EnterpriseTier.Kind] { EnterpriseTier.Kind.allCases.filter { tierBits & Self.bit($0) != 0 } }

    /// The value as shown to staff: "4.2%", "800万元", "是", "C3911", "高新技术企业、瞪羚企业"; nil when unknown.
    public func display(_ f: ConditionField) -> String? {
        switch f.type {
        case .number(let unit): return number(f).map { ConditionValue.display($0) + unit }
        case .bool: return flag(f).map { $0 ? "是" : "否" }
        case .text: return text(f)
        case .textSet:
            let q = qualifications.map(\.chineseName)
            return q.isEmpty ? "无" : q.joined(separator: "、")
        }
    }
}

extension ConditionValue {
    /// A number rounded to two decimals, without trailing zeros: 4.2, 80, 1234.57.
    static func display(_ x: Double) -> String {
        let r = (x * 100).rounded() / 100
        if r == r.rounded(), abs(r) < 1e15 { return String(Int64(r)) }
        return "\(r)"
    }
}
