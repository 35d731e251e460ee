import FluentKit
import FluentSQLiteDriver
import SQLKit

/// 企业诉求: appeals, each step of their loop, their attachments and the zone's deadlines; enterprise accounts linked
/// to their firm (users.enterprise_id); supervision orders that may be about an appeal instead of a task
/// (supervision_orders.task_id becomes optional; appeal_id and appeal_stage — the stage that ran late — are added).
struct CreateAppeals: NamedMigration {
    static let migrationName = "2026-11-26-create-appeals"
    func prepare(on db: any Database) async throws {
        try await db.schema("appeals").intID()
            .field("zone_id", .int, .required, .references("zones", "id"))
            .field("enterprise_id", .int, .references("enterprises", "id"))
            .field("firm_name", .string, .required)
            .field("credit_code", .string, .required)
            .field("contact_name", .string, .required)
            .field("contact_phone", .string, .required)
            .field("category", .string, .required)
            .field("channel", .string, .required)
            .field("title", .string, .required)
            .field("description", .string, .required)
            .field("status", .string, .required)
            .field("lead_unit_id", .int, .references("units", "id"))
            .field("co_unit_ids", .string, .required)
            .field("received_on", .string, .required)
            .field("assign_due", .string, .required)
            .field("answer_due", .string, .required)
            .field("resolve_due", .string, .required)
            .field("workdays_to_close", .int)
            .field("assigned_on", .string)
            .field("answered_on", .string)
            .field("closed_on", .string)
            .field("answer", .string, .required)
            .field("satisfaction", .string)
            .field("reopen_count", .int, .required)
            .field("tracking_code", .string, .required)
            .field("submitted_by", .int, .references("users", "id"))
            .businessColumns()
            .unique(on: "tracking_code")
            .create()
        try await db.index("idx_appeals_zone_status", on: "appeals", "zone_id", "status")
        try await db.index("idx_appeals_zone_unit", on: "appeals", "zone_id", "lead_unit_id")
        try await db.index("idx_appeals_zone_received", on: "appeals", "zone_id", "received_on")
        try await db.index("idx_appeals_enterprise", on: "appeals", "enterprise_id")
        try await db.schema("appeal_events").intID()
            .field("zone_id", .int, .required, .references("zones", "id"))
            .field("appeal_id", .int, .required, .references("appeals", "id"))
            .field("at", .string, .required)
            .field("action", .string, .required)
            .field("actor_name", .string, .required)
            .field("from_status", .string, .required)
            .field("to_status", .string, .required)
            .field("text", .string, .required)
            .create()
        try await db.index("idx_appeal_events_appeal", on: "appeal_events", "appeal_id")
        try await db.schema("appeal_files").intID()
            .field("zone_id", .int, .required, .references("zones", "id"))
            .field("appeal_id", .int, .required, .references("appeals", "id"))
            .field("sha256", .string, .required)
            .field("filename", .string, .required)
            .field("kind", .string, .required)
            .field("size", .int, .required)
            .field("uploaded_at", .string, .required)
            .create()
        try await db.index("idx_appeal_files_appeal", on: "appeal_files", "appeal_id")
        try await db.schema("appeal_settings").intID()
            .field("zone_id", .int, .required, .references("zones", "id"))
            .field("deadlines", .string, .required)
            .field("version", .int, .required)
            .field("updated_at", .string, .required)
            .unique(on: "zone_id")
            .create()
        try await db.schema("users").field("enterprise_id", .int, .references("enterprises", "id")).update()
        try await Self.ordersAboutAppeals(db)
    }

