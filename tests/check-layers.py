#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Each layer compiles against itself and the layers below, and a header of
a layer above it does not compile there, by its name or by its path from
the source root; nor does GTK below app/gui. Compiles one-line files with
the flags meson gave a source file of each layer (compile_commands.json).
Then reads the includes of app/: in app/gui only the application and the
window itself include liaison-window.h (views ask for toasts by actions),
and a layer's *-private.h is included only inside its own folder (tests may
look inside the layer they test). TAP output.

    check-layers.py SOURCE_ROOT BUILD_DIR
"""

import json
import os
import re
import shlex
import subprocess
import sys
import tempfile

LAYERS = ["core", "store", "io", "sync", "reports", "cli", "gui"]


def layer_header(top, layer):
    """A header of the layer that names it: app/store/liaison-store.h."""
    folder = os.path.join(top, "app", layer)
    headers = sorted(h for h in os.listdir(folder) if h.endswith(".h"))
    for h in headers:
        if h == "liaison-%s.h" % layer:
            return h
    return headers[0]


def flags_for(commands, top, layer):
    """The compiler and its flags for a source file of the layer."""
    folder = os.path.realpath(os.path.join(top, "app", layer)) + os.sep
    for entry in commands:
        path = os.path.realpath(os.path.join(entry["directory"], entry["file"]))
        if path.startswith(folder) and path.endswith(".c"):
            args = entry.get("arguments") or shlex.split(entry["command"])
            kept = []
            skip = False
            for a in args:
                if skip:
                    skip = False
                    continue
                if a in ("-o", "-c", "-MF", "-MQ", "-MT"):
                    skip = True
                    continue
                if a == path or a == entry["file"] or a in ("-MD", "-MMD"):
                    continue
                kept.append(a)
            return entry["directory"], kept
    return None, None


def compiles(directory, flags, line):
    with tempfile.NamedTemporaryFile("w", suffix=".c", delete=False) as f:
        f.write('#include "config.h"\n%s\nint liaison_layer_check (void);\n' % line)
        name = f.name
    try:
        run = subprocess.run(flags + ["-fsyntax-only", name], cwd=directory,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        return run.returncode == 0, run.stderr
    finally:
        os.unlink(name)


INCLUDE = re.compile(r'^\s*#\s*include\s*[<"]([^">]+)[">]', re.MULTILINE)
WINDOW_INCLUDERS = {"liaison-window.c", "liaison-application.c"}


def includes_of(top):
    """Every C file under app/ (its path from app/) and what it includes."""
    app = os.path.join(top, "app")
    found = {}
    for folder, _, files in os.walk(app):
        for name in sorted(files):
            if name.endswith((".c", ".h")):
                path = os.path.join(folder, name)
                with open(path, encoding="utf-8") as f:
                    found[os.path.relpath(path, app)] = INCLUDE.findall(f.read())
    return found


def include_checks(top):
    found = includes_of(top)
    results = []

    wrong = sorted(path for path, incs in found.items()
                   if path.startswith("gui" + os.sep)
                   and os.path.basename(path) not in WINDOW_INCLUDERS
                   and any(os.path.basename(i) == "liaison-window.h" for i in incs))
    results.append((not wrong, "gui: only %s include liaison-window.h" % " and ".join(sorted(WINDOW_INCLUDERS)),
                    "\n".join("%s includes liaison-window.h" % w for w in wrong)))

    privates = sorted(p for p in found if p.endswith("-private.h"))
    for private in privates:
        folder = os.path.dirname(private)
        wrong = sorted(path for path, incs in found.items()
                       if os.path.dirname(path) != folder
                       and any(os.path.basename(i) == os.path.basename(private) for i in incs))
        results.append((not wrong, "app/%s is included only in app/%s" % (private, folder),
                        "\n".join("app/%s includes it" % w for w in wrong)))
    return results


def main():
    top, build = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    with open(os.path.join(build, "compile_commands.json")) as f:
        commands = json.load(f)

    results = []
    for i, layer in enumerate(LAYERS):
        directory, flags = flags_for(commands, top, layer)
        if flags is None:
            results.append((False, "%s: no compile command found" % layer, ""))
            continue
        own = layer_header(top, layer)
        ok, err = compiles(directory, flags, '#include "%s"' % own)
        results.append((ok, "%s includes its own %s" % (layer, own), err))
        for below in LAYERS[:i]:
            h = layer_header(top, below)
            ok, err = compiles(directory, flags, '#include "%s"' % h)
            results.append((ok, "%s includes %s from %s below it" % (layer, h, below), err))
        for above in LAYERS[i + 1:]:
            h = layer_header(top, above)
            for line in ('#include "%s"' % h, '#include "app/%s/%s"' % (above, h)):
                ok, _ = compiles(directory, flags, line)
                results.append((not ok, "%s cannot %s (layer %s is above it)" % (layer, line, above), ""))
        if layer != "gui":
            ok, _ = compiles(directory, flags, "#include <gtk/gtk.h>")
            results.append((not ok, "%s cannot include <gtk/gtk.h>" % layer, ""))
    results += include_checks(top)

    print("1..%d" % len(results))
    for n, (ok, what, err) in enumerate(results, 1):
        print("%s %d - %s" % ("ok" if ok else "not ok", n, what))
        if not ok and err:
            for line in err.strip().splitlines()[:5]:
                print("# " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
