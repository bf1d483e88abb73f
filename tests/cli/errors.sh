#!/usr/bin/env bash
# Every error a user can make gets one clear line and the documented exit code.
# Usage: errors.sh GAZETTE_INDEX GAZETTE_SEARCH CORPUS_DIR
set -uo pipefail
index=$1 search=$2 corpus=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0

# expect CODE PATTERN COMMAND...: runs the command, checks its exit code and that stderr is one
# line matching PATTERN.
expect() {
  local want=$1 pattern=$2
  shift 2
  "$@" >"$tmp/out" 2>"$tmp/err"
  local code=$?
  local lines
  lines=$(wc -l <"$tmp/err")
  if [ "$code" -ne "$want" ] || ! grep -qE -e "$pattern" "$tmp/err" || [ "$lines" -ne 1 ]; then
    echo "FAIL: $* -> exit $code (want $want), stderr:" >&2
    cat "$tmp/err" >&2
    failures=$((failures + 1))
  fi
}

"$index" --db "$tmp/db" --quiet "$corpus/reports" || exit 1

expect 3 "no database at $tmp/none \(index reports first" "$search" --db "$tmp/none" Puls
mkdir -p "$tmp/notes" && echo hi >"$tmp/notes/a.txt"
expect 3 "is not a Gazette database" "$search" --db "$tmp/notes" Puls
expect 3 "holds other files and is not a Gazette database" "$index" --db "$tmp/notes" "$corpus/reports"
expect 2 "'AND' at column 6 has nothing after it" "$search" --db "$tmp/db" "Puls AND"
expect 2 "quote at column 1 is never closed" "$search" --db "$tmp/db" '"human waves'
expect 2 "bad date '2025-13'" "$search" --db "$tmp/db" "date:2025-13"
expect 2 "--from 'soon' is not a date" "$search" --db "$tmp/db" --from soon Puls
expect 2 "unrecognised option '--colour'" "$search" --db "$tmp/db" --colour Puls
expect 2 "--sort 'rank' is not a sort order" "$search" --db "$tmp/db" --sort rank Puls
expect 2 "unrecognised option '--bogus'" "$index" --db "$tmp/db" --bogus x
expect 2 "nothing to index" "$index" --db "$tmp/db"
expect 2 "--date 'tomorrow' is not a date" "$index" --db "$tmp/db" --date tomorrow "$corpus/reports"

# A database of another schema version: one line saying to re-index.
cp -r "$tmp/db" "$tmp/old"
xapian-metadata set "$tmp/old" gazette.schema_version 0
expect 3 "schema version 0.*re-index" "$search" --db "$tmp/old" Puls

# Bad input: named, the rest indexed and committed, exit 1.
printf 'not json\n{"id": "fine", "text": "A good line about Kursk."}\n' >"$tmp/feed.jsonl"
expect 1 "feed.jsonl:1: not a JSON object" "$index" --db "$tmp/db" --quiet "$tmp/feed.jsonl"
"$search" --db "$tmp/db" id:fine >/dev/null || { echo "FAIL: the good line was not indexed" >&2; failures=$((failures + 1)); }

[ "$failures" -eq 0 ] && echo "cli.errors: ok"
exit "$failures"
