import Domain
import Foundation
import Spreadsheet

/// The task sheet (任务分解表) as a workbook, for the blank template and for the export: the columns of
/// `TaskSheetColumn` (the export adds progress, status and light), a title row, the header frozen, and drop-down
/// lists of the zone's units, plans, leaders and task kinds from a hidden sheet 选项.
enum TaskSheetWorkbook {
    struct Lists {
        let units: [String]
        let plans: [String]
        let leaders: [String]
    }
    static let listSheet = "选项"
    /// Rows below the data that still get the drop-downs, for the rows people add.
    static let spareRows = 500

    static func make(title: String, year: Int, rows: [[Cell]], lists: Lists, exported: Bool) -> Workbook {
        let headers = TaskSheetColumn.allCases.map { $0.isRequired ? $0.header + "*" : $0.header } + (exported ? TaskSheetColumn.exportOnlyHeaders : [])
        var sheet = Sheet.table("任务分解表", title: title, headers: headers, rows: rows)
        // Long texts wrap at a readable width instead of stretching the sheet.
        for (i, c) in TaskSheetColumn.allCases.enumerated() where [.title, .workPoint, .deliverable, .acceptance, .plan].contains(c) {
            sheet.columns[i].width = min(max(sheet.columns[i].width, 12), c == .plan ? 24 : 40)
        }
        let through = 2 + rows.count + spareRows
        func column(_ c: TaskSheetColumn) -> Int { TaskSheetColumn.allCases.firstIndex(of: c)! }
        let kinds = ["任务", "节点"]
        sheet.validations = [
            ListValidation(column: column(.plan), throughRow: through, sourceSheet: listSheet, sourceColumn: 1, sourceCount: lists.plans.count, strict: false),
            ListValidation(column: column(.kind), throughRow: through, sourceSheet: listSheet, sourceColumn: 3, sourceCount: kinds.count),
            ListValidation(column: column(.owner), throughRow: through, sourceSheet: listSheet, sourceColumn: 0, sourceCount: lists.units.count),
            ListValidation(column: column(.coUnits), throughRow: through, sourceSheet: listSheet, sourceColumn: 0, sourceCount: lists.units.count, strict: false),
            ListValidation(column: column(.leader), throughRow: through, sourceSheet: listSheet, sourceColumn: 2, sourceCount: lists.leaders.count),
        ]
        let height = max(lists.units.count, lists.plans.count, lists.leaders.count, kinds.count)
        let listRows: [[Cell]] = (0..<height).map { i in
            [lists.units, lists.plans, lists.leaders, kinds].map { i < $0.count ? .text($0[i]) : .empty }
        }
        let options = Sheet(name: listSheet, columns: [Column("单位", width: 24), Column("计划", width: 30), Column("分管领导", width: 12), Column("类型", width: 8)],
                            rows: listRows, frozenHeaderRows: 1, hidden: true)
        let notes = Sheet(name: "填写说明", columns: [Column("填写说明", width: 100)], rows: instructions(year: year).map { [.text($0)] }, frozenHeaderRows: 0)
        return Workbook(sheets: [sheet, notes, options])
    }

    static func instructions(year: Int) -> [String] {
        [
            "1. 每行一项任务；带*的列必填。计划、工作要点可用合并单元格，一个计划或要点只写一次。",
            "2. 任务编号：新任务留空；从系统导出的表保留编号，改完再导入即更新原任务，不会重复。没有编号时按“工作要点＋任务名称”匹配已有任务。",
            "3. 日期可写 \(year)-06-30、\(year)/6/30、\(year)年6月30日、6月30日前、6月底、6月下旬、二季度末、年底；未写年份的按\(year)年。",
            "4. 计划开始留空、填了工期（工作日）的，按完成时限倒排开始日期（跳过周末和法定节假日，含调休上班日）。",
            "5. 责任单位填一个；配合单位可填多个，用顿号“、”分隔。单位名称须与系统一致（下拉可选），写错时导入会提示最接近的单位。",
            "6. 类型填“任务”或“节点”（节点即里程碑，开始日期与完成时限相同）。前置任务填任务编号或本表中的任务名称，多个用“、”分隔。",
            "7. 导入先预览：列出将新建、修改的内容和每一处错误（含单元格位置）；确认后全部导入，任何一行有误则一行也不导入。",
            "8. 完成进度、状态、红黄绿灯三列只供查看，导入时不读取。",
        ]
    }
}
