import Foundation
import ZIPFoundation

/// Why an .xlsx file could not be read. Each message is in Chinese for the person who uploaded
/// the file, then in English.
public enum XLSXReadError: Error, Equatable, CustomStringConvertible {
    /// The bytes are not a zip archive (an old .xls, a renamed file, a truncated upload).
    case notZip
    /// A zip archive, but with no workbook part: not a spreadsheet (a .docx, a plain zip).
    case notXLSX
    /// A zip entry could not be extracted: bad compressed data or a wrong checksum.
    case damagedPart(String)
    /// The workbook refers to a part the archive does not have.
    case missingPart(String)
    /// A part unpacks to more than `XLSXReader.maxPartBytes` (a zip bomb, or far too much data).
    case partTooLarge(part: String, limit: Int)
    /// The parts read unpack to more than `XLSXReader.maxTotalBytes` together.
    case tooLarge(limit: Int)
    /// A part is not well-formed XML (or has a DOCTYPE, which Office files never have).
    case malformedXML(part: String, detail: String)
    /// A cell or range reference ("B3", "A1:C4") or row number that does not parse.
    case badCellReference(sheet: String, reference: String)
    /// A cell whose value does not fit its type (a number cell holding "abc").
    case badCellValue(sheet: String, cell: String, detail: String)
    /// A row number beyond Excel's 1,048,576.
    case tooManyRows(sheet: String, row: Int)
    /// A column beyond Excel's 16,384 (XFD).
    case tooManyColumns(sheet: String, column: Int)
    /// Merged ranges that `filledMerges()` would blow up to more than `XLSXReader.maxMergedCells` cells.
    case tooManyMergedCells(sheet: String, cells: Int)

    public var description: String {
        switch self {
        case .notZip:
            return "文件不是 .xlsx 格式（可能是旧版 .xls 或文件已损坏），请用 Excel 或 WPS 另存为 .xlsx 后重试 / not an .xlsx file: it does not open as a zip archive (an old .xls, or damaged)"
        case .notXLSX:
            return "文件不是 Excel 工作簿（缺少 xl/workbook.xml） / not an Excel workbook: the archive has no workbook part"
        case .damagedPart(let part):
            return "文件已损坏：\(part) 无法解压 / damaged file: \(part) cannot be unpacked"
        case .missingPart(let part):
            return "文件不完整：缺少 \(part) / incomplete file: \(part) is missing"
        case let .partTooLarge(part, limit):
            return "文件过大：\(part) 解压后超过 \(limit / 1_048_576) MB / file too large: \(part) unpacks to more than \(limit / 1_048_576) MB"
        case .tooLarge(let limit):
            return "文件过大：解压后超过 \(limit / 1_048_576) MB / file too large: it unpacks to more than \(limit / 1_048_576) MB"
        case let .malformedXML(part, detail):
            return "文件内容格式错误：\(part)（\(detail)） / malformed XML in \(part): \(detail)"
        case let .badCellReference(sheet, reference):
            return "工作表“\(sheet)”中的单元格引用“\(reference)”无效 / sheet \(sheet): bad cell reference \"\(reference)\""
        case let .badCellValue(sheet, cell, detail):
            return "工作表“\(sheet)”的单元格 \(cell) 内容无效（\(detail)） / \(sheet)!\(cell): \(detail)"
        case let .tooManyRows(sheet, row):
            return "工作表“\(sheet)”的行号 \(row) 超过 Excel 上限 \(CellReference.maxRow) / sheet \(sheet): row \(row) is beyond Excel's \(CellReference.maxRow) rows"
        case let .tooManyColumns(sheet, column):
            return "工作表“\(sheet)”的第 \(column) 列超过 Excel 上限 \(CellReference.maxColumn) 列 / sheet \(sheet): column \(column) is beyond Excel's \(CellReference.maxColumn) columns"
        case let .tooManyMergedCells(sheet, cells):
            return "工作表“\(sheet)”的合并单元格过大（共 \(cells) 格） / sheet \(sheet): merged ranges cover \(cells) cells, too many"
        }
    }
}

