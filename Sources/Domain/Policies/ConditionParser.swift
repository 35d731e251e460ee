import Foundation

/// Reads condition text as office staff write it: `高企 且 研发费用占比 >= 3 且 (营业收入 >= 2000 或 发明专利 >= 1)`.
/// Precedence 非 > 且 > 或; 且/and/&&, 或/or/||, 非/not/!; full-width forms （）＞＝… are read as their ASCII ones.
/// Errors are `ValidationError(field: "condition")` in Chinese, naming the 1-based character where they occur.
public enum ConditionParser {
    public static let maxLength = 2000
    public static let maxDepth = 20

    public static func parse(_ text: String) throws -> Condition {
        let chars = Array(text)
        guard chars.count <= maxLength else {
            throw ValidationError(field: "condition", "条件过长（\(chars.count)个字符），最多\(maxLength)个字符")
        }
        guard chars.contains(where: { !ConditionLexer.normalize($0).isWhitespace }) else {
            throw ValidationError(field: "condition", "条件不能为空")
        }
        var lexer = ConditionLexer(chars)
        var p = ConditionReader(tokens: try lexer.tokens(), endPosition: chars.count + 1)
        let c = try p.parseOr()
        try p.expectEnd()
        // The canonical text is what is saved: it must read back, so it too keeps to the limit.
        let canonical = c.description.count
        guard canonical <= maxLength else {
            throw ValidationError(field: "condition", "条件过长（规范写法为\(canonical)个字符，即在且、或等关键词两侧加空格后），最多\(maxLength)个字符")
        }
        return c
    }

    static func error(_ position: Int, _ message: String) -> ValidationError {
        ValidationError(field: "condition", "第\(position)个字符：\(message)")
    }
}

/// A word, number, quoted text, bracket or operator of condition text, with where it starts.
struct ConditionToken {
    enum Kind: Equatable {
        case word(String), number(Double), string(String)
        case lparen, rparen, lbracket, rbracket, comma, minus, percent
        case op(ConditionOperator), and, or, not
    }
    let kind: Kind
    /// 1-based character index of the token's first character.
    let position: Int
    /// As written, for messages.
    let text: String
}

/// Splits condition text into tokens. Runs of letters are split at the Chinese keywords, so `高企且规上` reads too.
struct ConditionLexer {
    let raw: [Character]
    let chars: [Character]
    var i = 0

    init(_ raw: [Character]) {
        self.raw = raw
        self.chars = raw.map(ConditionLexer.normalize)
    }

    /// Full-width ASCII (（）＞＝，０-９ …) to ASCII, the ideographic space to a space, 、 to a comma, 【】 to [].
    static func normalize(_ c: Character) -> Character {
        guard c.unicodeScalars.count == 1, let s = c.unicodeScalars.first else { return c }
        switch s.value {
        case 0xFF01...0xFF5E: return Character(Unicode.Scalar(s.value - 0xFEE0)!)
        case 0x3000: return " "
        case 0x3001: return ","
        case 0x3010: return "["
        case 0x3011: return "]"
        default: return c
        }
    }

    static let keywords: [(String, ConditionToken.Kind)] = [
        ("包含", .op(.contains)), ("开头", .op(.startsWith)), ("属于", .op(.isIn)), ("且", .and), ("或", .or), ("非", .not),
    ]
    static let closingQuote: [Character: Character] = ["\"": "\"", "'": "'", "“": "”", "‘": "’", "「": "」", "『": "』"]

    static func isWordChar(_ c: Character) -> Bool { c.isLetter || (c.isASCII && c.isNumber) || c == "_" }

