import Foundation
import Testing
@testable import Domain

// Property-based tests of the holiday notice JSON (`HolidayNotice`: decoding, `validationErrors()`, `fromJSON`), the
// file an administrator uploads for a year the product does not ship. Valid notices (the shipped ones and a 2027
// one) are mutated at two levels: as values (dates shifted, swapped, moved between rest and make-up lists,
// duplicated, dropped; year, title, names blanked …) and as bytes of their JSON (flips, deletions, duplications,
// truncations, inserted fragments, two string literals swapped). Every case has its own SplitMix64 seed, named in
// any failure with the JSON that failed.

// SplitMix64 and PropertyLog: Support/PropertyTesting.swift.

/// Bytes as text for a failure message (invalid UTF-8 shown as U+FFFD), cut if long.
private func jsonText(_ data: Data, limit: Int = 1_500) -> String {
    let text = String(decoding: data.prefix(limit), as: UTF8.self)
    return String(reflecting: text) + (data.count > limit ? " …(\(data.count) bytes in all)" : "")
}

// MARK: - Mutations

private enum NoticeFuzz {
    /// The 2027 notice of CalendarTests (a year not shipped), plus every shipped notice.
    static let notice2027 = HolidayNotice(
        year: 2027, title: "国务院办公厅关于2027年部分节假日安排的通知", docNo: "国办发明电〔2026〕99号",
        issued: Day(iso: "2026-11-05")!,
        holidays: [.init("元旦", first: "2027-01-01", days: 3, makeup: []),
                   .init("春节", first: "2027-02-05", days: 8, makeup: ["2027-02-13"])])
    static let seeds: [HolidayNotice] = HolidayNotice.shipped + [notice2027]

    /// Where a date of a notice sits.
    enum Slot { case rest(Int, Int), makeup(Int, Int), cancelled(Int) }

    static func slots(_ n: HolidayNotice) -> [Slot] {
        var out: [Slot] = []
        for (i, h) in n.holidays.enumerated() {
            out += h.dates.indices.map { Slot.rest(i, $0) }
            out += h.makeupWorkdays.indices.map { Slot.makeup(i, $0) }
        }
        out += n.cancelledMakeupWorkdays.indices.map { Slot.cancelled($0) }
        return out
    }

    static func get(_ n: HolidayNotice, _ s: Slot) -> Day {
        switch s {
        case .rest(let i, let j): return n.holidays[i].dates[j]
        case .makeup(let i, let j): return n.holidays[i].makeupWorkdays[j]
        case .cancelled(let k): return n.cancelledMakeupWorkdays[k]
        }
    }

    static func set(_ n: inout HolidayNotice, _ s: Slot, _ d: Day) {
        switch s {
        case .rest(let i, let j): n.holidays[i].dates[j] = d
        case .makeup(let i, let j): n.holidays[i].makeupWorkdays[j] = d
        case .cancelled(let k): n.cancelledMakeupWorkdays[k] = d
        }
    }

    static func randomDay(_ g: SplitMix64, year: Int) -> Day {
        let y = (1901...2999).contains(year) ? year : 2027
        let start = Day.firstOfYear(y).adding(days: -31)   // the previous December too
        return start.adding(days: g.int(0...395))
    }

    static let blanks = ["", " ", "\u{3000}", "\n\t", "x", "  \r\n"]

