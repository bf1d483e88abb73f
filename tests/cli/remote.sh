#!/usr/bin/env bash
# Shards on Xapian's remote backend: two shards served by the stock xapian-tcpsrv on loopback,
# searched through a stub file, must answer exactly as one local database of the same reports:
# same results, scores, snippets and facet counts.
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

checked=0
while IFS= read -r query; do
  for limit in 1 2 3 10; do
    "$search" --db "$tmp/all" --json --facets --limit "$limit" "$query" >"$tmp/local.json" || true
    "$search" --db "$tmp/stub" --json --facets --limit "$limit" "$query" >"$tmp/remote.json" || true
    python3 - "$tmp/local.json" "$tmp/remote.json" "$query" "$limit" <<'PY' || fail "query '$query' limit $limit differs"
import json, sys
local, remote = (json.load(open(p)) for p in sys.argv[1:3])
def norm(j):
    # Reports of equal weight may come in either order: compare them as sets per weight.
    for r in j["results"]:
        r.pop("rank")
    j["results"].sort(key=lambda r: (-round(r["weight"], 9), r["id"]))
    for r in j["results"]:
        r["weight"] = round(r["weight"], 9)
    return j
if norm(local) != norm(remote):
    print("local: ", json.dumps(local, indent=1)[:3000], file=sys.stderr)
    print("remote:", json.dumps(remote, indent=1)[:3000], file=sys.stderr)
    sys.exit(1)
PY
    checked=$((checked + 1))
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
QUERIES
echo "remote: $checked answers identical over two xapian-tcpsrv shards"
