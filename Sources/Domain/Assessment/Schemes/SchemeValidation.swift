import Foundation

extension AssessmentScheme {
    /// Up to this many items (the benchmark assesses 40).
    public static let maxItems = 100

    /// Refuses a scheme that cannot be computed, naming the field: no items, duplicate keys, points that do not
    /// sum to 100, a rule that would divide by zero, AHP judgements whose CR ≥ 0.10 (with the CR), grade bands out
    /// of order, a veto capping to a grade the scheme does not have.
    public func validate() throws {
        guard !items.isEmpty else { throw ValidationError(field: "items", "方案至少需要一个考核项目") }
        guard items.count <= Self.maxItems else { throw ValidationError(field: "items", "考核项目不能超过\(Self.maxItems)个") }
        var keys = Set<String>()
        for (i, item) in items.enumerated() {
            let f = "items[\(i)]"
            if item.name.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError(field: "\(f).name", "第\(i + 1)项缺少名称") }
            if item.key.isEmpty || !keys.insert(item.key).inserted { throw ValidationError(field: "\(f).key", "第\(i + 1)项的代码“\(item.key)”为空或重复") }
            guard item.points.isFinite, item.points > 0 else { throw ValidationError(field: "\(f).points", "“\(item.name)”的分值须为正数") }
            if item.source == .quarter, !(1...4).contains(item.ref ?? 0) { throw ValidationError(field: "\(f).ref", "“\(item.name)”须指定第1至4季度") }
            if item.isCost, item.rule.kind == .ratio {
                throw ValidationError(field: "\(f).rule", "“\(item.name)”是扣分类数据（越少越好），不能用完成比例计分，请用按次扣分等规则")
            }
            try item.rule.validate(field: "\(f).rule")
        }
        switch weighting {
        case .points:
            let sum = items.reduce(0) { $0 + $1.points }
            if abs(sum - 100) > 1e-6 { throw ValidationError(field: "items", "各项分值之和为\(formatNumber(sum))，应为100") }
        case .ahp:
            guard let pairwise, pairwise.count == items.count else {
                throw ValidationError(field: "pairwise", "层次分析法需要\(items.count)×\(items.count)的判断矩阵（每个考核项目一行）")
            }
            let result = try AHP.analyse(pairwise)
            if !result.consistent {
                throw ValidationError(field: "pairwise", "判断矩阵一致性比率 CR = \(String(format: "%.4f", result.cr))，须小于0.10，请调整判断后再保存")
            }
        case .entropy: break
        }
        for (i, a) in adjustments.enumerated() {
            if a.key.isEmpty || !keys.insert(a.key).inserted { throw ValidationError(field: "adjustments[\(i)].key", "加减分项代码“\(a.key)”为空或重复") }
            guard a.cap.isFinite, a.cap >= 0 else { throw ValidationError(field: "adjustments[\(i)].cap", "“\(a.name)”的封顶分须为不小于0的数") }
        }
        for (name, cap) in [("bonusCap", bonusCap), ("deductionCap", deductionCap)] {
            if let cap, !(cap.isFinite && cap >= 0) { throw ValidationError(field: name, "封顶分须为不小于0的数") }
        }
        guard !grades.isEmpty else { throw ValidationError(field: "grades", "至少需要一个等次") }
        for i in grades.indices {
            let g = grades[i]
            if g.name.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError(field: "grades[\(i)].name", "等次名称不能为空") }
            // The last band takes everything below, so its own line is not compared.
            if i > 0, i < grades.count - 1, !(g.min.isFinite && g.min < grades[i - 1].min) {
                throw ValidationError(field: "grades[\(i)].min", "等次须按分数线从高到低排列：“\(g.name)”的分数线应低于“\(grades[i - 1].name)”")
            }
            if let q = g.quota, !(q >= 0 && q <= 1) { throw ValidationError(field: "grades[\(i)].quota", "“\(g.name)”的名额比例须在0到100%之间") }
        }
        if Set(grades.map(\.name)).count != grades.count { throw ValidationError(field: "grades", "等次名称不能重复") }
        for (i, v) in vetoes.enumerated() {
            if v.key.isEmpty || !keys.insert(v.key).inserted { throw ValidationError(field: "vetoes[\(i)].key", "否决项代码“\(v.key)”为空或重复") }
            if !grades.contains(where: { $0.name == v.gradeCap }) {
                throw ValidationError(field: "vetoes[\(i)].gradeCap", "否决项“\(v.name)”的等次上限“\(v.gradeCap)”不在本方案的等次中")
            }
        }
        guard (0...4).contains(decimals) else { throw ValidationError(field: "decimals", "保留小数位须在0到4之间") }
    }
}
