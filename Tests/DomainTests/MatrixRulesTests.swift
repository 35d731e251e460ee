import Foundation
import Testing
@testable import Domain

private func fieldOf<T>(_ body: () throws -> T) -> String? {
    do { _ = try body(); return nil }
    catch let e as ValidationError { return e.field }
    catch { return "unexpected \(error)" }
}

private func planDraft() -> PlanDraft {
    var d = PlanDraft()
    d.year = 2026; d.seq = 1; d.name = "科创生态培育计划"; d.goal = "新增高新技术企业50家"
    d.leaderId = 11; d.leadUnitId = 3
    return d
}

@Suite("MatrixRules 计划、单位、目标定位")
struct MatrixRulesTests {
    @Test("计划：配合单位不含牵头单位，去重")
    func planCoUnits() throws {
        var d = planDraft()
        d.coUnitIds = [5, 3, 4, 5]
        let p = try MatrixRules.apply(d, to: nil)
        #expect(Set(p.coUnitIds) == [4, 5])
        #expect(p.coUnitIds.count == 2)
        #expect(p.leadUnitId == 3)
        #expect(p.name == "科创生态培育计划")
        #expect(p.year == 2026)
    }

    @Test("计划：年度须在2000至2100之间")
    func planYear() throws {
        var d = planDraft()
        d.year = 1999
        #expect(fieldOf { try MatrixRules.apply(d, to: nil) } == "year")
        d.year = 2101
        #expect(fieldOf { try MatrixRules.apply(d, to: nil) } == "year")
        d.year = nil
        #expect(fieldOf { try MatrixRules.apply(d, to: nil) } == "year")
        d.year = 2000
        #expect(try MatrixRules.apply(d, to: nil).year == 2000)
        d.year = 2100
        #expect(try MatrixRules.apply(d, to: nil).year == 2100)
    }

    @Test("计划：名称必填，序号0到999")
    func planNameAndSeq() {
        var d = planDraft()
        d.name = "   "
        #expect(fieldOf { try MatrixRules.apply(d, to: nil) } == "name")
        d = planDraft(); d.seq = 1000
        #expect(fieldOf { try MatrixRules.apply(d, to: nil) } == "seq")
        d = planDraft(); d.seq = -1
        #expect(fieldOf { try MatrixRules.apply(d, to: nil) } == "seq")
    }

    @Test("计划：修改时未填字段沿用原值；换牵头单位后原配合单位中的它被去掉")
    func planUpdate() throws {
        let base = Plan(id: 8, year: 2026, seq: 2, name: "重点项目突破计划", goal: "", leaderId: 12,
                        leadUnitId: 4, coUnitIds: [5, 6], version: 3)
        var d = PlanDraft()
        d.leadUnitId = 5
        let p = try MatrixRules.apply(d, to: base)
        #expect(p.id == 8 && p.version == 3 && p.seq == 2 && p.leaderId == 12)
        #expect(p.name == "重点项目突破计划")
        #expect(p.coUnitIds == [6])
    }

    @Test("工作要点：必须属于计划，标题必填")
    func workPoint() throws {
        var d = WorkPointDraft()
        d.title = "培育科技型中小企业"
        #expect(fieldOf { try MatrixRules.apply(d, to: nil) } == "planId")
        d.planId = 8
        #expect(try MatrixRules.apply(d, to: nil).title == "培育科技型中小企业")
        d.title = ""
        #expect(fieldOf { try MatrixRules.apply(d, to: nil) } == "title")
    }

    @Test("单位：简称缺省取名称前6个字")
    func unitShortName() throws {
        var d = UnitDraft()
        d.name = "高新区科技创新局"
        let u = try MatrixRules.apply(d, to: nil)
        #expect(u.shortName == "高新区科技创")
        #expect(u.kind == .department)
        d.name = "财政局"
        #expect(try MatrixRules.apply(d, to: nil).shortName == "财政局")
        d.shortName = "  "
        #expect(try MatrixRules.apply(d, to: nil).shortName == "财政局")
        d.shortName = "财政"
        #expect(try MatrixRules.apply(d, to: nil).shortName == "财政")
    }

    @Test("单位：名称必填，100字以内；简称20字以内")
    func unitLimits() {
        var d = UnitDraft()
        #expect(fieldOf { try MatrixRules.apply(d, to: nil) } == "name")
        d.name = String(repeating: "局", count: 101)
        #expect(fieldOf { try MatrixRules.apply(d, to: nil) } == "name")
        d.name = "财政局"
        d.shortName = String(repeating: "财", count: 21)
        #expect(fieldOf { try MatrixRules.apply(d, to: nil) } == "shortName")
    }

    @Test("目标定位：表述必填，类别必选，年度有效")
    func target() throws {
        var d = TargetDraft()
        d.year = 2026; d.kind = .singleFirst
        #expect(fieldOf { try MatrixRules.apply(d, to: nil) } == "statement")
        d.statement = " \n "
        #expect(fieldOf { try MatrixRules.apply(d, to: nil) } == "statement")
        d.statement = " 研发机构覆盖率全市第一 "
        let t = try MatrixRules.apply(d, to: nil)
        #expect(t.statement == "研发机构覆盖率全市第一")
        #expect(t.kind == .singleFirst)
        d.kind = nil
        #expect(fieldOf { try MatrixRules.apply(d, to: nil) } == "kind")
        d.kind = .cityTop; d.year = 1999
        #expect(fieldOf { try MatrixRules.apply(d, to: nil) } == "year")
    }
}
