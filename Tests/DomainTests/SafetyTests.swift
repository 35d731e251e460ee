import Foundation
import Testing
@testable import Domain

// Dates worked out by hand from the 2026 notice in /work/shared/reference/cn-workday-calendar.json:
// 中秋节 9/25–9/27 rest; 国庆节 10/1–10/7 rest, 9/20 (Sun) and 10/10 (Sat) worked, 10/11 (Sun) rest.

private func day(_ iso: String) -> Day { Day(iso: iso)! }
private let cal = WorkCalendar.official

private func message(_ body: () throws -> Void) -> ValidationError? {
    do { try body(); return nil } catch let e as ValidationError { return e } catch { return nil }
}

private func hazard(_ status: HazardStatus = .found, level: HazardLevel = .general, found: String = "2026-09-30", deadline: String = "2026-10-13",
                    unit: Int? = 1, verified: String? = nil, evidence: Int = 0) -> Hazard {
    Hazard(id: 1, inspectionId: 9, enterpriseId: 7, unitId: unit, description: "配电箱未接地", level: level, foundOn: day(found), deadline: day(deadline),
           responsiblePerson: "李四", status: status, verifiedOn: verified.map(day), evidenceCount: evidence)
}

/// The legal moves, written out independently: (from, action) -> to.
private let legal: [HazardStatus: [HazardAction: HazardStatus]] = [
    .found: [.startRectifying: .rectifying],
    .rectifying: [.submit: .submitted],
    .submitted: [.verify: .verified, .sendBack: .rectifying],
    .verified: [:],
]
/// Who may act, per level.
private func mayAct(_ action: HazardAction, _ party: HazardParty, _ level: HazardLevel) -> Bool {
    switch action {
    case .startRectifying, .submit: return party == .unit
    case .verify, .sendBack: return party == .office || level == .general
    }
}

@Test func everyMoveOfTheRectificationLoopIsLegalOnlyWhereTheTableSays() {
    let step = HazardLifecycle.Step(text: "已重新接地并检测", evidenceCount: 2)
    for level in HazardLevel.allCases {
        for status in HazardStatus.allCases {
            for action in HazardAction.allCases {
                for party in HazardParty.allCases {
                    let h = hazard(status, level: level, evidence: 1)
                    let result = try? HazardLifecycle.apply(action, to: h, by: party, step: step, today: day("2026-10-09"))
                    let expected = mayAct(action, party, level) ? legal[status]?[action] : nil
                    #expect(result?.status == expected, "\(level) \(status) \(action) by \(party)")
                }
                for party in HazardParty.allCases {
                    let allowed = HazardLifecycle.allowedActions(for: hazard(status, level: level), party: party)
                    #expect(allowed.contains(action) == (mayAct(action, party, level) && legal[status]?[action] != nil))
                }
            }
        }
    }
}

@Test func nothingIsStruckOffWithoutEvidence() {
    let rectifying = hazard(.rectifying)
    let noFiles = message { _ = try HazardLifecycle.apply(.submit, to: rectifying, by: .unit, step: .init(text: "已整改", evidenceCount: 0), today: day("2026-10-09")) }
    #expect(noFiles?.field == "evidence")
    #expect(noFiles?.message == "请上传至少一份整改佐证材料（如整改前后照片、整改报告），没有佐证材料不能提交销号")
    #expect(message { _ = try HazardLifecycle.apply(.submit, to: rectifying, by: .unit, step: .init(text: " ", evidenceCount: 1), today: day("2026-10-09")) }?.field == "text")
    // Verifying straight from 整改中 is refused, saying why.
    let early = message { _ = try HazardLifecycle.apply(.verify, to: rectifying, by: .office, step: .init(), today: day("2026-10-09")) }
    #expect(early?.message == "隐患当前状态“整改中”，尚未提交整改佐证材料，不能验收销号")
    // A submitted hazard with no file (say, imported) is refused too.
    let imported = message { _ = try HazardLifecycle.apply(.verify, to: hazard(.submitted, evidence: 0), by: .office, step: .init(), today: day("2026-10-09")) }
    #expect(imported?.field == "evidence" && imported?.message == "该隐患没有整改佐证材料，不能验收销号，请退回补充佐证")
}

