#!/usr/bin/env python3
"""Hostile input: files, HTML pages, feeds and config files made to break
reader, generated here in a temporary directory (nothing big is kept in
the tree). Each case runs the real binary with a time bound and asserts
what it must do: the exit status, the message, the text that must
survive, and that nothing it prints could drive a terminal (no C0 or C1
controls, no bidi overrides, valid UTF-8).

    python3 tests/hostile.py [READER]
"""
import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import threading
import time

# The story store of this run: never the user's.
import atexit as _atexit, os as _os, shutil as _shutil, tempfile as _tempfile
_os.environ["XDG_DATA_HOME"] = _tempfile.mkdtemp(prefix="reader-data-")
_atexit.register(_shutil.rmtree, _os.environ["XDG_DATA_HOME"], True)

READER = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else
                         os.environ.get("READER", "./reader"))
HERE = os.path.dirname(os.path.abspath(__file__))
T = tempfile.mkdtemp(prefix="reader-hostile-")
passed = failed = 0
# Under ASan/UBSan (make check-asan) everything is slower and bigger.
SLOW = 3 if os.environ.get("READER_SANITIZED") else 1
ENV = dict(os.environ, XDG_CONFIG_HOME=os.path.join(T, "noconfig"),
           XDG_CACHE_HOME=os.path.join(T, "cache"), HOME=T,
           LANG="C.UTF-8", LC_ALL="C.UTF-8")
ENV.pop("READER_CONFIG", None)

# Code points nothing may print: controls but LF and TAB (FF separates
# stories in the text dump), C1, bidi embeddings, overrides, isolates
# and marks, and a stray BOM.
BAD = set(range(0x00, 0x20)) - {0x09, 0x0A, 0x0C}
BAD |= set(range(0x7F, 0xA0)) | set(range(0x202A, 0x202F))
BAD |= set(range(0x2066, 0x206A)) | {0x061C, 0x200E, 0x200F, 0xFEFF}


def check(name, ok, detail=""):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print("FAIL %s%s" % (name, ": " + detail[:400] if detail else ""))


def path(name):
    return os.path.join(T, name)


def write(name, data):
    if isinstance(data, str):
        data = data.encode()
    with open(path(name), "wb") as fh:
        fh.write(data)
    return path(name)


class Run:
    """One run of reader: status, output, error, seconds, peak memory."""

    def __init__(self, args, timeout=20, stdin=subprocess.DEVNULL, feed=None,
                 env=None,
                 preexec=None):
        t0 = time.monotonic()
        p = subprocess.Popen([READER] + args, stdin=stdin if feed is None
                             else subprocess.PIPE, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, env=env or ENV,
                             preexec_fn=preexec)
        out, err = [], []
        readers = [threading.Thread(target=lambda: out.append(
            p.stdout.read())), threading.Thread(target=lambda: err.append(
                p.stderr.read()))]
        for r in readers:
            r.start()
        if feed is not None:
            try:
                for chunk in feed:
                    p.stdin.write(chunk)
            except (BrokenPipeError, ValueError):
                pass
            try:
                p.stdin.close()
            except BrokenPipeError:
                pass
        timer = threading.Timer(timeout * SLOW, lambda: p.kill())
        timer.start()
        _, status, usage = os.wait4(p.pid, 0)
        timer.cancel()
        p.returncode = os.waitstatus_to_exitcode(status)
        for r in readers:
            r.join()
        self.seconds = time.monotonic() - t0
        self.rc = p.returncode
        self.timed_out = self.rc == -signal.SIGKILL
        self.out = out[0] if out else b""
        self.err = err[0] if err else b""
        self.maxrss_mb = usage.ru_maxrss / 1024.0

    def text(self):
        return self.out.decode("utf-8", "replace")

    def json(self):
        return [json.loads(line) for line in self.out.decode().splitlines()
                if line.strip()]


def clean(data):
    """Why data could change a terminal, or None."""
    try:
        s = data.decode("utf-8")
    except UnicodeDecodeError as e:
        return "invalid UTF-8: %s" % e
    for ch in s:
        if ord(ch) in BAD:
            return "U+%04X in %r" % (ord(ch), s[max(0, s.index(ch) - 30):
                                                s.index(ch) + 10])
    return None


