#!/bin/sh
# Whole-process figures: reader --dump of a typical page (about 100 KB)
# and of a large one (about 1 MB), and the time until a 1 MB page's first
# screen is drawn in a terminal (tmux). Pages come from the extraction
# benchmark, read where it lies.
set -u
READER=${READER:-./reader}
WCXB=${WCXB:-../shared/eval/extract/wcxb-dev}
T=$(mktemp -d)
SOCK=reader-bench-$$
trap 'tmux -L "$SOCK" kill-server 2>/dev/null; rm -rf "$T"' EXIT

# The page whose size is nearest to $1 bytes.
nearest() {
	for f in "$WCXB"/html/*.html.gz; do
		printf '%s %s\n' "$(gzip -dc "$f" | wc -c)" "$f"
	done | awk -v want="$1" '{ d = $1 - want; if (d < 0) d = -d;
	    if (best == "" || d < bd) { best = $2; bd = d; size = $1 } }
	    END { print size, best }'
}

ms() { echo "$(date +%s%N) $1" | awk '{ printf "%.2f", ($1 - $2) / 1e6 }'; }

# median of N runs of --dump, in ms
dump_median() {
	i=0
	while [ $i -lt 21 ]; do
		t0=$(date +%s%N)
		"$READER" --dump=json "$1" >/dev/null
		ms "$t0"
		echo
		i=$((i + 1))
	done | sort -n | sed -n 11p
}

set -- $(nearest 100000)
gzip -dc "$2" >"$T/typical.html"
echo "typical page: $(basename "$2") ($1 bytes): --dump median of 21 runs: $(dump_median "$T/typical.html") ms (target: under 10 ms)"
set -- $(nearest 1000000)
gzip -dc "$2" >"$T/large.html"
echo "large page: $(basename "$2") ($1 bytes): --dump median of 21 runs: $(dump_median "$T/large.html") ms"

# First screen: from starting the process to its status line on screen.
if command -v tmux >/dev/null 2>&1; then
	best=""
	for k in 1 2 3 4 5; do
		# The pane waits for Enter, then becomes reader: the clock
		# starts at the Enter.
		tmux -L "$SOCK" -f /dev/null new-session -d -s b -x 100 -y 30 \
		    "read x; exec env TERM=screen-256color $READER $T/large.html"
		sleep 0.3
		t0=$(date +%s%N)
		tmux -L "$SOCK" send-keys -t b Enter
		n=0
		while ! tmux -L "$SOCK" capture-pane -p -t b 2>/dev/null |
		    grep -qE "large.html +.*(Top|All|Bot)" && [ $n -lt 2000 ]; do
			n=$((n + 1))
		done
		t=$(ms "$t0")
		tmux -L "$SOCK" kill-server 2>/dev/null
		best=$(echo "$best $t" | awk '{ m = $1; for (i = 2; i <= NF; i++) if ($i < m) m = $i; print m }')
	done
	echo "large page: first screen in tmux, best of 5: $best ms (target: under 50 ms; includes tmux's own polling)"
fi
