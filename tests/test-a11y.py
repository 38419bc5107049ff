#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The window as a screen reader meets it, over AT-SPI: every control it
shows has a name, in each view; and the views are reached from the keyboard
alone (real key presses through the X server, as a person types them).

Run under tests/run-under-xvfb.sh with LIAISON_A11Y=1 (the suite does);
argument: the liaison binary. TAP output."""

import os
import re
import shutil
import subprocess
import sys
import tempfile

from liaison_atspi import APP_G_DEBUG, find_app, print_tap, report, wait_for, xdotool

import pyatspi  # noqa: E402

CONTROLS = {
    pyatspi.ROLE_PUSH_BUTTON,
    pyatspi.ROLE_TOGGLE_BUTTON,
    pyatspi.ROLE_CHECK_BOX,
    pyatspi.ROLE_RADIO_BUTTON,
    pyatspi.ROLE_COMBO_BOX,
    pyatspi.ROLE_SPIN_BUTTON,
    pyatspi.ROLE_SLIDER,
    pyatspi.ROLE_ENTRY,
    pyatspi.ROLE_PASSWORD_TEXT,
    pyatspi.ROLE_LIST,
    pyatspi.ROLE_LIST_BOX,
    pyatspi.ROLE_TREE_TABLE,
    pyatspi.ROLE_TABLE,
}

# GTK 4.8 names a widget that has no name of its own after its type
# ("GtkToggleButton"): for a screen reader's user that is no name.
TYPE_NAME = re.compile(r"^(Gtk|Adw|Liaison)[A-Z][A-Za-z]+$")


def visible(acc):
    try:
        return acc.getState().contains(pyatspi.STATE_VISIBLE)
    except Exception:
        return False


# GTK 4.8 never sets SHOWING, so the walk covers every visible widget of
# every view, shown or not: stricter than a screen reader's own walk.
def walk(acc, depth=0):
    if depth > 60:
        return
    yield acc
    try:
        children = list(acc)
    except Exception:
        return
    for child in children:
        if child is not None and visible(child):
            yield from walk(child, depth + 1)


def path_of(acc):
    names = []
    node = acc
    while node is not None and len(names) < 12:
        try:
            names.append("%s(%s)" % (node.getRoleName(), node.name or ""))
            node = node.parent
        except Exception:
            break
    return " < ".join(names)


def named(acc):
    name = (acc.name or "").strip()
    return bool(name) and not TYPE_NAME.match(name)


# The parts GTK and libadwaita build inside a control (a drop-down's
# toggle, a column view's list, an expander row's list) are read as that
# control; they cannot be named from outside in GTK 4.8, and need not be.
def inside_a_control(acc):
    node = acc.parent
    while node is not None:
        try:
            role = node.getRole()
        except Exception:
            return False
        if role in (pyatspi.ROLE_COMBO_BOX, pyatspi.ROLE_TREE_TABLE, pyatspi.ROLE_LIST_ITEM) and named(node):
            return True
        if role == pyatspi.ROLE_FRAME:
            return False
        node = node.parent
    return False


def unnamed_controls(app):
    missing = []
    for acc in walk(app):
        try:
            role = acc.getRole()
        except Exception:
            continue
        if role in CONTROLS and not named(acc) and not inside_a_control(acc):
            missing.append(path_of(acc))
    return missing


def find(app, role, name):
    for acc in walk(app):
        try:
            if acc.getRole() == role and acc.name == name:
                return acc
        except Exception:
            continue
    return None


def selected_view(app):
    views = None
    for acc in walk(app):
        try:
            if acc.getRole() in (pyatspi.ROLE_LIST, pyatspi.ROLE_LIST_BOX) and acc.name in ("Views", "视图"):
                views = acc
                break
        except Exception:
            continue
    if views is None:
        return None
    for row in views:
        if row is not None and row.getState().contains(pyatspi.STATE_SELECTED):
            return row.name
    return None


# The Overview has read the store: its line of translation counts, empty
# until then, says how many texts wait.
def overview_loaded(app):
    for acc in walk(app):
        try:
            if acc.getRole() == pyatspi.ROLE_LABEL and (acc.name or "").startswith(("Into English:", "译成英文：")):
                return True
        except Exception:
            continue
    return False


def focused_view(app):
    views = None
    for acc in walk(app):
        try:
            if acc.getRole() in (pyatspi.ROLE_LIST, pyatspi.ROLE_LIST_BOX) and acc.name in ("Views", "视图"):
                views = acc
                break
        except Exception:
            continue
    if views is None:
        return None
    for row in views:
        if row is not None and row.getState().contains(pyatspi.STATE_FOCUSED):
            return row.name
    return None


def main():
    liaison = sys.argv[1]
    tmp = tempfile.mkdtemp(prefix="liaison-a11y-")
    env = dict(os.environ)
    if APP_G_DEBUG is not None:
        env["G_DEBUG"] = APP_G_DEBUG
    proc = subprocess.Popen([liaison, "--database", os.path.join(tmp, "a11y.db")], env=env)
    try:
        app = wait_for(find_app)
        report(app is not None, "the window is on the accessibility bus")
        if app is None:
            return
        # On screen and focused (xdotool waits for both), the Overview it
        # opens on shown and read.
        window = xdotool("search", "--sync", "--onlyvisible", "--name", "Liaison").split()[0]
        xdotool("windowfocus", "--sync", window)
        ready = wait_for(lambda: selected_view(app) in ("Overview", "概览") and overview_loaded(app))
        report(bool(ready), "the window opens on the Overview, read from the store",
               ["selected: %s" % selected_view(app)])

        views = [("1", ("Overview", "概览")), ("2", ("Events", "活动")),
                 ("3", ("Participants", "参会人员")), ("4", ("Action Plan", "行动计划"))]
        for key, names in views:
            xdotool("key", "--clearmodifiers", "alt+" + key)
            shown = wait_for(lambda: selected_view(app) in names, 5)
            report(bool(shown), "Alt+%s shows %s" % (key, names[0]),
                   ["selected: %s" % selected_view(app)])
        missing = unnamed_controls(app)
        report(not missing, "every control has a name (%d unnamed)" % len(missing), missing[:25])

        # The event editor, opened with Ctrl+N, closed with Escape.
        xdotool("key", "--clearmodifiers", "ctrl+n")
        editor = wait_for(lambda: next((w for w in app if w is not None and w.name in ("New Event", "新建活动")), None), 5)
        report(editor is not None, "Ctrl+N opens the event editor")
        if editor is not None:
            missing = unnamed_controls(editor)
            report(not missing, "every control of the editor has a name (%d unnamed)" % len(missing), missing[:25])
            title = editor.name
            xdotool("key", "Escape")

            def editor_gone():
                try:
                    return not any(w is not None and w.name == title for w in app)
                except Exception:
                    return False
            closed = wait_for(editor_gone, 5)
            report(bool(closed), "Escape closes the editor")
            xdotool("windowfocus", "--sync", window)

        # The keyboard alone, no shortcut: F9 to the list of views, Up to
        # the one before, Enter.
        xdotool("key", "--clearmodifiers", "alt+4")
        wait_for(lambda: selected_view(app) in views[3][1], 5)
        xdotool("key", "--clearmodifiers", "F9")
        wait_for(lambda: focused_view(app) in views[3][1], 5)
        xdotool("key", "Up")
        wait_for(lambda: focused_view(app) in views[2][1], 5)
        xdotool("key", "Return")
        shown = wait_for(lambda: selected_view(app) in views[2][1], 5)
        report(bool(shown), "F9, Up and Enter go from Action Plan to Participants",
               ["selected: %s" % selected_view(app)])
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