    /// One value-level change of the notice.
    static func mutate(_ n: inout HolidayNotice, _ g: SplitMix64) {
        let all = slots(n)
        switch g.below(17) {
        case 0:   // shift one date
            if !all.isEmpty {
                let s = g.pick(all)
                let moved = get(n, s).adding(days: g.pick([-1, 1, 2, -2, 7, -7, 31, -31, 365, -365, 366]))
                set(&n, s, moved)
            }
        case 1:   // swap two dates
            if all.count >= 2 {
                let a = g.pick(all), b = g.pick(all)
                let da = get(n, a), db = get(n, b)
                set(&n, a, db); set(&n, b, da)
            }
        case 2:   // copy a date into a make-up list (a day both rest and worked)
            if !all.isEmpty, !n.holidays.isEmpty {
                let d = get(n, g.pick(all))
                let i = g.below(n.holidays.count)
                let at = g.int(0...n.holidays[i].makeupWorkdays.count)
                n.holidays[i].makeupWorkdays.insert(d, at: at)
            }
        case 3:   // copy a date into a rest list
            if !all.isEmpty, !n.holidays.isEmpty {
                let d = get(n, g.pick(all))
                let i = g.below(n.holidays.count)
                let at = g.int(0...n.holidays[i].dates.count)
                n.holidays[i].dates.insert(d, at: at)
            }
        case 4:   // drop a rest day (a gap, or an empty break)
            if !n.holidays.isEmpty {
                let i = g.below(n.holidays.count)
                if !n.holidays[i].dates.isEmpty {
                    let j = g.below(n.holidays[i].dates.count)
                    n.holidays[i].dates.remove(at: j)
                }
            }
        case 5:   // rest days out of order
            if !n.holidays.isEmpty {
                let i = g.below(n.holidays.count)
                n.holidays[i].dates.reverse()
            }
        case 6:
            n.year = g.pick([n.year &- 1, n.year &+ 1, 1900, 1901, 2999, 3000, 0, -1, Int.max, Int.min, g.int(1800...3100)])
        case 7: n.title = g.pick(blanks)
        case 8: n.docNo = g.pick(blanks)
        case 9:
            if !n.holidays.isEmpty {
                let i = g.below(n.holidays.count)
                n.holidays[i].name = g.pick(blanks)
            }
        case 10:
            switch g.below(3) {
            case 0: n.holidays = []
            case 1:
                if !n.holidays.isEmpty {
                    let i = g.below(n.holidays.count)
                    n.holidays.remove(at: i)
                }
            default:
                if !n.holidays.isEmpty {
                    let i = g.below(n.holidays.count)
                    n.holidays[i].dates = []
                }
            }
        case 11:   // a cancelled make-up day: random, a make-up day, or a rest day
            let makeups = n.holidays.flatMap(\.makeupWorkdays), rests = n.holidays.flatMap(\.dates)
            switch g.below(3) {
            case 0:
                let d = randomDay(g, year: n.year)
                n.cancelledMakeupWorkdays.append(d)
            case 1: if !makeups.isEmpty { n.cancelledMakeupWorkdays.append(g.pick(makeups)) }
            default: if !rests.isEmpty { n.cancelledMakeupWorkdays.append(g.pick(rests)) }
            }
        case 12:   // a make-up day moved, perhaps onto a weekday
            if !n.holidays.isEmpty {
                let i = g.below(n.holidays.count)
                if !n.holidays[i].makeupWorkdays.isEmpty {
                    let k = g.below(n.holidays[i].makeupWorkdays.count)
                    n.holidays[i].makeupWorkdays[k] = n.holidays[i].makeupWorkdays[k].adding(days: g.int(-6...6))
                } else {
                    let d = randomDay(g, year: n.year)
                    n.holidays[i].makeupWorkdays.append(d)
                }
            }
        case 13:
            n.issued = randomDay(g, year: n.year)
            n.url = g.pick([nil, "", "https://www.gov.cn/x?y=\"z\"", "\u{0}"])
        case 14:   // a new break: consecutive days somewhere in the year (or the previous December)
            let first = randomDay(g, year: n.year)
            let year = n.year
            let makeups = (0..<g.int(0...2)).map { _ in randomDay(g, year: year) }
            let holiday = HolidayNotice.Holiday(name: g.pick(["新节", "元旦", "国庆节、中秋节", "“特别”假期\\"]),
                                                dates: (0..<g.int(1...10)).map { first.adding(days: $0) }, makeupWorkdays: makeups)
            let at = g.int(0...n.holidays.count)
            n.holidays.insert(holiday, at: at)
        case 15:   // a break listed twice
            if !n.holidays.isEmpty {
                let copy = g.pick(n.holidays)
                n.holidays.append(copy)
            }
        default:   // the whole notice moved by a year (valid only if everything moved)
            n.year = n.year &+ 1
            for i in n.holidays.indices {
                n.holidays[i].dates = n.holidays[i].dates.map { $0.adding(days: 364) }
                n.holidays[i].makeupWorkdays = n.holidays[i].makeupWorkdays.map { $0.adding(days: 364) }
            }
        }
    }

