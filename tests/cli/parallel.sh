#!/usr/bin/env bash
# --jobs N indexes what --jobs 1 does; --shards N writes shards (and a stub) that search as one
# database; on a terminal a run longer than a second shows a progress line.
# Usage: parallel.sh GAZETTE_INDEX GAZETTE_SEARCH CORPUS_DIR
set -uo pipefail
index=$1 search=$2 corpus=$3
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"

mkdir -p "$tmp/reports"
make_text_reports "$tmp/reports" 30
make_feed 1 100 >"$tmp/reports/feed.jsonl"
cp "$corpus"/reports/*.txt "$tmp/reports/"

"$index" --db "$tmp/one" --jobs 1 --quiet "$tmp/reports" || fail "--jobs 1"
"$index" --db "$tmp/two" --jobs 3 --quiet "$tmp/reports" || fail "--jobs 3"
"$index" --db "$tmp/sharded" --jobs 2 --shards 3 --no-compact --json "$tmp/reports" >"$tmp/out" || fail "--shards 3"
json 'assert j["added"] == 135 and j["shards"] == 3 and j["compacted"] is False' <"$tmp/out" ||
  fail "--shards: $(cat "$tmp/out")"
[ -f "$tmp/sharded/XAPIANDB" ] && [ -d "$tmp/sharded/shard-2" ] || fail "no stub and shards"

# The same documents in the same order: every search gives the very same answer.
for query in "Puls withdrawal" "kursk troops" '"drone front"' "title:report" "outlet:\"Feed Outlet\""; do
  a=$(search_json "$tmp/one" --facets --limit 300 "$query")
  b=$(search_json "$tmp/two" --facets --limit 300 "$query")
  [ "$a" = "$b" ] || fail "--jobs 3 answers '$query' differently"
  # Shards: the same reports with the same scores and facets (ties may come in another order).
  echo "$a" >"$tmp/single.json"
  search_json "$tmp/sharded" --facets --limit 300 "$query" >"$tmp/sharded.json"
  python3 - "$tmp/single.json" "$tmp/sharded.json" <<'PY' || fail "--shards 3 answers '$query' differently"
import json, sys
a, b = (json.load(open(name)) for name in sys.argv[1:])
assert a["total"] == b["total"], (a["total"], b["total"])
# Story keys are given within a shard (README, Stories): the story facet may differ.
for j in (a, b):
    j["facets"].pop("story"); j["facets"].pop("stories")
assert a["facets"] == b["facets"]
scores = lambda j: sorted((r["id"], round(r["score"], 9)) for r in j["results"])
assert scores(a) == scores(b)
PY
done

# Compacting (the default): the same shards, compacted in place, answer the very same; a small
# later run is not worth compacting.
"$index" --db "$tmp/compacted" --jobs 2 --shards 3 --json "$tmp/reports" >"$tmp/out" ||
  fail "compacting run"
json 'assert j["added"] == 135 and j["compacted"] is True' <"$tmp/out" || fail "compacting: $(cat "$tmp/out")"
[ ! -e "$tmp/compacted/shard-0/compacting" ] && [ ! -e "$tmp/compacted/shard-0/compacted" ] ||
  fail "compacting left its copy behind"
for query in "Puls withdrawal" '"drone front"' "outlet:\"Feed Outlet\""; do
  a=$(search_json "$tmp/sharded" --facets --limit 300 "$query")
  b=$(search_json "$tmp/compacted" --facets --limit 300 "$query")
  [ "$a" = "$b" ] || fail "the compacted shards answer '$query' differently"
done
echo '{"id": "late", "text": "A late report about Zaporizhzhia."}' >"$tmp/late.jsonl"
"$index" --db "$tmp/compacted" --compact --json "$tmp/late.jsonl" >"$tmp/out" || fail "after compacting"
json 'assert j["added"] == 1 and j["compacted"] is False' <"$tmp/out" || fail "late run: $(cat "$tmp/out")"
search_json "$tmp/compacted" zaporizhzhia | json 'assert j["total"] == 1' || fail "late report not found"
"$index" --db "$tmp/compacted" --compact --no-compact "$tmp/late.jsonl" 2>"$tmp/err"
[ $? -eq 2 ] && grep -q "contradict" "$tmp/err" || fail "--compact --no-compact: $(cat "$tmp/err")"

# A progress line on a terminal for runs longer than a second (a feed that takes its time).
cat >"$tmp/slow-feed.sh" <<EOF
{ echo '{"id": "p1", "text": "One."}'; sleep 1.6; echo '{"id": "p2", "text": "Two."}'; } |
  "$index" --db "\${DB:-$tmp/progress}" "\$@" -
EOF
script -qec "bash $tmp/slow-feed.sh" /dev/null >"$tmp/tty" 2>&1
grep -qE $'\r\033\\[K1 report  [0-9]+/s  0:01' "$tmp/tty" || fail "no progress line: $(cat -v "$tmp/tty")"
grep -q "2 added, 0 replaced" "$tmp/tty" || fail "progress run: $(cat -v "$tmp/tty")"
grep -q "compacting the database (1 shard); searches go on" "$tmp/tty" || fail "no compacting line: $(cat -v "$tmp/tty")"
script -qec "bash $tmp/slow-feed.sh --quiet" /dev/null >"$tmp/tty" 2>&1
[ ! -s "$tmp/tty" ] || fail "--quiet drew: $(cat -v "$tmp/tty")"
# Piped (not a terminal): no progress codes at all.
DB="$tmp/piped-db" bash "$tmp/slow-feed.sh" >"$tmp/piped" 2>&1
grep -q "2 added, 0 replaced.*compacted" "$tmp/piped" || fail "piped run: $(cat -v "$tmp/piped")"
if grep -q $'\033' "$tmp/piped"; then fail "progress codes in piped output"; fi
if grep -q "compacting" "$tmp/piped"; then fail "compacting line in piped output"; fi

finish cli.parallel
