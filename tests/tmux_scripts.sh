#!/bin/sh
# Stories in other scripts in the real binary at 80 and 40 columns: a
# Japanese story wraps between characters with its closing punctuation
# never first on a line nor an opening bracket last; an Arabic story is
# right-aligned in the order it is read, its numbers and an English
# name left to right, and a search highlight stays on the word found;
# in the story list, an Arabic headline reads right to left.
set -u
READER=${READER:-./reader}
case $READER in /*) ;; *) READER=$(pwd)/$READER ;; esac
SOCK=reader-scripts-$$
T=$(mktemp -d)
export XDG_DATA_HOME="$T/data"
passed=0
failed=0
tm() { tmux -L "$SOCK" -f /dev/null "$@"; }
cleanup() { tm kill-server 2>/dev/null; rm -rf "$T"; }
trap cleanup EXIT

. "$(dirname "$0")/tmux_lib.sh"

# start FILE COLS: reader on FILE in a COLS x 24 pane.
start() {
	tm kill-session -t r 2>/dev/null
	tm new-session -d -s r -x "$2" -y 24 \
	    "env XDG_DATA_HOME=$T/data LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=screen-256color $READER $1; echo EXIT=\$?; sleep 30"
}

# rows CHECK COLS: a property of the screen's text rows (all but the
# status line and the empty ones): kinsoku, filled or right.
rows() {
	screen | python3 -c '
import sys, unicodedata
check, cols = sys.argv[1], int(sys.argv[2])
def width(s):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else
               0 if unicodedata.combining(c) else 1 for c in s)
lines = sys.stdin.read().split("\n")[:23]
body = [l.rstrip() for l in lines if l.strip() and l.strip() != "~"]
closers = "。、，．！？」』）】〕》・ー"
openers = "「『（【〔《"
if check == "kinsoku":
    bad = [l for l in body if l.strip()[0] in closers or l[-1] in openers]
    ok = not bad
elif check == "filled":
    ok = max(width(l) for l in body) >= cols - 6
elif check == "right":
    # One right edge; the short lines start further right.
    ends = set(width(l) for l in body)
    starts = set(width(l) - width(l.lstrip()) for l in body)
    ok = len(ends) == 1 and len(starts) > 1
else:
    ok = False
sys.exit(0 if ok else 1)' "$1" "$2"
}

# check_rows NAME CHECK COLS
check_rows() {
	sleep 0.2
	if rows "$2" "$3"; then ok; else bad "$1:"; fi
}

for cols in 80 40; do
	start tests/text/kyodo-ja.txt $cols
	check "ja $cols: headline" "日銀、追加利上げを決定"
	check_rows "ja $cols: no line starts with 。、」 or ends with 「" kinsoku $cols
	check_rows "ja $cols: lines are filled between characters" filled $cols
	keys Space
	check_rows "ja $cols: the next page too" kinsoku $cols

	start tests/text/wam-ar.txt $cols
	# The headline's first word, joined, at the right end of its line.
	check "ar $cols: headline" "ﺕﺍﺭﺎﻣﺈﻟﺍ"
	check_row "ar $cols: right to left" 0 "ﻊﻗﻮﺗ ﺕﺍﺭﺎﻣﺈﻟﺍ"
	check_rows "ar $cols: right-aligned" right $cols
	check "ar $cols: numbers left to right" "2026"
	check_not "ar $cols: numbers not reversed" "6202"
	keys G
	check "ar $cols: an English name reads left to right" "Masdar"
	check "ar $cols: all of it" "Energy"
	check_not "ar $cols: not reversed" "radsaM"
	keys g
	keys / "اليابان" Enter
	check_row "ar $cols: search finds" 23 "1/4"
	if tm capture-pane -e -p -t r | grep -q "43mﻥﺎﺑﺎﻴﻟﺍ"; then
		ok
	else
		bad "ar $cols: the highlight is on the word found:"
	fi
done

# The story list: an Arabic headline in the order it is read.
"$READER" --dump tests/text/wam-ar.txt tests/text/kyodo-ja.txt >/dev/null 2>&1
tm kill-session -t r 2>/dev/null
tm new-session -d -s r -x 80 -y 24 \
    "env XDG_DATA_HOME=$T/data LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=screen-256color $READER --search ''; echo EXIT=\$?; sleep 30"
check "list: the Japanese headline" "日銀、追加利上げを決定"
check "list: the Arabic headline right to left" "ﻊﻗﻮﺗ ﺕﺍﺭﺎﻣﺈﻟﺍ"

echo "tmux-scripts: $passed passed, $failed failed"
[ "$failed" = 0 ]
