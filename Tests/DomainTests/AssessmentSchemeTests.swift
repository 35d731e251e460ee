import Foundation
import Testing
@testable import Domain

// The scheme engine against the worked case `weighted-sum-bonus-penalty-1` of shared/reference/mcda-cases.json
// (cn-assessment-methods.md §2): rules, bonus cap, deduction, half-up rounding, veto placed last and graded
// 不合格, bands 85/75/60. Expected numbers copied from the file.

private let exampleScheme = AssessmentScheme(
    items: [
        SchemeItem(key: "completion_rate", name: "任务完成率", source: .manual, points: 40, rule: ItemRule(kind: .ratio, target: 100)),
        SchemeItem(key: "investment", name: "投资完成额", source: .manual, points: 40, rule: ItemRule(kind: .ratio, target: 12)),
        SchemeItem(key: "issues", name: "问题件数", source: .manual, points: 20, rule: ItemRule(kind: .deductPer, per: 4), lowerIsBetter: true),
    ],
    adjustments: [Adjustment(key: "bonus", name: "加分", kind: .bonus, cap: 100), Adjustment(key: "deduction", name: "扣分", kind: .deduction, cap: 100)],
    bonusCap: 5,
    vetoes: [Veto(key: "veto", name: "一票否决", gradeCap: "不合格")],
    grades: [GradeBand(name: "优秀", min: 85), GradeBand(name: "良好", min: 75), GradeBand(name: "合格", min: 60), GradeBand(name: "不合格", min: 0)])

private func exampleUnits() -> [UnitData] {
    let raw: [(String, Double, Double, Double, Double, Double, Bool)] = [
        ("A", 95.0, 12.0, 3, 2.0, 0.0, false), ("B", 88.0, 15.0, 5, 0.0, 1.5, false), ("C", 92.0, 9.0, 2, 3.0, 0.0, false),
        ("D", 80.0, 11.0, 6, 0.0, 0.5, true), ("E", 89.5, 9.9, 3, 7.0, 0.0, false),
    ]
    return raw.enumerated().map { i, r in
        UnitData(unitId: i + 1, unitName: r.0,
                 measures: ["completion_rate": Measure(value: r.1, detail: ""), "investment": Measure(value: r.2, detail: ""),
                            "issues": Measure(value: r.3, detail: "")],
                 adjustments: [AdjustmentEntry(key: "bonus", points: r.4, reason: "加分"), AdjustmentEntry(key: "deduction", points: r.5, reason: "扣分")]
                    .filter { $0.points > 0 },
                 vetoes: r.6 ? [VetoEntry(key: "veto", reason: "重大安全事故")] : [])
    }
}

@Suite("考核方案计分")
struct AssessmentSchemeTests {
    @Test("参考算例 weighted-sum-bonus-penalty-1：逐项得分、封顶加分、四舍五入、并列名次、一票否决、等次")
    func workedCase() throws {
        let result = try SchemeScoring.score(exampleScheme, units: exampleUnits())
        let by = Dictionary(uniqueKeysWithValues: result.scorecards.map { ($0.unitName, $0) })
        let items: [String: [Double]] = ["A": [38.0, 40.0, 8.0], "B": [35.2, 40.0, 0.0], "C": [36.8, 30.0, 12.0],
                                         "D": [32.0, 36.6667, 0.0], "E": [35.8, 33.0, 8.0]]
        let base: [String: Double] = ["A": 86.0, "B": 75.2, "C": 78.8, "D": 68.6667, "E": 76.8]
        let total: [String: Double] = ["A": 88.0, "B": 73.7, "C": 81.8, "D": 68.17, "E": 81.8]
        let rank: [String: Int] = ["A": 1, "B": 4, "C": 2, "E": 2, "D": 5]
        let grade: [String: String] = ["A": "优秀", "B": "合格", "C": "良好", "D": "不合格", "E": "良好"]
        for u in ["A", "B", "C", "D", "E"] {
            let card = try #require(by[u])
            #expect(zip(card.items.map(\.earned), items[u]!).allSatisfy { abs($0 - $1) < 1e-4 }, "\(u) items \(card.items.map(\.earned))")
            #expect(abs(card.base - base[u]!) < 1e-4)
            #expect(card.total == total[u]!, "\(u) total \(card.total)")
            #expect(card.rank == rank[u]!, "\(u) rank \(card.rank)")
            #expect(card.grade == grade[u]!, "\(u) grade \(card.grade)")
        }
        #expect(by["E"]!.bonus == 5)
        #expect(result.notes.contains { $0.contains("E") && $0.contains("封顶5分") })
        #expect(by["D"]!.gradeNote?.contains("一票否决") == true)
        // Every item names its rule in words.
        #expect(by["A"]!.items[0].rule == "40分 × min(任务完成率 ÷ 100, 1)")
        #expect(by["A"]!.items[2].rule == "20分 − 4 × 问题件数，扣完为止")
    }

