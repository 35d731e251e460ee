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
    /// Seconds between an instance's looks for due background jobs (`JobRunner`).
    public var jobTickSeconds: Int = 30
    /// Log lines as text (default) or one JSON object a line for a log collector.
    public var jsonLogs: Bool = false
    /// When set, `/metrics` answers only requests that carry it as a bearer token; otherwise only direct loopback requests.
    public var metricsToken: String?
    /// Strict-Transport-Security max-age, for a site served over TLS (0 = no header).
    public var hstsSeconds: Int = 0
    /// API requests per minute per user or token (0 = no limit).
    public var apiRateLimit: Int = 600
    /// Requests per minute per address to the public pages (`/public/…`; 0 = no limit).
    public var publicRateLimit: Int = 30
    /// The length of a rate-limit window in seconds (the limits above are per this window; 60 unless a test widens it).
    public var rateWindowSeconds: Int = 60
    /// Failed sign-ins per address in 15 minutes after which that address must wait (captcha-free throttling).
    public var loginFailuresPerAddress: Int = 20
    /// Behind nginx: take the client's address from X-Real-IP / X-Forwarded-For.
    public var trustProxy: Bool = false
    /// Rate counters in the database (shared by instances) rather than in the process; default: on PostgreSQL.
    public var sharedRateCounters: Bool = false
    /// Seconds within which every request is answered (503 after that; 0 = no deadline).
    public var requestTimeoutSeconds: Int = 60
    /// Days a password lasts before its owner must change it (0 = never).
    public var passwordMaxAgeDays: Int = 90
    /// How many earlier passwords a new one must differ from.
    public var passwordHistory: Int = 5
    /// Seconds a page's figures may lag the newest write for readers who did not write it, while they are recomputed
    /// (`ZoneViewCache`; 0 = always current).
    public var staleViewSeconds: Int = 10

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
        withReminders.jobTickSeconds = int("GUATU_JOB_TICK_SECONDS", 30, 1...3600)
        switch env["GUATU_LOG_FORMAT"]?.lowercased() ?? "" {
        case "", "text": withReminders.jsonLogs = false
        case "json": withReminders.jsonLogs = true
        default: problems.append("GUATU_LOG_FORMAT=\(env["GUATU_LOG_FORMAT"] ?? ""): must be text or json")
        }
        withReminders.metricsToken = env["GUATU_METRICS_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
        withReminders.hstsSeconds = int("GUATU_HSTS_SECONDS", 0, 0...63_072_000)
        withReminders.apiRateLimit = int("GUATU_RATE_API", 600, 0...1_000_000)
        withReminders.publicRateLimit = int("GUATU_RATE_PUBLIC", 30, 0...1_000_000)
        withReminders.loginFailuresPerAddress = int("GUATU_LOGIN_FAILURES_PER_ADDRESS", 20, 1...10_000)
        withReminders.trustProxy = bool("GUATU_TRUST_PROXY", false)
        if case .postgres = database { withReminders.sharedRateCounters = true }
        withReminders.sharedRateCounters = bool("GUATU_SHARED_RATE_COUNTERS", withReminders.sharedRateCounters)
        withReminders.requestTimeoutSeconds = int("GUATU_REQUEST_TIMEOUT_SECONDS", 60, 0...3600)
        withReminders.passwordMaxAgeDays = int("GUATU_PASSWORD_MAX_AGE_DAYS", 90, 0...3650)
        withReminders.passwordHistory = int("GUATU_PASSWORD_HISTORY", 5, 0...24)
        withReminders.staleViewSeconds = int("GUATU_STALE_VIEW_SECONDS", 10, 0...300)
        if !problems.isEmpty { throw Problems(messages: problems) }
        return withReminders
    }

    /// For tests: in-memory SQLite, cheap password hashing, a fixed day.
    public static func testing(today: Day, database: DatabaseKind = .sqliteMemory) -> GuatuConfig {
        // Tests run many apps at once on 2 cores: give a busy pool time rather than fail.
        var c = GuatuConfig(database: database, dataDirectory: NSTemporaryDirectory(), blobDirectory: NSTemporaryDirectory() + "guatu-test-blobs", bcryptCost: 4, sessionHours: 8,
                            postgresPoolSize: 4, poolTimeoutSeconds: 120, benchRoutes: false, fixedToday: today, secureCookies: false, autoMigrate: true)
        // Tests send hundreds of requests a second as one user: the limits are off unless a test sets them.
        c.apiRateLimit = 0
        c.publicRateLimit = 0
        // Tests read what they just wrote through the store as well as through pages: views are always current
        // unless a test turns this on.
        c.staleViewSeconds = 0
        return c
    }
}
