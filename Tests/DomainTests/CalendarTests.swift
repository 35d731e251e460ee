import Foundation
import Testing
@testable import Domain

// Facts are taken from the notices' text (www.gov.cn) and worked out by hand, not read back from the
// generated data.

private func day(_ iso: String) -> Day { Day(iso: iso)! }
private let cal = WorkCalendar.official

// MARK: Official days

@Test func nationalDay2026IsAHoliday() {
    // 2026 notice: 10月1日至7日放假调休，共7天。9月20日（周日）、10月10日（周六）上班。
    #expect(cal.kind(of: day("2026-10-01")) == .holiday(name: "国庆节"))
    #expect(cal.kind(of: day("2026-10-07")) == .holiday(name: "国庆节"))
    #expect(cal.kind(of: day("2026-10-08")) == .workday)
    #expect(day("2026-10-10").weekday == 6)
    #expect(cal.kind(of: day("2026-10-10")) == .makeupWorkday(name: "国庆节"))
    #expect(cal.kind(of: day("2026-09-20")) == .makeupWorkday(name: "国庆节"))
    #expect(cal.isWorkday(day("2026-10-10")))
    #expect(!cal.isWorkday(day("2026-10-05")))
}

@Test func ordinaryDaysFollowTheWeekdayRule() {
    #expect(cal.kind(of: day("2026-03-10")) == .workday)   // Tuesday
    #expect(cal.kind(of: day("2026-03-14")) == .weekend)   // Saturday
    #expect(cal.kind(of: day("2026-03-14")).name == nil)
}

@Test func breakStartingInThePreviousYearBelongsToItsNotice() {
    // 2024 notice: 元旦 2023年12月30日至2024年1月1日放假，共3天 (与周末连休).
    #expect(cal.kind(of: day("2023-12-30")) == .holiday(name: "元旦"))
    #expect(cal.kind(of: day("2023-12-31")) == .holiday(name: "元旦"))
    #expect(cal.kind(of: day("2024-01-01")) == .holiday(name: "元旦"))
    // 2023 notice: 元旦 2022年12月31日至2023年1月2日.
    #expect(cal.kind(of: day("2022-12-31")) == .holiday(name: "元旦"))
    #expect(cal.kind(of: day("2023-01-02")) == .holiday(name: "元旦"))
}

@Test func cancelledMakeupWorkday2020IsARestDay() {
    // The original 2020 notice made Saturday 2020-02-01 a working day; the Spring Festival extension
    // (国务院办公厅关于延长2020年春节假期的通知) extended the break to 2020-02-02.
    #expect(!cal.isWorkday(day("2020-02-01")))
    #expect(cal.kind(of: day("2020-02-01")) == .holiday(name: "春节"))
    #expect(cal.kind(of: day("2020-02-02")) == .holiday(name: "春节"))
    #expect(cal.kind(of: day("2020-02-03")) == .workday)
    // The other make-up day of the break stayed: 1月19日（星期日）上班.
    #expect(cal.kind(of: day("2020-01-19")) == .makeupWorkday(name: "春节"))
    #expect(cal.notice(year: 2020)?.cancelledMakeupWorkdays == [day("2020-02-01")])
}

@Test func workingDaysOf2026() {
    // 2026 has 261 Monday–Fridays (52 weeks + Thursday 1 January). Holidays on Monday–Friday:
    // 元旦 1/1-1/2 (2), 春节 2/16-2/20 + 2/23 (6), 清明 4/6 (1), 劳动节 5/1, 5/4, 5/5 (3), 端午 6/19 (1),
    // 中秋 9/25 (1), 国庆 10/1-10/2 + 10/5-10/7 (5) = 19. Make-up Saturdays/Sundays: 1/4, 2/14, 2/28,
    // 5/9, 9/20, 10/10 = 6. 261 - 19 + 6 = 248.
    #expect(cal.workdays(from: day("2026-01-01"), to: day("2026-12-31")) == 248)
    // October 2026: 22 Monday–Fridays, 5 of them in the break, plus Saturday 10/10.
    #expect(cal.workdays(from: day("2026-10-01"), to: day("2026-10-31")) == 18)
    #expect(cal.workdays(from: day("2026-10-02"), to: day("2026-10-01")) == 0)
    #expect(cal.workdays(from: day("2026-10-08"), to: day("2026-10-08")) == 1)
    #expect(cal.workdays(from: day("2026-10-03"), to: day("2026-10-03")) == 0)
}