@Test func aMajorHazardIsStruckOffOnlyByTheOffice() throws {
    let submitted = hazard(.submitted, level: .major, evidence: 3)
    let e = message { _ = try HazardLifecycle.apply(.verify, to: submitted, by: .unit, step: .init(), today: day("2026-10-09")) }
    #expect(e?.message == "重大隐患只能由督查室验收销号或退回，责任单位不能自行销号")
    let v = try HazardLifecycle.apply(.verify, to: submitted, by: .office, step: .init(text: "现场复核合格"), today: day("2026-10-09"))
    #expect(v.status == .verified && v.verifiedOn == day("2026-10-09") && v.verificationNote == "现场复核合格")
    // A 一般 one the unit may strike off itself.
    let g = try HazardLifecycle.apply(.verify, to: hazard(.submitted, evidence: 1), by: .unit, step: .init(), today: day("2026-10-09"))
    #expect(g.status == .verified)
}

@Test func sendingBackNeedsAReasonAndReturnsToRectification() throws {
    let submitted = hazard(.submitted, evidence: 1)
    #expect(message { _ = try HazardLifecycle.apply(.sendBack, to: submitted, by: .office, step: .init(), today: day("2026-10-09")) }?.field == "text")
    let back = try HazardLifecycle.apply(.sendBack, to: submitted, by: .office, step: .init(text: "照片看不出接地线"), today: day("2026-10-09"))
    #expect(back.status == .rectifying && back.sentBackCount == 1 && back.lastSendBackReason == "照片看不出接地线")
    let again = try HazardLifecycle.apply(.submit, to: back, by: .unit, step: .init(text: "补拍照片", evidenceCount: 3), today: day("2026-10-12"))
    // The first submission's file stays on record with the three new ones.
    #expect(again.status == .submitted && again.evidenceCount == 4 && again.submittedOn == day("2026-10-12"))
}

@Test func defaultDeadlinesSkipTheHolidaysAndCountTheMakeupDays() throws {
    let rules = RectificationRules(general: 5, major: 10)
    // Found Wed 9/30: the 5th working day after is 10/13 (10/8, 10/9, 10/10 Sat worked, 10/12, 10/13); the 10th 10/20.
    #expect(rules.deadline(level: .general, foundOn: day("2026-09-30"), calendar: cal) == day("2026-10-13"))
    #expect(rules.deadline(level: .major, foundOn: day("2026-09-30"), calendar: cal) == day("2026-10-20"))
    // Found Fri 9/18 with one working day: Sun 9/20 is worked.
    #expect(RectificationRules(general: 1, major: 1).deadline(level: .general, foundOn: day("2026-09-18"), calendar: cal) == day("2026-09-20"))
    let draft = HazardDraft(inspectionId: 9, enterpriseId: 7, unitId: 1, description: " 消防通道堵塞 ", level: .major, foundOn: day("2026-09-30"), responsiblePerson: "王五")
    let h = try Hazard.recorded(id: 5, draft: draft, rules: rules, calendar: cal, today: day("2026-09-30"))
    #expect(h.deadline == day("2026-10-20") && h.status == .found && h.description == "消防通道堵塞")
    var byHand = draft; byHand.deadline = day("2026-10-09")
    #expect(try Hazard.recorded(id: 5, draft: byHand, rules: rules, calendar: cal, today: day("2026-09-30")).deadline == day("2026-10-09"))
}

@Test func aHazardDraftNeedsItsResponsiblePersonAndASaneDeadline() {
    let ok = HazardDraft(enterpriseId: 7, description: "消防通道堵塞", level: .general, foundOn: day("2026-09-30"), responsiblePerson: "王五")
    var noPerson = ok; noPerson.responsiblePerson = "  "
    #expect(message { _ = try noPerson.validated(today: day("2026-09-30")) } == ValidationError(field: "responsiblePerson", "请填写整改责任人"))
    var early = ok; early.deadline = day("2026-09-29")
    #expect(message { _ = try early.validated(today: day("2026-09-30")) }?.field == "deadline")
    var noLevel = ok; noLevel.level = nil
    #expect(message { _ = try noLevel.validated(today: day("2026-09-30")) }?.field == "level")
    #expect(message { _ = try ok.validated(today: day("2026-09-29")) }?.field == "foundOn")
    #expect(message { try RectificationRules(general: 0, major: 10).validate() }?.field == "general")
    #expect(message { try RectificationRules(general: 5, major: 251).validate() }?.field == "major")
    #expect((try? RectificationRules.standard.validate()) != nil)
}

