import Foundation

/// Computes a scheme over the units' data: weights, item points by rule, capped adjustments, vetoes, the rounded
/// total, 1-2-2-4 ranks and grades with quotas. Pure: the same scheme and data give the same result, which is
/// what publishing freezes and what a what-if preview recomputes.
public enum SchemeScoring {
    public static func score(_ scheme: AssessmentScheme, units: [UnitData]) throws -> SchemeResult {
        try scheme.validate()
        guard !units.isEmpty else { throw ValidationError(field: "units", "方案所属类别下没有参加考核的单位") }
        let n = scheme.items.count
        // The measure matrix; 不涉及 (nil) stands at the item's best value so it neither helps nor hurts others.
        let raw: [[Double?]] = units.map { u in scheme.items.map { u.measures[$0.key]?.value } }
        for (i, row) in raw.enumerated() {
            for (j, v) in row.enumerated() where v.map({ !$0.isFinite }) ?? false {
                throw ValidationError(field: "data", "“\(units[i].unitName)”的“\(scheme.items[j].name)”数据不是有效数字")
            }
        }
        let types: [IndicatorDirection] = scheme.items.map { $0.isCost ? .cost : .benefit }
        var filled = raw.map { $0.map { $0 ?? 0 } }
        for j in 0..<n {
            let present = raw.compactMap { $0[j] }
            let best = present.isEmpty ? 0 : (types[j] == .cost ? present.min()! : present.max()!)
            for i in units.indices where raw[i][j] == nil { filled[i][j] = best }
        }

        var cr: Double?
        let points: [Double]
        switch scheme.weighting {
        case .points: points = scheme.items.map(\.points)
        case .ahp:
            let ahp = try AHP.analyse(scheme.pairwise ?? [])
            cr = ahp.cr
            points = ahp.weights.map { $0 * 100 }
        case .entropy:
            guard units.count >= 2 else { throw ValidationError(field: "weighting", "熵权法至少需要2个参加考核的单位") }
            points = try EntropyWeight.compute(filled, types: types).weights.map { $0 * 100 }
        }

        var itemScores: [[ItemScore]] = units.map { _ in [] }
        if scheme.aggregation == .topsis {
            let t = TOPSIS.analyse(filled, types: types, weights: points.map { $0 / 100 })
            for i in units.indices {
                itemScores[i] = (0..<n).map { j in
                    item(scheme.items[j], points[j], units[i].measures[scheme.items[j].key], earned: t.weighted[i][j] * 100,
                         rule: "加权规范化值 × 100（TOPSIS：总分 = 100 × 贴近度 \(String(format: "%.4f", t.closeness[i]))）", note: nil)
                }
            }
            return finish(scheme, units, itemScores, base: t.closeness.map { $0 * 100 }, points: points, cr: cr)
        }
        for j in 0..<n {
            let column = try columnScores(scheme.items[j], points: points[j], values: filled.map { $0[j] }, type: types[j])
            for i in units.indices {
                let m = units[i].measures[scheme.items[j].key]
                let missing = raw[i][j] == nil
                // 不涉及 scores the item's points — except a quarter not yet published, which scores nothing until it is.
                let pending = missing && scheme.items[j].source == .quarter
                let earned = pending ? 0 : (missing ? points[j] : column[i].earned)
                let note = pending ? "季度结果未发布，暂计0分" : (missing ? "不涉及，按满分计" : column[i].note)
                itemScores[i].append(item(scheme.items[j], points[j], m, earned: earned, rule: describe(scheme.items[j], points[j]), note: note))
            }
        }
        return finish(scheme, units, itemScores, base: itemScores.map { $0.reduce(0) { $0 + $1.earned } }, points: points, cr: cr)
    }

    static func describe(_ item: SchemeItem, _ points: Double) -> String {
        item.rule.describe(points: points, measure: item.source == .manual ? item.name : item.source.chineseName, unit: item.source.measureUnit)
    }

    static func item(_ item: SchemeItem, _ points: Double, _ m: Measure?, earned: Double, rule: String, note: String?) -> ItemScore {
        ItemScore(key: item.key, name: item.name, source: item.source, points: points, measure: m?.value,
                  detail: m?.detail ?? "无数据", rule: rule, earned: earned, note: note, sources: m?.sources ?? [])
    }