/// Reads the values of every worksheet of an .xlsx file (Excel, WPS, LibreOffice, or
/// `XLSXWriter`): text (shared, inline, rich text), numbers, dates (numbers with a date format,
/// 1900 or 1904 date system), booleans, errors and formulas' cached results, plus merged ranges
/// and hidden rows. Formatting, formulas themselves, comments and pictures are not read.
///
/// The file is untrusted input: every part's unpacked size is checked before and while it is
/// unpacked (zip bombs), the XML may not declare a DOCTYPE (entity expansion), and row, column
/// and merged-cell counts are held to Excel's limits. Anything else wrong throws `XLSXReadError`.
public enum XLSXReader {
    /// The most one part (one worksheet's XML, the shared strings…) may unpack to: 50 MB.
    public static let maxPartBytes = 50 * 1_048_576
    /// The most all the parts read may unpack to together: 200 MB.
    public static let maxTotalBytes = 200 * 1_048_576
    /// The most cells `filledMerges()` may fill on one sheet: 2,000,000.
    public static let maxMergedCells = 2_000_000

    /// The sheets, in workbook (tab) order; hidden sheets included, chart sheets left out.
    public static func read(_ data: Data) throws -> [ReadSheet] {
        try read(data, limits: Limits())
    }

    /// The size limits, separate so tests can lower them.
    struct Limits {
        var maxPartBytes = XLSXReader.maxPartBytes
        var maxTotalBytes = XLSXReader.maxTotalBytes
        var maxMergedCells = XLSXReader.maxMergedCells
    }

    static func read(_ data: Data, limits: Limits) throws -> [ReadSheet] {
        let package = try Package(data, limits: limits)

        // _rels/.rels names the workbook part; xl/workbook.xml is where everyone puts it.
        var workbookPath = "xl/workbook.xml"
        if let rootRels = try package.part("_rels/.rels"),
           let target = try relationships(rootRels, path: "_rels/.rels", base: "").values.first(where: { $0.type.hasSuffix("/officeDocument") }) {
            workbookPath = target.path
        }
        guard let workbookXML = try package.part(workbookPath) else { throw XLSXReadError.notXLSX }
        let workbook = try WorkbookPart(workbookXML, path: workbookPath)

        let relsPath = relationshipsPath(of: workbookPath)
        guard let relsXML = try package.part(relsPath) else { throw XLSXReadError.missingPart(relsPath) }
        let rels = try relationships(relsXML, path: relsPath, base: workbookPath)

        var sharedStrings: [String] = []
        if let rel = rels.values.first(where: { $0.type.hasSuffix("/sharedStrings") }) {
            guard let xml = try package.part(rel.path) else { throw XLSXReadError.missingPart(rel.path) }
            sharedStrings = try SharedStringsReader.read(xml, path: rel.path)
        }
        var dateStyles = DateStyles.none
        if let rel = rels.values.first(where: { $0.type.hasSuffix("/styles") }) {
            guard let xml = try package.part(rel.path) else { throw XLSXReadError.missingPart(rel.path) }
            dateStyles = try DateStyles.read(xml, path: rel.path)
        }

        var sheets: [ReadSheet] = []
        for entry in workbook.sheets {
            guard let rel = rels[entry.relationshipID] else {
                throw XLSXReadError.missingPart("\(relsPath)#\(entry.relationshipID)")
            }
            guard rel.type.hasSuffix("/worksheet") else { continue }   // chart and dialog sheets
            guard let xml = try package.part(rel.path) else { throw XLSXReadError.missingPart(rel.path) }
            let reader = WorksheetReader(sheet: entry.name, path: rel.path, sharedStrings: sharedStrings,
                                         dateStyles: dateStyles, date1904: workbook.date1904)
            let sheet = try reader.read(xml)
            let filled = sheet.filledMergeCellCount
            guard filled <= limits.maxMergedCells else {
                throw XLSXReadError.tooManyMergedCells(sheet: entry.name, cells: filled)
            }
            sheets.append(sheet)
        }
        return sheets
    }

    // MARK: the package

    /// The zip archive, unpacking parts within the size limits. The bytes are read from a temporary file, not
    /// through ZIPFoundation's in-memory archive: that one traps (a negative range) when a damaged archive seeks
    /// past its end, which would let one bad upload end the server. Found by `SpreadsheetFuzzTests`.
    final class Package {
        let archive: Archive
        let limits: Limits
        private let file: URL
        /// Bytes unpacked so far, all parts together.
        private var total = 0

        init(_ data: Data, limits: Limits) throws {
            file = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("guatu-xlsx-\(UUID().uuidString).zip")
            do {
                try data.write(to: file)
            } catch {
                throw XLSXReadError.notZip
            }
            do {
                archive = try Archive(url: file, accessMode: .read, pathEncoding: nil)
            } catch {
                try? FileManager.default.removeItem(at: file)
                throw XLSXReadError.notZip
            }
            self.limits = limits
        }

