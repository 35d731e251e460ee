import Foundation

/// A condition compiled for one job: deciding, for each firm's facts, whether it qualifies (`matches`, the bulk path),
/// and explaining why or why not (`evaluate`). Three-valued: a comparison on missing data is unknown, 非 of unknown is
/// unknown, and a firm qualifies only when the whole condition is definitely true.
/// Numbers compare with a relative tolerance of 1e-9, so a computed 3.0000000000000004% meets ≥ 3%.
public struct ConditionEvaluator: Sendable {
    public let condition: Condition
    private let nodes: [Node]
    private let kids: [Int32]
    private let strings: [String]
    private let listNumbers: [Double]

    public init(parsing text: String) throws { self.init(try ConditionParser.parse(text)) }

    public init(_ condition: Condition) {
        self.condition = condition
        var b = Builder()
        _ = b.compile(condition)
        nodes = b.nodes; kids = b.kids; strings = b.strings; listNumbers = b.listNumbers
    }

    /// Whether the firm definitely meets the condition. Allocation-free; for matching a whole registry.
    public func matches(_ facts: FirmFacts) -> Bool {
        // Unsafe buffers only, so the recursion does no reference counting.
        nodes.withUnsafeBufferPointer { ns in
            kids.withUnsafeBufferPointer { ks in
                facts.numbers.withUnsafeBufferPointer { xs in
                    facts.texts.withUnsafeBufferPointer { ts in
                        strings.withUnsafeBufferPointer { ss in
                            listNumbers.withUnsafeBufferPointer { ls in
                                let c = Context(nodes: ns, kids: ks, numbers: xs, texts: ts, strings: ss, list: ls, tierBits: facts.tierBits)
                                return Self.eval(ns.count - 1, c) == 1
                            }
                        }
                    }
                }
            }
        }
    }

    /// How many of `firms` definitely meet the condition (the loop kept in this module, where it is optimised with `matches`).
    public func count(in firms: [FirmFacts]) -> Int {
        var n = 0
        for f in firms where matches(f) { n += 1 }
        return n
    }

    /// The verdict with one line per comparison and, when the firm does not qualify, the fewest comparisons it would
    /// have to meet (for 或, the cheapest branch).
    public func evaluate(_ facts: FirmFacts) -> ConditionVerdict {
        var atoms: [AtomResult] = []
        let tree = Self.normalForm(condition, negated: false, facts: facts, atoms: &atoms)
        let (truth, missing) = Self.judge(tree, atoms)
        return ConditionVerdict(result: truth, atoms: atoms, missing: missing.map { atoms[$0] })
    }

    // MARK: - Fast path

    /// Kleene values: 0 false, 1 true, 2 unknown.
    private struct Node {
        enum Code: UInt8 { case and, or, not, ge, gt, le, lt, eq, ne, numIn, textEq, textNe, textContains, textPrefix, textIn, setHas }
        var code: Code
        var slot: Int32 = 0
        /// Threshold − tolerance and + tolerance.
        var lo: Double = 0, hi: Double = 0
        /// and/or: first kid and count; not: child node; text: string index; lists: first item and count; set: bit.
        var a: Int32 = 0, b: Int32 = 0
    }

    private struct Builder {
        var nodes: [Node] = [], kids: [Int32] = [], strings: [String] = [], listNumbers: [Double] = []

        mutating func add(_ n: Node) -> Int32 { nodes.append(n); return Int32(nodes.count - 1) }

        /// Children first, so the root is the last node.
        mutating func compile(_ c: Condition) -> Int32 {
            switch c {
            case .and(let cs), .or(let cs):
                let ids = cs.map { compile($0) }
                let first = Int32(kids.count)
                kids.append(contentsOf: ids)
                if case .and = c { return add(Node(code: .and, a: first, b: Int32(ids.count))) }
                return add(Node(code: .or, a: first, b: Int32(ids.count)))
            case .not(let inner):
                let id = compile(inner)
                return add(Node(code: .not, a: id))
            case .comparison(let cmp):
                return add(atom(cmp))
            }
        }

