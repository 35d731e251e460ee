import Persistence
import Vapor

/// `guatu audit verify`: walks every zone's audit chain and names each line that was edited, inserted or
/// deleted behind the application's back (等保: 审计记录的完整性). Exit status 1 when any is found.
struct AuditCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "verify")
        var action: String
    }
    var help: String { "审计日志防篡改校验：verify 逐条核对哈希链 (verify the audit log's hash chain)" }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.action == "verify" else { throw CommandFailure("未知操作 \(signature.action)：应为 verify") }
        let v = try await context.application.store.verifyAudit()
        let zones = Dictionary(uniqueKeysWithValues: try await context.application.store.zones().map { ($0.id, $0.code) })
        context.console.print("已核对审计记录 \(v.checked) 条，链 \(v.heads.count) 条。")
        for (key, head) in v.heads.sorted(by: { $0.key < $1.key }) {
            context.console.print("  \(key == 0 ? "（无园区）" : zones[key] ?? "园区\(key)")：最后一条 #\(head.id)，哈希 \(head.hash)")
        }
        guard v.ok else {
            for p in v.problems { context.console.print("  ✗ 第 \(p.id) 条：\(p.fault.rawValue)") }
            throw CommandFailure("审计日志校验未通过：\(v.problems.count) 处问题")
        }
        context.console.print("审计日志完整，未发现改动 (audit chain intact).")
    }
}
