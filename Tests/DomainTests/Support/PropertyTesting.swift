import Testing

// Shared by the property tests of this target (ConditionLanguageFuzzTests, NoticeFuzzTests).

// MARK: - Seeded randomness

/// SplitMix64 (Steele, Lea, Flood 2014): tiny, fast, and the same sequence on every platform and run.
final class SplitMix64 {
    private(set) var state: UInt64
    let seed: UInt64

    init(seed: UInt64) { self.seed = seed; state = seed }

    func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in `range` (the tiny modulo bias does not matter here).
    func int(_ range: ClosedRange<Int>) -> Int {
        let width = UInt64(range.upperBound - range.lowerBound) + 1
        return range.lowerBound + Int(next() % width)
    }

    func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }

    /// True with probability `p`.
    func chance(_ p: Double) -> Bool { Double(next() >> 11) / 9_007_199_254_740_992.0 < p }

    func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    /// The seed of case `index` of a property whose base seed is `base`.
    static func caseSeed(_ base: UInt64, _ index: Int) -> UInt64 {
        let g = SplitMix64(seed: base ^ (UInt64(index) &* 0xD1B5_4A32_D192_ED03))
        return g.next()
    }
}

/// Collects failures of one property: the first few are recorded as issues, the rest counted.
final class PropertyLog {
    let property: String
    private(set) var failures = 0
    private(set) var skipped: [String: Int] = [:]
    static let shown = 5

    init(_ property: String) { self.property = property }

    func check(_ ok: Bool, _ message: @autoclosure () -> String, sourceLocation: SourceLocation = #_sourceLocation) {
        if !ok { fail(message(), sourceLocation: sourceLocation) }
    }

    func fail(_ message: String, sourceLocation: SourceLocation = #_sourceLocation) {
        failures += 1
        if failures <= Self.shown {
            Issue.record(Comment(rawValue: "[\(property)] \(message)"), sourceLocation: sourceLocation)
        }
    }

    /// An input left out because it only hits a known issue (see the end of the file).
    func skip(_ reason: String) { skipped[reason, default: 0] += 1 }

    func finish(sourceLocation: SourceLocation = #_sourceLocation) {
        if failures > Self.shown {
            Issue.record(Comment(rawValue: "[\(property)] \(failures - Self.shown) more failing cases not shown"),
                         sourceLocation: sourceLocation)
        }
    }
}

