#!/usr/bin/env python3
"""Kill -9 the server in the middle of a load of writes; every acknowledged write must survive.

Usage: python3 scripts/kill-test.py PATH/TO/guatu [--seconds 4]
Starts `guatu serve --demo` on a temporary SQLite file (loopback only), sends task creations from
8 threads, kills the server with SIGKILL while they run, restarts it on the same file and checks
that every task the server answered 201 for is there, with the title it was sent.
Prints `kill-test: N passed, M failed` and exits non-zero on a loss.
"""
import json, os, signal, subprocess, sys, tempfile, threading, time, urllib.request, urllib.error

PORT = 18097
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
    env = dict(os.environ, DATABASE_URL=f"sqlite:///{tmp}/kill.sqlite", GUATU_BCRYPT_COST="4")
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

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(8)]
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
            except urllib.error.HTTPError:
                lost.append(task_id)
        print(f"kill-test: {len(acked)} writes acknowledged before SIGKILL, {len(acked) - len(lost)} found after restart")
        if lost: print(f"kill-test: lost {lost[:20]}")
        print(f"kill-test: {1 if not lost and acked else 0} passed, {0 if not lost and acked else 1} failed")
        return 0 if not lost and acked else 1
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait()


if __name__ == "__main__":
    sys.exit(main())