    mutating func tokens() throws -> [ConditionToken] {
        var out: [ConditionToken] = []
        while i < chars.count {
            let c = chars[i], start = i
            if c.isWhitespace { i += 1; continue }
            func single(_ k: ConditionToken.Kind) { out.append(ConditionToken(kind: k, position: start + 1, text: String(raw[start]))); i += 1 }
            func pair(_ k: ConditionToken.Kind) { out.append(ConditionToken(kind: k, position: start + 1, text: String(raw[start...start + 1]))); i += 2 }
            let next: Character? = i + 1 < chars.count ? chars[i + 1] : nil
            switch c {
            case "(": single(.lparen)
            case ")": single(.rparen)
            case "[": single(.lbracket)
            case "]": single(.rbracket)
            case ",": single(.comma)
            case "%": single(.percent)
            case "-": single(.minus)
            case "≥": single(.op(.greaterOrEqual))
            case "≤": single(.op(.lessOrEqual))
            case "≠": single(.op(.notEqual))
            case ">": next == "=" ? pair(.op(.greaterOrEqual)) : single(.op(.greater))
            case "<": next == "=" ? pair(.op(.lessOrEqual)) : (next == ">" ? pair(.op(.notEqual)) : single(.op(.less)))
            case "=": next == "=" ? pair(.op(.equal)) : single(.op(.equal))
            case "!": next == "=" ? pair(.op(.notEqual)) : single(.not)
            case "&" where next == "&": pair(.and)
            case "|" where next == "|": pair(.or)
            case _ where ConditionLexer.closingQuote[c] != nil: out.append(try string(closing: ConditionLexer.closingQuote[c]!))
            case _ where c.isASCII && c.isNumber: out.append(try number())
            case _ where ConditionLexer.isWordChar(c): out.append(contentsOf: words())
            default:
                throw ConditionParser.error(start + 1, "无法识别的字符“\(raw[start])”")
            }
        }
        return out
    }

    mutating func string(closing: Character) throws -> ConditionToken {
        let start = i
        var s = ""
        i += 1
        while i < chars.count {
            if chars[i] == closing { i += 1; return ConditionToken(kind: .string(s), position: start + 1, text: String(raw[start..<i])) }
            if closing == "\"", chars[i] == "\\", i + 1 < chars.count { s.append(raw[i + 1]); i += 2; continue }
            s.append(raw[i]); i += 1
        }
        throw ConditionParser.error(start + 1, "文字缺少结束引号\(closing)")
    }

    mutating func number() throws -> ConditionToken {
        let start = i
        while i < chars.count, chars[i].isASCII, chars[i].isNumber { i += 1 }
        let intDigits = i - start
        var fracDigits = 0
        if i < chars.count, chars[i] == "." {
            i += 1
            while i < chars.count, chars[i].isASCII, chars[i].isNumber { i += 1; fracDigits += 1 }
            if fracDigits == 0 { throw ConditionParser.error(start + 1, "数字“\(String(raw[start..<i]))”的小数点后缺少数字") }
        }
        let text = String(chars[start..<i])
        // The limit holds for the value too: 999999999999999.95 reads as the Double 10^15, which has 16 digits.
        guard intDigits <= 15, fracDigits <= 6, let x = Double(text), x < 1e15 else {
            throw ConditionParser.error(start + 1, "数字“\(text)”过长（最多15位整数、6位小数，且小于10的15次方）")
        }
        return ConditionToken(kind: .number(x), position: start + 1, text: text)
    }

    /// A run of letters, split at 且/或/非/包含/开头/属于; and/or/not when a whole run.
    mutating func words() -> [ConditionToken] {
        let start = i
        while i < chars.count, ConditionLexer.isWordChar(chars[i]) { i += 1 }
        var out: [ConditionToken] = []
        var pieceStart = start, j = start
        func flush(_ end: Int) {
            guard end > pieceStart else { return }
            let w = String(chars[pieceStart..<end])
            let kind: ConditionToken.Kind
            switch w.lowercased() {
            case "and": kind = .and
            case "or": kind = .or
            case "not": kind = .not
            default: kind = .word(w)
            }
            out.append(ConditionToken(kind: kind, position: pieceStart + 1, text: String(raw[pieceStart..<end])))
        }
        while j < i {
            if let (k, kind) = ConditionLexer.keywords.first(where: { kw, _ in j + kw.count <= i && String(chars[j..<j + kw.count]) == kw }) {
                flush(j)
                out.append(ConditionToken(kind: kind, position: j + 1, text: k))
                j += k.count
                pieceStart = j
            } else {
                j += 1
            }
        }
        flush(i)
        return out
    }
}

/// Recursive descent over the tokens: or := and (或 and)*; and := unary (且 unary)*; unary := 非 unary | primary;
/// primary := ( or ) | field [operator value]. Checks each comparison against the field's type as it goes.
struct ConditionReader {
    let tokens: [ConditionToken]
    let endPosition: Int
    var i = 0
    var depth = 0

    init(tokens: [ConditionToken], endPosition: Int) { self.tokens = tokens; self.endPosition = endPosition }

