import Foundation
import Testing
@testable import Domain

// Dates worked out by hand from the 2026 State Council notice (国办发明电〔2025〕7号, as entered in
// /work/shared/reference/cn-workday-calendar.json), weekdays checked with Python's date.strftime("%a"),
// not read back from the implementation. The facts used:
//   春节 2/15–2/23 rest, 2/14 (Sat) and 2/28 (Sat) worked;
//   中秋节 9/25 (Fri)–9/27 rest;
//   国庆节 10/1–10/7 rest (10/8 Thu is a working day again), 9/20 (Sun) and 10/10 (Sat) worked.

private func day(_ iso: String) -> Day { Day(iso: iso)! }
private let cal = WorkCalendar.official

private func error(_ body: () throws -> Void) -> ValidationError? {
    do { try body(); return nil } catch let e as ValidationError { return e } catch { return nil }
}

// MARK: Lifecycle

/// The legal moves, written out independently of the implementation: (from, action) -> to.
private let legal: [OrderStatus: [OrderAction: OrderStatus]] = [
    .proposed: [.issue: .issued, .cancel: .cancelled],
    .issued: [.sign: .signed, .cancel: .cancelled],
    .signed: [.answer: .answered, .cancel: .cancelled],
    .answered: [.verify: .closed, .sendBack: .signed],
    .closed: [:],
    .cancelled: [:],
]
private let unitActions: Set<OrderAction> = [.sign, .answer]

@Suite("督办单 lifecycle")
struct OrderLifecycleTests {
    @Test("names")
    func names() {
        #expect(OrderStatus.allCases.map(\.chineseName) == ["待下发(系统建议)", "已下发", "已签收", "已反馈(待核查)", "已办结", "已撤销"])
        #expect(OrderAction.allCases.map(\.chineseName) == ["下发", "签收", "反馈", "核查办结", "退回", "撤销"])
        #expect(OrderStatus.allCases.filter(\.isFinal) == [.closed, .cancelled])
        #expect(OrderAction.sendBack.rawValue == "sendBack")
    }

    @Test("the whole path 下发 → 签收 → 反馈 → 退回 → 反馈 → 核查办结")
    func happyPath() throws {
        var s = OrderStatus.proposed
        s = try OrderLifecycle.next(from: s, action: .issue, by: .office, text: "")
        #expect(s == .issued)
        s = try OrderLifecycle.next(from: s, action: .sign, by: .receivingUnit, text: "")
        #expect(s == .signed)
        s = try OrderLifecycle.next(from: s, action: .answer, by: .receivingUnit, text: "已完成选址")
        #expect(s == .answered)
        s = try OrderLifecycle.next(from: s, action: .sendBack, by: .office, text: "缺佐证材料")
        #expect(s == .signed)
        s = try OrderLifecycle.next(from: s, action: .answer, by: .receivingUnit, text: "已补充佐证")
        #expect(s == .answered)
        s = try OrderLifecycle.next(from: s, action: .verify, by: .office, text: "")
        #expect(s == .closed)
    }

    @Test("every status × action × party against the table")
    func everyCombination() {
        var legalCount = 0
        for status in OrderStatus.allCases {
            for action in OrderAction.allCases {
                for party in [OrderParty.office, .receivingUnit] {
                    let rightParty = unitActions.contains(action) == (party == .receivingUnit)
                    let expected = rightParty ? legal[status]?[action] : nil
                    do {
                        let got = try OrderLifecycle.next(from: status, action: action, by: party, text: "理由")
                        #expect(got == expected, "\(status) \(action) \(party)")
                        legalCount += 1
                    } catch let e as ValidationError {
                        #expect(expected == nil, "\(status) \(action) \(party): \(e.message)")
                        #expect(e.field == "action")
                        if legal[status]?[action] == nil {
                            #expect(e.message == "当前状态“\(status.chineseName)”不能执行“\(action.chineseName)”")
                        } else if party == .office {
                            #expect(e.message == "只有承办单位可以签收/反馈")
                        } else {
                            #expect(e.message == "只有督查室可以下发、核查、退回、撤销")
                        }
                    } catch {
                        Issue.record("unexpected \(error)")
                    }
                }
            }
        }
        #expect(legalCount == 8) // the 8 arrows of the table
    }

