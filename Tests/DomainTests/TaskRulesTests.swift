import Foundation
import Testing
@testable import Domain

// Working days are counted by hand from the State Council's 2026 notice (国办发明电〔2025〕7号):
// 中秋节 9月25日至27日放假; 国庆节 10月1日至7日放假调休, 9月20日（周日）、10月10日（周六）上班.

private func day(_ iso: String) -> Day { Day(iso: iso)! }
private let cal = WorkCalendar.official
private let today = day("2026-10-12")   // a Monday after the break

/// A complete, valid draft: 2026-09-28 (Mon) to 2026-10-09 (Fri).
private func draft() -> TaskDraft {
    var d = TaskDraft()
    d.workPointId = 1
    d.title = "推进孵化器建设"
    d.ownerUnitId = 3
    d.plannedStart = day("2026-09-28")
    d.deadline = day("2026-10-09")
    return d
}

/// An existing task, as stored.
private func stored(id: Int = 42, status: TaskItem.Status = .inProgress, percent: Int = 40,
                    doneOn: Day? = nil, duration: Int = 5) -> TaskItem {
    TaskItem(id: id, planId: 7, workPointId: 1, seq: 2, kind: .task, title: "推进孵化器建设", ownerUnitId: 3,
             coUnitIds: [5], responsiblePerson: "王伟", deliverable: "", acceptanceStandard: "", weight: 2,
             plannedStart: day("2026-09-28"), deadline: day("2026-10-09"), durationDays: duration,
             predecessorIds: [], percentDone: percent, status: status, doneOn: doneOn, version: 4)
}

private func apply(_ d: TaskDraft, to base: TaskItem? = nil) throws -> TaskItem {
    try TaskRules.apply(d, to: base, today: today, calendar: cal)
}

/// The field of the ValidationError thrown, nil when nothing was thrown.
private func rejectedField(_ d: TaskDraft, base: TaskItem? = nil) -> String? {
    do { _ = try apply(d, to: base); return nil }
    catch let e as ValidationError { return e.field }
    catch { return "unexpected \(error)" }
}

@Suite("TaskRules 任务校验")
struct TaskRulesTests {
    @Test("任务名称为空或只有空白时拒绝，字段为title")
    func emptyTitle() {
        var d = draft()
        d.title = ""
        #expect(rejectedField(d) == "title")
        d.title = "  \n\t "
        #expect(rejectedField(d) == "title")
        d.title = nil
        #expect(rejectedField(d) == "title")
    }

    @Test("任务名称首尾空白被去掉")
    func titleTrimmed() throws {
        var d = draft()
        d.title = "  推进孵化器建设 \n"
        #expect(try apply(d).title == "推进孵化器建设")
    }

    @Test("任务名称200字可以，201字拒绝")
    func titleLength() throws {
        var d = draft()
        d.title = String(repeating: "任", count: 200)
        #expect(try apply(d).title.count == 200)
        d.title = String(repeating: "任", count: 201)
        #expect(rejectedField(d) == "title")
    }

    @Test("缺少工作要点、责任单位或完成时限时指出对应字段")
    func requiredFields() {
        var d = draft(); d.workPointId = nil
        #expect(rejectedField(d) == "workPointId")
        d = draft(); d.ownerUnitId = nil
        #expect(rejectedField(d) == "ownerUnitId")
        d = draft(); d.deadline = nil
        #expect(rejectedField(d) == "deadline")
    }

    @Test("完成时限早于开始日期时拒绝，字段为deadline")
    func deadlineBeforeStart() {
        var d = draft()
        d.plannedStart = day("2026-10-09")
        d.deadline = day("2026-10-08")
        #expect(rejectedField(d) == "deadline")
    }

    @Test("节点：开始日期等于完成时限，工期为0")
    func milestoneForcesStartAndDuration() throws {
        var d = TaskDraft()
        d.workPointId = 1; d.title = "孵化器挂牌"; d.ownerUnitId = 3
        d.kind = .milestone
        d.deadline = day("2026-10-09")
        d.durationDays = 4
        let t = try apply(d)
        #expect(t.kind == .milestone)
        #expect(t.plannedStart == day("2026-10-09"))
        #expect(t.durationDays == 0)
        // The same start as the deadline, given explicitly, is fine.
        d.plannedStart = day("2026-10-09")
        #expect(try apply(d).plannedStart == day("2026-10-09"))
    }

    @Test("节点的开始日期与完成时限不同时拒绝")
    func milestoneWithDifferentStart() {
        var d = draft()   // start 09-28, deadline 10-09
        d.kind = .milestone
        #expect(rejectedField(d) == "plannedStart")
    }

    @Test("未填工期时按官方日历计算：2026-09-28至10-09只有5个工作日")
    func durationFromCalendar() throws {
        // 9/28 Mon, 9/29 Tue, 9/30 Wed = 3; 10/1–10/7 国庆 rest; 10/8 Thu, 10/9 Fri = 2. Total 5
        // (12 calendar days, 10 Monday–Fridays).
        #expect(try apply(draft()).durationDays == 5)
        // 2026-09-14 (Mon) to 2026-09-20 (Sun, 调休上班): 5 weekdays + the make-up Sunday = 6.
        var d = draft()
        d.plannedStart = day("2026-09-14"); d.deadline = day("2026-09-20")
        #expect(try apply(d).durationDays == 6)
        // 2026-09-21 (Mon) to 2026-09-27 (Sun): 9/25 Fri is 中秋节 → 4.
        d.plannedStart = day("2026-09-21"); d.deadline = day("2026-09-27")
        #expect(try apply(d).durationDays == 4)
    }

