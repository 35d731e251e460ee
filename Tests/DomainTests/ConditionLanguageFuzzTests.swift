import Foundation
import Testing
@testable import Domain

// Property-based tests of the eligibility condition language (申报条件): `ConditionParser`, the canonical
// printing (`Condition.description`) and `ConditionEvaluator`. Condition text is typed by office staff, so the
// parser sees arbitrary input.
//
// Every case runs on its own SplitMix64 generator seeded from the property's base seed and the case number; a
// failure names that seed and the input (as a Swift literal), so it reproduces with
// `ConditionFuzz.soup(SplitMix64(seed: …))` and friends. At most five failures per property are reported, then a count.
//
// Known product issues found by these properties are pinned, with their minimal inputs, in the `Known issues`
// section at the end; the random properties skip (and count) inputs that only hit those issues.

/// An input as a Swift string literal (escapes visible), cut if very long.
private func literal(_ s: String, limit: Int = 600) -> String {
    let shown = s.count > limit ? String(s.prefix(limit)) : s
    return String(reflecting: shown) + (s.count > limit ? " …(\(s.count) characters in all)" : "")
}

// MARK: - Generators

private enum ConditionFuzz {
    static let fieldWords: [String] = ConditionField.allCases.flatMap { [$0.info.name] + $0.info.aliases }
    static let operators = [">=", ">", "<=", "<", "=", "==", "!=", "<>", "≥", "≤", "≠", "＞＝", "＞", "＜", "＝", "！＝",
                            "=>", "=<", "包含", "开头", "属于", "不包含"]
    static let logic = ["且", "或", "非", "and", "or", "not", "AND", "Or", "NOT", "&&", "||", "!", "&", "|", "且且", "非非"]
    static let brackets = ["(", ")", "（", "）", "[", "]", "【", "】", ",", "，", "、", "((", "))", "()"]
    static let numbers = ["0", "1", "3", "10", "2000", "2026", "-5.5", "0.5", "1.", "1.5.5", "123456789012345",
                          "1234567890123456", "0.000001", "0.0000001", "１２", "９９.５", "99.999999", "-", "--1", "1e5", ".5",
                          "007", "3.14159", "-0", "999999999999999.999999"]
    static let units = ["万元", "%", "％", "人", "件", "年", "亿元", "元", "名", "个", "项", "个百分点"]
    static let values = ["是", "否", "true", "false", "TRUE", "\"集成电路\"", "\"C39\"", "'C3911'", "“科技园”", "「高企」",
                         "『上市企业』", "‘x’", "\"高新技术企业\"", "\"专精特新“小巨人”\"", "\"\"", "''", "\"a\\\"b\"",
                         "\"\\\\\"", "C39", "集成电路", "[\"集成电路\", \"生物医药\"]", "[1, 2, 3]", "[]", "[\"x\"",
                         "\"科技型中小企业\"", "\"独角兽\"", "'A＂B'", "'＼'", "\"（东区）\""]
    static let quotes = ["\"", "'", "“", "”", "‘", "’", "「", "」", "『", "』", "\\", "＂", "＼", "\\\"", "\"\""]
    static let garbage = ["@", "#", "$", "~", "^", "*", "?", ";", ":", "{", "}", ".", "_", "x", "abc", "\u{0}", "\t", "\n",
                          "\r\n", "\u{3000}", " ", "😀", "👨‍👩‍👧", "e\u{301}", "\u{301}", "\u{FEFF}", "\u{200D}", "\u{0600}",
                          "🇨🇳", "ǅ", "ｘ", "Ⅻ", "٣", "天气", "研发占比", "營業收入", "营业收入营业收入", "高企高企", "\u{7F}",
                          "\u{FFFD}", "\u{2028}", "ﾟ", "＠", "･"]

    /// One token of condition-like text, from the language's own vocabulary or not.
    static func token(_ g: SplitMix64) -> String {
        switch g.below(100) {
        case 0..<24: return g.pick(fieldWords)
        case 24..<38: return g.pick(operators)
        case 38..<50: return g.pick(logic)
        case 50..<60: return g.pick(brackets)
        case 60..<72: return g.pick(numbers)
        case 72..<77: return g.pick(units)
        case 77..<88: return g.pick(values)
        case 88..<93: return g.pick(quotes)
        default: return g.pick(garbage)
        }
    }

