#!/usr/bin/env python3
"""make bench: reader fetches and parses 200 feeds (5 stories each, every
story's page fetched and cleaned) from tests/server.py on 127.0.0.1, all
at once and then one at a time; wall time and peak memory of each run.
The server adds a fixed delay to each answer, standing in for the
network, so that the parallel run can be compared with the slowest
single feed."""
import os
import subprocess
import sys
import tempfile
import time

# The story store of this run: never the user's.
import atexit as _atexit, os as _os, shutil as _shutil, tempfile as _tempfile
_os.environ["XDG_DATA_HOME"] = _tempfile.mkdtemp(prefix="reader-data-")
_atexit.register(_shutil.rmtree, _os.environ["XDG_DATA_HOME"], True)

READER = os.environ.get("READER", "./reader")
FEEDS = int(os.environ.get("BENCH_FEEDS", "200"))
DELAY = os.environ.get("BENCH_DELAY", "0.05")


def run(args, conf, cache):
    env = dict(os.environ, XDG_CACHE_HOME=cache)
    t0 = time.monotonic()
    p = subprocess.Popen([READER, "-c", conf, "--dump=json"] + args,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         env=env)
    out, err = p.stdout.read(), p.stderr.read()
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.monotonic() - t0
    lines = out.count(b"\n")
    if status != 0 or err:
        sys.stderr.write(err.decode(errors="replace")[:2000])
    return wall, ru.ru_maxrss / 1024.0, lines, status


def main():
    tmp = tempfile.mkdtemp()
    srv = subprocess.Popen([sys.executable, "tests/server.py", "--limit",
                            "600", "--bench-delay", DELAY],
                           stdout=subprocess.PIPE)
    try:
        port = int(srv.stdout.readline())
        base = "http://127.0.0.1:%d" % port
        urls = ["%s/bench/f%03d.xml" % (base, i) for i in range(FEEDS)]
        confs = {}
        for name, par in (("parallel", 200), ("serial", 1)):
            confs[name] = os.path.join(tmp, name + ".conf")
            with open(confs[name], "w") as f:
                f.write("[fetch]\nparallel = %d\nper_host = %d\n"
                        "timeout = 60\n" % (par, par))
        print("bench: %d feeds x 5 stories from 127.0.0.1, %s s per answer"
              % (FEEDS, DELAY))
        w, rss, n, st = run(urls[:1], confs["parallel"],
                            tempfile.mkdtemp(dir=tmp))
        print("  one feed:        %6.2f s  peak RSS %6.1f MB  %4d stories"
              % (w, rss, n))
        for name in ("parallel", "serial"):
            w, rss, n, st = run(urls, confs[name],
                                tempfile.mkdtemp(dir=tmp))
            print("  %-16s %6.2f s  peak RSS %6.1f MB  %4d stories%s"
                  % (name + ":", w, rss, n,
                     "" if st == 0 else "  (exit %d)" % st))
    finally:
        srv.kill()
        srv.wait()
        subprocess.run(["rm", "-rf", tmp])


if __name__ == "__main__":
    main()
