import Domain
import Foundation

/// Every setting, read once from the environment at start. Bad values are reported together,
/// so an operator fixes them in one go.
public struct GuatuConfig: Sendable {
    public enum DatabaseKind: Sendable, Equatable {
        case sqliteFile(path: String)
        case sqliteMemory
        case postgres(url: String)
    }
    public var database: DatabaseKind
    public var dataDirectory: String
    /// Where uploaded evidence is kept (by content hash). Shared storage when several instances run.
    public var blobDirectory: String
    public var bcryptCost: Int
    public var sessionHours: Int
    /// Minutes of inactivity after which a browser session ends (等保: automatic logout); 0 = never.
    public var sessionIdleMinutes: Int = 30
    /// Connections per event loop for PostgreSQL (Fluent's default of 1 starves a busy server).
    public var postgresPoolSize: Int
    /// Seconds a request waits for a pooled database connection before failing.
    public var poolTimeoutSeconds: Int
    public var benchRoutes: Bool
    /// A fixed "today" (YYYY-MM-DD) for demos and tests; nil means China's today.
    public var fixedToday: Day?
    public var secureCookies: Bool
    public var autoMigrate: Bool
    /// Minutes between reminder runs inside `serve` (0 = never; `guatu remind` still works).
    public var remindMinutes: Int = 10
    /// The SMTP password for reminder e-mail (never stored in the database).
    public var smtpPassword: String?

    public struct Problems: Error, CustomStringConvertible {
        public let messages: [String]
        public var description: String { "配置有误 (configuration errors):\n" + messages.map { "  - " + $0 }.joined(separator: "\n") }
    }

    public static func read(_ env: [String: String]) throws -> GuatuConfig {
        var problems: [String] = []
        func int(_ key: String, _ def: Int, _ range: ClosedRange<Int>) -> Int {
            guard let raw = env[key], !raw.isEmpty else { return def }
            guard let v = Int(raw), range.contains(v) else {
                problems.append("\(key)=\(raw): must be an integer in \(range.lowerBound)...\(range.upperBound)")
                return def
            }
            return v
        }
        func bool(_ key: String, _ def: Bool) -> Bool {
            guard let raw = env[key]?.lowercased(), !raw.isEmpty else { return def }
            switch raw {
            case "1", "true", "yes", "on": return true
            case "0", "false", "no", "off": return false
            default: problems.append("\(key)=\(raw): must be true or false"); return def
            }
        }
        let dataDir = env["GUATU_DATA_DIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "./data"
        var database = DatabaseKind.sqliteFile(path: dataDir + "/guatu.sqlite")
        if let url = env["DATABASE_URL"], !url.isEmpty {
            if url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") {
                database = .postgres(url: url)
            } else if url == "sqlite::memory:" || url == "sqlite://:memory:" {
                database = .sqliteMemory
            } else if url.hasPrefix("sqlite://") {
                database = .sqliteFile(path: String(url.dropFirst("sqlite://".count)))
            } else if url.hasPrefix("sqlite:") {
                database = .sqliteFile(path: String(url.dropFirst("sqlite:".count)))
            } else {
                problems.append("DATABASE_URL=\(url): must start with postgres://, sqlite:// or be sqlite::memory:")
            }
        }
        var today: Day?
        if let t = env["GUATU_TODAY"], !t.isEmpty {
            today = Day(iso: t)
            if today == nil { problems.append("GUATU_TODAY=\(t): must be a date YYYY-MM-DD") }
        }
        let config = GuatuConfig(
            database: database, dataDirectory: dataDir,
            blobDirectory: env["GUATU_BLOB_DIR"].flatMap { $0.isEmpty ? nil : $0 } ?? dataDir + "/blobs",
            bcryptCost: int("GUATU_BCRYPT_COST", 12, 4...31),
            sessionHours: int("GUATU_SESSION_HOURS", 8, 1...720),
            postgresPoolSize: int("GUATU_DB_POOL", 8, 1...200),
            poolTimeoutSeconds: int("GUATU_DB_POOL_TIMEOUT", 10, 1...600),
            benchRoutes: bool("GUATU_BENCH", false),
            fixedToday: today,
            secureCookies: bool("GUATU_SECURE_COOKIES", false),
            autoMigrate: bool("GUATU_AUTO_MIGRATE", true))
        var withReminders = config
        withReminders.remindMinutes = int("GUATU_REMIND_MINUTES", 10, 0...1440)
        withReminders.sessionIdleMinutes = int("GUATU_SESSION_IDLE_MINUTES", 30, 0...1440)
        withReminders.smtpPassword = env["GUATU_SMTP_PASSWORD"].flatMap { $0.isEmpty ? nil : $0 }
        if !problems.isEmpty { throw Problems(messages: problems) }
        return withReminders
    }

    /// For tests: in-memory SQLite, cheap password hashing, a fixed day.
    public static func testing(today: Day, database: DatabaseKind = .sqliteMemory) -> GuatuConfig {
        // Tests run many apps at once on 2 cores: give a busy pool time rather than fail.
        GuatuConfig(database: database, dataDirectory: NSTemporaryDirectory(), blobDirectory: NSTemporaryDirectory() + "guatu-test-blobs", bcryptCost: 4, sessionHours: 8,
                    postgresPoolSize: 4, poolTimeoutSeconds: 120, benchRoutes: false, fixedToday: today, secureCookies: false, autoMigrate: true)
    }
}