    /// Random token soup: 1 to 25 tokens, mostly space-separated, sometimes run together.
    static func soup(_ g: SplitMix64) -> String {
        var s = ""
        for i in 0..<g.int(1...25) {
            if i > 0 {
                switch g.below(10) {
                case 0..<3: break
                case 3..<9: s += " "
                default: s += g.pick(["\u{3000}", "\t", "\n", "  ", "\r\n"])
                }
            }
            s += token(g)
        }
        return s
    }

    /// Inputs around the 2,000-character limit: valid text repeated, one huge word, long garbage.
    static func long(_ g: SplitMix64) -> String {
        let target = g.pick([1_990, 1_999, 2_000, 2_001, 2_100, g.int(1_500...2_600)])
        var s = "", length = 0   // length: characters so far (approximately, for soup)
        switch g.below(5) {
        case 0:
            s = "高企"; length = 2
            while length < target {
                let piece = g.pick(["且高企", " 且 高企", "或规上", " 或 (上市)"])
                s += piece; length += piece.count
            }
        case 1:
            s = String(repeating: g.pick(["营", "a", "1", "高企"]), count: target)
        case 2:
            s = "地址 包含 \"" + String(repeating: "科", count: max(0, target - 8)) + "\""
        case 3:
            while length < target {
                let piece = soup(g) + " "
                s += piece; length += piece.count
            }
        default:
            s = String(repeating: g.pick(["(", "非 ", "!", "（"]), count: target / 2) + "高企"
        }
        if g.chance(0.7), s.count > target { s = String(s.prefix(target)) }
        return s
    }

    /// Deep nesting of parentheses and 非, balanced or not, around a valid core.
    static func deep(_ g: SplitMix64) -> String {
        let core = g.pick(["高企", "营业收入 >= 2000", "(高企 或 规上)", "行业 开头 \"C39\"", "", "且"])
        let open = g.int(0...40), close = g.chance(0.6) ? open : g.int(0...40)
        var s = ""
        for _ in 0..<open {
            switch g.below(6) {
            case 0: s += "非 "
            case 1: s += "!"
            case 2: s += "（"
            case 3: s += "not "
            case 4: s += "非("
            default: s += "("
            }
        }
        s += core
        for _ in 0..<close { s += g.pick([")", ")", "）", " 且 规上)"]) }
        return s
    }

    // MARK: valid condition trees

    static let sampleNumbers: [Double] = [0, 1, 2, 3, 5, 10, 60, 100, 300, 500, 2000, 2026, 0.5, 0.000001, 4.2, 7.99,
                                          999_999_999_999_999, -5.5, -1, 123_456.789012]

    /// A number the language can write: at most 15 integer and 6 decimal digits, so printing loses nothing.
    static func number(_ g: SplitMix64) -> Double {
        switch g.below(4) {
        case 0: return g.pick(sampleNumbers)
        case 1: return Double(g.int(-1_000_000...1_000_000))
        case 2:
            let digits = g.int(1...6)
            var scale = 1
            for _ in 0..<digits { scale *= 10 }
            return Double(g.int(-1_000_000_000...1_000_000_000)) / Double(scale)
        default: return Double(g.int(-999_999_999_999_999...999_999_999_999_999))
        }
    }

    /// Text characters that survive quoting. Left out on purpose: the full-width quote and backslash (known issue
    /// below), combining marks and other characters that join a neighbouring quote into one grapheme.
    static let textPieces = ["a", "Z", "3", "C39", "集成电路", "科技园", "（", "）", "\"", "\\", "'", "“", "”", "‘", "’",
                             " ", "且", "或", "非", "包含", ",", "[", "]", "(", ")", "=", ">=", "\n", "😀", "%", "万元", "是",
                             "true", "、", "\u{3000}", "_", "#", "「", "」"]

    static func text(_ g: SplitMix64, allowEmpty: Bool) -> String {
        var s = ""
        for _ in 0..<g.int(allowEmpty ? 0...6 : 1...6) { s += g.pick(textPieces) }
        return s
    }

