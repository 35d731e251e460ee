import Foundation

/// How numbers and headers are read from what people type or paste from spreadsheets, shared by every form and importer.
public enum SheetText {
    /// "1,234.5", "1，234", "12.5%", "－3", " 7 " → numbers; anything else (and NaN, ∞) nil.
    public static func number(_ s: String) -> Double? {
        var t = s.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "，", with: "").replacingOccurrences(of: "－", with: "-")
            .replacingOccurrences(of: " ", with: "").trimmingCharacters(in: .whitespacesAndNewlines)
        if t.hasSuffix("%") { t.removeLast() }
        guard !t.isEmpty, let v = Double(t), v.isFinite else { return nil }
        return v
    }

    /// A header cell without its decorations: spaces, "*", "（必填）".
    public static func header(_ s: String) -> String {
        s.trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: "*", with: "").replacingOccurrences(of: "（必填）", with: "")
    }

    /// The item with a name closest to `name` (edit distance over each of its non-empty `names`; the first on a tie),
    /// for "did you mean" messages; nil when there are none.
    public static func closest<T>(to name: String, in items: [T], names: (T) -> [String]) -> T? {
        let wanted = Array(name)
        var best: (item: T, distance: Int)?
        for item in items {
            guard let d = names(item).filter({ !$0.isEmpty }).map({ distance(wanted, Array($0)) }).min() else { continue }
            if best == nil || d < best!.distance { best = (item, d) }
        }
        return best?.item
    }

    /// Edit distance, for suggesting the closest code or name to one that does not exist.
    public static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + [Int](repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
