#!/usr/bin/env bash
# The command line's exact contracts, checked on the built binary: scripts/cli-test.sh PATH/TO/guatu
# Each check: the command, the exact stdout expected, and the exit status. Prints
# `cli-test: N passed, M failed` and exits non-zero on a failure.
set -uo pipefail
BIN="$1"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
export DATABASE_URL="sqlite:///$TMP/cli.sqlite" GUATU_BCRYPT_COST=4
pass=0; fail=0
check() {   # check EXPECTED_STATUS EXPECTED_STDOUT ARGS...
    local want_rc="$1" want="$2"; shift 2
    local got rc
    got="$("$BIN" "$@" 2>"$TMP/stderr")"; rc=$?
    if [ "$rc" = "$want_rc" ] && [ "$got" = "$want" ]; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "cli-test: FAIL guatu $*: status $rc (want $want_rc), stdout '$got' (want '$want'), stderr: $(head -c 300 "$TMP/stderr")"
    fi
}
# Facts from the State Council notices (2026: 国庆 10-01..10-07 off, make-up 09-20 and 10-10).
check 0 "holiday 国庆节"         calendar day 2026-10-01
check 0 "makeup-workday 国庆节"  calendar day 2026-10-10
check 0 "weekend"               calendar day 2026-10-11
check 0 "workday"               calendar day 2026-10-12
check 0 "holiday 元旦"           calendar day 2023-12-30
check 0 "5"                     calendar workdays 2026-09-28 2026-10-09
check 0 "0"                     calendar workdays 2026-10-01 2026-10-07
check 0 "248"                   calendar workdays 2026-01-01 2026-12-31
check 0 "2026-10-08"            calendar add 2026-09-30 1
check 0 "2026-09-28"            calendar add 2026-10-08 -3
check 0 "2026-10-01"            calendar add 2026-10-01 0
check 2 ""                      calendar day 2026-02-30
check 2 ""                      calendar add 2026-10-01 x
check 2 ""                      calendar nonsense
# A year with no notice: weekends only, and a warning on stderr.
check 0 "workday"               calendar day 2027-02-08
if grep -q "2027年的国务院节假日安排尚未录入" "$TMP/stderr"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "cli-test: FAIL no warning for 2027"; fi
# Loading next year's notice makes it count, without a release.
cat >"$TMP/2027.json" <<'JSON'
{"year": 2027, "title": "国务院办公厅关于2027年部分节假日安排的通知（测试）", "doc_no": "测试〔2026〕1号", "issued": "2026-11-05",
 "holidays": [{"name": "春节", "dates": ["2027-02-05","2027-02-06","2027-02-07","2027-02-08","2027-02-09","2027-02-10","2027-02-11"], "makeup_workdays": ["2027-02-13"]}]}
JSON
"$BIN" calendar load "$TMP/2027.json" >/dev/null 2>&1 || { fail=$((fail + 1)); echo "cli-test: FAIL calendar load"; }
check 0 "holiday 春节"           calendar day 2027-02-08
check 0 "makeup-workday 春节"    calendar day 2027-02-13
echo '{"year": 2027, "holidays": "x"}' >"$TMP/bad.json"
check 2 ""                      calendar load "$TMP/bad.json"
check 0 "holiday 春节"           calendar day 2027-02-08
# guatu schedule: A(5) → B(3) → milestone C, project deadline 2026-10-09 (across 中秋 and 国庆),
# today 2026-09-14. Worked by hand: B starts on the make-up Sunday 09-20; A may start as late as
# 09-22 (09-25 is 中秋, 09-26/27 a weekend); every task has 7 working days of float.
cat >"$TMP/sched.json" <<'JSON'
{"deadline": "2026-10-09", "tasks": [{"id": "A", "duration": 5}, {"id": "B", "duration": 3, "predecessors": ["A"]}, {"id": "C", "duration": 0, "predecessors": [{"id": "B", "lag": 0}]}]}
JSON
check 0 '{"tasks":[{"id":"A","earliest_start":"2026-09-14","earliest_finish":"2026-09-18","latest_start":"2026-09-22","latest_finish":"2026-09-29","float":7,"critical":true},{"id":"B","earliest_start":"2026-09-20","earliest_finish":"2026-09-22","latest_start":"2026-09-30","latest_finish":"2026-10-09","float":7,"critical":true},{"id":"C","earliest_start":"2026-09-22","earliest_finish":"2026-09-22","latest_start":"2026-10-09","latest_finish":"2026-10-09","float":7,"critical":true}],"critical_path":["A","B","C"],"infeasible":[]}' \
    schedule --input "$TMP/sched.json" --today 2026-09-14
