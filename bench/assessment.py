"""A year's assessment of the large zone: 60 units x 40 items, timed through the API.

Usage: python3 bench/assessment.py BASE_URL TOKEN YEAR
Prints two lines for meta.txt:
  assessment_cold_seconds=...   full computation after a change (facts read from the database), 5 runs
  assessment_whatif_seconds=... a what-if (weights and rules changed, data unchanged), 5 runs
Each cold run is preceded by one mark write, which changes the zone's data version and so empties the cache.
"""
import json
import sys
import time
import urllib.request

BASE, TOKEN, YEAR = sys.argv[1], sys.argv[2], sys.argv[3]


def call(method: str, path: str, body=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(BASE + path, data=data, method=method,
                                 headers={"Authorization": "Bearer " + TOKEN, "Content-Type": "application/json"})
    t = time.perf_counter()
    with urllib.request.urlopen(req, timeout=120) as r:
        payload = r.read()
        status = r.status
    return status, json.loads(payload or b"null"), time.perf_counter() - t


def items(shift: float = 0):
    """40 items of 2.5 points: 8 each of completion, on-time, reporting, supervision; 4 review, 4 indicator."""
    rules = [{"kind": "ratio", "target": 100}, {"kind": "efficacy"}, {"kind": "rankPoints", "step": 0.1},
             {"kind": "ratioToBest"}, {"kind": "threshold", "target": 80 + shift}, {"kind": "ratio", "target": 90, "cap": 110},
             {"kind": "efficacy", "satisfactory": 100, "unacceptable": 40}, {"kind": "rankPoints", "step": 0.05}]
    out = []
    for source in ["taskCompletion", "taskOnTime", "reportTimeliness"]:
        for k, rule in enumerate(rules):
            out.append({"key": f"{source}{k}", "name": f"{source}{k}", "source": source, "points": 2.5, "rule": rule})
    for k in range(8):
        out.append({"key": f"sup{k}", "name": f"督办{k}", "source": "supervision", "points": 2.5,
                    "rule": {"kind": "deductPer", "per": 0.5 + k * 0.25 + shift / 100}})
    for k in range(4):
        out.append({"key": f"review{k}", "name": f"评议{k}", "source": "review", "points": 2.5, "rule": {"kind": "ratio", "target": 100}})
    for k in range(4):
        out.append({"key": f"ind{k}", "name": f"指标{k}", "source": "indicator", "points": 2.5, "rule": {"kind": "ratio", "target": 100}})
    return out


def definition(shift: float = 0):
    return {"items": items(shift), "weighting": "points", "aggregation": "sum",
            "adjustments": [{"key": "first", "name": "单项争第一", "kind": "bonus", "cap": 3}],
            "vetoes": [{"key": "safety", "name": "重大安全事故", "gradeCap": "较差"}],
            "grades": [{"name": "优秀", "min": 90, "quota": 0.3}, {"name": "良好", "min": 80}, {"name": "一般", "min": 60}, {"name": "较差", "min": 0}],
            "decimals": 2}


def main() -> int:
    status, scheme, _ = call("POST", "/api/v1/assessment/schemes",
                             {"period": YEAR, "category": "department", "name": "压测年度考核", "definition": definition()})
    assert status == 201, status
    sid = scheme["id"]
    _, units, _ = call("GET", "/api/v1/units?limit=500")
    unit_ids = [u["id"] for u in units["items"] if u.get("kind") == "department"][:60]
    for u in unit_ids:
        for k in range(4):
            call("POST", f"/api/v1/assessment/schemes/{sid}/marks",
                 {"unitId": u, "kind": "review", "key": f"review{k}", "points": 70 + (u * 7 + k) % 30, "reason": "压测评议"})
    cold, whatif = [], []
    for run in range(5):
        call("POST", f"/api/v1/assessment/schemes/{sid}/marks",
             {"unitId": unit_ids[run], "kind": "bonus", "key": "first", "points": 1, "reason": f"压测加分{run}"})
        status, result, t = call("POST", f"/api/v1/assessment/schemes/{sid}/preview", {})
        assert status == 200 and len(result["scorecards"]) == len(unit_ids), (status, len(result["scorecards"]))
        assert len(result["scorecards"][0]["items"]) == 40
        cold.append(t)
    for run in range(5):
        status, result, t = call("POST", f"/api/v1/assessment/schemes/{sid}/preview", {"definition": definition(shift=run + 1)})
        assert status == 200
        whatif.append(t)
    print("assessment_units=%d" % len(unit_ids))
    print("assessment_cold_seconds=" + " ".join(f"{t:.3f}" for t in cold))
    print("assessment_whatif_seconds=" + " ".join(f"{t:.3f}" for t in whatif))
    return 0


if __name__ == "__main__":
    sys.exit(main())
