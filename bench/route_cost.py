#!/usr/bin/env python3
"""CPU cost of one request, route by route, on an otherwise idle server: for each route, N requests one after
another, and the server process's user+system CPU time (from /proc) before and after. Loopback only.

    python3 bench/route_cost.py --base http://127.0.0.1:18140 --pid PID --user office --password Guatu@2026 \\
        --token TOKEN [--requests 100]

Pages are read with a session signed in through /login (as a browser), the API with the bearer token. Every answer
must be 200 and not a redirect to the password or login page, or the script stops. Prints one line per route:
CPU ms per request and wall ms per request.
"""
import argparse
import json
import os
import sys
import time

from benchlib import fetch, session_cookie


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--base", required=True)
    ap.add_argument("--pid", type=int, required=True)
    ap.add_argument("--user", default="office")
    ap.add_argument("--password", default="Guatu@2026")
    ap.add_argument("--token", required=True)
    ap.add_argument("--requests", type=int, default=100)
    a = ap.parse_args()
    tick = os.sysconf("SC_CLK_TCK")

    def cpu() -> float:
        fields = open(f"/proc/{a.pid}/stat").read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / tick

    cookie = session_cookie(a.base, a.user, a.password)
    if cookie is None:
        return 1

    def get(path: str) -> bytes:
        headers = {"Authorization": "Bearer " + a.token} if path.startswith("/api/") else {"Cookie": cookie}
        return fetch(a.base, "GET", path, headers)[0]

    task = json.loads(get("/api/v1/tasks?limit=1"))["items"][0]["id"]
    routes = ["/", "/matrix", "/battle-map", "/supervision", "/appeals", "/inbox", "/reports/review", "/me/notifications",
              "/lights", f"/tasks/{task}", "/cockpit", "/api/v1/tasks?limit=50", f"/api/v1/tasks/{task}",
              f"/api/v1/tasks/{task}/reports", "/api/v1/me", "/api/v1/plans", "/api/v1/orders?limit=50&open=true",
              "/api/v1/notifications"]
    for path in routes:
        get(path)  # warm: caches filled, connections open
        c0, t0 = cpu(), time.perf_counter()
        for _ in range(a.requests):
            get(path)
        c1, t1 = cpu(), time.perf_counter()
        print(f"{path:45s} cpu {1000 * (c1 - c0) / a.requests:6.2f} ms/req  wall {1000 * (t1 - t0) / a.requests:6.2f} ms", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
