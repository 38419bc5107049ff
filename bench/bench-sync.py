#!/usr/bin/python3
# Sync benchmark: Liaison against vdirsyncer, same Radicale, same run.
#   bench/bench-sync.py LIAISON-BINARY [--events 2000] [--cards 20000] [--liaison-only]
# Makes a dataset straight into a fresh Radicale's storage (2,000 events
# with 10-300 attendees each, 20,000 cards, as Liaison writes them), warms
# Radicale's cache, then times the initial pull and a sync with nothing
# changed, for each client. One JSON object per line on stdout.
# Debian's python3 on purpose: Radicale is a Debian package (DESIGN.md).
import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
import base64
import uuid

ap = argparse.ArgumentParser()
ap.add_argument("liaison")
ap.add_argument("--events", type=int, default=2000)
ap.add_argument("--cards", type=int, default=20000)
ap.add_argument("--seed", type=int, default=2025)
ap.add_argument("--liaison-only", action="store_true", help="skip vdirsyncer (for profiling Liaison alone)")
args = ap.parse_args()

work = tempfile.mkdtemp(prefix="liaison-bench-sync-")
rng = random.Random(args.seed)
USER, PASSWORD = "bench", "secret"


def esc(text):
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def fold(line):
    out, data = [], line.encode()
    first = True
    while len(data) > (75 if first else 74):
        cut = 75 if first else 74
        while (data[cut] & 0xC0) == 0x80:
            cut -= 1
        out.append(data[:cut])
        data = data[cut:]
        first = False
    out.append(data)
    return b"\r\n ".join(out).decode() + "\r\n"


FAMILY = ["Wang", "Li", "Nguyen", "Tan", "Santos", "Hassan", "Sari", "Khin", "Vong", "Chea", "Jaidee", "Lim"]
GIVEN = ["Fang", "Xia", "An", "Mei Ling", "Maria", "Aminah", "Dewi", "Aung", "Somchai", "Sokha", "Bounmy", "Hui"]


def make_dataset(root):
    book = os.path.join(root, USER, "liaison-participants")
    cal = os.path.join(root, USER, "liaison-events")
    for folder, tag in ((book, "VADDRESSBOOK"), (cal, "VCALENDAR")):
        os.makedirs(folder)
        with open(os.path.join(folder, ".Radicale.props"), "w") as f:
            json.dump({"tag": tag, "D:displayname": "Liaison"}, f)
    people = []
    for i in range(args.cards):
        pid = str(uuid.UUID(int=rng.getrandbits(128), version=4))
        fam, giv = rng.choice(FAMILY), rng.choice(GIVEN)
        email = "%s.%s%d@example.org" % (giv.lower().replace(" ", ""), fam.lower(), i)
        people.append((pid, "%s %s" % (fam, giv), email))
        card = ("BEGIN:VCARD\r\nVERSION:4.0\r\nUID:%s\r\n" % pid + fold("FN:%s %s" % (fam, giv))
                + fold("N;X-LIAISON-SCRIPT=latin:%s;%s;;;" % (esc(fam), esc(giv)))
                + fold("EMAIL:%s" % email) + fold("ORG;LANGUAGE=en:%s" % esc("Ministry of Environment, Unit %d" % (i % 40)))
                + "X-LIAISON-COUNTRY:%s\r\nX-LIAISON-SECTOR:government\r\nEND:VCARD\r\n" % rng.choice(["CN", "TH", "VN", "ID", "MY"]))
        with open(os.path.join(book, pid + ".vcf"), "w") as f:
            f.write(card)
    attendees = 0
    for i in range(args.events):
        eid = str(uuid.UUID(int=rng.getrandbits(128), version=4))
        day = 1 + i % 28
        lines = ["BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//bench//EN\r\nBEGIN:VEVENT\r\n", "UID:%s\r\n" % eid,
                 "DTSTAMP:20250101T000000Z\r\n", "DTSTART;VALUE=DATE:2025%02d%02d\r\n" % (1 + i % 12, day),
                 "DTEND;VALUE=DATE:2025%02d%02d\r\n" % (1 + i % 12, day + 1),
                 fold("SUMMARY:%s" % esc("Workshop %d, Nanning; marine plastics" % i)),
                 fold("X-LIAISON-TITLE-ZH:%s" % esc("海洋塑料研讨会，第 %d 期" % i)),
                 "X-LIAISON-KIND:workshop\r\nX-LIAISON-STATUS:planned\r\nSTATUS:TENTATIVE\r\n"]
        for pid, name, email in rng.sample(people, rng.randint(10, 300)):
            attendees += 1
            lines.append(fold("ATTENDEE;CN=%s;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;RSVP=FALSE;"
                              "SCHEDULE-AGENT=CLIENT;X-LIAISON-PARTICIPANT=%s;X-LIAISON-ROLE=delegate;"
                              "X-LIAISON-STATUS=registered:mailto:%s" % (name, pid, email)))
        lines.append("END:VEVENT\r\nEND:VCALENDAR\r\n")
        with open(os.path.join(cal, eid + ".ics"), "w") as f:
            f.write("".join(lines))
    return attendees


