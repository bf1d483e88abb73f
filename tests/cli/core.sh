#!/usr/bin/env bash
# End to end, as a user runs it: index the shipped corpus into a temporary database, search it.
# Usage: core.sh GAZETTE_INDEX GAZETTE_SEARCH CORPUS_DIR
set -euo pipefail
index=$1 search=$2 corpus=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export GAZETTE_DB="$tmp/db"
fail() { echo "FAIL: $*" >&2; exit 1; }
json() { python3 -c "import json,sys; j=json.load(sys.stdin); $1"; }

"$index" "$corpus/reports" >"$tmp/index.out"
grep -q "^5 added, 0 replaced, 0 unchanged" "$tmp/index.out" || fail "first index: $(cat "$tmp/index.out")"

"$search" --json "Puls withdrawal" | json '
assert j["results"][0]["id"] == "000_538164c2fa05198d", j["results"][0]["id"]
assert "<mark>Puls</mark>" in j["results"][0]["snippet"]
assert j["total"] == 5'

"$search" --json --outlet "Kyiv Post" troops | json '
assert sorted(r["id"] for r in j["results"]) == ["000_538164c2fa05198d", "001_3c87959d9f703bea"], j'

"$search" --json 'outlet:"Kyiv Post"' | json 'assert j["total"] == 2'
"$search" --json 'date:2025-01-31' | json '
assert sorted(r["id"][:3] for r in j["results"]) == ["001", "004"]'

for chrome in TELEGRAM Patreon '"Ctrl + Enter"' '"minute read"'; do
  set +e
  out=$("$search" "$chrome")
  code=$?
  set -e
  [ "$code" -eq 1 ] || fail "$chrome: exit $code, expected 1 (no results)"
  grep -q "No reports match" <<<"$out" || fail "$chrome: $out"
done

# Plain output: rank, title, outlet, date, id and snippet; no escape codes when not a terminal.
out=$("$search" --limit 2 "Puls withdrawal")
grep -q "^1\. " <<<"$out" || fail "no rank line: $out"
grep -q "Kyiv Post · 2025-01-27 · 000_538164c2fa05198d" <<<"$out" || fail "no meta line: $out"
if grep -q $'\x1b' <<<"$out"; then fail "escape codes in piped output"; fi
# On a terminal, matches are bold, unless NO_COLOR is set.
tty_out=$(script -qec "$search --limit 1 Puls" /dev/null)
grep -q $'\x1b\[1mPuls' <<<"$tty_out" || fail "no bold on a terminal: $tty_out"
tty_plain=$(NO_COLOR=1 script -qec "$search --limit 1 Puls" /dev/null)
if grep -q $'\x1b' <<<"$tty_plain"; then fail "NO_COLOR ignored"; fi

# Facets on the terminal, counted over all matches.
out=$("$search" --facets --limit 1 troops)
grep -q "Outlets: Kyiv Post 2 · .*(no outlet) 1" <<<"$out" || fail "outlet facets: $out"
grep -q "Months:  2025-01 3 · 2025-02 1 · (undated) 1" <<<"$out" || fail "month facets: $out"

# Running again changes nothing.
"$index" "$corpus/reports" >"$tmp/index.out"
grep -q "^0 added, 0 replaced, 5 unchanged" "$tmp/index.out" || fail "re-index: $(cat "$tmp/index.out")"
grep -q "holds 5 reports" "$tmp/index.out" || fail "re-index count: $(cat "$tmp/index.out")"

# A changed report is replaced, not duplicated.
cp -r "$corpus/reports" "$tmp/reports"
sed -i 's/golf buggies/golf carts/' "$tmp/reports/000_538164c2fa05198d.txt"
"$index" "$tmp/reports" >"$tmp/index.out"
grep -q "^0 added, 1 replaced, 4 unchanged" "$tmp/index.out" || fail "replace: $(cat "$tmp/index.out")"
"$search" --json '"golf carts"' | json 'assert j["total"] == 1'
"$search" --json '"golf buggies"' | json 'assert j["total"] == 0' || true
echo "cli.core: ok"