    @Test("allowedActions matches the table")
    func allowedActions() {
        for status in OrderStatus.allCases {
            for party in [OrderParty.office, .receivingUnit] {
                let expected = OrderAction.allCases.filter {
                    legal[status]?[$0] != nil && unitActions.contains($0) == (party == .receivingUnit)
                }
                #expect(OrderLifecycle.allowedActions(for: status, party: party) == expected)
            }
        }
        #expect(OrderLifecycle.allowedActions(for: .answered, party: .office) == [.verify, .sendBack])
        #expect(OrderLifecycle.allowedActions(for: .issued, party: .receivingUnit) == [.sign])
        #expect(OrderLifecycle.allowedActions(for: .closed, party: .office).isEmpty)
    }

    @Test("specific refusals and their messages")
    func messages() {
        let closedSign = error { _ = try OrderLifecycle.next(from: .closed, action: .sign, by: .receivingUnit, text: "") }
        #expect(closedSign == ValidationError(field: "action", "当前状态“已办结”不能执行“签收”"))
        // 未签收不能反馈.
        let unsigned = error { _ = try OrderLifecycle.next(from: .issued, action: .answer, by: .receivingUnit, text: "已完成") }
        #expect(unsigned == ValidationError(field: "action", "当前状态“已下发”不能执行“反馈”"))
        // Answered orders are decided on, not cancelled.
        #expect(error { _ = try OrderLifecycle.next(from: .answered, action: .cancel, by: .office, text: "") } != nil)
        let officeSigns = error { _ = try OrderLifecycle.next(from: .issued, action: .sign, by: .office, text: "") }
        #expect(officeSigns == ValidationError(field: "action", "只有承办单位可以签收/反馈"))
        let unitVerifies = error { _ = try OrderLifecycle.next(from: .answered, action: .verify, by: .receivingUnit, text: "") }
        #expect(unitVerifies == ValidationError(field: "action", "只有督查室可以下发、核查、退回、撤销"))
    }

    @Test("text rules: feedback and 退回 need text, at most 2000 characters")
    func textRules() throws {
        #expect(error { _ = try OrderLifecycle.next(from: .signed, action: .answer, by: .receivingUnit, text: " \n ") }
                == ValidationError(field: "text", "请填写反馈内容"))
        #expect(error { _ = try OrderLifecycle.next(from: .answered, action: .sendBack, by: .office, text: "") }
                == ValidationError(field: "text", "退回时请写明理由"))
        // Other actions take an optional note.
        #expect(try OrderLifecycle.next(from: .issued, action: .cancel, by: .office, text: "") == .cancelled)
        #expect(try OrderLifecycle.next(from: .answered, action: .verify, by: .office, text: "") == .closed)

        let full = String(repeating: "进", count: 2000)
        #expect(try OrderLifecycle.next(from: .signed, action: .answer, by: .receivingUnit, text: full) == .answered)
        #expect(try OrderLifecycle.next(from: .signed, action: .answer, by: .receivingUnit, text: "  " + full + "\n") == .answered)
        let long = error { _ = try OrderLifecycle.next(from: .signed, action: .answer, by: .receivingUnit, text: full + "展") }
        #expect(long?.field == "text")
        #expect(error { _ = try OrderLifecycle.next(from: .proposed, action: .issue, by: .office, text: full + "展") }?.field == "text")
    }
}

// MARK: Escalation

@Suite("Escalation ladder")
struct EscalationTests {
    @Test("order, names, codes, next")
    func ladder() {
        #expect(EscalationLevel.allCases == [.reminder, .supervision, .listed, .interview, .criticism])
        #expect(EscalationLevel.allCases.map(\.chineseName) == ["提醒", "督办", "挂牌督办", "约谈", "通报批评"])
        #expect(EscalationLevel.allCases.map(\.code) == ["reminder", "supervision", "listed", "interview", "criticism"])
        #expect(EscalationLevel.allCases.map(\.rawValue) == [1, 2, 3, 4, 5])
        #expect(EscalationLevel(code: "listed") == .listed)
        #expect(EscalationLevel(code: "挂牌督办") == nil)
        #expect(EscalationLevel.reminder < .supervision)
        #expect(EscalationLevel.criticism > .interview)
        #expect(EscalationLevel.next(after: .reminder) == .supervision)
        #expect(EscalationLevel.next(after: .listed) == .interview)
        #expect(EscalationLevel.next(after: .interview) == .criticism)
        #expect(EscalationLevel.next(after: .criticism) == nil)
    }

