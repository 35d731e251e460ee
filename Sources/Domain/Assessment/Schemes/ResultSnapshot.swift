import Foundation

/// What publishing freezes: the scheme as computed, the data read for every unit, the result, and the day the
/// data was read. A published version is never rewritten; a recomputation is a new version.
public struct ResultSnapshot: Codable, Sendable, Equatable {
    public var scheme: AssessmentScheme
    public var data: [UnitData]
    public var result: SchemeResult
    public var asOf: Day
    public init(scheme: AssessmentScheme, data: [UnitData], result: SchemeResult, asOf: Day) {
        self.scheme = scheme; self.data = data; self.result = result; self.asOf = asOf
    }
}
