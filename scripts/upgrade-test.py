#!/usr/bin/env python3
"""Schema upgrades, backup and restore, on the built binary.

Usage: python3 scripts/upgrade-test.py PATH/TO/guatu

1. Every migration runs forward on a copy of an earlier release's demo database (scripts/fixtures/upgrade/,
   made by `guatu demo` of that release): `guatu migrate` succeeds, no row of the old tables is lost,
   SQLite's foreign-key and integrity checks pass, `guatu audit verify` finds the sealed chain intact,
   and the upgraded database serves the signed-in pages.
2. `guatu backup` of the upgraded database (while a server is running on it) and `guatu restore` into an empty
   data directory give back every table row for row.
3. An edited audit line is found by `guatu audit verify` (exit status 1, naming the line).

Prints `upgrade-test: N passed, M failed` and exits non-zero on a failure.
"""
import glob, gzip, http.cookiejar, os, re, shutil, signal, sqlite3, subprocess, sys, tempfile, time
import urllib.parse, urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PORT = 18121
RESULTS = []


def check(name, ok, detail=""):
    RESULTS.append(ok)
    print(f"  {'ok  ' if ok else 'FAIL'} {name}" + (f": {detail}" if detail else ""), flush=True)


def run(binary, env, *args):
    return subprocess.run([binary, *args], env=env, capture_output=True, text=True, timeout=600)


def counts(path):
    c = sqlite3.connect(path)
    tables = [r[0] for r in c.execute("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")]
    out = {t: c.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in tables}
    c.close()
    return out


def dump(path):
    c = sqlite3.connect(path)
    tables = sorted(r[0] for r in c.execute("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"))
    out = {t: sorted(map(repr, c.execute(f'SELECT * FROM "{t}"').fetchall())) for t in tables}
    c.close()
    return out


