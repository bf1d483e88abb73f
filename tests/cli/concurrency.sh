#!/usr/bin/env bash
# One indexer per database: a second gets "locked by another indexer (pid N)" (exit 3), or waits
# with --wait. Searches while an indexer commits always answer.
# Usage: concurrency.sh GAZETTE_INDEX GAZETTE_SEARCH
set -uo pipefail
index=$1 search=$2
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"
db="$tmp/db"
mkdir -p "$tmp/reports"
make_text_reports "$tmp/reports" 3
"$index" --db "$db" --quiet "$tmp/reports" || fail "first index"

# An indexer reading a feed from a pipe holds the database as long as the pipe is open.
mkfifo "$tmp/feed"
"$index" --db "$db" --quiet - <"$tmp/feed" &
first=$!
exec 3>"$tmp/feed"
make_feed 1 5 >&3
sleep 0.5

"$index" --db "$db" "$tmp/reports" >"$tmp/out" 2>"$tmp/err" 3>&-
code=$?
[ "$code" -eq 3 ] || fail "second indexer: exit $code, want 3"
grep -qx "gazette-index: database $db is locked by another indexer (pid $first) (wait for it to finish, or pass --wait to queue behind it)" \
  "$tmp/err" || fail "second indexer: $(cat "$tmp/err")"

"$index" --db "$db" --wait --json "$tmp/reports" >"$tmp/out" 2>"$tmp/err" 3>&- &
waiting=$!
sleep 0.5
kill -0 "$waiting" 2>/dev/null || fail "--wait did not wait"
grep -q "waiting for the indexer with pid $first to finish" "$tmp/err" || fail "--wait: $(cat "$tmp/err")"
exec 3>&-  # the feed ends: the first indexer commits and lets go
wait "$first" || fail "the first indexer failed"
wait "$waiting" || fail "the waiting indexer failed: $(cat "$tmp/err")"
json 'assert j["unchanged"] == 3 and j["total"] == 8, j' <"$tmp/out" || fail "--wait: $(cat "$tmp/out")"
[ -e "$db/flintlock" ] && [ -e "$db/gazette.lock" ] || fail "a lock file was deleted"

# Searches while an indexer commits small batches: every one answers, none sees half a report.
make_text_reports "$tmp/many" 800
"$index" --db "$db" --batch 4 --jobs 1 --quiet "$tmp/many" &
busy=$!
searches=0
while kill -0 "$busy" 2>/dev/null || [ "$searches" -lt 3 ]; do
  "$search" --db "$db" --json --facets --limit 50 'kursk OR troops' >"$tmp/found.$searches" 2>"$tmp/err"
  code=$?
  [ "$code" -eq 0 ] || { fail "a search during indexing: exit $code: $(cat "$tmp/err")"; break; }
  searches=$((searches + 1))
done
wait "$busy" || fail "the busy indexer failed"
python3 - "$tmp"/found.* <<'PY' || fail "a search during indexing saw a half-written report"
import json, sys
totals = []
for name in sys.argv[1:]:
    j = json.load(open(name))
    for r in j["results"]:
        if r["id"].startswith("t"):
            assert r["title"] == "Text report " + r["id"][1:], r
            assert r["outlet"] == "Text Outlet" and r["snippet"], r
    assert sum(f["count"] for f in j["facets"]["outlet"]) == j["total"], j["facets"]
    totals.append((int(name.rsplit(".", 1)[1]), j["total"]))
totals = [t for _, t in sorted(totals)]
assert totals == sorted(totals), totals  # commits only add reports here
PY
# 800 reports (three of them the first run's t0-t2, unchanged), and the 5 of the feed.
[ "$(doc_count "$db")" -eq 805 ] || fail "after the busy run: $(doc_count "$db") reports"
[ "$searches" -ge 5 ] || fail "only $searches searches ran while indexing"
echo "$searches searches during indexing"

finish cli.concurrency
