import Foundation

/// One year's State Council notice on public holidays (国务院办公厅《关于YYYY年部分节假日安排的通知》):
/// which days are rest days (放假) and which weekend days are worked instead (调休上班).
///
/// The same shape is the JSON file an administrator loads for a year the product does not ship yet
/// (the notice is published each October–November for the next year). Keys are snake_case:
/// ```json
/// {"year": 2027, "title": "国务院办公厅关于2027年部分节假日安排的通知", "doc_no": "国办发明电〔2026〕N号",
///  "issued": "2026-11-05",
///  "holidays": [{"name": "元旦", "dates": ["2027-01-01", "2027-01-02", "2027-01-03"], "makeup_workdays": []}]}
/// ```
/// Decoding checks that every date exists; `validationErrors()` checks the rules of a notice.
/// Use `fromJSON(_:)` to do both and get `ValidationError`s only.
public struct HolidayNotice: Codable, Sendable, Equatable {
    /// The year the notice is for. A break may start in December of the year before (2024 元旦: 2023-12-30).
    public var year: Int
    public var title: String
    /// 文号, e.g. 国办发明电〔2025〕7号.
    public var docNo: String
    public var issued: Day
    /// Where the notice is published (www.gov.cn); optional.
    public var url: String?
    public var holidays: [Holiday]
    /// Make-up workdays of the original notice that a later notice cancelled (2020: the Spring Festival
    /// extension turned 2020-02-01 into a rest day). Kept for the record; the days are already rest days
    /// of a holiday, so they do not change the calendar.
    public var cancelledMakeupWorkdays: [Day]

    /// One break of the notice (元旦, 春节 …).
    public struct Holiday: Codable, Sendable, Equatable {
        /// As the notice names it; combined breaks keep the combined name (国庆节、中秋节).
        public var name: String
        /// Every rest day of the break, consecutive and in order, weekend days inside the break included.
        public var dates: [Day]
        /// Saturdays or Sundays worked for this break (调休上班).
        public var makeupWorkdays: [Day]

        public init(name: String, dates: [Day], makeupWorkdays: [Day] = []) {
            self.name = name
            self.dates = dates
            self.makeupWorkdays = makeupWorkdays
        }

