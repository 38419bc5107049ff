# SPDX-License-Identifier: GPL-3.0-or-later
"""What the AT-SPI tests (test-a11y.py, test-restart.py) share: TAP
results, waiting for a condition, finding Liaison on the accessibility bus,
keys and clicks through the X server. Imported before pyatspi by the tests:
it takes G_DEBUG out of this process's environment first."""

import os
import subprocess
import time

# G_DEBUG=fatal-warnings is for Liaison, which the tests give it back
# (APP_G_DEBUG); in this process it would turn pyatspi's own warnings (a
# cache it polls before the window has one) into a crash. GLib reads it when
# loaded, so before import.
APP_G_DEBUG = os.environ.pop("G_DEBUG", None)

import pyatspi  # noqa: E402

results = []


def report(ok, description, details=()):
    results.append((ok, description, list(details)))


def print_tap():
    print("1..%d" % len(results))
    for i, (ok, description, details) in enumerate(results, 1):
        print("%s %d - %s" % ("ok" if ok else "not ok", i, description))
        for line in details:
            print("# " + line)


def _look(predicate):
    # An object can go between two questions to another process: no
    # answer yet, not a failure.
    try:
        return predicate()
    except Exception:
        return None


# The only pause in these tests: between two looks at a condition, until
# its deadline. AT-SPI answers from another process, so there is no event
# loop here to wait on.
def wait_for(predicate, seconds=20.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = _look(predicate)
        if value:
            return value
        time.sleep(0.1)
    return _look(predicate)


def find_app():
    for app in pyatspi.Registry.getDesktop(0):
        if app is not None and app.name == "liaison":
            return app
    return None


def xdotool(*args):
    return subprocess.run(["xdotool", *args], check=True, capture_output=True, text=True).stdout.strip()
