"""The registry at scale: 20,000 firms with five years of history (`guatu generate --enterprises 20000`).

Usage: python3 bench/enterprises.py BASE_URL TOKEN
Prints lines for meta.txt:
  registry_search_ms=p50 p99          search as you type through /api/v1/enterprises?q=…&limit=10, 600 requests
  registry_indicator_seconds=…        each computed registry indicator for the zone, cold (a write first)
  registry_import_seconds=…           a 20,000-row sheet through the import page, once
"""
import json
import random
import sys
import time
import urllib.parse
import urllib.request
import uuid

BASE, TOKEN = sys.argv[1], sys.argv[2]
ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def code(i: int) -> str:
    head = "9132" + f"{i:07d}" + "ABCDEF"
    s = sum(ALPHABET.index(c) * w for c, w in zip(head, WEIGHTS))
    r = 31 - s % 31
    return head + ALPHABET[0 if r == 31 else r]


def call(method, path, body=None, content_type="application/json"):
    data = body if isinstance(body, (bytes, type(None))) else json.dumps(body).encode()
    req = urllib.request.Request(BASE + path, data=data, method=method, headers={"Authorization": "Bearer " + TOKEN, "Content-Type": content_type})
    t = time.perf_counter()
    with urllib.request.urlopen(req, timeout=300) as r:
        payload = r.read()
    elapsed = time.perf_counter() - t
    try:
        return json.loads(payload or b"null"), elapsed
    except ValueError:
        return payload.decode("utf-8", "replace"), elapsed


def main() -> int:
    rng = random.Random(7)
    # Search as you type: the prefixes of pinyin initials and of names, one to three keystrokes.
    words = ["h", "hx", "hxw", "r", "rk", "bc", "tian", "zl", "k", "kc", "xin", "微", "微电", "生物", "9132", "智能"]
    times = []
    for _ in range(600):
        q = rng.choice(words)
        _, t = call("GET", "/api/v1/enterprises?limit=10&q=" + urllib.parse.quote(q))
        times.append(t * 1000)
    times.sort()
    print(f"registry_search_ms={times[len(times) // 2]:.1f} {times[int(len(times) * 0.99)]:.1f}")

    indicators, _ = call("GET", "/api/v1/indicators")
    year = time.gmtime().tm_year
    cold = []
    for k, ind in enumerate(i for i in indicators if i.get("formula") in ("rdCoverage", "patentCoverage", "hnteCount")):
        call("POST", "/api/v1/enterprises", {"creditCode": code(900_000 + k), "name": f"压测写入企业{k}号有限公司"})
        _, t = call("GET", f"/api/v1/indicators/{ind['id']}/values?year={year}")
        cold.append(t)
    print("registry_indicator_seconds=" + " ".join(f"{t:.3f}" for t in cold))

    lines = ["统一社会信用代码,企业名称,产业链,行业代码,年度,营业收入,研发费用,从业人员,科技人员,是否规上"]
    for i in range(20_000):
        lines.append(f"{code(i)},导入企业{i}号有限公司,新材料,C2651,{year - 1},{1000 + i % 5000},{50 + i % 300},{20 + i % 300},{5 + i % 20},{'是' if i % 3 == 0 else '否'}")
    boundary = "----bench" + uuid.uuid4().hex
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"registry.csv\"\r\nContent-Type: text/csv\r\n\r\n").encode() \
        + "\n".join(lines).encode() + f"\r\n--{boundary}--\r\n".encode()
    page, t = call("POST", "/enterprises/import", body, content_type=f"multipart/form-data; boundary={boundary}")
    ok = isinstance(page, str) and "新登记20000家企业" in page
    print(f"registry_import_seconds={t:.2f}" + ("" if ok else " (failed)"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
