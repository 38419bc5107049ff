#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Time from exec to the first painted frame, and peak RSS, of the window
on an empty database and on the 100,000-person benchmark database.

Run under a display (tests/run-under-xvfb.sh gives one):
  tests/run-under-xvfb.sh bench/bench-startup.py build/app/liaison [--big FILE] [--runs N]
The big database is made by build/bench/bench-store when missing. One JSON
object per line; the last compares the two (targets: ratio <= 1.3 for the
first frame and for the process's CPU time, RSS growth <= 40 MB).

The two databases are started in turn (empty, big, empty, big ...), so a
change of the machine's load during the run weighs on both alike.

Liaison upgrades a database of an older level when it opens it (the
untimed first start does it here): give --big a copy of a file that must
stay as it is."""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import tempfile
import time


def one_start(liaison, database, env):
    started = time.monotonic_ns() // 1000
    proc = subprocess.Popen([liaison, "--database", database], stdout=subprocess.PIPE, env=env, text=True)
    first = None
    for line in proc.stdout:
        if line.startswith("first-frame "):
            first = int(line.split()[1])
    _, status, usage = os.wait4(proc.pid, 0)
    if first is None:
        raise SystemExit("%s never painted a frame (status %d)" % (database, status))
    cpu_ms = (usage.ru_utime + usage.ru_stime) * 1000.0
    return (first - started) / 1000.0, cpu_ms, usage.ru_maxrss / 1024.0


def summary(label, starts):
    times = [s[0] for s in starts]
    cpu = [s[1] for s in starts]
    rss = [s[2] for s in starts]
    result = {
        "benchmark": "startup",
        "database": label,
        "runs": len(starts),
        "first_frame_median_ms": round(statistics.median(times), 1),
        "first_frame_max_ms": round(max(times), 1),
        "cpu_median_ms": round(statistics.median(cpu), 1),
        "cpu_max_ms": round(max(cpu), 1),
        "peak_rss_median_mb": round(statistics.median(rss), 1),
    }
    print(json.dumps(result), flush=True)
    return result


def measure(liaison, databases, runs, env):
    """Start each database in turn, runs times each; one start of each
    first to warm the page cache and the font and icon caches."""
    for _, database in databases:
        one_start(liaison, database, env)
    starts = {label: [] for label, _ in databases}
    for _ in range(runs):
        for label, database in databases:
            starts[label].append(one_start(liaison, database, env))
    return [summary(label, starts[label]) for label, _ in databases]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("liaison")
    parser.add_argument("--big", default=os.path.join(tempfile.gettempdir(), "liaison-bench.db"))
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()

    here = os.path.dirname(os.path.abspath(args.liaison))
    if not os.path.exists(args.big):
        subprocess.run([os.path.join(here, "..", "bench", "bench-store"), "--database", args.big, "--queries", "10"],
                       check=True, stdout=subprocess.DEVNULL)

    env = dict(os.environ, LIAISON_EXIT_AFTER_FIRST_FRAME="1")
    env.pop("G_DEBUG", None)
    tmp = tempfile.mkdtemp(prefix="liaison-startup-")
    try:
        empty = os.path.join(tmp, "empty.db")
        # Created (plan and history loaded) before timing, like the big one.
        subprocess.run([args.liaison, "--database", empty, "plan"], check=True, stdout=subprocess.DEVNULL)
        small, big = measure(args.liaison, [("empty", empty), ("100000-participants", args.big)], args.runs, env)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    print(json.dumps({
        "benchmark": "startup-comparison",
        "participants": 100000,
        "interleaved": True,
        "first_frame_ratio": round(big["first_frame_median_ms"] / small["first_frame_median_ms"], 2),
        "cpu_ratio": round(big["cpu_median_ms"] / small["cpu_median_ms"], 2),
        "rss_growth_mb": round(big["peak_rss_median_mb"] - small["peak_rss_median_mb"], 1),
        "targets": {"first_frame_ratio": 1.3, "cpu_ratio": 1.3, "rss_growth_mb": 40},
    }), flush=True)


if __name__ == "__main__":
    main()