        mutating func atom(_ c: Comparison) -> Node {
            let slot = Int32(c.field.rawValue)
            switch c.value {
            case .number(let t):
                return numberNode(c.op, slot, t: t)
            case .bool(let v):
                return numberNode(c.op, slot, t: v ? 1 : 0)
            case .numbers(let xs):
                let first = Int32(listNumbers.count)
                listNumbers.append(contentsOf: xs)
                return Node(code: .numIn, slot: slot, a: first, b: Int32(xs.count))
            case .text(let s):
                if c.field.type == .textSet, let k = ConditionField.qualification(named: s) {
                    return Node(code: .setHas, a: Int32(FirmFacts.bit(k)))
                }
                strings.append(s)
                let i = Int32(strings.count - 1)
                switch c.op {
                case .notEqual: return Node(code: .textNe, slot: slot, a: i)
                case .contains: return Node(code: .textContains, slot: slot, a: i)
                case .startsWith: return Node(code: .textPrefix, slot: slot, a: i)
                default: return Node(code: .textEq, slot: slot, a: i)
                }
            case .texts(let ss):
                let first = Int32(strings.count)
                strings.append(contentsOf: ss)
                return Node(code: .textIn, slot: slot, a: first, b: Int32(ss.count))
            }
        }

        func numberNode(_ op: ConditionOperator, _ slot: Int32, t: Double) -> Node {
            let eps = tolerance(t)
            let code: Node.Code
            switch op {
            case .greaterOrEqual: code = .ge
            case .greater: code = .gt
            case .lessOrEqual: code = .le
            case .less: code = .lt
            case .notEqual: code = .ne
            default: code = .eq
            }
            return Node(code: code, slot: slot, lo: t - eps, hi: t + eps)
        }
    }

    static func tolerance(_ t: Double) -> Double { 1e-9 * max(1, abs(t)) }

    private struct Context {
        let nodes: UnsafeBufferPointer<Node>, kids: UnsafeBufferPointer<Int32>
        let numbers: UnsafeBufferPointer<Double>, texts: UnsafeBufferPointer<String?>
        let strings: UnsafeBufferPointer<String>, list: UnsafeBufferPointer<Double>
        let tierBits: UInt8
    }

    private static func eval(_ i: Int, _ c: Context) -> UInt8 {
        let n = c.nodes[i]
        switch n.code {
        case .and:
            var r: UInt8 = 1
            for k in Int(n.a)..<Int(n.a + n.b) {
                let v = eval(Int(c.kids[k]), c)
                if v == 0 { return 0 }
                if v == 2 { r = 2 }
            }
            return r
        case .or:
            var r: UInt8 = 0
            for k in Int(n.a)..<Int(n.a + n.b) {
                let v = eval(Int(c.kids[k]), c)
                if v == 1 { return 1 }
                if v == 2 { r = 2 }
            }
            return r
        case .not:
            let v = eval(Int(n.a), c)
            return v == 2 ? 2 : 1 - v
        case .ge, .gt, .le, .lt, .eq, .ne, .numIn:
            let x = c.numbers[Int(n.slot)]
            if x.isNaN { return 2 }
            switch n.code {
            case .ge: return x >= n.lo ? 1 : 0
            case .gt: return x > n.hi ? 1 : 0
            case .le: return x <= n.hi ? 1 : 0
            case .lt: return x < n.lo ? 1 : 0
            case .eq: return x >= n.lo && x <= n.hi ? 1 : 0
            case .ne: return x >= n.lo && x <= n.hi ? 0 : 1
            default:
                for k in Int(n.a)..<Int(n.a + n.b) where abs(x - c.list[k]) <= tolerance(c.list[k]) { return 1 }
                return 0
            }
        case .setHas:
            return c.tierBits & UInt8(n.a) != 0 ? 1 : 0
        case .textEq, .textNe, .textContains, .textPrefix, .textIn:
            guard let s = c.texts[Int(n.slot)] else { return 2 }
            switch n.code {
            case .textEq: return s == c.strings[Int(n.a)] ? 1 : 0
            case .textNe: return s == c.strings[Int(n.a)] ? 0 : 1
            case .textContains: return Self.text(s, contains: c.strings[Int(n.a)]) ? 1 : 0
            case .textPrefix: return Self.text(s, startsWith: c.strings[Int(n.a)]) ? 1 : 0
            default:
                for k in Int(n.a)..<Int(n.a + n.b) where s == c.strings[k] { return 1 }
                return 0
            }
        }
    }

    /// 包含 and 开头 compare UTF-8 bytes: the Character-level `contains` of the standard library was a third of the bulk
    /// match's time, and the two agree on the codes, names and addresses the registry holds.
    static func text(_ s: String, contains sub: String) -> Bool {
        var s = s, sub = sub
        return s.withUTF8 { a in
            sub.withUTF8 { b in
                // Every text contains the empty text (an empty Swift string may still give an address, and b[0] would trap).
                guard !b.isEmpty, let bp = b.baseAddress else { return true }
                guard b.count <= a.count, let ap = a.baseAddress else { return false }
                let first = b[0]
                for i in 0...(a.count - b.count) where a[i] == first && memcmp(ap + i, bp, b.count) == 0 { return true }
                return false
            }
        }
    }