    @Test("等次名额：优秀不超过30%，分数线上并列的单位一同顺延；否决单位不占名额")
    func quotas() throws {
        var scheme = exampleScheme
        scheme.grades = [GradeBand(name: "优秀", min: 80, quota: 0.3), GradeBand(name: "良好", min: 70), GradeBand(name: "一般", min: 0)]
        scheme.bonusCap = nil
        scheme.vetoes = [Veto(key: "veto", name: "重大安全事故", gradeCap: "一般")]
        // Ten units; totals come straight from one manual item worth 100 points (ratio to 100).
        scheme.items = [SchemeItem(key: "x", name: "综合", source: .manual, points: 100, rule: ItemRule(kind: .ratio, target: 100))]
        let totals: [Double] = [95, 92, 90, 90, 85, 75, 72, 60, 50, 99]
        var units = totals.enumerated().map { i, t in UnitData(unitId: i, unitName: "U\(i)", measures: ["x": Measure(value: t, detail: "")]) }
        units[9].vetoes = [VetoEntry(key: "veto", reason: "重大安全事故")]
        let r = try SchemeScoring.score(scheme, units: units)
        let grade = Dictionary(uniqueKeysWithValues: r.scorecards.map { ($0.unitName, $0.grade) })
        // 3 places for 优秀 among 10 units. U9 (99) is vetoed and capped to 一般. U0 95, U1 92 keep 优秀;
        // U2 and U3 tie at 90 for the third place: both move down.
        #expect(grade["U9"] == "一般")
        #expect(grade["U0"] == "优秀" && grade["U1"] == "优秀")
        #expect(grade["U2"] == "良好" && grade["U3"] == "良好" && grade["U4"] == "良好")
        #expect(r.scorecards.first { $0.unitName == "U2" }!.gradeNote?.contains("名额3个") == true)
        #expect(grade["U5"] == "良好" && grade["U6"] == "良好" && grade["U7"] == "一般")
        // Ranks 1, 2, 3, 3, 5 … with the vetoed unit last.
        let rank = Dictionary(uniqueKeysWithValues: r.scorecards.map { ($0.unitName, $0.rank) })
        #expect(rank["U2"] == 3 && rank["U3"] == 3 && rank["U4"] == 5 && rank["U9"] == 10)
    }

    @Test("名次计分、与最优值之比、功效系数、达标得分、督办按次扣分、不涉及按满分")
    func rules() throws {
        let scheme = AssessmentScheme(items: [
            SchemeItem(key: "rank", name: "名次", source: .manual, points: 20, rule: ItemRule(kind: .rankPoints, step: 3)),
            SchemeItem(key: "best", name: "最优比", source: .manual, points: 20, rule: ItemRule(kind: .ratioToBest)),
            SchemeItem(key: "eff", name: "功效", source: .manual, points: 20, rule: ItemRule(kind: .efficacy)),
            SchemeItem(key: "thr", name: "达标", source: .manual, points: 20, rule: ItemRule(kind: .threshold, target: 90)),
            SchemeItem(key: "sup", name: "督办", source: .supervision, points: 20, rule: ItemRule(kind: .deductPer, per: 2)),
        ])
        let data: [(Double?, Double?, Double?, Double?, Double?)] = [(10, 50, 80, 95, 0), (8, 100, 100, 89, 3), (8, 25, 60, nil, 12)]
        let units = data.enumerated().map { i, d in
            UnitData(unitId: i, unitName: "U\(i)", measures: ["rank": Measure(value: d.0, detail: ""), "best": Measure(value: d.1, detail: ""),
                                                              "eff": Measure(value: d.2, detail: ""), "thr": Measure(value: d.3, detail: ""),
                                                              "sup": Measure(value: d.4, detail: "")])
        }
        let r = try SchemeScoring.score(scheme, units: units)
        let card = { (name: String) in r.scorecards.first { $0.unitName == name }!.items.map(\.earned) }
        // rank: 1st 20, tied 2nd 17, 17. best: 50/100, 100/100, 25/100 of 20. efficacy: 60+40·(x−60)/(100−60) → 80, 100, 60 of 20.
        // threshold 90: 20, 0, 不涉及 → 20. supervision: 20 − 2 × deductions, not below 0.
        #expect(card("U0") == [20, 10, 16, 20, 20])
        #expect(card("U1") == [17, 20, 20, 0, 14])
        #expect(card("U2") == [17, 5, 12, 20, 0])
        #expect(r.scorecards.first { $0.unitName == "U2" }!.items[3].note == "不涉及，按满分计")
    }

