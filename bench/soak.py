#!/usr/bin/env python3
"""The soak test's load generator (standard library only); bench/soak.sh starts the server and calls it.

    soak.py units BASE TOKEN N      the N units owning the most tasks: "id<TAB>name" lines (for reporter accounts)
    soak.py run CONFIG.json         simulate the users, read every acknowledged write back, write the figures

CONFIG.json (written by soak.sh): base, db, seconds, users, server_pid, out, password, browser (accounts
to sign in as: [{username, role}]), api_tokens (read-only API users), office_token, reporters
([{username, token, unitId}]), think ([min, max] seconds).

Each simulated user is a thread with its own keep-alive connection. It thinks think[0]..think[1] seconds
between requests. The mix (fractions of SOAK_USERS, overridable with SOAK_MIX=pages,api,reporters,office):
  - page users (65 %): sign in through the /login form (GET for the _csrf field and cookie, POST), then
    browse the pages their role may see (/, /matrix, /battle-map, /supervision, /appeals, /inbox, ...);
  - API readers (20 %): GET /api/v1/tasks?limit=50 and a few other reads with a bearer token;
  - unit reporters (10 %): list their unit's tasks, read a task's reports, file a report on it
    (POST /api/v1/tasks/{id}/reports), each acknowledged report kept with what was written;
  - office (5 %): reviews filed reports (POST /api/v1/reports/{id}/review, mostly "return" so the task
    can be reported again, sometimes "accept"), creates tasks (POST /api/v1/tasks) and renames them
    (PATCH with the version), each acknowledged write kept.
Every request's latency and status is recorded. An error is a transport failure or a status outside
2xx/3xx except 409 on a write (an expected conflict), and a page that sends a signed-in user back to /login.
At the end every acknowledged write is read back through the API; a missing or different one is lost.
The server's VmRSS, threads, open files and CPU time are sampled every 10 s from /proc/PID.
"""

from __future__ import annotations

import http.client
import json
import os
import queue
import random
import re
import resource
import sys
import threading
import time
import urllib.parse
from datetime import date

# ------------------------------------------------------------------------------------------------
# HTTP


class Client:
    """One user's keep-alive connection, cookies and bearer token."""

    def __init__(self, base: str, token: str | None = None, timeout: float = 30.0):
        u = urllib.parse.urlparse(base)
        self.host, self.port = u.hostname, u.port or 80
        self.token = token
        self.timeout = timeout
        self.cookies: dict[str, str] = {}
        self.conn: http.client.HTTPConnection | None = None

    def _connect(self):
        self.conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)

    def close(self):
        if self.conn is not None:
            try:
                self.conn.close()
            except Exception:
                pass
            self.conn = None

    def request(self, method: str, path: str, body: bytes | None = None, ctype: str | None = None):
        """Returns (status, headers dict lower-cased, body bytes, ms). Status 0 on a transport failure
        (headers then hold {'error': text})."""
        headers = {"Accept": "text/html,application/json", "User-Agent": "guatu-soak"}
        if self.token:
            headers["Authorization"] = "Bearer " + self.token
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if body is not None:
            headers["Content-Type"] = ctype or "application/json"
        for attempt in (0, 1):
            reused = self.conn is not None
            if self.conn is None:
                self._connect()
            t0 = time.perf_counter()
            try:
                self.conn.request(method, path, body=body, headers=headers)
                resp = self.conn.getresponse()
                data = resp.read()
                ms = (time.perf_counter() - t0) * 1000.0
                hdrs = {}
                for k, v in resp.getheaders():
                    k = k.lower()
                    if k == "set-cookie":
                        self._set_cookie(v)
                    hdrs[k] = v
                if resp.will_close:
                    self.close()
                return resp.status, hdrs, data, ms
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError) as e:
                ms = (time.perf_counter() - t0) * 1000.0
                self.close()
                # A keep-alive connection the server had closed: retry a read once on a new one.
                if attempt == 0 and reused and method == "GET":
                    continue
                return 0, {"error": f"{type(e).__name__}: {e}"}, b"", ms
            except Exception as e:  # timeouts, refused connections
                ms = (time.perf_counter() - t0) * 1000.0
                self.close()
                return 0, {"error": f"{type(e).__name__}: {e}"}, b"", ms
        raise AssertionError("unreachable")

    def _set_cookie(self, header: str):
        first = header.split(";", 1)[0]
        if "=" not in first:
            return
        name, value = first.split("=", 1)
        name, value = name.strip(), value.strip()
        attrs = header.lower()
        if value == "" or "max-age=0" in attrs or "expires=thu, 01 jan 1970" in attrs:
            self.cookies.pop(name, None)
        else:
            self.cookies[name] = value


