#!/bin/sh
# Runs a UI test in a real X server: the one in $DISPLAY if there is one,
# else a private Xvfb started here and stopped afterwards.
set -u
if [ -n "${DISPLAY:-}" ] && [ -z "${LIAISON_FORCE_XVFB:-}" ]; then
  exec "$@"
fi
if ! command -v Xvfb >/dev/null 2>&1; then
  echo "1..0 # SKIP Xvfb is not installed and there is no display"
  exit 0
fi
# -displayfd lets Xvfb pick a free display number and tell us which.
fifo=$(mktemp -u)
mkfifo "$fifo"
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$fifo" 2>/dev/null &
xvfb=$!
read -r display <"$fifo"
rm -f "$fifo"
trap 'kill $xvfb 2>/dev/null; wait $xvfb 2>/dev/null' EXIT INT TERM
export DISPLAY=":$display"
export GDK_BACKEND=x11
"$@"
