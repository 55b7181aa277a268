#!/bin/sh
# The real binary in a real terminal: tmux runs reader at a fixed size,
# send-keys types, capture-pane reads the screen. Polls with a timeout
# instead of sleeping.
set -u
READER=${READER:-./reader}
case $READER in /*) ;; *) READER=$(pwd)/$READER ;; esac
SOCK=reader-test-$$
T=$(mktemp -d)
# The story store of this run: never the user's.
export XDG_DATA_HOME="$T/data"
passed=0
failed=0
tm() { tmux -L "$SOCK" -f /dev/null "$@"; }
cleanup() { tm kill-server 2>/dev/null; rm -rf "$T"; }
trap cleanup EXIT

. "$(dirname "$0")/tmux_lib.sh"

A=tests/text/wire-portal.txt
B=tests/text/ap-style.txt
tm new-session -d -s r -x 80 -y 24 \
    "env XDG_DATA_HOME=$T/data LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=screen-256color $READER $A $B; echo EXIT=\$?; sleep 30"

check "headline" "UK grid operator orders review after North Sea cable outage"
check "byline and time" "By Eleanor Whitcombe"
check "dateline" "LONDON, March 5 (Reuters)"
check_row "status line" 23 "[1/2] $A"
check_row "status position" 23 "Top"
check_not "clutter is gone" "Share this article"

# Scrolling.
keys j
check_row "j scrolls one line" 0 "By Eleanor Whitcombe"
keys k
check_row "k scrolls back" 0 "UK grid operator"
keys G
check_row "G goes to the end" 23 "Bot"
check "credits at the end" "(Reporting by Eleanor Whitcombe"
keys g
check_row "g goes to the top" 0 "UK grid operator"
keys Space
check_row "Space pages down" 23 "19-41/41"
keys b
check_row "b pages up" 23 "Top"
keys End
check_row "End" 23 "Bot"
keys Home
check_row "Home" 23 "Top"

# Mouse wheel: an xterm wheel-down report, then wheel-up.
tm send-keys -t r -l "$(printf '\033[Ma!!')"
check_row "wheel scrolls down" 23 "4-26/"
tm send-keys -t r -l "$(printf '\033[M`!!')"
check_row "wheel scrolls up" 23 "Top"

# Search, next, previous, highlight.
keys / Rotterdam Enter
check "search finds" "leave Rotterdam"
check_row "search count" 23 "match 1/1"
if tm capture-pane -e -p -t r | grep -q "43mRotterdam"; then
	passed=$((passed + 1))
else
	echo "FAIL search match is not highlighted"
	failed=$((failed + 1))
fi
keys g / cable Enter
check_row "second search" 23 "match 1/"
keys n
check_row "n goes to the next match" 23 "match 2/"
keys N
check_row "N goes back" 23 "match 1/"
keys / nosuchword Enter
check_row "no match" 23 "Pattern not found: nosuchword"
keys Escape g

# What the cleaner removed, dimmed in place.
keys v
check "v shows removed" "[navigation] Skip to main content"
check_row "v in status" 23 "[removed shown]"
keys v
check_not "v hides removed" "[navigation] Skip to main content"

# Between stories.
keys J
check "J opens the next story" "Dutch city tests giant river barrier"
check_row "J status" 23 "[2/2] $B"
keys J
check_row "J at the last story" 23 "This is the last story."
keys K
check "K goes back" "UK grid operator orders review"

# Names: Tab and Shift-Tab step through them, e lists them.
keys Tab
check_row "Tab goes to the first name" 23 "UK: place, 1/"
keys Tab
check_row "Tab goes to the next name" 23 "North Sea: place, 2/"
keys BTab
check_row "Shift-Tab goes back" 23 "UK: place, 1/"
keys e
check_row "e lists the names" 23 "People and places"
check "e lists people" "Harriet Okonkwo-Blake"
check "e lists places with counts" "North Sea"
keys j Enter
check_row "choosing a name jumps to it" 23 "Alastair Penhaligon: person"
check "the story is back" "former regulator Sir Alastair Penhaligon"
keys g

# Help.
keys '?'
check "help" "reader: keys"
check "help lists J" "next story"
keys q
check "q leaves help" "UK grid operator orders review"

# Resize: narrower, tiny, back.
tm resize-window -t r -x 50 -y 20
check_row "resize keeps the status line" 19 "[1/2]"
if screen | awk 'length($0) > 50 { bad = 1 } END { exit bad }'; then
	passed=$((passed + 1))
else
	echo "FAIL lines wider than the window after resize"
	failed=$((failed + 1))
fi
check_row "headline rewrapped" 1 "cable outage"
tm resize-window -t r -x 12 -y 3
check "tiny terminal" "too small"
tm resize-window -t r -x 80 -y 24
check_row "back from tiny" 23 "[1/2]"
check "story back" "UK grid operator orders review"

# Quit: status 0 and the terminal given back.
keys q
check "quit exits 0" "EXIT=0"
if [ "$(tm display -p -t r '#{alternate_on}')" = 0 ]; then
	passed=$((passed + 1))
else
	echo "FAIL the alternate screen is still on after quit"
	failed=$((failed + 1))
fi
tm kill-session -t r

# An unreadable file among good ones: the error shows, the rest reads.
tm new-session -d -s r -x 80 -y 24 \
    "env XDG_DATA_HOME=$T/data LANG=C.UTF-8 TERM=screen-256color $READER /nonexistent.txt $A; echo EXIT=\$?; sleep 30"
check "error on the status line" "/nonexistent.txt: No such file or directory"
check "good story still shown" "UK grid operator orders review"
keys K
check "the failed source has its own page" "Cannot open /nonexistent.txt"
keys q
check "exit 1 after a failed source" "EXIT=1"
tm kill-session -t r

# No TERM, an unknown TERM, a dumb one: a clear message, no screen.
for term in "" dumb no-such-terminal; do
	tm new-session -d -s r -x 80 -y 24 \
	    "env XDG_DATA_HOME=$T/data TERM=$term $READER $A; echo EXIT=\$?; sleep 30"
	check "TERM='$term' message" "cannot start the screen"
	check "TERM='$term' exit" "EXIT=1"
	tm kill-session -t r
done

# A non-UTF-8 locale gets ASCII stand-ins, not mojibake.
tm new-session -d -s r -x 80 -y 24 \
    "env XDG_DATA_HOME=$T/data LANG=C LC_ALL=C TERM=screen-256color $READER $A; sleep 30"
check "C locale" "Britain's electricity system operator"
tm kill-session -t r

# Under a standfirst, the dateline stands above the paragraph it opened.
tm new-session -d -s r -x 80 -y 24 \
    "env XDG_DATA_HOME=$T/data LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=screen-256color $READER tests/html/standfirst.html; sleep 30"
check "standfirst shown" "Shippers on Europe's busiest river"
first=$(screen | grep -nF "Shippers on Europe's busiest river" | cut -d: -f1)
dl=$(screen | grep -nF "KAUB, Germany" | cut -d: -f1)
gauge=$(screen | grep -nF "The gauge at Kaub" | cut -d: -f1)
if [ -n "$first" ] && [ -n "$dl" ] && [ -n "$gauge" ] &&
    [ "$first" -lt "$dl" ] && [ "$dl" -lt "$gauge" ]; then ok; else
	bad "dateline between the standfirst ($first) and its paragraph" \
	    "($gauge): row $dl"
fi
tm kill-session -t r

echo "tmux: $passed passed, $failed failed"
[ "$failed" = 0 ]
