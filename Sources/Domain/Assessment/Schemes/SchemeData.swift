import Foundation

/// What the product read for one unit in one period: a measure per item, the 加分/扣分 entries and vetoes
/// the office recorded. Assembled by the persistence layer from tasks, reports, orders, indicators and marks.
public struct UnitData: Codable, Sendable, Equatable {
    public var unitId: Int
    public var unitName: String
    /// By item key. A missing key or a nil value means 不涉及 (the unit had nothing to assess on this item).
    public var measures: [String: Measure]
    public var adjustments: [AdjustmentEntry]
    public var vetoes: [VetoEntry]
    public init(unitId: Int, unitName: String, measures: [String: Measure] = [:], adjustments: [AdjustmentEntry] = [], vetoes: [VetoEntry] = []) {
        self.unitId = unitId; self.unitName = unitName; self.measures = measures; self.adjustments = adjustments; self.vetoes = vetoes
    }
}

/// One item's data for one unit, with what it was computed from.
public struct Measure: Codable, Sendable, Equatable {
    /// nil: 不涉及.
    public var value: Double?
    /// The arithmetic in words: "完成 12 项中的 10 项，权重 9.5 / 11.0".
    public var detail: String
    /// The records behind the figure that cost the unit points (late tasks, late reports, orders), to link to.
    public var sources: [SourceRef]
    public init(value: Double?, detail: String, sources: [SourceRef] = []) { self.value = value; self.detail = detail; self.sources = sources }
}

/// A record a score rests on: a task, report, order, indicator value or mark.
public struct SourceRef: Codable, Sendable, Equatable {
    /// `appeals`: the unit's appeal list (id = the unit's id).
    public enum Kind: String, Codable, Sendable { case task, report, order, indicator, mark, appeals }
    public var kind: Kind
    public var id: Int
    public var label: String
    public init(kind: Kind, id: Int, label: String) { self.kind = kind; self.id = id; self.label = label }
}

/// A 加分 or 扣分 entry: the scheme's adjustment key, points (positive) and the reason.
public struct AdjustmentEntry: Codable, Sendable, Equatable {
    public var key: String
    public var points: Double
    public var reason: String
    public var markId: Int?
    public init(key: String, points: Double, reason: String, markId: Int? = nil) { self.key = key; self.points = points; self.reason = reason; self.markId = markId }
}

/// A recorded 一票否决 event.
public struct VetoEntry: Codable, Sendable, Equatable {
    public var key: String
    public var reason: String
    public var markId: Int?
    public init(key: String, reason: String, markId: Int? = nil) { self.key = key; self.reason = reason; self.markId = markId }
}
