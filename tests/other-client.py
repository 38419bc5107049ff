#!/usr/bin/python3
# Other clients of the shared server, as tests/test-sync.c drives them: the
# real python-caldav and vdirsyncer of Debian (DESIGN.md, "What other
# clients do to the shared server"), so what they send is what they send.
# Debian's python3 on purpose: the clients are Debian packages.
#
#   other-client.py caldav-put URL USER PASSWORD COLLECTION FILE
#       python-caldav saves the event in FILE (its UID names the resource)
#   other-client.py caldav-delete URL USER PASSWORD COLLECTION UID
#       python-caldav finds the event by its UID and deletes it
#   other-client.py caldav-edit URL USER PASSWORD COLLECTION UID PATTERN REPL
#       python-caldav fetches the event, replaces PATTERN (a Python regular
#       expression) with REPL in its text, and saves it
#   other-client.py vdirsyncer-remove URL USER PASSWORD COLLECTION WORKDIR UID...
#       vdirsyncer syncs the collection to a folder, the files holding
#       these UIDs are removed there, and vdirsyncer syncs again
# COLLECTION is a path below URL, e.g. user3/liaison-events/.
import os
import re
import subprocess
import sys


def calendar(url, user, password, collection):
    import caldav
    client = caldav.DAVClient(url, username=user, password=password)
    return caldav.Calendar(client=client, url=url + collection)


def caldav_put(url, user, password, collection, path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    calendar(url, user, password, collection).save_event(text)


def caldav_delete(url, user, password, collection, uid):
    calendar(url, user, password, collection).event_by_uid(uid).delete()


def caldav_edit(url, user, password, collection, uid, pattern, repl):
    event = calendar(url, user, password, collection).event_by_uid(uid)
    event.load()
    text = event.data
    changed = re.sub(pattern, repl, text)
    if changed == text:
        raise SystemExit("caldav-edit: %r is not in the event:\n%s" % (pattern, text))
    event.data = changed
    event.save(increase_seqno=False)


def vdirsyncer_remove(url, user, password, collection, work, uids):
    kind = "carddav" if collection.rstrip("/").endswith("participants") else "caldav"
    files = os.path.join(work, "files")
    config = os.path.join(work, "config")
    os.makedirs(files, exist_ok=True)
    with open(config, "w") as f:
        f.write('[general]\nstatus_path = "%s"\n\n' % os.path.join(work, "status"))
        f.write('[pair shared]\na = "server"\nb = "here"\ncollections = null\n'
                'conflict_resolution = "a wins"\n\n')
        f.write('[storage server]\ntype = "%s"\nurl = "%s"\nusername = "%s"\npassword = "%s"\n\n'
                % (kind, url + collection, user, password))
        f.write('[storage here]\ntype = "filesystem"\npath = "%s"\nfileext = "%s"\n'
                % (files, ".vcf" if kind == "carddav" else ".ics"))
    env = dict(os.environ, HOME=work)
    subprocess.run(["vdirsyncer", "-c", config, "discover"], check=True, env=env,
                   input=b"y\n" * 10, stdout=subprocess.DEVNULL)
    subprocess.run(["vdirsyncer", "-c", config, "sync"], check=True, env=env, stdout=subprocess.DEVNULL)
    removed = 0
    for name in os.listdir(files):
        path = os.path.join(files, name)
        with open(path, encoding="utf-8") as f:
            text = f.read()
        if any(re.search(r"(?m)^UID:(urn:uuid:)?%s\r?$" % re.escape(uid), text) for uid in uids):
            os.unlink(path)
            removed += 1
    if removed != len(uids):
        raise SystemExit("vdirsyncer-remove: found %d of %d items in %s" % (removed, len(uids), files))
    # The last item of a collection may be among them: vdirsyncer asks for
    # --force-delete before it empties a side.
    subprocess.run(["vdirsyncer", "-c", config, "sync", "--force-delete"], check=True, env=env,
                   stdout=subprocess.DEVNULL)


def main(argv):
    if len(argv) < 6:
        raise SystemExit(__doc__)
    command, args = argv[1], argv[2:]
    if command == "caldav-put":
        caldav_put(*args)
    elif command == "caldav-delete":
        caldav_delete(*args)
    elif command == "caldav-edit":
        caldav_edit(*args)
    elif command == "vdirsyncer-remove":
        vdirsyncer_remove(args[0], args[1], args[2], args[3], args[4], args[5:])
    else:
        raise SystemExit("unknown command %s" % command)


if __name__ == "__main__":
    main(sys.argv)
