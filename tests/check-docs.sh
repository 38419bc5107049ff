#!/bin/sh
# Every file the README and docs/ link to or show is in the tree. TAP output.
set -u
top=${1:-.}
cd "$top" || exit 1
n=0
out=""
for doc in README.md HACKING.md docs/*.md; do
  for target in $(grep -oE '\]\([^)#]+\)' "$doc" | sed -E 's/^\]\(//; s/\)$//' | grep -vE '^[a-z]+:' | sort -u); do
    n=$((n + 1))
    path=$(dirname "$doc")/$target
    if [ -e "$path" ]; then
      out="$out
ok $n - $doc links to $target"
    else
      out="$out
not ok $n - $doc links to $target, which is missing"
    fi
  done
done
echo "1..$n"
printf '%s\n' "$out" | sed '/^$/d'
