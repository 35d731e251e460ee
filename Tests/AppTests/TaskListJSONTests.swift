@testable import App
import Domain
import Foundation
import Testing

@Suite("任务列表JSON")
struct TaskListJSONTests {
    func task(_ id: Int, title: String, doneOn: Day?, weight: Double) -> TaskItem {
        TaskItem(id: id, planId: 3, workPointId: 4, seq: 2, kind: .milestone, title: title, ownerUnitId: 7, coUnitIds: [8, 9],
                 responsiblePerson: "张三\t李四", deliverable: "报告\n附件", acceptanceStandard: "引号\"与反斜杠\\，/斜杠", weight: weight,
                 plannedStart: Day(iso: "2026-03-02")!, deadline: Day(iso: "2026-09-30")!, durationDays: 0, predecessorIds: [1],
                 percentDone: 40, status: .done, doneOn: doneOn, archived: id % 2 == 0, version: 5)
    }

    @Test("手写的JSON与JSONEncoder的结果逐字段相同")
    func sameAsEncoder() throws {
        let items = [
            TaskDTO(task: task(1, title: "控制字符\u{01}与emoji🚀", doneOn: Day(iso: "2026-09-01"), weight: 2.5), light: .done),
            TaskDTO(task: task(2, title: "普通", doneOn: nil, weight: 3), light: .overdue),
        ]
        let mine = TaskListJSON.encode(items, total: 42, limit: 2, offset: 10)
        let reference = try ApiJSON.encoder.encode(ListPage(items: items, total: 42, limit: 2, offset: 10))
        let a = try #require(try JSONSerialization.jsonObject(with: mine) as? NSDictionary)
        let b = try #require(try JSONSerialization.jsonObject(with: reference) as? NSDictionary)
        #expect(a == b)
        let first = try #require((a["items"] as? [NSDictionary])?.first)
        #expect(first["title"] as? String == "控制字符\u{01}与emoji🚀")
        #expect(first["weight"] as? Double == 2.5)
    }
}