    @Test("default policy")
    func defaults() throws {
        let p = EscalationPolicy()
        try p.validate()
        #expect(EscalationLevel.allCases.map { p.deduction($0) } == [0, 0.5, 1, 2, 3])
        #expect(EscalationLevel.allCases.map { p.replyWorkdays(for: $0) } == [5, 5, 3, 3, 3])
        #expect(EscalationLevel.allCases.map { p.copiesLeaders($0) } == [false, false, true, true, true])
        let q = EscalationPolicy(copyLeadersFrom: .reminder)
        #expect(EscalationLevel.allCases.allSatisfy { q.copiesLeaders($0) })
        #expect(EscalationPolicy(copyLeadersFrom: .criticism).copiesLeaders(.interview) == false)
    }

    @Test("policy validation names the field")
    func validation() throws {
        func field(_ p: EscalationPolicy) -> String? { error { try p.validate() }?.field }
        try EscalationPolicy(deductions: [0, 0, 0, 0, 0], replyWorkdays: [1, 1, 1, 1, 1]).validate()
        try EscalationPolicy(deductions: [100, 100, 100, 100, 100], replyWorkdays: [60, 60, 60, 60, 60]).validate()
        try EscalationPolicy(deductions: [0, 1, 1, 1, 5]).validate() // equal steps allowed
        #expect(field(EscalationPolicy(deductions: [0, 1, 0.5, 2, 3])) == "deductions") // decreasing
        #expect(field(EscalationPolicy(deductions: [-0.5, 0.5, 1, 2, 3])) == "deductions")
        #expect(field(EscalationPolicy(deductions: [0, 0.5, 1, 2, 100.5])) == "deductions")
        #expect(field(EscalationPolicy(deductions: [0, .nan, 1, 2, 3])) == "deductions")
        #expect(field(EscalationPolicy(deductions: [0, 0.5, 1, 2])) == "deductions")
        #expect(field(EscalationPolicy(replyWorkdays: [5, 5, 0, 3, 3])) == "replyWorkdays")
        #expect(field(EscalationPolicy(replyWorkdays: [5, 5, 3, 3, 61])) == "replyWorkdays")
        #expect(field(EscalationPolicy(replyWorkdays: [5, 5, 3, 3, 3, 3])) == "replyWorkdays")
        #expect(error { try EscalationPolicy(deductions: [0, 1, 0.5, 2, 3]).validate() }?.message
                == "“挂牌督办”扣分不能少于“督办”")
    }

    @Test("policy round-trips through JSON")
    func codable() throws {
        let p = EscalationPolicy(deductions: [0, 1, 2, 3, 4], replyWorkdays: [10, 5, 5, 3, 2], copyLeadersFrom: .interview)
        let back = try JSONDecoder().decode(EscalationPolicy.self, from: JSONEncoder().encode(p))
        #expect(back == p)
    }
}

// MARK: Clock

/// An independent model of the 2026 calendar, typed in from the notice (see the top of the file).
private let rest2026: Set<String> = Set(
    ["2026-01-01", "2026-01-02", "2026-01-03",
     "2026-02-15", "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20", "2026-02-21",
     "2026-02-22", "2026-02-23",
     "2026-04-04", "2026-04-05", "2026-04-06",
     "2026-05-01", "2026-05-02", "2026-05-03", "2026-05-04", "2026-05-05",
     "2026-06-19", "2026-06-20", "2026-06-21",
     "2026-09-25", "2026-09-26", "2026-09-27",
     "2026-10-01", "2026-10-02", "2026-10-03", "2026-10-04", "2026-10-05", "2026-10-06", "2026-10-07"])
private let work2026: Set<String> = ["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"]

private func naiveWorkday(_ d: Day) -> Bool {
    if rest2026.contains(d.iso) { return false }
    if work2026.contains(d.iso) { return true }
    return d.weekday <= 5
}

