import Foundation
import Testing
@testable import Domain

// Due days worked out by hand from the 2026 notice in /work/shared/reference/cn-workday-calendar.json:
// 国庆节 10/1–10/7 rest, 10/10 (Sat) worked, 10/11 (Sun) rest.

private func day(_ iso: String) -> Day { Day(iso: iso)! }
private let cal = WorkCalendar.official

private func appeal(_ status: AppealStatus = .received, category: AppealCategory = .land, received: String = "2026-09-30",
                    deadlines: AppealDeadlines = AppealDeadlines()) -> Appeal {
    Appeal(id: 1, enterpriseId: 7, firmName: "甲公司", creditCode: "", contactName: "张三", contactPhone: "13800000000", category: category,
           channel: .account, title: "用地指标", description: "扩建缺少用地指标", status: status, receivedOn: day(received),
           due: AppealDue(receivedOn: day(received), deadline: deadlines[category], calendar: cal))
}

private func message(_ body: () throws -> Void) -> ValidationError? {
    do { try body(); return nil } catch let e as ValidationError { return e } catch { return nil }
}

/// The legal moves, written out independently: (from, action) -> to.
private let legal: [AppealStatus: [AppealAction: AppealStatus]] = [
    .received: [.assign: .assigned, .decline: .declined],
    .assigned: [.assign: .assigned, .accept: .handling],
    .handling: [.answer: .answered],
    .answered: [.confirm: .closed, .reopen: .handling, .close: .closed],
    .closed: [:], .declined: [:],
]
private let whoActs: [AppealAction: AppealParty] = [.assign: .office, .decline: .office, .close: .office, .accept: .leadUnit, .answer: .leadUnit,
                                                      .confirm: .firm, .reopen: .firm]

@Test func everyMoveOfTheLoopIsLegalOnlyWhereTheTableSays() throws {
    let step = AppealLifecycle.Step(text: "已协调", leadUnitId: 3, satisfaction: .satisfied)
    for status in AppealStatus.allCases {
        for action in AppealAction.allCases {
            for party in AppealParty.allCases {
                let result = try? AppealLifecycle.apply(action, to: appeal(status), by: party, step: step, today: day("2026-10-09"))
                let expected = whoActs[action] == party ? legal[status]?[action] : nil
                #expect(result?.status == expected, "\(status) \(action) by \(party)")
            }
        }
    }
}

@Test func onlyTheFirmRates() {
    let answered = appeal(.answered)
    let e = message { _ = try AppealLifecycle.apply(.confirm, to: answered, by: .office, step: .init(satisfaction: .satisfied), today: day("2026-10-09")) }
    #expect(e?.message == "只有提出诉求的企业本身可以确认、评价或要求重新办理")
    let ok = try? AppealLifecycle.apply(.confirm, to: answered, by: .firm, step: .init(satisfaction: .fairlySatisfied), today: day("2026-10-09"))
    #expect(ok?.status == .closed && ok?.satisfaction == .fairlySatisfied && ok?.closedOn == day("2026-10-09"))
    #expect(message { _ = try AppealLifecycle.apply(.confirm, to: answered, by: .firm, step: .init(), today: day("2026-10-09")) }?.field == "satisfaction")
}

@Test func stepsNeedTheirText() {
    #expect(message { _ = try AppealLifecycle.apply(.answer, to: appeal(.handling), by: .leadUnit, step: .init(text: "  "), today: day("2026-10-09")) }?.field == "text")
    #expect(message { _ = try AppealLifecycle.apply(.reopen, to: appeal(.answered), by: .firm, step: .init(), today: day("2026-10-09")) }?.field == "text")
    #expect(message { _ = try AppealLifecycle.apply(.assign, to: appeal(.received), by: .office, step: .init(), today: day("2026-10-09")) }?.field == "leadUnitId")
    let reopened = try? AppealLifecycle.apply(.reopen, to: appeal(.answered), by: .firm, step: .init(text: "指标仍未落实"), today: day("2026-10-09"))
    #expect(reopened?.status == .handling && reopened?.reopenCount == 1)
}

@Test func assigningKeepsTheFirstDayAndDropsTheLeadFromCoUnits() throws {
    let a = try AppealLifecycle.apply(.assign, to: appeal(), by: .office, step: .init(leadUnitId: 3, coUnitIds: [4, 3, 5, 4]), today: day("2026-10-08"))
    #expect(a.leadUnitId == 3 && a.coUnitIds == [4, 5] && a.assignedOn == day("2026-10-08"))
    let again = try AppealLifecycle.apply(.assign, to: a, by: .office, step: .init(leadUnitId: 4), today: day("2026-10-12"))
    #expect(again.leadUnitId == 4 && again.assignedOn == day("2026-10-08"))
}

@Test func deadlinesSkipTheNationalDayBreak() {
    // Received Wed 9/30: assign by 10/8 (first working day after the break), answer by the 5th working day 10/13
    // (10/8, 10/9, 10/10 Sat worked, 10/12, 10/13), resolve by the 15th, 10/27.
    let a = appeal()
    #expect(a.due.assign == day("2026-10-08"))
    #expect(a.due.answer == day("2026-10-13"))
    #expect(a.due.resolve == day("2026-10-27"))
    let clock = AppealClock(appeal: a, today: day("2026-10-07"))
    #expect(clock.overdueNow == nil && clock.nextDue == day("2026-10-08"))
    let late = AppealClock(appeal: a, today: day("2026-10-09"))
    #expect(late.overdueNow == .assign && late.late == [.assign])
}

