import Foundation
import Testing
@testable import Domain

// Dates worked out by hand from the 2026 notice in /work/shared/reference/cn-workday-calendar.json:
// 国庆节 10/1–10/7 rest, 9/20 (Sun) and 10/10 (Sat) worked, 10/11 (Sun) rest.

private func day(_ iso: String) -> Day { Day(iso: iso)! }
private let cal = WorkCalendar.official

private func message(_ body: () throws -> Void) -> ValidationError? {
    do { try body(); return nil } catch let e as ValidationError { return e } catch { return nil }
}

private func item(_ stages: [ReformStage], outcomes: [ReformOutcome] = [], title: String = "企业开办“一件事”改革", lastYear: Int? = nil) -> ReformItem {
    ReformItem(id: 1, title: title, kind: .reform, target: .province, leadUnitId: 3, coUnitIds: [5, 3, 4, 5], firstYear: 2026, lastYear: lastYear,
               stages: stages, outcomes: outcomes)
}
private func stage(_ name: String, _ deadline: String, done: String? = nil) -> ReformStage {
    ReformStage(name: name, deadline: day(deadline), doneOn: done.map(day))
}
private func outcome(_ kind: OutcomeKind, _ level: BrandLevel, _ body: String, _ d: String) -> ReformOutcome {
    ReformOutcome(kind: kind, level: level, body: body, day: day(d), evidence: "文件")
}

@Test func anItemIsCheckedAndTidied() throws {
    let ok = try item([stage("方案制定", "2026-03-31"), stage("试点运行", "2026-06-30"), stage("总结评估", "2026-06-30")]).validated(today: day("2026-04-01"))
    #expect(ok.coUnitIds == [4, 5])
    #expect(message { _ = try item([]).validated(today: day("2026-04-01")) } == ValidationError(field: "stages", "请至少设置一个阶段节点"))
    let unordered = message { _ = try item([stage("方案制定", "2026-06-30"), stage("试点运行", "2026-03-31")]).validated(today: day("2026-04-01")) }
    #expect(unordered == ValidationError(field: "stages[1].deadline", "阶段须按时间先后排列：第2个阶段“试点运行”的截止日期2026-03-31早于上一阶段的2026-06-30"))
    let outside = message { _ = try item([stage("方案制定", "2026-03-31"), stage("推广", "2027-03-31")]).validated(today: day("2026-04-01")) }
    #expect(outside == ValidationError(field: "stages[1].deadline", "第2个阶段“推广”的截止日期2027-03-31不在实施年度（2026年）内"))
    #expect((try? item([stage("方案制定", "2026-03-31"), stage("推广", "2027-03-31")], lastYear: 2027).validated(today: day("2026-04-01"))) != nil)
    #expect(message { _ = try item([stage("方案制定", "2026-03-31")], title: " 改 ").validated(today: day("2026-04-01")) }?.field == "title")
    #expect(message { _ = try item([stage(" ", "2026-03-31")]).validated(today: day("2026-04-01")) }?.field == "stages[0].name")
    #expect(message { _ = try item([stage("方案制定", "2026-03-31", done: "2026-04-02")]).validated(today: day("2026-04-01")) }?.field == "stages[0].doneOn")
    #expect(message { _ = try item([stage("方案", "2026-03-31")], outcomes: [outcome(.adopted, .city, " ", "2026-03-01")]).validated(today: day("2026-04-01")) }?.field
            == "outcomes[0].body")
    #expect(message { _ = try item([stage("方案", "2026-03-31")], lastYear: 2025).validated(today: day("2026-04-01")) }?.field == "lastYear")
}

@Test func progressCountsLatenessInWorkingDaysAndMovesHolidayDeadlines() {
    let r = item([
        stage("方案制定", "2026-09-30", done: "2026-09-29"),   // on time
        stage("系统上线", "2026-10-01", done: "2026-10-08"),   // due on a holiday: moves to 10/8, on time
        stage("首批试点", "2026-10-09", done: "2026-10-12"),   // late: 10/10 (Sat worked), 10/12 = 2
        stage("扩大试点", "2026-10-09"),                       // open, today 10/13: 10/10, 10/12, 10/13 = 3
        stage("总结评估", "2026-12-31"),
    ])
    let p = r.progress(today: day("2026-10-13"), calendar: cal)
    #expect(p.done == 3 && p.total == 5 && !p.isComplete)
    #expect(p.nextIndex == 3 && p.nextName == "扩大试点" && p.nextDeadline == day("2026-10-09") && p.workdaysToNext == 0)
    #expect(p.late.map(\.index) == [2, 3])
    #expect(p.late.map(\.workdaysLate) == [2, 3])
    #expect(p.overdueOpen.map(\.name) == ["扩大试点"])
    // Due Wed 9/30, still open on 10/7: late, though no working day has passed yet.
    let inBreak = item([stage("方案制定", "2026-09-30")]).progress(today: day("2026-10-07"), calendar: cal)
    #expect(inBreak.late.map(\.workdaysLate) == [0])
    // Today Fri 9/18, due Mon 9/21: Sun 9/20 is worked, so two working days are left.
    let ahead = item([stage("方案制定", "2026-09-21")]).progress(today: day("2026-09-18"), calendar: cal)
    #expect(ahead.workdaysToNext == 2 && ahead.late.isEmpty)
}

