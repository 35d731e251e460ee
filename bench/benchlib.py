#!/usr/bin/env python3
"""Helpers for bench/run.sh (standard library only).

    benchlib.py plan-id BASE_URL TOKEN             first plan's id from GET /api/v1/plans?limit=1
    benchlib.py login-cookie BASE_URL USER PASS    log in through the /login form, print a Cookie header value
    benchlib.py report OUT_DIR                     bench/out/wrk-*.txt -> bench/out/results.md (also printed)
"""

from __future__ import annotations

import html.parser
import http.cookiejar
import json
import os
import re
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

# (key, label, floor key) in table order; the path of each comes from OUT/path-KEY.txt.
ROUTES = [
    ("overview", "overview `/`", "floor-overview"),
    ("matrix", "matrix `/matrix?plan=ID`", "floor-matrix"),
    ("tasks", "API `/api/v1/tasks?limit=100`", "floor-tasks"),
    ("inbox", "unit inbox `/inbox?unit=ID`", None),
    ("lag-list", "lag list `/supervision`", None),
    ("cockpit", "cockpit `/cockpit` (whole zone)", None),
    ("wall", "wall display `/wall`", None),
    ("floor-overview", "floor: overview", None),
    ("floor-matrix", "floor: matrix", None),
    ("floor-tasks", "floor: tasks", None),
]
P99_TARGET_MS = 50.0
RATIO_TARGET = 0.5


def plan_id(base: str, token: str) -> int:
    req = urllib.request.Request(
        base.rstrip("/") + "/api/v1/plans?limit=1",
        headers={"Authorization": f"Bearer {token}", "Accept": "application/json"},
    )
    with urllib.request.urlopen(req, timeout=30) as resp:
        data = json.load(resp)
    items = data.get("items") or []
    if not items:
        print("no plans in GET /api/v1/plans?limit=1: " + json.dumps(data)[:300], file=sys.stderr)
        return 1
    print(items[0]["id"])
    return 0


class _FormParser(html.parser.HTMLParser):
    """Finds the form holding input[name=password]: its action and hidden inputs (e.g. a CSRF token)."""

    def __init__(self) -> None:
        super().__init__()
        self.forms: list[dict] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.forms.append({"action": a.get("action") or "", "fields": {}, "has_password": False})
        elif tag == "input" and self.forms:
            name = a.get("name")
            if name == "password":
                self.forms[-1]["has_password"] = True
            if name and (a.get("type") or "").lower() == "hidden":
                self.forms[-1]["fields"][name] = a.get("value") or ""


def login_cookie(base: str, user: str, password: str) -> int:
    """Prints the session cookie of a sign-in through the /login form (the command of the same name)."""
    cookie = session_cookie(base, user, password)
    if cookie is None:
        return 1
    print(cookie)
    return 0


def session_cookie(base: str, user: str, password: str) -> str | None:
    """Signs in through the /login form as a browser does; the Cookie header of the session, or None (said on stderr)."""
    base = base.rstrip("/")
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    with opener.open(base + "/login", timeout=30) as resp:
        page = resp.read().decode("utf-8", "replace")
    parser = _FormParser()
    parser.feed(page)
    form = next((f for f in parser.forms if f["has_password"]), {"action": "/login", "fields": {}})
    fields = dict(form["fields"])
    fields.update({"username": user, "password": password})
    action = urllib.parse.urljoin(base + "/login", form["action"] or "/login")
    body = urllib.parse.urlencode(fields).encode()
    try:
        with opener.open(urllib.request.Request(action, data=body, method="POST"), timeout=30) as resp:
            final = resp.geturl()
    except urllib.error.HTTPError as e:
        print(f"login as {user} failed: HTTP {e.code}", file=sys.stderr)
        return None
    if urllib.parse.urlparse(final).path.rstrip("/") == "/login" or not list(jar):
        print(f"login as {user} failed (ended on {final})", file=sys.stderr)
        return None
    return "; ".join(f"{c.name}={c.value}" for c in jar)