    static func comparison(_ g: SplitMix64) -> Comparison {
        let field = g.pick(ConditionField.allCases)
        switch field.type {
        case .number:
            if g.chance(0.15) {
                return Comparison(field: field, op: .isIn, value: .numbers((0..<g.int(1...4)).map { _ in number(g) }))
            }
            let op = g.pick([ConditionOperator.equal, .notEqual, .greater, .greaterOrEqual, .less, .lessOrEqual])
            return Comparison(field: field, op: op, value: .number(number(g)))
        case .bool:
            return Comparison(field: field, op: g.pick([.equal, .equal, .notEqual]), value: .bool(g.chance(0.6)))
        case .text:
            if g.chance(0.2) {
                return Comparison(field: field, op: .isIn, value: .texts((0..<g.int(1...4)).map { _ in text(g, allowEmpty: true) }))
            }
            let op = g.pick([ConditionOperator.equal, .notEqual, .contains, .startsWith])
            // 包含 "" is left out: evaluating it traps (known issue below).
            return Comparison(field: field, op: op, value: .text(text(g, allowEmpty: op != .contains)))
        case .textSet:
            return Comparison(field: field, op: .contains, value: .text(g.pick(EnterpriseTier.Kind.allCases).chineseName))
        }
    }

    /// A random tree of at most `depth` levels. With `flat`, 且 never sits directly under 且 nor 或 under 或,
    /// which is the shape the parser produces (it flattens `a 且 (b 且 c)`).
    static func tree(_ g: SplitMix64, depth: Int, flat: Bool) -> Condition {
        if depth == 0 || g.chance(0.3) { return .comparison(comparison(g)) }
        switch g.below(3) {
        case 0:
            return .not(tree(g, depth: depth - 1, flat: flat))
        case 1:
            let kids = (0..<g.int(2...3)).map { _ in tree(g, depth: depth - 1, flat: flat) }
            return .and(flat ? kids.flatMap { if case .and(let cs) = $0 { cs } else { [$0] } } : kids)
        default:
            let kids = (0..<g.int(2...3)).map { _ in tree(g, depth: depth - 1, flat: flat) }
            return .or(flat ? kids.flatMap { if case .or(let cs) = $0 { cs } else { [$0] } } : kids)
        }
    }

    /// The tree as the parser would build it: nested 且 in 且 and 或 in 或 merged.
    static func flattened(_ c: Condition) -> Condition {
        switch c {
        case .comparison: return c
        case .not(let inner): return .not(flattened(inner))
        case .and(let cs): return .and(cs.map(flattened).flatMap { if case .and(let xs) = $0 { xs } else { [$0] } })
        case .or(let cs): return .or(cs.map(flattened).flatMap { if case .or(let xs) = $0 { xs } else { [$0] } })
        }
    }

    // MARK: firm facts

    static func day(_ g: SplitMix64, years: ClosedRange<Int>) -> Day {
        Day(year: g.int(years), month: g.int(1...12), day: g.int(1...28))!
    }

    static let factNumbers: [Double] = [0, 1, 2, 3, 5, 10, 30, 60, 100, 105, 300, 500, 1500, 2000, 2500, 8000, 0.5, 2000.5, 1e-6]

    /// One firm's facts for a random evaluation year; any figure may be missing, and sometimes the whole year.
    static func facts(_ g: SplitMix64, id: Int) -> FirmFacts {
        func amount() -> Double? { g.chance(0.2) ? nil : (g.chance(0.6) ? g.pick(factNumbers) : Double(g.int(0...9_000))) }
        func count(_ upTo: Int) -> Int? { g.chance(0.2) ? nil : g.int(0...upTo) }
        let year = g.int(2024...2027)
        let enterprise = Enterprise(
            id: id, creditCode: "", name: "企业\(id)", initials: "",
            address: g.pick(["高新区科技园1号", "", "科技园", "A\"B\\C（有限合伙）", "x", "高新区创业大道8号"]),
            industryCode: g.pick(["C3911", "C39", "C3914", "I6510", "F5191", "", "c3911", "C"]),
            chain: g.pick(["集成电路", "生物医药", "", "新能源", "a"]),
            foundedOn: g.chance(0.15) ? nil : day(g, years: 2000...2027),
            servingUnitId: nil, visitingOfficial: "")
        var years: [EnterpriseYear] = []
        if g.chance(0.85) {
            let employees = count(600)
            years.append(EnterpriseYear(year: year, revenue: amount(), mainRevenue: amount(), rdExpense: amount(),
                                        highTechRevenue: amount(), tax: amount(), totalAssets: amount(), employees: employees,
                                        rdStaff: employees.flatMap { e in g.chance(0.2) ? nil : g.int(0...e) },
                                        aboveScale: g.chance(0.5), inventionPatents: count(5), utilityPatents: count(9),
                                        designPatents: count(3)))
        }
        if g.chance(0.6) { years.append(EnterpriseYear(year: year - 1, revenue: amount())) }
        var tiers: [EnterpriseTier] = []
        for kind in EnterpriseTier.Kind.allCases where g.chance(0.35) {
            tiers.append(EnterpriseTier(kind: kind, certificate: "", grantedOn: day(g, years: 2019...2028)))
        }
        return FirmFacts(enterprise: enterprise, years: years, tiers: tiers, year: year)
    }