@Suite("Reply deadline in working days")
struct OrderClockTests {
    @Test("中秋 and 国庆 2026")
    func nationalDay() {
        // Fri 9/25 is 中秋 itself; 9/26–27 rest: Mon 9/28, Tue 9/29, Wed 9/30.
        #expect(OrderClock.replyDue(issuedOn: day("2026-09-25"), workdays: 3, calendar: cal) == day("2026-09-30"))
        // Thu 9/24: the same three days.
        #expect(OrderClock.replyDue(issuedOn: day("2026-09-24"), workdays: 3, calendar: cal) == day("2026-09-30"))
        // Wed 9/30: 10/1–10/7 rest, then Thu 10/8, Fri 10/9, Sat 10/10 (调休上班).
        #expect(OrderClock.replyDue(issuedOn: day("2026-09-30"), workdays: 3, calendar: cal) == day("2026-10-10"))
        // ... and with 5: Sun 10/11 rest, Mon 10/12, Tue 10/13.
        #expect(OrderClock.replyDue(issuedOn: day("2026-09-30"), workdays: 5, calendar: cal) == day("2026-10-13"))
        // Tue 9/29 with 2: Wed 9/30, then Thu 10/8.
        #expect(OrderClock.replyDue(issuedOn: day("2026-09-29"), workdays: 2, calendar: cal) == day("2026-10-08"))
        // Issued inside the break (Sat 10/3): the first working day is 10/8.
        #expect(OrderClock.replyDue(issuedOn: day("2026-10-03"), workdays: 1, calendar: cal) == day("2026-10-08"))
    }

    @Test("调休 make-up days count")
    func makeupDays() {
        // Fri 9/18: Sat 9/19 rest, Sun 9/20 worked (国庆调休) is day 1.
        #expect(OrderClock.replyDue(issuedOn: day("2026-09-18"), workdays: 1, calendar: cal) == day("2026-09-20"))
        // ... 3 days: 9/20, Mon 9/21, Tue 9/22 (a weekends-only count would give Wed 9/23).
        #expect(OrderClock.replyDue(issuedOn: day("2026-09-18"), workdays: 3, calendar: cal) == day("2026-09-22"))
        // Fri 2/13: Sat 2/14 worked (春节调休) is day 1; day 2 is after 春节 2/15–2/23: Tue 2/24.
        #expect(OrderClock.replyDue(issuedOn: day("2026-02-13"), workdays: 1, calendar: cal) == day("2026-02-14"))
        #expect(OrderClock.replyDue(issuedOn: day("2026-02-13"), workdays: 2, calendar: cal) == day("2026-02-24"))
    }

    @Test("n < 1 counts as 1")
    func atLeastOneDay() {
        #expect(OrderClock.replyDue(issuedOn: day("2026-09-30"), workdays: 0, calendar: cal) == day("2026-10-08"))
    }

    @Test("every issue day of 2026 against a day-by-day walk")
    func wholeYear() {
        var d = day("2026-01-01")
        while d <= day("2026-12-20") {
            for n in 1...10 {
                var expected = d, left = n
                while left > 0 { expected = expected.adding(days: 1); if naiveWorkday(expected) { left -= 1 } }
                #expect(OrderClock.replyDue(issuedOn: d, workdays: n, calendar: cal) == expected, "\(d) +\(n)")
            }
            d = d.adding(days: 1)
        }
    }

    @Test("clock states")
    func states() {
        func state(_ due: String, _ today: String, finished: Bool = false) -> ClockState {
            OrderClock.state(due: day(due), today: day(today), finished: finished, calendar: cal)
        }
        // Due Sat 10/10 (worked). On 9/30: 10/8, 10/9, 10/10 left.
        #expect(state("2026-10-10", "2026-09-30") == .running(workdaysLeft: 3))
        // On a holiday 10/5: the same three.
        #expect(state("2026-10-10", "2026-10-05") == .running(workdaysLeft: 3))
        #expect(state("2026-10-10", "2026-10-09") == .running(workdaysLeft: 1))
        #expect(state("2026-10-10", "2026-10-10") == .dueToday)
        // Due Wed 9/30, today Mon 9/28: 9/29, 9/30.
        #expect(state("2026-09-30", "2026-09-28") == .running(workdaysLeft: 2))
        // Due Tue 9/22, today Sat 9/19: Sun 9/20 (worked), 9/21, 9/22.
        #expect(state("2026-09-22", "2026-09-19") == .running(workdaysLeft: 3))
    }