    static let fragments = ["null", "[]", "{}", "\"2027-02-30\"", "\"2027-2-3\"", "\"0000-00-00\"", "-1", "1e999",
                            "99999999999999999999", "\"\\u0000\"", "\"\\ud800\"", ",", "]", "}", "[", "{", "\"year\": 2027,",
                            "true", "\"\"", "\"makeup_workdays\": [\"2027-01-02\"]", "\"holidays\": []", "\u{FEFF}",
                            "\"cancelled_makeup_workdays\": [\"2027-02-13\"],", "\\", "\"", "\u{0}", "1.5", "\"２０２７-01-01\""]

    /// Ranges of the JSON string literals in `bytes`, quotes included.
    static func stringLiterals(_ bytes: [UInt8]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "\"") {
                var j = i + 1
                while j < bytes.count, bytes[j] != UInt8(ascii: "\"") { j += bytes[j] == UInt8(ascii: "\\") ? 2 : 1 }
                if j >= bytes.count { break }
                out.append(i..<j + 1)
                i = j + 1
            } else {
                i += 1
            }
        }
        return out
    }

    /// One byte-level change of the JSON.
    static func mutate(_ bytes: inout [UInt8], _ g: SplitMix64) {
        guard !bytes.isEmpty else { bytes = Array(g.pick(fragments).utf8); return }
        let at = g.below(bytes.count)
        switch g.below(7) {
        case 0:   // flip
            let old = bytes[at]
            bytes[at] = g.chance(0.5) ? old ^ UInt8(1 << g.below(8)) : UInt8(truncatingIfNeeded: g.next())
        case 1:   // delete a few
            let end = min(bytes.count, at + g.int(1...12))
            bytes.removeSubrange(at..<end)
        case 2:   // duplicate a range
            let end = min(bytes.count, at + g.int(1...40))
            let copy = Array(bytes[at..<end]), to = g.int(0...bytes.count)
            bytes.insert(contentsOf: copy, at: to)
        case 3:   // truncate
            bytes.removeSubrange(at..<bytes.count)
        case 4:   // insert a fragment
            let fragment = Array(g.pick(fragments).utf8), to = g.int(0...bytes.count)
            bytes.insert(contentsOf: fragment, at: to)
        case 5:   // swap two string literals (keys or values)
            let literals = stringLiterals(bytes)
            guard literals.count >= 2 else { return }
            var a = g.pick(literals), b = g.pick(literals)
            if a.lowerBound > b.lowerBound { swap(&a, &b) }
            guard a.upperBound <= b.lowerBound else { return }
            let first = Array(bytes[a]), second = Array(bytes[b])
            bytes.replaceSubrange(b, with: first)
            bytes.replaceSubrange(a, with: second)
        default:  // a digit changed (dates and the year)
            let digits = bytes.indices.filter { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[$0]) }
            if let d = digits.isEmpty ? nil : g.pick(digits) { bytes[d] = UInt8(ascii: "0") + UInt8(g.below(10)) }
        }
    }

    /// A case: a seed notice, 0–3 value-level changes, its JSON, then (often) 1–4 byte-level changes.
    static func input(_ g: SplitMix64) -> Data {
        var notice = g.pick(seeds)
        for _ in 0..<g.pick([0, 1, 1, 2, 3]) { mutate(&notice, g) }
        var bytes = Array((try? notice.jsonData()) ?? Data())
        if g.chance(0.45) {
            for _ in 0..<g.int(1...4) { mutate(&bytes, g) }
        }
        return Data(bytes)
    }

    // MARK: the rules, written independently

    /// The rules `validationErrors()` documents, as one yes/no: a year in 1901...2999 with at least one break;
    /// non-blank title, 文号 and names; each break's rest days non-empty, consecutive and in order; make-up days on
    /// Saturday or Sunday; no date listed twice among rest and make-up days; those dates in the notice year or the
    /// previous December; cancelled make-up days on a weekend and not still listed as make-up days.
    static func isValid(_ n: HolidayNotice) -> Bool {
        guard (1901...2999).contains(n.year) else { return false }
        func blank(_ s: String) -> Bool { s.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        func inWindow(_ d: Day) -> Bool { d.year == n.year || (d.year == n.year - 1 && d.month == 12) }
        if blank(n.title) || blank(n.docNo) || n.holidays.isEmpty { return false }
        var seen = Set<Day>(), makeups = Set<Day>()
        for h in n.holidays {
            if blank(h.name) || h.dates.isEmpty { return false }
            for (j, d) in h.dates.enumerated() {
                if !seen.insert(d).inserted || !inWindow(d) { return false }
                if j > 0, d != h.dates[j - 1].adding(days: 1) { return false }
            }
            for d in h.makeupWorkdays {
                if !seen.insert(d).inserted || !inWindow(d) || !d.isWeekend { return false }
                makeups.insert(d)
            }
        }
        for d in n.cancelledMakeupWorkdays where makeups.contains(d) || !d.isWeekend { return false }
        return true
    }
}

