import Domain
import Foundation

/// Reads the scheme editor's form (`SchemeEditor` in Views) back into a definition. Rows repeat by field name;
/// a row with no name is dropped; a number that is not a number is refused naming its row.
enum SchemeForm {
    static func parse(_ form: FormFields) throws -> AssessmentScheme {
        func column(_ name: String) -> [String] { form.list(name).map { $0.trimmingCharacters(in: .whitespaces) } }
        func at(_ c: [String], _ i: Int) -> String { i < c.count ? c[i] : "" }
        func number(_ s: String, _ field: String, _ label: String) throws -> Double? {
            let t = s.replacingOccurrences(of: "，", with: "").replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "%", with: "")
            if t.isEmpty { return nil }
            guard let v = Double(t), v.isFinite else { throw ValidationError(field: field, "\(label)须为数字，填写的是“\(s)”") }
            return v
        }
        let names = column("item_name"), keys = column("item_key"), sources = column("item_source"), refs = column("item_ref")
        let points = column("item_points"), rules = column("item_rule"), targets = column("item_target"), caps = column("item_cap")
        let steps = column("item_step"), pers = column("item_per"), sats = column("item_sat"), unaccs = column("item_unacc"), lowers = column("item_lower")
        var items: [SchemeItem] = []
        for i in names.indices where !names[i].isEmpty {
            let label = "第\(items.count + 1)项“\(names[i])”"
            let f = "items[\(items.count)]"
            guard let source = ItemSource(rawValue: at(sources, i)) else { throw ValidationError(field: "\(f).source", "\(label)的数据来源无效") }
            guard let kind = ItemRule.Kind(rawValue: at(rules, i)) else { throw ValidationError(field: "\(f).rule", "\(label)的计分规则无效") }
            let refText = at(refs, i)
            let ref: Int? = refText.hasPrefix("q") ? Int(refText.dropFirst()) : Int(refText)
            guard let p = try number(at(points, i), "\(f).points", "\(label)的分值") else { throw ValidationError(field: "\(f).points", "请填写\(label)的分值") }
            let rule = ItemRule(kind: kind, target: try number(at(targets, i), "\(f).rule.target", "\(label)的目标值"),
                                cap: try number(at(caps, i), "\(f).rule.cap", "\(label)的封顶比例"),
                                step: try number(at(steps, i), "\(f).rule.step", "\(label)的名次递减分"),
                                per: try number(at(pers, i), "\(f).rule.per", "\(label)的每次扣分"),
                                satisfactory: try number(at(sats, i), "\(f).rule.satisfactory", "\(label)的满意值"),
                                unacceptable: try number(at(unaccs, i), "\(f).rule.unacceptable", "\(label)的不允许值"))
            let key = at(keys, i).isEmpty ? "item\(items.count + 1)" : at(keys, i)
            items.append(SchemeItem(key: key, name: names[i], source: source, ref: ref, points: p, rule: rule, lowerIsBetter: at(lowers, i) == "1" ? true : nil))
        }
        var adjustments: [Adjustment] = []
        let adjNames = column("adj_name"), adjKeys = column("adj_key"), adjKinds = column("adj_kind"), adjCaps = column("adj_cap")
        for i in adjNames.indices where !adjNames[i].isEmpty {
            let f = "adjustments[\(adjustments.count)]"
            guard let kind = Adjustment.Kind(rawValue: at(adjKinds, i)) else { throw ValidationError(field: "\(f).kind", "加减分项“\(adjNames[i])”的类别无效") }
            guard let cap = try number(at(adjCaps, i), "\(f).cap", "“\(adjNames[i])”的封顶分") else { throw ValidationError(field: "\(f).cap", "请填写“\(adjNames[i])”的封顶分") }
            adjustments.append(Adjustment(key: at(adjKeys, i).isEmpty ? "adj\(adjustments.count + 1)" : at(adjKeys, i), name: adjNames[i], kind: kind, cap: cap))
        }
        var vetoes: [Veto] = []
        let vetoNames = column("veto_name"), vetoKeys = column("veto_key"), vetoCaps = column("veto_cap")
        for i in vetoNames.indices where !vetoNames[i].isEmpty {
            vetoes.append(Veto(key: at(vetoKeys, i).isEmpty ? "veto\(vetoes.count + 1)" : at(vetoKeys, i), name: vetoNames[i], gradeCap: at(vetoCaps, i)))
        }
        var grades: [GradeBand] = []
        let gradeNames = column("grade_name"), gradeMins = column("grade_min"), quotas = column("grade_quota")
        for i in gradeNames.indices where !gradeNames[i].isEmpty {
            let f = "grades[\(grades.count)]"
            let min = try number(at(gradeMins, i), "\(f).min", "等次“\(gradeNames[i])”的分数线") ?? 0
            let quota = try number(at(quotas, i), "\(f).quota", "等次“\(gradeNames[i])”的名额比例").map { $0 / 100 }
            grades.append(GradeBand(name: gradeNames[i], min: min, quota: quota))
        }
        guard let weighting = AssessmentScheme.Weighting(rawValue: form.text("weighting")) else { throw ValidationError(field: "weighting", "请选择权重确定方法") }
        guard let aggregation = AssessmentScheme.Aggregation(rawValue: form.text("aggregation")) else { throw ValidationError(field: "aggregation", "请选择汇总方法") }
        let pairwise = try parsePairwise(form.text("pairwise"))
        guard let decimals = Int(form.text("decimals")) else { throw ValidationError(field: "decimals", "保留小数位须为0到4的整数") }
        return AssessmentScheme(items: items, weighting: weighting, pairwise: pairwise.isEmpty ? nil : pairwise, aggregation: aggregation,
                                adjustments: adjustments, bonusCap: try number(form.text("bonusCap"), "bonusCap", "加分合计封顶"),
                                deductionCap: try number(form.text("deductionCap"), "deductionCap", "扣分合计封顶"),
                                vetoes: vetoes, grades: grades, decimals: decimals)
    }

    /// Rows by line, values by spaces or commas; "1/3" allowed.
    static func parsePairwise(_ text: String) throws -> [[Double]] {
        try text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.enumerated().map { r, line in
            try line.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "，" || $0 == "\t" }).enumerated().map { c, cell in
                let parts = cell.split(separator: "/")
                if parts.count == 2, let a = Double(parts[0]), let b = Double(parts[1]), b != 0 { return a / b }
                guard parts.count == 1, let v = Double(cell), v.isFinite else {
                    throw ValidationError(field: "pairwise[\(r)][\(c)]", "判断矩阵第\(r + 1)行第\(c + 1)个数“\(cell)”不是数字")
                }
                return v
            }
        }
    }
}
