import Crypto
import Foundation
import Persistence

/// `guatu backup` and `guatu restore`: a backup is a folder holding `guatu.sqlite` (a consistent copy made while the
/// server runs), `blobs/` (the uploaded evidence) and `manifest.json` (when, which schema, each table's row count,
/// the database file's SHA-256). On PostgreSQL the database is backed up with `pg_dump` (docs/operations.md);
/// the command still copies the evidence files and writes the manifest.
enum Backup {
    struct Manifest: Codable {
        var createdAt: String
        var database: String
        var lastMigration: String
        var tables: [String: Int]
        var databaseSHA256: String?
        var blobs: Int
    }
    struct Failure: Error, CustomStringConvertible { let description: String }

    /// Writes a backup into `folder` (created; must be empty or missing). Database first, then the evidence files:
    /// files are written before the rows that name them and never deleted, so every file the copy names is copied.
    static func make(store: Store, isSQLite: Bool, blobRoot: String, into folder: String, lastMigration: String) async throws -> Manifest {
        let fm = FileManager.default
        if fm.fileExists(atPath: folder), !((try? fm.contentsOfDirectory(atPath: folder)) ?? []).isEmpty {
            throw Failure(description: "备份目录 \(folder) 不是空目录；请指定一个新目录")
        }
        try fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var sha: String?
        if isSQLite {
            let dbPath = folder + "/guatu.sqlite"
            try await store.copySQLite(to: dbPath)
            sha = try fileSHA256(dbPath)
        }
        let tables = try await store.tableCounts()
        let blobs = try copyTree(from: blobRoot, to: folder + "/blobs")
        let manifest = Manifest(createdAt: Store.timestamp(), database: isSQLite ? "sqlite" : "postgresql", lastMigration: lastMigration,
                                tables: tables, databaseSHA256: sha, blobs: blobs)
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys]
        try e.encode(manifest).write(to: URL(fileURLWithPath: folder + "/manifest.json"), options: .atomic)
        return manifest
    }

    /// Puts a SQLite backup in place of the database at `dbPath` and adds its evidence files to `blobRoot`.
    /// Run it with the server stopped. The old database is kept beside it as `…-before-restore-<time>`.
    static func restore(from folder: String, dbPath: String, blobRoot: String) throws -> Manifest {
        let fm = FileManager.default
        guard let data = fm.contents(atPath: folder + "/manifest.json"),
              let manifest = try? JSONDecoder().decode(Manifest.self, from: data) else {
            throw Failure(description: "\(folder) 不是备份目录（缺少或无法读取 manifest.json）")
        }
        guard manifest.database == "sqlite", let expected = manifest.databaseSHA256 else {
            throw Failure(description: "这是 PostgreSQL 的备份：数据库请用 pg_restore 恢复（见 docs/operations.md）")
        }
        let source = folder + "/guatu.sqlite"
        guard fm.fileExists(atPath: source), try fileSHA256(source) == expected else {
            throw Failure(description: "备份中的数据库文件缺失或已损坏（SHA-256 与 manifest.json 不符），未做任何改动")
        }
        let dir = (dbPath as NSString).deletingLastPathComponent
        if !dir.isEmpty { try fm.createDirectory(atPath: dir, withIntermediateDirectories: true) }
        // Copy beside the target, flush, then rename over it: the target is either the old file or the whole backup.
        let temp = dbPath + ".restoring"
        try? fm.removeItem(atPath: temp)
        try fm.copyItem(atPath: source, toPath: temp)
        let h = try FileHandle(forWritingTo: URL(fileURLWithPath: temp))
        try h.synchronize(); try h.close()
        if fm.fileExists(atPath: dbPath) {
            let stamp = Store.timestamp().replacingOccurrences(of: ":", with: "")
            try fm.moveItem(atPath: dbPath, toPath: dbPath + "-before-restore-" + stamp)
            for suffix in ["-wal", "-shm"] where fm.fileExists(atPath: dbPath + suffix) {
                try fm.moveItem(atPath: dbPath + suffix, toPath: dbPath + "-before-restore-" + stamp + suffix)
            }
        }
        guard rename(temp, dbPath) == 0 else { throw Failure(description: "无法写入 \(dbPath)") }
        _ = try copyTree(from: folder + "/blobs", to: blobRoot)
        return manifest
    }

    static func fileSHA256(_ path: String) throws -> String {
        guard let h = FileHandle(forReadingAtPath: path) else { throw Failure(description: "无法读取 \(path)") }
        defer { try? h.close() }
        var hasher = SHA256()
        while let chunk = try h.read(upToCount: 1 << 20), !chunk.isEmpty { hasher.update(data: chunk) }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }

    /// Copies every file under `from` that `to` lacks (evidence files are named by their content: same name, same bytes).
    static func copyTree(from: String, to: String) throws -> Int {
        let fm = FileManager.default
        guard fm.fileExists(atPath: from) else { return 0 }
        guard let files = fm.enumerator(atPath: from) else { return 0 }
        var n = 0
        while let rel = files.nextObject() as? String {
            var isDir: ObjCBool = false
            let src = from + "/" + rel, dst = to + "/" + rel
            guard fm.fileExists(atPath: src, isDirectory: &isDir), !isDir.boolValue, !(rel as NSString).lastPathComponent.hasPrefix(".tmp-") else { continue }
            n += 1
            if fm.fileExists(atPath: dst) { continue }
            try fm.createDirectory(atPath: (dst as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try fm.copyItem(atPath: src, toPath: dst)
        }
        return n
    }
}