@Test func workdayCountsMatchALoopAcrossCoveredAndUncoveredYears() {
    // The O(1) prefix-sum arithmetic must agree with plain counting, also where the range leaves
    // the years with a notice (2019, 2027).
    let ranges = [("2019-12-20", "2020-02-10"), ("2026-12-01", "2027-02-15"), ("2018-05-05", "2018-05-05"),
                  ("2019-01-01", "2028-12-31"), ("2027-03-01", "2027-03-31"), ("2025-09-27", "2025-10-12")]
    for (a, b) in ranges {
        var n = 0
        var d = day(a)
        while d <= day(b) { if cal.isWorkday(d) { n += 1 }; d = d.adding(days: 1) }
        #expect(cal.workdays(from: day(a), to: day(b)) == n, "\(a)...\(b)")
    }
}

// MARK: Adding working days

@Test func addingWorkdaysAcrossNationalDay() {
    // The last working day before the break is Wednesday 9/30; the first after it is Thursday 10/8.
    #expect(cal.add(1, workdaysTo: day("2026-09-30")) == day("2026-10-08"))
    #expect(cal.add(1, workdaysTo: day("2026-10-03")) == day("2026-10-08"))
    #expect(cal.add(2, workdaysTo: day("2026-10-08")) == day("2026-10-10"))  // 10/9 Fri, 10/10 Sat (make-up)
    #expect(cal.add(3, workdaysTo: day("2026-10-08")) == day("2026-10-12"))  // 10/11 Sunday is off
    #expect(cal.add(0, workdaysTo: day("2026-10-03")) == day("2026-10-03"))
}

@Test func addingNegativeWorkdays() {
    #expect(cal.add(-1, workdaysTo: day("2026-10-08")) == day("2026-09-30"))
    #expect(cal.add(-1, workdaysTo: day("2026-10-05")) == day("2026-09-30"))
    #expect(cal.add(-2, workdaysTo: day("2026-10-12")) == day("2026-10-09"))  // 10/10 Sat worked, 10/9 Fri
    // Deadline Monday 2026-02-02: five working days back (2/2 itself not counted: 1/30, 1/29, 1/28, 1/27, 1/26) is Monday 1/26.
    #expect(cal.add(-5, workdaysTo: day("2026-02-02")) == day("2026-01-26"))
    // Across 春节 2026 (2/15-2/23 off, Saturday 2/14 and 2/28 worked).
    #expect(cal.add(-1, workdaysTo: day("2026-02-24")) == day("2026-02-14"))
    #expect(cal.add(1, workdaysTo: day("2026-02-13")) == day("2026-02-14"))
}

@Test func addIsTheInverseOfCounting() {
    let start = day("2026-09-15")
    for n in [1, 5, 10, 40, 120, 300] {
        let end = cal.add(n, workdaysTo: start)
        #expect(cal.isWorkday(end))
        #expect(cal.workdays(from: start.adding(days: 1), to: end) == n)
        #expect(cal.add(-n, workdaysTo: end) == start)   // start (a Tuesday) is itself a working day
    }
}

@Test func rollingToTheNearestWorkingDay() {
    #expect(cal.workday(onOrAfter: day("2026-10-01")) == day("2026-10-08"))
    #expect(cal.workday(onOrAfter: day("2026-10-09")) == day("2026-10-09"))
    #expect(cal.workday(onOrBefore: day("2026-10-04")) == day("2026-09-30"))
    #expect(cal.workday(onOrBefore: day("2026-10-11")) == day("2026-10-10"))
}

// MARK: Years without a notice

@Test func yearWithoutNoticeFallsBackToWeekends() {
    #expect(cal.hasOfficialData(year: 2026))
    #expect(cal.hasOfficialData(year: 2020))
    #expect(!cal.hasOfficialData(year: 2027))
    #expect(!cal.hasOfficialData(year: 2019))
    // 2027-02-08 (Monday) is 正月初二, a statutory day, but without the notice it is an ordinary workday.
    #expect(cal.kind(of: day("2027-02-08")) == .workday)
    #expect(cal.kind(of: day("2027-10-01")) == .workday)   // Friday
    #expect(cal.kind(of: day("2027-10-02")) == .weekend)
    // 2027 starts on a Friday and is not a leap year: 52 weeks + Friday = 261 Monday–Fridays.
    #expect(cal.workdays(from: day("2027-01-01"), to: day("2027-12-31")) == 261)
    #expect(cal.add(1, workdaysTo: day("2027-01-01")) == day("2027-01-04"))
    #expect(cal.add(-1, workdaysTo: day("2019-01-01")) == day("2018-12-31"))
}