    /// A fixed pool of firms, the same on every run.
    static let firms: [FirmFacts] = {
        let g = SplitMix64(seed: 0x6669_726D_73)
        return (1...64).map { facts(g, id: $0) }
    }()

    // MARK: an independent evaluation

    /// Kleene three-valued evaluation written straight from docs/policy_conditions.md, on the public accessors of
    /// `FirmFacts`: numbers with the evaluator's documented relative tolerance of 1e-9, 包含 and 开头 on UTF-8 bytes.
    static func oracle(_ c: Condition, _ f: FirmFacts) -> Bool? {
        switch c {
        case .not(let inner): return oracle(inner, f).map { !$0 }
        case .and(let cs):
            var r: Bool? = true
            for x in cs { let v = oracle(x, f); if v == false { return false }; if v == nil { r = nil } }
            return r
        case .or(let cs):
            var r: Bool? = false
            for x in cs { let v = oracle(x, f); if v == true { return true }; if v == nil { r = nil } }
            return r
        case .comparison(let cmp): return atom(cmp, f)
        }
    }

    static func atom(_ c: Comparison, _ f: FirmFacts) -> Bool? {
        func eps(_ t: Double) -> Double { 1e-9 * max(1, abs(t)) }
        switch c.field.type {
        case .number:
            guard let x = f.number(c.field) else { return nil }
            switch c.value {
            case .number(let t):
                switch c.op {
                case .greaterOrEqual: return x >= t - eps(t)
                case .greater: return x > t + eps(t)
                case .lessOrEqual: return x <= t + eps(t)
                case .less: return x < t - eps(t)
                case .notEqual: return abs(x - t) > eps(t)
                default: return abs(x - t) <= eps(t)
                }
            case .numbers(let ts): return ts.contains { abs(x - $0) <= eps($0) }
            default: return nil
            }
        case .bool:
            guard let v = f.flag(c.field), case .bool(let want) = c.value else { return nil }
            return c.op == .notEqual ? v != want : v == want
        case .text:
            guard let s = f.text(c.field) else { return nil }
            switch c.value {
            case .texts(let list): return list.contains(s)
            case .text(let lit):
                switch c.op {
                case .contains: return bytes(Array(s.utf8), contain: Array(lit.utf8))
                case .startsWith: return Array(s.utf8).starts(with: Array(lit.utf8))
                case .notEqual: return s != lit
                default: return s == lit
                }
            default: return nil
            }
        case .textSet:
            guard case .text(let lit) = c.value else { return nil }
            return f.qualifications.contains { $0.chineseName == lit }
        }
    }

    static func bytes(_ a: [UInt8], contain b: [UInt8]) -> Bool {
        if b.isEmpty { return true }
        if b.count > a.count { return false }
        for i in 0...(a.count - b.count) where Array(a[i..<i + b.count]) == b { return true }
        return false
    }

    // MARK: known issues (see the end of the file)

    /// Why the canonical text of `c` is known not to read back, if it is.
    static func knownRoundTripIssue(_ c: Condition) -> String? {
        if c.description.count > ConditionParser.maxLength { return "canonical text over the length limit" }
        for cmp in c.comparisons {
            let texts: [String]
            switch cmp.value {
            case .text(let s): texts = [s]
            case .texts(let ss): texts = ss
            default: texts = []
            }
            if texts.contains(where: { $0.contains("＂") || $0.contains("＼") }) { return "full-width quote or backslash in a text" }
            let numbers: [Double]
            switch cmp.value {
            case .number(let x): numbers = [x]
            case .numbers(let xs): numbers = xs
            default: numbers = []
            }
            if numbers.contains(where: { abs($0) >= 1e15 }) { return "a literal that rounds to 1e15" }
        }
        return nil
    }

