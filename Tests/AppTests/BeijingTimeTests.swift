import Foundation
import Testing
@testable import Views

@Suite("时间显示：UTC时间戳按北京时间显示")
struct BeijingTimeTests {
    @Test("跨日、跨月、跨年、闰日")
    func handPicked() {
        #expect(UI.beijingTime("2026-11-26T04:11:22.123Z") == "2026-11-26 12:11")
        #expect(UI.beijingTime("2026-12-31T16:30:00Z") == "2027-01-01 00:30")
        #expect(UI.beijingTime("2026-02-28T20:05:59.999Z") == "2026-03-01 04:05")
        #expect(UI.beijingTime("2028-02-28T17:00:00.000Z") == "2028-02-29 01:00")
        #expect(UI.beijingTime("2026-06-30T15:59:00Z") == "2026-06-30 23:59")
        #expect(UI.beijingTime("not a time") == "not a time")
        // An offset other than Z goes through the formatter: 12:00 at +08:00 is 12:00 in Beijing.
        #expect(UI.beijingTime("2026-06-30T12:00:00+08:00") == "2026-06-30 12:00")
    }

    @Test("与Foundation格式化结果一致（随机时间戳）")
    func agreesWithFoundation() {
        var g = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let instant = Date(timeIntervalSince1970: Double.random(in: 0...4_000_000_000, using: &g).rounded(.down))
            let f = ISO8601DateFormatter()
            f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
            let stamp = f.string(from: instant)
            #expect(UI.beijingTimeOfUTC(stamp) == UI.beijingTimeByFormatter(stamp), "\(stamp)")
        }
    }
}
