"""The task sheet and the cockpit on the large zone (issue 9's figures).

Usage: python3 bench/tasksheet.py BASE_URL TOKEN
Prints lines for meta.txt:
  tasksheet_import_seconds=apply dry_run   a 5,000-row task sheet (.csv; a new plan, 50 work points of 100 tasks)
                                           applied through POST /api/v1/tasks/import, then the same sheet again as a
                                           dry run (5,000 rows matched, nothing to change)
  cockpit_cold_ms=t1 … t5                  /cockpit for the whole zone right after a write (the zone's data version
                                           changes, so its figures are worked out again), five times
  wall_cold_ms=t1 … t5                     /wall the same way
"""
import json
import sys
import time
import urllib.request

BASE, TOKEN = sys.argv[1], sys.argv[2]
ROWS = 5000


def call(method, path, body=None, content_type="application/json"):
    data = None if body is None else (body if isinstance(body, bytes) else json.dumps(body).encode())
    req = urllib.request.Request(BASE + path, data=data, method=method,
                                 headers={"Authorization": "Bearer " + TOKEN, "Content-Type": content_type})
    t = time.perf_counter()
    with urllib.request.urlopen(req, timeout=600) as r:
        payload = r.read()
        status = r.status
    elapsed = time.perf_counter() - t
    try:
        return status, json.loads(payload or b"null"), elapsed
    except ValueError:
        return status, payload, elapsed


def main() -> int:
    _, units, _ = call("GET", "/api/v1/units?limit=5")
    names = [u["name"] for u in units["items"]]
    year = time.gmtime().tm_year
    lines = ["计划,工作要点,任务名称,责任单位,配合单位,完成时限,工期（工作日）"]
    for i in range(ROWS):
        wp, n = divmod(i, 100)
        lines.append(f"基准导入计划,基准导入要点{wp + 1:02d},基准导入任务{wp + 1:02d}-{n + 1:03d},{names[i % len(names)]},"
                     f"{names[(i + 1) % len(names)]}、{names[(i + 2) % len(names)]},{year}年{(i % 12) + 1}月底,{(i % 15) + 5}")
    sheet = ("\n".join(lines)).encode()
    status, out, apply = call("POST", f"/api/v1/tasks/import?year={year}", sheet, "text/csv")
    assert status == 201 and len(out["created"]) == ROWS, (status, str(out)[:300])
    status, out, dry = call("POST", f"/api/v1/tasks/import?year={year}&dryRun=true", sheet, "text/csv")
    assert status == 200 and out["unchanged"] == ROWS, (status, str(out)[:300])
    print(f"tasksheet_import_seconds={apply:.2f} {dry:.2f}")

    task = out_task = call("GET", "/api/v1/tasks?limit=1")[1]["items"][0]
    for route, key in (("/cockpit", "cockpit_cold_ms"), ("/wall", "wall_cold_ms")):
        times = []
        for i in range(5):
            # A write first: the zone's data version moves on, the cached figures no longer count.
            status, out_task, _ = call("PATCH", f"/api/v1/tasks/{task['id']}", {"version": out_task["version"], "responsiblePerson": f"基准{i}"})
            status, _, t = call("GET", route)
            assert status == 200, status
            times.append(t * 1000)
        print(f"{key}=" + " ".join(f"{t:.0f}" for t in times))
    return 0


if __name__ == "__main__":
    sys.exit(main())
