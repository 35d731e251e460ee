import Domain
import Foundation

/// The task list written as JSON by hand. Foundation's JSONEncoder took a quarter of the CPU of
/// `GET /api/v1/tasks` (perf); this writes the same document (a test compares the two field by field).
enum TaskListJSON {
    static func encode(_ items: [TaskDTO], total: Int, limit: Int, offset: Int) -> Data {
        var out = [UInt8]()
        out.reserveCapacity(256 + items.count * 700)
        out += Array(#"{"items":["#.utf8)
        for (i, dto) in items.enumerated() {
            if i > 0 { out.append(44) }
            write(dto, into: &out)
        }
        out += Array(#"],"limit":\#(limit),"offset":\#(offset),"total":\#(total)}"#.utf8)
        return Data(out)
    }

    static func write(_ dto: TaskDTO, into out: inout [UInt8]) {
        let t = dto.task
        var first = true
        func key(_ k: String) {
            out.append(first ? 123 : 44)
            first = false
            out.append(34); out += Array(k.utf8); out.append(34); out.append(58)
        }
        func str(_ k: String, _ v: String) { key(k); string(v, into: &out) }
        func int(_ k: String, _ v: Int) { key(k); out += Array(String(v).utf8) }
        func ints(_ k: String, _ v: [Int]) { key(k); out += Array(("[" + v.map(String.init).joined(separator: ",") + "]").utf8) }
        str("acceptanceStandard", t.acceptanceStandard)
        key("archived"); out += Array((t.archived ? "true" : "false").utf8)
        ints("coUnitIds", t.coUnitIds)
        str("deadline", t.deadline.iso)
        str("deliverable", t.deliverable)
        if let d = t.doneOn { str("doneOn", d.iso) }
        int("durationDays", t.durationDays)
        int("id", t.id)
        str("kind", t.kind.rawValue)
        str("light", dto.light.rawValue)
        str("lightName", dto.light.chineseName)
        int("ownerUnitId", t.ownerUnitId)
        int("percentDone", t.percentDone)
        int("planId", t.planId)
        str("plannedStart", t.plannedStart.iso)
        ints("predecessorIds", t.predecessorIds)
        str("responsiblePerson", t.responsiblePerson)
        int("seq", t.seq)
        str("status", t.status.rawValue)
        str("title", t.title)
        int("version", t.version)
        key("weight"); out += Array(number(t.weight).utf8)
        int("workPointId", t.workPointId)
        out.append(125)
    }

    /// As JSONEncoder writes a Double: whole numbers without a fraction.
    static func number(_ d: Double) -> String {
        if d.isFinite, d == d.rounded(), abs(d) < 1e15 { return String(Int(d)) }
        return "\(d)"
    }

    /// A JSON string: quotes, backslashes and control characters escaped; everything else as UTF-8.
    static func string(_ s: String, into out: inout [UInt8]) {
        out.append(34)
        for b in s.utf8 {
            switch b {
            case 34: out += [92, 34]
            case 92: out += [92, 92]
            case 10: out += [92, 110]
            case 13: out += [92, 114]
            case 9: out += [92, 116]
            case 0..<32:
                let hex = Array("0123456789abcdef".utf8)
                out += [92, 117, 48, 48, hex[Int(b >> 4)], hex[Int(b & 15)]]
            default: out.append(b)
            }
        }
        out.append(34)
    }
}