    /// One item's points for every unit by its rule.
    static func columnScores(_ item: SchemeItem, points: Double, values: [Double], type: IndicatorDirection) throws -> [(earned: Double, note: String?)] {
        let rule = item.rule
        let clamp = { (x: Double) in min(max(x, 0), points) }
        switch rule.kind {
        case .ratio:
            let target = rule.target ?? 100, cap = (rule.cap ?? 100) / 100
            return values.map { (max(0, points * min($0 / target, cap)), nil) }
        case .threshold:
            let t = rule.target ?? 100
            return values.map { ((type == .cost ? $0 <= t : $0 >= t) ? points : 0, nil) }
        case .rankPoints:
            let ranks = Ranking.competition(type == .cost ? values.map { -$0 } : values)
            let step = rule.step ?? 3
            return ranks.map { (clamp(points - step * Double($0 - 1)), "第\($0)名") }
        case .ratioToBest:
            if type == .cost {
                let best = values.min() ?? 0
                return values.map { v in (v == 0 ? points : clamp(points * best / v), nil) }
            }
            let best = values.max() ?? 0
            guard best > 0 else {
                throw ValidationError(field: "items.\(item.key).rule", "“\(item.name)”各单位数据均为0，无法按与最优值之比计分（除数为0），请改用其他规则")
            }
            return values.map { (clamp(points * $0 / best), nil) }
        case .efficacy:
            let best = type == .cost ? values.min()! : values.max()!
            let worst = type == .cost ? values.max()! : values.min()!
            let s = rule.satisfactory ?? best, u = rule.unacceptable ?? worst
            if s == u { return values.map { _ in (points, "各单位数据相同，按满分计") } }
            return values.map { v in
                let d = EfficacyCoefficient.coefficient(v, satisfactory: s, unacceptable: u)
                return (clamp(points * d / 100), "功效系数 \(String(format: "%.2f", d))")
            }
        case .deductPer:
            let per = rule.per ?? 1
            return values.map { (clamp(points - per * $0), nil) }
        }
    }

    static func roundHalfUp(_ x: Double, _ decimals: Int) -> Double {
        let f = pow(10, Double(decimals))
        // Nudge by a relative epsilon so 68.165 stored as 68.16499999 still rounds up.
        return (x * f * (1 + 1e-12)).rounded(.toNearestOrAwayFromZero) / f
    }

    static func finish(_ scheme: AssessmentScheme, _ units: [UnitData], _ itemScores: [[ItemScore]], base: [Double],
                       points: [Double], cr: Double?) -> SchemeResult {
        var notes: [String] = []
        let known = Dictionary(uniqueKeysWithValues: scheme.adjustments.map { ($0.key, $0) })
        var cards: [Scorecard] = []
        for (i, u) in units.enumerated() {
            var adjustments: [AdjustmentScore] = []
            for a in scheme.adjustments {
                let entries = u.adjustments.filter { $0.key == a.key }
                guard !entries.isEmpty else { continue }
                let sum = entries.reduce(0) { $0 + $1.points }
                let counted = min(sum, a.cap)
                adjustments.append(AdjustmentScore(key: a.key, name: a.name, kind: a.kind, entries: entries, counted: counted,
                                                   note: sum > a.cap ? "合计\(formatNumber(sum))分，本项封顶\(formatNumber(a.cap))分" : nil))
            }
            for e in u.adjustments where known[e.key] == nil {
                notes.append("“\(u.unitName)”的加减分记录“\(e.reason)”所属项目已不在方案中，未计分")
            }
            var bonus = adjustments.filter { $0.kind == .bonus }.reduce(0) { $0 + $1.counted }
            var deduction = adjustments.filter { $0.kind == .deduction }.reduce(0) { $0 + $1.counted }
            if let cap = scheme.bonusCap, bonus > cap {
                notes.append("“\(u.unitName)”加分合计\(formatNumber(bonus))分，按方案封顶\(formatNumber(cap))分")
                bonus = cap
            }
            if let cap = scheme.deductionCap, deduction > cap {
                notes.append("“\(u.unitName)”扣分合计\(formatNumber(deduction))分，按方案封顶\(formatNumber(cap))分")
                deduction = cap
            }
            let vetoKeys = Set(scheme.vetoes.map(\.key))
            let vetoes = u.vetoes.filter { vetoKeys.contains($0.key) }
            let total = roundHalfUp(base[i] + bonus - deduction, scheme.decimals)
            cards.append(Scorecard(unitId: u.unitId, unitName: u.unitName, items: itemScores[i], base: base[i], bonus: bonus,
                                   deduction: deduction, adjustments: adjustments, vetoes: vetoes, total: total, rank: 0, grade: "", gradeNote: nil))
        }
        // Ranks: units without a veto first (1-2-2-4), vetoed units after them in their own order.
        let clean = cards.indices.filter { cards[$0].vetoes.isEmpty }
        let vetoed = cards.indices.filter { !cards[$0].vetoes.isEmpty }
        for (k, r) in Ranking.competition(clean.map { cards[$0].total }).enumerated() { cards[clean[k]].rank = r }
        for (k, r) in Ranking.competition(vetoed.map { cards[$0].total }).enumerated() { cards[vetoed[k]].rank = clean.count + r }
        GradeQuota.assign(&cards, scheme: scheme)
        cards.sort { ($0.rank, $0.unitName) < ($1.rank, $1.unitName) }
        return SchemeResult(itemPoints: points, consistencyRatio: cr, scorecards: cards, notes: notes)
    }
}
