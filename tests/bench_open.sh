#!/bin/sh
# Whole-process figures: reader --dump of a typical page (about 100 KB)
# and of a large one (about 1 MB), and the time until a 1 MB page's first
# screen is written to a terminal (a pty). Pages come from the extraction
# benchmark, read where it lies.
set -u
READER=${READER:-./reader}
WCXB=${WCXB:-../shared/eval/extract/wcxb-dev}
T=$(mktemp -d)
# The story store of this run: never the user's.
export XDG_DATA_HOME="$T/data"
trap 'rm -rf "$T"' EXIT

# The page whose size is nearest to $1 bytes.
nearest() {
	for f in "$WCXB"/html/*.html.gz; do
		printf '%s %s\n' "$(gzip -dc "$f" | wc -c)" "$f"
	done | awk -v want="$1" '{ d = $1 - want; if (d < 0) d = -d;
	    if (best == "" || d < bd) { best = $2; bd = d; size = $1 } }
	    END { print size, best }'
}

ms() { echo "$(date +%s%N) $1" | awk '{ printf "%.2f", ($1 - $2) / 1e6 }'; }

# median of 21 runs of --dump, in ms. The clock is read inside one
# process (a shell's `date` would add its own start-up to each run).
dump_median() {
	python3 - "$READER" "$1" <<'EOF_PY'
import subprocess, sys, time
ts = []
for _ in range(21):
    t0 = time.perf_counter()
    subprocess.run([sys.argv[1], "--dump=json", sys.argv[2]],
                   stdout=subprocess.DEVNULL)
    ts.append((time.perf_counter() - t0) * 1000)
ts.sort()
print("%.2f" % ts[10])
EOF_PY
}

set -- $(nearest 100000)
gzip -dc "$2" >"$T/typical.html"
echo "typical page: $(basename "$2") ($1 bytes): --dump median of 21 runs: $(dump_median "$T/typical.html") ms (target: under 10 ms)"
set -- $(nearest 1000000)
gzip -dc "$2" >"$T/large.html"
echo "large page: $(basename "$2") ($1 bytes): --dump median of 21 runs: $(dump_median "$T/large.html") ms"

# First screen: from starting the process on a terminal (a pty of 100x30)
# to its status line written to it, best of 5.
python3 - "$READER" "$T/large.html" <<'EOF_PY'
import os, pty, re, select, signal, struct, sys, time
import fcntl, termios
reader, page = sys.argv[1], sys.argv[2]
name = os.path.basename(page).encode()
best = None
for _ in range(5):
    t0 = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TERM"] = "screen-256color"
        os.execv(reader, [reader, page])
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    seen, took = b"", None
    while took is None and time.perf_counter() - t0 < 10:
        if not select.select([fd], [], [], 0.5)[0]:
            continue
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
        text = re.sub(rb"\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][0-9A-Za-z]|\x1b.", b"",
                      seen)
        if name in text and re.search(rb"\b(Top|All|Bot)\b", text):
            took = (time.perf_counter() - t0) * 1000
    os.kill(pid, signal.SIGTERM)
    os.waitpid(pid, 0)
    os.close(fd)
    if took is not None and (best is None or took < best):
        best = took
print("large page: first screen on a terminal, best of 5: %s ms (target: "
      "under 50 ms)" % ("%.2f" % best if best is not None else "never"))
EOF_PY
