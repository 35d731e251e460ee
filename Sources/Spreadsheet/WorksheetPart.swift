/// Where things go on one sheet (1-based rows and columns), shared by the sheet XML and the
/// workbook's defined names.
struct SheetLayout: Equatable {
    /// Row 1 when the sheet has a title.
    let titleRow: Int?
    /// The header row, when the sheet has columns.
    let headerRow: Int?
    let firstDataRow: Int
    /// The last row written (at least 1).
    let lastRow: Int
    /// The widest row or the header, whichever is wider (at least 1).
    let lastColumn: Int
    /// Rows frozen at the top (the pane's ySplit), 0 for none.
    let frozenRows: Int

    init(_ sheet: Sheet) {
        var row = 1
        titleRow = sheet.title == nil ? nil : row
        if titleRow != nil { row += 1 }
        headerRow = sheet.columns.isEmpty ? nil : row
        if headerRow != nil { row += 1 }
        firstDataRow = row
        lastRow = max(1, firstDataRow - 1 + sheet.rows.count)
        lastColumn = max(1, sheet.columns.count, sheet.rows.map(\.count).max() ?? 0)
        let frozenFromHeader = max(0, sheet.frozenHeaderRows)
        frozenRows = frozenFromHeader == 0 ? 0 : (titleRow == nil ? 0 : 1) + frozenFromHeader
    }

    /// The header row and the data below it, over the header's width: the autoFilter range.
    func filterRange(columns: Int) -> (fromColumn: Int, fromRow: Int, toColumn: Int, toRow: Int)? {
        guard let headerRow, columns > 0 else { return nil }
        return (1, headerRow, columns, max(headerRow, lastRow))
    }
}

/// xl/worksheets/sheetN.xml for one sheet.
enum WorksheetPart {
    static let titleRowHeight = 24.0
    /// Points per text line at 11 pt (Excel's default row is 14.25 with 等线, 15 with Calibri).
    static let lineHeight = 15.0
    /// Excel's row height limit, in points.
    static let maxRowHeight = 409.0
    /// Up to this total column width (about a laptop screen at 100% zoom) the title is centred
    /// over the columns; beyond it, left-aligned so it is in view when the sheet opens.
    static let centredTitleMaxWidth = 120.0
    /// Excel's column width limit.
    static let maxColumnWidth = 255.0

    /// The sheet's XML; cell text goes into `strings`. Throws for values Excel cannot hold.
    static func xml(_ sheet: Sheet, name: String, isFirst: Bool, strings: inout SharedStrings, finalNames: [String: String] = [:]) throws -> String {
        let layout = SheetLayout(sheet)
        guard layout.lastRow <= CellReference.maxRow else {
            throw XLSXError.tooManyRows(sheet: name, rows: layout.lastRow)
        }
        guard layout.lastColumn <= CellReference.maxColumn else {
            throw XLSXError.tooManyColumns(sheet: name, columns: layout.lastColumn)
        }

        var out = XMLPart.declaration
        out += "<worksheet xmlns=\"\(XMLPart.mainNamespace)\" xmlns:r=\"\(XMLPart.relationshipsNamespace)\">"
        // fitToPage makes pageSetup's fitToWidth/fitToHeight count
        out += "<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>"
        out += "<dimension ref=\"\(CellReference.range(fromColumn: 1, row: 1, toColumn: layout.lastColumn, row: layout.lastRow))\"/>"
        out += sheetViews(layout, isFirst: isFirst)
        out += cols(sheet.columns)

        out += "<sheetData>"
        if let titleRow = layout.titleRow, let title = sheet.title {
            out += "<row r=\"\(titleRow)\" ht=\"\(XMLPart.number(titleRowHeight))\" customHeight=\"1\">"
            let totalWidth = sheet.columns.reduce(0) { $0 + ($1.width.isFinite ? $1.width : 0) }
            let style: CellStyle = totalWidth <= centredTitleMaxWidth ? .title : .titleLeft
            out += try cell(.text(title), column: 1, row: titleRow, style: style, sheet: name, strings: &strings)
            out += "</row>"
        }
        if let headerRow = layout.headerRow {
            out += "<row r=\"\(headerRow)\">"
            for (i, column) in sheet.columns.enumerated() {
                let value: Cell = column.header.isEmpty ? .empty : .text(column.header)
                out += try cell(value, column: i + 1, row: headerRow, style: .header, sheet: name, strings: &strings)
            }
            out += "</row>"
        }
        for (r, cells) in sheet.rows.enumerated() {
            let rowNumber = layout.firstDataRow + r
            // Rows with multi-line text get the height of their tallest cell: readers don't all
            // grow rows on load. No customHeight, so the row stays "auto height" in Excel.
            let lines = cells.reduce(1) { max($0, lineCount($1)) }
            if lines > 1 {
                out += "<row r=\"\(rowNumber)\" ht=\"\(XMLPart.number(min(maxRowHeight, Double(lines) * lineHeight)))\">"
            } else {
                out += "<row r=\"\(rowNumber)\">"
            }
            for (c, value) in cells.enumerated() {
                out += try cell(value, column: c + 1, row: rowNumber, style: nil, sheet: name, strings: &strings)
            }
            out += "</row>"
        }
        out += "</sheetData>"

        if let f = layout.filterRange(columns: sheet.columns.count) {
            out += "<autoFilter ref=\"\(CellReference.range(fromColumn: f.fromColumn, row: f.fromRow, toColumn: f.toColumn, row: f.toRow))\"/>"
        }
        if let titleRow = layout.titleRow {
            let width = sheet.columns.isEmpty ? layout.lastColumn : sheet.columns.count
            if width > 1 {
                out += "<mergeCells count=\"1\"><mergeCell ref=\"\(CellReference.range(fromColumn: 1, row: titleRow, toColumn: width, row: titleRow))\"/></mergeCells>"
            }
        }
        out += dataValidations(sheet, layout: layout, finalNames: finalNames)
        out += "<printOptions horizontalCentered=\"1\"/>"
        out += "<pageMargins left=\"0.5\" right=\"0.5\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>"
        // A4 (9); as wide as one page, as many pages tall as needed (fitToHeight 0).
        out += "<pageSetup paperSize=\"9\" orientation=\"\(sheet.landscape ? "landscape" : "portrait")\" fitToWidth=\"1\" fitToHeight=\"0\"/>"
        out += "</worksheet>"
        return out
    }