    var current: ConditionToken? { i < tokens.count ? tokens[i] : nil }
    var position: Int { current?.position ?? endPosition }
    var previousText: String { i > 0 ? tokens[i - 1].text : "" }

    func fail(_ message: String) -> ValidationError { ConditionParser.error(position, message) }

    mutating func parseOr() throws -> Condition {
        var items = [try parseAnd()]
        while current?.kind == .or {
            i += 1
            items.append(try parseAnd())
        }
        return items.count == 1 ? items[0] : .or(items.flatMap { if case .or(let cs) = $0 { cs } else { [$0] } })
    }

    mutating func parseAnd() throws -> Condition {
        var items = [try parseUnary()]
        while current?.kind == .and {
            i += 1
            items.append(try parseUnary())
        }
        return items.count == 1 ? items[0] : .and(items.flatMap { if case .and(let cs) = $0 { cs } else { [$0] } })
    }

    mutating func parseUnary() throws -> Condition {
        guard current?.kind == .not else { return try parsePrimary() }
        try enter()
        i += 1
        defer { depth -= 1 }
        return .not(try parseUnary())
    }

    mutating func enter() throws {
        depth += 1
        if depth > ConditionParser.maxDepth { throw fail("括号或“非”嵌套超过\(ConditionParser.maxDepth)层") }
    }

    mutating func parsePrimary() throws -> Condition {
        guard let t = current else {
            throw fail(i == 0 ? "缺少条件" : "条件不完整，“\(previousText)”后应为字段名或“(”")
        }
        switch t.kind {
        case .lparen:
            try enter()
            i += 1
            if current?.kind == .rparen { throw fail("括号内没有条件") }
            let inner = try parseOr()
            guard let close = current else {
                throw ConditionParser.error(t.position, "左括号“\(t.text)”没有配对的右括号")
            }
            guard close.kind == .rparen else { throw fail("此处应为“且”“或”或右括号，而不是“\(close.text)”") }
            i += 1
            depth -= 1
            return inner
        case .word(let w):
            guard let field = ConditionField.named(w) else {
                if ["是", "否", "true", "false"].contains(w.lowercased()) { throw fail("“\(w)”前缺少字段名") }
                if let s = ConditionField.suggestion(for: w) { throw fail("未知字段“\(w)”，是否指“\(s)”？") }
                throw fail("未知字段“\(w)”，可用字段：" + ConditionField.allCases.map(\.chineseName).joined(separator: "、"))
            }
            i += 1
            return .comparison(try parseComparison(field))
        case .rparen: throw fail("多余的右括号，或右括号前缺少条件")
        case .op: throw fail("“\(t.text)”前缺少字段名")
        case .and, .or: throw fail("“\(t.text)”前缺少条件")
        case .number, .minus: throw fail("应为字段名，而不是数字“\(t.text)”")
        case .string: throw fail("应为字段名，而不是文字\(t.text)")
        default: throw fail("应为字段名或“(”，而不是“\(t.text)”")
        }
    }

    mutating func expectEnd() throws {
        guard let t = current else { return }
        switch t.kind {
        case .rparen: throw fail("多余的右括号“\(t.text)”")
        case .word, .lparen, .not: throw fail("“\(t.text)”前缺少“且”或“或”")
        default: throw fail("多余的内容“\(t.text)”")
        }
    }