// MARK: - Properties

@Suite struct NoticeFuzzTests {

    /// What a notice that passed validation guarantees, checked one by one (so a failure says which).
    private static func checkAccepted(_ n: HolidayNotice, _ log: PropertyLog, _ context: String) {
        log.check((1901...2999).contains(n.year), "year \(n.year); \(context)")
        log.check(!n.holidays.isEmpty, "no holiday; \(context)")
        var rest: [Day: String] = [:], worked: [Day: String] = [:]
        for h in n.holidays {
            log.check(!h.name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty && !h.dates.isEmpty, "break \(String(reflecting: h.name)) is blank or empty; \(context)")
            for (j, d) in h.dates.enumerated() {
                log.check(d.year == n.year || (d.year == n.year - 1 && d.month == 12), "rest day \(d) outside \(n.year); \(context)")
                log.check(j == 0 || d == h.dates[j - 1].adding(days: 1), "rest days of \(h.name) not consecutive at \(d); \(context)")
                log.check(rest[d] == nil, "\(d) is a rest day twice; \(context)")
                rest[d] = h.name
            }
            for d in h.makeupWorkdays {
                log.check(d.year == n.year || (d.year == n.year - 1 && d.month == 12), "make-up day \(d) outside \(n.year); \(context)")
                log.check(d.isWeekend, "make-up day \(d) is not a weekend day; \(context)")
                log.check(worked[d] == nil, "\(d) is a make-up day twice; \(context)")
                worked[d] = h.name
            }
        }
        for d in rest.keys { log.check(worked[d] == nil, "\(d) is both a holiday and a make-up working day; \(context)") }
        for d in n.cancelledMakeupWorkdays {
            log.check(d.isWeekend && worked[d] == nil, "cancelled make-up day \(d) is a weekday or still worked; \(context)")
        }
        // Written back and read again unchanged.
        do {
            let again = try HolidayNotice.fromJSON(n.jsonData())
            log.check(again == n, "jsonData() reads back different; \(context)")
        } catch {
            log.fail("jsonData() does not read back: \(error); \(context)")
        }
        // And the calendar built from it says what the notice says.
        let calendar = WorkCalendar(notices: [n])
        log.check(calendar.hasOfficialData(year: n.year), "calendar lacks \(n.year); \(context)")
        for h in n.holidays {
            for d in h.dates {
                log.check(calendar.kind(of: d) == .holiday(name: h.name) && !calendar.isWorkday(d), "\(d) is \(calendar.kind(of: d)) in the calendar; \(context)")
            }
            for d in h.makeupWorkdays {
                log.check(calendar.kind(of: d) == .makeupWorkday(name: h.name) && calendar.isWorkday(d), "\(d) is \(calendar.kind(of: d)) in the calendar; \(context)")
            }
        }
    }