def expect(name, r, rc=0, err=None, out=None, seconds=20):
    """The common assertions of one run."""
    check(name + ": in time", not r.timed_out and r.seconds < seconds * SLOW,
          "%.1f s" % r.seconds)
    check(name + ": exit %d" % rc, r.rc == rc, "exit %s, stderr %r" %
          (r.rc, r.err[:300]))
    for what, data in (("stdout", r.out), ("stderr", r.err)):
        why = clean(data)
        check(name + ": clean " + what, why is None, why or "")
    if err is not None:
        check(name + ": message", err.encode() in r.err,
              "stderr %r lacks %r" % (r.err[:300], err))
        check(name + ": one line", r.err.count(b"\n") == 1, repr(r.err[:300]))
    if out is not None:
        check(name + ": text", out.encode() in r.out,
              "stdout lacks %r: %r" % (out, r.out[:300]))


def story(headline, *paras):
    return headline + "\n\n" + "\n\n".join(paras) + "\n"


P1 = ("The council approved the budget on Tuesday after a long debate "
      "about road repairs and school buildings in the northern districts.")
H = "Council approves road budget after long debate"
P2 = ("Officials said the money would be released in three instalments, "
      "the first of them before the end of the summer holidays.")


def files():
    # NUL bytes: the text after a NUL is kept.
    f = write("nul.txt", story("Budget approved", "Before the NUL\0 and the "
                               "text after it is kept. " + P1, P2))
    r = Run(["--dump=json", f])
    expect("NUL", r)
    check("NUL: text after it kept", b"and the text after it is kept" in
          r.out, r.out[:300])

    # 100 MB: refused by size before reading, with both sizes.
    f = path("huge.txt")
    with open(f, "wb") as fh:
        fh.truncate(100 * 1000 * 1000)
    r = Run(["--dump", f], timeout=10)
    expect("100 MB file", r, rc=1,
           err="file too large (95.4 MB > 64.0 MB limit; see max_size")
    check("100 MB file: refused at once", r.seconds < 2 * SLOW,
          "%.1f s" % r.seconds)
    # The cap is the config's.
    conf = write("cap.conf", "[files]\nmax_size = 200M\n")
    f2 = write("ten-mb.txt", story("Council raises the cap on the size of files", P1) + "x" * 10)
    r = Run(["-c", conf, "--dump", f2])
    expect("max_size raised", r, out="Council raises the cap")
    # 100 MB on standard input: read up to the cap, then refused; memory
    # stays near the cap.
    chunk = (("word " * 13106) + "\n").encode()     # 64 KiB
    r = Run(["--dump", "-"], feed=(chunk for _ in range(1526)), timeout=30)
    expect("100 MB on stdin", r, rc=1,
           err="-: input too large (more than 64.0 MB; see max_size")
    check("100 MB on stdin: memory bounded", r.maxrss_mb < 200 * SLOW,
          "%.0f MB" % r.maxrss_mb)

    # A 10 MB line without a space.
    f = write("longline.txt", story("A long line", P1, "x" * 10000000, P2))
    r = Run(["--dump=json", f], timeout=30)
    expect("10 MB line", r, seconds=20)
    check("10 MB line: the story kept", P2.encode() in r.out)

    # CRLF and a lone CR: lines end, no CR is printed.
    for name, nl in (("CRLF", "\r\n"), ("lone CR", "\r")):
        f = write(name.replace(" ", "") + ".txt",
                  story("Council approves road budget after long debate", P1, P2).replace("\n", nl))
        r = Run(["--dump=json", f])
        expect(name, r)
        j = r.json()
        check(name + ": paragraphs", len(j) == 1 and
              j[0]["headline"] == H and
              j[0]["paragraphs"] == [P1, P2], r.text()[:300])
        check(name + ": no CR", b"\r" not in r.out and b"\\r" not in r.out)

    # Invalid UTF-8: overlong, surrogates, above U+10FFFF, stray bytes.
    # U+FFFD in their place, the good text around them kept.
    bad = (b"Z\xc3\xbcrich overlong \xc0\xaf \xe0\x80\xaf surrogate "
           b"\xed\xa0\x80 high \xf4\x90\x80\x80 \xf8\x88\x80\x80\x80 "
           b"stray \xff\xfe\x80 end")
    good = ("“Genève, Zürich, São Paulo,” she said — it’s the plan’s "
            "first step; Malmö and Kraków follow. ").encode()
    f = write("badutf8.txt", (H + "\n\n").encode() + bad + b" " +
              P1.encode() + b"\n\n" + good + P2.encode() + b"\n")
    r = Run(["--dump=json", f])
    expect("invalid UTF-8", r)
    check("invalid UTF-8: replaced", "\ufffd".encode() in r.out)
    check("invalid UTF-8: good text kept", good.strip() in r.out and
          "Zürich overlong".encode() in r.out,
          r.text()[:400])

    # A UTF-8 BOM is not text.
    f = write("bom.txt", b"\xef\xbb\xbf" + story(H, P1).encode())
    r = Run(["--dump=json", f])
    expect("UTF-8 BOM", r)
    check("UTF-8 BOM: headline", r.json()[0]["headline"] == H,
          r.text()[:200])

    # UTF-16 with a BOM, both byte orders.
    for name, enc, bom in (("UTF-16LE", "utf-16-le", b"\xff\xfe"),
                           ("UTF-16BE", "utf-16-be", b"\xfe\xff")):
        f = write(name + ".txt", bom + story("Zürich council approves road budget in " + name, P1, P2)
                  .encode(enc))
        r = Run(["--dump=json", f])
        expect(name, r)
        j = r.json()
        check(name + ": decoded", j and j[0]["headline"] ==
              "Zürich council approves road budget in " + name and j[0]["paragraphs"] == [P1, P2], r.text()[:300])

    # A FIFO and /dev/zero are refused at once, not read (a blocking
    # open would hang here until the timeout).
    os.mkfifo(path("fifo"))
    r = Run(["--dump", path("fifo")], timeout=5)
    expect("FIFO", r, rc=1, err="not a regular file (a FIFO)", seconds=3)
    r = Run(["--dump", "/dev/zero"], timeout=5)
    expect("/dev/zero", r, rc=1, err="/dev/zero: not a regular file "
           "(a character device)", seconds=3)
    os.mkdir(path("adir"))
    r = Run(["--dump", path("adir")], timeout=5)
    expect("directory", r, rc=1, err="adir: is a directory", seconds=3)

    # Hostile file names stay out of the messages.
    name = "evil\x1b]0;pwned\x07\x1b[2J\r\x08\u202e.txt"
    r = Run(["--dump", path(name)])
    expect("hostile file name", r, rc=1, err="No such file or directory")