    /// The 1-based position a parser message names ("第12个字符：…"), nil when it names none.
    static func position(in message: String) -> Int? {
        guard message.hasPrefix("第"), let r = message.range(of: "个字符：") else { return nil }
        return Int(message[message.index(after: message.startIndex)..<r.lowerBound])
    }

    /// N of "条件过长（规范写法为N个字符…": the input was within the limit, its canonical text is not.
    static func canonicalLength(in message: String) -> Int? {
        guard let r = message.range(of: "条件过长（规范写法为"), message.hasPrefix("条件过长") else { return nil }
        return Int(message[r.upperBound...].prefix { $0.isASCII && $0.isNumber })
    }

    static func hasChinese(_ s: String) -> Bool { s.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } }
}

// MARK: - Properties

@Suite struct ConditionLanguageFuzzTests {

    /// Checks one evaluation of `c` on `f`: the bulk path and the explanation agree with each other and with the
    /// independent three-valued evaluation, and the verdict is self-consistent.
    private static func checkEvaluation(_ c: Condition, _ evaluator: ConditionEvaluator, _ f: FirmFacts,
                                        _ log: PropertyLog, _ context: @autoclosure () -> String) {
        let verdict = evaluator.evaluate(f)
        let fast = evaluator.matches(f)
        let expected = ConditionFuzz.oracle(c, f)
        log.check(fast == verdict.qualifies,
                  "matches() \(fast) but evaluate() \(String(describing: verdict.result)) for firm \(f.enterpriseId); \(context())")
        log.check(verdict.result == expected,
                  "evaluate() \(String(describing: verdict.result)), the three-valued rules say \(String(describing: expected)) for firm \(f.enterpriseId); \(context())")
        log.check(verdict.atoms.count == c.comparisons.count && verdict.lines.count == verdict.atoms.count
                    && verdict.lines.allSatisfy { !$0.isEmpty },
                  "\(verdict.atoms.count) atoms / \(verdict.lines.count) lines for \(c.comparisons.count) comparisons; \(context())")
        log.check(verdict.qualifies == verdict.missing.isEmpty && verdict.missing.allSatisfy { $0.outcome != .met },
                  "qualifies \(verdict.qualifies) but missing \(verdict.missing.map(\.line)); \(context())")
    }

    /// Parses `text` and checks what the parser promises: a condition whose canonical text reads back the same, or a
    /// `ValidationError` on field "condition" with a Chinese message naming a character of the input (or its end).
    /// Conditions that parse are then evaluated on a few firms.
    private static func checkParse(_ text: String, seed: UInt64, _ log: PropertyLog, evaluateOn firms: Int = 3) {
        let input = "seed \(seed), input \(literal(text))"
        let count = Array(text).count
        let condition: Condition
        do {
            condition = try ConditionParser.parse(text)
        } catch let e as ValidationError {
            log.check(e.field == "condition", "error field \(literal(e.field)); \(input)")
            log.check(!e.message.isEmpty && ConditionFuzz.hasChinese(e.message), "message \(literal(e.message)) is not Chinese; \(input)")
            if let p = ConditionFuzz.position(in: e.message) {
                log.check((1...count + 1).contains(p), "position \(p) outside 1...\(count + 1): \(literal(e.message)); \(input)")
            } else {
                let blank = Array(text).allSatisfy { ConditionLexer.normalize($0).isWhitespace }
                let ok = (e.message == "条件不能为空" && blank)
                    || (e.message.hasPrefix("条件过长（\(count)个字符）") && count > ConditionParser.maxLength)
                    || ConditionFuzz.canonicalLength(in: e.message).map { $0 > ConditionParser.maxLength } == true
                log.check(ok, "message without a position: \(literal(e.message)); \(input)")
            }
            return
        } catch {
            log.fail("threw \(type(of: error)) \(error), not ValidationError; \(input)")
            return
        }

        log.check(count <= ConditionParser.maxLength, "accepted \(count) characters; \(input)")
        log.check(!condition.comparisons.isEmpty, "a condition without comparisons; \(input)")

        // The canonical text reads back as the same condition, and is a fixed point of printing.
        let canonical = condition.description
        if let reason = ConditionFuzz.knownRoundTripIssue(condition) {
            log.skip(reason)
        } else {
            do {
                let again = try ConditionParser.parse(canonical)
                log.check(again == condition, "canonical \(literal(canonical)) reads back as \(literal(again.description)); \(input)")
                log.check(again.description == canonical, "printing is not a fixed point: \(literal(canonical)) → \(literal(again.description)); \(input)")
            } catch {
                log.fail("canonical \(literal(canonical)) does not parse: \(error); \(input)")
            }
        }

        // Evaluation is total.
        let evaluator = ConditionEvaluator(condition)
        let g = SplitMix64(seed: seed ^ 0xFAC7)
        for _ in 0..<firms {
            checkEvaluation(condition, evaluator, g.pick(ConditionFuzz.firms), log, input)
        }
    }

