#!/usr/bin/python3
# Starts what the sync tests talk to, runs the test, stops it all:
#  - Radicale on 127.0.0.1 on a free port, temporary storage, htpasswd auth
#    (users user1..user40, password "secret");
#  - a second Radicale speaking TLS with a self-signed certificate;
#  - a fault-injecting proxy in front of the first, faults off until the
#    test asks (GET /__faults__/on/SEED, GET /__faults__/off).
# Debian's python3 on purpose: Radicale is a Debian package (DESIGN.md).
# Usage: dav-fixture.py TEST [ARG...]
import os
import random
import re
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
    rng = random.Random(0)
    lock = threading.Lock()


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
                        Faults.rng = random.Random(int(m.group(2)))
                self.request.sendall(b"HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n")
                return
            with Faults.lock:
                roll = Faults.rng.random() if Faults.on else 1.0
                delay = Faults.rng.uniform(0.02, 0.3)
                cut = Faults.rng.random()
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


def main():
    with open(os.path.join(work, "users"), "w") as f:
        for i in range(1, 41):
            f.write("user%d:secret\n" % i)
    port, storage = start_radicale("plain")
    tls_port, _ = start_radicale("tls", tls=True)
    proxy = Server(("127.0.0.1", 0), make_handler(port))
    threading.Thread(target=proxy.serve_forever, daemon=True).start()

    env = dict(os.environ)
    # The tests' GSETTINGS_SCHEMA_DIR holds only Liaison's schema: GNOME's
    # proxy settings module would abort on the missing org.gnome.system.proxy.
    env["GIO_USE_PROXY_RESOLVER"] = "dummy"
    env["LIAISON_TEST_DAV_URL"] = "http://127.0.0.1:%d/" % port
    env["LIAISON_TEST_DAV_STORAGE"] = storage
    env["LIAISON_TEST_DAV_TLS_URL"] = "https://127.0.0.1:%d/" % tls_port
    env["LIAISON_TEST_PROXY_URL"] = "http://127.0.0.1:%d/" % proxy.server_address[1]
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