def html():
    # 100,000 nested <div>: the parser's depth limit is met by
    # flattening; both paragraphs survive.
    inner = "<p>Inside the nest is a paragraph of the story. " + P1 + "</p>"
    f = write("nest.html", "<html><head><title>Nesting test</title></head>"
              "<body>" + "<div>" * 100000 + inner + "</div>" * 100000 +
              "<p>After the nest. " + P2 + "</p></body></html>")
    r = Run(["--dump=json", f])
    expect("100,000 divs", r, seconds=10)
    check("100,000 divs: text kept", b"Inside the nest" in r.out and
          b"After the nest" in r.out, r.text()[:300])

    # 40,000 streamed parts and as many placeholders that do not match,
    # and 20,000 boundaries without their closing comments: the repair
    # reads each id once.
    f = write("streams.html", "<html><head><title>Streams</title></head>"
              "<body><article><h1>Streams</h1><p>" + P1 + "</p>" +
              "".join('<template id="P:%x"></template>' % i
                      for i in range(40000)) +
              "".join('<template id="B:%x"></template><div>Loading...</div>'
                      % i for i in range(20000)) + "</article>" +
              "".join('<div hidden id="S:x%x"><p>part</p></div>' % i
                      for i in range(40000)) +
              "".join('<div hidden id="S:%x"><p>part %d</p></div>' % (i, i)
                      for i in range(50000, 70000)) + "</body></html>")
    r = Run(["--dump=json", f], timeout=30)
    expect("40,000 streamed parts", r, seconds=10)
    check("40,000 streamed parts: text kept", P1.encode() in r.out,
          r.text()[:300])

    # A 10 MB text node.
    f = write("bignode.html", "<html><head><title>Big node</title></head>"
              "<body><article><p>" + "word " * 2000000 + "</p><p>" + P2 +
              "</p></article></body></html>")
    r = Run(["--dump=json", f], timeout=30)
    expect("10 MB text node", r, seconds=20)
    check("10 MB text node: kept", P2.encode() in r.out and
          len(r.out) > 9000000, "%d bytes" % len(r.out))

    # Entities for controls, C1, bidi and out of range.
    f = write("entities.html", "<html><head><title>Entities &#x1b;]0;t"
              "&#7;</title></head><body><article><h1>Entities &#x1b;[2J"
              "</h1><p>Nul &#0; esc &#x1b;[31m csi &#x9b;2J bidi &#x202e;"
              "reversed big &#99999999999; surrogate &#xd800; end. " + P1 +
              "</p></article></body></html>")
    r = Run(["--dump=json", f])
    expect("entities", r)
    check("entities: text kept", b"reversed big" in r.out and
          b"end. The council" in r.out, r.text()[:300])

    # An internal DTD subset: entities never expanded, the external one
    # never read.
    secret = write("secret.txt", "CANARY-SECRET-TEXT\n")
    f = write("dtd.html", '<?xml version="1.0"?>\n<!DOCTYPE html [' +
              '<!ENTITY a "aaaaaaaaaa">' + "".join(
                  '<!ENTITY %s "%s">' % (chr(98 + i), ("&%s;" % chr(97 + i))
                                         * 10) for i in range(8)) +
              '<!ENTITY x SYSTEM "file://%s"><!ENTITY y SYSTEM '
              '"file:///etc/passwd">]>\n<html><head><title>Laughs &i;'
              '</title></head><body><article><h1>Laughs &i; &x; &y;</h1>'
              '<p>The text &i; &x; &y;. %s</p></article></body></html>'
              % (secret, P1))
    r = Run(["--dump=json", f], timeout=10)
    expect("billion laughs, external entity", r, seconds=5)
    check("entities not expanded", b"aaaaaaaaaaaaaaaaaaaa" not in r.out and
          len(r.out) < 20000, "%d bytes" % len(r.out))
    check("external entity not read", b"CANARY-SECRET" not in r.out and
          b"root:" not in r.out)
    strace = shutil.which("strace")
    if strace:
        s = subprocess.run([strace, "-f", "-e", "trace=open,openat", "-o",
                            path("strace.log"), READER, "--dump=json", f],
                           stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL, env=ENV, timeout=20)
        if s.returncode == 0 and os.path.exists(path("strace.log")):
            log = open(path("strace.log")).read()
            check("external entity never opened", "secret.txt" not in log
                  and "/etc/passwd" not in log)

    # Nothing but scripts, nothing but boilerplate: "no story found".
    f = write("scripts.html", "<html><head><script>var a = 1;</script>"
              "</head><body><script>document.write('" + P1 + "')</script>"
              "<noscript>Please enable JavaScript.</noscript><script>"
              "alert(1)</script></body></html>")
    r = Run(["--dump", f])
    expect("only scripts", r, out="(no story found")
    check("only scripts: no script text", b"document.write" not in r.out)
    f = write("boiler.html", "<html><body><nav><a href='/'>Home</a> "
              "<a href='/w'>World</a></nav><div class='cookie'>We use "
              "cookies. Accept all cookies</div><div>Sign up for our "
              "newsletter</div><footer>Copyright 2026 News Corp. All rights "
              "reserved. Privacy Policy</footer></body></html>")
    r = Run(["--dump", f])
    expect("all boilerplate", r, out="(no story found")
    r = Run(["--dump=json", f])
    j = r.json()
    check("all boilerplate: removed listed", j and j[0]["paragraphs"] == []
          and len(j[0]["removed"]) >= 3, r.text()[:300])

    # A wrong charset label: says UTF-8, is Windows-1252; an unknown
    # label carrying escapes.
    f = write("wrongcs.html", b"<html><head><meta charset='utf-8'><title>"
              b"Caf\xe9 news</title></head><body><article><p>Caf\xe9 "
              b"cr\xe8me, na\xefve. " + P1.encode() +
              b"</p></article></body></html>")
    r = Run(["--dump=json", f])
    expect("wrong charset label", r)
    check("wrong charset label: decoded", "Café crème, naïve".encode() in
          r.out, r.text()[:300])
    # No label, UTF-8 with a few damaged bytes: still UTF-8, all of it.
    f = write("damaged.html", "<html><head><title>Zürich’s “budget”"
              "</title></head><body><article><p>Zürich’s council — "
              "“approved” it. ".encode() + b"\xff\xc0 " + P1.encode() +
              "</p><p>Malmö and Kraków follow. ".encode() + P2.encode() +
              b"</p></article></body></html>")
    r = Run(["--dump=json", f])
    expect("damaged UTF-8 page", r)
    check("damaged UTF-8 page: decoded", "Zürich’s council — “approved”"
          .encode() in r.out and "Malmö and Kraków follow".encode() in r.out
          and "\ufffd".encode() in r.out, r.text()[:300])
    f = write("evilcs.html", b"<html><head><meta charset='\x1b]0;x\x07"
              b"klingon'><title>Odd label</title></head><body><article><p>"
              b"Caf\xe9. " + P1.encode() + b"</p></article></body></html>")
    r = Run(["--dump=json", f])
    expect("unknown charset label", r)
    check("unknown charset label: read", "Café.".encode() in r.out,
          r.text()[:300])