@Test func missingYearsNamesTheFallbackYears() {
    #expect(cal.missingYears(from: day("2026-06-01"), to: day("2027-03-01")) == [2027])
    #expect(cal.missingYears(from: day("2018-06-01"), to: day("2021-03-01")) == [2018, 2019])
    #expect(cal.missingYears(from: day("2020-01-01"), to: day("2026-12-31")) == [])
    #expect(cal.missingYears(from: day("2027-01-01"), to: day("2026-01-01")) == [])
}

// MARK: Loaded notices and zone overrides

private let notice2027JSON = """
{"year": 2027, "title": "国务院办公厅关于2027年部分节假日安排的通知", "doc_no": "国办发明电〔2026〕99号",
 "issued": "2026-11-05",
 "holidays": [
  {"name": "元旦", "dates": ["2027-01-01", "2027-01-02", "2027-01-03"], "makeup_workdays": []},
  {"name": "春节", "dates": ["2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08", "2027-02-09",
                             "2027-02-10", "2027-02-11", "2027-02-12"], "makeup_workdays": ["2027-02-13"]}
 ]}
"""

private func notice(_ json: String) throws -> HolidayNotice {
    try HolidayNotice.fromJSON(Data(json.utf8))
}

/// The validation error a notice file produces (nil when it loads).
private func error(_ json: String) -> ValidationError? {
    do { _ = try notice(json); return nil } catch let e as ValidationError { return e } catch { return nil }
}

@Test func loadingANoticeFromJSON() throws {
    let n = try notice(notice2027JSON)
    #expect(n.year == 2027)
    #expect(n.docNo == "国办发明电〔2026〕99号")
    #expect(n.issued == day("2026-11-05"))
    #expect(n.url == nil)
    #expect(n.holidays.map(\.name) == ["元旦", "春节"])
    #expect(n.holidays[1].dates.count == 8)
    #expect(n.holidays[1].makeupWorkdays == [day("2027-02-13")])
    #expect(n.cancelledMakeupWorkdays.isEmpty)

    // Written back in the same snake_case shape, and read again unchanged.
    let text = String(decoding: try n.jsonData(), as: UTF8.self)
    #expect(text.contains("\"doc_no\""))
    #expect(text.contains("\"makeup_workdays\""))
    #expect(text.contains("\"2027-02-13\""))
    #expect(try HolidayNotice.fromJSON(n.jsonData()) == n)
}

@Test func loadedNoticeExtendsTheCalendar() throws {
    let c = WorkCalendar(extraNotices: [try notice(notice2027JSON)])
    #expect(c.hasOfficialData(year: 2027))
    #expect(c.hasOfficialData(year: 2026))
    #expect(c.missingYears(from: day("2026-01-01"), to: day("2027-12-31")) == [])
    #expect(c.kind(of: day("2027-02-08")) == .holiday(name: "春节"))
    #expect(c.kind(of: day("2027-02-13")) == .makeupWorkday(name: "春节"))
    #expect(c.add(1, workdaysTo: day("2027-02-04")) == day("2027-02-13"))
    // Without a make-up day February 2027 would have 20 Monday–Fridays; 6 fall in the break, 1 is added.
    #expect(c.workdays(from: day("2027-02-01"), to: day("2027-02-28")) == 15)
    // The shipped years are unchanged.
    #expect(c.kind(of: day("2026-10-10")) == .makeupWorkday(name: "国庆节"))
}

@Test func loadedNoticeReplacesTheShippedOneOfTheSameYear() {
    let correction = HolidayNotice(year: 2026, title: "更正", docNo: "测试〔2026〕1号", issued: day("2026-01-05"),
                                   holidays: [.init(name: "国庆节", dates: [day("2026-10-01")])])
    let c = WorkCalendar(extraNotices: [correction])
    #expect(c.kind(of: day("2026-10-02")) == .workday)
    #expect(c.kind(of: day("2026-10-10")) == .weekend)
    #expect(c.kind(of: day("2025-10-01")) == .holiday(name: "国庆节、中秋节"))
}

