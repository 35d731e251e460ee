import Domain
import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import Persistence
import SQLKit
import Vapor

/// Sets up the database, migrations, middleware, routes and commands of one application.
public func configure(_ app: Application, config: GuatuConfig) async throws {
    app.guatu = config
    app.instanceName = ProcessIdentity.name
    app.startedAt = Date()
    app.metrics = GuatuMetrics()
    app.rateLimiter = RateLimiter(backing: config.sharedRateCounters ? .database : .memory)
    _ = app.writeGate // created now, before requests race to create it
    _ = app.zoneViews
    _ = app.taskSnapshots
    app.dummyPasswordHash = try await app.password.async.hash(Secrets.random())
    app.passwords.use(.bcrypt(cost: config.bcryptCost))
    app.routes.defaultMaxBodySize = "2mb"
    // Error pages and JSON errors are ours; Vapor's default would leak internals.
    app.middleware = Middlewares()
    // Outermost first: timing sees every answer; security headers go on every response, error pages included.
    app.middleware.use(MetricsMiddleware(metrics: app.metrics, accessLogLevel: config.jsonLogs ? .info : .debug))
    app.middleware.use(SecurityHeadersMiddleware(hstsSeconds: config.hstsSeconds))
    app.middleware.use(GuatuErrorMiddleware(environment: app.environment))
    app.middleware.use(RequestDeadlineMiddleware(seconds: config.requestTimeoutSeconds))

    switch config.database {
    case .sqliteMemory:
        app.databases.use(.sqlite(.memory, maxConnectionsPerEventLoop: 1, connectionPoolTimeout: .seconds(Int64(config.poolTimeoutSeconds))), as: .sqlite)
    case .sqliteFile(let path):
        let dir = (path as NSString).deletingLastPathComponent
        if !dir.isEmpty { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) }
        app.databases.use(.sqlite(.file(path), maxConnectionsPerEventLoop: 1, connectionPoolTimeout: .seconds(Int64(config.poolTimeoutSeconds))), as: .sqlite)
    case .postgres(let url):
        var pg = try SQLPostgresConfiguration(url: url)
        pg.searchPath = app.postgresSearchPath
        app.databases.use(.postgres(configuration: pg, maxConnectionsPerEventLoop: config.postgresPoolSize,
                                    connectionPoolTimeout: .seconds(Int64(config.poolTimeoutSeconds))), as: .psql)
    }
    app.migrations.add(GuatuMigrations.all)
    if case .sqliteFile = config.database {
        // One connection per event loop: tune each through its own loop's handle.
        let handles = app.eventLoopGroup.makeIterator().compactMap { app.databases.database(.sqlite, logger: app.logger, on: $0) }
        try await DatabaseSetup.tuneSQLite(handles)
    }
    if config.autoMigrate {
        try await app.migrateOnce()
    }
    try routes(app)
    registerCommands(app)
}

extension Application {
    private struct ConfigKey: StorageKey { typealias Value = GuatuConfig }
    private struct SearchPathKey: StorageKey { typealias Value = [String] }
    private struct GateKey: StorageKey { typealias Value = WriteGate }

    var guatu: GuatuConfig {
        get { storage[ConfigKey.self]! }
        set { storage[ConfigKey.self] = newValue }
    }

    /// Tests on PostgreSQL give each test its own schema.
    public var postgresSearchPath: [String]? {
        get { storage[SearchPathKey.self] }
        set { storage[SearchPathKey.self] = newValue }
    }

    var isSQLite: Bool {
        if case .postgres = guatu.database { return false }
        return true
    }

    /// One per application: SQLite writes queue here instead of failing with SQLITE_BUSY.
    var writeGate: WriteGate? {
        guard isSQLite else { return nil }
        if let g = storage[GateKey.self] { return g }
        let g = WriteGate()
        storage[GateKey.self] = g
        return g
    }

    /// Runs pending migrations; on PostgreSQL under `MigrationLock`, so instances starting together take turns.
    func migrateOnce() async throws {
        if isSQLite { try await autoMigrate(); return }
        try await MigrationLock.hold(db as! any SQLDatabase, owner: instanceName) { try await self.autoMigrate() }
    }

    /// The store for work outside a request (commands, demo loader).
    public var store: Store { Store(db: db, gate: writeGate) }

    /// China's today, or the configured fixed day.
    public var today: Day { guatu.fixedToday ?? Day.inChina(at: Date()) }
}

extension Request {
    var store: Store { Store(db: db, gate: application.writeGate) }
    var today: Day { application.today }
}
