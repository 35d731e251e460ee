#!/usr/bin/env python3
"""Two `guatu serve` instances on two loopback ports against one PostgreSQL, as behind a load balancer.

Usage: python3 scripts/multi-instance-test.py PATH/TO/guatu POSTGRES_URL
POSTGRES_URL names a server we may create databases on (scripts/pg-test-cluster.sh url); a fresh database
is made for the run and dropped after it. Checks, each printed as ok/FAIL:

  1. migrations started on two instances at once run once (MigrationLock);
  2. a browser session made through one instance is accepted by the other;
  3. a write through one instance is read back through the other, and a stale edit through the other is refused (409);
  4. the API rate limit is one limit across both instances (counters in the database);
  5. background jobs run once: the runs both instances report in /metrics add up to the rows in job_runs,
     and a run queued with `guatu jobs run` is done by exactly one of them;
  6. PostgreSQL restarted under load: no request hangs (every answer within 15 s), errors while it is down,
     both instances answer 200 again by themselves afterwards;
  7. kill -9 of one instance during writes: every write it acknowledged is read back through the other.

Prints `multi-instance: N passed, M failed` and exits non-zero on any failure.
"""
import http.cookiejar, json, os, re, signal, subprocess, sys, tempfile, threading, time
import urllib.error, urllib.parse, urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PORTS = (18111, 18112)
RESULTS = []


def check(name, ok, detail=""):
    RESULTS.append(ok)
    print(f"  {'ok  ' if ok else 'FAIL'} {name}" + (f": {detail}" if detail else ""), flush=True)


def base(i):
    return f"http://127.0.0.1:{PORTS[i]}"


def request(i, method, path, token=None, body=None, timeout=20, headers=None, opener=None, form=None):
    h = dict(headers or {})
    data = None
    if token: h["Authorization"] = "Bearer " + token
    if body is not None:
        data = json.dumps(body).encode(); h["Content-Type"] = "application/json"
    if form is not None:
        data = urllib.parse.urlencode(form).encode(); h["Content-Type"] = "application/x-www-form-urlencoded"
    req = urllib.request.Request(base(i) + path, method=method, data=data, headers=h)
    try:
        with (opener or urllib.request.build_opener()).open(req, timeout=timeout) as r:
            raw = r.read()
            return r.status, raw, dict(r.headers)
    except urllib.error.HTTPError as e:
        return e.code, e.read(), dict(e.headers)


def jget(i, path, token):
    s, raw, _ = request(i, "GET", path, token)
    return s, (json.loads(raw) if raw and raw[:1] in b"{[" else {})


def psql(url, sql):
    return subprocess.run(["psql", url, "-At", "-v", "ON_ERROR_STOP=1", "-c", sql], capture_output=True, text=True, check=True).stdout.strip()


def wait_healthy(i, seconds=120):
    t = time.time()
    while time.time() - t < seconds:
        try:
            s, _, _ = request(i, "GET", "/healthz", timeout=2)
            if s == 200: return True
        except Exception:
            pass
        time.sleep(0.25)
    return False


def metrics_job_runs(i):
    _, raw, _ = request(i, "GET", "/metrics")
    runs = {}
    for m in re.finditer(r'^guatu_job_runs_total\{job="([^"]+)",result="(ok|failed)"\} (\d+)$', raw.decode(), re.M):
        runs[m.group(1)] = runs.get(m.group(1), 0) + int(m.group(3))
    return runs


