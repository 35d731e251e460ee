import Foundation

/// One version of an indicator's definition (标准体系): what it is called, measured in, which way is better, its
/// statistical caliber and source, from `effectiveFrom` on. Code and frequency never change (periods depend on them).
public struct IndicatorDefinition: Codable, Sendable, Equatable {
    public var version: Int
    public var effectiveFrom: Day
    public var name: String
    public var unit: String
    public var direction: Indicator.Direction
    public var caliber: String
    public var source: Indicator.Source
    public var formula: ComputedMeasure?
    public var ownerUnitId: Int
    public var savedAt: String
    public var savedByName: String
    public init(version: Int, effectiveFrom: Day, name: String, unit: String, direction: Indicator.Direction, caliber: String, source: Indicator.Source,
                formula: ComputedMeasure?, ownerUnitId: Int, savedAt: String, savedByName: String) {
        self.version = version; self.effectiveFrom = effectiveFrom; self.name = name; self.unit = unit; self.direction = direction
        self.caliber = caliber; self.source = source; self.formula = formula; self.ownerUnitId = ownerUnitId; self.savedAt = savedAt; self.savedByName = savedByName
    }

    /// The first version: in force from the beginning.
    public static let since = Day(year: 2000, month: 1, day: 1)!

    /// The version in force for a period: the newest whose `effectiveFrom` is on or before the period's first day.
    public static func inForce(_ versions: [IndicatorDefinition], periodKey: String) -> IndicatorDefinition? {
        guard let first = IndicatorPeriods.firstDay(periodKey) else { return nil }
        return versions.filter { $0.effectiveFrom <= first }.max { $0.version < $1.version }
    }
}
