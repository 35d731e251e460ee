"""Appeals and policy matching at scale: 100,000 appeals and 200 clauses over 20,000 firms
(`guatu generate --appeals 100000 --clauses 200 --enterprises 20000`).

Usage: python3 bench/appeals.py BASE_URL TOKEN
Prints lines for meta.txt:
  appeals_list_ms=p50 p99         /api/v1/appeals pages (all, by unit, by category, overdue), 400 requests
  appeals_page_ms=p50 p99         the /appeals page (list + statistics + chart), 200 requests
  appeals_statistics_ms=p50 p99   /api/v1/appeals/statistics, 200 requests
  policy_match_seconds=cold warm  every clause counted against every firm (/api/v1/policies) after a write, then again
  clause_matches_seconds=…        one clause's qualifying and nearly-qualifying firms with explanations, warm
"""
import json
import random
import sys
import time
import urllib.request

BASE, TOKEN = sys.argv[1], sys.argv[2]


def call(method, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(BASE + path, data=data, method=method, headers={"Authorization": "Bearer " + TOKEN, "Content-Type": "application/json"})
    t = time.perf_counter()
    with urllib.request.urlopen(req, timeout=300) as r:
        payload = r.read()
    elapsed = time.perf_counter() - t
    try:
        return json.loads(payload or b"null"), elapsed
    except ValueError:
        return payload.decode("utf-8", "replace"), elapsed


def pct(times):
    times = sorted(t * 1000 for t in times)
    return f"{times[len(times) // 2]:.1f} {times[int(len(times) * 0.99)]:.1f}"


def main() -> int:
    rng = random.Random(11)
    first, _ = call("GET", "/api/v1/appeals?limit=1")
    if first["total"] < 1000:
        print("appeals_list_ms=- (no generated appeals)")
        return 0
    units, _ = call("GET", "/api/v1/units?limit=100")
    unit_ids = [u["id"] for u in units["items"]]
    cats = ["land", "finance", "talent", "approval", "utilities", "policy", "market", "other"]
    times = []
    for _ in range(400):
        q = rng.choice(["", f"unitId={rng.choice(unit_ids)}", f"category={rng.choice(cats)}", "overdue=true", "status=handling"])
        offset = rng.choice([0, 0, 50, 500])
        _, t = call("GET", f"/api/v1/appeals?limit=50&offset={offset}&{q}")
        times.append(t)
    print("appeals_list_ms=" + pct(times))
    times = []
    for _ in range(200):
        _, t = call("GET", "/appeals?" + rng.choice(["", "category=land", "overdue=1"]))
        times.append(t)
    print("appeals_page_ms=" + pct(times))
    times = []
    for _ in range(200):
        _, t = call("GET", "/api/v1/appeals/statistics")
        times.append(t)
    print("appeals_statistics_ms=" + pct(times))

    policies, _ = call("GET", "/api/v1/policies")
    clauses = [c for p in policies for c in p["clauses"]]
    if not clauses:
        print("policy_match_seconds=- (no generated clauses)")
        return 0
    # A write bumps the zone's data version, so the next read recomputes every firm's facts and every clause.
    call("POST", "/api/v1/appeals", {"firmName": "压测写入企业", "contactPhone": "13800000000", "category": "other", "title": "压测", "description": "压测"})
    _, cold = call("GET", "/api/v1/policies")
    _, warm = call("GET", "/api/v1/policies")
    print(f"policy_match_seconds={cold:.2f} {warm:.3f} ({len(clauses)} clauses)")
    _, t = call("GET", f"/api/v1/clauses/{clauses[0]['id']}/matches")
    print(f"clause_matches_seconds={t:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
