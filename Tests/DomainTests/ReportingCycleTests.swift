import Foundation
import Testing
@testable import Domain

// Expectations worked out by hand from the 2026 State Council notice (国办发明电〔2025〕7号) and checked
// with Python's date.isocalendar(), not read back from the implementation.

private func day(_ iso: String) -> Day { Day(iso: iso)! }
private let cal = WorkCalendar.official

private func utc(_ text: String) -> Date {
    // "2026-11-27T09:00:59Z"
    let f = ISO8601DateFormatter()
    f.formatOptions = [.withInternetDateTime]
    return f.date(from: text)!
}

// MARK: Definition

@Test func presetsAndNames() {
    #expect(ReportingCycle.weekly == ReportingCycle(kind: .weekly, dueWeekday: 5, dueDay: 25, dueHour: 17))
    #expect(ReportingCycle.monthly == ReportingCycle(kind: .monthly, dueWeekday: 5, dueDay: 25, dueHour: 17))
    #expect(ReportingCycle.weekly.chineseName == "每周五17:00")
    #expect(ReportingCycle.monthly.chineseName == "每月25日17:00")
    #expect(ReportingCycle(kind: .weekly, dueWeekday: 7, dueHour: 9).chineseName == "每周日9:00")
    #expect(ReportingCycle(kind: .weekly, dueWeekday: 1).chineseName == "每周一17:00")
    #expect(ReportingCycle(kind: .monthly, dueDay: 31, dueHour: 12).chineseName == "每月31日12:00")
    #expect(ReportingCycle.Kind.allCases == [.weekly, .monthly])
}

@Test func validationNamesTheField() throws {
    try ReportingCycle.weekly.validate()
    try ReportingCycle.monthly.validate()
    try ReportingCycle(kind: .weekly, dueWeekday: 7, dueDay: 1, dueHour: 0).validate()
    try ReportingCycle(kind: .monthly, dueWeekday: 1, dueDay: 31, dueHour: 23).validate()

    func field(_ c: ReportingCycle) -> String? {
        do { try c.validate(); return nil } catch let e as ValidationError {
            #expect(!e.message.isEmpty)
            return e.field
        } catch { return "?" }
    }
    #expect(field(ReportingCycle(kind: .weekly, dueWeekday: 0)) == "dueWeekday")
    #expect(field(ReportingCycle(kind: .weekly, dueWeekday: 8)) == "dueWeekday")
    #expect(field(ReportingCycle(kind: .monthly, dueDay: 0)) == "dueDay")
    #expect(field(ReportingCycle(kind: .monthly, dueDay: 32)) == "dueDay")
    #expect(field(ReportingCycle(kind: .weekly, dueHour: -1)) == "dueHour")
    #expect(field(ReportingCycle(kind: .monthly, dueHour: 24)) == "dueHour")
}

@Test func cycleAndPeriodRoundTripThroughJSON() throws {
    let c = ReportingCycle(kind: .monthly, dueDay: 31, dueHour: 9)
    let back = try JSONDecoder().decode(ReportingCycle.self, from: JSONEncoder().encode(c))
    #expect(back == c)
    let json = String(decoding: try JSONEncoder().encode(ReportingCycle.weekly), as: UTF8.self)
    #expect(json.contains("\"weekly\""))

    let p = ReportingCycle.weekly.period(containing: day("2026-10-02"), calendar: cal)
    let data = try JSONEncoder().encode(p)
    #expect(String(decoding: data, as: UTF8.self).contains("\"2026-09-30\""))
    #expect(try JSONDecoder().decode(ReportingPeriod.self, from: data) == p)
}

// MARK: Weekly periods and ISO week keys

@Test func ordinaryWeek() {
    let p = ReportingCycle.weekly.period(containing: day("2026-11-25"), calendar: cal)
    #expect(p == ReportingPeriod(key: "2026-W48", start: day("2026-11-23"), end: day("2026-11-29"),
                                 due: day("2026-11-27"), dueHour: 17))
    // Every day of the week, Monday to Sunday, is in the same period.
    for offset in 0..<7 {
        #expect(ReportingCycle.weekly.period(containing: day("2026-11-23").adding(days: offset), calendar: cal) == p)
    }
}