    @Test("方案校验：分值之和不为100、目标为0、CR ≥ 0.10 的判断矩阵、等次顺序、否决等次不存在")
    func validation() throws {
        var s = exampleScheme
        s.items[0].points = 35
        #expect(throws: ValidationError(field: "items", "各项分值之和为95，应为100")) { try s.validate() }
        s = exampleScheme
        s.items[1].rule.target = 0
        #expect(throws: ValidationError.self) { try s.validate() }
        do { try s.validate() } catch let e as ValidationError { #expect(e.field == "items[1].rule.target") }
        s = exampleScheme
        s.weighting = .ahp
        s.pairwise = [[1, 5, 0.2], [0.2, 1, 5], [5, 0.2, 1]]  // ahp-3x3-inconsistent: CR = 2.758621
        do { try s.validate(); Issue.record("accepted an inconsistent matrix") } catch let e as ValidationError {
            #expect(e.field == "pairwise" && e.message.contains("CR = 2.7586"))
        }
        s.pairwise = [[1, 3, 5], [1.0 / 3, 1, 2], [0.2, 0.5, 1]]  // ahp-3x3-acceptable: w = (0.648329, 0.229651, 0.122020)
        let r = try SchemeScoring.score(s, units: exampleUnits())
        #expect(zip(r.itemPoints, [64.8329, 22.9651, 12.2020]).allSatisfy { abs($0 - $1) < 1e-3 })
        #expect(abs(r.consistencyRatio! - 0.003185) < 1e-6)
        s = exampleScheme
        s.grades = [GradeBand(name: "优秀", min: 85), GradeBand(name: "良好", min: 90), GradeBand(name: "差", min: 0)]
        #expect(throws: ValidationError.self) { try s.validate() }
        s = exampleScheme
        s.vetoes[0].gradeCap = "较差"
        #expect(throws: ValidationError.self) { try s.validate() }
    }

    @Test("与最优值之比：各单位均为0时拒绝计算（除数为0）")
    func divisionByZero() throws {
        let s = AssessmentScheme(items: [SchemeItem(key: "x", name: "招商", source: .manual, points: 100, rule: ItemRule(kind: .ratioToBest))])
        let units = (0..<3).map { UnitData(unitId: $0, unitName: "U\($0)", measures: ["x": Measure(value: 0, detail: "")]) }
        do { _ = try SchemeScoring.score(s, units: units); Issue.record("divided by zero") } catch let e as ValidationError {
            #expect(e.message.contains("除数为0"))
        }
    }

    @Test("熵权法与 TOPSIS：方案权重与总分同参考算例")
    func entropyAndTopsis() throws {
        // entropy-2-minmax-with-cost on the shared matrix → w = (0.28410261, 0.34876600, 0.36713139)
        var s = exampleScheme
        s.weighting = .entropy
        s.items[0].rule = ItemRule(kind: .ratioToBest); s.items[1].rule = ItemRule(kind: .ratioToBest)
        let shared: [[Double]] = [[95, 12, 3], [88, 15, 5], [92, 9, 2], [80, 11, 6]]
        let units = shared.enumerated().map { i, row in
            UnitData(unitId: i, unitName: ["A", "B", "C", "D"][i], measures: Dictionary(uniqueKeysWithValues: zip(["completion_rate", "investment", "issues"], row.map { Measure(value: $0, detail: "") })))
        }
        let r = try SchemeScoring.score(s, units: units)
        #expect(zip(r.itemPoints, [28.410261, 34.876600, 36.713139]).allSatisfy { abs($0 - $1) < 1e-4 })
        // topsis-1: w = (0.4, 0.4, 0.2), closeness A 0.625248, B 0.594087, C 0.490308, D 0.218908.
        s = exampleScheme
        s.aggregation = .topsis
        let t = try SchemeScoring.score(s, units: units)
        let base = Dictionary(uniqueKeysWithValues: t.scorecards.map { ($0.unitName, $0.base) })
        #expect(abs(base["A"]! - 62.5248) < 1e-3 && abs(base["B"]! - 59.4087) < 1e-3 && abs(base["C"]! - 49.0308) < 1e-3 && abs(base["D"]! - 21.8908) < 1e-3)
    }

    @Test("重新发布列出变化：分数、名次、等次")
    func differences() throws {
        let before = try SchemeScoring.score(exampleScheme, units: exampleUnits()).scorecards
        var s = exampleScheme
        s.bonusCap = 10
        let after = try SchemeScoring.score(s, units: exampleUnits()).scorecards
        let changes = ResultChange.between(before, after)
        // Only E changes: bonus 7 no longer capped at 5 → 83.80, alone in 2nd place; C stays 2nd? C 81.80 → 3rd.
        #expect(Set(changes.map(\.unitName)) == ["E", "C"])
        let e = changes.first { $0.unitName == "E" }!
        #expect(e.totalBefore == 81.8 && e.totalAfter == 83.8 && e.rankAfter == 2)
        #expect(changes.first { $0.unitName == "C" }!.rankAfter == 3)
    }
}
