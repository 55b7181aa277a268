#!/usr/bin/env python3
"""A local HTTP server for reader's fetch tests: fixture feeds and pages
from tests/http/, and endpoints that misbehave. Binds 127.0.0.1 on an
ephemeral port and prints the port; exits by itself after --limit
seconds, or when its parent goes away.

Paths:
  /feeds/rss.xml /feeds/atom.xml /feeds/rdf.xml   fixture feeds
  /story/N.html                                   fixture pages
  /home.html          an HTML page naming /feeds/rss.xml as its feed
  /status/N           answers with status N
  /retry              503 with Retry-After: 1 the first time, then a page
  /busy               429 with Retry-After: 3600
  /reset              resets the connection the first time, then a page
  /redirect/N         a chain of N redirects, then story 1
  /loop               redirects to itself
  /tofile             redirects to file:///etc/passwd
  /bomb               a gzip bomb (64 MB of zeros, 64 KB on the wire)
  /endless            a body that never ends
  /trickle            one byte a second
  /hang               accepts, reads the request, never answers
  /wrongtype          the RSS feed served as application/octet-stream
  /image              a PNG served as text/html
  /etag/feed.xml      the RSS feed with ETag and Last-Modified; 304s
  /bench/F.xml        a generated feed (for make bench), /bench/F/I.html
  /stats              request counts, as "path count" lines
"""
import argparse
import gzip
import os
import socket
import socketserver
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, HTTPServer

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "http")
STARTED = time.time()
LIMIT = 300
counts = {}
lock = threading.Lock()
bomb = None
BENCH_ITEMS = 5
BENCH_DELAY = 0.0
FILES = None


def count(key):
    with lock:
        counts[key] = counts.get(key, 0) + 1
        return counts[key]


