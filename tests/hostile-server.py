#!/usr/bin/python3
# A server that misbehaves on purpose, for tests/test-sync-hostile.c.
# In front of the fixture's Radicale: every request goes through to it,
# except those a test planned an answer for (POST /__hostile__/plan, a JSON
# object, see Plan); DELETE /__hostile__/plan/USER forgets a user's plans.
# Started by tests/dav-fixture.py; prints "Listening on PORT" when ready.
# Usage: hostile-server.py RADICALE_PORT
import json
import re
import socket
import socketserver
import sys
import threading
import time
import zlib


class Plan:
    """What a test planned for one user's requests. Matched on user, method,
    a regular expression on the path and one on the request body; "times"
    limits how often (default: always). Answers:
      empty            the connection closed, nothing sent
      status-only      a status line and headers, then the connection closed
                       ("status": 200 by default; an empty body)
      cut-head         Radicale's answer cut after half its header lines
      trickle          a status (207 by default), then the body one byte
                       every "interval" seconds, for ever
      trickle-head     the status line itself one byte at a time
      endless          a status, then a body that never ends (a listing of
                       404 rows, or "text" for a GET)
      endless-wide     the same with hrefs of a kilobyte (fewer rows a
                       megabyte, for the default limit under a sanitizer)
      huge             Content-Length: 200,000,000 and that many bytes
      gzip             gzip-encoded: a few KB on the wire that decode to an
                       endless run of spaces
      text, html       207 with a body that is not a multistatus
      billion-laughs   entities that expand to gigabytes
      parameter-laughs the same with parameter entities, inside the DTD
      external-entity  an entity that names /etc/passwd
      late-doctype     billion-laughs after a comment longer than 4 KB
      redirect-loop    302 to the same address, for ever"""
    plans = []
    lock = threading.Lock()


def user_of(head):
    import base64
    m = re.search(rb"(?im)^authorization:\s*basic\s+([^\r\n]*)", head)
    if not m:
        return None
    try:
        return base64.b64decode(m.group(1)).decode().split(":", 1)[0]
    except Exception:
        return None


def find_plan(request):
    head, _, body = request.partition(b"\r\n\r\n")
    line = head.split(b"\r\n", 1)[0].split(b" ")
    if len(line) < 2:
        return None
    method, path = line[0].decode(), line[1].decode()
    user = user_of(head)
    with Plan.lock:
        for plan in Plan.plans:
            if plan.get("user") != user or plan.get("method", method) != method:
                continue
            if not re.search(plan.get("path", ""), path) or not re.search(plan.get("body", "").encode(), body):
                continue
            if plan.get("times") is not None:
                if plan["times"] <= 0:
                    continue
                plan["times"] -= 1
            return plan
    return None


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


XML = b'<?xml version="1.0" encoding="utf-8"?>\n'
LAUGHS = (b'<!DOCTYPE multistatus [\n<!ENTITY lol "lol">\n'
          + b"".join(b'<!ENTITY lol%d "%s">\n' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
                     for i in range(1, 10))
          + b']>\n<multistatus xmlns="DAV:"><response><href>&lol9;</href>'
          b"<status>HTTP/1.1 404 Not Found</status></response></multistatus>\n")
PARAMETER_LAUGHS = (b'<!DOCTYPE multistatus [\n<!ENTITY % a "lollollollollollollollollollol">\n'
                    + b"".join(b'<!ENTITY %% %s "%s">\n' % (bytes([98 + i]), (b"%%%s;" % bytes([97 + i])) * 10)
                               for i in range(8))
                    + b'<!ENTITY x "%i;">\n]>\n<multistatus xmlns="DAV:"><sync-token>&x;</sync-token></multistatus>\n')
EXTERNAL = (b'<!DOCTYPE multistatus [\n<!ENTITY passwd SYSTEM "file:///etc/passwd">\n]>\n'
            b'<multistatus xmlns="DAV:"><response><href>&passwd;</href>'
            b"<status>HTTP/1.1 404 Not Found</status></response></multistatus>\n")
ROW = b"<response><href>/nowhere/%d%s</href><status>HTTP/1.1 404 Not Found</status></response>\n"


def head_of(status, extra=b""):
    phrase = {200: b"OK", 207: b"Multi-Status", 302: b"Found"}.get(status, b"Status")
    return b"HTTP/1.0 %d %s\r\nContent-Type: application/xml; charset=utf-8\r\n%s" % (status, phrase, extra)