def api_json(base: str, token: str, method: str, path: str, payload=None):
    c = Client(base, token)
    try:
        st, _, data, _ = c.request(method, path, json.dumps(payload).encode() if payload is not None else None)
    finally:
        c.close()
    try:
        return st, json.loads(data or b"null")
    except ValueError:
        return st, None


# ------------------------------------------------------------------------------------------------
# Recording


ROUTE_ID = re.compile(r"/\d+(?=/|$)")


def route_of(method: str, path: str) -> str:
    p = path.split("?", 1)[0]
    p = ROUTE_ID.sub("/{id}", p)
    q = path.split("?", 1)[1] if "?" in path else ""
    keys = sorted(k for k in urllib.parse.parse_qs(q).keys() if k not in ("offset",))
    return f"{method} {p}" + (("?" + "&".join(keys)) if keys else "")


class Recorder:
    def __init__(self, t0: float):
        self.t0 = t0
        self.rows: list[tuple] = []  # (t, kind, route, status, ms, error?)
        self.errors: list[dict] = []
        self.expected_conflicts = 0
        self.lock = threading.Lock()

    def add(self, kind: str, method: str, path: str, status: int, ms: float, *, error: str | None = None, body: bytes = b""):
        t = time.monotonic() - self.t0
        route = route_of(method, path)
        self.rows.append((t, kind, route, status, ms, error is not None))
        if error is not None:
            with self.lock:
                if len(self.errors) < 200:
                    self.errors.append({"t": round(t, 2), "kind": kind, "request": f"{method} {path}", "status": status,
                                        "ms": round(ms, 1), "error": error, "body": body[:300].decode("utf-8", "replace")})


def classify(kind: str, method: str, status: int, hdrs: dict, *, signed_in_page: bool = False) -> str | None:
    """None if fine, else why it is an error. 409 on a write is an expected conflict."""
    if status == 0:
        return hdrs.get("error", "transport failure")
    if status == 409 and method != "GET":
        return None
    if status >= 400 or status < 200:
        return f"HTTP {status}"
    if signed_in_page and 300 <= status < 400 and "/login" in hdrs.get("location", ""):
        return f"HTTP {status} to {hdrs.get('location')} (session lost)"
    return None


# ------------------------------------------------------------------------------------------------
# Shared state of the writers


class Shared:
    def __init__(self):
        self.lock = threading.Lock()
        self.review_queue: "queue.Queue[dict]" = queue.Queue()
        self.reports: dict[int, dict] = {}      # report id -> {taskId, percentDone, progress, status?}
        self.accepted_tasks: set[int] = set()   # a task whose report of this period was accepted
        self.tasks: dict[int, dict] = {}        # soak-created task id -> {title, version}
        self.counts = {"reports_filed": 0, "reviews": 0, "accepted": 0, "returned": 0, "tasks_created": 0,
                       "tasks_renamed": 0, "conflicts": 0}

    def bump(self, k: str, n: int = 1):
        with self.lock:
            self.counts[k] += n


# ------------------------------------------------------------------------------------------------
# Users


PAGE_CANDIDATES = [  # path, weight
    ("/", 4), ("/matrix", 3), ("/battle-map", 2), ("/supervision", 2), ("/appeals", 1), ("/inbox", 2),
    ("/reports/review", 1), ("/me/notifications", 1), ("/lights", 1), ("/tasks/{task}", 2),
]

CSRF_FIELD = re.compile(r'name="_csrf"[^>]*?value="([^"]*)"|value="([^"]*)"[^>]*?name="_csrf"')


