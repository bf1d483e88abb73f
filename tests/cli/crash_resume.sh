#!/usr/bin/env bash
# kill -9 at any moment leaves a database that opens and holds exactly the committed batches;
# SIGTERM stops a run cleanly; a run again converges to the full set.
# Usage: crash_resume.sh GAZETTE_INDEX GAZETTE_SEARCH
set -uo pipefail
index=$1 search=$2
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"
db="$tmp/db"
batch=25
reports=1500

make_text_reports "$tmp/reports" "$reports"

# Kills the indexer three times, later each time: after its first commits, and twice more once
# it has committed more. Each time the database must open, hold whole batches only, and lose
# nothing a run committed before.
previous=0
for round in 1 2 3; do
  "$index" --db "$db" --batch "$batch" --jobs 2 --quiet "$tmp/reports" &
  pid=$!
  target=$((previous + batch * round * 3))
  count=$previous
  while kill -0 "$pid" 2>/dev/null; do
    count=$(doc_count "$db")
    [ "${count:-0}" -ge "$target" ] && break
    sleep 0.02
  done
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  count=$(doc_count "$db")
  if [ -z "$count" ]; then
    fail "round $round: the database does not open after kill -9"
    break
  fi
  [ "$count" -ge "$previous" ] || fail "round $round: $count reports, fewer than the $previous committed before"
  [ "$count" -eq "$reports" ] && break  # finished before the kill: nothing more to see
  [ $((count % batch)) -eq 0 ] || fail "round $round: $count reports is not a whole number of batches of $batch"
  search_json "$db" kursk | json 'assert j["total"] >= 1' || fail "round $round: searching failed"
  echo "round $round: killed with $count reports committed"
  previous=$count
done

# SIGTERM (or Ctrl-C): the indexer stops, commits what it wrote, says so, and exits 1.
if [ "$previous" -lt "$reports" ]; then
  "$index" --db "$db" --batch "$batch" --jobs 2 --quiet "$tmp/reports" 2>"$tmp/err" &
  pid=$!
  while kill -0 "$pid" 2>/dev/null && [ "$(doc_count "$db")" -lt $((previous + batch)) ]; do
    sleep 0.02
  done
  kill -TERM "$pid" 2>/dev/null
  wait "$pid"
  code=$?
  count=$(doc_count "$db")
  if [ "$count" -lt "$reports" ]; then
    [ "$code" -eq 1 ] || fail "SIGTERM: exit $code, want 1"
    grep -qx "gazette-index: interrupted; what was indexed is committed (run the same command again to finish)" \
      "$tmp/err" || fail "SIGTERM: $(cat "$tmp/err")"
  fi
  [ "$count" -ge "$previous" ] || fail "SIGTERM: $count reports, fewer than the $previous before"
  echo "SIGTERM: stopped with $count reports committed"
  previous=$count
fi

"$index" --db "$db" --json --batch "$batch" "$tmp/reports" >"$tmp/out" 2>"$tmp/err" ||
  fail "the run after the kills failed: $(cat "$tmp/err")"
json "assert j['total'] == $reports and j['unchanged'] == $previous and j['added'] == $reports - $previous, j" \
  <"$tmp/out" || fail "resume: $(cat "$tmp/out") after $previous"
search_json "$db" 'id:t1499' | json 'assert j["total"] == 1' || fail "the last report is missing"

finish cli.crash_resume