def alive():
    return time.time() - STARTED < LIMIT


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "reader-test/1"

    def log_message(self, fmt, *args):
        pass

    def setup(self):
        super().setup()
        # One response is several writes: no Nagle delay between them.
        self.request.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def base(self):
        return "http://127.0.0.1:%d" % self.server.server_address[1]

    def fixture(self, name):
        with open(os.path.join(HERE, name), "rb") as f:
            return f.read().replace(b"{BASE}", self.base().encode())

    def send(self, code, body, ctype="text/html; charset=utf-8", extra=()):
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in extra:
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def redirect(self, where, code=302):
        self.send(code, b"moved\n", "text/plain", [("Location", where)])

    def do_GET(self):
        global bomb
        p = self.path.split("?")[0]
        count(p)
        count("ua " + str(self.headers.get("User-Agent")))
        if self.headers.get("If-None-Match") is not None:
            count("conditional " + p)
        feeds = {"/feeds/rss.xml": "rss.xml", "/feeds/atom.xml": "atom.xml",
                 "/feeds/rdf.xml": "rdf.xml"}
        if p in feeds:
            ctype = ("application/atom+xml" if "atom" in p else
                     "application/rss+xml")
            return self.send(200, self.fixture(feeds[p]), ctype)
        if p.startswith("/story/") and p.endswith(".html"):
            name = "story" + p[7:]
            if os.path.exists(os.path.join(HERE, name)) and "/" not in p[7:]:
                return self.send(200, self.fixture(name))
            return self.send(404, b"<h1>Not found</h1>")
        if p == "/home.html":
            return self.send(200, self.fixture("home.html"))
        if p.startswith("/status/"):
            return self.send(int(p[8:]), b"<h1>status</h1>")
        if p == "/busy":
            return self.send(429, b"slow down", "text/plain",
                             [("Retry-After", "3600")])
        if p == "/reset":
            if count("reset-state") == 1:
                import struct
                self.request.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER,
                                        struct.pack("ii", 1, 0))
                self.request.close()
                self.close_connection = True
                return
            return self.send(200, self.fixture("story2.html"))
        if p == "/retry":
            if count("retry-state") == 1:
                return self.send(503, b"busy", "text/plain",
                                 [("Retry-After", "1")])
            return self.send(200, self.fixture("story1.html"))
        if p.startswith("/redirect/"):
            n = int(p[10:])
            return self.redirect("/redirect/%d" % (n - 1) if n > 1
                                 else "/story/1.html")
        if p == "/loop":
            return self.redirect("/loop")
        if p == "/tofile":
            return self.redirect("file:///etc/passwd")
        if p == "/bomb":
            if bomb is None:
                bomb = gzip.compress(b"\0" * (64 << 20), 9)
            return self.send(200, bomb, "text/html",
                             [("Content-Encoding", "gzip")])
        if p == "/endless":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Connection", "close")
            self.end_headers()
            chunk = b"<p>more and more and more</p>\n" * 1000
            try:
                while alive():
                    self.wfile.write(chunk)
            except OSError:
                pass
            self.close_connection = True
            return
        if p == "/trickle":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", "100000")
            self.end_headers()
            try:
                for _ in range(100000):
                    if not alive():
                        break
                    self.wfile.write(b"x")
                    self.wfile.flush()
                    time.sleep(1)
            except OSError:
                pass
            self.close_connection = True
            return
        if p == "/hang":
            end = time.time() + 60
            while time.time() < end and alive():
                time.sleep(0.2)
            self.close_connection = True
            return
        if p == "/wrongtype":
            return self.send(200, self.fixture("rss.xml"),
                             "application/octet-stream")
        if p == "/image":
            png = b"\x89PNG\r\n\x1a\n" + b"\0\0\0\rIHDR" + bytes(200)
            return self.send(200, png, "text/html")
        if p == "/etag/feed.xml":
            tag = '"rss-v1"'
            lm = "Mon, 12 Jan 2026 10:00:00 GMT"
            if self.headers.get("If-None-Match") == tag:
                count("304 " + p)
                self.send_response(304)
                self.send_header("ETag", tag)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            return self.send(200, self.fixture("rss.xml"),
                             "application/rss+xml",
                             [("ETag", tag), ("Last-Modified", lm)])
        if p.startswith("/bench/"):
            if BENCH_DELAY:
                time.sleep(BENCH_DELAY)
            rest = p[7:]
            if rest.endswith(".xml"):
                f = rest[:-4]
                items = []
                for i in range(BENCH_ITEMS):
                    items.append(
                        "<item><title>Bench feed %s story %d</title>"
                        "<link>/bench/%s/%d.html</link><guid>b-%s-%d</guid>"
                        "<pubDate>Mon, 12 Jan 2026 %02d:00:00 GMT</pubDate>"
                        "<description>Summary %d.</description></item>"
                        % (f, i, f, i, f, i, i % 24, i))
                body = ("<?xml version='1.0'?><rss version='2.0'><channel>"
                        "<title>Bench %s</title>%s</channel></rss>"
                        % (f, "".join(items))).encode()
                return self.send(200, body, "application/rss+xml")
            f, _, i = rest.partition("/")
            paras = "".join("<p>Paragraph %d of bench story %s, with enough "
                            "words in it to read as a sentence of news.</p>"
                            % (k, i) for k in range(12))
            body = ("<html><head><title>Bench %s %s</title></head><body>"
                    "<h1>Bench feed %s story %s</h1>%s</body></html>"
                    % (f, i, f, i, paras)).encode()
            return self.send(200, body)
        if p.startswith("/file/") and FILES:
            # A file of the test's own (tests/hostile.py), with the
            # Content-Type named in ?type=.
            q = urllib.parse.parse_qs(self.path.partition("?")[2])
            ctype = q.get("type", ["application/rss+xml"])[0]
            path = os.path.join(FILES, os.path.basename(p[6:]))
            if os.path.isfile(path):
                with open(path, "rb") as fh:
                    return self.send(200, fh.read(), ctype)
            return self.send(404, b"<h1>Not found</h1>")
        if p == "/stats":
            with lock:
                body = "".join("%s %d\n" % kv for kv in sorted(counts.items()))
            return self.send(200, body.encode(), "text/plain")
        return self.send(404, b"<h1>Not found</h1>")

    do_HEAD = do_GET


class Server(socketserver.ThreadingMixIn, HTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 256

    def handle_error(self, request, client_address):
        pass    # a client hanging up mid-answer is what the tests do


def main():
    global LIMIT, BENCH_ITEMS, BENCH_DELAY, FILES
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=float, default=300)
    ap.add_argument("--bench-items", type=int, default=5)
    ap.add_argument("--bench-delay", type=float, default=0.0)
    ap.add_argument("--files", help="serve this directory under /file/")
    ap.add_argument("--tls", nargs=2, metavar=("CERT", "KEY"),
                    help="serve HTTPS with this certificate")
    a = ap.parse_args()
    LIMIT = a.limit
    BENCH_ITEMS = a.bench_items
    BENCH_DELAY = a.bench_delay
    FILES = a.files
    srv = Server(("127.0.0.1", 0), Handler)
    if a.tls:
        import ssl
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.load_cert_chain(a.tls[0], a.tls[1])
        srv.socket = ctx.wrap_socket(srv.socket, server_side=True)
    print(srv.server_address[1], flush=True)
    parent = os.getppid()

    def watchdog():
        while alive() and os.getppid() == parent:
            time.sleep(0.5)
        os._exit(0)
    threading.Thread(target=watchdog, daemon=True).start()
    srv.serve_forever(poll_interval=0.2)


if __name__ == "__main__":
    main()