def main():
    binary, admin_url = sys.argv[1], sys.argv[2]
    db = f"guatu_multi_{os.getpid()}"
    psql(admin_url, f"DROP DATABASE IF EXISTS {db}")
    psql(admin_url, f"CREATE DATABASE {db}")
    url = admin_url.rsplit("/", 1)[0] + "/" + db
    tmp = tempfile.mkdtemp(prefix="guatu-multi-")
    env = dict(os.environ, DATABASE_URL=url, GUATU_DATA_DIR=tmp, GUATU_BLOB_DIR=tmp + "/shared-blobs", GUATU_BCRYPT_COST="4",
               GUATU_JOB_TICK_SECONDS="1", GUATU_REMIND_MINUTES="1", GUATU_RATE_API="1000", GUATU_DB_POOL_TIMEOUT="5",
               GUATU_REQUEST_TIMEOUT_SECONDS="10")
    servers = []
    try:
        print("multi-instance: database", db, flush=True)
        # 1. Two migrations at once.
        ms = [subprocess.Popen([binary, "migrate"], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True) for _ in range(2)]
        outs = [m.communicate(timeout=300)[0] for m in ms]
        applied = psql(url, "SELECT COUNT(*) FROM _fluent_migrations")
        names = psql(url, "SELECT COUNT(DISTINCT name) FROM _fluent_migrations")
        check("two instances migrating at once run each migration once", all(m.returncode == 0 for m in ms) and applied == names,
              f"exit codes {[m.returncode for m in ms]}, {applied} rows, {names} names" + ("" if all(m.returncode == 0 for m in ms) else " | " + " | ".join(o[-300:] for o in outs)))
        subprocess.run([binary, "demo"], env=env, check=True, capture_output=True)
        logs = [open(os.path.join(tmp, f"server{i}.log"), "w") for i in range(2)]
        for i in range(2):
            servers.append(subprocess.Popen([binary, "serve", "--port", str(PORTS[i])], env=env, stdout=logs[i], stderr=subprocess.STDOUT, start_new_session=True))
        if not all(wait_healthy(i) for i in range(2)):
            check("both instances start", False); return 1
        token = subprocess.run([binary, "user", "token", "office"], env=env, capture_output=True, text=True, check=True).stdout.strip().splitlines()[-1]

        # 2. A session from A accepted by B.
        jar = http.cookiejar.CookieJar()
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
        s, raw, _ = request(0, "GET", "/login", opener=opener)
        csrf = re.search(rb'name="_csrf" value="([^"]+)"', raw).group(1).decode()
        request(0, "POST", "/login", form={"username": "office", "password": "Guatu@2026", "_csrf": csrf}, opener=opener)
        session = next((c.value for c in jar if c.name == "guatu_session"), None)
        s, raw, _ = request(1, "GET", "/", headers={"Cookie": f"guatu_session={session}"})
        check("a session signed in through A is accepted by B", session is not None and s == 200 and "退出".encode() in raw, f"B answered {s}")

        # 3. Write through A, read through B; a stale edit through B is refused.
        _, wps = jget(0, "/api/v1/work-points?limit=1", token)
        _, units = jget(0, "/api/v1/units?limit=1", token)
        wp, unit = wps["items"][0]["id"], units["items"][0]["id"]
        s, raw, _ = request(0, "POST", "/api/v1/tasks", token, {"workPointId": wp, "ownerUnitId": unit, "title": "双实例任务", "deadline": "2026-12-31"})
        task = json.loads(raw)
        s2, seen = jget(1, f"/api/v1/tasks/{task['id']}", token)
        check("a task created through A is read through B", s == 201 and s2 == 200 and seen.get("title") == "双实例任务", f"{s}/{s2}")
        s, raw, _ = request(0, "PATCH", f"/api/v1/tasks/{task['id']}", token, {"version": task["version"], "title": "经A修改"})
        s2, raw2, _ = request(1, "PATCH", f"/api/v1/tasks/{task['id']}", token, {"version": task["version"], "title": "经B修改（过期版本）"})
        _, now = jget(1, f"/api/v1/tasks/{task['id']}", token)
        check("a stale edit through B after an edit through A is refused, not overwritten", s == 200 and s2 == 409 and now.get("title") == "经A修改", f"A {s}, B {s2}, title {now.get('title')}")

        # 4. One rate limit across both (GUATU_RATE_API=1000 a minute per user): start early in a minute.
        while time.gmtime().tm_sec > 40: time.sleep(1)
        leader = subprocess.run([binary, "user", "token", "leader"], env=env, capture_output=True, text=True, check=True).stdout.strip().splitlines()[-1]
        codes = [request(k % 2, "GET", "/api/v1/units?limit=1", leader)[0] for k in range(1010)]
        ok_count, limited = codes.count(200), codes.count(429)
        check("the API rate limit counts requests to both instances together", ok_count == 1000 and limited == 10 and 429 in codes[1::2] and 429 in codes[0::2],
              f"{ok_count} answered, {limited} refused with 429")
        # The later steps read as other users, each well under its own limit.
        readers = [token] + [subprocess.run([binary, "user", "token", u], env=env, capture_output=True, text=True, check=True).stdout.strip().splitlines()[-1]
                             for u in ("reporter", "observer")]

        # 5. Jobs once across instances.
        time.sleep(4)
        rows = dict(tuple(l.split("|")) for l in psql(url, "SELECT job, COUNT(*) FROM job_runs WHERE status IN ('ok','failed') GROUP BY job").splitlines() if l)
        a, b = metrics_job_runs(0), metrics_job_runs(1)
        sums = {j: a.get(j, 0) + b.get(j, 0) for j in set(a) | set(b) | set(rows)}
        check("each scheduled job slot was run by one instance only", bool(rows) and all(int(rows.get(j, 0)) == n for j, n in sums.items()),
              f"job_runs {rows}, runs reported by A {a} and B {b}")
        before = sums.get("reminders", 0)
        subprocess.run([binary, "jobs", "run", "--name", "reminders"], env=env, check=True, capture_output=True)
        deadline = time.time() + 15
        while time.time() < deadline and psql(url, "SELECT COUNT(*) FROM job_runs WHERE slot LIKE 'manual:%' AND status = 'ok'") != "1":
            time.sleep(0.5)
        time.sleep(2)
        after = metrics_job_runs(0).get("reminders", 0) + metrics_job_runs(1).get("reminders", 0)
        owner = psql(url, "SELECT owner FROM job_runs WHERE slot LIKE 'manual:%'")
        extra_slots = int(psql(url, "SELECT COUNT(*) FROM job_runs WHERE job = 'reminders' AND slot NOT LIKE 'manual:%' AND status IN ('ok','failed')")) - int(rows.get("reminders", 0))
        check("a queued run is done once, by one instance", after - before - extra_slots == 1 and owner != "", f"runs {before}→{after} (new scheduled slots {extra_slots}), owner {owner}")

        # 6. Restart PostgreSQL under load.
        answers, lock, stop = [], threading.Lock(), threading.Event()

        def reader(k):
            while not stop.is_set():
                t = time.time()
                try:
                    s, _, _ = request(k % 2, "GET", "/api/v1/tasks?limit=5", readers[k % 3], timeout=30)
                except Exception as e:
                    s = "exc:" + type(e).__name__
                with lock: answers.append((t, time.time() - t, s))
                time.sleep(0.1)
        threads = [threading.Thread(target=reader, args=(k,)) for k in range(4)]
        for t in threads: t.start()
        time.sleep(2)
        down_at = time.time()
        subprocess.run(["bash", os.path.join(ROOT, "scripts/pg-test-cluster.sh"), "stop"], check=True, capture_output=True)
        time.sleep(3)
        subprocess.run(["bash", os.path.join(ROOT, "scripts/pg-test-cluster.sh"), "start"], check=True, capture_output=True)
        up_at = time.time()
        recovered = [None, None]
        deadline = time.time() + 30
        while time.time() < deadline and None in recovered:
            for i in range(2):
                if recovered[i] is None and request(i, "GET", "/api/v1/tasks?limit=5", token, timeout=15)[0] == 200:
                    recovered[i] = time.time() - up_at
            time.sleep(0.25)
        stop.set()
        for t in threads: t.join()
        slowest = max(d for _, d, _ in answers)
        during = [s for t, _, s in answers if down_at + 0.5 < t < up_at - 0.5]
        check("PostgreSQL restarted under load: no request hangs", slowest < 15, f"{len(answers)} requests, slowest {slowest:.1f} s")
        check("while PostgreSQL is down requests get an error answer", bool(during) and all(s != 200 for s in during) and all(isinstance(s, int) for s in during),
              f"answers while down: {sorted(set(map(str, during)))}")
        check("both instances answer again by themselves once PostgreSQL is back", None not in recovered,
              f"recovered after {['%.1f s' % r if r is not None else 'never' for r in recovered]}")

        # 7. kill -9 instance A during writes; read every acknowledged write through B.
        acked, stop = {}, threading.Event()

        def writer(n):
            k = 0
            while not stop.is_set():
                title = f"双实例断电-{n}-{k}"
                try:
                    s, raw, _ = request(0, "POST", "/api/v1/tasks", token, {"workPointId": wp, "ownerUnitId": unit, "title": title, "deadline": "2026-12-31"}, timeout=5)
                    if s == 201:
                        with lock: acked[json.loads(raw)["id"]] = title
                except Exception:
                    pass
                k += 1
        threads = [threading.Thread(target=writer, args=(n,)) for n in range(4)]
        for t in threads: t.start()
        time.sleep(3)
        os.killpg(servers[0].pid, signal.SIGKILL)
        stop.set()
        for t in threads: t.join()
        lost = [i for i, title in acked.items() if jget(1, f"/api/v1/tasks/{i}", readers[2])[1].get("title") != title]
        check("kill -9 of A during writes: every acknowledged write is read through B", bool(acked) and not lost, f"{len(acked)} acknowledged, {len(lost)} missing")
    finally:
        for p in servers:
            try: os.killpg(p.pid, signal.SIGTERM); p.wait(timeout=10)
            except Exception: pass
        try: psql(admin_url, f"DROP DATABASE IF EXISTS {db}")
        except Exception: pass
    failed = RESULTS.count(False)
    print(f"multi-instance: {RESULTS.count(True)} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