    /// 2: 2,000 mutated notice files. `fromJSON` returns a notice or throws a `ValidationError` (never anything
    /// else, never a crash); what it returns keeps every rule (days inside the year or the previous December, no
    /// day both a holiday and a make-up working day, make-up days on weekends, breaks consecutive, …), reads back
    /// from its own JSON, and builds a calendar that agrees with it. Where the file decodes, `validationErrors()`
    /// is empty exactly when the rules (written independently above) hold, and `validate()` throws its first error.
    @Test(.timeLimit(.minutes(2))) func mutatedNoticeFilesDecodeAndValidateConsistently() {
        let log = PropertyLog("notice JSON")
        var accepted = 0, decoded = 0
        for i in 0..<2_000 {
            let seed = SplitMix64.caseSeed(0x4E07_1CE5, i)
            let data = NoticeFuzz.input(SplitMix64(seed: seed))
            let context = "seed \(seed), JSON \(jsonText(data))"

            // The administrator's path: decode and validate, ValidationError only.
            do {
                let notice = try HolidayNotice.fromJSON(data)
                accepted += 1
                Self.checkAccepted(notice, log, context)
            } catch let e as ValidationError {
                log.check(!e.field.isEmpty && !e.message.isEmpty, "empty field or message in \(e); \(context)")
            } catch {
                log.fail("threw \(type(of: error)) \(error), not ValidationError; \(context)")
            }

            // Decoding alone, then the rules.
            guard let notice = try? JSONInput.decode(HolidayNotice.self, from: data) else { continue }
            decoded += 1
            let errors = notice.validationErrors()
            let valid = NoticeFuzz.isValid(notice)
            log.check(errors.isEmpty == valid,
                      "validationErrors() \(errors.map { "\($0.field): \($0.message)" }) but the documented rules say \(valid ? "valid" : "invalid"); \(context)")
            log.check(errors.allSatisfy { !$0.field.isEmpty && !$0.message.isEmpty }, "an error without field or message; \(context)")
            do {
                try notice.validate()
                log.check(errors.isEmpty, "validate() passed with errors \(errors.map(\.message)); \(context)")
            } catch let e as ValidationError {
                log.check(e == errors.first, "validate() threw \(e), not the first of validationErrors(); \(context)")
            } catch {
                log.fail("validate() threw \(type(of: error)); \(context)")
            }
        }
        // The generator must reach both sides, or the property proves little.
        #expect(accepted > 50, "only \(accepted) of 2000 mutated notices were accepted")
        #expect(decoded - accepted > 150, "only \(decoded - accepted) decoded notices broke a rule")
        log.finish()
    }

    /// Arbitrary bytes (500 cases: random, JSON-ish, and invalid UTF-8) are refused with a `ValidationError`.
    @Test func byteSoupIsRefusedWithAValidationError() {
        let log = PropertyLog("byte soup")
        let alphabet = Array("{}[]\",:0123456789-. \n\\eEtrufalsn".utf8) + [0x00, 0xFF, 0xC3, 0xE4, 0xB8, 0x80]
        for i in 0..<500 {
            let seed = SplitMix64.caseSeed(0x50_0B, i)
            let g = SplitMix64(seed: seed)
            let bytes: [UInt8] = (0..<g.int(0...200)).map { _ in
                g.chance(0.8) ? g.pick(alphabet) : UInt8(truncatingIfNeeded: g.next())
            }
            let context = "seed \(seed), bytes \(bytes)"
            do {
                let n = try HolidayNotice.fromJSON(Data(bytes))
                log.check(NoticeFuzz.isValid(n), "accepted an invalid notice; \(context)")
            } catch let e as ValidationError {
                log.check(!e.field.isEmpty && !e.message.isEmpty, "empty field or message; \(context)")
            } catch {
                log.fail("threw \(type(of: error)), not ValidationError; \(context)")
            }
        }
        log.finish()
    }
}
