import Foundation
#if canImport(CoreFoundation)
import CoreFoundation
#endif
import XCTest
@testable import Spreadsheet

final class CSVReaderTests: XCTestCase {

    private func read(_ text: String) throws -> [[String]] {
        try CSVReader.read(Data(text.utf8))
    }

    private func error(_ data: Data) -> CSVReadError? {
        do { _ = try CSVReader.read(data); return nil } catch { return error as? CSVReadError }
    }

    func testQuotedFieldsWithCommasQuotesAndLineBreaks() throws {
        XCTAssertEqual(try read("a,\"b,c\",\"say \"\"hi\"\"\",d\n"), [["a", "b,c", "say \"hi\"", "d"]])
        XCTAssertEqual(try read("\"第一行\n第二行\",x\r\ny,z\r\n"), [["第一行\n第二行", "x"], ["y", "z"]])
        XCTAssertEqual(try read("\"\",\"\"\"\""), [["", "\""]], "an empty quoted field and a lone quote, no final line break")
        XCTAssertEqual(try read("5\" screen,\"a\"b\n"), [["5\" screen", "ab"]], "quotes not at a field's start are kept")
        XCTAssertEqual(try read("\"crlf\r\ninside\"\r\n"), [["crlf\r\ninside"]], "line breaks inside quotes stay as written")
    }

    func testLineEndingsBlankLinesAndRaggedRows() throws {
        XCTAssertEqual(try read("a,b\r\nc,d\ne,f\rg,h"), [["a", "b"], ["c", "d"], ["e", "f"], ["g", "h"]])
        XCTAssertEqual(try read("a,,\n\n,b\n"), [["a", "", ""], [""], ["", "b"]], "a blank line is an empty row, as Excel shows it")
        XCTAssertEqual(try read("计划,进度,备注\n优化营商环境\n"), [["计划", "进度", "备注"], ["优化营商环境"]])
        XCTAssertEqual(try read(" a , b \n"), [[" a ", " b "]], "fields are not trimmed")
        XCTAssertEqual(try read(""), [])
        XCTAssertEqual(try read("\n"), [[""]])
    }

    func testUTF8ByteOrderMarkIsStripped() throws {
        let data = Data([0xEF, 0xBB, 0xBF] + Array("计划,截止日期\r\n优化营商环境,2026-11-26\r\n".utf8))
        let rows = try CSVReader.read(data)
        XCTAssertEqual(rows, [["计划", "截止日期"], ["优化营商环境", "2026-11-26"]])
        XCTAssertEqual(rows[0][0].unicodeScalars.first, "计")
    }

    /// "计划名称,进度,备注\n优化营商环境,50%,\"含“引号”,逗号\"\n" as Chinese Excel saves it (GBK),
    /// bytes from Python's `str.encode("gbk")`.
    private let gbk: [UInt8] = [
        0xBC, 0xC6, 0xBB, 0xAE, 0xC3, 0xFB, 0xB3, 0xC6, 0x2C, 0xBD, 0xF8, 0xB6, 0xC8, 0x2C, 0xB1, 0xB8, 0xD7, 0xA2, 0x0A,
        0xD3, 0xC5, 0xBB, 0xAF, 0xD3, 0xAA, 0xC9, 0xCC, 0xBB, 0xB7, 0xBE, 0xB3, 0x2C, 0x35, 0x30, 0x25, 0x2C, 0x22, 0xBA,
        0xAC, 0xA1, 0xB0, 0xD2, 0xFD, 0xBA, 0xC5, 0xA1, 0xB1, 0x2C, 0xB6, 0xBA, 0xBA, 0xC5, 0x22, 0x0A,
    ]

    func testGBKFromChineseExcelIsDecoded() throws {
        XCTAssertEqual(try CSVReader.read(Data(gbk)), [["计划名称", "进度", "备注"], ["优化营商环境", "50%", "含“引号”,逗号"]])
        // a GB18030 four-byte sequence: U+20000 𠀀 is 0x95 0x32 0x82 0x36
        XCTAssertEqual(try CSVReader.read(Data([0x95, 0x32, 0x82, 0x36, 0x2C, 0x61])), [["𠀀", "a"]])
    }

    func testGB18030EncodingIsTheCoreFoundationOne() {
        #if canImport(CoreFoundation)
        let cf = CFStringConvertEncodingToNSStringEncoding(CFStringEncoding(CFStringEncodings.GB_18030_2000.rawValue))
        XCTAssertEqual(UInt(CSVReader.gb18030.rawValue), UInt(cf))
        #endif
    }

    func testUTF16WithByteOrderMark() throws {
        // Excel's "Unicode text": UTF-16 little-endian with a BOM, tab-separated
        var le: [UInt8] = [0xFF, 0xFE]
        for unit in "名称\t进度\r\n甲\t1\r\n".utf16 { le += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        XCTAssertEqual(try CSVReader.read(Data(le)), [["名称", "进度"], ["甲", "1"]])
        var be: [UInt8] = [0xFE, 0xFF]
        for unit in "a,b".utf16 { be += [UInt8(unit >> 8), UInt8(unit & 0xFF)] }
        XCTAssertEqual(try CSVReader.read(Data(be)), [["a", "b"]])
    }

    func testTabSeparatedOnlyWhenTheFirstLineHasTabsAndNoComma() throws {
        XCTAssertEqual(try read("名称\t进度\n甲,乙\t1\n"), [["名称", "进度"], ["甲,乙", "1"]])
        XCTAssertEqual(try read("a,b\tc\nd\te,f\n"), [["a", "b\tc"], ["d\te", "f"]])
    }

    func testUnterminatedQuoteNamesTheLineWhereItOpened() {
        XCTAssertEqual(error(Data("a,b\nc,\"open\nmore\nstill\n".utf8)), .unterminatedQuote(line: 2))
        XCTAssertEqual(error(Data("\"x\nx\",y\n\"z".utf8)), .unterminatedQuote(line: 3), "lines inside earlier quotes are counted")
        XCTAssertEqual(error(Data("a\r\nb\r\n\"".utf8)), .unterminatedQuote(line: 3), "CRLF is one line break")
        XCTAssertTrue(CSVReadError.unterminatedQuote(line: 2).description.contains("第 2 行"))
    }

    func testBinaryAndUndecodableFilesAreRefused() throws {
        let xlsx = try XLSXWriter.data(Workbook(sheets: [Sheet(name: "s", columns: [Column("a")], rows: [])]))
        XCTAssertEqual(error(xlsx), .notText)
        XCTAssertEqual(error(Data([0x41, 0xFF, 0x41])), .unknownEncoding)
        XCTAssertEqual(error(Data([0xEF, 0xBB, 0xBF, 0xC3, 0x28])), .unknownEncoding, "a UTF-8 BOM then bytes that are not UTF-8")
        XCTAssertTrue(CSVReadError.unknownEncoding.description.contains("请另存为UTF-8编码的CSV"))
    }
}
