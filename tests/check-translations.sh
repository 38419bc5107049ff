#!/bin/sh
# Each translation compiles with msgfmt --check and has no untranslated or
# fuzzy message. TAP output.
set -u
top=${1:-.}
n=0
out=""
for po in "$top"/po/*.po; do
  n=$((n + 1))
  lang=$(basename "$po" .po)
  stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$po" 2>&1)
  rc=$?
  if [ $rc -ne 0 ]; then
    out="$out
not ok $n - $lang: msgfmt --check failed
$(printf '%s\n' "$stats" | sed 's/^/# /')"
  elif printf '%s' "$stats" | grep -qE 'untranslated|fuzzy'; then
    out="$out
not ok $n - $lang is incomplete: $stats"
  else
    out="$out
ok $n - $lang: $stats"
  fi
done
echo "1..$n"
printf '%s\n' "$out" | sed '/^$/d'