@Test func theClockIsOverdueWhenNotVerifiedAfterTheDeadline() {
    let h = hazard(.submitted, deadline: "2026-10-13", evidence: 1)
    #expect(HazardClock(hazard: h, today: day("2026-09-30"), calendar: cal).state == .running(workdaysLeft: 5))
    #expect(HazardClock(hazard: h, today: day("2026-10-13"), calendar: cal).state == .dueToday)
    let late = HazardClock(hazard: h, today: day("2026-10-14"), calendar: cal)
    #expect(late.isOverdue && late.overdueWorkdays == 1)
    // Deadline Wed 9/30, today 10/7: overdue, but only rest days have passed.
    let inBreak = HazardClock(hazard: hazard(.rectifying, deadline: "2026-09-30"), today: day("2026-10-07"), calendar: cal)
    #expect(inBreak.isOverdue && inBreak.overdueWorkdays == 0)
    let done = HazardClock(hazard: hazard(.verified, deadline: "2026-10-13", verified: "2026-10-14", evidence: 1), today: day("2026-10-20"), calendar: cal)
    #expect(done.state == .stopped && !done.isOverdue && done.verifiedOnTime == false)
}

@Test func overdueHazardsBecomeSupervisionMatters() {
    // 一般, still with the unit: from the day after the deadline.
    #expect(SafetySupervision.reason(for: hazard(.rectifying), today: day("2026-10-13")) == nil)
    #expect(SafetySupervision.level(for: hazard(.rectifying), today: day("2026-10-14")) == .supervision)
    #expect(SafetySupervision.reason(for: hazard(.rectifying), today: day("2026-10-14")) == "一般隐患“配电箱未接地”逾期未整改销号（整改期限2026-10-13，责任人李四）")
    // 一般, evidence in and waiting: the verifier's turn, no order.
    #expect(SafetySupervision.reason(for: hazard(.submitted, evidence: 1), today: day("2026-10-14")) == nil)
    // 重大: at once when overdue, whatever the step, as 挂牌督办.
    let major = hazard(.submitted, level: .major, evidence: 1)
    #expect(SafetySupervision.level(for: major, today: day("2026-10-13")) == nil)
    #expect(SafetySupervision.level(for: major, today: day("2026-10-14")) == .listed)
    #expect(SafetySupervision.reason(for: major, today: day("2026-10-14")) == "重大隐患“配电箱未接地”逾期未整改销号（整改期限2026-10-13，责任人李四，整改佐证待验收）")
    #expect(SafetySupervision.reason(for: hazard(.verified, level: .major, verified: "2026-10-20", evidence: 1), today: day("2026-10-21")) == nil)
}

@Test func safetyStatisticsCountWhatTheDefinitionsSay() {
    // October 2026, judged on 10/31.
    let hs: [Hazard] = [
        hazard(.verified, found: "2026-10-08", deadline: "2026-10-15", unit: 1, verified: "2026-10-14", evidence: 1),   // A on time
        hazard(.verified, found: "2026-10-09", deadline: "2026-10-16", unit: 1, verified: "2026-10-20", evidence: 1),   // B late
        hazard(.rectifying, level: .major, found: "2026-10-12", deadline: "2026-10-30", unit: 1),                       // C 重大, past due
        hazard(.submitted, level: .major, found: "2026-10-20", deadline: "2026-11-30", unit: 2, evidence: 1),           // D 重大, not due
        hazard(.rectifying, found: "2026-09-15", deadline: "2026-09-29", unit: 2),                                      // E before, past due
        hazard(.verified, level: .major, found: "2026-09-01", deadline: "2026-09-30", unit: 2, verified: "2026-09-20", evidence: 1), // F done before
        hazard(.verified, found: "2026-10-10", deadline: "2026-10-20", unit: nil, verified: "2026-11-03", evidence: 1), // G verified after the period
        hazard(.found, level: .major, found: "2026-11-02", deadline: "2026-12-01", unit: 1),                            // H after the period
    ]
    let s = SafetyStatistics(hazards: hs, from: day("2026-10-01"), to: day("2026-10-31"))
    let z = s.zone
    #expect(z.found == 5 && z.foundMajor == 2 && z.verified == 2 && z.verifiedOnTime == 1 && z.overdueFound == 2)
    #expect(z.openMajor == 2 && z.overdue == 3)
    #expect(z.rectificationRate == 0.4)
    #expect(z.onTimeRate == 0.25)
    let u1 = s.byUnit[1]!
    #expect(u1.found == 3 && u1.verified == 2 && u1.overdueFound == 1 && u1.onTimeRate == 1.0 / 3.0 && u1.openMajor == 1)
    #expect(s.byUnit[2]?.found == 1 && s.byUnit[2]?.overdue == 1 && s.byUnit[2]?.onTimeRate == nil)
    #expect(s.byUnit[nil]?.overdue == 1)
    // Judged on 11/5 instead, G is verified (late), and H is found after the period but open.
    let later = SafetyStatistics(hazards: hs, period: day("2026-10-01")...day("2026-11-05")).zone
    #expect(later.found == 6 && later.verified == 3 && later.verifiedOnTime == 1 && later.openMajor == 3)
    let empty = SafetyStatistics(hazards: [], from: day("2026-10-01"), to: day("2026-10-31")).zone
    #expect(empty.rectificationRate == nil && empty.onTimeRate == nil && empty.overdue == 0)
}

