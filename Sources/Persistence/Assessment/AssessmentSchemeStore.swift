import Domain
import Foundation
import SQLKit

/// A scheme as stored: which period and unit category it assesses, its current definition and version.
public struct StoredScheme: Sendable, Equatable, Identifiable {
    public let id: Int
    public let period: AssessmentPeriod
    public let category: OrgUnit.Kind
    public let name: String
    public let definition: AssessmentScheme
    public let version: Int
    public let updatedAt: String
}

/// One saved version of a scheme's definition.
public struct SchemeVersion: Sendable, Equatable {
    public let version: Int
    public let definition: AssessmentScheme
    public let savedAt: String
    public let savedByName: String
}

extension Store {
    struct SchemeRow: Decodable {
        let id: Int; let periodKey: String; let category: String; let name: String; let definition: String; let version: Int; let updatedAt: String
        func scheme() throws -> StoredScheme {
            StoredScheme(id: id, period: AssessmentPeriod(key: periodKey) ?? AssessmentPeriod(year: 2000), category: OrgUnit.Kind(rawValue: category) ?? .department,
                         name: name, definition: try JSONDecoder().decode(AssessmentScheme.self, from: Data(definition.utf8)), version: version, updatedAt: updatedAt)
        }
    }
    static let schemeColumns: SQLQueryString = "SELECT id, period_key, category, name, definition, version, updated_at FROM assessment_schemes"

    /// The zone's schemes, newest period first.
    public func schemes(zoneId: Int) async throws -> [StoredScheme] {
        try await sql.raw(Store.schemeColumns + " WHERE zone_id = \(bind: zoneId) AND archived_at IS NULL ORDER BY period_key DESC, category")
            .rows(SchemeRow.self).map { try $0.scheme() }
    }

    public func scheme(id: Int, zoneId: Int) async throws -> StoredScheme {
        guard let r = try await sql.raw(Store.schemeColumns + " WHERE id = \(bind: id) AND zone_id = \(bind: zoneId) AND archived_at IS NULL").row(SchemeRow.self) else {
            throw StoreError.notFound(entity: "assessment_scheme", id: id)
        }
        return try r.scheme()
    }

    /// Creates a scheme for a period and category from `definition` (validated); one per zone, period and category.
    public func createScheme(period: AssessmentPeriod, category: OrgUnit.Kind, name: String, definition: AssessmentScheme, actor: Actor) async throws -> StoredScheme {
        let name = name.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, name.count <= 100 else { throw StoreError.invalid(ValidationError(field: "name", "请填写方案名称（不超过100字）")) }
        _ = try validated { try definition.validate() }
        return try await write { tx in
            struct E: Decodable { let id: Int }
            if try await tx.raw("SELECT id FROM assessment_schemes WHERE zone_id = \(bind: actor.zoneId) AND period_key = \(bind: period.key) AND category = \(bind: category.rawValue)").row(E.self) != nil {
                throw StoreError.duplicate(field: "category", message: "\(period.label)的\(category.chineseName)考核方案已经存在")
            }
            let now = Store.timestamp()
            let json = Store.json(definition)
            let id = try await tx.raw("""
                INSERT INTO assessment_schemes (zone_id, period_key, category, name, definition, version, created_at, updated_at)
                VALUES (\(bind: actor.zoneId), \(bind: period.key), \(bind: category.rawValue), \(bind: name), \(bind: json), 1, \(bind: now), \(bind: now)) RETURNING id
                """).row(IDRow.self)!.id
            try await tx.raw("""
                INSERT INTO assessment_scheme_versions (zone_id, scheme_id, version, definition, saved_at, saved_by_name)
                VALUES (\(bind: actor.zoneId), \(bind: id), 1, \(bind: json), \(bind: now), \(bind: actor.displayName))
                """).run()
            let created = try await tx.raw(Store.schemeColumns + " WHERE id = \(bind: id)").row(SchemeRow.self)!.scheme()
            try await Store.audit(tx, actor: actor, action: .create, entity: "assessment_scheme", id: id, before: Optional<AssessmentScheme>.none, after: definition)
            return created
        }
    }

    /// Saves a new version of the definition; refused (409) when someone saved since `version` was read.
    public func saveScheme(id: Int, definition: AssessmentScheme, version: Int, actor: Actor) async throws -> StoredScheme {
        _ = try validated { try definition.validate() }
        return try await write { tx in
            guard let current = try await tx.raw(Store.schemeColumns + " WHERE id = \(bind: id) AND zone_id = \(bind: actor.zoneId) AND archived_at IS NULL").row(SchemeRow.self) else {
                throw StoreError.notFound(entity: "assessment_scheme", id: id)
            }
            guard current.version == version else { throw StoreError.conflict(entity: "assessment_scheme", id: id, current: current.version) }
            let before = try current.scheme().definition
            let now = Store.timestamp()
            let json = Store.json(definition)
            try await tx.raw("UPDATE assessment_schemes SET definition = \(bind: json), version = \(bind: version + 1), updated_at = \(bind: now) WHERE id = \(bind: id) AND version = \(bind: version)").run()
            try await tx.raw("""
                INSERT INTO assessment_scheme_versions (zone_id, scheme_id, version, definition, saved_at, saved_by_name)
                VALUES (\(bind: actor.zoneId), \(bind: id), \(bind: version + 1), \(bind: json), \(bind: now), \(bind: actor.displayName))
                """).run()
            try await Store.audit(tx, actor: actor, action: .update, entity: "assessment_scheme", id: id, before: before, after: definition)
            return try await tx.raw(Store.schemeColumns + " WHERE id = \(bind: id)").row(SchemeRow.self)!.scheme()
        }
    }

    /// Every saved version, newest first.
    public func schemeVersions(schemeId: Int, zoneId: Int) async throws -> [SchemeVersion] {
        struct R: Decodable { let version: Int; let definition: String; let savedAt: String; let savedByName: String }
        return try await sql.raw("SELECT version, definition, saved_at, saved_by_name FROM assessment_scheme_versions WHERE scheme_id = \(bind: schemeId) AND zone_id = \(bind: zoneId) ORDER BY version DESC")
            .rows(R.self).map { SchemeVersion(version: $0.version, definition: try JSONDecoder().decode(AssessmentScheme.self, from: Data($0.definition.utf8)), savedAt: $0.savedAt, savedByName: $0.savedByName) }
    }
}
