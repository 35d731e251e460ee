import Testing
@testable import Domain

@Suite("调度会议程 DispatchAgenda")
struct DispatchAgendaTests {
    static func task(_ id: Int, plan: Int, unit: Int, start: String, deadline: String, percent: Int, status: TaskItem.Status = .inProgress) -> TaskItem {
        TaskItem(id: id, planId: plan, workPointId: 1, seq: id, kind: .task, title: "任务\(id)", ownerUnitId: unit, coUnitIds: [], responsiblePerson: "",
                 deliverable: "", acceptanceStandard: "", weight: 1, plannedStart: Day(iso: start)!, deadline: Day(iso: deadline)!, durationDays: 10,
                 predecessorIds: [], percentDone: percent, status: status, doneOn: nil, archived: false, version: 1)
    }

    @Test("按分管领导分组；红灯在前，新增逾期其次，需协调最后；按期推进且无诉求的任务不上会")
    func grouping() {
        let plans = [Plan(id: 1, year: 2026, seq: 2, name: "乙", goal: "", leaderId: 7, leadUnitId: nil, coUnitIds: [], archived: false, version: 1),
                     Plan(id: 2, year: 2026, seq: 1, name: "甲", goal: "", leaderId: nil, leadUnitId: nil, coUnitIds: [], archived: false, version: 1)]
        let today = Day(iso: "2026-06-15")!
        let tasks = [
            Self.task(1, plan: 1, unit: 1, start: "2026-03-02", deadline: "2026-09-30", percent: 40),       // on track, asks for help
            Self.task(2, plan: 1, unit: 2, start: "2026-04-01", deadline: "2026-05-29", percent: 50),       // long overdue: red
            Self.task(3, plan: 2, unit: 1, start: "2026-05-01", deadline: "2026-06-12", percent: 80),       // deadline since the last meeting (06-08): newly late and red
            Self.task(4, plan: 2, unit: 2, start: "2026-03-02", deadline: "2026-12-31", percent: 40),       // on track, nothing to say
            Self.task(5, plan: 1, unit: 2, start: "2026-03-02", deadline: "2026-05-01", percent: 100, status: .done),
        ]
        let agenda = DispatchAgenda.build(.init(tasks: tasks, plans: plans, unitNames: [1: "科技局", 2: "经发局"], personNames: [7: "李副主任"],
                                                asks: [1: "需协调用地指标"], since: Day(iso: "2026-06-08")),
                                          today: today, calendar: .official, rules: .standard)
        // Plan 甲 (seq 1) has no leader in charge; its group comes first.
        #expect(agenda.groups.map(\.leader) == [DispatchAgenda.noLeader, "李副主任"])
        #expect(agenda.groups[0].items.map(\.taskId) == [3])
        #expect(agenda.groups[0].items[0].reasons == [.red, .newlyLate])
        #expect(agenda.groups[1].items.map(\.taskId) == [2, 1])
        #expect(agenda.groups[1].items[1].reasons == [.coordination] && agenda.groups[1].items[1].ask == "需协调用地指标")
        #expect(agenda.itemCount == 3)
    }
}
