#!/usr/bin/env bash
# Shards on Xapian's remote backend: two shards served by the stock xapian-tcpsrv on loopback,
# searched through a stub file, must answer exactly as one local database of the same reports:
# same results, scores, snippets and facet counts. So must the same shards through
# xapian-progsrv (a stub's "remote :PROGRAM" lines; over ssh in the README's set-up).
# Usage: remote.sh GAZETTE_INDEX GAZETTE_SEARCH CORPUS_DIR
set -euo pipefail
index=$1 search=$2 corpus=$3
tmp=$(mktemp -d)
pids=()
cleanup() {
  # xapian-tcpsrv does not stop on SIGTERM while it waits for connections.
  for pid in "${pids[@]}"; do
    kill -KILL "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
  done
  rm -rf "$tmp"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

reports=("$corpus"/reports/*.txt)
"$index" --db "$tmp/all" --quiet "${reports[@]}"
"$index" --db "$tmp/shard0" --quiet "${reports[@]:0:3}"
"$index" --db "$tmp/shard1" --quiet "${reports[@]:3}"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
: >"$tmp/stub"
for shard in shard0 shard1; do
  port=$(free_port)
  # Its own session: xapian-tcpsrv signals its whole process group when it stops.
  setsid xapian-tcpsrv --interface 127.0.0.1 --port "$port" "$tmp/$shard" >"$tmp/$shard.log" 2>&1 &
  pids+=($!)
  echo "remote 127.0.0.1:$port" >>"$tmp/stub"
  for _ in $(seq 100); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
    sleep 0.1
  done
done

printf 'remote :xapian-progsrv %s\n' "$tmp/shard0" "$tmp/shard1" >"$tmp/progsrv.stub"

n=0
while IFS= read -r query; do
  for limit in 1 2 3 10; do
    n=$((n + 1))
    printf '%s\n' "$query" >"$tmp/$n.query"
    "$search" --db "$tmp/all" --json --facets --limit "$limit" "$query" >"$tmp/$n.local" || true
    "$search" --db "$tmp/stub" --json --facets --limit "$limit" "$query" >"$tmp/$n.stub" || true
    # xapian-progsrv starts a server per search: once per query is enough.
    [ "$limit" -ne 10 ] ||
      "$search" --db "$tmp/progsrv.stub" --json --facets --limit "$limit" "$query" >"$tmp/$n.progsrv.stub" || true
  done
done <<'QUERIES'
Puls withdrawal
troops
North Korean
"human waves"
withdrawal outlet:"Kyiv Post"
date:2025-01
Syrskyi OR Syrsky
Kursk -Puls
troops mentions:2024-11
mentions:2022..
Ukrainian troops withdrew from the town after heavy fighting
zelensk* troops
title:withdraw*
QUERIES

# One python3 compares every answer with the local one (python3 starts slowly on a busy machine).
python3 - "$tmp" "$n" <<'PY' || fail "a sharded answer differs from the local one"
import json, os, sys
tmp, n = sys.argv[1], int(sys.argv[2])
def norm(j):
    # Reports of equal weight may come in either order: compare them as sets per weight.
    for r in j["results"]:
        r.pop("rank")
        r["weight"] = round(r["weight"], 9)
    j["results"].sort(key=lambda r: (-r["weight"], r["id"]))
    return j
checked = failed = 0
for i in range(1, n + 1):
    local = norm(json.load(open(f"{tmp}/{i}.local")))
    for stub in ("stub", "progsrv.stub"):
        path = f"{tmp}/{i}.{stub}"
        if not os.path.exists(path):
            continue
        checked += 1
        remote = norm(json.load(open(path)))
        if remote != local:
            failed += 1
            query = open(f"{tmp}/{i}.query").read().strip()
            print(f"query {query!r} through {stub}:", file=sys.stderr)
            print("local: ", json.dumps(local, indent=1)[:3000], file=sys.stderr)
            print("remote:", json.dumps(remote, indent=1)[:3000], file=sys.stderr)
if failed or checked < n:
    sys.exit(1)
print(f"remote: {checked} answers identical over two shards (xapian-tcpsrv and xapian-progsrv)")
PY