@Test func stagesAreReachedInOrder() throws {
    let r = item([stage("方案制定", "2026-03-31"), stage("试点运行", "2026-06-30")])
    #expect(message { _ = try r.markingDone(stage: 1, on: day("2026-04-01"), today: day("2026-04-02")) }?.message == "请先完成上一阶段“方案制定”")
    #expect(message { _ = try r.markingDone(stage: 0, on: day("2026-04-03"), today: day("2026-04-02")) }?.field == "doneOn")
    let one = try r.markingDone(stage: 0, on: day("2026-03-30"), today: day("2026-04-02"))
    #expect(message { _ = try one.markingDone(stage: 0, on: day("2026-03-30"), today: day("2026-04-02")) }?.message == "阶段“方案制定”已经完成")
    #expect(message { _ = try one.markingDone(stage: 1, on: day("2026-03-29"), today: day("2026-04-02")) }?.field == "doneOn")
    #expect(try one.markingDone(stage: 1, on: day("2026-04-01"), today: day("2026-04-02")).stages[1].doneOn == day("2026-04-01"))
    #expect(message { _ = try r.markingDone(stage: 2, on: day("2026-04-01"), today: day("2026-04-02")) }?.field == "stage")
}

@Test func bonusPointsFollowTheZoneRulesAndTheCap() {
    let rules = ReformBonusRules.standard  // 1 / 2 / 3, cap 5, highest per item
    let city = outcome(.adopted, .city, "市发展改革委", "2026-03-01")
    let province = outcome(.promoted, .province, "省发展改革委", "2026-06-01")
    let nation = outcome(.promoted, .nation, "国务院办公厅", "2026-09-01")
    // Counted one by one: 1 + 2 + 3 = 6, capped at 5.
    let all = ReformBonus.points(outcomes: [city, province, nation], rules: rules)
    #expect(all.points == 5 && all.uncapped == 6 && all.capped)
    #expect(all.lines == ["国家级推广（国务院办公厅，2026-09-01）：+3分", "省级推广（省发展改革委，2026-06-01）：+2分",
                          "市级被采纳（市发展改革委，2026-03-01）：+1分", "合计6分，超过上限5分，按5分计"])
    // Per item, highest only: item A's city outcome is set aside; 2 + 3 = 5, not over the cap.
    let a = item([stage("方案", "2026-03-31")], outcomes: [city, province], title: "企业开办一件事")
    let b = item([stage("方案", "2026-03-31")], outcomes: [nation], title: "标准地出让")
    let per = ReformBonus.points(items: [a, b], rules: rules)
    #expect(per.points == 5 && !per.capped)
    #expect(per.lines == ["“标准地出让”国家级推广（国务院办公厅，2026-09-01）：+3分", "“企业开办一件事”省级推广（省发展改革委，2026-06-01）：+2分",
                          "“企业开办一件事”市级被采纳（市发展改革委，2026-03-01）：同一事项就高不重复，不另加分", "合计5分"])
    var cumulative = rules; cumulative.highestPerItem = false
    #expect(ReformBonus.points(items: [a, b], rules: cumulative).points == 5)
    #expect(ReformBonus.points(items: [a, b], rules: cumulative).uncapped == 6)
    // Only the period's outcomes count.
    let firstHalf = ReformBonus.points(items: [a, b], rules: rules, period: day("2026-01-01")...day("2026-06-30"))
    #expect(firstHalf.points == 2)
    let none = ReformBonus.points(outcomes: [], rules: rules)
    #expect(none.points == 0 && none.lines == ["无被采纳或推广的改革成果，不加分"])
    #expect(ReformBonus.points(outcomes: [city], rules: ReformBonusRules(city: 0.5, province: 1, nation: 1.5, cap: 2)).lines.first == "市级被采纳（市发展改革委，2026-03-01）：+0.5分")
}

@Test func bonusRulesAreValidated() {
    #expect((try? ReformBonusRules.standard.validate()) != nil)
    #expect(message { try ReformBonusRules(city: 2, province: 1, nation: 3, cap: 5).validate() } == ValidationError(field: "province", "省级成果加分不能低于市级"))
    #expect(message { try ReformBonusRules(city: 1, province: 4, nation: 3, cap: 5).validate() }?.field == "nation")
    #expect(message { try ReformBonusRules(city: -1, province: 2, nation: 3, cap: 5).validate() }?.field == "city")
    #expect(message { try ReformBonusRules(city: 1, province: 2, nation: 3, cap: 0).validate() }?.field == "cap")
}

@Test func theTargetIsReachedByAnOutcomeAtItsLevelOrAbove() {
    var r = item([stage("方案", "2026-03-31")], outcomes: [outcome(.adopted, .city, "市发展改革委", "2026-03-01")])
    #expect(!r.targetReached)
    r.outcomes.append(outcome(.promoted, .nation, "国务院办公厅", "2026-09-01"))
    #expect(r.targetReached)
    #expect(BrandLevel.city < .province && BrandLevel(code: "nation") == .nation && BrandLevel.province.chineseName == "全省争进位")
}