def start_radicale():
    users = os.path.join(work, "users")
    with open(users, "w") as f:
        f.write("%s:%s\n" % (USER, PASSWORD))
    config = os.path.join(work, "config")
    log = os.path.join(work, "radicale.log")
    with open(config, "w") as f:
        f.write("[server]\nhosts = 127.0.0.1:0\nmax_content_length = 1000000000\ntimeout = 600\n"
                "[auth]\ntype = htpasswd\nhtpasswd_filename = %s\nhtpasswd_encryption = plain\ndelay = 0\n"
                "[storage]\nfilesystem_folder = %s\n[logging]\nlevel = warning\n"
                % (users, os.path.join(work, "collections")))
    out = open(log, "w")
    proc = subprocess.Popen(["radicale", "--config", config, "--logging-level", "info"], stdout=out, stderr=out)
    for _ in range(600):
        with open(log) as f:
            m = re.search(r"Listening on '\[127\.0\.0\.1\]:(\d+)'", f.read())
        if m:
            return proc, int(m.group(1))
        time.sleep(0.05)
    raise SystemExit("Radicale did not start")


def warm(port, collection):
    body = b'<propfind xmlns="DAV:"><prop><getetag/></prop></propfind>'
    req = urllib.request.Request("http://127.0.0.1:%d/%s/%s/" % (port, USER, collection), data=body, method="PROPFIND",
                                 headers={"Depth": "1", "Authorization": "Basic " + base64.b64encode(
                                     ("%s:%s" % (USER, PASSWORD)).encode()).decode()})
    urllib.request.urlopen(req, timeout=600).read()


def timed(argv, env=None, stdin=None, want_stderr=False):
    start = time.monotonic()
    r = subprocess.run(argv, env=env, input=stdin, capture_output=True, text=True)
    elapsed = time.monotonic() - start
    if r.returncode != 0:
        sys.stderr.write(r.stderr[-4000:])
        raise SystemExit("%s failed (%d)" % (argv[0], r.returncode))
    if want_stderr:
        return elapsed, r.stdout, r.stderr
    return elapsed, r.stdout


def steps_of(stderr):
    """The engine's own timings (G_MESSAGES_DEBUG=liaison-sync): what the
    sync did besides starting the process, step by step, in ms."""
    steps = {}
    for m in re.finditer(r"liaison-sync-DEBUG: [0-9:.]+: ([^\n]+?): ([0-9.]+) ms(?: of the next step)?", stderr):
        steps[m.group(1)] = round(steps.get(m.group(1), 0) + float(m.group(2)), 1)
    return steps


def machine():
    with open("/proc/loadavg") as f:
        load = f.read().split()[:3]
    return {"cores": os.cpu_count(), "load": [float(x) for x in load]}


