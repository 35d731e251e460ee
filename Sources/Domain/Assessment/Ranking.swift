import Foundation

/// Ranks for scores, best first.
public enum Ranking {
    /// Scores this close count as equal: |a − b| ≤ 1e-9 · max(1, |b|), so that totals equal on paper but
    /// summed in a different order by floating point (81.8 = 78.8 + 3 = 76.8 + 5) share a rank.
    public static let tieTolerance = 1e-9

    /// Competition ranking ("1224"): descending, a unit's rank is 1 + the number of units with a strictly
    /// higher score, so equal scores share the better rank and the next rank is skipped —
    /// `competition([90, 80, 80, 70]) == [1, 2, 2, 4]`. The ranks are in the order of `scores`.
    public static func competition(_ scores: [Double]) -> [Int] {
        let descending = scores.sorted(by: >)
        return scores.map { score in
            let threshold = score + tieTolerance * max(1, abs(score))
            // The number of scores above the threshold: the first index in `descending` not above it.
            var low = 0, high = descending.count
            while low < high {
                let mid = (low + high) / 2
                if descending[mid] > threshold { low = mid + 1 } else { high = mid }
            }
            return low + 1
        }
    }
}
