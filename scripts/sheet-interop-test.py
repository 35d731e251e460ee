#!/usr/bin/env python3
"""The task sheet (任务分解表) against the spreadsheets offices really send: Excel-style files written by
openpyxl, files LibreOffice wrote, CSV, and the app's own export and template.

Usage: python3 scripts/sheet-interop-test.py [PATH/TO/guatu]      (default .build/debug/guatu)
Starts `guatu serve --demo` on a temporary SQLite file (loopback, a free port), gets an API token with
`guatu user token office` and a browser session for the office user, then checks:

  1. the template opens in openpyxl, has list drop-downs over 责任单位, and its 选项 sheet is hidden;
  2. the export re-imported unchanged is "nothing to do" (0 created, 0 updated, every row unchanged);
  3. the export after LibreOffice (resaved as .xlsx, and as UTF-8 CSV) is still "nothing to do";
  4. an office-style sheet (title row, other header names, a new plan and work point in merged cells, four
     date forms, two co-units in one cell, a hidden row, a formula, empty rows), as openpyxl and as LibreOffice
     wrote it: preview, apply, read back through the API, re-import creates nothing;
  5. the export edited in openpyxl (one 完成时限, one 责任人) updates exactly those two tasks;
  6. one misspelt unit refuses the whole sheet (422 naming the cell and the closest unit), nothing is created;
  7. a preview's fingerprint goes stale when a task it touches is edited: the apply is refused (409);
  8. a 5,000-row sheet: the time its apply takes (a figure, not an assertion).
Needs openpyxl and LibreOffice (soffice). Prints `sheet-interop: N passed, M failed`; exits 1 on any failure.
"""
import datetime, http.cookiejar, io, json, os, re, shutil, signal, socket, subprocess, sys, tempfile, time
import urllib.error, urllib.parse, urllib.request, zipfile

import openpyxl
from openpyxl.styles import Border, Side
from openpyxl.utils import get_column_letter

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
YEAR = 2026
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
TMP = tempfile.mkdtemp(prefix="guatu-sheet-interop-")
RESULTS = []
BASE = TOKEN = None


def check(what, ok, detail=""):
    RESULTS.append(bool(ok))
    print(f"sheet-interop:   {'ok' if ok else '✗ '}   {what}: {detail}", flush=True)


# --- the server -----------------------------------------------------------------------------------------------

def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(binary, env, port, log):
    p = subprocess.Popen([binary, "serve", "--demo", "--hostname", "127.0.0.1", "--port", str(port)], cwd=ROOT, env=env,
                         stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    for _ in range(480):
        if p.poll() is not None:
            break
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1)
            return p
        except Exception:
            time.sleep(0.25)
    stop_server(p)
    log.flush()
    raise SystemExit("sheet-interop: the server did not start\n" + open(log.name, errors="replace").read()[-2000:])


def stop_server(p):
    for sig, wait in ((signal.SIGTERM, 15), (signal.SIGKILL, 5)):
        try:
            os.killpg(p.pid, sig)
            p.wait(timeout=wait)
            return
        except ProcessLookupError:
            return
        except subprocess.TimeoutExpired:
            continue


def api(method, path, body=None, ctype="application/json", timeout=60):
    data = body if body is None or isinstance(body, bytes) else json.dumps(body).encode()
    req = urllib.request.Request(BASE + path, method=method, data=data,
                                 headers={"Authorization": "Bearer " + TOKEN, "Content-Type": ctype})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            status, raw = r.status, r.read()
    except urllib.error.HTTPError as e:
        status, raw = e.code, e.read()
    try:
        return status, json.loads(raw or b"{}")
    except ValueError:
        return status, {"raw": raw[:300].decode(errors="replace")}


def import_sheet(path, dry, fingerprint=None, ctype=XLSX, timeout=60):
    q = f"/api/v1/tasks/import?year={YEAR}&dryRun={'true' if dry else 'false'}"
    if fingerprint:
        q += "&fingerprint=" + urllib.parse.quote(fingerprint)
    with open(path, "rb") as f:
        return api("POST", q, f.read(), ctype=ctype, timeout=timeout)


def summary(status, out):
    if "created" not in out:
        return f"HTTP {status} {json.dumps(out, ensure_ascii=False)[:400]}"
    named = lambda xs: str(xs) if len(xs) <= 3 else f"{len(xs)} ({xs[0]} … {xs[-1]})"
    return (f"HTTP {status}, created {len(out['created'])}, updated {len(out['updated'])}, unchanged {out['unchanged']}"
            + (f", new plans {named(out['newPlans'])}" if out["newPlans"] else "")
            + (f", new work points {named(out['newWorkPoints'])}" if out["newWorkPoints"] else ""))


