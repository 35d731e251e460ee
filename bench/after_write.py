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
import sys
import time

from benchlib import fetch, session_cookie


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--base", required=True)
    ap.add_argument("--token", required=True)
    ap.add_argument("--user", default="office-bench")
    ap.add_argument("--password", default="Guatu@2026")
    ap.add_argument("--routes", default="/,/cockpit,/wall,/supervision,/matrix")
    a = ap.parse_args()
    cookie = session_cookie(a.base, a.user, a.password)
    if cookie is None:
        return 1
    api = {"Authorization": "Bearer " + a.token, "Content-Type": "application/json"}
    task = json.loads(fetch(a.base, "GET", "/api/v1/tasks?limit=1", api)[0])["items"][0]
    version = task["version"]

    def write():
        nonlocal version
        body = json.dumps({"version": version, "responsiblePerson": f"p{time.time()}"}).encode()
        version = json.loads(fetch(a.base, "PATCH", f"/api/v1/tasks/{task['id']}", api, body)[0])["version"]

    def read(route: str, fresh: bool) -> int:
        return round(fetch(a.base, "GET", route, {"Cookie": cookie + ("; guatu_fresh=1" if fresh else "")})[1])

    for route in a.routes.split(","):
        read(route, False)
        reader, writer = [], []
        for _ in range(4):
            write()
            reader.append(read(route, False))
            time.sleep(1.5)   # the refresh the read started lands before the next write
        for _ in range(3):
            write()
            writer.append(read(route, True))
        print(f"{route:14s} reader after a write (ms) {reader}   writer after a write (ms) {writer}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
