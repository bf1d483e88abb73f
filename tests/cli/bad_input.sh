#!/usr/bin/env bash
# Every kind of bad input gets one line naming the file (and line, for JSON Lines), what is wrong
# and what was done; the rest of the run is indexed and committed; the exit code is 1.
# Usage: bad_input.sh GAZETTE_INDEX GAZETTE_SEARCH [CASE...]  (ctest runs each case on its own)
set -uo pipefail
index=$1 search=$2
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"

# case_dir NAME: a directory for one case, holding one good report (id good-NAME).
case_dir() {
  mkdir -p "$tmp/$1"
  printf -- '---\nid: good-%s\n---\nA good report about Kursk.\n' "$1" >"$tmp/$1/good.txt"
  echo "$tmp/$1"
}

# check NAME PATTERN [PREFIX...]: indexes case NAME into a new database (PREFIX runs the indexer,
# e.g. as another user); expects exit 1, one line on stderr matching PATTERN, and the good report
# committed.
check() {
  [ -z "${make_only:-}" ] || return 0
  local name=$1 pattern=$2
  shift 2
  local db="$tmp/db-$name"
  "$@" "$index" --db "$db" --quiet "$tmp/$name" >"$tmp/out" 2>"$tmp/err"
  local code=$?
  if [ "$code" -ne 1 ] || [ "$(wc -l <"$tmp/err")" -ne 1 ] || ! grep -qE -e "$pattern" "$tmp/err"; then
    fail "$name: exit $code (want 1), stderr (want one line like '$pattern'):"
    cat "$tmp/err" >&2
  fi
  search_json "$db" "id:good-$name" | json 'assert j["total"] == 1' ||
    fail "$name: the good report was not committed"
}

# found DB QUERY COUNT: the search finds COUNT reports.
found() {
  [ -z "${make_only:-}" ] || return 0
  search_json "$1" --limit 0 "$2" | json "assert j['total'] == $3, j['total']" ||
    fail "$1: '$2' should find $3"
}

case_invalid_utf8() {
  d=$(case_dir invalid-utf8)
  printf 'Valid \xc3\xa9 text, one bad \xff byte, and more \xc3\xa9.\n' >"$d/bad.txt"
  check invalid-utf8 '/bad\.txt: invalid UTF-8 at byte offset 23; 1 bad byte replaced with U\+FFFD$'
  found "$tmp/db-invalid-utf8" 'id:bad' 1
}

case_nul() {
  d=$(case_dir nul)
  printf 'ab\0cd' >"$d/nul.txt"
  check nul '/nul\.txt: binary data \(NUL byte at offset 2\); file skipped$'
}

case_binary() {
  d=$(case_dir binary)
  printf 'A text, then squeezed.\n' | gzip -n >"$d/packed.txt"
  check binary '/packed\.txt: binary data \(NUL byte at offset [0-9]+\); file skipped$'
}

case_compressed_feed() {
  d=$(case_dir compressed-feed)
  make_feed 1 3 | gzip -n >"$d/feed.jsonl"
  check compressed-feed '/feed\.jsonl: compressed data, not JSON Lines \(decompress it first.*\); file skipped$'
}

case_empty() {
  d=$(case_dir empty)
  : >"$d/empty.txt"
  check empty '/empty\.txt: empty file; file skipped$'
}