    /// 1 (a) + (c): 2,500 random strings of the language's tokens and garbage, 60 inputs around the length limit and
    /// 300 deeply nested ones never crash the parser; every outcome is a condition or a well-formed error.
    @Test func randomTokenSoupParsesOrFailsCleanly() {
        let log = PropertyLog("token soup")
        for i in 0..<2_500 {
            let seed = SplitMix64.caseSeed(0xC0DE_0001, i)
            Self.checkParse(ConditionFuzz.soup(SplitMix64(seed: seed)), seed: seed, log)
        }
        for i in 0..<60 {
            let seed = SplitMix64.caseSeed(0xC0DE_0002, i)
            Self.checkParse(ConditionFuzz.long(SplitMix64(seed: seed)), seed: seed, log, evaluateOn: 1)
        }
        for i in 0..<300 {
            let seed = SplitMix64.caseSeed(0xC0DE_0003, i)
            Self.checkParse(ConditionFuzz.deep(SplitMix64(seed: seed)), seed: seed, log)
        }
        log.finish()
    }

    /// Small edits of valid conditions (a character dropped, doubled or replaced, a token inserted) still parse or
    /// fail cleanly: 1,500 cases near the valid language, where the parser's deeper paths are.
    @Test func editedValidConditionsParseOrFailCleanly() {
        let log = PropertyLog("edited conditions")
        let examples = ["高企 且 研发费用占比 >= 3 且 (营业收入 >= 2000 或 发明专利 >= 1)",
                        "资质 包含 \"科技型中小企业\" 且 非 规上",
                        "行业 开头 \"C39\" 且 成立年限 >= 2",
                        "产业链 属于 [\"集成电路\", \"生物医药\"] 且 营收增长率 > 10",
                        "非 (营业收入 < 500 或 从业人数 > 300)",
                        "专利总数 >= 5 或 小巨人 或 瞪羚",
                        "科技人员占比 >= 10% 且 高新技术产品收入占比 ≥ 60 且 营收 >= 2000万元",
                        "高企且研发费用占比>=3且（营业收入＞＝2000或非规上）",
                        "年度 属于 [2025, 2026] 且 地址 包含 “科技园” 且 规上 = 否"]
        for i in 0..<1_500 {
            let seed = SplitMix64.caseSeed(0xC0DE_0004, i)
            let g = SplitMix64(seed: seed)
            var chars = Array(g.pick(examples))
            for _ in 0..<g.int(1...3) {
                let at = g.below(chars.count + 1)
                switch g.below(4) {
                case 0: if at < chars.count { chars.remove(at: at) }
                case 1: if at < chars.count { chars.insert(chars[at], at: at) }
                case 2: if at < chars.count { chars[at] = Character(g.pick(["\"", "(", ")", "且", "非", " ", "=", "[", "0", "，", "＂", "x"])) }
                default: chars.insert(contentsOf: Array(" " + ConditionFuzz.token(g) + " "), at: at)
                }
            }
            Self.checkParse(String(chars), seed: seed, log)
        }
        log.finish()
    }

