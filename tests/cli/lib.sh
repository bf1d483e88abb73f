# Helpers the indexing CLI tests share. Source it after setting $index and $search.
# shellcheck shell=bash

tmp=$(mktemp -d)
chmod 755 "$tmp"  # readable by an unprivileged user too (bad_input.sh runs one)
trap 'rm -rf "$tmp"' EXIT
failures=0

fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

# json EXPR: reads JSON on stdin as j and asserts the Python expression EXPR.
json() { python3 -c "import json,sys; j=json.load(sys.stdin); $1"; }

# doc_count DB: the number of reports in a database (one directory or shards).
doc_count() { xapian-delve "$1" 2>/dev/null | sed -n 's/^number of documents = //p'; }

# make_feed FIRST LAST: JSON Lines reports numbered FIRST..LAST (ids f<N>).
make_feed() {
  python3 - "$1" "$2" <<'PY'
import json, sys
words = "kursk troops withdrawal drone front brigade commander losses offensive ceasefire".split()
for i in range(int(sys.argv[1]), int(sys.argv[2]) + 1):
    body = " ".join(words[(i * 7 + k * 3) % len(words)] for k in range(60))
    print(json.dumps({"id": f"f{i}", "title": f"Feed report {i}", "source": "Feed Outlet",
                      "date": "2025-03-%02d" % (i % 28 + 1), "text": body + "."}))
PY
}

# make_text_reports DIR COUNT: COUNT text reports with front matter (ids t0..t<COUNT-1>).
make_text_reports() {
  python3 - "$1" "$2" <<'PY'
import os, sys
words = "kursk troops withdrawal drone front brigade commander losses offensive ceasefire".split()
out, n = sys.argv[1], int(sys.argv[2])
os.makedirs(out, exist_ok=True)
for i in range(n):
    paragraphs = "\n".join(" ".join(words[(i * 5 + p * 11 + k) % len(words)] for k in range(80)) + "."
                           for p in range(6))
    with open(os.path.join(out, "t%05d.txt" % i), "w") as f:
        f.write(f"---\nid: t{i}\ntitle: Text report {i}\noutlet: Text Outlet\n---\n{paragraphs}\n")
PY
}

# finish NAME: prints the verdict and exits with the number of failures.
finish() {
  [ "$failures" -eq 0 ] && echo "$1: ok"
  exit "$failures"
}

# search_json DB QUERY...: the search's JSON, whatever its exit code (1 when nothing matches).
search_json() {
  local db=$1
  shift
  "$search" --db "$db" --json "$@" || true
}