def nothing_to_do(status, out, rows):
    return status == 200 and out.get("created") == [] and out.get("updated") == [] and out.get("unchanged") == rows


def task_total():
    return api("GET", f"/api/v1/tasks?year={YEAR}&limit=1")[1]["total"]


def browser_session():
    """A signed-in opener for the web pages (the exports are not in the API)."""
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
    page = opener.open(BASE + "/login", timeout=30).read().decode()
    csrf = re.search(r'name="_csrf" value="([^"]+)"', page).group(1)
    form = urllib.parse.urlencode({"username": "office", "password": "Guatu@2026", "_csrf": csrf}).encode()
    opener.open(BASE + "/login", data=form, timeout=30)
    return opener


def download(opener, path, name):
    with opener.open(BASE + path, timeout=60) as r:
        data = r.read()
        if not data.startswith(b"PK"):
            raise RuntimeError(f"{path}: not an .xlsx (HTTP {r.status}, {r.headers.get('Content-Type')})")
    out = os.path.join(TMP, name)
    with open(out, "wb") as f:
        f.write(data)
    return out


# --- LibreOffice ------------------------------------------------------------------------------------------------

def soffice(src, fmt, ext):
    """`src` converted by LibreOffice (a private profile, so parallel runs do not share one); the new file's path."""
    outdir = tempfile.mkdtemp(dir=TMP, prefix="lo-")
    profile = "file://" + os.path.join(TMP, "lo-profile")
    r = subprocess.run(["soffice", "--headless", "--norestore", f"-env:UserInstallation={profile}", "--convert-to", fmt,
                        "--outdir", outdir, src], capture_output=True, text=True, timeout=180)
    out = os.path.join(outdir, os.path.splitext(os.path.basename(src))[0] + "." + ext)
    if not os.path.exists(out):
        raise RuntimeError(f"soffice --convert-to {fmt} wrote nothing: {(r.stdout + r.stderr)[-300:]}")
    if ext == "xlsx":   # make sure the file under test is LibreOffice's own writing, not a copy
        with zipfile.ZipFile(out) as z:
            if b"LibreOffice" not in z.read("docProps/app.xml"):
                raise RuntimeError(f"{out} does not say LibreOffice wrote it")
    return out


CSV_UTF8 = 'csv:Text - txt - csv (StarCalc):44,34,76,1'


# --- sheets -----------------------------------------------------------------------------------------------------

def header_columns(ws, row=2):
    """Header text without the required-column star → 1-based column."""
    return {str(c.value).rstrip("*"): c.column for c in ws[row] if c.value}


def data_rows(path):
    ws = openpyxl.load_workbook(path)["任务分解表"]
    title = header_columns(ws)["任务名称"]
    return [r for r in range(3, ws.max_row + 1) if ws.cell(r, title).value]


NEW_PLAN, NEW_WP = "人工智能产业培育计划", "一、建设人工智能算力公共服务平台"
OLD_PLAN, OLD_WP = "科创生态培育计划", "打造“创业苗圃+孵化器+加速器+产业园区”生态孵化产业链条"
# (title, owner, co-units, deadline as typed, ISO deadline); row 8 is hidden, rows 6, 10 and 11 empty.
OFFICE_ROWS = {
    3: ("建设算力调度平台一期", "科技创新局", "经济发展局、创业服务中心", "2026-06-30", "2026-06-30"),
    4: ("出台算力券管理办法", "经济发展局", "", "2026/9/30", "2026-09-30"),
    5: ("组织算力供需对接会", "创业服务中心", "", "2026年10月15日", "2026-10-15"),
    7: ("更新孵化载体运营台账（半年）", "科技创新局", "", "6月底", "2026-06-30"),
    8: ("已取消的任务（隐藏行）", "科技创新局", "", "二季度末", "2026-06-30"),
    9: ("开展孵化载体绩效评价", "创业服务中心", "知识产权运营服务中心", "二季度末", "2026-06-30"),
}
HIDDEN_ROW = 8


