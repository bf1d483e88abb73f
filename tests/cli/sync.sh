#!/usr/bin/env bash
# A first import (a new database, or --rebuild) commits without waiting for the disk and makes
# the disk hold every file once at the end; a run into an existing database waits for the disk
# at each commit, so that a power cut cannot take what earlier runs indexed (db::Commits).
# Counted with strace: Xapian's commits call fdatasync, the final sync calls fsync. The runs do
# not compact (--no-compact): compacting syncs the copy it moves in, as it must, whatever the run.
# Usage: sync.sh GAZETTE_INDEX GAZETTE_SEARCH; exits 77 (skipped) where strace cannot trace.
set -uo pipefail
index=$1 search=$2
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"
db="$tmp/db"

if ! command -v strace >/dev/null || ! strace -f -o /dev/null true 2>/dev/null; then
  echo "SKIP: strace cannot trace here (scripts/setup installs it; a container may forbid ptrace)"
  exit 77
fi

# traced NAME ARGS...: runs the indexer under strace; prints "fdatasync fsync" call counts.
# LeakSanitizer (the sanitizer build) stops the process with ptrace, which strace holds already.
traced() {
  local name=$1
  shift
  ASAN_OPTIONS="${ASAN_OPTIONS:-}:detect_leaks=0" strace -f -qq -e trace=fsync,fdatasync -o "$tmp/$name.trace" "$index" --no-compact "$@" >"$tmp/$name.out" 2>&1 ||
    fail "$name: the run failed: $(cat "$tmp/$name.out")"
  echo "$(grep -c 'fdatasync(' "$tmp/$name.trace") $(grep -c ' fsync(' "$tmp/$name.trace")"
}

make_text_reports "$tmp/a" 200
make_text_reports "$tmp/b" 260  # 60 more (t200..t259), and t0..t199 unchanged

read -r datasyncs fsyncs < <(traced first --db "$db" --batch 25 --quiet "$tmp/a")
echo "first import: $datasyncs fdatasync, $fsyncs fsync"
[ "$datasyncs" -eq 0 ] || fail "a first import waited for the disk at its commits ($datasyncs fdatasync)"
tables=$(find "$db" -maxdepth 1 -type f | wc -l)
[ "$fsyncs" -ge "$tables" ] || fail "a first import synced $fsyncs files at its end, fewer than the $tables of the database"
[ "$(doc_count "$db")" = 200 ] || fail "the first import holds $(doc_count "$db") reports, not 200"

read -r datasyncs fsyncs < <(traced later --db "$db" --batch 25 --quiet "$tmp/b")
echo "later run: $datasyncs fdatasync, $fsyncs fsync"
[ "$datasyncs" -gt 0 ] || fail "a run into an existing database did not wait for the disk at its commits"
[ "$(doc_count "$db")" = 260 ] || fail "the later run left $(doc_count "$db") reports, not 260"

read -r datasyncs fsyncs < <(traced rebuild --db "$db" --rebuild --batch 25 --quiet "$tmp/a")
echo "rebuild: $datasyncs fdatasync, $fsyncs fsync"
[ "$datasyncs" -eq 0 ] || fail "a rebuild waited for the disk at its commits ($datasyncs fdatasync)"
[ "$fsyncs" -gt 0 ] || fail "a rebuild did not sync the database at its end"
search_json "$db" kursk | json 'assert j["total"] == 200, j["total"]' || fail "the rebuilt database does not answer"

finish cli.sync
