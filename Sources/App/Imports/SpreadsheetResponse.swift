import Spreadsheet
import Vapor

extension Response {
    /// An .xlsx download named `filename` (UTF-8, RFC 5987), never cached.
    static func xlsx(_ book: Workbook, filename: String) throws -> Response {
        let encoded = filename.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "download.xlsx"
        return Response(status: .ok, headers: ["Content-Type": XLSXWriter.contentType, "Content-Disposition": "attachment; filename*=UTF-8''\(encoded)",
                                               "Cache-Control": "no-store"], body: .init(data: try XLSXWriter.data(book)))
    }
}