def feeds():
    with open(path("port"), "w") as port:
        srv = subprocess.Popen([sys.executable, os.path.join(HERE,
                                "server.py"), "--limit", "120", "--files",
                                os.path.join(T, "feeds")], stdout=port)
    os.mkdir(path("feeds"))
    try:
        for _ in range(100):
            if os.path.getsize(path("port")) > 0:
                break
            time.sleep(0.05)
        base = "http://127.0.0.1:%s/file/" % open(path("port")).read().strip()
        conf = write("feed.conf", "[fetch]\nmax_size = 64M\ntimeout = 10\n")

        def feed(name, items, title="Hostile feed"):
            write("feeds/" + name, '<?xml version="1.0"?><rss version='
                  '"2.0"><channel><title>%s</title>%s</channel></rss>'
                  % (title, "".join(items)))
            return base + name

        # 100,000 items (no links, so no pages to fetch).
        u = feed("many.xml", ("<item><title>Story %d</title><guid>g%d</guid>"
                              "<description>Summary %d.</description></item>"
                              % (i, i, i) for i in range(100000)))
        r = Run(["-c", conf, "--dump=json", u], timeout=60)
        expect("100,000 items", r, seconds=30)
        check("100,000 items: all listed", r.out.count(b"\n") == 100000,
              "%d lines" % r.out.count(b"\n"))

        # Items without a title, a link or a date.
        u = feed("sparse.xml", [
            "<item><description>Only a summary, no title.</description>"
            "<guid>s1</guid></item>",
            "<item><title>No link or date</title><guid>s2</guid></item>",
            "<item><title>No guid, no link</title></item>",
            "<item></item>"])
        r = Run(["-c", conf, "--dump=json", u])
        expect("items without title, link, date", r)
        j = r.json()
        check("sparse items: listed", len(j) == 4 and
              "Only a summary, no title." in j[0]["paragraphs"][0],
              r.text()[:400])
        # No link: the feed is the source; no title: no headline.
        check("sparse items: source and headline", j and
              j[0]["source"] == u and j[0]["headline"] == "" and
              j[1]["headline"] == "No link or date", r.text()[:400])
        u = feed("titleless.xml", ["<item><description>Summary %d."
                                   "</description></item>" % i
                                   for i in range(3)])
        r = Run(["-c", conf, "--dump=json", u])
        expect("items with only a summary", r)
        check("items with only a summary: kept apart", len(r.json()) == 3,
              r.text()[:300])

        # Duplicate guids: one entry.
        u = feed("dupes.xml", ["<item><title>Copy %d</title><guid>same"
                               "</guid></item>" % i for i in range(5)] +
                 ["<item><title>Other</title><guid>other</guid></item>"])
        r = Run(["-c", conf, "--dump=json", u])
        expect("duplicate guids", r)
        check("duplicate guids: merged", len(r.json()) == 2, r.text()[:300])

        # Escapes in titles and summaries, raw and as character references.
        u = feed("escapes.xml", [
            "<item><title>Raw \x1b]0;pwned\x07 \x1b]52;c;cHduZWQ=\x07 "
            "\x1b[2J\r\x08\u202e title</title><description>Body "
            "&#x1b;[31m &#x9b; &#x202e; text.</description><guid>e1</guid>"
            "</item>"], title="Feed \x1b]0;x\x07 title")
        r = Run(["-c", conf, "--dump=json", u])
        expect("escapes in titles", r)
        check("escapes: no escaped controls", b"\\u001b" not in r.out and
              b"\\u0007" not in r.out and b"\\r" not in r.out, r.out[:300])
        check("escapes: title kept", b"title" in r.out)

        # An HTML page where a feed was expected: read as a page.
        write("feeds/page.xml", "<html><head><title>Just a page</title>"
              "</head><body><article><h1>Just a page</h1><p>" + P1 +
              "</p><p>" + P2 + "</p></article></body></html>")
        r = Run(["-c", conf, "--dump=json", base + "page.xml"])
        expect("HTML for a feed", r)
        check("HTML for a feed: the page", b"Just a page" in r.out and
              P2.encode() in r.out, r.text()[:300])
    finally:
        srv.kill()
        srv.wait()