    mutating func parseComparison(_ field: ConditionField) throws -> Comparison {
        let name = field.chineseName
        guard let t = current, case .op(let op) = t.kind else {
            if field.type == .bool { return Comparison(field: field, op: .equal, value: .bool(true)) }
            let expected: String
            switch field.type {
            case .number: expected = "比较符（>=、>、<=、<、=、!=）"
            case .text: expected = "=、!=、包含、开头 或 属于"
            case .textSet: expected = "“包含”"
            case .bool: expected = ""
            }
            throw fail("“\(name)”后应为\(expected)" + (current.map { "，而不是“\($0.text)”" } ?? ""))
        }
        switch (field.type, op) {
        case (.number, .contains), (.bool, .contains):
            throw fail("“包含”只能用于集合或文字字段，“\(name)”是\(field.type.chineseName)")
        case (.number, .startsWith), (.bool, .startsWith), (.textSet, .startsWith):
            throw fail("“开头”只能用于文字字段，“\(name)”是\(field.type.chineseName)")
        case (.bool, .equal), (.bool, .notEqual): break
        case (.bool, _): throw fail("“\(name)”是是非字段，只能单独写，或写“= 是”“= 否”")
        case (.text, .greater), (.text, .greaterOrEqual), (.text, .less), (.text, .lessOrEqual):
            throw fail("“\(name)”是文字，不能用“\(t.text)”比较")
        case (.textSet, .contains): break
        case (.textSet, _): throw fail("“\(name)”是集合，只能用“包含”，如 资质 包含 \"高新技术企业\"")
        default: break
        }
        i += 1
        if op == .isIn {
            guard current?.kind == .lbracket else {
                throw fail("“属于”后应为列表，如 [\"集成电路\", \"生物医药\"]")
            }
            i += 1
            var values: [ConditionValue] = []
            while true {
                values.append(try parseValue(field, after: values.isEmpty ? "[" : ","))
                guard let t = current else { throw fail("列表缺少右方括号“]”") }
                if t.kind == .rbracket { i += 1; break }
                guard t.kind == .comma else { throw fail("列表中应为逗号或“]”，而不是“\(t.text)”") }
                i += 1
            }
            if case .number = field.type { return Comparison(field: field, op: op, value: .numbers(values.map { if case .number(let x) = $0 { x } else { 0 } })) }
            return Comparison(field: field, op: op, value: .texts(values.map { if case .text(let s) = $0 { s } else { "" } }))
        }
        return Comparison(field: field, op: op, value: try parseValue(field, after: t.text))
    }

    /// One value, checked against the field's type; a number may carry the field's unit (`2000万元`, `10%`).
    mutating func parseValue(_ field: ConditionField, after: String) throws -> ConditionValue {
        let name = field.chineseName
        let what: String
        switch field.type {
        case .number: what = "数字"
        case .bool: what = "“是”或“否”"
        case .text, .textSet: what = "文字（用引号括起）"
        }
        guard let t = current else { throw fail("条件不完整，“\(after)”后应为\(what)") }
        if t.kind == .lbracket { throw fail("只有“属于”后可以写列表；多个值请用“或”连接") }
        if t.kind == .rbracket, after == "[" { throw fail("列表不能为空") }
        var value: ConditionValue
        switch t.kind {
        case .number(let x): value = .number(x)
        case .minus:
            guard i + 1 < tokens.count, case .number(let x) = tokens[i + 1].kind else { throw fail("“-”后应为数字") }
            i += 1
            value = .number(-x)
        case .string(let s): value = .text(s)
        case .word(let w):
            switch w.lowercased() {
            case "是", "true": value = .bool(true)
            case "否", "false": value = .bool(false)
            default: value = .text(w)
            }
        default: throw fail("“\(after)”后应为\(what)，而不是“\(t.text)”")
        }
        switch (field.type, value) {
        case (.number, .number): break
        case (.number, .bool): throw fail("“\(name)”是数值，不能与是/否比较")
        case (.number, _): throw fail("“\(name)”是数值，不能与文字比较")
        case (.bool, .bool): break
        case (.bool, _): throw fail("“\(name)”是是非字段，只能与“是”“否”比较")
        case (.text, .number), (.textSet, .number): throw fail("“\(name)”是文字，不能与数字比较（文字请用引号括起，如 \"\(t.text)\"）")
        case (.text, .bool), (.textSet, .bool): throw fail("“\(name)”是文字，不能与是/否比较")
        case (.text, _): break
        case (.textSet, .text(let s)):
            guard let k = ConditionField.qualification(named: s) else {
                throw fail("“\(s)”不是资质名称，可用：" + EnterpriseTier.Kind.allCases.map(\.chineseName).joined(separator: "、"))
            }
            value = .text(k.chineseName)
        default: break
        }
        i += 1
        if case .number = value { try skipUnit(field) }
        return value
    }

    static let unitWords: Set<String> = ["万元", "元", "亿元", "人", "名", "件", "项", "个", "年"]

    mutating func skipUnit(_ field: ConditionField) throws {
        guard let t = current, let unit = field.unit else { return }
        switch t.kind {
        case .percent:
            guard unit == "%" else { throw fail("“\(field.chineseName)”的单位是\(unit)，不能写%") }
            i += 1
        case .word(let w) where ConditionReader.unitWords.contains(w):
            guard w == unit else { throw fail("“\(field.chineseName)”的单位是\(unit)，不是\(w)") }
            i += 1
        default: break
        }
    }
}