    /// 1 (b): 1,200 generated trees in the parser's (flattened) shape print to canonical text that parses back to
    /// the same tree and prints the same again; the evaluations agree on 2 firms each.
    @Test func generatedConditionsRoundTripThroughCanonicalText() {
        let log = PropertyLog("round trip")
        var tested = 0
        for i in 0..<1_200 {
            let seed = SplitMix64.caseSeed(0xC0DE_0005, i)
            let g = SplitMix64(seed: seed)
            let tree = ConditionFuzz.tree(g, depth: g.int(0...5), flat: true)
            let text = tree.description
            guard text.count <= ConditionParser.maxLength else { log.skip("longer than the limit"); continue }
            tested += 1
            let context = "seed \(seed), canonical \(literal(text))"
            do {
                let parsed = try ConditionParser.parse(text)
                log.check(parsed == tree, "reads back as \(literal(parsed.description)); \(context)")
                log.check(parsed.description == text, "prints back as \(literal(parsed.description)); \(context)")
                let e1 = ConditionEvaluator(tree), e2 = ConditionEvaluator(parsed)
                for _ in 0..<2 {
                    let f = g.pick(ConditionFuzz.firms)
                    log.check(e1.evaluate(f) == e2.evaluate(f), "verdicts differ for firm \(f.enterpriseId); \(context)")
                    Self.checkEvaluation(tree, e1, f, log, context)
                }
            } catch {
                log.fail("does not parse: \(error); \(context)")
            }
        }
        #expect(tested > 800, "too few generated conditions fit the length limit: \(tested)")
        log.finish()
    }

    /// 1 (b), any shape: 600 trees with 且 under 且 and 或 under 或 (kept apart by the printer's parentheses) read
    /// back as the flattened tree, mean the same on 2 firms each, and reprint as a fixed point.
    @Test func nestedSameOperatorsReadBackFlattened() {
        let log = PropertyLog("flattening")
        for i in 0..<600 {
            let seed = SplitMix64.caseSeed(0xC0DE_0006, i)
            let g = SplitMix64(seed: seed)
            let tree = ConditionFuzz.tree(g, depth: g.int(1...5), flat: false)
            let text = tree.description
            guard text.count <= ConditionParser.maxLength else { log.skip("longer than the limit"); continue }
            let context = "seed \(seed), text \(literal(text))"
            do {
                let parsed = try ConditionParser.parse(text)
                log.check(parsed == ConditionFuzz.flattened(tree), "reads back as \(literal(parsed.description)); \(context)")
                log.check(try ConditionParser.parse(parsed.description) == parsed, "canonical form not stable; \(context)")
                let e1 = ConditionEvaluator(tree), e2 = ConditionEvaluator(parsed)
                for _ in 0..<2 {
                    let f = g.pick(ConditionFuzz.firms)
                    let v1 = e1.evaluate(f), v2 = e2.evaluate(f)
                    log.check(v1.result == v2.result && e1.matches(f) == e2.matches(f),
                              "written \(String(describing: v1.result)), read back \(String(describing: v2.result)) for firm \(f.enterpriseId); \(context)")
                    Self.checkEvaluation(tree, e1, f, log, context)
                }
            } catch {
                log.fail("does not parse: \(error); \(context)")
            }
        }
        log.finish()
    }

    /// 1 (c): generated conditions evaluated on firms of the pool (64 firms with missing figures, missing years,
    /// empty and odd texts) give one of the three values, consistently: 200 conditions × 24 firms.
    @Test func evaluationIsTotalOnRandomFirms() {
        let log = PropertyLog("evaluation")
        for i in 0..<200 {
            let seed = SplitMix64.caseSeed(0xC0DE_0007, i)
            let g = SplitMix64(seed: seed)
            let tree = ConditionFuzz.tree(g, depth: g.int(0...4), flat: g.chance(0.5))
            let evaluator = ConditionEvaluator(tree)
            let context = "seed \(seed), condition \(literal(tree.description))"
            let start = g.below(ConditionFuzz.firms.count)
            for k in 0..<24 {
                Self.checkEvaluation(tree, evaluator, ConditionFuzz.firms[(start + k) % ConditionFuzz.firms.count], log, context)
            }
            log.check(evaluator.count(in: ConditionFuzz.firms) == ConditionFuzz.firms.filter(evaluator.matches).count,
                      "count(in:) disagrees with matches; \(context)")
        }
        log.finish()
    }

