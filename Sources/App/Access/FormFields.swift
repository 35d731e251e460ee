import Domain
import Foundation
import Vapor
import Views

/// A form body as name → values (repeated names, as multi-selects send, keep every value): URL-encoded,
/// or multipart/form-data, whose file parts are kept apart in `files`.
struct FormFields {
    private var values: [String: [String]] = [:]
    /// Uploaded files by field name (multipart only); parts without a file name are text fields.
    private(set) var files: [String: [UploadedFile]] = [:]

    struct UploadedFile {
        let filename: String
        let data: Data
    }

    init?(_ request: Request) {
        if request.headers.contentType?.type == "multipart", request.headers.contentType?.subType == "form-data" {
            guard let boundary = request.headers.contentType?.parameters["boundary"], let body = request.body.data,
                  let parts = try? Self.parts(body, boundary: boundary) else { return nil }
            for p in parts {
                guard let name = p.name else { continue }
                let disposition = p.headers.first(name: "Content-Disposition") ?? ""
                if let filename = Self.filename(disposition) {
                    // A file input left empty sends a part with an empty name and no bytes.
                    if filename.isEmpty && p.body.readableBytes == 0 { continue }
                    files[name, default: []].append(UploadedFile(filename: filename, data: Data(p.body.readableBytesView)))
                } else {
                    values[name, default: []].append(String(buffer: p.body))
                }
            }
            return
        }
        guard request.headers.contentType == .urlEncodedForm, let body = request.body.string else { return nil }
        for pair in body.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ s: Substring) -> String {
                String(s).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(s)
            }
            let key = decode(parts[0])
            values[key, default: []].append(parts.count > 1 ? decode(parts[1]) : "")
        }
    }

    private static func parts(_ body: ByteBuffer, boundary: String) throws -> [MultipartPart] {
        let parser = MultipartParser(boundary: boundary)
        var parts: [MultipartPart] = []
        var headers = HTTPHeaders(), buffer = ByteBuffer()
        parser.onHeader = { headers.add(name: $0, value: $1) }
        parser.onBody = { buffer.writeBuffer(&$0) }
        parser.onPartComplete = {
            parts.append(MultipartPart(headers: headers, body: buffer))
            headers = HTTPHeaders(); buffer = ByteBuffer()
        }
        try parser.execute(body)
        return parts
    }

    /// The `filename` of a Content-Disposition header (quoted; browsers send UTF-8 bytes as they are).
    private static func filename(_ disposition: String) -> String? {
        guard let r = disposition.range(of: "filename=\"") else { return nil }
        let rest = disposition[r.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return String(rest) }
        return String(rest[..<end])
    }

    static func require(_ request: Request) throws -> FormFields {
        guard let f = FormFields(request) else { throw AppError.badRequest("请以表单方式提交") }
        return f
    }

    func first(_ name: String) -> String? { values[name]?.first }
    func all(_ name: String) -> [String] { (values[name] ?? []).filter { !$0.isEmpty } }
    /// Every value sent under `name`, empty ones included, in order (a table of inputs read back row by row).
    func list(_ name: String) -> [String] { values[name] ?? [] }
    func text(_ name: String) -> String { (first(name) ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
    func has(_ name: String) -> Bool { values[name] != nil }
    /// Every field name sent, in no particular order.
    var names: [String] { Array(values.keys) }
}

/// Reads typed values from a form, collecting one Chinese message per bad field.
struct FormReader {
    let form: FormFields
    var errors: [String: String] = [:]
    init(_ form: FormFields) { self.form = form }

    /// nil when the field is absent or empty; an error when present but not an integer.
    mutating func int(_ name: String, label: String) -> Int? {
        let s = form.text(name)
        guard !s.isEmpty else { return nil }
        guard let v = Int(s) else { errors[name] = "\(label)须为整数"; return nil }
        return v
    }
    mutating func double(_ name: String, label: String) -> Double? {
        let s = form.text(name)
        guard !s.isEmpty else { return nil }
        guard let v = Double(s), v.isFinite else { errors[name] = "\(label)须为数字"; return nil }
        return v
    }
    mutating func day(_ name: String, label: String) -> Day? {
        let s = form.text(name)
        guard !s.isEmpty else { return nil }
        guard let d = Day(iso: s) else { errors[name] = "\(label)须为有效日期（年-月-日）"; return nil }
        return d
    }
    mutating func ints(_ name: String, label: String) -> [Int] {
        var out: [Int] = []
        for raw in form.all(name) {
            for piece in raw.split(whereSeparator: { $0 == "," || $0 == "，" || $0 == " " || $0 == "、" }) {
                if let v = Int(piece.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "#"))) { out.append(v) }
                else { errors[name] = "\(label)须为编号，多个以逗号分隔" }
            }
        }
        return out
    }
    mutating func enumValue<E: RawRepresentable>(_ name: String, _ type: E.Type, label: String) -> E? where E.RawValue == String {
        let s = form.text(name)
        guard !s.isEmpty else { return nil }
        guard let v = E(rawValue: s) else { errors[name] = "\(label)的取值无效"; return nil }
        return v
    }
    /// The version the user's form was based on; required for edits.
    mutating func version() -> Int? {
        guard let v = Int(form.text("version")) else { errors["_form"] = "表单缺少版本号，请刷新页面后重试"; return nil }
        return v
    }
    var formErrors: FormErrors { FormErrors(errors) }
}
