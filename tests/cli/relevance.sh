#!/usr/bin/env bash
# End to end, issue 5: synonyms, compounds, exact phrases, "did you mean", --collapse, --similar
# and --explain with the real binaries, on the shipped corpus plus a wire copy made here.
# Usage: relevance.sh GAZETTE_INDEX GAZETTE_SEARCH CORPUS_DIR
set -euo pipefail
index=$1 search=$2 corpus=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export GAZETTE_DB="$tmp/db"
export GAZETTE_SYNONYMS="$corpus/synonyms.tsv"
fail() { echo "FAIL: $*" >&2; exit 1; }
# JSON answers are saved under a name and checked by one python3 run at the end (python3 starts
# slowly on a busy machine).
save() { local name=$1; shift; "$@" >"$tmp/$name.json" || [ $? -eq 1 ]; }
expect_exit() {  # expect_exit CODE COMMAND...: run it, check the exit code, keep its stderr
  local want=$1; shift
  set +e; "$@" >"$tmp/out" 2>"$tmp/err"; local got=$?; set -e
  [ "$got" -eq "$want" ] || fail "$*: exit $got, expected $want; $(cat "$tmp/err")"
}

# The seeds, and a wire copy of 004 under another outlet with one sentence rewritten.
cp -r "$corpus/reports" "$tmp/reports"
sed -e 's/^id: .*/id: "004-copy"/' -e 's/^outlet: .*/outlet: "Copy Wire"/' \
    -e 's/Disorganization and lack of armored support/A lack of armored support and poor organization/' \
    "$corpus/reports/004_c601d5b61a287260.txt" >"$tmp/reports/004-copy.txt"
cmp -s "$tmp/reports/004-copy.txt" "$corpus/reports/004_c601d5b61a287260.txt" && fail "copy unchanged"
"$index" --quiet "$tmp/reports"

# Synonyms from corpus/synonyms.tsv: "pull back" finds "pulled back" and "withdrawal", marked.
save pull_back "$search" --json "pull back"
save dprk "$search" --json DPRK
# Hyphenated compounds, and exact phrases that take no synonyms.
save human_waves "$search" --json '"human waves"'
save pulled_back_quoted "$search" --json '"pulled back"'

# A synonyms file of the user's own; a missing or broken one is one clear line and exit 2.
printf 'puls\tcommander\n' >"$tmp/syn.tsv"
save own_synonyms "$search" --json --synonyms "$tmp/syn.tsv" --explain Puls
expect_exit 2 "$search" --synonyms "$tmp/none.tsv" Puls
grep -q "cannot read the synonyms file $tmp/none.tsv" "$tmp/err" || fail "missing file: $(cat "$tmp/err")"
printf 'puls commander\n' >"$tmp/bad.tsv"
expect_exit 2 "$search" --synonyms "$tmp/bad.tsv" Puls
grep -q "bad.tsv:1: a line needs two entries or more, separated by tabs" "$tmp/err" \
  || fail "bad file: $(cat "$tmp/err")"

# Did you mean: for a query that finds little; not for one that finds plenty.
save misspelt "$search" --json "Puls withdrawl"
out=$("$search" "Puls withdrawl")
grep -q "^Did you mean: Puls withdrawal" <<<"$out" || fail "no suggestion line: $out"
save spelt "$search" --json "Puls withdrawal"

# --collapse: the copy folds under 004 (or 004 under it), the seeds stay apart.
save troops "$search" --json --facets troops
save troops_collapsed "$search" --json --collapse --facets troops
out=$("$search" --collapse troops)
grep -qE "^   and 1 more: (Copy Wire|Euromaidan Press)$" <<<"$out" || fail "no folded line: $out"

# --similar: the copy is the report most like 004; 004 itself is not listed.
save similar "$search" --json --similar 004_c601d5b61a287260
expect_exit 2 "$search" --similar no-such-id
grep -q "no report has the id 'no-such-id'" "$tmp/err" || fail "similar: $(cat "$tmp/err")"

# --explain: the query three ways, then each result's clauses, weights and matched terms.
out=$("$search" --explain --limit 2 "Puls withdrawal")
for line in "^query:    Puls withdrawal" "^parsed:   (or (word Puls) (word withdrawal))" \
            "^xapian:   Query(" "^1\. 000_538164c2fa05198d weight" "Zpul  \[matched: Zpul\]"; do
  grep -q "$line" <<<"$out" || fail "explain lacks '$line': $out"
done
save explain "$search" --json --explain "Puls withdrawal"

# Every JSON answer, checked at once.
python3 - "$tmp" <<'PY'
import json, os, sys
tmp = sys.argv[1]
def load(name):
    with open(os.path.join(tmp, name + ".json")) as f:
        return json.load(f)

j = load("pull_back")
ids = [r["id"] for r in j["results"]]
assert "000_538164c2fa05198d" in ids and "003_8a8b18163b97c80c" in ids, ids
assert any("<mark>pulled</mark> <mark>back</mark>" in r["snippet"] for r in j["results"]), j

j = load("dprk")
assert any(r["id"].startswith("003") for r in j["results"]), "North Korea in 003 matches DPRK"

j = load("human_waves")
ids = [r["id"] for r in j["results"]]
assert "004_c601d5b61a287260" in ids, ids  # it says "human-wave attacks"
assert "<mark>human</mark>-<mark>wave</mark>" in [r for r in j["results"] if r["id"].startswith("004_")][0]["snippet"]

j = load("pulled_back_quoted")
assert not any(r["id"].startswith("003") for r in j["results"]), "003 only says withdrawal"

j = load("own_synonyms")
assert "SYNONYM" in j["explain"]["xapian"], j["explain"]

j = load("misspelt")
assert j["suggestion"] == "Puls withdrawal", j["suggestion"]

j = load("spelt")
assert j["suggestion"] is None

j = load("troops")
assert j["total"] == 6 and j["facets"]["stories"] == 5, (j["total"], j["facets"]["stories"])

j = load("troops_collapsed")
assert j["total"] == 5, j["total"]
folded = [r for r in j["results"] if r["folded_count"]]
assert len(folded) == 1 and folded[0]["folded_count"] == 1, folded
assert {folded[0]["id"], folded[0]["folded"][0]["id"]} == {"004_c601d5b61a287260", "004-copy"}
assert j["facets"]["story"][0]["count"] == 2

j = load("similar")
ids = [r["id"] for r in j["results"]]
assert ids[0] == "004-copy" and "004_c601d5b61a287260" not in ids, ids

j = load("explain")
r = j["results"][0]
assert abs(sum(c["weight"] for c in r["explain"]) - r["weight"]) < 1e-6, r["explain"]
assert j["explain"]["parsed"] == "(or (word Puls) (word withdrawal))"

PY
echo "cli.relevance: ok"