    /// supervision_orders: task_id optional, appeal_id added. PostgreSQL alters in place; SQLite cannot drop NOT NULL,
    /// so the table is rebuilt on one connection with foreign keys off (SQLite's documented 12-step procedure).
    static func ordersAboutAppeals(_ db: any Database) async throws {
        if let lite = db as? any SQLiteDatabase {
            try await lite.withConnection { conn in
                _ = try await conn.query("PRAGMA foreign_keys = OFF")
                do {
                    for s in sqliteRebuild { _ = try await conn.query(s) }
                    guard try await conn.query("PRAGMA foreign_key_check").isEmpty else {
                        throw MigrationFailure(reason: "rebuilding supervision_orders broke a foreign key")
                    }
                    _ = try await conn.query("COMMIT")
                } catch {
                    _ = try? await conn.query("ROLLBACK")
                    _ = try? await conn.query("PRAGMA foreign_keys = ON")
                    throw error
                }
                _ = try await conn.query("PRAGMA foreign_keys = ON")
            }
        } else {
            try await db.sql.raw("ALTER TABLE supervision_orders ALTER COLUMN task_id DROP NOT NULL").run()
            try await db.sql.raw("ALTER TABLE supervision_orders ADD COLUMN appeal_id BIGINT REFERENCES appeals (id)").run()
            try await db.sql.raw("ALTER TABLE supervision_orders ADD COLUMN appeal_stage TEXT").run()
        }
        try await db.index("idx_orders_appeal", on: "supervision_orders", "appeal_id")
    }

    static let sqliteRebuild: [String] = [
        "BEGIN",
        """
        CREATE TABLE "supervision_orders_new" ("id" INTEGER PRIMARY KEY, "zone_id" INTEGER NOT NULL REFERENCES "zones" ("id"),
          "task_id" INTEGER REFERENCES "tasks" ("id"), "appeal_id" INTEGER REFERENCES "appeals" ("id"), "appeal_stage" TEXT,
          "receiving_unit_id" INTEGER NOT NULL REFERENCES "units" ("id"), "issuing_unit" TEXT NOT NULL, "level" TEXT NOT NULL, "source" TEXT NOT NULL,
          "reason" TEXT NOT NULL, "required_actions" TEXT NOT NULL, "reply_workdays" INTEGER NOT NULL, "deduction" DOUBLE NOT NULL,
          "leaders_copied" TEXT NOT NULL, "status" TEXT NOT NULL, "issued_on" TEXT, "reply_due" TEXT, "answer" TEXT NOT NULL,
          "created_by_name" TEXT NOT NULL, "created_at" TEXT NOT NULL, "closed_at" TEXT, "closed_on" TEXT, "version" INTEGER NOT NULL, "updated_at" TEXT NOT NULL)
        """,
        """
        INSERT INTO "supervision_orders_new" (id, zone_id, task_id, receiving_unit_id, issuing_unit, level, source, reason, required_actions, reply_workdays,
          deduction, leaders_copied, status, issued_on, reply_due, answer, created_by_name, created_at, closed_at, closed_on, version, updated_at)
        SELECT id, zone_id, task_id, receiving_unit_id, issuing_unit, level, source, reason, required_actions, reply_workdays,
          deduction, leaders_copied, status, issued_on, reply_due, answer, created_by_name, created_at, closed_at, closed_on, version, updated_at
        FROM "supervision_orders"
        """,
        "DROP TABLE \"supervision_orders\"",
        "ALTER TABLE \"supervision_orders_new\" RENAME TO \"supervision_orders\"",
        "CREATE INDEX \"idx_orders_zone_status\" ON \"supervision_orders\" (\"zone_id\", \"status\")",
        "CREATE INDEX \"idx_orders_task\" ON \"supervision_orders\" (\"task_id\")",
        "CREATE INDEX \"idx_orders_unit\" ON \"supervision_orders\" (\"receiving_unit_id\", \"status\")",
    ]

    struct MigrationFailure: Error { let reason: String }

    func revert(on db: any Database) async throws {
        try await db.schema("appeal_settings").delete()
        try await db.schema("appeal_files").delete()
        try await db.schema("appeal_events").delete()
        try await db.schema("appeals").delete()
    }
}