def answer(sock, plan, request, port):
    kind = plan["answer"]
    status = plan.get("status", 200 if request.startswith(b"GET ") else 207)
    if kind == "empty":
        return
    if kind == "status-only":
        sock.sendall(head_of(status) + b"\r\n")
    elif kind == "cut-head":
        lines = forward(request, port).partition(b"\r\n\r\n")[0].split(b"\r\n")
        sock.sendall(b"".join(line + b"\r\n" for line in lines[: max(1, len(lines) // 2)]))
    elif kind in ("trickle", "trickle-head"):
        data = head_of(status, b"Content-Length: 100000\r\n") + b"\r\n" + XML + b'<multistatus xmlns="DAV:">'
        if kind == "trickle":
            sock.sendall(data[: data.index(b"\r\n\r\n") + 4])
            data = data[data.index(b"\r\n\r\n") + 4:] + b" " * 100000
        for i in range(len(data)):
            sock.sendall(data[i:i + 1])
            time.sleep(plan.get("interval", 5))
    elif kind in ("endless", "endless-wide"):
        sock.sendall(head_of(status) + b"\r\n")
        if status == 207:
            sock.sendall(XML + b'<multistatus xmlns="DAV:">')
            pad = b"-" * 1000 if kind == "endless-wide" else b""
            n = 0
            while True:
                sock.sendall(b"".join(ROW % (i, pad) for i in range(n, n + 1000)))
                n += 1000
        while True:
            sock.sendall(b"text, and more text\r\n" * 4096)
    elif kind == "huge":
        size = 200 * 1000 * 1000
        sock.sendall(head_of(status, b"Content-Length: %d\r\n" % size) + b"\r\n")
        block = b" " * 65536
        for _ in range(size // len(block)):
            sock.sendall(block)
    elif kind == "gzip":
        sock.sendall(head_of(status, b"Content-Encoding: gzip\r\n") + b"\r\n")
        z = zlib.compressobj(9, zlib.DEFLATED, 31)
        block = b" " * (1 << 20)
        while True:
            sock.sendall(z.compress(block) + z.flush(zlib.Z_SYNC_FLUSH))
    elif kind in ("text", "html", "billion-laughs", "parameter-laughs", "external-entity", "late-doctype"):
        body = {
            "text": b"Internal error: the proxy could not reach the backend\n",
            "html": b"<html><head><title>502 Bad Gateway</title></head><body>Bad gateway</body></html>\n",
            "billion-laughs": XML + LAUGHS,
            "parameter-laughs": XML + PARAMETER_LAUGHS,
            "external-entity": XML + EXTERNAL,
            "late-doctype": XML + b"<!--" + b" padding" * 1000 + b" -->\n" + LAUGHS,
        }[kind]
        sock.sendall(head_of(status, b"Content-Length: %d\r\n" % len(body)) + b"\r\n" + body)
    elif kind == "redirect-loop":
        path = request.split(b" ", 2)[1]
        sock.sendall(head_of(302, b"Location: %s\r\nContent-Length: 0\r\n" % path) + b"\r\n")
    else:
        sock.sendall(b"HTTP/1.0 500 Unknown Plan\r\nContent-Length: 0\r\n\r\n")


def make_handler(port):
    class Handler(socketserver.BaseRequestHandler):
        def handle(self):
            request = read_request(self.request)
            if request is None:
                return
            if request.startswith(b"POST /__hostile__/plan "):
                plan = json.loads(request.partition(b"\r\n\r\n")[2])
                with Plan.lock:
                    Plan.plans.append(plan)
                self.request.sendall(b"HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n")
                return
            m = re.match(rb"DELETE /__hostile__/plan/([^ ]+) ", request)
            if m:
                with Plan.lock:
                    Plan.plans = [p for p in Plan.plans if p.get("user") != m.group(1).decode()]
                self.request.sendall(b"HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n")
                return
            plan = find_plan(request)
            if plan is None:
                self.request.sendall(forward(request, port))
                return
            try:
                answer(self.request, plan, request, port)
            except OSError:
                pass  # the client gave up: what the answer was for

    return Handler


class Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


def main():
    server = Server(("127.0.0.1", 0), make_handler(int(sys.argv[1])))
    print("Listening on %d" % server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
