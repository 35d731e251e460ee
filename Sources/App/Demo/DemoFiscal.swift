import Domain
import Foundation
import Persistence
import Vapor

/// The demo zone's fiscal revenue: last year's twelve months and this year's up to last month by category (about 8 %
/// up, 企业所得税 behind), the year's targets, and the growth as a computed indicator.
enum DemoFiscal {
    static let base: [FiscalCategory: Double] = [.vat: 21_000, .corporateTax: 9_500, .personalTax: 2_600, .otherTax: 4_800, .nonTax: 3_100]
    static let growth: [FiscalCategory: Double] = [.vat: 1.10, .corporateTax: 0.96, .personalTax: 1.07, .otherTax: 1.05, .nonTax: 1.12]

    static func load(_ app: Application, zone: Zone, system: Actor, units: [String: Int], today: Day) async throws {
        var rng = SeededRandom(seed: 2027)
        var entries: [FiscalEntry] = []
        for (year, factor) in [(today.year - 1, false), (today.year, true)] {
            for month in 1...12 where year < today.year || month < today.month {
                for c in FiscalCategory.allCases {
                    let seasonal = [0.9, 0.7, 1.0, 1.1, 1.2, 1.0, 1.1, 0.9, 1.0, 1.05, 0.95, 1.1][month - 1]
                    let amount = base[c]! / 12 * seasonal * (factor ? growth[c]! : 1) * Double(rng.next(95...105)) / 100
                    entries.append(FiscalEntry(month: String(format: "%04d-%02d", year, month), category: c, amount: amount.rounded()))
                }
            }
        }
        try await app.store.setFiscalEntries(entries, actor: system)
        for c in FiscalCategory.allCases { try await app.store.setFiscalTarget(year: today.year, category: c, target: (base[c]! * 1.08).rounded(), actor: system) }
        if let owner = units["财政金融局"] ?? units.values.min() {
            var d = IndicatorDraft()
            d.code = "CZ-01"; d.name = ComputedMeasure.fiscalGrowth.chineseName; d.unit = "%"; d.direction = .higher; d.frequency = .monthly
            d.source = .computed; d.formula = .fiscalGrowth; d.ownerUnitId = owner
            d.caliber = "一般公共预算收入1月至当月累计与上年同期相比，由系统按财政税收月度数据计算"
            let i = try await app.store.createIndicator(d, actor: system)
            try await app.store.setIndicatorYear(indicatorId: i.id, year: today.year, Trajectory(baseline: 6, target: 8), version: 0, actor: system)
        }
    }
}
