#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The interface language changed in Preferences, then "Restart Now": the
same Liaison comes back in the other language, on the same database and the
same view, as a new instance that owns the application's D-Bus name (the
old one let go of it first). Watched over AT-SPI, driven with real clicks
and keys through the X server: English to Chinese, then back.

Run under tests/run-under-xvfb.sh with LIAISON_A11Y=1 (the suite does);
arguments: the liaison binary and the application id. TAP output."""

import os
import shutil
import subprocess
import sys
import tempfile

from liaison_atspi import APP_G_DEBUG, find_app, print_tap, report, wait_for, xdotool

import pyatspi  # noqa: E402


def walk(acc, depth=0):
    if depth > 60:
        return
    yield acc
    try:
        children = list(acc)
    except Exception:
        return
    for child in children:
        if child is not None:
            yield from walk(child, depth + 1)


def window_named(app, names):
    for w in app:
        if w is not None and w.name in names:
            return w
    return None


def selected_view(app, views_names):
    for acc in walk(app):
        try:
            if acc.getRole() in (pyatspi.ROLE_LIST, pyatspi.ROLE_LIST_BOX) and acc.name in views_names:
                for row in acc:
                    if row is not None and row.getState().contains(pyatspi.STATE_SELECTED):
                        return row.name
                return None
        except Exception:
            continue
    return None


def name_owner_pid(app_id):
    """The process that owns the application's name on the session bus."""
    try:
        owner = subprocess.run(["gdbus", "call", "--session", "--dest", "org.freedesktop.DBus",
                                "--object-path", "/org/freedesktop/DBus",
                                "--method", "org.freedesktop.DBus.GetNameOwner", app_id],
                               check=True, capture_output=True, text=True).stdout
        unique = owner.strip().strip("(),'")
        pid = subprocess.run(["gdbus", "call", "--session", "--dest", "org.freedesktop.DBus",
                              "--object-path", "/org/freedesktop/DBus",
                              "--method", "org.freedesktop.DBus.GetConnectionUnixProcessID", unique],
                             check=True, capture_output=True, text=True).stdout
        return unique, int(pid.strip().strip("(),").split()[-1])
    except (subprocess.CalledProcessError, ValueError, IndexError):
        return None, None


def click_at(window_id, acc):
    """A real click in the middle of an accessible, by its place in its window."""
    e = acc.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    xdotool("mousemove", "--window", window_id, str(e.x + e.width // 2), str(e.y + e.height // 2))
    xdotool("click", "1")


# Each language's words, as the catalogue has them.
EN = {"window": "Liaison", "preferences": "Preferences", "events": "Events", "views": "Views",
      "row": "Interface Language", "restart": "Restart Now", "choice": "中文"}
ZH = {"window": "联络", "preferences": "首选项", "events": "活动", "views": "视图",
      "row": "界面语言", "restart": "立即重启", "choice": "English"}


def switch(app_id, pid, start, goal):
    """In the running app (language start): Events, Preferences, the other
    language, Restart Now; then the app as it comes back."""
    app = wait_for(find_app)
    if app is None:
        report(False, "the window is on the accessibility bus")
        return None
    window = xdotool("search", "--sync", "--onlyvisible", "--name", "^%s$" % start["window"]).split()[0]
    xdotool("windowfocus", "--sync", window)
    xdotool("key", "--clearmodifiers", "alt+2")
    shown = wait_for(lambda: selected_view(app, (start["views"],)) == start["events"])
    report(bool(shown), "Alt+2 shows %s" % start["events"])
    before_owner, before_pid = name_owner_pid(app_id)

    xdotool("key", "--clearmodifiers", "ctrl+comma")
    prefs = wait_for(lambda: window_named(app, (start["preferences"],)))
    report(prefs is not None, "Ctrl+, opens %s" % start["preferences"])
    if prefs is None:
        return None
    prefs_window = xdotool("search", "--sync", "--onlyvisible", "--name", "^%s$" % start["preferences"]).split()[0]
    row = wait_for(lambda: next((a for a in walk(prefs) if a.getRole() == pyatspi.ROLE_COMBO_BOX
                                 and a.name == start["row"]), None))
    report(row is not None, "%s has the row %s" % (start["preferences"], start["row"]))
    if row is None:
        return None
    click_at(prefs_window, row)
    item = wait_for(lambda: next((a for a in walk(prefs) if a.getRole() == pyatspi.ROLE_LABEL
                                  and a.name == start["choice"]
                                  and a.getState().contains(pyatspi.STATE_VISIBLE)), None))
    report(item is not None, "the row offers %s" % start["choice"])
    if item is None:
        return None
    click_at(prefs_window, item)
    button = wait_for(lambda: next((a for a in walk(prefs) if a.getRole() == pyatspi.ROLE_PUSH_BUTTON
                                    and start["restart"] in (a.name or "")
                                    and a.getState().contains(pyatspi.STATE_VISIBLE)), None))
    report(button is not None, "after the change, %s offers %s" % (start["preferences"], start["restart"]))
    if button is None:
        return None
    click_at(prefs_window, button)

    # The same process id (exec), a new instance: a window in the other
    # language, on the same view, and a new connection owning the name (X
    # may give the new window the old one's id: not a sign either way).
    def back():
        a = find_app()
        if a is None or window_named(a, (goal["window"],)) is None:
            return None
        return a if selected_view(a, (goal["views"],)) == goal["events"] else None
    app = wait_for(back, 60)
    report(app is not None, "Liaison comes back in the other language (%s), on %s"
           % (goal["window"], goal["events"]))
    after_owner, after_pid = wait_for(lambda: (lambda o: o if o[0] not in (None, before_owner) else None)(
        name_owner_pid(app_id)), 30) or (None, None)
    report(after_pid == pid and after_owner != before_owner,
           "the new instance owns %s (the old one let go of it)" % app_id,
           ["before: %s (pid %s), after: %s (pid %s)" % (before_owner, before_pid, after_owner, after_pid)])
    return app


def main():
    liaison, app_id = sys.argv[1], sys.argv[2]
    tmp = tempfile.mkdtemp(prefix="liaison-restart-")
    database = os.path.join(tmp, "restart.db")
    env = dict(os.environ)
    if APP_G_DEBUG is not None:
        env["G_DEBUG"] = APP_G_DEBUG
    # The choice must outlive the process: settings in a file (the private
    # config folder run-under-xvfb.sh makes), English to begin with.
    env["GSETTINGS_BACKEND"] = "keyfile"
    env["LANGUAGE"] = "en"
    proc = subprocess.Popen([liaison, "--database", database], env=env)
    try:
        if switch(app_id, proc.pid, EN, ZH) is not None:
            report(proc.poll() is None, "the restarted Liaison is the same program, still running")
            switch(app_id, proc.pid, ZH, EN)
        report(os.path.exists(database) and not os.path.exists(os.path.join(tmp, "liaison.db")),
               "every run used the same database")
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
        shutil.rmtree(tmp, ignore_errors=True)

    print_tap()


if __name__ == "__main__":
    main()
