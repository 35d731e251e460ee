import Foundation
import Persistence
import Vapor

/// `guatu backup --to DIR`: an online backup (the server may keep running). See `Backup`.
struct BackupCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "to", help: "备份目录（新建或为空）")
        var to: String?
    }
    var help: String { "在线备份：SQLite 数据库的一致副本、佐证材料文件和清单 (online backup into a new folder)" }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let folder = signature.to, !folder.isEmpty else { throw CommandFailure("请用 --to 指定备份目录，例如 --to /backup/guatu-$(date +%F)") }
        let app = context.application
        let m = try await Backup.make(store: app.store, isSQLite: app.isSQLite, blobRoot: app.guatu.blobDirectory, into: folder,
                                      lastMigration: GuatuMigrations.all.last?.name ?? "")
        context.console.print("已备份到 \(folder)：\(m.tables.count) 张表共 \(m.tables.values.reduce(0, +)) 行，佐证材料 \(m.blobs) 个文件。")
        if !app.isSQLite {
            context.console.print("PostgreSQL 数据库请另用 pg_dump 备份，例如：pg_dump --format=custom --file=\(folder)/guatu.dump \"$DATABASE_URL\"（见 docs/operations.md）")
        }
    }
}

/// `guatu restore --from DIR`: runs before the application opens the database (the file is replaced underneath).
enum RestoreCommand {
    static func run(_ args: [String], config: GuatuConfig) -> Int32 {
        if args.contains("--help") || args.contains("-h") {
            print("Usage: guatu restore --from DIR\n\n从 guatu backup 的备份目录恢复 SQLite 数据库和佐证材料（请先停止服务；原数据库改名保留）。")
            return 0
        }
        guard let i = args.firstIndex(of: "--from"), i + 1 < args.count, !args[i + 1].isEmpty else {
            FileHandle.standardError.write(Data("用法：guatu restore --from DIR\n".utf8))
            return 2
        }
        guard case .sqliteFile(let path) = config.database else {
            FileHandle.standardError.write(Data("当前配置不是 SQLite 文件数据库；PostgreSQL 请用 pg_restore（见 docs/operations.md）\n".utf8))
            return 2
        }
        do {
            let m = try Backup.restore(from: args[i + 1], dbPath: path, blobRoot: config.blobDirectory)
            print("已从 \(args[i + 1]) 恢复（备份于 \(m.createdAt)，\(m.tables.count) 张表共 \(m.tables.values.reduce(0, +)) 行）到 \(path)。启动服务时将自动运行之后的迁移。")
            return 0
        } catch {
            FileHandle.standardError.write(Data("恢复失败：\(error)\n".utf8))
            return 1
        }
    }
}
