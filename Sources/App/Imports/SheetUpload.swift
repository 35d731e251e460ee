import Domain
import Spreadsheet
import Vapor

/// An uploaded .xlsx or .csv as text rows for the importers: the first sheet whose first 20 rows hold one of
/// `headers` (or the first sheet), merged cells filled, hidden rows left out and named in the notes.
enum SheetUpload {
    /// The largest sheet an import route reads (the body is refused above it before being read).
    static let maxUpload: ByteCount = "10mb"

    static func rows(of data: Data, filename: String, headers: [String]) throws -> (rows: [IndicatorImport.SheetRow], notes: [String]) {
        let lower = filename.lowercased()
        if lower.hasSuffix(".csv") {
            return (try CSVReader.read(data).enumerated().map { ($0.offset + 1, $0.element) }, [])
        }
        guard lower.hasSuffix(".xlsx") else { throw ImportRejected([ImportRowError(line: 1, column: "文件", "请上传 .xlsx 或 .csv 文件（收到的是“\(filename)”）")]) }
        let sheets = try XLSXReader.read(data)
        guard let sheet = sheets.first(where: { s in s.rows.prefix(20).contains { r in r.cells.values.contains { headers.contains(SheetText.header($0.text)) } } }) ?? sheets.first else {
            throw ImportRejected([ImportRowError(line: 1, column: "文件", "工作簿中没有工作表")])
        }
        let filled = sheet.filledMerges()
        var out: [IndicatorImport.SheetRow] = [], hidden: [Int] = []
        for r in filled.rows {
            if r.hidden { hidden.append(r.number); continue }
            let width = r.cells.keys.max() ?? 0
            out.append((r.number, width == 0 ? [] : (1...width).map { r.cells[$0]?.text ?? "" }))
        }
        let notes = hidden.isEmpty ? [] : ["工作表“\(sheet.name)”中的隐藏行未导入：第\(hidden.map(String.init).joined(separator: "、"))行。"]
        return (out, notes + (sheets.count > 1 && sheet.name != sheets.first?.name ? ["读取的是工作表“\(sheet.name)”。"] : []))
    }

    /// A reader's failure as the sentence the page shows.
    static func message(_ error: any Error) -> String? {
        switch error {
        case let e as XLSXReadError: return "无法读取这个Excel文件：\(e.description)"
        case let e as CSVReadError: return "无法读取这个CSV文件：\(e.description)"
        default: return nil
        }
    }
}
