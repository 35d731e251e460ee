import Foundation

/// 研发机构: an R&D institution of an enterprise (企业技术中心, 工程技术研究中心, 重点实验室, 企业研究院 …) with the level
/// that recognised it and when.
public struct RDCenter: Codable, Sendable, Equatable {
    public enum Level: String, Codable, Sendable, CaseIterable, Comparable {
        case own, district, city, province, national
        public var chineseName: String {
            switch self { case .own: return "企业自建"; case .district: return "区级"; case .city: return "市级"; case .province: return "省级"; case .national: return "国家级" }
        }
        var order: Int { Self.allCases.firstIndex(of: self)! }
        public static func < (a: Level, b: Level) -> Bool { a.order < b.order }
    }
    public var name: String
    public var level: Level
    public var recognizedOn: Day
    public init(name: String, level: Level, recognizedOn: Day) { self.name = name; self.level = level; self.recognizedOn = recognizedOn }

    public func validate() throws {
        let n = name.trimmingCharacters(in: .whitespaces)
        guard n.count >= 2, n.count <= 100 else { throw ValidationError(field: "name", "请填写研发机构名称（2到100字）") }
    }
}

/// 研发机构全覆盖 and 专利清零 (`cn-enterprise-criteria.md` §7, working definitions): over the zone's 规上工业企业 —
/// above scale in their latest year of data up to the period's year, in an industrial section (B, C, D) — the share
/// with an R&D institution recognised by the period's end (at `minimum` level or above), and, for 专利清零, the 规上
/// manufacturers (section C) holding at least one valid patent in that latest year. The firms not yet covered are
/// listed, with who serves them.
public enum Coverage {
    public struct Result: Sendable, Equatable {
        public let covered: [Int]
        public let uncovered: [Int]
        /// Firms in the group without the data to decide (no patent figures).
        public let unknown: [Int]
        public var total: Int { covered.count + uncovered.count }
        public var rate: Double? { total == 0 ? nil : 100 * Double(covered.count) / Double(total) }
    }

    static func latest(_ years: [EnterpriseYear], upTo year: Int) -> EnterpriseYear? {
        years.filter { $0.year <= year }.max { $0.year < $1.year }
    }

    public static func rdCenters(_ firms: [(enterprise: Enterprise, years: [EnterpriseYear], centers: [RDCenter])], year: Int, end: Day, minimum: RDCenter.Level = .own) -> Result {
        var covered: [Int] = [], uncovered: [Int] = []
        for f in firms where f.enterprise.isIndustrial && (latest(f.years, upTo: year)?.aboveScale ?? false) {
            if f.centers.contains(where: { $0.level >= minimum && $0.recognizedOn <= end }) { covered.append(f.enterprise.id) } else { uncovered.append(f.enterprise.id) }
        }
        return Result(covered: covered, uncovered: uncovered, unknown: [])
    }

    public static func patents(_ firms: [(enterprise: Enterprise, years: [EnterpriseYear])], year: Int) -> Result {
        var covered: [Int] = [], uncovered: [Int] = [], unknown: [Int] = []
        for f in firms where f.enterprise.industryCode.first == "C" {
            guard let y = latest(f.years, upTo: year), y.aboveScale else { continue }
            switch y.hasPatent {
            case true?: covered.append(f.enterprise.id)
            case false?: uncovered.append(f.enterprise.id)
            case nil: unknown.append(f.enterprise.id)
            }
        }
        return Result(covered: covered, uncovered: uncovered, unknown: unknown)
    }
}