def config():
    s = os.path.join(HERE, "text", "wire-portal.txt")
    # Missing: defaults.
    r = Run(["--dump", s])
    expect("no config", r, out="UK grid operator")
    # Unreadable, as a user root's privileges do not override.
    f = write("locked.conf", "[view]\nwidth = 72\n")
    os.chmod(f, 0)
    os.chmod(T, 0o755)
    if os.getuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv:
            p = subprocess.run([setpriv, "--reuid=65534", "--regid=65534",
                                "--clear-groups", READER, "-c", f, "--dump",
                                s], capture_output=True, env=ENV, timeout=10)
            check("unreadable config", p.returncode == 1 and
                  b"locked.conf: Permission denied" in p.stderr, repr(p))
    else:
        r = Run(["-c", f, "--dump", s])
        expect("unreadable config", r, rc=1,
               err="locked.conf: Permission denied")
    # Invalid UTF-8: in a comment it does no harm; in a value it is
    # refused with the file and line, and never printed raw.
    f = write("badutf8.conf", b"[view]\n# caf\xe9 \xff\xfe\nwidth = 72\n")
    expect("invalid UTF-8 in a comment", Run(["-c", f, "--dump", s]), rc=1,
           err="badutf8.conf:2: not UTF-8 text")
    f = write("badutf8b.conf", b"[view]\nwidth = 7\xff\xc0\x1b]0;x\x07\n")
    expect("invalid UTF-8 in a value", Run(["-c", f, "--dump", s]), rc=1,
           err="badutf8b.conf:2: not UTF-8 text")
    f = write("badurl.conf", b"[feeds]\nhttps://example.com/\x1b[2J\n")
    expect("controls in a feed URL", Run(["-c", f, "--dump", s]), rc=1,
           err="badurl.conf:2: control characters or invalid UTF-8 in the "
           "URL")
    # A 1 MB line: in a comment, as a value.
    f = write("longcomment.conf", "# " + "x" * 1000000 + "\n[view]\n"
              "width = 72\n")
    expect("1 MB comment line", Run(["-c", f, "--dump", s]))
    f = write("longvalue.conf", "[view]\nwidth = " + "9" * 1000000 + "\n")
    r = Run(["-c", f, "--dump", s])
    expect("1 MB value", r, rc=1, err="longvalue.conf:2: bad value")
    check("1 MB value: short message", len(r.err) < 400, "%d bytes" %
          len(r.err))
    f = write("longkey.conf", "[view]\n" + "k" * 1000000 + " = 1\n")
    r = Run(["-c", f, "--dump", s])
    expect("1 MB key", r, rc=1, err="longkey.conf:2: unknown key")
    check("1 MB key: short message", len(r.err) < 400, "%d bytes" %
          len(r.err))


def output():
    # Not a terminal: the dump, clean, whatever the story holds.
    f = write("escapes.txt", story(
        "Head \x1b]0;pwned\x07 \x1b]52;c;cHduZWQ=\x07 line",
        "By Eve \x1b[2J\u202eReporter",
        "Body \x1b[31m red \r over \x08\x08 back \x9b2J \xc2\x9b c1 " + P1))
    r = Run([f])
    expect("escapes, output to a pipe", r, out="Head")


try:
    files()
    html()
    feeds()
    config()
    output()
finally:
    for root, dirs, names in os.walk(T):
        for d in dirs:
            os.chmod(os.path.join(root, d), stat.S_IRWXU)
    shutil.rmtree(T, ignore_errors=True)
print("hostile: %d passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)