@Test func zoneDeadlinesPerCategoryAreValidated() {
    var d = AppealDeadlines()
    d.byCategory[.finance] = AppealDeadline(assign: 2, answer: 10, resolve: 20)
    #expect((try? d.validate()) != nil)
    #expect(appeal(category: .finance, deadlines: d).due.assign == day("2026-10-09"))
    d.byCategory[.land] = AppealDeadline(assign: 3, answer: 2, resolve: 20)
    #expect(message { try d.validate() }?.message == "“用地规划”的时限应满足 分派 ≤ 答复 ≤ 办结")
    d.byCategory[.land] = AppealDeadline(assign: 0, answer: 2, resolve: 20)
    #expect(message { try d.validate() }?.field == "land.assign")
}

@Test func statisticsCountWhatTheDefinitionsSay() {
    // Four appeals for unit 3, received 9/30 (answer due 10/13, resolve due 10/27), judged on 10/28:
    // A closed on 10/20 on time, 满意; B closed on 10/28, late (resolve due 10/27), 不满意;
    // C still handling and past every deadline; D declined.
    var a = appeal(.closed); a.leadUnitId = 3; a.assignedOn = day("2026-10-08"); a.answeredOn = day("2026-10-12"); a.closedOn = day("2026-10-20"); a.satisfaction = .satisfied
    var b = appeal(.closed); b.leadUnitId = 3; b.assignedOn = day("2026-10-08"); b.answeredOn = day("2026-10-13"); b.closedOn = day("2026-10-28"); b.satisfaction = .dissatisfied
    var c = appeal(.handling); c.leadUnitId = 3; c.assignedOn = day("2026-10-08")
    var d = appeal(.declined); d.closedOn = day("2026-10-08")
    let s = AppealStatistics(appeals: [a, b, c, d], today: day("2026-10-28"), calendar: cal)
    let u = s.byUnit[3]!
    #expect(u.total == 3 && u.closed == 2 && u.closedOnTime == 1 && u.overdueOpen == 1)
    #expect(u.onTimeRate == 1.0 / 3.0)
    #expect(u.resolutionRate == 2.0 / 3.0)
    #expect(u.satisfactionRate == 0.5)
    // Working days from 10/1 to 10/20: 10/8, 9, 10, 12–16, 19, 20 = 10; to 10/28: those + 21–23, 26–28 = 16. Mean 13.
    #expect(u.averageWorkdays == 13)
    #expect(s.zone.total == 4 && s.zone.declined == 1)
    #expect(s.byUnit[nil]?.total == 1 && s.byUnit[nil]?.resolutionRate == nil)
}

@Test func aDraftNeedsAWayToReachTheFirm() {
    let ok = AppealDraft(firmName: " 甲公司 ", creditCode: "", contactName: "张三", contactPhone: "138-0000-0000", category: .land, channel: .visit,
                         title: "用地", description: "缺指标")
    #expect((try? ok.validated())?.contactPhone == "13800000000")
    var noPhone = ok; noPhone.contactPhone = ""
    #expect(message { _ = try noPhone.validated() }?.field == "contactPhone")
    var badPhone = ok; badPhone.contactPhone = "12345"
    #expect(message { _ = try badPhone.validated() }?.field == "contactPhone")
    var publicForm = ok; publicForm.channel = .publicForm
    #expect(message { _ = try publicForm.validated() }?.field == "creditCode")
    publicForm.creditCode = "91330100MA2B3C4D5X"
    #expect(message { _ = try publicForm.validated() }?.field == "creditCode")
    var noCategory = ok; noCategory.category = nil
    #expect(message { _ = try noCategory.validated() }?.field == "category")
}

@Test func theAssessmentReadsEachUnitsAppealFigures() {
    // Unit 3: 4 closed (3 on time) and 1 overdue → 按期率 3/5 = 60 %; rated 4, satisfied 3 → 75 %. Unit 4: nothing to judge.
    var a = AppealFigures()
    a.total = 5; a.closed = 4; a.closedOnTime = 3; a.overdueOpen = 1; a.open = 1; a.rated = 4; a.satisfied = 3
    let scheme = AssessmentScheme(items: [
        SchemeItem(key: "t", name: "诉求按期", source: .appealOnTime, points: 50, rule: ItemRule(kind: .ratio, target: 100)),
        SchemeItem(key: "s", name: "诉求满意", source: .appealSatisfaction, points: 50, rule: ItemRule(kind: .ratio, target: 100)),
    ])
    var f = AssessmentMeasures.Facts(period: AssessmentPeriod(year: 2026, quarter: 3), asOf: day("2026-10-28"),
                                     units: [OrgUnit(id: 3, name: "审批局", shortName: "审批局", kind: .department, sortOrder: 1),
                                             OrgUnit(id: 4, name: "财金局", shortName: "财金局", kind: .department, sortOrder: 2)],
                                     tasks: [], reportingPeriods: [], reportCounts: [:], lateReportTaskIds: [], orders: [], indicators: [], marks: [], quarterTotals: [:])
    f.appeals = [3: a]
    let data = AssessmentMeasures.build(scheme, f)
    #expect(data[0].measures["t"]?.value == 60)
    #expect(data[0].measures["s"]?.value == 75)
    #expect(data[0].measures["t"]?.sources.first?.kind == .appeals)
    #expect(data[1].measures["t"]?.value == nil && data[1].measures["s"]?.value == nil)
    #expect(ComputedIndicator.appeals(.appealsOnTime, a, end: day("2026-09-30")).value == 60)
    #expect(ComputedIndicator.appeals(.appealSatisfaction, AppealFigures(), end: day("2026-09-30")).value == nil)
}
