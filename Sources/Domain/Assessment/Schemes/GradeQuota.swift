import Foundation

/// 等次: each unit's grade from the scheme's score bands, then the quotas, then the vetoes.
///
/// - Band: the first band (best first) whose line the total reaches; the last band takes everything below.
/// - Quota: a band with a quota admits at most ⌊quota × units⌋ units. Counted by total: a unit keeps the band
///   when the units in the band with a total at least its own are within the quota, so units tied at the
///   boundary are moved down together rather than one chosen arbitrarily. Moved units drop to the next band
///   (and face its quota).
/// - Veto: the grade is at best the veto's cap; a vetoed unit does not take a quota place.
public enum GradeQuota {
    public static func assign(_ cards: inout [Scorecard], scheme: AssessmentScheme) {
        let bands = scheme.grades
        let n = cards.count
        func bandIndex(_ total: Double) -> Int {
            bands.firstIndex(where: { total >= $0.min }) ?? bands.count - 1
        }
        func capIndex(_ c: Scorecard) -> Int? {
            c.vetoes.compactMap { v in scheme.vetoes.first { $0.key == v.key } }
                .compactMap { veto in bands.firstIndex { $0.name == veto.gradeCap } }.max()
        }
        var index = cards.map { min(bandIndex($0.total), bands.count - 1) }
        var notes = [String?](repeating: nil, count: n)
        for i in cards.indices {
            if let cap = capIndex(cards[i]) {
                if cap > index[i] { notes[i] = "一票否决（\(cards[i].vetoes.map(\.reason).joined(separator: "；"))），等次最高为\(bands[cap].name)" }
                else { notes[i] = "一票否决（\(cards[i].vetoes.map(\.reason).joined(separator: "；"))）" }
                index[i] = max(index[i], cap)
            }
        }
        for b in bands.indices {
            guard let quota = bands[b].quota, b < bands.count - 1 else { continue }
            let allowed = Int((quota * Double(n) + 1e-9).rounded(.down))
            let members = cards.indices.filter { index[$0] == b }
            for i in members {
                let atLeast = members.filter { cards[$0].total >= cards[i].total - Ranking.tieTolerance * max(1, abs(cards[i].total)) }.count
                if atLeast > allowed {
                    index[i] = b + 1
                    notes[i] = "\(bands[b].name)名额\(allowed)个（\(formatNumber(quota * 100))%），按得分顺序评为\(bands[b + 1].name)"
                }
            }
        }
        for i in cards.indices {
            cards[i].grade = bands[index[i]].name
            cards[i].gradeNote = notes[i]
        }
    }
}
