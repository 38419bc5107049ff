#!/bin/sh
# Runs a UI test in a real X server: the one in $DISPLAY if there is one,
# else a private Xvfb started here and stopped afterwards; on a session bus,
# which GtkApplication needs, started here when there is none; and with
# private user dirs. UI tests do not use G_TEST_OPTION_ISOLATE_DIRS: it
# also replaces XDG_DATA_DIRS, which hides the MIME database and the icon
# themes that GTK reads from /usr/share.
set -u

# The private dirs come first: the session bus starts the accessibility
# bus launcher, which puts its socket in XDG_RUNTIME_DIR (or ~/.cache), and
# two runs sharing one would remove each other's.
if [ -z "${LIAISON_UI_HOME:-}" ]; then
  LIAISON_UI_HOME=$(mktemp -d "${TMPDIR:-/tmp}/liaison-ui-test.XXXXXX")
  export LIAISON_UI_HOME
  mkdir -p "$LIAISON_UI_HOME/config" "$LIAISON_UI_HOME/data" "$LIAISON_UI_HOME/cache" \
    "$LIAISON_UI_HOME/state" "$LIAISON_UI_HOME/runtime"
  chmod 700 "$LIAISON_UI_HOME/runtime"
  export HOME="$LIAISON_UI_HOME" XDG_CONFIG_HOME="$LIAISON_UI_HOME/config" XDG_DATA_HOME="$LIAISON_UI_HOME/data" \
    XDG_CACHE_HOME="$LIAISON_UI_HOME/cache" XDG_STATE_HOME="$LIAISON_UI_HOME/state" \
    XDG_RUNTIME_DIR="$LIAISON_UI_HOME/runtime"
  "$0" "$@"
  rc=$?
  rm -rf "$LIAISON_UI_HOME"
  exit $rc
fi

# Only the test writes to standard output (it is TAP): the bus and the
# services it starts (the accessibility registry says hello there) write to
# standard error. LIAISON_UI_STDOUT is the test's own.
if [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ] && command -v dbus-run-session >/dev/null 2>&1; then
  LIAISON_UI_STDOUT=3 exec dbus-run-session -- "$0" "$@" 3>&1 1>&2
fi

xvfb=
cleanup () {
  [ -n "$xvfb" ] && kill "$xvfb" 2>/dev/null && wait "$xvfb" 2>/dev/null
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [ -z "${DISPLAY:-}" ] || [ -n "${LIAISON_FORCE_XVFB:-}" ]; then
  if ! command -v Xvfb >/dev/null 2>&1; then
    if [ -n "${LIAISON_UI_STDOUT:-}" ]; then
      echo "1..0 # SKIP Xvfb is not installed and there is no display" >&3
    else
      echo "1..0 # SKIP Xvfb is not installed and there is no display"
    fi
    exit 0
  fi
  # -displayfd lets Xvfb pick a free display number and tell us which.
  fifo="$LIAISON_UI_HOME/displayfd"
  rm -f "$fifo"
  mkfifo "$fifo"
  # Room for a window of 1920×1080 and what its decorations add
  # (tests/test-clipping.c tries that size). -noreset: without it the
  # server resets when its last client goes, and a client that connects
  # meanwhile is refused ("cannot open display"): Liaison restarting in
  # another language (test-restart.py) is the only client, and its new
  # image connects the moment the old one's connection closes.
  Xvfb -displayfd 3 -noreset -screen 0 2048x1280x24 -nolisten tcp 3>"$fifo" 2>/dev/null &
  xvfb=$!
  read -r display <"$fifo"
  export DISPLAY=":$display"
fi
export GDK_BACKEND=x11
# The C tests drive widgets directly; only the AT-SPI test needs the
# accessibility bus (and asks for it with LIAISON_A11Y=1).
[ -n "${LIAISON_A11Y:-}" ] || export GTK_A11Y=none
if [ -n "${LIAISON_UI_STDOUT:-}" ]; then
  unset LIAISON_UI_STDOUT
  "$@" >&3 3>&-
else
  "$@"
fi