        deinit {
            // Unlinking an open file is fine: the archive's handle keeps it until it closes.
            try? FileManager.default.removeItem(at: file)
        }

        /// The unpacked bytes of the part at `path`, or nil if the archive has no such file.
        /// The size the entry declares is checked before unpacking, and the bytes actually
        /// produced while unpacking, since a hostile archive may declare a small size.
        func part(_ path: String) throws -> Data? {
            guard let entry = archive[path], entry.type == .file else { return nil }
            let declared = entry.uncompressedSize
            guard declared <= UInt64(limits.maxPartBytes) else {
                throw XLSXReadError.partTooLarge(part: path, limit: limits.maxPartBytes)
            }
            guard UInt64(total) + declared <= UInt64(limits.maxTotalBytes) else {
                throw XLSXReadError.tooLarge(limit: limits.maxTotalBytes)
            }
            var bytes = Data()
            bytes.reserveCapacity(Int(declared))
            do {
                let checksum = try archive.extract(entry) { chunk in
                    bytes.append(chunk)
                    guard bytes.count <= self.limits.maxPartBytes else {
                        throw XLSXReadError.partTooLarge(part: path, limit: self.limits.maxPartBytes)
                    }
                    guard self.total + bytes.count <= self.limits.maxTotalBytes else {
                        throw XLSXReadError.tooLarge(limit: self.limits.maxTotalBytes)
                    }
                }
                guard checksum == entry.checksum, UInt64(bytes.count) == declared else {
                    throw XLSXReadError.damagedPart(path)
                }
            } catch let error as XLSXReadError {
                throw error
            } catch {
                throw XLSXReadError.damagedPart(path)
            }
            total += bytes.count
            return bytes
        }
    }

    // MARK: workbook and relationships

    /// xl/workbook.xml: the sheets in tab order and the date system.
    struct WorkbookPart {
        var sheets: [(name: String, relationshipID: String)] = []
        /// `<workbookPr date1904="1"/>`: serial 0 is 1904-01-01.
        var date1904 = false

        init(_ data: Data, path: String) throws {
            var sheets: [(name: String, relationshipID: String)] = []
            var date1904 = false
            try XMLEvents.parse(data, path: path, start: { name, attributes in
                switch name {
                case "sheet":
                    guard let sheetName = attributes["name"], let id = attributes["id"] else {
                        throw XLSXReadError.malformedXML(part: path, detail: "a <sheet> without name or r:id")
                    }
                    sheets.append((sheetName, id))
                case "workbookPr":
                    date1904 = attributes.flag("date1904")
                default:
                    break
                }
            }, end: { _, _ in })
            self.sheets = sheets
            self.date1904 = date1904
        }
    }

    /// A relationship's type URI and the path of the part it points to.
    typealias Relationship = (type: String, path: String)

    /// A .rels part: relationship id → type and target part. Targets are relative to the
    /// directory of `base`, the part the relationships belong to ("" for the package root), or
    /// absolute from the package root when they start with "/". External targets are left out.
    static func relationships(_ data: Data, path: String, base: String) throws -> [String: Relationship] {
        var out: [String: Relationship] = [:]
        try XMLEvents.parse(data, path: path, start: { name, attributes in
            guard name == "Relationship", attributes["TargetMode"] != "External",
                  let id = attributes["Id"], let type = attributes["Type"], let target = attributes["Target"] else { return }
            out[id] = (type, resolve(target, from: base))
        }, end: { _, _ in })
        return out
    }

    /// "xl/workbook.xml" → "xl/_rels/workbook.xml.rels".
    static func relationshipsPath(of part: String) -> String {
        var pieces = part.split(separator: "/").map(String.init)
        let file = pieces.popLast() ?? ""
        return (pieces + ["_rels", file + ".rels"]).joined(separator: "/")
    }

    /// `target` as a package path: "worksheets/sheet1.xml" from "xl/workbook.xml" is
    /// "xl/worksheets/sheet1.xml", "../x.xml" goes up, "/xl/a.xml" is "xl/a.xml".
    static func resolve(_ target: String, from base: String) -> String {
        var pieces = target.hasPrefix("/") ? [] : base.split(separator: "/").dropLast().map(String.init)
        for piece in target.split(separator: "/") {
            switch piece {
            case "..": _ = pieces.popLast()
            case ".": break
            default: pieces.append(String(piece))
            }
        }
        return pieces.joined(separator: "/")
    }
}