@Test func accidentGradesFollowTheRegulationsThresholds() {
    func c(_ d: Int, _ i: Int, _ l: Double) -> AccidentSeverity { AccidentSeverity.classify(deaths: d, seriousInjuries: i, directLossWan: l) }
    // 一般: under 3 deaths, under 10 serious injuries, under 1,000万元.
    #expect(c(0, 0, 0) == .ordinary)
    #expect(c(2, 9, 999.99) == .ordinary)
    // 较大 from 3 / 10 / 1,000万元 up to 9 / 49 / under 5,000万元.
    #expect(c(3, 0, 0) == .large && c(0, 10, 0) == .large && c(0, 0, 1000) == .large)
    #expect(c(9, 49, 4999.99) == .large)
    // 重大 from 10 / 50 / 5,000万元 up to 29 / 99 / under 1亿元.
    #expect(c(10, 0, 0) == .major && c(0, 50, 0) == .major && c(0, 0, 5000) == .major)
    #expect(c(29, 99, 9999.99) == .major)
    // 特别重大 from 30 / 100 / 1亿元.
    #expect(c(30, 0, 0) == .extraordinary && c(0, 100, 0) == .extraordinary && c(0, 0, 10_000) == .extraordinary)
    // The gravest measure decides.
    #expect(c(1, 2, 6000) == .major && c(3, 100, 0) == .extraordinary)
    let a = Accident(id: 1, enterpriseId: 7, day: day("2026-06-03"), deaths: -1, seriousInjuries: 0, directLossWan: 0, description: "坍塌")
    #expect(message { _ = try a.validated(today: day("2026-06-30")) }?.field == "deaths")
}

@Test func aMajorLiabilityAccidentInThePeriodVetoesTheAssessment() {
    let year = day("2026-01-01")...day("2026-12-31")
    let large = Accident(id: 1, enterpriseId: 7, unitId: 1, day: day("2026-03-02"), deaths: 3, seriousInjuries: 0, directLossWan: 300, description: "爆炸")
    let major = Accident(id: 2, enterpriseId: 8, unitId: 2, day: day("2026-06-03"), deaths: 10, seriousInjuries: 0, directLossWan: 1200, description: "坍塌")
    let lastYear = Accident(id: 3, enterpriseId: 8, unitId: 1, day: day("2025-12-30"), deaths: 12, seriousInjuries: 0, directLossWan: 0, description: "火灾")
    let natural = Accident(id: 4, enterpriseId: 9, unitId: 1, day: day("2026-07-01"), deaths: 0, seriousInjuries: 0, directLossWan: 6000.5,
                           description: "特大暴雨", isLiability: false)
    let all = [large, major, lastYear, natural]
    #expect(SafetyVeto.applies(accidents: all, unitId: 1, period: year) == nil)
    #expect(SafetyVeto.applies(accidents: all, unitId: 2, period: year) == "2026-06-03发生重大事故（死亡10人、重伤0人、直接经济损失1200万元），安全生产一票否决")
    #expect(SafetyVeto.applies(accidents: all, unitId: nil, period: year) != nil)
    #expect(SafetyVeto.applies(accidents: all, unitId: 1, period: day("2025-01-01")...day("2025-12-31"))?.hasPrefix("2025-12-30发生重大事故") == true)
    #expect(SafetyVeto.entry(accidents: all, unitId: 2, period: year)?.key == "safety")
}

@Test func anInspectionNeedsAnInspector() throws {
    let i = SafetyInspection(id: 1, enterpriseId: 7, day: day("2026-09-28"), inspectors: [" 张三 ", "", "张三", "李四"], kind: .preHoliday, findings: " 发现2处隐患 ")
    let v = try i.validated(today: day("2026-09-30"))
    #expect(v.inspectors == ["张三", "李四"] && v.findings == "发现2处隐患" && v.kind.chineseName == "节前检查")
    var none = i; none.inspectors = [" "]
    #expect(message { _ = try none.validated(today: day("2026-09-30")) }?.field == "inspectors")
    #expect(message { _ = try i.validated(today: day("2026-09-27")) }?.field == "day")
}
