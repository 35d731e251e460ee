import Foundation
import Testing
@testable import Domain

@Suite("财政税收：累计、同比、目标进度、导入")
struct FiscalTests {
    @Test("累计到某月、上年同期、同比与完成进度，合计行为各类之和")
    func summary() {
        let e = [FiscalEntry(month: "2025-01", category: .vat, amount: 100), FiscalEntry(month: "2025-02", category: .vat, amount: 100),
                 FiscalEntry(month: "2025-03", category: .vat, amount: 500), FiscalEntry(month: "2026-01", category: .vat, amount: 120),
                 FiscalEntry(month: "2026-02", category: .vat, amount: 110), FiscalEntry(month: "2026-02", category: .nonTax, amount: 30)]
        let lines = FiscalSummary.lines(e, targets: [.vat: 1_000, .nonTax: 200], year: 2026, through: 2)
        let vat = lines.first { $0.category == .vat }!
        #expect(vat.month == 110 && vat.cumulative == 230 && vat.lastYearCumulative == 200 && abs(vat.growth! - 15) < 1e-9 && abs(vat.progress! - 23) < 1e-9)
        let total = lines.last!
        #expect(total.category == nil && total.cumulative == 260 && total.target == 1_200 && total.lastYearCumulative == 200)
        #expect(lines.first { $0.category == .nonTax }!.growth == nil)
    }

    @Test("导入：月份、类别、金额逐行报错；重复的月份类别报出")
    func parse() throws {
        let rows: [IndicatorImport.SheetRow] = [(1, ["月份", "类别", "金额"]), (2, ["2026年3月", "增值税", "1,850"]), (3, ["2026-13", "增值税", "1"]),
                                                (4, ["2026-03", "印花税", "1"]), (5, ["2026-03", "增值税", "二"]), (6, ["2026/3", "增值税", "9"])]
        do { _ = try FiscalSummary.parse(rows); Issue.record("accepted bad rows") } catch let e as ImportRejected {
            #expect(e.errors.map(\.line) == [3, 4, 5, 6] && e.errors[1].message.contains("类别须为") && e.errors[3].message.contains("与第2行重复"))
        }
        #expect(try FiscalSummary.parse(Array(rows.prefix(2))) == [FiscalEntry(month: "2026-03", category: .vat, amount: 1_850)])
    }
}
