import Foundation

/// A parsed eligibility condition (申报条件): comparisons of a firm's facts joined by 且, 或 and 非.
/// `description` is the canonical text, the form saved back: parsing it gives the same condition.
public indirect enum Condition: Sendable, Hashable, CustomStringConvertible {
    case comparison(Comparison)
    case not(Condition)
    /// Two or more operands; the parser flattens `a 且 (b 且 c)`.
    case and([Condition])
    case or([Condition])

    /// Parses condition text (see `ConditionParser`).
    public init(parsing text: String) throws { self = try ConditionParser.parse(text) }

    /// Every comparison, in the order written.
    public var comparisons: [Comparison] {
        switch self {
        case .comparison(let c): return [c]
        case .not(let c): return c.comparisons
        case .and(let cs), .or(let cs): return cs.flatMap(\.comparisons)
        }
    }

    public var description: String { printed(parent: 0) }

    /// Parenthesises a child whose operator binds looser than, or the same as, its parent's (so nesting is kept).
    private func printed(parent: Int) -> String {
        switch self {
        case .comparison(let c): return c.description
        case .not(let c): return "非 " + c.printed(parent: 3)
        case .and(let cs):
            let s = cs.map { $0.printed(parent: 2) }.joined(separator: " 且 ")
            return parent >= 2 ? "(\(s))" : s
        case .or(let cs):
            let s = cs.map { $0.printed(parent: 1) }.joined(separator: " 或 ")
            return parent >= 1 ? "(\(s))" : s
        }
    }
}

/// How a field is compared with a value.
public enum ConditionOperator: String, Sendable, Hashable, CaseIterable {
    case equal, notEqual, greater, greaterOrEqual, less, lessOrEqual
    /// 包含: a set holds the value, or a text contains it.
    case contains
    /// 开头: a text starts with the value.
    case startsWith
    /// 属于: the value is one of a list.
    case isIn

    /// As written in canonical condition text.
    public var symbol: String {
        switch self {
        case .equal: return "="
        case .notEqual: return "!="
        case .greater: return ">"
        case .greaterOrEqual: return ">="
        case .less: return "<"
        case .lessOrEqual: return "<="
        case .contains: return "包含"
        case .startsWith: return "开头"
        case .isIn: return "属于"
        }
    }

    /// As shown in explanations (≥, ≤, ≠).
    public var displaySymbol: String {
        switch self {
        case .notEqual: return "≠"
        case .greaterOrEqual: return "≥"
        case .lessOrEqual: return "≤"
        default: return symbol
        }
    }

    /// The operator true exactly when this one is false, for number, text and bool comparisons (nil for 包含, 开头, 属于).
    var complement: ConditionOperator? {
        switch self {
        case .equal: return .notEqual
        case .notEqual: return .equal
        case .greater: return .lessOrEqual
        case .greaterOrEqual: return .less
        case .less: return .greaterOrEqual
        case .lessOrEqual: return .greater
        case .contains, .startsWith, .isIn: return nil
        }
    }
}

/// The right-hand side of a comparison.
public enum ConditionValue: Sendable, Hashable, CustomStringConvertible {
    case number(Double)
    case bool(Bool)
    case text(String)
    case numbers([Double])
    case texts([String])

    public var description: String {
        switch self {
        case .number(let x): return Self.format(x)
        case .bool(let b): return b ? "是" : "否"
        case .text(let s): return Self.quote(s)
        case .numbers(let xs): return "[" + xs.map(Self.format).joined(separator: ", ") + "]"
        case .texts(let ss): return "[" + ss.map(Self.quote).joined(separator: ", ") + "]"
        }
    }

    /// Shortest text that reads back as the same Double (literals are limited to 15 integer and 6 decimal digits).
    static func format(_ x: Double) -> String {
        if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        let s = "\(x)"
        guard s.contains("e") else { return s }
        var f = String(format: "%.6f", x)
        while f.hasSuffix("0") { f.removeLast() }
        if f.hasSuffix(".") { f.removeLast() }
        return f
    }

    /// In double quotes, with a backslash before every character the lexer reads as a quote or a backslash: the
    /// ASCII ones and their full-width forms ＂ ＼, which it normalises to them.
    static func quote(_ s: String) -> String {
        var out = "\""
        for c in s {
            if c == "\\" || c == "\"" || c == "＼" || c == "＂" { out.append("\\") }
            out.append(c)
        }
        return out + "\""
    }
}

/// One atomic test: `field op value`. A bool field written alone (`高企`) is `高企 = 是`.
public struct Comparison: Sendable, Hashable, CustomStringConvertible {
    public let field: ConditionField
    public let op: ConditionOperator
    public let value: ConditionValue

    public init(field: ConditionField, op: ConditionOperator, value: ConditionValue) {
        self.field = field; self.op = op; self.value = value
    }

    public var description: String {
        if op == .equal, value == .bool(true) { return field.chineseName }
        return "\(field.chineseName) \(op.symbol) \(value)"
    }
}