    @Test("overdue counts working days after the due day, today included")
    func overdue() {
        func state(_ due: String, _ today: String) -> ClockState {
            OrderClock.state(due: day(due), today: day(today), finished: false, calendar: cal)
        }
        // Due Wed 9/30: the break costs no working day.
        #expect(state("2026-09-30", "2026-10-01") == .overdue(workdays: 0))
        #expect(state("2026-09-30", "2026-10-07") == .overdue(workdays: 0))
        #expect(state("2026-09-30", "2026-10-08") == .overdue(workdays: 1))
        // 10/8, 10/9, Sat 10/10 worked, Sun 10/11 rest, Mon 10/12.
        #expect(state("2026-09-30", "2026-10-11") == .overdue(workdays: 3))
        #expect(state("2026-09-30", "2026-10-12") == .overdue(workdays: 4))
        // Due Fri 9/18: Sat 9/19 rest, Sun 9/20 worked.
        #expect(state("2026-09-18", "2026-09-19") == .overdue(workdays: 0))
        #expect(state("2026-09-18", "2026-09-20") == .overdue(workdays: 1))
    }

    @Test("a finished order's clock is stopped")
    func stopped() {
        #expect(OrderClock.state(due: day("2026-09-30"), today: day("2026-10-12"), finished: true, calendar: cal) == .stopped)
        #expect(OrderClock.state(due: day("2026-09-30"), today: day("2026-09-30"), finished: true, calendar: cal) == .stopped)
        #expect(OrderClock.state(due: day("2026-09-30"), today: day("2026-09-28"), finished: true, calendar: cal) == .stopped)
    }
}

// MARK: Proposals

@Suite("Automatic proposals")
struct ProposalTests {
    private func input(_ id: Int, _ light: Light, missed: Int = 0, open: Bool = false) -> ProposalInput {
        ProposalInput(taskId: id, unitId: 100 + id, light: light, missedPeriods: missed, hasOpenOrder: open)
    }

    @Test("defaults and validation")
    func rules() throws {
        let r = ProposalRules()
        #expect(r.onRed == true)
        #expect(r.missingReports == 2)
        #expect(r.level == .supervision)
        try r.validate()
        try ProposalRules(missingReports: 0).validate()
        try ProposalRules(missingReports: 12).validate()
        #expect(error { try ProposalRules(missingReports: -1).validate() }?.field == "missingReports")
        #expect(error { try ProposalRules(missingReports: 13).validate() }?.field == "missingReports")
    }

    @Test("red, overdue and missed reports propose; others do not")
    func proposals() {
        let tasks = [
            input(1, .red),
            input(2, .yellow, missed: 2),
            input(3, .yellow, missed: 1),
            input(4, .green),
            input(5, .red, missed: 3),
            input(6, .overdue),
            input(7, .notStarted, missed: 4),
        ]
        let got = ProposalRules.proposals(tasks: tasks, rules: ProposalRules())
        #expect(got == [
            Proposal(taskId: 1, unitId: 101, reason: "红灯：严重滞后", level: .supervision),
            Proposal(taskId: 2, unitId: 102, reason: "连续2期未交账", level: .supervision),
            Proposal(taskId: 5, unitId: 105, reason: "红灯：严重滞后；连续3期未交账", level: .supervision),
            Proposal(taskId: 6, unitId: 106, reason: "已逾期", level: .supervision),
            Proposal(taskId: 7, unitId: 107, reason: "连续4期未交账", level: .supervision),
        ])
    }

    @Test("never with an open order, never for suspended or finished tasks")
    func exclusions() {
        let tasks = [
            input(1, .red, missed: 5, open: true),
            input(2, .suspended, missed: 5),
            input(3, .done, missed: 5),
            input(4, .doneLate, missed: 5),
        ]
        #expect(ProposalRules.proposals(tasks: tasks, rules: ProposalRules()).isEmpty)
    }

    @Test("rules switched off or changed")
    func switches() {
        let tasks = [input(1, .red), input(2, .green, missed: 9), input(3, .yellow, missed: 3)]
        #expect(ProposalRules.proposals(tasks: tasks, rules: ProposalRules(onRed: false, missingReports: 0)).isEmpty)
        #expect(ProposalRules.proposals(tasks: tasks, rules: ProposalRules(onRed: false)).map(\.taskId) == [2, 3])
        #expect(ProposalRules.proposals(tasks: tasks, rules: ProposalRules(missingReports: 0)).map(\.taskId) == [1])
        let strict = ProposalRules.proposals(tasks: tasks, rules: ProposalRules(missingReports: 4, level: .listed))
        #expect(strict.map(\.taskId) == [1, 2])
        #expect(strict.allSatisfy { $0.level == .listed })
    }
}
