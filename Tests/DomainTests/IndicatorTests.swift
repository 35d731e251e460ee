import Testing
@testable import Domain

@Suite("指标：期间、轨迹、是否在轨")
struct IndicatorTests {
    @Test("期间代码：月度12期、季度4期、年度1期；某日所在期间")
    func periods() {
        #expect(IndicatorPeriods.keys(year: 2026, .monthly).first == "2026-01" && IndicatorPeriods.keys(year: 2026, .monthly).count == 12)
        #expect(IndicatorPeriods.keys(year: 2026, .quarterly) == ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"])
        #expect(IndicatorPeriods.key(of: Day(iso: "2026-08-31")!, .quarterly) == "2026-Q3")
        #expect(IndicatorPeriods.key(of: Day(iso: "2026-08-31")!, .monthly) == "2026-08")
        #expect(!IndicatorPeriods.isValid("2026-13", year: 2026, .monthly) && !IndicatorPeriods.isValid("2025-Q1", year: 2026, .quarterly))
        #expect(IndicatorPeriods.label("2026-Q2") == "二季度" && IndicatorPeriods.label("2026-03") == "3月")
    }

    @Test("默认轨迹：从基数直线到年度目标；明确给出的期间目标优先")
    func trajectory() {
        // Baseline 20 working days to start a business, target 2 by the year's end, quarterly: 15.5, 11, 6.5, 2.
        let t = Trajectory(baseline: 20, target: 2)
        #expect(t.targets(keys: IndicatorPeriods.keys(year: 2026, .quarterly)).map(\.target) == [15.5, 11, 6.5, 2])
        let u = Trajectory(baseline: 20, target: 2, interim: ["2026-Q2": 8])
        #expect(u.targets(keys: IndicatorPeriods.keys(year: 2026, .quarterly)).map(\.target) == [15.5, 8, 6.5, 2])
    }

    @Test("在轨判断随方向而定：达到或好于期间目标为绿，落后不超过基数到目标距离的10%为黄，否则为红")
    func track() {
        let up = Trajectory(baseline: 100, target: 200)          // span 100: yellow within 10 behind
        #expect(IndicatorTrack.light(actual: 150, expected: 150, trajectory: up, direction: .higher) == .green)
        #expect(IndicatorTrack.light(actual: 141, expected: 150, trajectory: up, direction: .higher) == .yellow)
        #expect(IndicatorTrack.light(actual: 139, expected: 150, trajectory: up, direction: .higher) == .red)
        let down = Trajectory(baseline: 20, target: 2)           // span 18: yellow within 1.8 above
        #expect(IndicatorTrack.light(actual: 10, expected: 11, trajectory: down, direction: .lower) == .green)
        #expect(IndicatorTrack.light(actual: 12.5, expected: 11, trajectory: down, direction: .lower) == .yellow)
        #expect(IndicatorTrack.light(actual: 13, expected: 11, trajectory: down, direction: .lower) == .red)
    }

    @Test("指标定义校验：代码、名称、单位、方向、频次、来源、责任单位")
    func draft() {
        var d = IndicatorDraft()
        #expect(throws: ValidationError.self) { try d.validated() }
        d.code = "YS-01"; d.name = "开办企业时间"; d.unit = "个工作日"; d.direction = .lower; d.frequency = .monthly; d.source = .unit; d.ownerUnitId = 3
        #expect((try? d.validated())?.code == "YS-01")
        d.code = "开办"
        do { _ = try d.validated(); Issue.record("a Chinese code was accepted") } catch let e as ValidationError { #expect(e.field == "code") } catch {}
    }
}

@Suite("同类排名：进位与退位")
struct PeerRankTests {
    @Test("按范围分别比较上一期：名次数字变小为进位")
    func moves() {
        let ranks = [PeerRank(periodKey: "2026-Q1", scope: .province, rank: 12, outOf: 40),
                     PeerRank(periodKey: "2026-Q2", scope: .province, rank: 9, outOf: 40),
                     PeerRank(periodKey: "2026-Q3", scope: .province, rank: 11, outOf: 40),
                     PeerRank(periodKey: "2026-Q1", scope: .city, rank: 2, outOf: nil)]
        let m = PeerRank.moves(ranks)
        #expect(m.map { PeerRank.moveText($0.move) } == ["—", "—", "进位3", "退位2"])
        #expect(throws: ValidationError.self) { try PeerRank(periodKey: "2026-Q1", scope: .city, rank: 5, outOf: 3).validate() }
        #expect(throws: ValidationError.self) { try PeerRank(periodKey: "2026-Q1", scope: .city, rank: 0, outOf: nil).validate() }
    }
}
