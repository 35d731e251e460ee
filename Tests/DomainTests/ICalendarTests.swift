import Foundation
@testable import Domain
import Testing

@Suite("iCalendar (RFC 5545)")
struct ICalendarTests {
    @Test("全天事件、转义、CRLF、75字节折行且不截断汉字")
    func render() {
        let long = String(repeating: "营商环境", count: 12)
        let cal = ICalendar(name: "挂图作战 · 科技创新局", events: [
            ICalendar.Event(uid: "task-7-task@guatu", day: Day(iso: "2026-10-09")!, summary: "【截止】申报, 审核; 兑现\\完成",
                            description: long, url: "http://127.0.0.1:8080/tasks/7"),
        ])
        let text = cal.render(stamp: Date(timeIntervalSince1970: 1_795_000_000))
        #expect(text.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"))
        #expect(text.hasSuffix("END:VCALENDAR\r\n"))
        #expect(text.contains("DTSTART;VALUE=DATE:20261009\r\n"))
        #expect(text.contains("DTEND;VALUE=DATE:20261010\r\n"))
        #expect(text.contains("SUMMARY:【截止】申报\\, 审核\\; 兑现\\\\完成"))
        // 1795000000 s after the epoch is 2026-11-18 11:06:40 UTC (python: datetime.utcfromtimestamp).
        #expect(text.contains("DTSTAMP:20261118T110640Z"))
        for line in text.components(separatedBy: "\r\n") {
            #expect(line.utf8.count <= 75, "line longer than 75 octets: \(line)")
        }
        // Unfolding (CRLF + space removed) gives back the whole description.
        #expect(text.replacingOccurrences(of: "\r\n ", with: "").contains("DESCRIPTION:" + long + "\r\n"))
        #expect(!text.contains("\n\n"))
    }
}