    /// The drop-down lists (after mergeCells, before printOptions, as the schema orders them).
    static func dataValidations(_ sheet: Sheet, layout: SheetLayout, finalNames: [String: String]) -> String {
        guard !sheet.validations.isEmpty else { return "" }
        var out = "<dataValidations count=\"\(sheet.validations.count)\">"
        for v in sheet.validations {
            let source = SheetName.quotedForFormula(finalNames[v.sourceSheet] ?? v.sourceSheet) + "!" +
                CellReference.absoluteRange(fromColumn: v.sourceColumn + 1, row: 2, toColumn: v.sourceColumn + 1, row: max(2, v.sourceCount + 1))
            let target = CellReference.range(fromColumn: v.column + 1, row: layout.firstDataRow, toColumn: v.column + 1, row: max(layout.firstDataRow, v.throughRow))
            let check = v.strict ? " showErrorMessage=\"1\" errorStyle=\"warning\" errorTitle=\"不在列表中\" error=\"请从下拉列表中选择；如确需填写其他内容，请点“是”。\"" : " showErrorMessage=\"0\""
            out += "<dataValidation type=\"list\" allowBlank=\"1\" showInputMessage=\"0\"\(check) sqref=\"\(target)\">"
            out += "<formula1>\(XMLText.escape(source))</formula1></dataValidation>"
        }
        return out + "</dataValidations>"
    }

    /// Lines of a text cell (1 for anything else); "\r\n" counts as one break.
    static func lineCount(_ value: Cell) -> Int {
        guard case .text(let text) = value else { return 1 }
        var lines = 1
        var previous: Unicode.Scalar = " "
        for scalar in text.unicodeScalars {
            if scalar == "\r" || (scalar == "\n" && previous != "\r") { lines += 1 }
            previous = scalar
        }
        return lines
    }

    static func sheetViews(_ layout: SheetLayout, isFirst: Bool) -> String {
        var out = "<sheetViews><sheetView workbookViewId=\"0\"\(isFirst ? " tabSelected=\"1\"" : "")>"
        if layout.frozenRows > 0 {
            let topLeft = CellReference.cell(column: 1, row: layout.frozenRows + 1)
            out += "<pane ySplit=\"\(layout.frozenRows)\" topLeftCell=\"\(topLeft)\" activePane=\"bottomLeft\" state=\"frozen\"/>"
            out += "<selection pane=\"bottomLeft\" activeCell=\"\(topLeft)\" sqref=\"\(topLeft)\"/>"
        }
        out += "</sheetView></sheetViews>"
        return out
    }

    static func cols(_ columns: [Column]) -> String {
        guard !columns.isEmpty else { return "" }
        var out = "<cols>"
        for (i, column) in columns.enumerated() {
            let width = column.width.isFinite ? min(maxColumnWidth, max(0, column.width)) : 10
            out += "<col min=\"\(i + 1)\" max=\"\(i + 1)\" width=\"\(XMLPart.number(width))\" customWidth=\"1\"/>"
        }
        out += "</cols>"
        return out
    }

    /// One `<c>` element, or "" for an empty cell without a style.
    static func cell(_ value: Cell, column: Int, row: Int, style: CellStyle?, sheet: String,
                     strings: inout SharedStrings) throws -> String {
        let ref = CellReference.cell(column: column, row: row)
        func s(_ fallback: CellStyle) -> String {
            let index = (style ?? fallback).rawValue
            return index == 0 ? "" : " s=\"\(index)\""
        }
        switch value {
        case .empty:
            guard let style else { return "" }
            return "<c r=\"\(ref)\" s=\"\(style.rawValue)\"/>"
        case .text(let text):
            let length = XMLText.cleaned(text).utf16.count
            guard length <= XLSXWriter.maxTextLength else {
                throw XLSXError.textTooLong(sheet: sheet, cell: ref, length: length)
            }
            let multiline = text.unicodeScalars.contains { $0 == "\n" || $0 == "\r" }
            return "<c r=\"\(ref)\"\(s(multiline ? .wrapped : .normal)) t=\"s\"><v>\(strings.index(of: text))</v></c>"
        case .number(let d):
            guard d.isFinite else { throw XLSXError.nonFiniteNumber(sheet: sheet, cell: ref) }
            return "<c r=\"\(ref)\"\(s(.normal))><v>\(XMLPart.number(d))</v></c>"
        case .integer(let i):
            return "<c r=\"\(ref)\"\(s(.normal))><v>\(i)</v></c>"
        case .percent(let d):
            guard d.isFinite else { throw XLSXError.nonFiniteNumber(sheet: sheet, cell: ref) }
            return "<c r=\"\(ref)\"\(s(.percent))><v>\(XMLPart.number(d))</v></c>"
        case .date(let iso):
            guard let serial = ExcelDate.serial(iso: iso) else {
                throw XLSXError.invalidDate(sheet: sheet, cell: ref, value: iso)
            }
            return "<c r=\"\(ref)\"\(s(.date))><v>\(serial)</v></c>"
        }
    }
}