@Test(arguments: [
    // day, key, Monday, Sunday
    ("2025-12-29", "2026-W01", "2025-12-29", "2026-01-04"),  // Monday of 2025 in ISO week 1 of 2026
    ("2026-01-01", "2026-W01", "2025-12-29", "2026-01-04"),
    ("2026-01-04", "2026-W01", "2025-12-29", "2026-01-04"),
    ("2026-12-31", "2026-W53", "2026-12-28", "2027-01-03"),
    ("2027-01-01", "2026-W53", "2026-12-28", "2027-01-03"),  // Friday of 2027 in 2026's week 53
    ("2027-01-03", "2026-W53", "2026-12-28", "2027-01-03"),
    ("2027-01-04", "2027-W01", "2027-01-04", "2027-01-10"),
    ("2020-12-31", "2020-W53", "2020-12-28", "2021-01-03"),
    ("2021-01-03", "2020-W53", "2020-12-28", "2021-01-03"),
    ("2026-03-02", "2026-W10", "2026-03-02", "2026-03-08"),
])
func isoWeekKeysAroundYearEnds(_ d: String, _ key: String, _ start: String, _ end: String) {
    let p = ReportingCycle.weekly.period(containing: day(d), calendar: cal)
    #expect(p.key == key)
    #expect(p.start == day(start))
    #expect(p.end == day(end))
}

@Test func weekOneOf2026IsDueOnTheLastWorkingDayOf2025() {
    // Friday 2026-01-02 is in 元旦 (01-01..01-03), so is Thursday 01-01: back to Wednesday 2025-12-31.
    let p = ReportingCycle.weekly.period(containing: day("2026-01-02"), calendar: cal)
    #expect(p.due == day("2025-12-31"))
}

@Test func week53Of2026FallsBackOnWeekdayRuleIn2027() {
    // No 2027 notice is shipped: Friday 2027-01-01 counts as an ordinary working day.
    #expect(ReportingCycle.weekly.period(containing: day("2026-12-30"), calendar: cal).due == day("2027-01-01"))
    // With the zone declaring it a rest day, the report is due Thursday 2026-12-31.
    let zone = WorkCalendar(extraNotices: [], overrides: [.rest(day("2027-01-01"), name: "元旦")])
    #expect(ReportingCycle.weekly.period(containing: day("2026-12-30"), calendar: zone).due == day("2026-12-31"))
}

// MARK: Weekly due days across holidays

@Test(arguments: [
    // any day in the week, expected due
    ("2026-10-02", "2026-09-30"),  // 国庆: Fri 10-02 and Thu 10-01 off → Wed 09-30
    ("2026-10-04", "2026-09-30"),
    ("2026-09-25", "2026-09-24"),  // 中秋 Friday → Thursday
    ("2026-09-21", "2026-09-24"),
    ("2026-06-19", "2026-06-18"),  // 端午 Friday → Thursday
    ("2026-02-20", "2026-02-14"),  // 春节: Mon 02-16..Fri 02-20 off → make-up Saturday 02-14 (previous week)
    ("2026-05-01", "2026-04-30"),  // 劳动节 Friday → Thursday
    ("2026-05-08", "2026-05-08"),  // ordinary Friday; the make-up Saturday 05-09 changes nothing
    ("2026-10-09", "2026-10-09"),  // Friday after 国庆 is a working day
    ("2026-11-27", "2026-11-27"),
])
func weeklyDueMovesBackOffHolidays(_ d: String, _ due: String) {
    #expect(ReportingCycle.weekly.period(containing: day(d), calendar: cal).due == day(due))
}

