# shellcheck shell=bash
# What the command-line tests share, sourced after `liaison=$1`: a
# temporary folder ($work, removed at exit, read-only parts included), the
# database path ($db), and TAP output. End a test with `echo "1..$n"` and
# `exit $failed`.
work=$(mktemp -d)
trap 'chmod -R u+w "$work"; rm -rf "$work"' EXIT
db="$work/liaison.db"
n=0
failed=0

ok () { n=$((n + 1)); echo "ok $n - $1"; }
# not_ok NAME LINE...: each line (which may hold several) as a TAP comment
not_ok () { n=$((n + 1)); failed=1; echo "not ok $n - $1"; shift; for line in "$@"; do printf '%s\n' "$line" | sed 's/^/# /'; done; }

# expect NAME EXPECTED-STATUS COMMAND...: runs it, keeps stdout in $out and stderr in $err
expect () {
  local name=$1 want=$2; shift 2
  out=$("$@" 2>"$work/err"); got=$?
  err=$(cat "$work/err")
  if [ "$got" -eq "$want" ]; then ok "$name"; else not_ok "$name" "exit $got, wanted $want" "stdout: $out" "stderr: $err"; fi
}

# check NAME PYTHON-EXPRESSION: evaluates with `data` = parsed JSON of $out
check () {
  if printf '%s' "$out" | python3 -c "import json,sys; data=json.load(sys.stdin); sys.exit(0 if ($2) else 1)"; then
    ok "$1"
  else
    not_ok "$1" "output: $(printf '%s' "$out" | head -c 600)"
  fi
}

# contains NAME TEXT NEEDLE
contains () {
  if printf '%s' "$2" | grep -qF -- "$3"; then ok "$1"; else not_ok "$1" "wanted “$3” in: $(printf '%s' "$2" | head -c 400)"; fi
}
