import Foundation
import Testing
@testable import Domain

// What the enterprise-facing capabilities feed into a unit's assessment: the reform library's bonus (only when the
// scheme has the `reform` adjustment, then capped like any bonus) and the 安全生产 veto (only when the scheme has it).

private func day(_ iso: String) -> Day { Day(iso: iso)! }

private func facts(_ scheme: AssessmentScheme) -> AssessmentMeasures.Facts {
    AssessmentMeasures.Facts(period: AssessmentPeriod(year: 2026, quarter: 3), asOf: day("2026-10-28"),
                             units: [OrgUnit(id: 3, name: "改革办", shortName: "改革办", kind: .department, sortOrder: 1),
                                     OrgUnit(id: 4, name: "应急局", shortName: "应急局", kind: .department, sortOrder: 2)],
                             tasks: [], reportingPeriods: [], reportCounts: [:], lateReportTaskIds: [], orders: [], indicators: [], marks: [], quarterTotals: [:])
}

private let items = [SchemeItem(key: "m", name: "评议", source: .manual, points: 100, rule: ItemRule(kind: .ratio, target: 100))]

@Test func theReformBonusCountsOnlyWhereTheSchemeAsksForIt() {
    let withBonus = AssessmentScheme(items: items, adjustments: [Adjustment(key: "reform", name: "改革创新", kind: .bonus, cap: 2)])
    var f = facts(withBonus)
    f.reformBonus = [3: AdjustmentEntry(key: "reform", points: 3, reason: "改革创新加分：省级推广")]
    let data = AssessmentMeasures.build(withBonus, f)
    #expect(data[0].adjustments.map(\.points) == [3])
    #expect(data[1].adjustments.isEmpty)
    // The adjustment's cap (2) applies when scoring, as for any recorded bonus.
    let result = try? SchemeScoring.score(withBonus, units: data)
    #expect(result?.scorecards.first { $0.unitId == 3 }?.bonus == 2)
    let without = AssessmentScheme(items: items)
    #expect(AssessmentMeasures.build(without, f)[0].adjustments.isEmpty)
}

@Test func aMajorLiabilityAccidentVetoesItsUnitOnly() {
    let scheme = AssessmentScheme(items: items, vetoes: [Veto(key: "safety", name: "发生重大安全生产责任事故", gradeCap: "较差")])
    var f = facts(scheme)
    f.accidents = [Accident(id: 1, enterpriseId: 9, unitId: 4, day: day("2026-08-03"), deaths: 10, seriousInjuries: 0, directLossWan: 0, description: "爆炸"),
                   Accident(id: 2, enterpriseId: 9, unitId: 3, day: day("2026-08-05"), deaths: 1, seriousInjuries: 0, directLossWan: 0, description: "坠落")]
    let data = AssessmentMeasures.build(scheme, f)
    #expect(data[0].vetoes.isEmpty)
    #expect(data[1].vetoes.map(\.key) == ["safety"])
    #expect(data[1].vetoes.first?.reason.contains("重大事故") == true)
    // The same accidents under a scheme without the veto change nothing.
    #expect(AssessmentMeasures.build(AssessmentScheme(items: items), f)[1].vetoes.isEmpty)
}

/// Found by Schemathesis: previewing a scheme for a quarter that has not begun (as of before its first day) built
/// the range start...asOf backwards and trapped the server. Such a period has no accident to count.
@Test func aPeriodNotYetBegunHasNoSafetyVetoAndDoesNotTrap() {
    let scheme = AssessmentScheme(items: items, vetoes: [Veto(key: "safety", name: "发生重大安全生产责任事故", gradeCap: "较差")])
    var f = facts(scheme)
    f.asOf = day("2026-06-30")   // before the third quarter begins
    f.accidents = [Accident(id: 1, enterpriseId: 9, unitId: 4, day: day("2026-06-03"), deaths: 10, seriousInjuries: 0, directLossWan: 0, description: "爆炸")]
    let data = AssessmentMeasures.build(scheme, f)
    #expect(data.allSatisfy { $0.vetoes.isEmpty })
}
