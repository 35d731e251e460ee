import Foundation
import Testing
@testable import Domain

@Suite("指标数值导入：期间写法、逐行错误")
struct IndicatorImportTests {
    let indicators = [
        Indicator(id: 1, code: "YS-01", name: "开办企业：全流程办理时间", unit: "个工作日", direction: .lower, frequency: .monthly, caliber: "", source: .statistics, ownerUnitId: 1),
        Indicator(id: 2, code: "YS-06", name: "普惠小微贷款余额增速", unit: "%", direction: .higher, frequency: .quarterly, caliber: "", source: .statistics, ownerUnitId: 1),
        Indicator(id: 3, code: "GX-1", name: "创新能力和创业活跃度", unit: "分", direction: .higher, frequency: .annual, caliber: "", source: .torch, ownerUnitId: 1),
    ]

    @Test("期间：办公室常见写法都能读，不属于该频次的拒绝", arguments: [
        ("2026-03", Indicator.Frequency.monthly, "2026-03"), ("2026/3", .monthly, "2026-03"), ("2026年3月", .monthly, "2026-03"),
        ("2026-03-31", .monthly, "2026-03"), ("2026年第1季度", .quarterly, "2026-Q1"), ("2026年一季度", .quarterly, "2026-Q1"),
        ("2026-Q4", .quarterly, "2026-Q4"), ("2026-06-30", .quarterly, "2026-Q2"), ("2026年", .annual, "2026"), ("2026", .annual, "2026"),
    ])
    func periods(_ c: (String, Indicator.Frequency, String)) {
        #expect(IndicatorImport.periodKey(c.0, c.1) == c.2)
    }

    @Test("不属于该频次或写错的期间返回空", arguments: [
        ("2026-Q1", Indicator.Frequency.monthly), ("2026-13", .monthly), ("2026年五季度", .quarterly), ("2026-03", .annual), ("三月", .monthly), ("1999-03", .monthly),
    ])
    func badPeriods(_ c: (String, Indicator.Frequency)) {
        #expect(IndicatorImport.periodKey(c.0, c.1) == nil)
    }

    @Test("表头可在第3行；空行跳过；千分位与百分号；代码大小写不敏感")
    func parses() throws {
        let rows: [IndicatorImport.SheetRow] = [
            (1, ["2026年指标数值"]), (2, []), (3, ["指标代码", "期间", "数值", "说明"]),
            (4, ["ys-01", "2026年3月", "1.5", "统计局月报"]), (5, ["", "", "", ""]), (6, ["YS-06", "2026年一季度", "22.5%", ""]), (7, ["GX-1", "2026", "1,016.5", ""]),
        ]
        let parsed = try IndicatorImport.parse(rows, indicators: indicators)
        #expect(parsed.map(\.periodKey) == ["2026-03", "2026-Q1", "2026"])
        #expect(parsed.map(\.value) == [1.5, 22.5, 1016.5])
        #expect(parsed.map(\.line) == [4, 6, 7] && parsed[0].note == "统计局月报")
    }

    @Test("每一行的问题都报出来：未知代码（并提示相近的）、期间、数值、重复、缺表头")
    func errors() throws {
        let rows: [IndicatorImport.SheetRow] = [
            (1, ["指标代码", "期间", "数值"]), (2, ["YS-0l", "2026-03", "2"]), (3, ["YS-01", "2026-Q1", "2"]), (4, ["YS-01", "2026-04", "两天"]),
            (5, ["YS-01", "2026-05", "2"]), (6, ["YS-01", "2026年5月", "3"]),
        ]
        do { _ = try IndicatorImport.parse(rows, indicators: indicators); Issue.record("accepted bad rows") } catch let e as ImportRejected {
            #expect(e.errors.map(\.line) == [2, 3, 4, 6])
            #expect(e.errors[0].message.contains("是否为“YS-01"))
            #expect(e.errors[1].column == "期间" && e.errors[2].message.contains("“两天”不是数字") && e.errors[3].message.contains("与第5行重复"))
        }
        #expect(throws: ImportRejected.self) { try IndicatorImport.parse([(1, ["代码", "数值"]), (2, ["YS-01", "1"])], indicators: indicators) }
        #expect(throws: ImportRejected.self) { try IndicatorImport.parse([(1, ["名称", "数值"])], indicators: indicators) }
    }
}
