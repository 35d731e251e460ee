#!/usr/bin/env python3
"""Kill -9 the server in the middle of a load of writes; every acknowledged write must survive, none twice.

Usage: python3 scripts/kill-test.py PATH/TO/guatu [--seconds 4]
Starts `guatu serve --demo` on a temporary SQLite file (loopback only), sends task creations from
6 threads, reports (交账: a task, then its report) from 2 more and task-sheet imports of 2,000 rows from
one more, kills the server with SIGKILL while they run, restarts it on the same file and checks that
every task the server answered 201 for is there with the title it was sent, every acknowledged report
is there exactly once with its text, and every import is there whole or not at all (whole if it was
acknowledged).
Prints `kill-test: N passed, M failed` and exits non-zero on a loss.
"""
import json, os, signal, subprocess, sys, tempfile, threading, time, urllib.parse, urllib.request, urllib.error

PORT = 18097
IMPORT_ROWS = 2000
BASE = f"http://127.0.0.1:{PORT}"


def start(binary, env):
    p = subprocess.Popen([binary, "serve", "--demo", "--port", str(PORT)], env=env,
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    for _ in range(240):
        try:
            urllib.request.urlopen(BASE + "/healthz", timeout=1)
            return p
        except Exception:
            time.sleep(0.25)
    p.kill()
    raise SystemExit("kill-test: the server did not start")


def call(method, path, token, body=None):
    req = urllib.request.Request(BASE + path, method=method, data=json.dumps(body).encode() if body else None,
                                 headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=5) as r:
        return r.status, json.loads(r.read() or b"{}")


def main():
    binary = sys.argv[1]
    seconds = float(sys.argv[sys.argv.index("--seconds") + 1]) if "--seconds" in sys.argv else 4.0
    tmp = tempfile.mkdtemp(prefix="guatu-kill-")
    # The API rate limit (GUATU_RATE_API, 600 a minute per user) is not under test here: the checks after the
    # restart read every acknowledged row with one user and would run into it (0: off).
    env = dict(os.environ, DATABASE_URL=f"sqlite:///{tmp}/kill.sqlite", GUATU_BCRYPT_COST="4", GUATU_RATE_API="0")
    server = start(binary, env)
    token = subprocess.run([binary, "user", "token", "office"], env=env, capture_output=True, text=True).stdout.strip().splitlines()[-1]
    _, wps = call("GET", "/api/v1/work-points?limit=1", token)
    _, units = call("GET", "/api/v1/units?limit=1", token)
    wp, unit = wps["items"][0]["id"], units["items"][0]["id"]
    acked, lock, stop = {}, threading.Lock(), threading.Event()

    def writer(n):
        i = 0
        while not stop.is_set():
            title = f"断电测试-{n}-{i}"
            try:
                status, body = call("POST", "/api/v1/tasks", token, {"workPointId": wp, "ownerUnitId": unit, "title": title, "deadline": "2026-12-31"})
                if status == 201:
                    with lock:
                        acked[body["id"]] = title
            except Exception:
                pass  # the server died under us: unacknowledged, may or may not exist
            i += 1

    reports = {}

    def reporter(n):
        i = 0
        while not stop.is_set():
            text = f"断电交账-{n}-{i}"
            try:
                status, task = call("POST", "/api/v1/tasks", token, {"workPointId": wp, "ownerUnitId": unit, "title": "交账任务" + text, "deadline": "2026-12-31"})
                if status == 201:
                    status, rep = call("POST", f"/api/v1/tasks/{task['id']}/reports", token,
                                       {"percentDone": 30, "progress": text, "problems": "", "nextSteps": "继续", "coordination": ""})
                    if status == 201:
                        with lock:
                            reports[rep["id"]] = (task["id"], text)
            except Exception:
                pass
            i += 1

    # Task-sheet imports: each a CSV of IMPORT_ROWS new tasks whose titles share a marker; sent until the kill.
    _, plan = call("GET", f"/api/v1/plans/{wps['items'][0]['planId']}", token)
    _, unit_row = call("GET", f"/api/v1/units/{unit}", token)
    imports = {}  # marker → acknowledged?

    def importer():
        k = 0
        while not stop.is_set():
            marker = f"断电导入{k}-"
            lines = ["计划,工作要点,任务名称,责任单位,完成时限"] + [
                f"{plan['name']},断电导入要点{k},{marker}{i},{unit_row['name']},2026-12-31" for i in range(IMPORT_ROWS)]
            imports[marker] = False
            try:
                req = urllib.request.Request(BASE + "/api/v1/tasks/import?year=2026", method="POST", data="\n".join(lines).encode(),
                                             headers={"Authorization": "Bearer " + token, "Content-Type": "text/csv"})
                with urllib.request.urlopen(req, timeout=30) as r:
                    if r.status == 201:
                        imports[marker] = True
            except Exception:
                pass
            k += 1

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(6)] + [threading.Thread(target=reporter, args=(n,)) for n in range(2)]
    threads.append(threading.Thread(target=importer))
    for t in threads: t.start()
    time.sleep(seconds)
    os.killpg(server.pid, signal.SIGKILL)
    stop.set()
    for t in threads: t.join()
    server.wait()
    server = start(binary, env)
    try:
        lost = []
        for task_id, title in acked.items():
            try:
                _, t = call("GET", f"/api/v1/tasks/{task_id}", token)
                if t.get("title") != title: lost.append(task_id)
            except urllib.error.HTTPError as e:
                lost.append((task_id, f"HTTP {e.code}"))
        bad_reports = []
        for report_id, (task_id, text) in reports.items():
            try:
                _, got = call("GET", f"/api/v1/tasks/{task_id}/reports", token)
                same = [r for r in got if r.get("progress") == text]
                if len(same) != 1 or same[0].get("id") != report_id: bad_reports.append((report_id, len(same)))
            except urllib.error.HTTPError as e:
                bad_reports.append((report_id, f"HTTP {e.code}"))
        halves = []
        for marker, acknowledged in imports.items():
            _, page = call("GET", "/api/v1/tasks?year=2026&limit=1&q=" + urllib.parse.quote(marker), token)
            found = page["total"]
            if found not in (0, IMPORT_ROWS) or (acknowledged and found != IMPORT_ROWS):
                halves.append((marker, acknowledged, found))
        print(f"kill-test: {len(acked)} task writes acknowledged before SIGKILL, {len(acked) - len(lost)} found after restart")
        print(f"kill-test: {len(imports)} imports of {IMPORT_ROWS} rows sent, {sum(imports.values())} acknowledged; "
              f"after restart each is whole or absent: {'yes' if not halves else 'NO ' + str(halves[:5])}")
        print(f"kill-test: {len(reports)} reports acknowledged, {len(reports) - len(bad_reports)} found exactly once")
        if lost: print(f"kill-test: lost {lost[:20]}")
        if bad_reports: print(f"kill-test: reports missing or duplicated {bad_reports[:20]}")
        ok = bool(acked) and bool(reports) and bool(imports) and not lost and not bad_reports and not halves
        print(f"kill-test: {1 if ok else 0} passed, {0 if ok else 1} failed")
        return 0 if ok else 1
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait()


if __name__ == "__main__":
    sys.exit(main())