def office_sheet(path):
    """A sheet as an office makes it by hand in Excel."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "科技创新专项"
    ws["A1"] = f"{YEAR}年度科技创新专项工作任务清单"
    ws.merge_cells("A1:I1")
    for i, h in enumerate(["序号", "计划", "工作要点", "任务名称", "牵头单位", "配合单位", "分管领导", "完成时间", "权重"], 1):
        ws.cell(2, i, h)
    for n, (line, (title, owner, co, deadline, _)) in enumerate(OFFICE_ROWS.items(), 1):
        ws.cell(line, 1, n)
        if line >= 7:
            ws.cell(line, 2, OLD_PLAN)
            ws.cell(line, 3, OLD_WP)
        for col, v in ((4, title), (5, owner), (6, co), (8, deadline)):
            if v:
                ws.cell(line, col, v)
    ws["B3"], ws["C3"], ws["G3"] = NEW_PLAN, NEW_WP, "刘海涛"   # written once, merged down over three rows
    ws.merge_cells("B3:B5")
    ws.merge_cells("C3:C5")
    ws["I3"] = "=1+1"                                                # 权重 as a formula
    ws["I4"] = 1
    ws.row_dimensions[HIDDEN_ROW].hidden = True
    # Empty rows: row 6 bordered with a blank in 任务名称, row 10 a full-width space only, row 11 nothing at all.
    thin = Side(style="thin")
    for c in "ABCDEFGHI":
        ws[f"{c}6"].border = Border(top=thin, bottom=thin, left=thin, right=thin)
    ws["D6"], ws["D10"] = " ", "\u3000"
    ws["A12"] = "注：本表由区科技创新局汇总。"                         # a note under the table (no title: not a task)
    wb.save(path)


def small_sheet(path, headers, rows):
    """The template's layout (title in row 1, header in row 2) with only the given columns."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "任务分解表"
    ws.append([f"{YEAR}年度任务分解表"])
    ws.append(headers)
    for r in rows:
        ws.append(r)
    wb.save(path)


# --- the checks -------------------------------------------------------------------------------------------------

def check_template(opener):
    path = download(opener, f"/tasks/import-template.xlsx?year={YEAR}", "template.xlsx")
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    owner = get_column_letter(header_columns(ws)["责任单位"])
    lists = [dv for dv in ws.data_validations.dataValidation if dv.type == "list"]
    covering = [dv for dv in lists if f"{owner}3" in dv.sqref and f"{owner}200" in dv.sqref]
    check("template: drop-down over 责任单位", covering,
          f"{len(lists)} list validations; over column {owner}: " + ", ".join(f"{dv.sqref} = {dv.formula1}" for dv in covering))
    state = wb["选项"].sheet_state if "选项" in wb.sheetnames else "missing"
    check("template: the 选项 sheet is hidden", state == "hidden", f"sheets {wb.sheetnames}, 选项 is {state}")


def check_round_trip(export, rows):
    status, out = import_sheet(export, dry=True)
    check("round trip: the export re-imported", nothing_to_do(status, out, len(rows)), f"{len(rows)} data rows; " + summary(status, out))


def check_libreoffice(export, rows):
    lo = soffice(export, "xlsx", "xlsx")
    status, out = import_sheet(lo, dry=True)
    check("LibreOffice: the export resaved as .xlsx", nothing_to_do(status, out, len(rows)), summary(status, out))
    csv = soffice(export, CSV_UTF8, "csv")
    status, out = import_sheet(csv, dry=True, ctype="text/csv")
    check("LibreOffice: the export saved as UTF-8 CSV", nothing_to_do(status, out, len(rows)), summary(status, out))