    static func text(_ s: String, startsWith prefix: String) -> Bool { s.utf8.starts(with: prefix.utf8) }

    // MARK: - Explanations

    /// The condition with 非 pushed down to the comparisons (De Morgan holds in three-valued logic too), so every
    /// leaf is a requirement the firm meets or not, and "what is missing" is a set of leaves to meet.
    private indirect enum Tree {
        case atom(Int)
        case and([Tree])
        case or([Tree])
    }

    private static func normalForm(_ c: Condition, negated: Bool, facts: FirmFacts, atoms: inout [AtomResult]) -> Tree {
        switch c {
        case .not(let inner): return normalForm(inner, negated: !negated, facts: facts, atoms: &atoms)
        case .and(let cs):
            let ts = cs.map { normalForm($0, negated: negated, facts: facts, atoms: &atoms) }
            return negated ? .or(ts) : .and(ts)
        case .or(let cs):
            let ts = cs.map { normalForm($0, negated: negated, facts: facts, atoms: &atoms) }
            return negated ? .and(ts) : .or(ts)
        case .comparison(let cmp):
            var cmp = cmp, negate = negated
            if negate, let op = cmp.op.complement { cmp = Comparison(field: cmp.field, op: op, value: cmp.value); negate = false }
            if case .bool(let v) = cmp.value, cmp.op == .notEqual { cmp = Comparison(field: cmp.field, op: .equal, value: .bool(!v)) }
            atoms.append(AtomResult.judge(cmp, negated: negate, facts: facts))
            return .atom(atoms.count - 1)
        }
    }

    /// Three-valued truth, and the cheapest set of unmet leaves that would make the tree true.
    private static func judge(_ t: Tree, _ atoms: [AtomResult]) -> (Bool?, [Int]) {
        switch t {
        case .atom(let i):
            switch atoms[i].outcome {
            case .met: return (true, [])
            case .unmet: return (false, [i])
            case .unknown: return (nil, [i])
            }
        case .and(let ts):
            var truth: Bool? = true, need: [Int] = []
            for s in ts {
                let (v, n) = judge(s, atoms)
                if v == false { truth = false } else if v == nil, truth == true { truth = nil }
                need += n
            }
            return (truth, need)
        case .or(let ts):
            var truth: Bool? = false, best: [Int]?
            for s in ts {
                let (v, n) = judge(s, atoms)
                if v == true { truth = true } else if v == nil, truth == false { truth = nil }
                if n.count < (best?.count ?? Int.max) { best = n }
            }
            return (truth, best ?? [])
        }
    }
}

/// What a condition says about one firm.
public struct ConditionVerdict: Sendable, Equatable {
    /// The whole condition: true, false, or nil when missing data leaves it open.
    public let result: Bool?
    /// One entry per comparison, in the order written (with 非 folded in: `非 规上` is the requirement `规上 = 否`).
    public let atoms: [AtomResult]
    /// The fewest unmet or unknown comparisons that would make the firm qualify (for 或, the cheapest branch; ties go
    /// to the branch written first). Empty when it qualifies.
    public let missing: [AtomResult]

    public var qualifies: Bool { result == true }
    /// 差一点: does not qualify, but would if exactly one more comparison were met.
    public var nearlyQualifies: Bool { !qualifies && missing.count == 1 }
    /// The explanation, one Chinese line per comparison.
    public var lines: [String] { atoms.map(\.line) }
}

/// One comparison judged for one firm: `研发费用占比 4.2% ≥ 3%：满足`.
public struct AtomResult: Sendable, Equatable {
    public enum Outcome: String, Sendable, Equatable {
        case met, unmet, unknown
        public var chineseName: String {
            switch self { case .met: return "满足"; case .unmet: return "不满足"; case .unknown: return "缺少数据" }
        }
    }
    public let field: ConditionField
    /// The requirement, e.g. "研发费用占比 ≥ 3%".
    public let requirement: String
    /// The firm's value as shown ("4.2%"); nil when unknown.
    public let actual: String?
    public let outcome: Outcome
    /// For an unmet number comparison: how far off, in the field's unit (positive).
    public let gap: Double?
    public let line: String

