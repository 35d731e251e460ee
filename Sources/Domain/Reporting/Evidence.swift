import Foundation

/// 佐证材料: the files a unit attaches to a report. The product checks what a file is (its name's
/// extension and its first bytes must agree on one of the accepted kinds) and how large it is; it does
/// not promise a file is free of viruses. Files are stored once by the SHA-256 of their content.
public enum EvidenceKind: String, Codable, Sendable, CaseIterable {
    case pdf, png, jpeg, gif, webp
    /// Office Open XML (.docx, .xlsx, .pptx): a zip container.
    case officeOpenXML = "ooxml"
    /// Legacy Office (.doc, .xls, .ppt, .wps, .et): an OLE compound file.
    case officeLegacy = "ole"

    /// The content type a download is served with.
    public var contentType: String {
        switch self {
        case .pdf: return "application/pdf"
        case .png: return "image/png"
        case .jpeg: return "image/jpeg"
        case .gif: return "image/gif"
        case .webp: return "image/webp"
        case .officeOpenXML, .officeLegacy: return "application/octet-stream"
        }
    }

    public var isImage: Bool { [.png, .jpeg, .gif, .webp].contains(self) }
}

public enum EvidenceRules {
    /// At most 20 MB per file.
    public static let maxBytes = 20 * 1024 * 1024
    /// At most 10 files per report.
    public static let maxFiles = 10
    /// File names are kept for download, trimmed to this many characters.
    public static let maxNameLength = 120

    /// Extensions accepted and the kind each must be.
    public static let extensions: [String: EvidenceKind] = [
        "pdf": .pdf, "png": .png, "jpg": .jpeg, "jpeg": .jpeg, "gif": .gif, "webp": .webp,
        "docx": .officeOpenXML, "xlsx": .officeOpenXML, "pptx": .officeOpenXML,
        "doc": .officeLegacy, "xls": .officeLegacy, "ppt": .officeLegacy, "wps": .officeLegacy, "et": .officeLegacy,
    ]

    /// The `accept` list for a file input.
    public static var acceptList: String { extensions.keys.sorted().map { "." + $0 }.joined(separator: ",") }

    /// What the first bytes say the file is, whatever its name.
    public static func sniff(_ head: [UInt8]) -> EvidenceKind? {
        func starts(_ sig: [UInt8], at offset: Int = 0) -> Bool {
            head.count >= offset + sig.count && Array(head[offset..<offset + sig.count]) == sig
        }
        if starts(Array("%PDF-".utf8)) { return .pdf }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if starts([0xFF, 0xD8, 0xFF]) { return .jpeg }
        if starts(Array("GIF87a".utf8)) || starts(Array("GIF89a".utf8)) { return .gif }
        if starts(Array("RIFF".utf8)) && starts(Array("WEBP".utf8), at: 8) { return .webp }
        if starts([0x50, 0x4B, 0x03, 0x04]) { return .officeOpenXML }
        if starts([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return .officeLegacy }
        return nil
    }

    /// A file name safe to keep and to send back in a download header: no path, no control characters.
    public static func cleanName(_ name: String) -> String {
        let base = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let cleaned = String(base.unicodeScalars.filter { $0.value >= 0x20 && $0 != "\u{7F}" && $0 != "\"" }.map(Character.init))
            .trimmingCharacters(in: .whitespaces)
        return String(cleaned.prefix(maxNameLength))
    }

    /// Checks one file: a known extension, content of that kind, not empty, not over the limit.
    public static func check(filename: String, size: Int, head: [UInt8]) throws -> EvidenceKind {
        let name = cleanName(filename)
        guard !name.isEmpty else { throw ValidationError(field: "evidence", "佐证材料缺少文件名") }
        let ext = name.split(separator: ".").count > 1 ? String(name.split(separator: ".").last!).lowercased() : ""
        guard let expected = extensions[ext] else {
            throw ValidationError(field: "evidence", "“\(name)”的类型不在允许之列。允许：PDF、图片（JPG、PNG、GIF、WEBP）、Word、Excel、PowerPoint、WPS 文件")
        }
        guard size > 0 else { throw ValidationError(field: "evidence", "“\(name)”是空文件") }
        guard size <= maxBytes else {
            throw ValidationError(field: "evidence", "“\(name)”大小为\(megabytes(size))，超过每个文件\(maxBytes / 1024 / 1024)MB的上限")
        }
        guard let actual = sniff(head), actual == expected else {
            throw ValidationError(field: "evidence", "“\(name)”的内容与扩展名.\(ext)不符，可能已损坏或被改名，请上传原始文件")
        }
        return expected
    }

    public static func megabytes(_ bytes: Int) -> String {
        bytes < 1024 * 1024 ? "\(max(1, bytes / 1024))KB" : String(format: "%.1fMB", Double(bytes) / 1024 / 1024)
    }
}