def check_office_sheet():
    excel = os.path.join(TMP, "office.xlsx")
    office_sheet(excel)
    lo = soffice(excel, "xlsx", "xlsx")
    visible = {line: row for line, row in OFFICE_ROWS.items() if line != HIDDEN_ROW}
    n = len(visible)
    for name, path in (("openpyxl", excel), ("LibreOffice", lo)):
        status, out = import_sheet(path, dry=True)
        ok = (status == 200 and out["newPlans"] == [NEW_PLAN] and len(out["newWorkPoints"]) == 1 and NEW_WP.endswith(out["newWorkPoints"][0])
              and sorted(c["line"] for c in out["created"]) == sorted(visible) and not out["updated"])
        check(f"office sheet ({name}): preview", ok, summary(status, out))
        hidden_noted = any("隐藏" in note and str(HIDDEN_ROW) in note for note in out.get("notes", []))
        check(f"office sheet ({name}): the hidden row is left out and noted", hidden_noted, "; ".join(out.get("notes", [])) or "no notes")
    status, out = import_sheet(lo, dry=False)
    check("office sheet: applied", status == 201 and len(out.get("created", [])) == n, summary(status, out))
    wrong = []
    for c in out.get("created", []):
        _, t = api("GET", f"/api/v1/tasks/{c['id']}")
        title, _, co, _, iso = OFFICE_ROWS[c["line"]]
        if t.get("title") != title or t.get("deadline") != iso:
            wrong.append(f"line {c['line']}: {t.get('title')} {t.get('deadline')} (expected {iso})")
        if co and len(t.get("coUnitIds", [])) != len(co.split("、")):
            wrong.append(f"line {c['line']}: coUnitIds {t.get('coUnitIds')} (expected {co})")
        if c["line"] == 3 and t.get("weight") != 2:
            wrong.append(f"line 3: weight {t.get('weight')} (expected 2, the formula's cached value)")
    check("office sheet: read back through the API", out.get("created") and not wrong,
          "; ".join(wrong) or f"{n} tasks with their deadlines, two co-units in one cell, weight =1+1 → 2")
    for name, path in (("openpyxl", excel), ("LibreOffice", lo)):
        status, out = import_sheet(path, dry=True)
        check(f"office sheet ({name}): re-import creates nothing", nothing_to_do(status, out, n) and not out["newPlans"] and not out["newWorkPoints"],
              summary(status, out))


def check_edited_export(export):
    wb = openpyxl.load_workbook(export)
    ws = wb["任务分解表"]
    col = header_columns(ws)
    a, b = 3, 4   # the first two tasks
    ids = (ws.cell(a, col["任务编号"]).value, ws.cell(b, col["任务编号"]).value)
    new_deadline = ws.cell(a, col["完成时限"]).value + datetime.timedelta(days=7)
    ws.cell(a, col["完成时限"]).value = new_deadline
    ws.cell(b, col["责任人"]).value = "周测试"
    edited = os.path.join(TMP, "export-edited.xlsx")
    wb.save(edited)
    status, out = import_sheet(edited, dry=False)
    fields = {u["id"]: [f["field"] for f in u["fields"]] for u in out.get("updated", [])}
    ok = status == 201 and not out["created"] and fields == {ids[0]: ["完成时限"], ids[1]: ["责任人"]}
    check("edited export: exactly two tasks updated", ok, summary(status, out) + f"; fields {fields}")
    _, ta = api("GET", f"/api/v1/tasks/{ids[0]}")
    _, tb = api("GET", f"/api/v1/tasks/{ids[1]}")
    ok = ta.get("deadline") == new_deadline.date().isoformat() and tb.get("responsiblePerson") == "周测试"
    check("edited export: the changes are stored", ok, f"#{ids[0]} deadline {ta.get('deadline')}, #{ids[1]} 责任人 {tb.get('responsiblePerson')}")


def check_bad_sheet():
    before = task_total()
    path = os.path.join(TMP, "bad.xlsx")
    # The template's columns up to 责任单位, which is column F; the third task (row 5) has a misspelt unit.
    rows = [[None, OLD_PLAN, OLD_WP, f"坏表测试{n}", "任务", unit, "2026-12-31"]
            for n, unit in (("一", "科技创新局"), ("二", "经济发展局"), ("三", "科技创心局"), ("四", "创业服务中心"))]
    small_sheet(path, ["任务编号", "计划", "工作要点", "任务名称", "类型", "责任单位", "完成时限"], rows)
    status, out = import_sheet(path, dry=False)
    errors = out.get("errors", [])
    ok = (status == 422 and (out.get("error") or {}).get("code") == "import_rejected" and len(errors) == 1 and errors[0].get("cell") == "F5"
          and "是否为“科技创新局”？" in errors[0].get("message", ""))
    check("bad sheet: refused, naming the cell and the closest unit", ok, f"HTTP {status} {json.dumps(errors, ensure_ascii=False)[:300]}")
    after = task_total()
    check("bad sheet: all or nothing", after == before, f"{before} tasks before, {after} after")


