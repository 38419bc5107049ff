#!/usr/bin/python3
# Starts what the sync tests talk to, runs the test, stops it all:
#  - Radicale on 127.0.0.1 on a free port, temporary storage, htpasswd auth
#    (users user1..user80, password "secret");
#  - a second Radicale speaking TLS with a self-signed certificate;
#  - a fault-injecting proxy in front of the first, faults off until the
#    test asks (GET /__faults__/on/SEED, GET /__faults__/off); besides the
#    seeded faults, one planned event: GET /__faults__/lose/METHOD/SUFFIX
#    loses the answer to the next such request (the server acts on it), and
#    GET /__faults__/kill/PID/N/before|after sends SIGKILL to process PID at
#    the Nth request from then on, before or after the server acted on it;
#    and rules for one user (POST /__faults__/rule, a JSON object, see
#    Rule): answer with a status of its own, rewrite the reply's body, drop
#    a header, or cut a sync-collection answer short with a 507 row;
#  - tests/hostile-server.py in front of the first Radicale, answering what
#    a test planned in ways no server should.
# Debian's python3 on purpose: Radicale is a Debian package (DESIGN.md).
# Usage: dav-fixture.py TEST [ARG...]
import base64
import gzip
import hashlib
import json
import os
import re
import signal
import shutil
import socket
import socketserver
import subprocess
import sys
import tempfile
import threading
import time

work = tempfile.mkdtemp(prefix="liaison-dav-")
procs = []


def start_radicale(name, tls=False):
    folder = os.path.join(work, name)
    os.makedirs(folder)
    users = os.path.join(work, "users")
    config = os.path.join(folder, "config")
    log = os.path.join(folder, "log")
    lines = ["[server]", "hosts = 127.0.0.1:0", "max_connections = 20"]
    if tls:
        key = os.path.join(folder, "key.pem")
        cert = os.path.join(folder, "cert.pem")
        subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key,
                        "-out", cert, "-days", "2", "-subj", "/CN=127.0.0.1"],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        lines += ["ssl = True", "certificate = " + cert, "key = " + key]
    # Like Radicale's owner_only, but a user's collections may nest (homes
    # in folders of their own, as other servers have them).
    rights = os.path.join(folder, "rights")
    with open(rights, "w") as f:
        f.write("[root]\nuser: .+\ncollection:\npermissions: R\n"
                "[principal]\nuser: .+\ncollection: {user}\npermissions: RW\n"
                "[owned]\nuser: .+\ncollection: {user}/.+\npermissions: RWrw\n")
    lines += ["[rights]", "type = from_file", "file = " + rights]
    lines += ["[auth]", "type = htpasswd", "htpasswd_filename = " + users, "htpasswd_encryption = plain",
              "delay = 0", "[storage]", "filesystem_folder = " + os.path.join(folder, "collections"),
              "[logging]", "level = info", "mask_passwords = True"]
    with open(config, "w") as f:
        f.write("\n".join(lines) + "\n")
    out = open(log, "w")
    proc = subprocess.Popen(["radicale", "--config", config], stdout=out, stderr=out)
    procs.append(proc)
    deadline = time.time() + 30
    while time.time() < deadline:
        with open(log) as f:
            m = re.search(r"Listening on '\[127\.0\.0\.1\]:(\d+)'", f.read())
        if m:
            return int(m.group(1)), os.path.join(folder, "collections", "collection-root")
        if proc.poll() is not None:
            break
        time.sleep(0.05)
    with open(log) as f:
        sys.stderr.write(f.read())
    raise SystemExit("Radicale did not start")


class Faults:
    on = False
    seed = 0
    seen = {}
    lose = None          # (method, path suffix)
    kill = None          # [pid, requests left, "before" or "after"]
    lock = threading.Lock()


