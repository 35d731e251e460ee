#!/usr/bin/env python3
"""Pages right after a write: for each route, a write through the API (a task's responsiblePerson renamed), then the
route read by a signed-in browser session that did not write (it may be served the previous value while the current
one is computed) and by one that did (cookie guatu_fresh: it waits for the current value). Loopback only.

    python3 bench/after_write.py --base http://127.0.0.1:18095 --token TOKEN --user office-bench --password Guatu@2026

The user must be able to sign in through /login (a generated zone's users must have a password set that is not due
for change: serve with GUATU_PASSWORD_MAX_AGE_DAYS=0 and set one with `guatu user passwd`). Prints, per route, the
reader's and the writer's times in ms.
"""
import argparse
import json
import os
import subprocess
import sys
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--base", required=True)
    ap.add_argument("--token", required=True)
    ap.add_argument("--user", default="office-bench")
    ap.add_argument("--password", default="Guatu@2026")
    ap.add_argument("--routes", default="/,/cockpit,/wall,/supervision,/matrix")
    a = ap.parse_args()
    login = subprocess.run([sys.executable, os.path.join(HERE, "benchlib.py"), "login-cookie", a.base, a.user, a.password],
                           capture_output=True, text=True)
    cookie = login.stdout.strip()
    if login.returncode != 0 or not cookie:
        print(f"after_write: could not sign in as {a.user}: {login.stderr.strip()}", file=sys.stderr)
        return 1
    api = {"Authorization": "Bearer " + a.token}

    def call(method, path, body=None, headers=None):
        h = {"Content-Type": "application/json"}
        h.update(headers or {})
        req = urllib.request.Request(a.base + path, method=method, data=json.dumps(body).encode() if body else None, headers=h)
        t = time.perf_counter()
        with urllib.request.urlopen(req, timeout=120) as r:
            data = r.read()
            if r.status not in (200, 201) or "/me/password" in r.geturl() or "/login" in r.geturl():
                raise SystemExit(f"after_write: {method} {path} ended at {r.geturl()} (HTTP {r.status})")
        return data, (time.perf_counter() - t) * 1000

    task = json.loads(call("GET", "/api/v1/tasks?limit=1", headers=api)[0])["items"][0]
    version = task["version"]

    def write():
        nonlocal version
        data, _ = call("PATCH", f"/api/v1/tasks/{task['id']}", {"version": version, "responsiblePerson": f"p{time.time()}"}, headers=api)
        version = json.loads(data)["version"]

    for route in a.routes.split(","):
        reader, writer = [], []
        call("GET", route, headers={"Cookie": cookie})
        for _ in range(4):
            write()
            reader.append(round(call("GET", route, headers={"Cookie": cookie})[1]))
            time.sleep(1.5)   # the refresh the read started lands before the next write
        for _ in range(3):
            write()
            writer.append(round(call("GET", route, headers={"Cookie": cookie + "; guatu_fresh=1"})[1]))
        print(f"{route:14s} reader after a write (ms) {reader}   writer after a write (ms) {writer}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
