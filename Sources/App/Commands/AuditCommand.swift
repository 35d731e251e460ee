import Foundation
import Persistence
import Vapor

/// `guatu audit verify [--heads FILE]`: walks every zone's audit chain and names each line that was edited, inserted
/// or deleted behind the application's back (等保: 审计记录的完整性); with `--heads`, also checks the chain heads written
/// down earlier. `guatu audit heads --to FILE`: appends each chain's head to FILE, one JSON object a line — keep it
/// where the database's owner cannot write (another machine, write-once storage), hourly from cron. Exit status 1
/// when anything is found.
struct AuditCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "verify | heads")
        var action: String
        @Option(name: "heads", help: "verify：同时核对此前记下的链头（guatu audit heads 写的文件）")
        var heads: String?
        @Option(name: "to", help: "heads：追加写入的文件（不给则打印到标准输出）")
        var to: String?
    }
    var help: String { "审计日志防篡改：verify 逐条核对哈希链；heads 记下各链的链头 (verify the audit log's hash chain; write down its heads)" }

    /// One line of a heads file.
    struct HeadLine: Codable {
        let at: String
        let zone: String
        let chain: Int
        let id: Int
        let hash: String
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let store = context.application.store
        let zones = Dictionary(uniqueKeysWithValues: try await store.zones().map { ($0.id, $0.code) })
        switch signature.action {
        case "verify":
            var known: [Store.AuditHead] = []
            if let path = signature.heads {
                guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw CommandFailure("读不到链头文件 \(path)") }
                for (n, line) in text.split(separator: "\n").enumerated() where !line.trimmingCharacters(in: .whitespaces).isEmpty {
                    guard let h = try? JSONDecoder().decode(HeadLine.self, from: Data(line.utf8)) else { throw CommandFailure("链头文件第\(n + 1)行格式不对") }
                    known.append(.init(chain: h.chain, id: h.id, hash: h.hash))
                }
            }
            let v = try await store.verifyAudit(knownHeads: known)
            context.console.print("已核对审计记录 \(v.checked) 条，链 \(v.heads.count) 条" + (known.isEmpty ? "。" : "，此前记下的链头 \(known.count) 个。"))
            for (key, head) in v.heads.sorted(by: { $0.key < $1.key }) {
                context.console.print("  \(key == 0 ? "（无园区）" : zones[key] ?? "园区\(key)")：最后一条 #\(head.id)，哈希 \(head.hash)")
            }
            guard v.ok else {
                for p in v.problems { context.console.print("  ✗ 第 \(p.id) 条：\(p.fault.rawValue)") }
                throw CommandFailure("审计日志校验未通过：\(v.problems.count) 处问题")
            }
            context.console.print("审计日志完整，未发现改动 (audit chain intact).")
        case "heads":
            let v = try await store.verifyAudit()
            let now = Store.timestamp()
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            let lines = try v.heads.sorted(by: { $0.key < $1.key }).map { key, head in
                String(decoding: try encoder.encode(HeadLine(at: now, zone: key == 0 ? "" : zones[key] ?? "", chain: key, id: head.id, hash: head.hash)), as: UTF8.self)
            }
            let text = lines.map { $0 + "\n" }.joined()
            if let path = signature.to {
                if !FileManager.default.fileExists(atPath: path) { FileManager.default.createFile(atPath: path, contents: nil) }
                guard let handle = FileHandle(forWritingAtPath: path) else { throw CommandFailure("无法写入 \(path)") }
                defer { try? handle.close() }
                try handle.seekToEnd()
                try handle.write(contentsOf: Data(text.utf8))
                context.console.print("已记下 \(lines.count) 条链的链头到 \(path)" + (v.ok ? "" : "（注意：校验发现 \(v.problems.count) 处问题，请运行 guatu audit verify）"))
            } else {
                FileHandle.standardOutput.write(Data(text.utf8))
            }
            if !v.ok { throw CommandFailure("审计日志校验未通过：\(v.problems.count) 处问题") }
        default:
            throw CommandFailure("未知操作 \(signature.action)：应为 verify 或 heads")
        }
    }
}
