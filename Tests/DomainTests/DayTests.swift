import Foundation
import Testing
@testable import Domain

// Expected values worked out by hand and cross-checked with Python's datetime, not read back from Day.

@Suite("Day 日期")
struct DayTests {
    @Test("严格解析 YYYY-MM-DD：拒绝不存在的日期和不补零的写法")
    func parsingRejectsBadDates() {
        #expect(Day(iso: "2026-02-30") == nil)   // February has no 30th
        #expect(Day(iso: "2026-2-3") == nil)     // not zero-padded
        #expect(Day(iso: "2023-02-29") == nil)   // 2023 is not a leap year
        #expect(Day(iso: "1900-02-29") == nil)   // century not divisible by 400
        #expect(Day(iso: "2026-13-01") == nil)
        #expect(Day(iso: "2026-04-31") == nil)
        #expect(Day(iso: "2026-00-10") == nil)
        #expect(Day(iso: "2026/10/01") == nil)
        #expect(Day(iso: "") == nil)
        #expect(Day(iso: "2026-10-01T00:00") == nil)
    }

    @Test("严格解析与 Foundation 的公历判断一致：随机的好日期、坏日期和杂乱字符串")
    func parsingAgreesWithFoundation() {
        var gregorian = Calendar(identifier: .gregorian)
        gregorian.timeZone = TimeZone(identifier: "UTC")!
        // Independent rule: ten characters, four digits, "-", two digits, "-", two digits, a real date, 1900...2999.
        func expected(_ s: String) -> (Int, Int, Int)? {
            let c = Array(s.unicodeScalars)
            guard c.count == 10, c[4] == "-", c[7] == "-",
                  [0, 1, 2, 3, 5, 6, 8, 9].allSatisfy({ ("0"..."9").contains(c[$0]) }) else { return nil }
            let y = Int(String(String.UnicodeScalarView(c[0..<4])))!, m = Int(String(String.UnicodeScalarView(c[5..<7])))!
            let d = Int(String(String.UnicodeScalarView(c[8..<10])))!
            guard (1900...2999).contains(y),
                  let date = gregorian.date(from: DateComponents(year: y, month: m, day: d)),
                  gregorian.dateComponents([.year, .month, .day], from: date) == DateComponents(year: y, month: m, day: d) else { return nil }
            return (y, m, d)
        }
        var rng = SystemRandomNumberGenerator()
        let alphabet: [Character] = Array("0123456789-0123456789-+ /年月日０")
        var samples: [String] = ["2026-02-28", "2024-02-29", "2026-12-31", "1900-01-01", "2999-12-31", "1899-12-31", "3000-01-01",
                                 "2026-1-010", "20260-1-01", "２026-01-01", "2026-01-01\u{0}"]
        for _ in 0..<3_000 {
            let y = Int.random(in: 1890...3010, using: &rng), m = Int.random(in: 0...13, using: &rng), d = Int.random(in: 0...32, using: &rng)
            samples.append(String(format: "%04d-%02d-%02d", y, m, d))
            samples.append(String((0..<Int.random(in: 8...11, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }))
        }
        for s in samples {
            let day = Day(iso: s)
            let want = expected(s)
            #expect((day.map { [$0.year, $0.month, $0.day] }) == (want.map { [$0.0, $0.1, $0.2] }), "\(s)")
            if let day { #expect(day.iso == s) }
        }
    }

    @Test("严格解析：月、日字段不接受正号")
    func parsingRejectsSignedFields() {
        // "Parses strict ISO YYYY-MM-DD": a sign is not a digit.
        #expect(Day(iso: "2026-+2-03") == nil)
        #expect(Day(iso: "2026-02-+3") == nil)
    }

    @Test("闰年2月29日可以解析，字段正确")
    func parsingAcceptsLeapDay() throws {
        let d = try #require(Day(iso: "2024-02-29"))
        #expect(d.year == 2024 && d.month == 2 && d.day == 29)
        #expect(d.iso == "2024-02-29")
        #expect(Day(iso: "2000-02-29") != nil)   // divisible by 400
        #expect(Day(iso: "2026-12-31")?.iso == "2026-12-31")
    }

    @Test("年份超出1900至2999不成立")
    func yearRange() {
        #expect(Day(year: 1899, month: 12, day: 31) == nil)
        #expect(Day(year: 3000, month: 1, day: 1) == nil)
        #expect(Day(year: 1900, month: 1, day: 1) != nil)
        #expect(Day(year: 2999, month: 12, day: 31) != nil)
    }

    @Test("序号：已知日期的距1970-01-01天数")
    func knownOrdinals() throws {
        // Python: (date(y,m,d) - date(1970,1,1)).days
        #expect(try #require(Day(iso: "1970-01-01")).ordinal == 0)
        #expect(try #require(Day(iso: "2026-10-01")).ordinal == 20727)
        #expect(try #require(Day(iso: "1900-01-01")).ordinal == -25567)
        #expect(try #require(Day(iso: "2999-12-31")).ordinal == 376199)
        #expect(Day(ordinal: 20727).iso == "2026-10-01")
    }

    @Test("序号往返：1900年至2999年每一天都连续且能还原")
    func ordinalRoundTrip() throws {
        // Walk day by day with an independent successor rule and compare.
        func leap(_ y: Int) -> Bool { y % 400 == 0 || (y % 4 == 0 && y % 100 != 0) }
        func length(_ m: Int, _ y: Int) -> Int {
            [31, leap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
        }
        var (y, m, d) = (1900, 1, 1)
        var o = -25567
        var mismatches = 0
        while y < 3000 {
            let day = Day(ordinal: o)
            if day.year != y || day.month != m || day.day != d || day.ordinal != o { mismatches += 1 }
            d += 1
            if d > length(m, y) { d = 1; m += 1 }
            if m > 12 { m = 1; y += 1 }
            o += 1
        }
        #expect(mismatches == 0)
        #expect(o == 376200)   // one past 2999-12-31
    }

    @Test("星期：2026-10-01是星期四，2000-01-01是星期六")
    func weekdays() throws {
        #expect(try #require(Day(iso: "2026-10-01")).weekday == 4)
        #expect(try #require(Day(iso: "2000-01-01")).weekday == 6)
        #expect(try #require(Day(iso: "1970-01-01")).weekday == 4)
        #expect(try #require(Day(iso: "2026-09-20")).weekday == 7)   // Sunday (调休上班)
        #expect(try #require(Day(iso: "1900-01-01")).weekday == 1)   // Monday
        #expect(try #require(Day(iso: "2026-10-10")).isWeekend)
        #expect(try !#require(Day(iso: "2026-10-09")).isWeekend)
    }

    @Test("日期加减与相隔天数")
    func arithmetic() throws {
        let d = try #require(Day(iso: "2024-02-28"))
        #expect(d.adding(days: 1).iso == "2024-02-29")
        #expect(d.adding(days: 2).iso == "2024-03-01")
        #expect(d.adding(days: -59).iso == "2023-12-31")
        #expect(d.days(to: try #require(Day(iso: "2025-02-28"))) == 366)
        #expect(try #require(Day(iso: "2026-10-01")) < #require(Day(iso: "2026-10-02")))
        #expect(try #require(Day(iso: "2025-12-31")) < #require(Day(iso: "2026-01-01")))
    }

    @Test("北京时间的今天：UTC 2026-11-26T16:30Z 是2026-11-27")
    func chinaToday() {
        // 1795710600 = 2026-11-26T16:30:00Z (Python datetime.timestamp)
        #expect(Day.inChina(at: Date(timeIntervalSince1970: 1_795_710_600)).iso == "2026-11-27")
        // 2026-11-26T15:59:59Z is still 23:59:59 on the 26th in Beijing.
        #expect(Day.inChina(at: Date(timeIntervalSince1970: 1_795_708_799)).iso == "2026-11-26")
        #expect(Day.inChina(at: Date(timeIntervalSince1970: 1_795_708_800)).iso == "2026-11-27")
    }

    private struct Box: Codable { var d: Day }

    @Test("JSON 编码为 \"YYYY-MM-DD\" 字符串，错误字符串解码失败")
    func json() throws {
        let data = try JSONEncoder().encode(Box(d: try #require(Day(iso: "2026-03-05"))))
        #expect(String(decoding: data, as: UTF8.self) == #"{"d":"2026-03-05"}"#)
        let back = try JSONDecoder().decode(Box.self, from: Data(#"{"d":"2024-02-29"}"#.utf8))
        #expect(back.d == Day(year: 2024, month: 2, day: 29))
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(Box.self, from: Data(#"{"d":"2026-02-30"}"#.utf8))
        }
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(Box.self, from: Data(#"{"d":"2026-3-5"}"#.utf8))
        }
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(Box.self, from: Data(#"{"d":20260305}"#.utf8))
        }
    }
}
