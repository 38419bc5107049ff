#!/bin/sh
# Every file with translatable strings is listed in po/POTFILES.in, and
# every listed file exists. TAP output.
set -u
top=${1:-.}
cd "$top" || exit 1
listed=$(grep -v '^#' po/POTFILES.in | grep -v '^$' | sort)
found=$( { grep -lE '\b(N?_|NC_|C_|ngettext|g_dngettext)\s*\(' app/*/*.c app/*.c 2>/dev/null;
           grep -l 'translatable="yes"' ui/*.ui 2>/dev/null;
           ls resources/*.desktop.in.in resources/*.metainfo.xml.in.in resources/*.gschema.xml; } | sort -u)
echo "1..2"
missing=$(printf '%s\n' "$found" | while read -r f; do printf '%s\n' "$listed" | grep -qx "$f" || echo "$f"; done)
if [ -z "$missing" ]; then echo "ok 1 - every file with translatable strings is in POTFILES.in"
else echo "not ok 1 - missing from po/POTFILES.in:"; printf '#   %s\n' $missing; fi
gone=$(printf '%s\n' "$listed" | while read -r f; do [ -f "$f" ] || echo "$f"; done)
if [ -z "$gone" ]; then echo "ok 2 - every file in POTFILES.in exists"
else echo "not ok 2 - listed but missing:"; printf '#   %s\n' $gone; fi