        enum CodingKeys: String, CodingKey {
            case name, dates
            case makeupWorkdays = "makeup_workdays"
        }

        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            name = try c.decode(String.self, forKey: .name)
            dates = try decodeDays(c, .dates)
            makeupWorkdays = try c.contains(.makeupWorkdays) ? decodeDays(c, .makeupWorkdays) : []
        }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(name, forKey: .name)
            try c.encode(dates.map(\.iso), forKey: .dates)
            try c.encode(makeupWorkdays.map(\.iso), forKey: .makeupWorkdays)
        }
    }

    public init(year: Int, title: String, docNo: String, issued: Day, url: String? = nil,
                holidays: [Holiday], cancelledMakeupWorkdays: [Day] = []) {
        self.year = year
        self.title = title
        self.docNo = docNo
        self.issued = issued
        self.url = url
        self.holidays = holidays
        self.cancelledMakeupWorkdays = cancelledMakeupWorkdays
    }

    // MARK: JSON

    enum CodingKeys: String, CodingKey {
        case year, title, issued, url, holidays
        case docNo = "doc_no"
        case cancelledMakeupWorkdays = "cancelled_makeup_workdays"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        year = try c.decode(Int.self, forKey: .year)
        title = try c.decode(String.self, forKey: .title)
        docNo = try c.decode(String.self, forKey: .docNo)
        let issuedText = try c.decode(String.self, forKey: .issued)
        guard let issuedDay = Day(iso: issuedText) else {
            throw ValidationError(field: JSONInput.path(c.codingPath + [CodingKeys.issued]), JSONInput.badDate(issuedText))
        }
        issued = issuedDay
        url = try c.decodeIfPresent(String.self, forKey: .url)
        holidays = try c.decode([Holiday].self, forKey: .holidays)
        cancelledMakeupWorkdays = try c.contains(.cancelledMakeupWorkdays)
            ? decodeDays(c, .cancelledMakeupWorkdays) : []
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(year, forKey: .year)
        try c.encode(title, forKey: .title)
        try c.encode(docNo, forKey: .docNo)
        try c.encode(issued.iso, forKey: .issued)
        try c.encodeIfPresent(url, forKey: .url)
        try c.encode(holidays, forKey: .holidays)
        if !cancelledMakeupWorkdays.isEmpty {
            try c.encode(cancelledMakeupWorkdays.map(\.iso), forKey: .cancelledMakeupWorkdays)
        }
    }

    /// Decodes and validates an administrator's notice file. Every failure — malformed JSON, a missing
    /// field, an impossible date, a broken rule — is reported as a `ValidationError` whose `field` is the
    /// JSON path (`holidays[1].makeup_workdays[0]`), so a form or the CLI can show it as is.
    public static func fromJSON(_ data: Data) throws -> HolidayNotice {
        let notice = try JSONInput.decode(HolidayNotice.self, from: data)
        try notice.validate()
        return notice
    }

    /// Pretty-printed JSON in the administrator's file format (stable key order, for diffs).
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    // MARK: Validation

    /// Throws the first rule the notice breaks (see `validationErrors()`).
    public func validate() throws {
        if let first = validationErrors().first { throw first }
    }

    /// Every rule the notice breaks, in file order; empty when the notice is usable:
    /// a year with at least one holiday; non-empty title, 文号 and names; rest days consecutive and in
    /// order; make-up workdays on Saturday or Sunday; no date listed twice anywhere in the notice; all
    /// dates in the notice year or in December of the year before.
    public func validationErrors() -> [ValidationError] {
        var errors: [ValidationError] = []
        // The Day type stops at 1900...2999 and a break may start in the previous December.
        guard (1901...2999).contains(year) else {
            return [ValidationError(field: "year", "年份无效：\(year)")]
        }
        if title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            errors.append(ValidationError(field: "title", "通知标题不能为空"))
        }
        if docNo.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            errors.append(ValidationError(field: "doc_no", "文号不能为空"))
        }
        if holidays.isEmpty {
            errors.append(ValidationError(field: "holidays", "通知至少应包含一个节假日"))
        }

        // Every date of the notice (rest, make-up, cancelled) is one fact about one day: listing a day
        // twice is either a typo or a contradiction.
        var seen: [Day: String] = [:]
        func checkDate(_ d: Day, field: String, what: String) {
            if let earlier = seen[d] {
                errors.append(ValidationError(field: field, "日期重复：\(d.iso) 已出现在 \(earlier)"))
            } else {
                seen[d] = field
            }
            let inWindow = d.year == year || (d.year == year - 1 && d.month == 12)
            if !inWindow {
                errors.append(ValidationError(field: field,
                    "\(what) \(d.iso) 不属于 \(year) 年的通知（只能在 \(year) 年内或 \(year - 1) 年 12 月）"))
            }
        }

        for (i, h) in holidays.enumerated() {
            let base = "holidays[\(i)]"
            if h.name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                errors.append(ValidationError(field: "\(base).name", "节假日名称不能为空"))
            }
            if h.dates.isEmpty {
                errors.append(ValidationError(field: "\(base).dates", "放假日期不能为空"))
            }
            for (j, d) in h.dates.enumerated() {
                let field = "\(base).dates[\(j)]"
                checkDate(d, field: field, what: "放假日期")
                // A break is one period; a gap means a missing day or a day of another break.
                if j > 0, d != h.dates[j - 1], d != h.dates[j - 1].adding(days: 1) {
                    errors.append(ValidationError(field: field,
                        "放假日期须连续且按先后排列：\(h.dates[j - 1].iso) 之后应为 \(h.dates[j - 1].adding(days: 1).iso)，实为 \(d.iso)"))
                }
            }
            for (k, d) in h.makeupWorkdays.enumerated() {
                let field = "\(base).makeup_workdays[\(k)]"
                checkDate(d, field: field, what: "调休上班日")
                if !d.isWeekend {
                    errors.append(ValidationError(field: field,
                        "调休上班日须为周六或周日：\(d.iso) 是\(chineseWeekday(d))"))
                }
            }
        }
        for (k, d) in cancelledMakeupWorkdays.enumerated() {
            let field = "cancelled_makeup_workdays[\(k)]"
            // A cancelled make-up day is normally also a rest day of the extended break, so it may repeat
            // a rest date; it must not still be listed as worked.
            if let earlier = seen[d], earlier.contains("makeup_workdays") {
                errors.append(ValidationError(field: field, "已取消的调休上班日 \(d.iso) 仍列为调休上班日（\(earlier)）"))
            }
            if !d.isWeekend {
                errors.append(ValidationError(field: field, "已取消的调休上班日须为周六或周日：\(d.iso) 是\(chineseWeekday(d))"))
            }
        }
        return errors
    }
}

extension HolidayNotice {
    /// For the generated shipped data: ISO literals, a break as first day + length.
    /// The generator has checked the dates, so a failure here is a programming error.
    init(year: Int, title: String, docNo: String, issued: String, url: String?,
         cancelledMakeupWorkdays: [String] = [], holidays: [Holiday]) {
        self.init(year: year, title: title, docNo: docNo, issued: Day(iso: issued)!, url: url,
                  holidays: holidays, cancelledMakeupWorkdays: cancelledMakeupWorkdays.map { Day(iso: $0)! })
    }
}

extension HolidayNotice.Holiday {
    /// For the generated shipped data (see above).
    init(_ name: String, first: String, days: Int, makeup: [String]) {
        let start = Day(iso: first)!
        self.init(name: name, dates: (0..<days).map { start.adding(days: $0) },
                  makeupWorkdays: makeup.map { Day(iso: $0)! })
    }
}

// MARK: - Helpers

/// Decodes an array of ISO dates, failing on the first impossible one with its JSON path.
private func decodeDays<K: CodingKey>(_ c: KeyedDecodingContainer<K>, _ key: K) throws -> [Day] {
    let texts = try c.decode([String].self, forKey: key)
    return try texts.enumerated().map { j, text in
        guard let d = Day(iso: text) else {
            throw ValidationError(field: JSONInput.path(c.codingPath + [key]) + "[\(j)]", JSONInput.badDate(text))
        }
        return d
    }
}

private func chineseWeekday(_ d: Day) -> String {
    ["星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"][d.weekday - 1]
}