class Rule:
    """What a test asked for one user's requests. Matched on user, method,
    a regular expression on the path and one on the request body; "times"
    limits how often (default: always). Actions:
      {"action": "status", "code": 501}               answered by the proxy
      {"action": "sub", "pattern": RE, "repl": TEXT}  reply body rewritten
      {"action": "sub", "pattern": RE, "repeat": N}   what RE matches, N times
      {"action": "drop-header", "header": "ETag"}     reply header dropped
      {"action": "cut-head"}                          the server's reply cut
          inside its headers, after the status line, and the connection
          closed (libsoup 3.2 reads it as the status with an empty body)
      {"action": "empty"}                             the connection closed
          after the server acted on the request, nothing sent
      {"action": "truncate", "n": 20}                 a sync-collection answer
          with more than n rows is cut to n rows, a 507 row and a token of
          the proxy's; a request from that token gets the next n rows, and
          so on, the last part with Radicale's own token."""
    rules = []
    pending = {}         # the proxy's token → (Radicale's token, rows left)
    counter = 0


def user_of(head):
    m = re.search(rb"(?im)^authorization:\s*basic\s+([^\r\n]*)", head)
    if not m:
        return None
    try:
        return base64.b64decode(m.group(1)).decode().split(":", 1)[0]
    except Exception:
        return None


def find_rule(request):
    head, _, body = request.partition(b"\r\n\r\n")
    line = head.split(b"\r\n", 1)[0].split(b" ")
    if len(line) < 2:
        return None
    method, path = line[0].decode(), line[1].decode()
    user = user_of(head)
    with Faults.lock:
        for rule in Rule.rules:
            if rule.get("user") != user or rule.get("method", method) != method:
                continue
            if not re.search(rule.get("path", ""), path):
                continue
            if not re.search(rule.get("body", "").encode(), body):
                continue
            if rule.get("times") is not None:
                if rule["times"] <= 0:
                    continue
                rule["times"] -= 1
            return rule
    return None


def split_reply(reply):
    head, _, body = reply.partition(b"\r\n\r\n")
    if re.search(rb"(?im)^content-encoding:\s*gzip", head):
        body = gzip.decompress(body)
        head = re.sub(rb"(?im)^content-encoding:[^\r\n]*\r\n?", b"", head)
    return head, body


def join_reply(head, body):
    head = re.sub(rb"(?im)^content-length:[^\r\n]*(\r\n)?", b"", head).rstrip(b"\r\n")
    return head + b"\r\nContent-Length: %d\r\n\r\n" % len(body) + body


def multistatus(path, rows, token, more):
    out = ["<?xml version='1.0' encoding='utf-8'?><multistatus xmlns=\"DAV:\">"]
    out += rows
    if more:
        out.append("<response><href>%s</href><status>HTTP/1.1 507 Insufficient Storage</status></response>" % path)
    out.append("<sync-token>%s</sync-token></multistatus>" % token)
    return "".join(out).encode()


def truncated(rule, request, port):
    head, _, body = request.partition(b"\r\n\r\n")
    path = head.split(b"\r\n", 1)[0].split(b" ")[1].decode()
    m = re.search(rb"sync-token>([^<]*)<", body)
    token = m.group(1).decode() if m else ""
    n = rule.get("n", 20)
    with Faults.lock:
        part = Rule.pending.pop(token, None)
    if part is None:
        reply_head, reply_body = split_reply(forward(request, port))
        if b" 207 " not in reply_head.split(b"\r\n", 1)[0]:
            return join_reply(reply_head, reply_body)
        text = reply_body.decode()
        rows = re.findall(r"<response>.*?</response>", text, re.S)
        m = re.search(r"<sync-token>([^<]*)</sync-token>", text)
        part = (m.group(1) if m else "", rows)
    else:
        reply_head = b"HTTP/1.0 207 Multi-Status\r\nContent-Type: text/xml; charset=utf-8"
    real, rows = part
    if len(rows) <= n:
        return join_reply(reply_head, multistatus(path, rows, real, False))
    with Faults.lock:
        Rule.counter += 1
        fake = "http://proxy.invalid/sync/%d" % Rule.counter
        Rule.pending[fake] = (real, rows[n:])
    return join_reply(reply_head, multistatus(path, rows[:n], fake, True))