@Test func otherDueWeekdays() {
    // Monday 2026-10-05 is in 国庆: the report is due on the last working day before it, Wed 09-30.
    let monday = ReportingCycle(kind: .weekly, dueWeekday: 1, dueHour: 10)
    let p = monday.period(containing: day("2026-10-08"), calendar: cal)
    #expect(p.key == "2026-W41")
    #expect(p.due == day("2026-09-30"))
    #expect(p.dueHour == 10)
    #expect(monday.period(containing: day("2026-11-25"), calendar: cal).due == day("2026-11-23"))

    // A Saturday cycle: the make-up Saturday 10-10 is a working day and stays; an ordinary Saturday moves to Friday.
    let saturday = ReportingCycle(kind: .weekly, dueWeekday: 6)
    #expect(saturday.period(containing: day("2026-10-10"), calendar: cal).due == day("2026-10-10"))
    #expect(saturday.period(containing: day("2026-11-25"), calendar: cal).due == day("2026-11-27"))
    // Saturday 10-03 is inside 国庆 → Wed 09-30.
    #expect(saturday.period(containing: day("2026-10-03"), calendar: cal).due == day("2026-09-30"))

    // A Sunday cycle: the make-up Sunday 09-20 stays.
    let sunday = ReportingCycle(kind: .weekly, dueWeekday: 7)
    #expect(sunday.period(containing: day("2026-09-16"), calendar: cal).due == day("2026-09-20"))
    #expect(sunday.period(containing: day("2026-11-25"), calendar: cal).due == day("2026-11-27"))
}

@Test func zoneRestDayMovesTheDue() {
    let zone = WorkCalendar(extraNotices: [], overrides: [.rest(day("2026-11-27"), name: "区庆")])
    #expect(ReportingCycle.weekly.period(containing: day("2026-11-25"), calendar: zone).due == day("2026-11-26"))
}

// MARK: Monthly periods

@Test(arguments: [
    // any day in the month, key, first, last, due
    ("2026-10-09", "2026-10", "2026-10-01", "2026-10-31", "2026-10-23"),  // 25th a Sunday → Friday 23rd
    ("2026-02-03", "2026-02", "2026-02-01", "2026-02-28", "2026-02-25"),  // Wednesday, a working day
    ("2026-11-30", "2026-11", "2026-11-01", "2026-11-30", "2026-11-25"),
    ("2026-01-01", "2026-01", "2026-01-01", "2026-01-31", "2026-01-23"),  // 25th a Sunday
    ("2026-04-10", "2026-04", "2026-04-01", "2026-04-30", "2026-04-24"),  // 25th a Saturday
    ("2026-12-31", "2026-12", "2026-12-01", "2026-12-31", "2026-12-25"),
])
func monthlyPeriods(_ d: String, _ key: String, _ start: String, _ end: String, _ due: String) {
    let p = ReportingCycle.monthly.period(containing: day(d), calendar: cal)
    #expect(p == ReportingPeriod(key: key, start: day(start), end: day(end), due: day(due), dueHour: 17))
}

@Test func monthlyDueDayBeyondTheMonthUsesItsLastDay() {
    let last = ReportingCycle(kind: .monthly, dueDay: 31)
    // 2026-02-28 is a Saturday, but a make-up working day of 春节: it stays.
    #expect(last.period(containing: day("2026-02-10"), calendar: cal).due == day("2026-02-28"))
    // Leap year, no notice: Tuesday 2028-02-29.
    #expect(last.period(containing: day("2028-02-10"), calendar: cal).due == day("2028-02-29"))
    // April has 30 days: Thursday 04-30.
    #expect(last.period(containing: day("2026-04-10"), calendar: cal).due == day("2026-04-30"))
    // October 31 is a Saturday → Friday 10-30.
    #expect(last.period(containing: day("2026-10-10"), calendar: cal).due == day("2026-10-30"))
    // dueDay 30 in February → 28th too.
    #expect(ReportingCycle(kind: .monthly, dueDay: 30).period(containing: day("2026-02-01"), calendar: cal).due
            == day("2026-02-28"))
}

@Test func monthlyDueOnTheFirstCanMoveIntoThePreviousMonth() {
    let first = ReportingCycle(kind: .monthly, dueDay: 1)
    // 05-01 is 劳动节 → Thursday 04-30; 2026-01-01 is 元旦 → Wednesday 2025-12-31.
    #expect(first.period(containing: day("2026-05-20"), calendar: cal).due == day("2026-04-30"))
    #expect(first.period(containing: day("2026-01-20"), calendar: cal).due == day("2025-12-31"))
    #expect(first.period(containing: day("2026-06-20"), calendar: cal).due == day("2026-06-01"))
}

// MARK: Ranges of periods