case_huge() {
  d=$(case_dir huge)
  python3 - "$d/big.txt" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write("openingword begins this report.\n")
    line = "filler " * 99 + "\n"
    for _ in range((50 << 20) // len(line)):
        f.write(line)
    f.write("closingword ends it.\n")
PY
  check huge '/big\.txt: report text of 50\.0 MB is longer than the 8\.0 MB limit; indexed its first 8\.0 MB$'
  found "$tmp/db-huge" openingword 1
  found "$tmp/db-huge" closingword 0
}

case_front_matter() {
  d=$(case_dir front-matter)
  printf -- '---\ntitle: [unclosed\n---\nBody text.\n' >"$d/badfm.txt"
  check front-matter '/badfm\.txt:3: front matter does not parse as YAML \(.*\); skipped; quote values'
}

case_not_json() {
  d=$(case_dir not-json)
  printf '{"id": "line-1", "text": "Fine."}\nnot json at all\n' >"$d/feed.jsonl"
  check not-json '/feed\.jsonl:2: not a JSON object; line skipped; each line must be one \{\.\.\.\} report$'
  found "$tmp/db-not-json" 'id:line-1' 1
}

case_no_text() {
  d=$(case_dir no-text)
  printf '{"id": "empty-one", "title": "A title only"}\n{"id": "line-2", "text": "Fine."}\n' >"$d/feed.jsonl"
  check no-text "/feed\.jsonl:1: no report text; line skipped; give the text in 'body', 'text' or 'content'$"
  found "$tmp/db-no-text" 'id:line-2' 1
}

case_broken_html() {
  d=$(case_dir broken-html)
  printf '<html><head><title>Cut</title></head><body><article><p>Troops near Kursk were seen moving' >"$d/page.html"
  check broken-html '/page\.html: the page ends before its </html> \(cut off\?\); indexed the text it holds'
  found "$tmp/db-broken-html" 'id:page moving' 1
}

case_latin_1() {
  d=$(case_dir latin-1)
  printf 'Caf\xe9 au lait in Kyiv, na\xefve r\xe9sum\xe9.\n' >"$d/latin.txt"
  check latin-1 '/latin\.txt: not UTF-8 \(first bad byte at offset 3\); read as Windows-1252; save it as UTF-8'
  found "$tmp/db-latin-1" 'café' 1
}

case_windows_1252() {
  d=$(case_dir windows-1252)
  printf 'He said \x93we are leaving\x94 \x96 and the caf\xe9 closed.\n' >"$d/quotes.txt"
  check windows-1252 '/quotes\.txt: not UTF-8 \(first bad byte at offset 8\); read as Windows-1252'
  [ -z "${make_only:-}" ] || return 0
  search_json "$tmp/db-windows-1252" '"we are leaving"' |
    json 's = j["results"][0]["snippet"].replace("<mark>", "").replace("</mark>", ""); assert "\u201cwe are leaving\u201d \u2013" in s, s' ||
    fail "windows-1252: curly quotes and dashes were not converted"
}

case_windows_1251() {
  d=$(case_dir windows-1251)
  # "Привіт, це український текст про війну." in Windows-1251
  printf '\xcf\xf0\xe8\xe2\xb3\xf2, \xf6\xe5 \xf3\xea\xf0\xe0\xbf\xed\xf1\xfc\xea\xe8\xe9 \xf2\xe5\xea\xf1\xf2 \xef\xf0\xee \xe2\xb3\xe9\xed\xf3.\n' >"$d/uk.txt"
  check windows-1251 '/uk\.txt: not UTF-8 \(first bad byte at offset 0\); read as Windows-1251'
  found "$tmp/db-windows-1251" 'текст' 1
}

case_same_id() {
  d=$(case_dir same-id)
  printf -- '---\nid: twice\n---\nFirst version.\n' >"$d/a.txt"
  printf -- '---\nid: twice\n---\nSecond version.\n' >"$d/b.txt"
  check same-id "/b\.txt: id 'twice' appears twice in this run \(first at .*/a\.txt\); the later report is kept"
  found "$tmp/db-same-id" 'id:twice second' 1
}

case_link_loop() {
  d=$(case_dir link-loop)
  ln -s loop "$d/loop"
  check link-loop '/loop: symbolic link loop; skipped$'
}

case_dir_loop() {
  d=$(case_dir dir-loop)
  ln -s . "$d/again"
  check dir-loop '/again: symbolic link loop \(it leads back to .*/dir-loop\); skipped$'
}

# Root reads everything: unreadable inputs are indexed by an unprivileged user.
as_user() {
  if [ "$(id -u)" -eq 0 ]; then
    setpriv --reuid=nobody --regid=nogroup --clear-groups "$@"
  else
    "$@"
  fi
}

case_unreadable_file() {
  d=$(case_dir unreadable-file)
  echo "A secret." >"$d/secret.txt" && chmod 000 "$d/secret.txt"
  mkdir -p "$tmp/db-unreadable-file" && chmod 777 "$tmp/db-unreadable-file"
  check unreadable-file '/secret\.txt: cannot read \(Permission denied\); file skipped' as_user
}

case_unreadable_dir() {
  d=$(case_dir unreadable-dir)
  mkdir "$d/locked" && echo "Locked away." >"$d/locked/x.txt" && chmod 000 "$d/locked"
  mkdir -p "$tmp/db-unreadable-dir" && chmod 777 "$tmp/db-unreadable-dir"
  check unreadable-dir '/locked: cannot read directory \(Permission denied\); skipped' as_user
}

# All of them in one run (the cases make their inputs only): every problem named once, everything
# good committed.
case_all() {
  local all=(invalid-utf8 nul binary empty front-matter not-json no-text broken-html latin-1
    windows-1252 same-id link-loop)
  mkdir -p "$tmp/all"
  for name in "${all[@]}"; do
    make_only=1 "case_${name//-/_}"
    cp -a "$tmp/$name" "$tmp/all/$name"
  done
  "$index" --db "$tmp/db-all" --json "$tmp/all" >"$tmp/out" 2>"$tmp/err"
  local code=$?
  [ "$code" -eq 1 ] || fail "all: exit $code, want 1"
  if [ "$(wc -l <"$tmp/err")" -ne 12 ]; then
    fail "all: want 12 problem lines:"
    cat "$tmp/err" >&2
  fi
  # 12 good reports, the repaired one, 2 JSON lines, the cut page, 2 converted, the id given
  # twice (kept once): 19; 7 inputs rejected.
  json 'assert j["total"] == 19 and j["problems"] == 12 and j["rejected"] == 7, j' <"$tmp/out" ||
    fail "all: summary $(cat "$tmp/out")"
}

cases=(invalid-utf8 nul binary compressed-feed empty huge front-matter not-json no-text
  broken-html latin-1 windows-1252 windows-1251 same-id link-loop dir-loop unreadable-file
  unreadable-dir all)
[ $# -gt 2 ] && cases=("${@:3}")
for name in "${cases[@]}"; do
  "case_${name//-/_}"
done
finish "cli.bad_input ${cases[*]}"