def apply_rule(rule, request, port):
    action = rule["action"]
    if action == "status":
        code = rule.get("code", 500)
        return b"HTTP/1.0 %d Proxy Rule\r\nContent-Length: 0\r\n\r\n" % code
    # Replies the proxy changes come uncompressed.
    request = re.sub(rb"(?im)^accept-encoding:[^\r\n]*\r\n", b"", request, count=1)
    if action == "cut-head":
        # At the end of a header line: cut inside a line, libsoup says it
        # could not parse the answer; at a line's end, it takes it whole.
        lines = forward(request, port).partition(b"\r\n\r\n")[0].split(b"\r\n")
        return b"".join(line + b"\r\n" for line in lines[: max(1, len(lines) // 2)])
    if action == "empty":
        forward(request, port)
        return b""
    if action == "truncate":
        return truncated(rule, request, port)
    head, body = split_reply(forward(request, port))
    if action == "sub" and "repeat" in rule:
        body = re.sub(rule["pattern"].encode(), lambda m: m.group(0) * rule["repeat"], body, flags=re.S)
    elif action == "sub":
        body = re.sub(rule["pattern"].encode(), rule["repl"].encode(), body, flags=re.S)
    elif action == "drop-header":
        head = re.sub(rb"(?im)^" + re.escape(rule["header"].encode()) + rb":[^\r\n]*(\r\n)?", b"", head)
    return join_reply(head, body)


def planned(request):
    """What the test planned for this request: None, "lose", or a kill
    ("before"/"after") with the pid."""
    line = request.split(b"\r\n", 1)[0].split(b" ")
    with Faults.lock:
        if Faults.lose and len(line) > 1 and line[0] == Faults.lose[0] and line[1].endswith(Faults.lose[1]):
            Faults.lose = None
            return "lose", None
        if Faults.kill:
            Faults.kill[1] -= 1
            if Faults.kill[1] == 0:
                pid, _, when = Faults.kill
                Faults.kill = None
                return when, pid
    return None, None


def kill(pid):
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def fault_dice(request):
    """Three numbers in [0, 1) for one request, from the seed and the
    request itself (who, method, path, and how many times the same request
    came before): not from the order in which the proxy's threads happened
    to read requests, so a seed gives the same faults on every machine."""
    head = request.partition(b"\r\n\r\n")[0]
    line = head.split(b"\r\n", 1)[0]
    m = re.search(rb"(?im)^authorization:\s*([^\r\n]*)", head)
    who = m.group(1) if m else b""
    key = (who, line)
    with Faults.lock:
        if not Faults.on:
            return None
        n = Faults.seen.get(key, 0)
        Faults.seen[key] = n + 1
        seed = Faults.seed
    digest = hashlib.sha256(b"%d\n%s\n%s\n%d" % (seed, who, line, n)).digest()
    return [int.from_bytes(digest[i:i + 8], "big") / 2.0 ** 64 for i in (0, 8, 16)]


def read_request(sock):
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            return None
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    m = re.search(rb"(?im)^content-length:\s*(\d+)", head)
    length = int(m.group(1)) if m else 0
    while len(body) < length:
        chunk = sock.recv(65536)
        if not chunk:
            return None
        body += chunk
    return head + b"\r\n\r\n" + body


def forward(request, port):
    up = socket.create_connection(("127.0.0.1", port))
    # One request per connection: Radicale speaks HTTP/1.0 anyway.
    head, _, body = request.partition(b"\r\n\r\n")
    head = re.sub(rb"(?im)^connection:[^\r\n]*\r\n", b"", head + b"\r\n") + b"Connection: close\r\n"
    up.sendall(head + b"\r\n" + body)
    reply = b""
    while True:
        chunk = up.recv(65536)
        if not chunk:
            break
        reply += chunk
    up.close()
    return reply


def make_handler(port):
    class Handler(socketserver.BaseRequestHandler):
        def handle(self):
            request = read_request(self.request)
            if request is None:
                return
            m = re.match(rb"GET /__faults__/(on/(\d+)|off)", request)
            if m:
                with Faults.lock:
                    Faults.on = m.group(2) is not None
                    if Faults.on:
                        Faults.seed = int(m.group(2))
                        Faults.seen = {}
                    else:
                        Faults.lose = Faults.kill = None
                self.request.sendall(b"HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n")
                return
            m = re.match(rb"GET /__faults__/(lose/(\w+)/([^ ]*)|kill/(\d+)/(\d+)/(before|after)) ", request)
            if m:
                with Faults.lock:
                    if m.group(2):
                        Faults.lose = (m.group(2), m.group(3))
                    else:
                        Faults.kill = [int(m.group(4)), int(m.group(5)), m.group(6).decode()]
                self.request.sendall(b"HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n")
                return
            if request.startswith(b"POST /__faults__/rule "):
                rule = json.loads(request.partition(b"\r\n\r\n")[2])
                with Faults.lock:
                    Rule.rules.append(rule)
                self.request.sendall(b"HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n")
                return
            rule = find_rule(request)
            if rule is not None:
                self.request.sendall(apply_rule(rule, request, port))
                return
            what, pid = planned(request)
            if what == "before":
                kill(pid)
                return
            if what is not None:
                forward(request, port)
                if what == "after":
                    kill(pid)
                return
            dice = fault_dice(request)
            roll, delay, cut = dice if dice is not None else (1.0, 0.0, 0.0)
            delay = 0.02 + 0.28 * delay
            if roll < 0.05:                       # connection dropped before the server saw it
                return
            if roll < 0.09:
                self.request.sendall(b"HTTP/1.0 500 Internal Server Error\r\nContent-Length: 0\r\n\r\n")
                return
            if roll < 0.13:
                self.request.sendall(b"HTTP/1.0 503 Service Unavailable\r\nRetry-After: 1\r\nContent-Length: 0\r\n\r\n")
                return
            if roll < 0.20:
                time.sleep(delay)
            reply = forward(request, port)
            if roll < 0.20:
                self.request.sendall(reply)
            elif roll < 0.25:                     # done on the server, answer lost
                return
            elif roll < 0.30:                     # answer cut off at a random point
                self.request.sendall(reply[: int(len(reply) * cut)])
            else:
                self.request.sendall(reply)
    return Handler


class Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


def start_hostile(port):
    script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "hostile-server.py")
    proc = subprocess.Popen([sys.executable, script, str(port)], stdout=subprocess.PIPE)
    procs.append(proc)
    m = re.match(r"Listening on (\d+)", proc.stdout.readline().decode())
    if not m:
        raise SystemExit("the hostile server did not start")
    return int(m.group(1))


def main():
    # "keeper" has a password made for this run, that tests/test-secrets.c
    # looks for wherever it should not be.
    keeper = base64.b32encode(os.urandom(15)).decode().lower()
    with open(os.path.join(work, "users"), "w") as f:
        for i in range(1, 81):
            f.write("user%d:secret\n" % i)
        f.write("keeper:%s\n" % keeper)
    port, storage = start_radicale("plain")
    tls_port, _ = start_radicale("tls", tls=True)
    proxy = Server(("127.0.0.1", 0), make_handler(port))
    threading.Thread(target=proxy.serve_forever, daemon=True).start()
    hostile_port = start_hostile(port)

    env = dict(os.environ)
    # No GIO_USE_PROXY_RESOLVER here: the tests' isolated data dirs hide
    # org.gnome.system.proxy, and the DAV client must cope with that itself.
    env.pop("GIO_USE_PROXY_RESOLVER", None)
    env["LIAISON_TEST_DAV_URL"] = "http://127.0.0.1:%d/" % port
    env["LIAISON_TEST_DAV_STORAGE"] = storage
    env["LIAISON_TEST_DAV_TLS_URL"] = "https://127.0.0.1:%d/" % tls_port
    env["LIAISON_TEST_PROXY_URL"] = "http://127.0.0.1:%d/" % proxy.server_address[1]
    env["LIAISON_TEST_HOSTILE_URL"] = "http://127.0.0.1:%d/" % hostile_port
    env["LIAISON_TEST_SECRET_USER"] = "keeper"
    env["LIAISON_TEST_SECRET_PASSWORD"] = keeper
    try:
        return subprocess.call(sys.argv[1:], env=env)
    finally:
        proxy.shutdown()
        for p in procs:
            p.terminate()
        for p in procs:
            try:
                p.wait(10)
            except subprocess.TimeoutExpired:
                p.kill()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
