#!/bin/bash
# The store frees what it allocates on a save (issue 12, defect 6): a
# participant and an event with empty fields, and a translation set, each
# run once under valgrind; any block definitely lost with a frame of
# Liaison's own code fails. Skipped (a TAP plan of 1..0) without valgrind. TAP.
set -u
liaison=$1
if ! command -v valgrind >/dev/null; then
  echo "1..0 # SKIP valgrind is not installed"
  exit 0
fi
# A binary built with AddressSanitizer (tools/sanitize) cannot run under
# valgrind; there LeakSanitizer checks the store's leaks instead.
if ldd "$liaison" 2>/dev/null | grep -q 'libasan'; then
  echo "1..0 # SKIP built with AddressSanitizer, which valgrind cannot run"
  exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db="$work/liaison.db"
n=0
failed=0

ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); failed=1; echo "not ok $n - $1"; shift; for line in "$@"; do printf '%s\n' "$line" | sed 's/^/# /'; done; }

# leaks NAME COMMAND...: runs the command under valgrind; fails on its
# exit status or on a definite leak whose stack passes through liaison_*.
leaks () {
  local name=$1; shift
  local log="$work/valgrind.log"
  valgrind --leak-check=full --show-leak-kinds=definite --num-callers=30 \
    --log-file="$log" "$@" >/dev/null 2>"$work/err"
  local got=$?
  if [ "$got" -ne 0 ]; then
    not_ok "$name" "exit $got" "stderr: $(cat "$work/err")"
    return
  fi
  # One block per record: "N bytes in M blocks are definitely lost …"
  # followed by its stack, up to the next empty line.
  local own
  own=$(awk '/definitely lost in loss record/ { rec = $0; keep = 0; next }
             rec != "" && /liaison_/ { keep = 1 }
             rec != "" && /^==[0-9]+== *$/ { if (keep) print rec; rec = "" }' "$log")
  if [ -z "$own" ]; then
    ok "$name"
  else
    not_ok "$name" "$own" "$(grep -A12 'definitely lost in loss record' "$log" | head -40)"
  fi
}

if ! "$liaison" --database "$db" plan >/dev/null 2>"$work/err"; then
  echo "Bail out! cannot create the database: $(cat "$work/err")"
  exit 1
fi

# Fields after the first empty one were not freed (g_strfreev stops at it).
leaks "participants add with empty fields" \
  "$liaison" --database "$db" participants add --given-name-latin Suriya --country TH
leaks "participants add with most fields" \
  "$liaison" --database "$db" participants add --family-name 曾 --given-name 繁仁 --country CN \
  --organisation-zh 南京大学 --email zeng@example.org
leaks "events add" \
  "$liaison" --database "$db" events add --title-en "Leak check" --kind forum --start 2025-05-01 --country CN
# Only based_on[0] was freed.
leaks "translations set" \
  "$liaison" --database "$db" translations set plan/1.1.2/title --text "Forum" --state draft

echo "1..$n"
exit $failed