    static func judge(_ c: Comparison, negated: Bool, facts: FirmFacts) -> AtomResult {
        let f = c.field, name = f.chineseName
        func result(_ requirement: String, _ ok: Bool?, gap: Double? = nil, detail: String = "", actualInLine: Bool = true) -> AtomResult {
            let actual = facts.display(f)
            let line: String
            switch ok {
            case nil: line = "\(name)：缺少数据"
            case true?: line = "\(requirement)：满足"
            case false?: line = "\(requirement)：不满足" + detail
            }
            return AtomResult(field: f, requirement: requirement, actual: actual, outcome: ok.map { $0 ? .met : .unmet } ?? .unknown, gap: gap, line: line)
        }
        switch f.type {
        case .number(let unit):
            let x = facts.number(f)
            let shown = x.map { " " + ConditionValue.display($0) + unit } ?? ""
            if case .numbers(let list) = c.value {
                let req = "\(name)\(shown) \(negated ? "不属于" : "属于") [\(list.map { ConditionValue.display($0) + unit }.joined(separator: ", "))]"
                let hit = x.map { x in list.contains { abs(x - $0) <= ConditionEvaluator.tolerance($0) } }
                return result(req, hit.map { $0 != negated })
            }
            guard case .number(let t) = c.value else { return result(name, nil) }
            let req = "\(name)\(shown) \(c.op.displaySymbol) \(ConditionValue.display(t))\(unit)"
            guard let x else { return result("\(name) \(c.op.displaySymbol) \(ConditionValue.display(t))\(unit)", nil) }
            let eps = ConditionEvaluator.tolerance(t)
            let whole = f.isWholeNumber
            let gapUnit = unit == "%" ? "个百分点" : unit
            var ok: Bool, gap: Double?, detail = ""
            switch c.op {
            case .greaterOrEqual, .greater:
                ok = c.op == .greater ? x > t + eps : x >= t - eps
                let need = c.op == .greater && whole ? (t + eps).rounded(.down) + 1 : t
                gap = ok ? nil : need - x
                if let g = gap { detail = "，差 \(ConditionValue.display(g))\(gapUnit)" }
            case .lessOrEqual, .less:
                ok = c.op == .less ? x < t - eps : x <= t + eps
                let limit = c.op == .less && whole ? (t - eps).rounded(.up) - 1 : t
                gap = ok ? nil : x - limit
                if let g = gap { detail = "，超出 \(ConditionValue.display(g))\(gapUnit)" }
            case .notEqual:
                ok = abs(x - t) > eps
            default:
                ok = abs(x - t) <= eps
                gap = ok ? nil : abs(t - x)
                if let g = gap { detail = "，相差 \(ConditionValue.display(g))\(gapUnit)" }
            }
            return result(req, ok, gap: gap, detail: detail)
        case .bool:
            guard case .bool(let want) = c.value else { return result(name, nil) }
            let v = facts.flag(f)
            if want { return result(name, v, detail: v == false ? "（否）" : "") }
            return result("\(name) = 否", v.map { !$0 }, detail: "（实际为是）")
        case .text:
            let s = facts.text(f)
            let shown = s.map { $0.isEmpty ? "空" : "“\($0)”" } ?? ""
            let req: String, hit: Bool?
            switch c.value {
            case .texts(let list):
                req = "\(name) \(negated ? "不属于" : "属于") [\(list.map { "“\($0)”" }.joined(separator: ", "))]"
                hit = s.map { list.contains($0) }
            case .text(let lit):
                switch c.op {
                case .contains: req = "\(name) \(negated ? "不包含" : "包含") “\(lit)”"; hit = s.map { ConditionEvaluator.text($0, contains: lit) }
                case .startsWith: req = negated ? "\(name) 不以 “\(lit)” 开头" : "\(name) 开头 “\(lit)”"; hit = s.map { ConditionEvaluator.text($0, startsWith: lit) }
                case .notEqual: req = "\(name) ≠ “\(lit)”"; hit = s.map { $0 != lit }
                default: req = "\(name) = “\(lit)”"; hit = s.map { $0 == lit }
                }
            default: req = name; hit = nil
            }
            return result(req, hit.map { $0 != negated }, detail: "（实际为\(shown)）")
        case .textSet:
            guard case .text(let lit) = c.value else { return result(name, nil) }
            let held = facts.qualifications
            let has = held.contains { $0.chineseName == lit }
            let now = held.isEmpty ? "无有效资质" : "现有资质：" + held.map(\.chineseName).joined(separator: "、")
            return result("\(name) \(negated ? "不包含" : "包含") “\(lit)”", has != negated, detail: "（\(now)）")
        }
    }
}