@Test func weeklyPeriodsAcrossNationalDay() {
    let ps = ReportingCycle.weekly.periods(from: day("2026-10-01"), to: day("2026-10-12"), calendar: cal)
    #expect(ps.map(\.key) == ["2026-W40", "2026-W41", "2026-W42"])
    #expect(ps.map(\.start) == [day("2026-09-28"), day("2026-10-05"), day("2026-10-12")])
    #expect(ps.map(\.due) == [day("2026-09-30"), day("2026-10-09"), day("2026-10-16")])
}

@Test func weeklyPeriodsAcrossTheYearEnd() {
    let ps = ReportingCycle.weekly.periods(from: day("2026-12-20"), to: day("2027-01-10"), calendar: cal)
    #expect(ps.map(\.key) == ["2026-W51", "2026-W52", "2026-W53", "2027-W01"])
    // Contiguous, no gaps or overlaps.
    for (a, b) in zip(ps, ps.dropFirst()) { #expect(a.end.adding(days: 1) == b.start) }
}

@Test func periodsEdgeCases() {
    // A single day gives its period; to < from gives none.
    #expect(ReportingCycle.weekly.periods(from: day("2026-11-25"), to: day("2026-11-25"), calendar: cal).map(\.key)
            == ["2026-W48"])
    #expect(ReportingCycle.weekly.periods(from: day("2026-11-25"), to: day("2026-11-24"), calendar: cal).isEmpty)
    // Exactly a week, Monday to Sunday: one period; a Sunday to the next Monday: two.
    #expect(ReportingCycle.weekly.periods(from: day("2026-11-23"), to: day("2026-11-29"), calendar: cal).count == 1)
    #expect(ReportingCycle.weekly.periods(from: day("2026-11-29"), to: day("2026-11-30"), calendar: cal).count == 2)
    // A whole year of 2026: ISO weeks 2026-W01 … 2026-W53.
    let year = ReportingCycle.weekly.periods(from: day("2026-01-01"), to: day("2026-12-31"), calendar: cal)
    #expect(year.count == 53)
    #expect(year.first?.key == "2026-W01")
    #expect(year.last?.key == "2026-W53")
    #expect(Set(year.map(\.key)).count == 53)
}

@Test func monthlyPeriodsAcrossTheYearEnd() {
    let ps = ReportingCycle.monthly.periods(from: day("2026-11-30"), to: day("2027-02-01"), calendar: cal)
    #expect(ps.map(\.key) == ["2026-11", "2026-12", "2027-01", "2027-02"])
    #expect(ps.last?.end == day("2027-02-28"))
    // 2027-01-25 is a Monday, 2027-02-25 a Thursday (weekday rule only for 2027).
    #expect(ps.map(\.due) == [day("2026-11-25"), day("2026-12-25"), day("2027-01-25"), day("2027-02-25")])
    let year = ReportingCycle.monthly.periods(from: day("2026-01-15"), to: day("2026-12-15"), calendar: cal)
    #expect(year.count == 12)
}

// MARK: Lateness

@Test func latenessAroundTheDueMinute() {
    // Week 48 of 2026, due Friday 2026-11-27 17:00.
    let p = ReportingCycle.weekly.period(containing: day("2026-11-25"), calendar: cal)
    let due = day("2026-11-27")
    #expect(!p.isLate(submittedOn: due, minute: 16 * 60 + 59))
    #expect(!p.isLate(submittedOn: due, minute: 17 * 60))
    #expect(p.isLate(submittedOn: due, minute: 17 * 60 + 1))
    #expect(p.isLate(submittedOn: due, minute: 23 * 60 + 59))
    #expect(p.isLate(submittedOn: day("2026-11-28"), minute: 0))
    #expect(p.isLate(submittedOn: day("2026-11-28"), minute: 9 * 60))
    #expect(!p.isLate(submittedOn: day("2026-11-26"), minute: 23 * 60 + 59))
    #expect(!p.isLate(submittedOn: day("2026-11-20"), minute: 20 * 60))  // early is fine
}

@Test func latenessIsJudgedAgainstTheMovedDueDay() {
    // 国庆 week: due Wednesday 09-30 17:00, not the nominal Friday 10-02.
    let p = ReportingCycle.weekly.period(containing: day("2026-10-02"), calendar: cal)
    #expect(!p.isLate(submittedOn: day("2026-09-30"), minute: 17 * 60))
    #expect(p.isLate(submittedOn: day("2026-09-30"), minute: 17 * 60 + 1))
    #expect(p.isLate(submittedOn: day("2026-10-01"), minute: 9 * 60))
    #expect(p.isLate(submittedOn: day("2026-10-02"), minute: 10 * 60))
}