def fetch(base: str, method: str, path: str, headers: dict, body: bytes | None = None) -> tuple[bytes, float]:
    """One request; its body and its time in ms. Stops the script unless it is answered 200 or 201 without being sent
    to the sign-in or password page (a measurement of a redirect measures nothing)."""
    req = urllib.request.Request(base.rstrip("/") + path, method=method, data=body, headers=headers)
    t = time.perf_counter()
    with urllib.request.urlopen(req, timeout=120) as r:
        data = r.read()
        final = r.geturl()
        if r.status not in (200, 201) or "/me/password" in final or "/login" in final:
            raise SystemExit(f"{method} {path} ended at {final} (HTTP {r.status})")
    return data, (time.perf_counter() - t) * 1000


def _parse_wrk(text: str) -> dict | None:
    m = re.search(r"^WRK_JSON (\{.*\})\s*$", text, re.M)
    if m:
        return json.loads(m.group(1))
    # Fallback: wrk's own text.
    rps = re.search(r"Requests/sec:\s*([\d.]+)", text)
    if not rps:
        return None

    def ms(s: str) -> float:
        v, unit = re.match(r"([\d.]+)(us|ms|s|m)", s).groups()
        return float(v) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]

    out = {"rps": float(rps.group(1))}
    for pct, key in (("50", "p50_ms"), ("99", "p99_ms")):
        m = re.search(rf"^\s*{pct}(?:\.0+)?%\s+([\d.]+(?:us|ms|s|m))", text, re.M)
        if m:
            out[key] = ms(m.group(1))
    non = re.search(r"Non-2xx or 3xx responses:\s*(\d+)", text)
    out["non2xx3xx"] = int(non.group(1)) if non else 0
    return out


def _read(p: Path) -> str:
    try:
        return p.read_text().strip()
    except OSError:
        return ""