def main():
    binary = sys.argv[1]
    fixtures = sorted(glob.glob(os.path.join(ROOT, "scripts/fixtures/upgrade/*.sqlite.gz")))
    if not fixtures:
        check("an earlier release's database to upgrade", False, "no scripts/fixtures/upgrade/*.sqlite.gz")
        return 1
    tmp = tempfile.mkdtemp(prefix="guatu-upgrade-")
    server = None
    try:
        for fx in fixtures:
            name = os.path.basename(fx)
            data = os.path.join(tmp, "data")
            os.makedirs(data)
            db = os.path.join(data, "guatu.sqlite")
            with gzip.open(fx) as src, open(db, "wb") as dst: shutil.copyfileobj(src, dst)
            env = dict(os.environ, GUATU_DATA_DIR=data, GUATU_BCRYPT_COST="4")
            env.pop("DATABASE_URL", None)
            before = counts(db)
            r = run(binary, env, "migrate")
            check(f"{name}: every later migration runs forward", r.returncode == 0, (r.stdout + r.stderr)[-400:])
            after = counts(db)
            shrunk = {t: (n, after.get(t)) for t, n in before.items() if t != "_fluent_migrations" and after.get(t, -1) < n}
            check(f"{name}: no row of the earlier tables is lost", not shrunk, str(shrunk) if shrunk else f"{len(before)} tables kept")
            c = sqlite3.connect(db)
            fk = c.execute("PRAGMA foreign_key_check").fetchall()
            integrity = c.execute("PRAGMA integrity_check").fetchone()[0]
            c.close()
            check(f"{name}: foreign keys and integrity hold after the upgrade", not fk and integrity == "ok", f"{fk[:5]} {integrity}")
            r = run(binary, env, "audit", "verify")
            check(f"{name}: the audit lines of the earlier release are sealed into an intact chain", r.returncode == 0 and "未发现改动" in r.stdout, (r.stdout + r.stderr)[-300:])

            # No background job in the first 30 s (the first look), so nothing writes between the backup and the snapshot below.
            server = subprocess.Popen([binary, "serve", "--port", str(PORT)], env=dict(env, GUATU_JOB_TICK_SECONDS="3600", GUATU_REMIND_MINUTES="0"), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
            for _ in range(240):
                try:
                    urllib.request.urlopen(f"http://127.0.0.1:{PORT}/healthz", timeout=1); break
                except Exception:
                    time.sleep(0.25)
            jar = http.cookiejar.CookieJar()
            opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
            raw = opener.open(f"http://127.0.0.1:{PORT}/login", timeout=10).read()
            csrf = re.search(rb'name="_csrf" value="([^"]+)"', raw).group(1).decode()
            opener.open(urllib.request.Request(f"http://127.0.0.1:{PORT}/login", data=urllib.parse.urlencode(
                {"username": "office", "password": "Guatu@2026", "_csrf": csrf}).encode()), timeout=10)
            bad = []
            for path in ["/", "/matrix", "/battle-map", "/supervision", "/appeals", "/policies", "/safety", "/enterprises", "/assessment"]:
                try:
                    if opener.open(f"http://127.0.0.1:{PORT}{path}", timeout=30).status != 200: bad.append(path)
                except Exception as e:
                    bad.append(f"{path} {e}")
            check(f"{name}: the upgraded database serves the office's pages", not bad, str(bad))

            # Backup while the server runs, restore into an empty data directory, compare every table.
            folder = os.path.join(tmp, "backup")
            r = run(binary, env, "backup", "--to", folder)
            check("guatu backup while the server runs", r.returncode == 0 and os.path.exists(os.path.join(folder, "manifest.json")), (r.stdout + r.stderr)[-300:])
            snapshot = dump(db)
            os.killpg(server.pid, signal.SIGTERM); server.wait(timeout=20); server = None
            restored = os.path.join(tmp, "restored")
            env2 = dict(env, GUATU_DATA_DIR=restored)
            r = run(binary, env2, "restore", "--from", folder)
            check("guatu restore into an empty data directory", r.returncode == 0, (r.stdout + r.stderr)[-300:])
            a, b = snapshot, dump(os.path.join(restored, "guatu.sqlite"))
            diff = [t for t in a if a[t] != b.get(t)]
            check("the restored database equals the backed-up one, every table row for row", not diff and set(a) == set(b),
                  f"{len(a)} tables, {sum(map(len, a.values()))} rows" if not diff else f"differ: {diff[:5]}")
            folder_db = os.path.join(folder, "guatu.sqlite")
            with open(folder_db, "r+b") as f: f.seek(200); f.write(b"\x00\x01")
            r = run(binary, env2, "restore", "--from", folder)
            check("a damaged backup is refused and nothing is replaced", r.returncode != 0 and dump(os.path.join(restored, "guatu.sqlite")) == b, r.stderr.strip()[-200:])

            # The application cannot change an audit line: the triggers refuse it.
            c = sqlite3.connect(db)
            victim = c.execute("SELECT id FROM audit_log ORDER BY id LIMIT 1 OFFSET 10").fetchone()[0]
            try:
                c.execute("UPDATE audit_log SET username = 'someone-else' WHERE id = ?", (victim,)); c.commit()
                refused = ""
            except sqlite3.DatabaseError as e:
                refused = str(e)
            check("the audit log is append-only: an UPDATE is refused", "审计日志只能追加" in refused, refused)
            # Someone holding the file drops the triggers and edits a line behind the application's back.
            c.execute("DROP TRIGGER audit_log_no_update"); c.execute("DROP TRIGGER audit_log_no_delete")
            c.execute("UPDATE audit_log SET username = 'someone-else' WHERE id = ?", (victim,)); c.commit(); c.close()
            r = run(binary, env, "audit", "verify")
            check("guatu audit verify names an edited audit line", r.returncode == 1 and f"第 {victim} 条" in r.stdout, r.stdout.strip()[-200:])
            shutil.rmtree(data); shutil.rmtree(folder); shutil.rmtree(restored)
    finally:
        if server:
            os.killpg(server.pid, signal.SIGTERM); server.wait()
        shutil.rmtree(tmp, ignore_errors=True)
    failed = RESULTS.count(False)
    print(f"upgrade-test: {RESULTS.count(True)} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
