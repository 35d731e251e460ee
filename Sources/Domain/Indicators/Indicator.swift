import Foundation

/// 指标: what the zone measures itself on. A value is entered per period of the indicator's frequency
/// and read against the year's trajectory (interim targets) from the baseline to the annual target.
public struct Indicator: Codable, Sendable, Equatable, Identifiable {
    public enum Direction: String, Codable, Sendable, CaseIterable {
        case higher, lower
        public var chineseName: String { self == .higher ? "越高越好" : "越低越好" }
    }
    public enum Frequency: String, Codable, Sendable, CaseIterable {
        case monthly, quarterly, annual
        public var chineseName: String {
            switch self { case .monthly: return "月度"; case .quarterly: return "季度"; case .annual: return "年度" }
        }
    }
    public enum Source: String, Codable, Sendable, CaseIterable {
        /// 统计局, 火炬统计, the owner unit itself, or computed by the product from its own records (`formula`).
        case statistics, torch, unit, computed
        public var chineseName: String {
            switch self { case .statistics: return "统计局"; case .torch: return "火炬统计"; case .unit: return "责任单位填报"; case .computed: return "系统计算" }
        }
    }
    public var id: Int
    public var code: String
    public var name: String
    /// 计量单位, e.g. "个工作日", "%", "家".
    public var unit: String
    public var direction: Direction
    public var frequency: Frequency
    /// 统计口径.
    public var caliber: String
    public var source: Source
    public var ownerUnitId: Int
    /// For `.computed`: what the product computes.
    public var formula: ComputedMeasure?
    public var archived: Bool
    public var version: Int
    public init(id: Int, code: String, name: String, unit: String, direction: Direction, frequency: Frequency, caliber: String, source: Source,
                ownerUnitId: Int, formula: ComputedMeasure? = nil, archived: Bool = false, version: Int = 1) {
        self.id = id; self.code = code; self.name = name; self.unit = unit; self.direction = direction; self.frequency = frequency
        self.caliber = caliber; self.source = source; self.ownerUnitId = ownerUnitId; self.formula = formula; self.archived = archived; self.version = version
    }
}

/// What the office writes when it defines an indicator.
public struct IndicatorDraft: Codable, Sendable, Equatable {
    public var code: String?
    public var name: String?
    public var unit: String?
    public var direction: Indicator.Direction?
    public var frequency: Indicator.Frequency?
    public var caliber: String?
    public var source: Indicator.Source?
    public var ownerUnitId: Int?
    public var formula: ComputedMeasure?
    public init() {}

    /// Code: 1–20 letters, digits, '-', '_' or '.'; name 1–100 characters; everything else required but the caliber.
    public func validated() throws -> (code: String, name: String, unit: String, direction: Indicator.Direction, frequency: Indicator.Frequency,
                                       caliber: String, source: Indicator.Source, ownerUnitId: Int, formula: ComputedMeasure?) {
        let code = (code ?? "").trimmingCharacters(in: .whitespaces)
        guard !code.isEmpty, code.count <= 20, code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }) else {
            throw ValidationError(field: "code", "指标代码须为1到20位字母、数字、点、横线或下划线")
        }
        let name = (name ?? "").trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, name.count <= 100 else { throw ValidationError(field: "name", "请填写指标名称（不超过100字）") }
        let unit = (unit ?? "").trimmingCharacters(in: .whitespaces)
        guard !unit.isEmpty, unit.count <= 20 else { throw ValidationError(field: "unit", "请填写计量单位（不超过20字）") }
        guard let direction else { throw ValidationError(field: "direction", "请选择指标方向（越高越好或越低越好）") }
        guard let frequency else { throw ValidationError(field: "frequency", "请选择统计频次") }
        guard let source else { throw ValidationError(field: "source", "请选择数据来源") }
        guard let ownerUnitId else { throw ValidationError(field: "ownerUnitId", "请选择责任单位") }
        let caliber = (caliber ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard caliber.count <= TextLimits.longText else { throw ValidationError(field: "caliber", "统计口径不能超过\(TextLimits.longText)个字") }
        if source == .computed, formula == nil { throw ValidationError(field: "formula", "系统计算的指标须选择计算口径") }
        return (code, name, unit, direction, frequency, caliber, source, ownerUnitId, source == .computed ? formula : nil)
    }
}