    // MARK: - Known issues
    //
    // Product bugs the properties above ran into. They are not fixed here; the random properties skip the inputs
    // that only hit them (counted in `PropertyLog.skipped`).

    /// `产业链 包含 ""` (any text field, 包含 an empty text) parses and is saved; evaluating it used to trap
    /// (`ConditionEvaluator.text(_:contains:)` read `b[0]` of the empty text). Every text contains the empty text.
    /// Run as an exit test, so a regression ends a child process, not the test run.
    @Test func emptyContainsTextEvaluatesWithoutTrapping() async {
        do {
            await #expect(processExitsWith: .success) {
                let evaluator = try ConditionEvaluator(parsing: "产业链 包含 \"\"")
                let enterprise = Enterprise(id: 1, creditCode: "", name: "企业1", initials: "", address: "科技园",
                                            industryCode: "C3911", chain: "集成电路", foundedOn: nil, servingUnitId: nil,
                                            visitingOfficial: "")
                let firm = FirmFacts(enterprise: enterprise, years: [], tiers: [], year: 2026)
                _ = evaluator.matches(firm)
                _ = evaluator.evaluate(firm)
            }
        }
    }

    /// A text holding a full-width quote ＂ or backslash ＼ (written inside '…' or “…”) parses, and so does its
    /// canonical text: the lexer normalises ＂ to " and ＼ to \ before looking for the closing quote and escapes, so
    /// `ConditionValue.quote` escapes the full-width ones too (found by the fuzzer; the saved clause used not to parse).
    @Test func fullWidthQuoteOrBackslashInTextSurvivesCanonicalText() throws {
        for text in ["地址 包含 'A＂B'", "地址 包含 '＼'", "地址 包含 “＼＂\\\"”"] {
            let condition = try ConditionParser.parse(text)
            guard case .comparison(let c) = condition, case .text(let value) = c.value else {
                Issue.record("\(text) did not parse to one text comparison")
                continue
            }
            #expect(value.contains("＂") || value.contains("＼"), "the full-width character is kept as written")
            let again = try ConditionParser.parse(condition.description)
            #expect(again == condition, "\(condition.description)")
        }
    }

    /// `营业收入 >= 999999999999999.95` has 15 integer digits, but the literal rounds to the Double 10^15, whose
    /// canonical text has 16 and would not read back: such a literal is refused, naming the number.
    @Test func literalRoundingUpTo1e15IsRefused() throws {
        for (text, literal) in [("营业收入 >= 999999999999999.95", "999999999999999.95"), ("营收增长率 > -999999999999999.999999", "999999999999999.999999")] {
            #expect(throws: ValidationError.self) { try ConditionParser.parse(text) }
            do { _ = try ConditionParser.parse(text) } catch let e as ValidationError {
                #expect(e.field == "condition")
                #expect(e.message.contains(literal) && e.message.contains("过长"), "\(e.message)")
            }
        }
        // The largest literal below the limit still reads back from its canonical text.
        let largest = try ConditionParser.parse("营业收入 >= 999999999999999.9")
        #expect(try ConditionParser.parse(largest.description) == largest)
    }

    /// A condition of 2,000 characters written without spaces (`高企且高企且…`) has a canonical text (the form saved)
    /// with " 且 " spacing, far over `ConditionParser.maxLength`: it is refused with the canonical length, rather than
    /// saved in a form that no longer parses (which `PolicyMatching` would skip). A shorter one is accepted and reads back.
    @Test func canonicalTextOfAnAcceptedConditionStaysWithinTheLimit() throws {
        let text = Array(repeating: "高企", count: 667).joined(separator: "且")
        #expect(text.count == ConditionParser.maxLength)
        do {
            _ = try ConditionParser.parse(text)
            Issue.record("a condition whose canonical text is over the limit was accepted")
        } catch let e as ValidationError {
            #expect(e.field == "condition")
            #expect(e.message.contains("规范写法为3332个字符"), "\(e.message)")
        }
        let shorter = Array(repeating: "高企", count: 300).joined(separator: "且")
        let condition = try ConditionParser.parse(shorter)
        #expect(condition.description.count <= ConditionParser.maxLength)
        #expect(try ConditionParser.parse(condition.description) == condition)
    }
}
