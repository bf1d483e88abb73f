#!/usr/bin/env bash
# End to end, issue 4: publication dates, the dates reports mention, date facets and timelines.
# Usage: time.sh GAZETTE_INDEX GAZETTE_SEARCH CORPUS_DIR
set -euo pipefail
index=$1 search=$2 corpus=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export GAZETTE_DB="$tmp/db"
export GAZETTE_TODAY=2025-02-03  # a Monday: relative dates are reproducible
fail() { echo "FAIL: $*" >&2; exit 1; }
json() { python3 -c "import json,sys; j=json.load(sys.stdin); $1"; }
ids() { python3 -c "import json,sys; print(' '.join(sorted(r['id'][:3] for r in json.load(sys.stdin)['results'])))"; }

"$index" --quiet "$corpus/reports"

# The seeds: the two reports of that day; 002 (undated) only in undated counts.
[ "$("$search" --json 'date:2025-01-31' | ids)" = "001 004" ] || fail "date:2025-01-31"
"$search" --json --facets --limit 0 troops | json '
f = j["facets"]
assert f["missing"]["date"] == 1, f["missing"]
assert sum(b["count"] for b in f["date_histogram"]["buckets"]) == 4
assert f["date_histogram"]["bucket"] == "day"
assert [b["label"] for b in f["date_histogram"]["buckets"]] == [
    "2025-01-27", "2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31", "2025-02-01"]
assert f["date"] == [{"value": "2025-01", "count": 3}, {"value": "2025-02", "count": 1}]'

# Range forms and relative dates (today is 2025-02-03); the unit tests try every form.
check() {  # check EXPECTED_IDS ARGS...
  local want=$1
  shift
  local got
  got=$("$search" --json --limit 100 "$@" | ids)
  [ "$got" = "$want" ] || fail "$*: got '$got', want '$want'"
}
check "001 003 004" 'date:2025-01-28..2025-02'
check "001 003 004" 'date:2025-01-31..'
check "000 001 003 004" 'date:7d..'
check "003" 'date:this-month'
check "000 001 004" troops --from last-month --to last-month

# --sort date: newest first, the undated last.
order=$("$search" --json --sort date troops | python3 -c "import json,sys; print(' '.join(r['id'][:3] for r in json.load(sys.stdin)['results']))")
[ "${order:0:3}" = "003" ] && [ "${order: -3}" = "002" ] || fail "--sort date: $order"

# Mentioned dates: a second filter and facet, with the text they came from.
check "001 004" 'mentions:2024-11'
check "003" 'mentions:2022-02'
check "001 004" troops --mentions-from 2024-08 --mentions-to 2024-08
check "000" troops --mentions-from 2025-04
"$search" --json --facets 'id:001_3c87959d9f703bea' | json '
m = {x["text"]: x for x in j["results"][0]["mentions"]}
assert m["in November"]["value"] == "2024-11", m
assert m["last August"]["granularity"] == "month"
assert m["on Friday"]["first"] == "2025-01-31"
assert m["Earlier this week"]["first"] == "2025-01-27" and m["Earlier this week"]["last"] == "2025-01-30"
assert {"value": "2024-08", "count": 1} in j["facets"]["mentions"]'

# The terminal: a bar chart of dates and the months mentioned.
out=$("$search" --facets troops)
grep -q "^Dates by day:" <<<"$out" || fail "no histogram: $out"
grep -q "^  2025-01-31 2 █" <<<"$out" || fail "no bar for 2025-01-31: $out"
grep -q "^  (undated)  1 █" <<<"$out" || fail "no undated bar: $out"
grep -q "^Mentions: 2022-02 1 · 2024-08 2" <<<"$out" || fail "mentions line: $out"