class User(threading.Thread):
    def __init__(self, n: int, cfg: dict, rec: Recorder, stop: threading.Event, shared: Shared, ctx: dict):
        super().__init__(daemon=True, name=f"user-{n}")
        self.n, self.cfg, self.rec, self.stop, self.shared, self.ctx = n, cfg, rec, stop, shared, ctx
        self.rnd = random.Random(cfg.get("seed", 1) * 100_003 + n)
        self.base = cfg["base"]
        self.think_lo, self.think_hi = cfg.get("think", [0.5, 1.0])

    def think(self):
        self.stop.wait(self.rnd.uniform(self.think_lo, self.think_hi))

    def call(self, c: Client, kind: str, method: str, path: str, payload=None, *, form: dict | None = None,
             signed_in_page: bool = False):
        body, ctype = None, None
        if form is not None:
            body, ctype = urllib.parse.urlencode(form).encode(), "application/x-www-form-urlencoded"
        elif payload is not None:
            body = json.dumps(payload, ensure_ascii=False).encode()
        st, hdrs, data, ms = c.request(method, path, body, ctype)
        err = classify(kind, method, st, hdrs, signed_in_page=signed_in_page)
        self.rec.add(kind, method, path, st, ms, error=err, body=data if err else b"")
        if st == 409 and method != "GET":
            self.shared.bump("conflicts")
        return st, hdrs, data

    def run(self):
        # Spread the starts over the ramp so 200 sign-ins do not land in the same instant.
        self.stop.wait(self.rnd.uniform(0, self.cfg.get("ramp", 5.0)))
        try:
            self.main()
        except Exception as e:  # a bug in the generator must show, not hang the run
            self.rec.add("internal", "GET", "/<generator>", 0, 0.0, error=f"generator: {type(e).__name__}: {e}")


class PageUser(User):
    def main(self):
        acct = self.ctx["account"]
        c = Client(self.base)
        while not self.stop.is_set() and not self.login(c, acct):
            self.stop.wait(5)  # a failed sign-in is counted; try again later
        pages = self.cfg["pages"][acct["username"]]
        paths, weights = [p for p, _ in pages], [w for _, w in pages]
        tasks = self.cfg["task_ids"]
        while not self.stop.is_set():
            self.think()
            if self.stop.is_set():
                break
            p = self.rnd.choices(paths, weights)[0]
            if "{task}" in p:
                p = p.replace("{task}", str(self.rnd.choice(tasks)))
            self.call(c, "page", "GET", p, signed_in_page=True)
        c.close()

    def login(self, c: Client, acct: dict) -> bool:
        c.cookies.clear()
        st, hdrs, data = self.call(c, "login", "GET", "/login")
        m = CSRF_FIELD.search(data.decode("utf-8", "replace")) if st == 200 else None
        if not m:
            if st == 200:
                self.rec.add("login", "GET", "/login", st, 0.0, error="no _csrf field on /login")
            return False
        self.think()
        csrf = m.group(1) or m.group(2)
        st, hdrs, _ = self.call(c, "login", "POST", "/login",
                                form={"username": acct["username"], "password": self.cfg["password"], "_csrf": csrf})
        if not (300 <= st < 400) or "/login" in hdrs.get("location", ""):
            if st and st < 400:
                self.rec.add("login", "POST", "/login", st, 0.0, error=f"sign-in as {acct['username']} refused")
            return False
        return True


class ApiReader(User):
    def main(self):
        c = Client(self.base, self.ctx["token"])
        total = max(1, self.cfg["task_total"])
        tasks = self.cfg["task_ids"]
        choices = [("tasks", 6), ("tasks-page", 2), ("task", 2), ("orders", 1), ("plans", 1), ("me", 1), ("notifications", 1)]
        names, weights = [a for a, _ in choices], [w for _, w in choices]
        while not self.stop.is_set():
            self.think()
            if self.stop.is_set():
                break
            what = self.rnd.choices(names, weights)[0]
            if what == "tasks":
                p = "/api/v1/tasks?limit=50"
            elif what == "tasks-page":
                p = f"/api/v1/tasks?limit=50&offset={self.rnd.randrange(0, total, 50) if total > 50 else 0}"
            elif what == "task":
                p = f"/api/v1/tasks/{self.rnd.choice(tasks)}"
            elif what == "orders":
                p = "/api/v1/orders?open=true&limit=50"
            elif what == "plans":
                p = "/api/v1/plans"
            elif what == "me":
                p = "/api/v1/me"
            else:
                p = "/api/v1/notifications"
            self.call(c, "api-read", "GET", p)
        c.close()


