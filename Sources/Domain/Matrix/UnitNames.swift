import Foundation

extension OrgUnit {
    /// The live unit whose full or short name is closest to `name` (edit distance), for "did you mean" messages.
    public static func closest(to name: String, in units: [OrgUnit]) -> OrgUnit? {
        SheetText.closest(to: name, in: units.filter { !$0.archived }) { [$0.name, $0.shortName] }
    }

    /// "没有名为“…”的单位，是否为“…”？": what an importer says of a unit name it cannot find. Nothing is guessed.
    public static func unknownMessage(_ name: String, units: [OrgUnit]) -> String {
        "没有名为“\(name)”的单位" + (closest(to: name, in: units).map { "，是否为“\($0.name)”？" } ?? "")
    }
}
