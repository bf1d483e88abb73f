#!/usr/bin/env bash
# Entities end to end, as a user meets them: gazette-entities on a report and on CoNLL columns,
# entity facets and filters in gazette-search, a gazetteer correction followed by re-indexing,
# remote shards served by the stock xapian-tcpsrv, and the errors a user can make.
# Usage: entities.sh GAZETTE_INDEX GAZETTE_SEARCH GAZETTE_ENTITIES SOURCE_DIR
set -euo pipefail
index=$1 search=$2 entities=$3 root=$4
corpus=$root/corpus
tmp=$(mktemp -d)
server=""
cleanup() {
  trap - EXIT
  if [ -n "$server" ]; then kill -- "-$server" 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT
export GAZETTE_DB="$tmp/db"
cp "$corpus/entities.tsv" "$tmp/entities.tsv"
export GAZETTE_ENTITIES="$tmp/entities.tsv"
fail() { echo "FAIL: $*" >&2; exit 1; }
json() { python3 -c "import json,sys; j=json.load(sys.stdin); $1"; }

# gazette-entities: one JSON object per report, chrome removed first.
"$entities" "$corpus/reports/001_3c87959d9f703bea.txt" | json '
names = {e["name"]: e for e in j["entities"]}
assert names["Andriy Kovalenko"]["type"] == "person", names
assert "Kovalenko" in names["Andriy Kovalenko"]["variants"]
assert "Kim Jong-un" in names["Kim Jong Un"]["variants"]
assert names["The New York Times"]["type"] == "org"
assert names["Kursk"]["type"] == "place"
assert "Telegram" not in str(j) and "Ctrl" not in names'
printf 'A soldier codenamed "Trainer," said Trainer was fine.\n\nKremlin spokesman Dmitry Peskov spoke.\n' |
  "$entities" | json '
names = {e["name"]: e["type"] for e in j["entities"]}
assert names.get("Trainer") == "person", names
assert names.get("Dmitry Peskov") == "person", names'

# --conll: token gold predicted, blank lines between sentences, scored by scripts/conlleval.py.
printf -- '-DOCSTART- -X- -X- O\n\nAngela NNP B-NP B-PER\nMerkel NNP I-NP I-PER\nvisited VBD B-VP O\nParis NNP B-NP B-LOC\n. . O O\n\nReuters NNP B-NP B-ORG\nreported VBD B-VP O\n' >"$tmp/tiny.conll"
"$entities" --conll "$tmp/tiny.conll" >"$tmp/tagged"
[ "$(sed -n 1p "$tmp/tagged")" = "Angela B-PER B-PER" ] || fail "conll line 1: $(head -3 "$tmp/tagged")"
[ "$(sed -n 6p "$tmp/tagged")" = "" ] || fail "no blank line between sentences: $(cat "$tmp/tagged")"
"$entities" --conll <"$tmp/tiny.conll" | cmp -s - "$tmp/tagged" || fail "--conll from stdin differs"
score=$(python3 "$root/scripts/conlleval.py" "$tmp/tagged")
grep -q "^PER+ORG+LOC *1.0000 *1.0000 *1.0000" <<<"$score" || fail "scorer: $score"
# The scorer itself, on a known case: one name right, one wrong span, one missed.
printf 'a B-PER B-PER\nb O O\nc B-LOC B-LOC\nd I-LOC O\ne B-ORG O\n' >"$tmp/scored"
score=$(python3 "$root/scripts/conlleval.py" "$tmp/scored")
grep -q "^PER+ORG+LOC *0.5000 *0.3333 *0.4000" <<<"$score" || fail "scorer on a known case: $score"

# Index, then facets and filters.
"$index" --quiet "$corpus/reports"
"$search" --json --facets --limit 1 troops | json '
f = j["facets"]
people = {c["value"]: c["count"] for c in f["person"]}
assert people["Oleksandr Syrskyi"] == 4 and people["Puls"] == 2, people
assert {c["value"]: c["count"] for c in f["place"]}["Kursk"] == 5, f["place"]
assert {c["value"]: c["count"] for c in f["org"]}["The New York Times"] == 5, f["org"]
assert j["results"][0]["entities"], j["results"][0]'
out=$("$search" --facets --limit 1 troops)
grep -q "^People:  .*Oleksandr Syrskyi 4" <<<"$out" || fail "text facets: $out"
grep -q "^Places:  .*Kursk 5" <<<"$out" || fail "text facets: $out"
"$search" --json 'person:Syrsky' | json 'assert j["total"] == 4, j["total"]'
"$search" --json --entity Puls --entity Kovalenko | json '
assert [r["id"] for r in j["results"]] == ["001_3c87959d9f703bea"], j["results"]'
"$search" --json 'org:SSO place:Курськ' | json 'assert j["total"] == 3, j["total"]'
"$search" --json DPRK | json '
assert "002_9b497591670c9523" in [r["id"] for r in j["results"]]'

# A correction in the gazetteer shows everywhere after re-indexing.
sed -i 's/^Oleksandr Syrskyi\tperson\t/Oleksandr Syrsky\tperson\tOleksandr Syrskyi|/' "$tmp/entities.tsv"
"$index" "$corpus/reports" >"$tmp/index.out"
grep -q "^0 added, 5 replaced, 0 unchanged" "$tmp/index.out" || fail "re-index: $(cat "$tmp/index.out")"
"$search" --json --facets 'person:Syrskyi' | json '
people = [c["value"] for c in j["facets"]["person"]]
assert "Oleksandr Syrsky" in people and "Oleksandr Syrskyi" not in people, people
assert j["total"] == 4'

# Remote shards served by the stock xapian-tcpsrv: the same facet counts.
if command -v xapian-tcpsrv >/dev/null; then
  port=$((20000 + RANDOM % 20000))
  # Its own session: xapian-tcpsrv signals its whole process group when it stops.
  setsid xapian-tcpsrv --port "$port" --interface 127.0.0.1 "$GAZETTE_DB" >"$tmp/server.log" 2>&1 &
  server=$!
  for _ in $(seq 50); do grep -q "Listening" "$tmp/server.log" 2>/dev/null && break; sleep 0.1; done
  echo "remote 127.0.0.1:$port" >"$tmp/remote.stub"
  "$search" --json --facets --limit 0 troops | json 'print(json.dumps(j["facets"]))' >"$tmp/local.facets"
  "$search" --db "$tmp/remote.stub" --json --facets --limit 0 troops |
    json 'print(json.dumps(j["facets"]))' >"$tmp/remote.facets"
  cmp -s "$tmp/local.facets" "$tmp/remote.facets" || fail "remote facets differ: $(cat "$tmp/remote.facets")"
  kill -- "-$server" 2>/dev/null || true
  server=""
fi

# --no-entities: nothing extracted (and everything re-analysed).
out=$("$index" --no-entities "$corpus/reports")
grep -q "^0 added, 5 replaced" <<<"$out" || fail "--no-entities: $out"
"$search" --json --facets troops | json 'assert j["facets"]["person"] == [], j["facets"]["person"]'

# Errors: one line each, with the documented exit code.
printf 'Kursk\tcity\n' >"$tmp/bad.tsv"
set +e
"$index" --entities "$tmp/bad.tsv" "$corpus/reports" 2>"$tmp/err"; code=$?
set -e
[ "$code" -eq 2 ] && grep -q "bad.tsv:1: unknown type 'city'" "$tmp/err" || fail "bad gazetteer: $code $(cat "$tmp/err")"
set +e
"$entities" --model "$tmp/bad.tsv" "$corpus/reports/000_538164c2fa05198d.txt" 2>"$tmp/err"; code=$?
set -e
[ "$code" -eq 2 ] && grep -q "not a Gazette tagger model" "$tmp/err" || fail "bad model: $code $(cat "$tmp/err")"
echo "cli.entities: ok"