@Test func zoneOverridesWinOverTheNationalCalendar() {
    let c = WorkCalendar(extraNotices: [], overrides: [
        .rest(day("2026-06-08"), name: "区庆"),              // a Monday
        .work(day("2026-10-03"), name: "防汛值守"),          // a Saturday inside 国庆节
        .rest(day("2028-03-06"), name: "区庆"),              // a year without any notice
    ])
    #expect(c.kind(of: day("2026-06-08")) == .holiday(name: "区庆"))
    #expect(c.kind(of: day("2026-10-03")) == .makeupWorkday(name: "防汛值守"))
    #expect(c.overrides[day("2026-06-08")]?.kind == .rest)
    #expect(c.workdays(from: day("2026-06-08"), to: day("2026-06-12")) == 4)
    #expect(c.add(1, workdaysTo: day("2026-09-30")) == day("2026-10-03"))
    #expect(c.kind(of: day("2028-03-06")) == .holiday(name: "区庆"))
    #expect(c.workdays(from: day("2028-03-06"), to: day("2028-03-10")) == 4)
    #expect(!c.hasOfficialData(year: 2028))
    // The official calendar is untouched.
    #expect(cal.kind(of: day("2026-06-08")) == .workday)
}

@Test func zoneOverrideTravelsAsISODate() throws {
    let o = ZoneOverride.work(day("2026-10-03"), name: "防汛值守")
    let text = String(decoding: try JSONEncoder().encode(o), as: UTF8.self)
    #expect(text.contains("\"2026-10-03\""))
    #expect(try JSONDecoder().decode(ZoneOverride.self, from: Data(text.utf8)) == o)
}

// MARK: Validation

@Test func shippedNoticesAreValid() {
    for n in cal.notices {
        #expect(n.validationErrors().isEmpty, "\(n.year)")
    }
    #expect(cal.notices.map(\.year) == Array(2020...2026))
}

@Test func rejectsAnImpossibleDate() {
    let e = error(notice2027JSON.replacingOccurrences(of: "\"2027-02-09\"", with: "\"2027-02-30\""))
    #expect(e?.field == "holidays[1].dates[4]")
    #expect(e?.message.contains("2027-02-30") == true)
    #expect(error(notice2027JSON.replacingOccurrences(of: "\"2026-11-05\"", with: "\"2026/11/05\""))?.field == "issued")
}

@Test func rejectsAMakeupWorkdayThatIsNotAWeekendDay() {
    // 2027-02-15 is a Monday.
    let e = error(notice2027JSON.replacingOccurrences(of: "\"2027-02-13\"", with: "\"2027-02-15\""))
    #expect(e?.field == "holidays[1].makeup_workdays[0]")
    #expect(e?.message.contains("星期一") == true)
}

@Test func rejectsAGapInABreak() {
    let e = error(notice2027JSON.replacingOccurrences(of: "\"2027-01-02\", ", with: ""))
    #expect(e?.field == "holidays[0].dates[1]")
    #expect(e?.message.contains("连续") == true)
}

@Test func rejectsADuplicateDate() {
    // The make-up Saturday is also listed as a rest day of 元旦's list.
    let json = notice2027JSON.replacingOccurrences(
        of: "\"makeup_workdays\": [\"2027-02-13\"]", with: "\"makeup_workdays\": [\"2027-01-02\"]")
    let e = error(json)
    #expect(e?.field == "holidays[1].makeup_workdays[0]")
    #expect(e?.message.contains("重复") == true)
    let twice = HolidayNotice(year: 2027, title: "t", docNo: "d", issued: day("2026-11-01"), holidays: [
        .init(name: "元旦", dates: [day("2027-01-01")]),
        .init(name: "元旦", dates: [day("2027-01-01")]),
    ])
    #expect(twice.validationErrors().map(\.field) == ["holidays[1].dates[0]"])
}

@Test func rejectsDatesOutsideTheNoticeYearAndMissingFields() {
    let n = HolidayNotice(year: 2027, title: " ", docNo: "", issued: day("2026-11-01"), holidays: [
        .init(name: "元旦", dates: [day("2026-12-31"), day("2027-01-01")]),   // previous December: allowed
        .init(name: "", dates: [day("2028-01-01")]),
    ])
    #expect(n.validationErrors().map(\.field) == ["title", "doc_no", "holidays[1].name", "holidays[1].dates[0]"])
    #expect(error(#"{"year": 2027, "title": "t", "issued": "2026-11-05", "holidays": []}"#)?.field == "doc_no")
    #expect(error(#"{"year": 2027, "title": "t", "doc_no": "d", "issued": "2026-11-05", "holidays": []}"#)?.field == "holidays")
    #expect(error("not json")?.field == "json")
}
