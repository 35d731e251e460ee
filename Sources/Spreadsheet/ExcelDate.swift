/// ISO days ("2026-11-26") to Excel date serial numbers and back (1900 date system, as Excel, WPS and
/// LibreOffice write by default): day 1 is 1900-01-01 and, because Excel keeps Lotus 1-2-3's
/// phantom 1900-02-29, serials from 1900-03-01 on are days since 1899-12-30.
enum ExcelDate {
    /// The first day whose serial is right in every reader (61 = 1900-03-01) and the last Excel shows.
    static let firstSupported = "1900-03-01"
    static let lastSupported = "9999-12-31"

    /// The serial of a strict `YYYY-MM-DD` day from 1900-03-01 to 9999-12-31, or nil.
    static func serial(iso: String) -> Int? {
        let bytes = Array(iso.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for i in range {
                let b = bytes[i]
                guard b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(b - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year) else { return nil }
        guard (year, month, day) >= (1900, 3, 1) else { return nil }
        // 1899-12-30 is serial 0 for every date from 1900-03-01 on.
        return daysFromCivil(year: year, month: month, day: day) - daysFromCivil(year: 1899, month: 12, day: 30)
    }

    /// The ISO day of an Excel serial number (a time of day in its fraction is dropped), or nil
    /// when the serial names no day: below 1 (a time of day alone), 60 in the 1900 system
    /// (Lotus's 1900-02-29, which never was), or after 9999-12-31.
    /// - 1900 system: 1 = 1900-01-01, 59 = 1900-02-28, 61 = 1900-03-01, 46352 = 2026-11-26.
    /// - 1904 system (`<workbookPr date1904="1"/>`, old Mac Excel): 0 = 1904-01-01, 44890 = 2026-11-26.
    static func iso(serial: Double, date1904: Bool) -> String? {
        guard serial.isFinite, serial >= 1, serial < 3_000_000 else { return nil }
        let whole = Int(serial.rounded(.down))
        let days: Int
        if date1904 {
            days = daysFromCivil(year: 1904, month: 1, day: 1) + whole
        } else if whole < 60 {
            days = daysFromCivil(year: 1899, month: 12, day: 31) + whole
        } else if whole == 60 {
            return nil
        } else {
            days = daysFromCivil(year: 1899, month: 12, day: 30) + whole
        }
        let (year, month, day) = civil(fromDays: days)
        guard year <= 9999 else { return nil }
        func pad(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// The day `days` after 1970-01-01 (Howard Hinnant's civil_from_days).
    static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's days_from_civil).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}