@Test func dueInstantIsChinaTime() {
    let p = ReportingCycle.weekly.period(containing: day("2026-11-25"), calendar: cal)
    // 2026-11-27 17:00 +08:00 = 09:00 UTC = 1795770000 (Python: datetime(...).timestamp()).
    #expect(p.dueInstant == utc("2026-11-27T09:00:00Z"))
    #expect(p.dueInstant.timeIntervalSince1970 == 1_795_770_000)
    // Midnight hour: due 00:00 China time is 16:00 UTC the day before.
    let early = ReportingCycle(kind: .weekly, dueHour: 0).period(containing: day("2026-11-25"), calendar: cal)
    #expect(early.dueInstant == utc("2026-11-26T16:00:00Z"))
    #expect(Day.inChina(at: early.dueInstant) == day("2026-11-27"))
}

@Test func latenessOfAnInstant() {
    let p = ReportingCycle.weekly.period(containing: day("2026-11-25"), calendar: cal)
    #expect(!p.isLate(at: utc("2026-11-27T08:59:59Z")))   // 16:59:59 China time
    #expect(!p.isLate(at: utc("2026-11-27T09:00:00Z")))   // 17:00:00
    // 17:00:59 China time is still the minute 17:00, on time like isLate(submittedOn:minute: 1020).
    #expect(!p.isLate(at: utc("2026-11-27T09:00:59Z")))
    #expect(p.isLate(at: utc("2026-11-27T09:01:00Z")))    // 17:01:00
    #expect(p.isLate(at: utc("2026-11-27T16:30:00Z")))    // 00:30 on Saturday 11-28 China time
    // 23:30 UTC on Thursday 11-26 is 07:30 Friday in China: on time.
    #expect(!p.isLate(at: utc("2026-11-26T23:30:00Z")))
    // Instants and (day, minute) agree.
    for seconds in stride(from: -3600, through: 3600, by: 30) {
        let t = p.dueInstant.addingTimeInterval(TimeInterval(seconds))
        let chinaSeconds = Int(t.timeIntervalSince1970) + 8 * 3600
        let minuteOfDay = (chinaSeconds % 86400) / 60
        #expect(p.isLate(at: t) == p.isLate(submittedOn: Day.inChina(at: t), minute: minuteOfDay))
    }
}

@Test("哪些任务本期应交账：已开始、且不在本期之前完成")
func owesReport() {
    // The week 2026-W20: Monday 05-11 to Sunday 05-17.
    let week = ReportingPeriod(key: "2026-W20", start: Day(iso: "2026-05-11")!, end: Day(iso: "2026-05-17")!, due: Day(iso: "2026-05-15")!, dueHour: 17)
    func task(start: String, deadline: String = "2026-06-30", status: TaskItem.Status = .inProgress, doneOn: String? = nil) -> TaskItem {
        TaskItem(id: 1, planId: 1, workPointId: 1, seq: 1, kind: .task, title: "任务", ownerUnitId: 1,
                 coUnitIds: [], responsiblePerson: "", deliverable: "", acceptanceStandard: "", weight: 1,
                 plannedStart: Day(iso: start)!, deadline: Day(iso: deadline)!, durationDays: 20,
                 predecessorIds: [], percentDone: 0, status: status, doneOn: doneOn.flatMap(Day.init(iso:)))
    }
    #expect(task(start: "2026-05-17").owesReport(for: week), "starts on the period's last day")
    #expect(!task(start: "2026-05-18").owesReport(for: week), "starts after the period")
    #expect(task(start: "2026-03-02", status: .done, doneOn: "2026-05-11").owesReport(for: week), "finished within the period: reports it")
    #expect(!task(start: "2026-03-02", status: .done, doneOn: "2026-05-08").owesReport(for: week), "finished the week before")
    #expect(!task(start: "2026-03-02", deadline: "2026-05-10", status: .done).owesReport(for: week), "done with no day: counted as on its deadline, before the period")
    #expect(task(start: "2026-03-02", deadline: "2026-05-10").owesReport(for: week), "overdue and not done: still owes")
}