def main():
    root = os.path.join(work, "collections", "collection-root")
    print(json.dumps({"case": "machine", **machine()}), flush=True)
    t0 = time.monotonic()
    attendees = make_dataset(root)
    proc, port = start_radicale()
    try:
        warm(port, "liaison-participants")
        warm(port, "liaison-events")
        dataset = {"events": args.events, "attendees": attendees, "cards": args.cards,
                   "generated_s": round(time.monotonic() - t0, 1)}
        url = "http://127.0.0.1:%d/%s/" % (port, USER)
        env = dict(os.environ, LIAISON_PASSWORD=PASSWORD, GSETTINGS_BACKEND="memory", GIO_USE_PROXY_RESOLVER="dummy")
        env.pop("GSETTINGS_SCHEMA_DIR", None)
        db = os.path.join(work, "liaison.db")
        cmd = [args.liaison, "--database", db, "sync", "--url", url, "--username", USER]
        # Another office has synced before (the server has the built-in
        # history), and this database and its first-run content exist
        # before the clock starts: the initial sync is then a pure pull.
        other = os.path.join(work, "other.db")
        timed([args.liaison, "--database", other, "sync", "--url", url, "--username", USER], env)
        subprocess.run([args.liaison, "--database", db, "plan", "--json"], env=env, capture_output=True, check=True)
        # The engine's timings go to stderr (G_MESSAGES_DEBUG; a few lines).
        first, out, err = timed(cmd, dict(env, G_MESSAGES_DEBUG="liaison-sync"), want_stderr=True)
        summary = json.loads(out)
        print(json.dumps({"client": "liaison", "case": "initial-pull", "seconds": round(first, 2),
                          "requests": summary["requests"], "pulled": summary["pulled"],
                          "steps_ms": steps_of(err), **dataset}), flush=True)
        again, out = timed(cmd, env)
        summary = json.loads(out)
        print(json.dumps({"client": "liaison", "case": "no-change", "seconds": round(again, 3),
                          "requests": summary["requests"], **dataset}), flush=True)
        # The same again with the engine's timings, to see where it goes.
        traced_env = dict(env, G_MESSAGES_DEBUG="liaison-sync")
        traced, out, err = timed(cmd, traced_env, want_stderr=True)
        steps = steps_of(err)
        print(json.dumps({"client": "liaison", "case": "no-change-steps", "seconds": round(traced, 3),
                          "sync_ms": round(sum(steps.values()), 1), "steps_ms": steps, **machine()}), flush=True)
        if args.liaison_only:
            return

        vd = os.path.join(work, "vdirsyncer")
        os.makedirs(os.path.join(vd, "status"))
        with open(os.path.join(vd, "config"), "w") as f:
            f.write('[general]\nstatus_path = "%s/status/"\n\n' % vd)
            for name, kind, ext in (("cal", "caldav", ".ics"), ("book", "carddav", ".vcf")):
                f.write('[pair %s]\na = "%s_local"\nb = "%s_remote"\ncollections = ["liaison-%s"]\n\n'
                        % (name, name, name, "events" if kind == "caldav" else "participants"))
                f.write('[storage %s_local]\ntype = "filesystem"\npath = "%s/%s/"\nfileext = "%s"\n\n' % (name, vd, name, ext))
                f.write('[storage %s_remote]\ntype = "%s"\nurl = "%s"\nusername = "%s"\npassword = "%s"\n\n'
                        % (name, kind, url, USER, PASSWORD))
        venv = dict(os.environ, VDIRSYNCER_CONFIG=os.path.join(vd, "config"))
        timed(["vdirsyncer", "discover"], venv, stdin="y\ny\n")
        first_vd, _ = timed(["vdirsyncer", "sync"], venv)
        print(json.dumps({"client": "vdirsyncer", "case": "initial-pull", "seconds": round(first_vd, 2), **dataset}),
              flush=True)
        again_vd, _ = timed(["vdirsyncer", "sync"], venv)
        print(json.dumps({"client": "vdirsyncer", "case": "no-change", "seconds": round(again_vd, 3), **dataset}),
              flush=True)
        print(json.dumps({"case": "ratio", "initial_pull_speedup": round(first_vd / first, 2),
                          "no_change_speedup": round(again_vd / again, 2)}), flush=True)
    finally:
        proc.terminate()
        proc.wait(30)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