    @Test("填写的工期超出可用工作日时拒绝，字段为durationDays")
    func explicitDurationTooLong() throws {
        var d = draft()
        d.durationDays = 6
        #expect(rejectedField(d) == "durationDays")
        d.durationDays = 5
        #expect(try apply(d).durationDays == 5)
        d.durationDays = 3
        #expect(try apply(d).durationDays == 3)
        d.durationDays = 0
        #expect(rejectedField(d) == "durationDays")
    }

    @Test("只改名称时保留原工期；改时限时重新计算")
    func durationKeptOnUnrelatedEdit() throws {
        let base = stored(duration: 3)
        var d = TaskDraft()
        d.title = "推进孵化器二期建设"
        #expect(try apply(d, to: base).durationDays == 3)
        d = TaskDraft()
        d.deadline = day("2026-10-16")   // + 10/10 Sat (调休) and 10/12–10/16 = 5 + 1 + 5 = 11
        #expect(try apply(d, to: base).durationDays == 11)
    }

    @Test("未填开始日期的新任务从今天开始")
    func startDefaultsToToday() throws {
        var d = draft()
        d.plannedStart = nil
        d.deadline = day("2026-10-16")
        let t = try apply(d)
        #expect(t.plannedStart == today)
        #expect(t.durationDays == 5)   // 10/12–10/16
    }

    @Test("权重须在0到100之间，NaN与无穷拒绝")
    func weightRange() throws {
        var d = draft()
        for bad in [-0.5, 100.5, Double.nan, Double.infinity] {
            d.weight = bad
            #expect(rejectedField(d) == "weight", "weight \(bad)")
        }
        d.weight = 0
        #expect(try apply(d).weight == 0)
        d.weight = 100
        #expect(try apply(d).weight == 100)
        d.weight = nil
        #expect(try apply(d).weight == 1)   // default
    }

    @Test("完成进度须在0到100之间")
    func percentRange() {
        var d = draft()
        d.percentDone = 101
        #expect(rejectedField(d) == "percentDone")
        d.percentDone = -1
        #expect(rejectedField(d) == "percentDone")
    }

    @Test("新任务按进度得出状态：0为未开始，大于0为推进中")
    func statusFromPercent() throws {
        #expect(try apply(draft()).status == .notStarted)
        var d = draft()
        d.percentDone = 30
        let t = try apply(d)
        #expect(t.status == .inProgress)
        #expect(t.percentDone == 30)
        #expect(t.doneOn == nil)
    }

    @Test("标记已完成：进度变为100，完成日期默认今天")
    func doneForcesPercentAndDate() throws {
        var d = TaskDraft()
        d.status = .done
        let t = try apply(d, to: stored(percent: 40))
        #expect(t.status == .done)
        #expect(t.percentDone == 100)
        #expect(t.doneOn == today)
        // An explicit done date in the past is kept.
        d.doneOn = day("2026-10-09")
        #expect(try apply(d, to: stored()).doneOn == day("2026-10-09"))
    }

    @Test("进度填100即为已完成")
    func percent100MakesDone() throws {
        var d = TaskDraft()
        d.percentDone = 100
        let t = try apply(d, to: stored(percent: 80))
        #expect(t.status == .done)
        #expect(t.doneOn == today)
    }

    @Test("已完成任务进度改回60%：变为推进中，完成日期清空")
    func doneBackToInProgress() throws {
        var d = TaskDraft()
        d.percentDone = 60
        let t = try apply(d, to: stored(status: .done, percent: 100, doneOn: day("2026-10-09")))
        #expect(t.status == .inProgress)
        #expect(t.percentDone == 60)
        #expect(t.doneOn == nil)
    }

    @Test("完成日期不能晚于今天")
    func doneOnInFuture() {
        var d = draft()
        d.status = .done
        d.doneOn = day("2026-10-13")
        #expect(rejectedField(d) == "doneOn")
    }

    @Test("配合单位去掉责任单位和重复项，保持原顺序")
    func coUnits() throws {
        var d = draft()   // owner 3
        d.coUnitIds = [5, 3, 4, 5, 1, 4]
        #expect(try apply(d).coUnitIds == [5, 4, 1])
    }

    @Test("任务不能以自身为前置任务")
    func selfPredecessor() throws {
        var d = TaskDraft()
        d.predecessorIds = [41, 42]
        #expect(rejectedField(d, base: stored(id: 42)) == "predecessorIds")
        d.predecessorIds = [41, 40, 41]
        #expect(try apply(d, to: stored(id: 42)).predecessorIds.sorted() == [40, 41])
    }

    @Test("修改保留原任务的编号、计划和版本")
    func updateKeepsIdentity() throws {
        var d = TaskDraft()
        d.responsiblePerson = " 李娜 "
        let t = try apply(d, to: stored())
        #expect(t.id == 42 && t.planId == 7 && t.seq == 2 && t.version == 4)
        #expect(t.responsiblePerson == "李娜")
        #expect(t.coUnitIds == [5])
        #expect(t.weight == 2)
    }

    @Test("填报员可改的字段与草稿设置的字段")
    func reporterAndSetFields() {
        #expect(TaskDraft.reporterFields == ["percentDone", "status", "doneOn", "responsiblePerson"])
        #expect(TaskDraft().setFields.isEmpty)
        var d = TaskDraft()
        d.percentDone = 50
        d.doneOn = day("2026-10-09")
        #expect(d.setFields == ["percentDone", "doneOn"])
        #expect(d.setFields.isSubset(of: TaskDraft.reporterFields))
        d.title = "新名称"
        d.coUnitIds = []
        #expect(d.setFields == ["percentDone", "doneOn", "title", "coUnitIds"])
        #expect(!d.setFields.isSubset(of: TaskDraft.reporterFields))
        #expect(draft().setFields == ["workPointId", "title", "ownerUnitId", "plannedStart", "deadline"])
    }
}
