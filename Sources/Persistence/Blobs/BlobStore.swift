import Crypto
import Foundation

/// Uploaded files (佐证材料), stored once by the SHA-256 of their content under a directory:
/// `<root>/ab/cdef…` (the first two hex digits as a subfolder). A file is written to a temporary name,
/// flushed and renamed into place, so a crash leaves either the whole file or none. Several instances
/// share the directory (shared storage); the same content always lands at the same name.
public struct BlobStore: Sendable {
    public let root: String
    public init(root: String) { self.root = root }

    public static func hash(_ data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }

    func path(_ sha256: String) -> String {
        root + "/" + sha256.prefix(2) + "/" + sha256.dropFirst(2)
    }

    /// Stores `data` and returns its hash; storing the same content again writes nothing.
    @discardableResult
    public func put(_ data: Data) throws -> String {
        let sha = Self.hash(data)
        let target = path(sha)
        let fm = FileManager.default
        if fm.fileExists(atPath: target) { return sha }
        let dir = (target as NSString).deletingLastPathComponent
        try fm.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let temp = dir + "/.tmp-" + UUID().uuidString
        guard fm.createFile(atPath: temp, contents: nil) else { throw BlobError.unwritable(dir) }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: temp))
        do {
            try handle.write(contentsOf: data)
            try handle.synchronize()
            try handle.close()
        } catch {
            try? handle.close(); try? fm.removeItem(atPath: temp)
            throw error
        }
        if rename(temp, target) != 0 {
            try? fm.removeItem(atPath: temp)
            throw BlobError.unwritable(target)
        }
        return sha
    }

    /// The stored content, or nil if it is missing.
    public func get(_ sha256: String) -> Data? {
        guard sha256.count == 64, sha256.allSatisfy(\.isHexDigit) else { return nil }
        return FileManager.default.contents(atPath: path(sha256))
    }
}

public enum BlobError: Error, CustomStringConvertible {
    case unwritable(String)
    public var description: String {
        switch self { case .unwritable(let p): return "cannot write the blob store at \(p)" }
    }
}