echo '{"tasks":[{"id":"A","duration":1,"predecessors":["B"]},{"id":"B","duration":1,"predecessors":["A"]}]}' >"$TMP/cycle.json"
check 2 "" schedule --input "$TMP/cycle.json"
if grep -q "A → B → A" "$TMP/stderr"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "cli-test: FAIL cycle message does not name the tasks"; fi
echo '{"tasks":[{"id":"A","duration":-1}]}' >"$TMP/neg.json"
check 2 "" schedule --input "$TMP/neg.json"
check 2 "" schedule --input "$TMP/missing.json"
# guatu score: reference cases from ../shared/reference/mcda-cases.json (AHP 3×3: CR 0.003185, weights
# 0.648329 / 0.229651 / 0.12202; TOPSIS closeness A 0.625248, B 0.594087, C 0.490308, D 0.218908 — read back by Python).
cat >"$TMP/ahp.json" <<'JSON'
{"method": "ahp", "pairwise": [[1, 3, 5], ["1/3", 1, 2], ["1/5", "1/2", 1]]}
JSON
cat >"$TMP/topsis.json" <<'JSON'
{"method": "topsis", "units": ["A", "B", "C", "D"],
 "indicators": [{"key": "completion_rate", "type": "benefit", "weight": 0.4}, {"key": "investment", "type": "benefit", "weight": 0.4},
                {"key": "issues", "type": "cost", "weight": 0.2}],
 "matrix": [[95, 12, 3], [88, 15, 5], [92, 9, 2], [80, 11, 6]]}
JSON
score_check() {   # score_check FILE PYTHON-ASSERTION-ON-d
    local out rc
    out="$("$BIN" score --input "$1" 2>"$TMP/stderr")"; rc=$?
    if [ "$rc" = 0 ] && python3 -c "import json,sys; d=json.loads(sys.argv[1]); assert $2, d" "$out" 2>>"$TMP/stderr"; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1)); echo "cli-test: FAIL guatu score --input $1: status $rc, stdout '$out', stderr: $(head -c 300 "$TMP/stderr")"
    fi
}
score_check "$TMP/ahp.json" "abs(d['cr'] - 0.003185) < 1e-5 and d['consistent'] is True and [round(w, 6) for w in d['weights']] == [0.648329, 0.229651, 0.12202]"
score_check "$TMP/topsis.json" "d['ranks'] == {'A': 1, 'B': 2, 'C': 3, 'D': 4} and [round(d['scores'][u], 6) for u in 'ABCD'] == [0.625248, 0.594087, 0.490308, 0.218908]"
echo '{"method": "topsis", "units": ["A", "B"], "indicators": [{"key": "x", "type": "benefit", "weight": 1}], "matrix": [[1], [2, 3]]}' >"$TMP/ragged.json"
check 2 ""                      score --input "$TMP/ragged.json"
echo '{"method": "ahp", "pairwise": [[1, 3], [3, 1]]}' >"$TMP/nonrecip.json"
check 2 ""                      score --input "$TMP/nonrecip.json"
echo '{"method": "weighted", "units": ["A"], "indicators": [{"key": "x", "type": "benefit", "weight": 0.5}], "matrix": [["九十"]]}' >"$TMP/nonnum.json"
check 2 ""                      score --input "$TMP/nonnum.json"
echo "cli-test: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
