#!/usr/bin/env bash
# Indexing again: new reports are added, changed ones replaced, unchanged ones skipped; --prune
# drops reports whose file is gone; --delete drops reports by id; "-" reads a feed from standard
# input; the summary says what happened (--json: one object); --quiet prints nothing.
# Usage: incremental.sh GAZETTE_INDEX GAZETTE_SEARCH
set -uo pipefail
index=$1 search=$2
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"
db="$tmp/db"

# summary ARGS...: runs the indexer with --json; prints its summary object.
summary() { "$index" --db "$db" --json "$@" 2>"$tmp/err"; }

# expect_summary EXPR ARGS...: runs the indexer and checks its summary (as j) with EXPR.
expect_summary() {
  local expr=$1
  shift
  local out
  out=$(summary "$@")
  json "assert $expr, j" <<<"$out" || fail "after $*: $out $(cat "$tmp/err")"
}

mkdir -p "$tmp/reports"
make_text_reports "$tmp/reports" 5
make_feed 1 4 >"$tmp/reports/feed.jsonl"

expect_summary 'j["added"] == 9 and j["total"] == 9 and j["problems"] == 0' "$tmp/reports"
expect_summary 'j["added"] == 0 and j["unchanged"] == 9 and j["replaced"] == 0' "$tmp/reports"

# Change one, add one, remove one: replaced, added, and (with --prune) pruned.
sed -i 's/^title: Text report 1$/title: Text report one, revised/' "$tmp/reports/t00001.txt"
printf -- '---\nid: late\n---\nA late report about Kursk.\n' >"$tmp/reports/late.txt"
rm "$tmp/reports/t00004.txt"
expect_summary 'j["added"] == 1 and j["replaced"] == 1 and j["unchanged"] == 7 and j["pruned"] == 1 and j["total"] == 9' \
  --prune "$tmp/reports"
search_json "$db" 'title:revised' | json 'assert [r["id"] for r in j["results"]] == ["t1"]' ||
  fail "the revised report is not searchable"
search_json "$db" 'id:t4' | json 'assert j["total"] == 0' || fail "t4 was not pruned"

# A feed line removed: pruned; a feed line moved: unchanged.
make_feed 2 4 >"$tmp/reports/feed.jsonl"
expect_summary 'j["pruned"] == 1 and j["unchanged"] == 8 and j["total"] == 8' --prune "$tmp/reports"

# --delete, with an unknown id named on its own line (exit 1).
"$index" --db "$db" --json --delete t0 nosuch >"$tmp/out" 2>"$tmp/err"
code=$?
[ "$code" -eq 1 ] || fail "--delete with an unknown id: exit $code, want 1"
grep -qx "gazette-index: nosuch: no report with this id; nothing deleted" "$tmp/err" ||
  fail "--delete: $(cat "$tmp/err")"
json 'assert j["deleted"] == 1 and j["total"] == 7, j' <"$tmp/out" || fail "--delete: $(cat "$tmp/out")"

# A scraper pipes a feed in; the same feed again changes nothing.
make_feed 10 29 | summary - >"$tmp/out"
json 'assert j["added"] == 20 and j["total"] == 27, j' <"$tmp/out" || fail "stdin: $(cat "$tmp/out")"
make_feed 10 29 | summary - >"$tmp/out"
json 'assert j["unchanged"] == 20, j' <"$tmp/out" || fail "stdin again: $(cat "$tmp/out")"
search_json "$db" 'id:f17' | json 'assert j["total"] == 1' || fail "a piped report is not searchable"
# ... a bad line in it is named by its line on standard input.
{ make_feed 30 30; echo '{"id": "x", "text": '; } | "$index" --db "$db" --quiet - 2>"$tmp/err"
[ $? -eq 1 ] || fail "bad stdin line: want exit 1"
grep -qx 'gazette-index: <stdin>:2: not a JSON object; line skipped; each line must be one {...} report' \
  "$tmp/err" || fail "bad stdin line: $(cat "$tmp/err")"

# The plain summary: counts, time, rate, total.
make_feed 40 41 | "$index" --db "$db" - >"$tmp/out" 2>&1
grep -qE '^2 added, 0 replaced, 0 unchanged, 0 deleted, 0 rejected in [0-9.]+ s \([0-9]+ reports/s\); the database holds 30 reports$' \
  "$tmp/out" || fail "summary line: $(cat "$tmp/out")"
# --quiet: nothing at all when nothing is wrong.
out=$(make_feed 40 41 | "$index" --db "$db" --quiet - 2>&1)
[ -z "$out" ] || fail "--quiet printed: $out"
# --prune alone (no paths) is a run of its own.
"$index" --db "$db" --prune >"$tmp/out" 2>&1 || fail "--prune alone failed: $(cat "$tmp/out")"
grep -q ", 0 pruned, " "$tmp/out" || fail "--prune alone: $(cat "$tmp/out")"

finish cli.incremental