class Reporter(User):
    """A unit's reporter: lists the unit's tasks, reads a task's reports, files this period's report."""

    def main(self):
        r = self.ctx["reporter"]
        c = Client(self.base, r["token"])
        mine: list[dict] = []
        k = 0
        while not self.stop.is_set():
            if not mine or k % 5 == 0:
                self.think()
                if self.stop.is_set():
                    break
                st, _, data = self.call(c, "api-read", "GET", f"/api/v1/tasks?unitId={r['unitId']}&limit=200")
                if st == 200:
                    mine = [t for t in json.loads(data)["items"]
                            if t.get("ownerUnitId") == r["unitId"] and not t.get("archived")
                            and t.get("status") in ("not_started", "in_progress")
                            and not str(t.get("title", "")).startswith("soak-")]
                if not mine:
                    self.stop.wait(5)
                    continue
            k += 1
            with self.shared.lock:
                open_tasks = [t for t in mine if t["id"] not in self.shared.accepted_tasks]
            if not open_tasks:
                self.stop.wait(5)
                continue
            t = self.rnd.choice(open_tasks)
            self.think()
            if self.stop.is_set():
                break
            self.call(c, "api-read", "GET", f"/api/v1/tasks/{t['id']}/reports")
            self.think()
            if self.stop.is_set():
                break
            cur = int(t.get("percentDone") or 0)
            pct = max(1, min(99, cur + self.rnd.randint(0, 5)))
            progress = f"soak {r['username']} u{self.n} #{k}: 本周推进{self.rnd.randint(1, 999)}项"
            payload = {"percentDone": pct, "progress": progress, "problems": "", "nextSteps": "继续推进", "coordination": ""}
            st, _, data = self.call(c, "write", "POST", f"/api/v1/tasks/{t['id']}/reports", payload)
            if st == 201:
                rep = json.loads(data)
                entry = {"id": rep["id"], "taskId": t["id"], "percentDone": pct, "progress": progress, "version": rep.get("version", 1)}
                with self.shared.lock:
                    self.shared.reports[rep["id"]] = entry
                    self.shared.counts["reports_filed"] += 1
                self.shared.review_queue.put(entry)
                t["percentDone"] = pct
        c.close()


class Office(User):
    """The office: reviews filed reports, creates tasks and renames them (optimistic locking)."""

    def main(self):
        c = Client(self.base, self.cfg["office_token"])
        own: list[int] = []
        seq = 0
        year = date.today().year
        while not self.stop.is_set():
            self.think()
            if self.stop.is_set():
                break
            entry = None
            if self.rnd.random() < 0.75:
                try:
                    entry = self.shared.review_queue.get_nowait()
                except queue.Empty:
                    entry = None
            if entry is not None:
                self.call(c, "api-read", "GET", f"/api/v1/tasks/{entry['taskId']}/reports")
                self.think()
                accept = self.rnd.random() < 0.15
                body = {"version": entry["version"], "decision": "accept" if accept else "return"}
                if not accept:
                    body["reason"] = f"soak: 请补充佐证材料（{self.n}）"
                st, _, data = self.call(c, "write", "POST", f"/api/v1/reports/{entry['id']}/review", body)
                if st == 200:
                    with self.shared.lock:
                        self.shared.reports[entry["id"]]["status"] = "accepted" if accept else "returned"
                        self.shared.counts["reviews"] += 1
                        self.shared.counts["accepted" if accept else "returned"] += 1
                        if accept:
                            self.shared.accepted_tasks.add(entry["taskId"])
                continue
            seq += 1
            if len(own) < 3 or self.rnd.random() < 0.2:
                title = f"soak-o{self.n}-{seq} 督办事项"
                payload = {"workPointId": self.rnd.choice(self.cfg["work_point_ids"]), "ownerUnitId": self.rnd.choice(self.cfg["unit_ids"]),
                           "title": title, "deadline": f"{year}-12-31"}
                st, _, data = self.call(c, "write", "POST", "/api/v1/tasks", payload)
                if st == 201:
                    t = json.loads(data)
                    own.append(t["id"])
                    with self.shared.lock:
                        self.shared.tasks[t["id"]] = {"title": t["title"], "version": t["version"]}
                        self.shared.counts["tasks_created"] += 1
            else:
                tid = self.rnd.choice(own)
                with self.shared.lock:
                    version = self.shared.tasks[tid]["version"]
                title = f"soak-o{self.n}-{seq} 督办事项（改）"
                st, _, data = self.call(c, "write", "PATCH", f"/api/v1/tasks/{tid}", {"version": version, "title": title})
                if st == 200:
                    t = json.loads(data)
                    with self.shared.lock:
                        self.shared.tasks[tid] = {"title": t["title"], "version": t["version"]}
                        self.shared.counts["tasks_renamed"] += 1
                elif st == 409:
                    # Someone else changed it: read the current version, as a form would.
                    st2, _, d2 = self.call(c, "api-read", "GET", f"/api/v1/tasks/{tid}")
                    if st2 == 200:
                        t = json.loads(d2)
                        with self.shared.lock:
                            self.shared.tasks[tid] = {"title": t["title"], "version": t["version"]}
        c.close()