def report(out_dir: str) -> int:
    out = Path(out_dir)
    results: dict[str, dict | None] = {}
    for key, _, _ in ROUTES:
        results[key] = _parse_wrk(_read(out / f"wrk-{key}.txt"))

    meta = {}
    for line in _read(out / "meta.txt").splitlines():
        if "=" in line:
            k, v = line.split("=", 1)
            meta[k.strip()] = v.strip()

    def fmt(v, nd=1):
        return "—" if v is None else f"{v:,.{nd}f}"

    lines = [
        "# Guatu benchmark results",
        "",
        f"- date: {meta.get('date', '?')}; commit: {meta.get('commit', '?')}",
        f"- machine: {meta.get('machine', '?')}",
        f"- data: `guatu generate {meta.get('generate_args', '?')}` "
        f"(took {meta.get('generate_seconds', '?')} s; SQLite file {meta.get('db_size', '?')})",
        f"- load: `wrk {meta.get('wrk_args', '?')}` per route after a {meta.get('warmup', '?')} warm-up, "
        f"loopback, server `guatu serve --env production` with GUATU_BENCH=1"
        + (f"; server RSS after the run {meta['server_rss']}" if meta.get("server_rss") else ""),
        f"- targets: p99 < {P99_TARGET_MS:.0f} ms at 32 concurrent clients; "
        f"each route at least {RATIO_TARGET:.0%} of its floor's throughput",
        "",
        "| route | path | req/s | p50 ms | p99 ms | errors | route/floor | p99 < 50 ms | ≥ 0.5× floor |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | :---: | :---: |",
    ]
    all_ok = True
    for key, label, floor_key in ROUTES:
        path = _read(out / f"path-{key}.txt") or "?"
        status = _read(out / f"status-{key}.txt")
        r = results[key]
        if r is None:
            why = f"not measured (HTTP {status})" if status and status != "200" else "not measured"
            lines.append(f"| {label} | `{path}` | {why} | | | | | ✗ | |")
            all_ok = False
            continue
        errors = sum(int(r.get(k, 0)) for k in
                     ("non2xx3xx", "connect_errors", "read_errors", "write_errors", "timeouts"))
        p99 = r.get("p99_ms")
        # No request answered within the run is a failure, not a fast route.
        p99_ok = p99 is not None and r.get("rps", 0) > 0 and p99 < P99_TARGET_MS and errors == 0
        ratio_cell = ratio_ok_cell = "—"
        if floor_key:
            f = results.get(floor_key)
            if f and f.get("rps"):
                ratio = r["rps"] / f["rps"]
                ratio_cell = f"{ratio:.2f}"
                ratio_ok = ratio >= RATIO_TARGET
                ratio_ok_cell = "✓" if ratio_ok else "✗"
                all_ok &= ratio_ok
            else:
                ratio_cell, ratio_ok_cell = "no floor", "?"
        if not key.startswith("floor-"):
            all_ok &= p99_ok
        lines.append(
            f"| {label} | `{path}` | {fmt(r.get('rps'))} | {fmt(r.get('p50_ms'), 2)} | "
            f"{fmt(p99, 2)} | {errors} | {ratio_cell} | {'✓' if p99_ok else '✗'} | {ratio_ok_cell} |"
        )
    times = [float(t) for t in meta.get("bulletin_seconds", "").split() if t]
    if times:
        ok = max(times) < 2.0
        all_ok &= ok
        lines += ["", f"Monthly bulletin preview for the whole zone (5 runs, seconds): "
                      f"{', '.join(f'{t:.2f}' for t in times)}; worst {max(times):.2f} s; target < 2 s: {'✓' if ok else '✗'}"]
    for key, label, target in [("assessment_cold_seconds", "A year's assessment, 60 units x 40 items, computed after a change", 1.0),
                               ("assessment_whatif_seconds", "What-if recompute of the same (weights and rules changed)", 0.2)]:
        times = [float(t) for t in meta.get(key, "").split() if t]
        if times:
            ok = max(times) < target
            all_ok &= ok
            lines += ["", f"{label} (5 runs, seconds): {', '.join(f'{t:.3f}' for t in times)}; worst {max(times):.3f} s; "
                          f"target < {target:g} s: {'✓' if ok else '✗'}"]
    search = [float(t) for t in meta.get("registry_search_ms", "").split() if t]
    if len(search) == 2:
        ok = search[1] < 30
        all_ok &= ok
        lines += ["", f"Registry search as you type (20,000 firms, 600 requests): p50 {search[0]:.1f} ms, p99 {search[1]:.1f} ms; target p99 < 30 ms: {'✓' if ok else '✗'}"]
    times = [float(t) for t in meta.get("registry_indicator_seconds", "").split() if t]
    if times:
        ok = max(times) < 0.2
        all_ok &= ok
        lines += ["", f"Registry computed indicators, each cold (seconds): {', '.join(f'{t:.3f}' for t in times)}; target < 0.2 s: {'✓' if ok else '✗'}"]
    imp = meta.get("registry_import_seconds", "").split()
    if imp:
        ok = len(imp) == 1 and float(imp[0]) < 10
        all_ok &= ok
        lines += ["", f"Registry import of 20,000 rows: {' '.join(imp)} s; target < 10 s: {'✓' if ok else '✗'}"]
    imp = [float(t) for t in meta.get("tasksheet_import_seconds", "").split() if t]
    if imp:
        ok = imp[0] < 5
        all_ok &= ok
        lines += ["", f"Task sheet of 5,000 rows: applied in {imp[0]:.2f} s (target < 5 s: {'✓' if ok else '✗'})"
                      + (f"; the same sheet again as a dry run (nothing to change) {imp[1]:.2f} s" if len(imp) > 1 else "")]
    for key, label in [("cockpit_cold_ms", "Cockpit for the whole zone"), ("wall_cold_ms", "Wall display")]:
        times = [float(t) for t in meta.get(key, "").split() if t]
        if times:
            ok = max(times) < 100
            all_ok &= ok
            lines += ["", f"{label}, worked out after a write (5 runs, ms): {', '.join(f'{t:.0f}' for t in times)}; target < 100 ms: {'✓' if ok else '✗'}"]
    lines += ["", f"All targets met: {'yes' if all_ok else 'no'}.", ""]
    text = "\n".join(lines)
    (out / "results.md").write_text(text)
    print(text)
    return 0


def main(argv: list[str]) -> int:
    if len(argv) >= 3 and argv[0] == "plan-id":
        return plan_id(argv[1], argv[2])
    if len(argv) >= 4 and argv[0] == "login-cookie":
        return login_cookie(argv[1], argv[2], argv[3])
    if len(argv) >= 2 and argv[0] == "report":
        return report(argv[1])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
