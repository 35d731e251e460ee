import Foundation
import Testing
@testable import Domain

@Suite("重点项目：阶段只进不退，投资完成率")
struct ProjectTests {
    @Test("阶段按签约、落地、开工、竣工、投产推进；倒退或日期早于上一阶段被拒绝")
    func stages() throws {
        let p = KeyProject(id: 1, name: "晶圆项目", enterpriseId: nil, chain: "", totalInvestment: 100_000, ownerUnitId: 1, taskId: nil, stage: .signed,
                           stageDates: [.signed: Day(iso: "2026-03-01")!])
        let started = try p.advanced(to: .started, on: Day(iso: "2026-06-01")!)
        #expect(started.stage == .started && started.stageDates[.started] == Day(iso: "2026-06-01"))
        #expect(throws: ValidationError.self) { try started.advanced(to: .landed, on: Day(iso: "2026-07-01")!) }
        #expect(throws: ValidationError.self) { try started.advanced(to: .completed, on: Day(iso: "2026-05-01")!) }
    }

    @Test("截至某月的计划与完成：只算本年度、只算到该月，未报的月份按0计")
    func progress() {
        let months = [MonthlyInvestment(month: "2025-12", planned: 999, actual: 999), MonthlyInvestment(month: "2026-01", planned: 100, actual: 80),
                      MonthlyInvestment(month: "2026-02", planned: 100, actual: 120), MonthlyInvestment(month: "2026-03", planned: 100, actual: nil),
                      MonthlyInvestment(month: "2026-04", planned: 100, actual: nil)]
        let f = InvestmentProgress.figure(months, year: 2026, through: 3)
        #expect(f.plannedToDate == 300 && f.actualToDate == 200 && f.yearPlan == 400)
        #expect(abs(f.rate! - 200.0 / 3) < 1e-9 && f.yearRate == 50)
    }
}
