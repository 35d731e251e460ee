import Foundation
import Testing
@testable import Domain

private typealias Change = AuditDiff.Change

@Suite("AuditDiff 审计字段差异")
struct AuditDiffTests {
    @Test("只列出变化的字段，忽略版本号")
    func changedFieldsOnly() {
        let before = #"{"title":"孵化器建设","weight":1,"percentDone":40,"version":3}"#
        let after = #"{"title":"孵化器二期建设","weight":1,"percentDone":60,"version":4}"#
        #expect(AuditDiff.changes(before: before, after: after) == [
            Change(field: "percentDone", before: "40", after: "60"),
            Change(field: "title", before: "孵化器建设", after: "孵化器二期建设"),
        ])
    }

    @Test("只有版本号变化时没有差异")
    func versionOnly() {
        #expect(AuditDiff.changes(before: #"{"a":"x","version":1}"#, after: #"{"a":"x","version":2}"#).isEmpty)
    }

    @Test("新建（before为nil）：每个字段从空变为新值")
    func create() {
        let after = #"{"name":"科技创新局","sortOrder":2,"version":1}"#
        #expect(AuditDiff.changes(before: nil, after: after) == [
            Change(field: "name", before: "", after: "科技创新局"),
            Change(field: "sortOrder", before: "", after: "2"),
        ])
    }

    @Test("字段被去掉或变为null：新值为空")
    func removed() {
        let changes = AuditDiff.changes(before: #"{"doneOn":"2026-10-09","status":"done"}"#,
                                        after: #"{"doneOn":null,"status":"in_progress"}"#)
        #expect(changes == [
            Change(field: "doneOn", before: "2026-10-09", after: ""),
            Change(field: "status", before: "done", after: "in_progress"),
        ])
    }

    @Test("数组字段变化显示为JSON")
    func arrays() {
        let changes = AuditDiff.changes(before: #"{"coUnitIds":[4,5]}"#, after: #"{"coUnitIds":[4,6]}"#)
        #expect(changes == [Change(field: "coUnitIds", before: "[4,5]", after: "[4,6]")])
        #expect(AuditDiff.changes(before: #"{"coUnitIds":[4,5]}"#, after: #"{"coUnitIds":[4,5]}"#).isEmpty)
    }

    @Test("两边都为nil或不是JSON对象时没有差异")
    func nothing() {
        #expect(AuditDiff.changes(before: nil, after: nil).isEmpty)
        #expect(AuditDiff.changes(before: "not json", after: "[1,2]").isEmpty)
    }
}
