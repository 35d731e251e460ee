import Foundation

/// One unit's result, every point explained: each item's data, rule and points, the capped bonus and deduction
/// entries, vetoes, the rounded total, rank and grade.
public struct Scorecard: Codable, Sendable, Equatable {
    public var unitId: Int
    public var unitName: String
    public var items: [ItemScore]
    /// Σ item points (TOPSIS: 100 × closeness).
    public var base: Double
    public var bonus: Double
    public var deduction: Double
    public var adjustments: [AdjustmentScore]
    public var vetoes: [VetoEntry]
    /// base + bonus − deduction, rounded half up to the scheme's decimals.
    public var total: Double
    /// 1, 2, 2, 4 among the units without a veto; vetoed units after them.
    public var rank: Int
    public var grade: String
    /// Why the grade is not the band's: a quota or a veto.
    public var gradeNote: String?
}

public struct ItemScore: Codable, Sendable, Equatable {
    public var key: String
    public var name: String
    public var source: ItemSource
    /// The item's full points (its weight × 100 under AHP or entropy weighting).
    public var points: Double
    public var measure: Double?
    public var detail: String
    public var rule: String
    public var earned: Double
    /// e.g. "不涉及，按满分计", "第3名".
    public var note: String?
    public var sources: [SourceRef]
}

public struct AdjustmentScore: Codable, Sendable, Equatable {
    public var key: String
    public var name: String
    public var kind: Adjustment.Kind
    public var entries: [AdjustmentEntry]
    /// Σ entries, then capped by the adjustment's cap.
    public var counted: Double
    public var note: String?
}

/// A whole computation: the effective points per item (after weighting), the AHP consistency when used, and
/// the scorecards best first.
public struct SchemeResult: Codable, Sendable, Equatable {
    public var itemPoints: [Double]
    public var consistencyRatio: Double?
    public var scorecards: [Scorecard]
    /// Bonus entries beyond the scheme's total cap, and entries whose key the scheme no longer has.
    public var notes: [String]
}