# ------------------------------------------------------------------------------------------------
# Server sampling


def proc_sample(pid: int) -> dict | None:
    try:
        with open(f"/proc/{pid}/status") as f:
            st = f.read()
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        nfd = len(os.listdir(f"/proc/{pid}/fd"))
    except OSError:
        return None
    def kb(name):
        m = re.search(rf"^{name}:\s+(\d+)", st, re.M)
        return int(m.group(1)) if m else None
    tick = os.sysconf("SC_CLK_TCK")
    return {"rss_kb": kb("VmRSS"), "threads": kb("Threads"), "fds": nfd,
            "cpu_s": round((int(fields[11]) + int(fields[12])) / tick, 2)}


class Sampler(threading.Thread):
    def __init__(self, pid: int, t0: float, stop: threading.Event, every: float = 10.0):
        super().__init__(daemon=True, name="sampler")
        self.pid, self.t0, self.stop, self.every = pid, t0, stop, every
        self.samples: list[dict] = []

    def take(self):
        s = proc_sample(self.pid)
        if s:
            s["t"] = round(time.monotonic() - self.t0, 1)
            self.samples.append(s)

    def run(self):
        self.take()
        k = 1
        while not self.stop.wait(max(0.0, self.t0 + k * self.every - time.monotonic())):
            self.take()
            k += 1
        self.take()


# ------------------------------------------------------------------------------------------------
# Figures


def pct(sorted_ms: list[float], p: float) -> float | None:
    if not sorted_ms:
        return None
    i = max(0, min(len(sorted_ms) - 1, int(round(p / 100.0 * len(sorted_ms) + 0.5)) - 1))
    return round(sorted_ms[i], 1)


def stats(rows) -> dict:
    ms = sorted(r[4] for r in rows)
    return {"requests": len(ms), "errors": sum(1 for r in rows if r[5]),
            "p50_ms": pct(ms, 50), "p95_ms": pct(ms, 95), "p99_ms": pct(ms, 99), "max_ms": round(ms[-1], 1) if ms else None}


def slope_mib_per_min(samples: list[dict], after: float) -> float | None:
    pts = [(s["t"] / 60.0, s["rss_kb"] / 1024.0) for s in samples if s["t"] >= after and s.get("rss_kb")]
    if len(pts) < 2:
        return None
    n = len(pts)
    mx, my = sum(p[0] for p in pts) / n, sum(p[1] for p in pts) / n
    den = sum((p[0] - mx) ** 2 for p in pts)
    return round(sum((p[0] - mx) * (p[1] - my) for p in pts) / den, 3) if den else None


# ------------------------------------------------------------------------------------------------
# Read-back


def read_back(base: str, token: str, shared: Shared) -> dict:
    lost: list[dict] = []
    by_task: dict[int, list[dict]] = {}
    for r in shared.reports.values():
        by_task.setdefault(r["taskId"], []).append(r)
    c = Client(base, token)
    checked = 0
    for tid, mine in by_task.items():
        st, _, data, _ = c.request("GET", f"/api/v1/tasks/{tid}/reports")
        got = {x["id"]: x for x in json.loads(data)} if st == 200 else {}
        if st != 200:
            for r in mine:
                lost.append({"what": "report", "id": r["id"], "why": f"GET reports of task {tid}: HTTP {st}"})
            continue
        for r in mine:
            checked += 1
            x = got.get(r["id"])
            if x is None:
                lost.append({"what": "report", "id": r["id"], "taskId": tid, "why": "missing"})
            elif x.get("percentDone") != r["percentDone"] or x.get("progress") != r["progress"]:
                lost.append({"what": "report", "id": r["id"], "why": f"content differs: {x.get('percentDone')} {x.get('progress')!r}"})
            elif r.get("status") and x.get("status") != r["status"]:
                lost.append({"what": "review", "id": r["id"], "why": f"status {x.get('status')}, review acknowledged {r['status']}"})
    for tid, t in shared.tasks.items():
        checked += 1
        st, _, data, _ = c.request("GET", f"/api/v1/tasks/{tid}")
        if st != 200:
            lost.append({"what": "task", "id": tid, "why": f"HTTP {st}"})
            continue
        x = json.loads(data)
        if x.get("title") != t["title"] or x.get("version") != t["version"]:
            lost.append({"what": "task", "id": tid, "why": f"title {x.get('title')!r} v{x.get('version')}, acknowledged {t['title']!r} v{t['version']}"})
    c.close()
    return {"checked": checked, "lost": len(lost), "details": lost[:50]}


