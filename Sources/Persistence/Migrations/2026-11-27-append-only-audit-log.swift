import FluentKit
import SQLKit

/// The audit log as the application's database role sees it: rows can be added, never changed or removed.
/// Triggers refuse UPDATE and DELETE on `audit_log` on both engines (等保: 审计记录保护). Someone with the rights
/// to drop a trigger (the database owner, or anyone holding the SQLite file) can still tamper; the hash chain
/// (`guatu audit verify`) and the chain heads kept outside the database (`guatu audit heads`) find that.
/// Also one queued run per job at most (`job_runs_one_queued`): two instances asked at the same instant queue once.
struct AppendOnlyAuditLog: NamedMigration {
    static let migrationName = "2026-11-27-append-only-audit-log"
    static let message = "审计日志只能追加，不能修改或删除"

    func prepare(on db: any Database) async throws {
        let sql = db.sql
        if sql.dialect.name == "postgresql" {
            try await sql.raw("""
                CREATE OR REPLACE FUNCTION guatu_audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  RAISE EXCEPTION '\(unsafeRaw: Self.message)' USING ERRCODE = 'insufficient_privilege';
                END $$
                """).run()
            try await sql.raw("CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log FOR EACH ROW EXECUTE FUNCTION guatu_audit_log_append_only()").run()
            try await sql.raw("CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION guatu_audit_log_append_only()").run()
            try await sql.raw("CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION guatu_audit_log_append_only()").run()
        } else {
            try await sql.raw("CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, '\(unsafeRaw: Self.message)'); END").run()
            try await sql.raw("CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, '\(unsafeRaw: Self.message)'); END").run()
        }
        // Runs queued twice by a race before this index: keep the oldest.
        try await sql.raw("DELETE FROM job_runs WHERE status = 'queued' AND id NOT IN (SELECT MIN(id) FROM job_runs WHERE status = 'queued' GROUP BY job)").run()
        try await sql.raw("CREATE UNIQUE INDEX job_runs_one_queued ON job_runs (job) WHERE status = 'queued'").run()
    }

    func revert(on db: any Database) async throws {
        let sql = db.sql
        try await sql.raw("DROP INDEX IF EXISTS job_runs_one_queued").run()
        if sql.dialect.name == "postgresql" {
            for t in ["audit_log_no_update", "audit_log_no_delete", "audit_log_no_truncate"] {
                try await sql.raw("DROP TRIGGER IF EXISTS \(ident: t) ON audit_log").run()
            }
            try await sql.raw("DROP FUNCTION IF EXISTS guatu_audit_log_append_only()").run()
        } else {
            for t in ["audit_log_no_update", "audit_log_no_delete"] { try await sql.raw("DROP TRIGGER IF EXISTS \(ident: t)").run() }
        }
    }
}
