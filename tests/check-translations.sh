#!/bin/sh
# Each translation compiles with msgfmt --check, has no untranslated or
# fuzzy message, and translates every message the sources have now: the
# template is extracted again from po/POTFILES.in (with the keywords of
# meson's glib preset, as `ninja liaison-pot` does) and merged with each
# catalogue, so a string added to the code without a translation fails here
# even when the catalogue itself looks complete. TAP output.
set -u
top=${1:-.}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

pot="$tmp/liaison.pot"
xgettext --package-name=liaison --from-code=UTF-8 --add-comments \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 --keyword=g_dcgettext:2 \
  --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  --directory="$top" --files-from="$top/po/POTFILES.in" --output="$pot" 2>"$tmp/xgettext.err"
extracted=$?

n=0
out=""
for po in "$top"/po/*.po; do
  lang=$(basename "$po" .po)
  n=$((n + 1))
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

  n=$((n + 1))
  if [ $extracted -ne 0 ]; then
    out="$out
not ok $n - $lang: xgettext could not read the sources
$(sed 's/^/# /' "$tmp/xgettext.err")"
    continue
  fi
  # Merged with the template afresh, without fuzzy guesses: what is
  # untranslated then is what the sources have and the catalogue lacks.
  merged="$tmp/$lang.po"
  LC_ALL=C msgmerge --quiet --no-fuzzy-matching --no-wrap -o "$merged" "$po" "$pot"
  lacking=$(LC_ALL=C msgattrib --untranslated --no-obsolete --no-wrap "$merged" | grep -c '^msgid ')
  [ "$lacking" -gt 0 ] && lacking=$((lacking - 1))   # the header
  if [ "$lacking" -eq 0 ]; then
    out="$out
ok $n - $lang translates every message of the sources"
  else
    out="$out
not ok $n - $lang lacks $lacking messages of the sources (ninja -C build liaison-update-po, then translate)
$(LC_ALL=C msgattrib --untranslated --no-obsolete --no-wrap "$merged" | grep -E '^(#: |msgid )' | sed 1d | head -40 | sed 's/^/# /')"
  fi
done
echo "1..$n"
printf '%s\n' "$out" | sed '/^$/d'