# ------------------------------------------------------------------------------------------------
# Run


def preflight(cfg: dict) -> None:
    """Which pages each browser account may open (200 when signed in); task ids for the page and API users."""
    base = cfg["base"]
    st, d = api_json(base, cfg["office_token"], "GET", "/api/v1/tasks?limit=500")
    if st != 200:
        raise SystemExit(f"soak: GET /api/v1/tasks as the office: HTTP {st}")
    cfg["task_ids"] = [t["id"] for t in d["items"]] or [1]
    cfg["task_total"] = d.get("total", len(cfg["task_ids"]))
    _, wps = api_json(base, cfg["office_token"], "GET", "/api/v1/work-points?limit=500")
    _, units = api_json(base, cfg["office_token"], "GET", "/api/v1/units?limit=500")
    cfg["work_point_ids"] = [w["id"] for w in wps["items"]]
    cfg["unit_ids"] = [u["id"] for u in units["items"]]
    cfg["pages"], cfg["pages_refused"] = {}, {}
    for acct in cfg["browser"]:
        dummy = Recorder(time.monotonic())
        u = PageUser(0, cfg, dummy, threading.Event(), Shared(), {"account": acct})
        u.think_lo = u.think_hi = 0
        c = Client(base)
        if not u.login(c, acct):
            raise SystemExit(f"soak: cannot sign in as {acct['username']}: {dummy.errors[:2]}")
        ok, refused = [], {}
        for p, w in PAGE_CANDIDATES:
            path = p.replace("{task}", str(cfg["task_ids"][0]))
            st, hdrs, _, _ = c.request("GET", path)
            if st == 200:
                ok.append((p, w))
            else:
                refused[p] = st
        c.close()
        cfg["pages"][acct["username"]] = ok or [("/", 1)]
        cfg["pages_refused"][acct["username"]] = refused