# Bad dates: one line and exit 2.
set +e
err=$("$search" 'mentions:2024-13' 2>&1 >/dev/null); code=$?
[ "$code" -eq 2 ] && grep -q "bad date '2024-13'" <<<"$err" || fail "mentions:2024-13 -> $code $err"
err=$("$search" --mentions-from soon troops 2>&1 >/dev/null); code=$?
[ "$code" -eq 2 ] && grep -q "^gazette-search: --mentions-from 'soon' is not a date" <<<"$err" || fail "--mentions-from soon -> $code $err"
err=$("$search" 'date:7x' 2>&1 >/dev/null); code=$?
[ "$code" -eq 2 ] && grep -q "7d, 4w, 6m or 1y" <<<"$err" || fail "date:7x -> $code $err"
set -e

# A feed like AllSides: malformed dates are named, the reports indexed undated; exit 1.
line() { printf '{"topic": "politics", "source": "Reuters", "title": "Talks %s", "date": "%s", "authors": "Ann One", "content_original": "Talks resumed in Geneva in February 2022.", "ID": "%s"}\n' "$1" "$2" "$1"; }
{ line good 2020-04-01; line ancient 0001-11-30; line future 2050-06-01; line us 9/28/16; line empty ""; } >"$tmp/feed.jsonl"
set +e
"$index" --db "$tmp/feed-db" --quiet "$tmp/feed.jsonl" 2>"$tmp/err"; code=$?
set -e
[ "$code" -eq 1 ] || fail "feed: exit $code"
[ "$(wc -l <"$tmp/err")" -eq 3 ] || fail "feed problems: $(cat "$tmp/err")"
grep -q "feed.jsonl:2: date '0001-11-30' of report ancient is not a valid publication date; indexed as undated" "$tmp/err" || fail "$(cat "$tmp/err")"
grep -q "report future" "$tmp/err" && grep -q "'9/28/16' of report us" "$tmp/err" || fail "$(cat "$tmp/err")"
"$search" --db "$tmp/feed-db" --json --facets talks | json '
assert j["total"] == 5, j["total"]
assert j["facets"]["missing"]["date"] == 4
assert j["facets"]["mentions"] == [{"value": "2022-02", "count": 5}]'
# Two shards, one served by a stock xapian-tcpsrv: the mentions facet and filter (built-in
# ValueCountMatchSpy per slot, plain terms) give the counts one database gives.
mkdir -p "$tmp/a" "$tmp/b"
cp "$corpus"/reports/00[012]_*.txt "$tmp/a/"
cp "$corpus"/reports/00[34]_*.txt "$tmp/b/"
"$index" --db "$tmp/shard-a" --quiet "$tmp/a"
"$index" --db "$tmp/shard-b" --quiet "$tmp/b"
port=$(python3 -c "import socket; s=socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])")
# Its own session: on SIGTERM xapian-tcpsrv signals its whole process group, which would
# otherwise take this script (and ctest) with it.
setsid xapian-tcpsrv --interface 127.0.0.1 --port "$port" "$tmp/shard-a" >/dev/null 2>&1 &
server=$!
trap 'kill -KILL "$server" 2>/dev/null; wait "$server" 2>/dev/null || true; rm -rf "$tmp"' EXIT
printf 'remote 127.0.0.1:%s\nauto %s\n' "$port" "$tmp/shard-b" >"$tmp/stub"
for _ in $(seq 50); do
  "$search" --db "$tmp/stub" --limit 0 troops >/dev/null 2>&1 && break
  sleep 0.2
done
facets() { "$search" --db "$1" --json --facets --limit 0 troops | json 'print(json.dumps([j["facets"][k] for k in ("mentions", "mentions_year", "missing", "date_histogram")], sort_keys=True))'; }
[ "$(facets "$tmp/stub")" = "$(facets "$GAZETTE_DB")" ] || fail "remote facets differ: $(facets "$tmp/stub")"
[ "$("$search" --db "$tmp/stub" --json --limit 100 'mentions:2024-11' | ids)" = "001 004" ] || fail "remote mentions:"
[ "$("$search" --db "$tmp/stub" --json --limit 100 --mentions-from 2025-04 troops | ids)" = "000" ] || fail "remote --mentions-from"
echo "cli.time: ok"