def check_stale_fingerprint(export):
    ws = openpyxl.load_workbook(export)["任务分解表"]
    col = header_columns(ws)
    names = ["任务编号", "计划", "工作要点", "任务名称", "责任单位", "完成时限", "责任人"]
    rows = [[ws.cell(r, col[h]).value for h in names] for r in (5, 6)]
    for r in rows:
        r[-1] = "吴预览"
    path = os.path.join(TMP, "stale.xlsx")
    small_sheet(path, names, rows)
    status, preview = import_sheet(path, dry=True)
    check("stale fingerprint: preview", status == 200 and len(preview.get("updated", [])) == 2 and preview.get("fingerprint"),
          summary(status, preview) + f", fingerprint {preview.get('fingerprint', '')[:16]}…")
    first, second = rows[0][0], rows[1][0]
    _, t = api("GET", f"/api/v1/tasks/{first}")
    status, _ = api("PATCH", f"/api/v1/tasks/{first}", {"version": t["version"], "title": t["title"] + "（已调整）"})
    check("stale fingerprint: a task of the sheet edited through the API", status == 200, f"PATCH #{first} → HTTP {status}")
    before = api("GET", f"/api/v1/tasks/{second}")[1]
    status, out = import_sheet(path, dry=False, fingerprint=preview.get("fingerprint"))
    after = api("GET", f"/api/v1/tasks/{second}")[1]
    check("stale fingerprint: the apply is refused", status == 409, f"HTTP {status} {json.dumps(out, ensure_ascii=False)[:200]}")
    check("stale fingerprint: nothing applied", after.get("responsiblePerson") == before.get("responsiblePerson") != "吴预览"
          and after.get("version") == before.get("version"), f"#{second} 责任人 {after.get('responsiblePerson')}, version {after.get('version')}")


def check_performance():
    path = os.path.join(TMP, "big.xlsx")
    units = ["科技创新局", "经济发展局", "创业服务中心", "投资促进局", "财政金融局"]
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("任务分解表")
    ws.append([f"{YEAR}年度性能测试任务分解表"])
    ws.append(["计划", "工作要点", "任务名称", "责任单位", "配合单位", "完成时限", "责任人"])
    for w in range(50):
        for t in range(100):
            ws.append(["性能测试计划", f"性能测试工作要点{w + 1:02d}", f"性能测试任务{w + 1:02d}-{t + 1:03d}", units[t % 5],
                       units[(t + 1) % 5], f"2026-{(t % 12) + 1:02d}-28", f"经办人{t % 7}"])
    wb.save(path)
    started = time.monotonic()
    status, out = import_sheet(path, dry=False, timeout=900)
    seconds = time.monotonic() - started
    check("5,000-row sheet: applied", status == 201 and len(out.get("created", [])) == 5000 and len(out.get("newWorkPoints", [])) == 50,
          summary(status, out))
    print(f"sheet-interop: figure 5,000-row sheet ({os.path.getsize(path) // 1024} KB): apply took {seconds:.1f} s", flush=True)


# --- main -------------------------------------------------------------------------------------------------------

def main():
    global BASE, TOKEN
    binary = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build/debug/guatu")
    if not shutil.which("soffice"):
        raise SystemExit("sheet-interop: LibreOffice (soffice) is not installed")
    port = free_port()
    BASE = f"http://127.0.0.1:{port}"
    env = dict(os.environ, DATABASE_URL=f"sqlite:///{TMP}/sheet.sqlite", GUATU_DATA_DIR=TMP,
               GUATU_BCRYPT_COST="4", GUATU_RATE_API="0")
    env.pop("GUATU_BENCH", None)
    log = open(os.path.join(TMP, "server.log"), "wb")
    server = start_server(binary, env, port, log)
    try:
        r = subprocess.run([binary, "user", "token", "office"], cwd=ROOT, env=env, capture_output=True, text=True)
        TOKEN = r.stdout.strip().splitlines()[-1]
        opener = browser_session()
        export = download(opener, f"/matrix.xlsx?year={YEAR}", "export.xlsx")
        rows = data_rows(export)
        print(f"sheet-interop: server on {BASE}, work files in {TMP}; the export has {len(rows)} tasks", flush=True)
        steps = [("template", lambda: check_template(opener)), ("round trip", lambda: check_round_trip(export, rows)),
                 ("LibreOffice", lambda: check_libreoffice(export, rows)), ("office sheet", check_office_sheet),
                 ("edited export", lambda: check_edited_export(export)), ("bad sheet", check_bad_sheet),
                 ("stale fingerprint", lambda: check_stale_fingerprint(export)), ("5,000-row sheet", check_performance)]
        for name, step in steps:
            try:
                step()
            except Exception as e:   # one broken step is a failure, not the end of the run
                check(name, False, f"{type(e).__name__}: {e}")
    finally:
        stop_server(server)
        log.close()
    failed = RESULTS.count(False)
    print(f"sheet-interop: {len(RESULTS) - failed} passed, {failed} failed")
    if failed:
        print(f"sheet-interop: files and the server log kept in {TMP}")
    else:
        shutil.rmtree(TMP, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