def run(cfg_path: str) -> int:
    cfg = json.load(open(cfg_path))
    base, seconds, n_users = cfg["base"], float(cfg["seconds"]), int(cfg["users"])
    preflight(cfg)
    mix = [float(x) for x in (cfg.get("mix") or "0.65,0.20,0.10,0.05").split(",")]
    n_api = round(n_users * mix[1])
    n_rep = max(1, round(n_users * mix[2])) if cfg["reporters"] else 0
    n_off = max(1, round(n_users * mix[3]))
    n_page = max(0, n_users - n_api - n_rep - n_off)

    t0 = time.monotonic()
    rec, stop, shared = Recorder(t0), threading.Event(), Shared()
    sampler = Sampler(int(cfg["server_pid"]), t0, stop, every=float(cfg.get("sample_every", 10)))
    sampler.start()
    users: list[User] = []
    browser = cfg["browser"]
    for i in range(n_page):
        users.append(PageUser(len(users), cfg, rec, stop, shared, {"account": browser[i % len(browser)]}))
    for i in range(n_api):
        users.append(ApiReader(len(users), cfg, rec, stop, shared, {"token": cfg["api_tokens"][i % len(cfg["api_tokens"])]}))
    for i in range(n_rep):
        users.append(Reporter(len(users), cfg, rec, stop, shared, {"reporter": cfg["reporters"][i % len(cfg["reporters"])]}))
    for i in range(n_off):
        users.append(Office(len(users), cfg, rec, stop, shared, {}))
    print(f"soak: {len(users)} users ({n_page} page, {n_api} API readers, {n_rep} reporters, {n_off} office) for {seconds:.0f}s", flush=True)
    for u in users:
        u.start()
    next_note = 60.0
    while True:
        left = t0 + seconds - time.monotonic()
        if left <= 0:
            break
        time.sleep(min(left, 1.0))
        el = time.monotonic() - t0
        if el >= next_note:
            rows = rec.rows[:]
            last = [r for r in rows if r[0] >= el - 60]
            s = stats(last)
            rss = sampler.samples[-1]["rss_kb"] / 1024 if sampler.samples else 0
            print(f"soak [{el:4.0f}s]: last minute {s['requests']} requests, {s['errors']} errors, p99 {s['p99_ms']} ms; "
                  f"RSS {rss:.0f} MiB", flush=True)
            next_note += 60
    stop.set()
    for u in users:
        u.join(timeout=40)
    sampler.join(timeout=15)
    load_end = time.monotonic() - t0
    ru = resource.getrusage(resource.RUSAGE_SELF)

    print("soak: reading every acknowledged write back", flush=True)
    rb = read_back(base, cfg["office_token"], shared)

    rows = rec.rows
    kinds = {}
    for k in ("page", "api-read", "write", "login"):
        sub = [r for r in rows if r[1] == k]
        if sub:
            kinds[k] = stats(sub)
    by_route: dict[str, list] = {}
    for r in rows:
        by_route.setdefault(r[2], []).append(r)
    routes = {}
    for route, sub in sorted(by_route.items()):
        statuses: dict[str, int] = {}
        for r in sub:
            statuses[str(r[3])] = statuses.get(str(r[3]), 0) + 1
        routes[route] = stats(sub) | {"kind": sub[0][1], "statuses": dict(sorted(statuses.items()))}
    bucket = 60.0 if seconds >= 300 else 10.0
    by_bucket: dict[int, list] = {}
    for r in rows:
        by_bucket.setdefault(int(r[0] // bucket), []).append(r)
    timeline = [{"from_s": b * bucket} | stats(sub) for b, sub in sorted(by_bucket.items())]

    samples = sampler.samples
    rss_start = samples[0]["rss_kb"] / 1024 if samples else None
    warm_t = 60.0 if seconds >= 120 else seconds / 2
    warm = next((s for s in samples if s["t"] >= warm_t - 0.5), samples[-1] if samples else None)
    end = samples[-1] if samples else None
    rss_warm = warm["rss_kb"] / 1024 if warm else None
    rss_end = end["rss_kb"] / 1024 if end else None
    slope = slope_mib_per_min(samples, warm["t"] if warm else 0)
    overall = stats(rows)
    errors = overall["errors"]
    mem_flat = rss_warm is not None and rss_end is not None and abs(rss_end - rss_warm) <= 0.2 * rss_warm
    checks = {
        "no error": errors == 0,
        "no lost write": rb["lost"] == 0 and rb["checked"] > 0,
        "p99 < 200 ms": overall["p99_ms"] is not None and overall["p99_ms"] < 200,
        "memory flat (end RSS within 20% of RSS after the first minute)": mem_flat,
    }
    slowest = sorted(rows, key=lambda r: -r[4])[:20]
    result = {
        "db": cfg["db"], "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "commit": cfg.get("commit"),
        "binary": cfg.get("binary"), "seconds": seconds, "users": n_users,
        "mix": {"page": n_page, "api-read": n_api, "reporters": n_rep, "office": n_off},
        "think_s": [cfg.get("think", [0.5, 1.0])[0], cfg.get("think", [0.5, 1.0])[1]],
        "pages": {k: [p for p, _ in v] for k, v in cfg["pages"].items()}, "pages_refused": cfg["pages_refused"],
        "overall": overall | {"req_per_s": round(len(rows) / load_end, 1) if load_end else None},
        "kinds": kinds, "routes": routes, "timeline": timeline,
        "expected_conflicts_409": shared.counts["conflicts"], "writes": shared.counts,
        "readback": rb,
        "rss": {"start_mib": rss_start and round(rss_start, 1), "warm_at_s": warm and warm["t"], "warm_mib": rss_warm and round(rss_warm, 1),
                "end_mib": rss_end and round(rss_end, 1), "slope_mib_per_min": slope, "samples": samples},
        "server": {"cpu_s": end and samples and round(end["cpu_s"] - samples[0]["cpu_s"], 1),
                   "threads_start": samples and samples[0]["threads"], "threads_end": end and end["threads"],
                   "fds_start": samples and samples[0]["fds"], "fds_end": end and end["fds"]},
        "generator_cpu_s": round(ru.ru_utime + ru.ru_stime, 1),
        "errors_sample": rec.errors[:50],
        "slowest": [{"t": round(r[0], 1), "kind": r[1], "route": r[2], "status": r[3], "ms": round(r[4], 1)} for r in slowest],
        "checks": checks, "pass": all(checks.values()),
    }
    os.makedirs(os.path.dirname(cfg["out"]) or ".", exist_ok=True)
    with open(cfg["out"], "w") as f:
        json.dump(result, f, ensure_ascii=False, indent=1)
    print_summary(result)
    return 0 if result["pass"] else 1


def print_summary(r: dict):
    def f(v):
        return "—" if v is None else (f"{v:,.1f}" if isinstance(v, float) else f"{v:,}")
    print()
    print(f"Soak on {r['db']}: {r['users']} users ({r['mix']['page']} page, {r['mix']['api-read']} API, "
          f"{r['mix']['reporters']} reporters, {r['mix']['office']} office), {r['seconds']:.0f} s, "
          f"think {r['think_s'][0]}–{r['think_s'][1]} s; {r['overall']['req_per_s']} req/s")
    print()
    print(f"| {'kind':<9} | {'requests':>9} | {'errors':>6} | {'p50 ms':>7} | {'p95 ms':>7} | {'p99 ms':>7} | {'max ms':>8} |")
    print(f"|{'-' * 11}|{'-' * 10}:|{'-' * 7}:|{'-' * 8}:|{'-' * 8}:|{'-' * 8}:|{'-' * 9}:|")
    for name, s in [("overall", r["overall"])] + list(r["kinds"].items()):
        print(f"| {name:<9} | {f(s['requests']):>9} | {f(s['errors']):>6} | {f(s['p50_ms']):>7} | {f(s['p95_ms']):>7} | "
              f"{f(s['p99_ms']):>7} | {f(s['max_ms']):>8} |")
    print()
    slow = sorted(r["routes"].items(), key=lambda kv: -(kv[1]["p99_ms"] or 0))[:8]
    print("Slowest routes by p99 (ms): " + "; ".join(f"{k} {v['p99_ms']} (n={v['requests']})" for k, v in slow))
    w = r["writes"]
    print(f"Writes acknowledged: {w['reports_filed']} reports, {w['reviews']} reviews ({w['accepted']} accepted, "
          f"{w['returned']} returned), {w['tasks_created']} tasks created, {w['tasks_renamed']} renamed; "
          f"expected 409 conflicts: {r['expected_conflicts_409']}")
    print(f"Read back: {r['readback']['checked']} writes checked, {r['readback']['lost']} lost")
    m = r["rss"]
    print(f"Server RSS: start {f(m['start_mib'])} MiB, at {m['warm_at_s']} s {f(m['warm_mib'])} MiB, end {f(m['end_mib'])} MiB, "
          f"slope {f(m['slope_mib_per_min'])} MiB/min; threads {r['server']['threads_start']}→{r['server']['threads_end']}, "
          f"open files {r['server']['fds_start']}→{r['server']['fds_end']}; server CPU {r['server']['cpu_s']} s, "
          f"generator CPU {r['generator_cpu_s']} s")
    if r["errors_sample"]:
        print("First errors:")
        for e in r["errors_sample"][:5]:
            print(f"  [{e['t']}s] {e['request']} -> {e['status']} {e['error']} {e['body'][:120]!r}")
    if r["readback"]["details"]:
        print("Lost writes:", json.dumps(r["readback"]["details"][:5], ensure_ascii=False))
    print()
    for name, ok in r["checks"].items():
        print(f"  {'PASS' if ok else 'FAIL'}  {name}")
    print(f"soak: {'PASS' if r['pass'] else 'FAIL'}")


def units(base: str, token: str, n: int) -> int:
    st, d = api_json(base, token, "GET", "/api/v1/tasks?limit=500")
    _, us = api_json(base, token, "GET", "/api/v1/units?limit=500")
    if st != 200 or not us:
        print(f"soak: cannot list tasks/units (HTTP {st})", file=sys.stderr)
        return 1
    count: dict[int, int] = {}
    for t in d["items"]:
        count[t["ownerUnitId"]] = count.get(t["ownerUnitId"], 0) + 1
    names = {u["id"]: u["name"] for u in us["items"]}
    for uid, _ in sorted(count.items(), key=lambda kv: -kv[1])[:n]:
        if uid in names:
            print(f"{uid}\t{names[uid]}")
    return 0


if __name__ == "__main__":
    if len(sys.argv) >= 2 and sys.argv[1] == "run" and len(sys.argv) == 3:
        sys.exit(run(sys.argv[2]))
    if len(sys.argv) == 5 and sys.argv[1] == "units":
        sys.exit(units(sys.argv[2], sys.argv[3], int(sys.argv[4])))
    print(__doc__, file=sys.stderr)
    sys.exit(2)
