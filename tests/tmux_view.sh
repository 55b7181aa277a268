#!/bin/sh
# The story view, help and status line at several sizes, in tmux: the
# reading position across resizes, help that scrolls, status lines that
# keep the position at 40 columns, a resize under the prompt, the words
# of the messages, the keys each context offers.
set -u
READER=${READER:-./reader}
case $READER in /*) ;; *) READER=$(pwd)/$READER ;; esac
SOCK=reader-view-$$
N=0
T=$(mktemp -d)
# The story store of this run: never the user's.
export XDG_DATA_HOME="$T/data"
passed=0
failed=0
SERVER_PID=
# Each session has its own server: a new one never races the last.
tm() { tmux -L "$SOCK-$N" -f /dev/null "$@"; }
cleanup() {
	tm kill-server 2>/dev/null
	[ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null
	rm -rf "$T"
}
trap cleanup EXIT

. "$(dirname "$0")/tmux_lib.sh"

ENV="env XDG_DATA_HOME=$T/data LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=screen-256color XDG_CACHE_HOME=$T/cache XDG_CONFIG_HOME=$T/none HOME=$T/none"
A=tests/text/wire-portal.txt
B=tests/text/ap-style.txt
ELL=$(printf '\342\200\246')

# start W H ARGS...: reader in a fresh session of W x H.
start() {
	w=$1 h=$2
	shift 2
	tm kill-server 2>/dev/null
	N=$((N + 1))
	tm new-session -d -s r -x "$w" -y "$h" \
	    "$ENV $READER $*; echo EXIT=\$?; sleep 30"
}
# row N: screen row N (0-based), trailing blanks cut.
row() { screen | sed -n "$(($1 + 1))p" | sed 's/ *$//'; }
# same NAME A B: two strings are equal.
same() {
	if [ "$2" = "$3" ]; then ok; else
		bad "$1: \"$2\" became \"$3\""
	fi
}

# --- 1: a resize keeps the reading position ----------------------------
start 80 24 "$A"
check_row "start" 23 "Top"
keys G
check_row "G: the end" 23 "Bot"
tm resize-window -t r -x 40 -y 12
check_row "the end stays the end at 40x12" 11 "Bot"
tm resize-window -t r -x 80 -y 24
check_row "and back at 80x24" 23 "Bot"
keys g
tm resize-window -t r -x 100 -y 24
keys j j j j j j j
sleep 0.3
top=$(row 0)
tm resize-window -t r -x 40 -y 24
check_row "40 columns" 23 "%"
tm resize-window -t r -x 100 -y 24
sleep 0.3
same "100 -> 40 -> 100 keeps the top line" "$top" "$(row 0)"
tm resize-window -t r -x 40 -y 24
tm resize-window -t r -x 100 -y 24
sleep 0.3
same "and again" "$top" "$(row 0)"
# The byline at the top (a line the view makes itself) stays there.
keys g j
sleep 0.3
top=$(row 0)
tm resize-window -t r -x 60 -y 24
tm resize-window -t r -x 100 -y 24
sleep 0.3
same "the byline stays on top" "$top" "$(row 0)"

# --- 4: a resize under the / prompt -------------------------------------
tm resize-window -t r -x 80 -y 24
keys g /
check_row "the prompt" 23 "/"
keys 'cab'
tm resize-window -t r -x 50 -y 20
check_row "prompt: the headline is wrapped again" 1 "cable outage"
check_row "prompt: on the new last row" 19 "/cab"
keys le Enter
check_row "the search runs at the new size" 19 "match 1/"
keys q

# --- 2: help scrolls -----------------------------------------------------
WHEEL_DOWN=$(printf '\033[Ma!!')
WHEEL_UP=$(printf '\033[M`!!')
start 100 20 "$A" "$B"
check "help: the story" "UK grid operator"
keys '?'
check_row "help: a sign that more follows" 19 "Space for more"
check_row "help: where it is" 19 "Top"
keys Space
check "help: Space pages down" "Other"
check_not "help: a page, not a line" "down one line"
keys b
check_row "help: b pages up" 19 "Top"
keys G
check_row "help: G goes to the end" 19 "Bot"
check "help: the last key" "quit"
keys g
check_row "help: g to the top" 19 "Top"
keys End
check_row "help: End" 19 "Bot"
keys Home PgDn
check "help: PgDn" "Other"
keys Home f
check "help: f" "Other"
keys Home
tm send-keys -t r -l "$WHEEL_DOWN"
check_row "help: the wheel scrolls down" 19 "4-"
tm send-keys -t r -l "$WHEEL_UP"
check_row "help: and up" 19 "Top"
keys q
check "help: q goes back" "UK grid operator"
keys q

# --- 3: narrow status lines ---------------------------------------------
start 40 12 "$A" "$B"
check_row "40 columns" 11 "Top"
keys /cable Enter
check_row "40 columns, a search: the match" 11 "1/"
check_row "40 columns, a search: the percentage" 11 "%"
check_row "40 columns, a search: the name shortened" 11 "[1/2] $ELL"
keys v
check_row "40 columns, removed shown: the percentage" 11 "%"
keys v /nosuchwordanywhereinthisstoryatall Enter
check "a long message" "Pattern not found:"
if screen | tr -d ' \n' | grep -qF "Patternnotfound:nosuchwordanywhereinthisstoryatall"; then
	ok; else bad "a long message is not shown whole"; fi
keys j
check_not "and goes at the next key" "nosuchwordanywhere"
keys q

# --- 5: words ------------------------------------------------------------
printf 'Harbour board approves new pier\n\nKIRKWALL (Harbour Wire) - The harbour board approved a new pier on Tuesday after a long debate about costs and the ferry timetable for the winter months.\n\nShare this article\n\nThe pier will be built by a local firm and should open next summer, the board said in a statement.\n' >"$T/one.txt"
start 80 24 "$T/one.txt"
check "one removed block: the story" "Harbour board approves"
keys v
check_row "one removed block: singular" 23 "Showing 1 removed block, dimmed"
keys v
check_row "hiding one block" 23 "Hiding 1 removed block"
keys q
printf '<html><head><title>Menu</title></head><body><nav><a href="/">Home</a> <a href="/a">World</a></nav></body></html>' >"$T/nostory.html"
start 80 24 "$T/nostory.html"
check "a page with no story says so" "no story found on this page"
check_not "and only that" "(empty story)"
keys q

# --- 10: text piped in, keys from the terminal ---------------------------
tm kill-server 2>/dev/null
N=$((N + 1))
tm new-session -d -s r -x 80 -y 24 \
    "cat $T/one.txt | $ENV $READER; echo EXIT=\$?; sleep 30"
check "a pipe: the story" "Harbour board approves new pier"
check_row "a pipe: its source" 23 " -"
keys q
check "a pipe: q quits" "EXIT=0"

# --- the web: a local server ----------------------------------------------
python3 tests/server.py --limit 120 >"$T/port" &
SERVER_PID=$!
i=0
while [ ! -s "$T/port" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
W=http://127.0.0.1:$(cat "$T/port")
printf '[fetch]\ntimeout = 4\nconnect_timeout = 2\nretries = 0\n' >"$T/reader.conf"

# 12: a story URL that fails gets the error page a file gets.
start 80 24 -c "$T/reader.conf" "$W/story/missing.html"
check "a failing URL: its error page" "Cannot open $W/story/missing.html"
check "a failing URL: why" "404"
check_not "a failing URL: not an empty list" "No stories."
keys q
check "a failing URL: q quits, exit 1" "EXIT=1"

# 13: one page is a story, not a list of one.
start 80 24 -c "$T/reader.conf" "$W/story/4.html"
check "one page: the story" "PETERHEAD, Jan 10 (Harbour Wire)"
keys h
check_row "one page: h has no list to go to" 23 "No list to go back to"
check_not "one page: no list of one" "1 story, 0 unread"
keys '?'
check "one page: help" "reader: keys"
check "one page: help lists r" "reload the story"
check "one page: help lists o" "open the story's page"
check_not "one page: help lists no list" "back to the story list"
check_not "one page: help lists no next story" "next story"
keys q
keys r
check_row "one page: r reloads" 23 "Reloaded"
check_not "one page: no Reloading left" "Reloading"
keys q
check "one page: q quits" "EXIT=0"
# A saved file: no r, no h, no o (it gives no address of its own).
start 80 24 "$A"
keys '?'
check "a file: help" "reader: keys"
check_not "a file: help lists no reload" "reload"
check_not "a file: help lists no list" "back to the story list"
check_not "a file: help lists no browser" "BROWSER"
keys q r
check_row "a file: r says why not" 23 "Nothing to reload"
keys o
check_row "a file: o says why not" 23 "no link"
keys q

# A saved page naming its own address: o opens it.
cat >"$T/saved.html" <<'EOF'
<html><head><title>Pier approved</title>
<link rel="canonical" href="https://news.example/harbour/pier-approved">
<meta property="og:url" content="https://news.example/og-only">
</head><body><article><h1>Harbour board approves new pier</h1>
<p>KIRKWALL (Harbour Wire) - The harbour board approved a new pier on Tuesday after a long debate about costs and the ferry timetable for the winter months.</p>
<p>The pier will be built by a local firm and should open next summer, the board said in a statement on Wednesday.</p>
</article></body></html>
EOF
printf '#!/bin/sh\nprintf "%%s\\n" "$@" >%s/opened\n' "$T" >"$T/browser"
chmod +x "$T/browser"
tm kill-server 2>/dev/null
N=$((N + 1))
tm new-session -d -s r -x 80 -y 24 \
    "$ENV BROWSER=$T/browser $READER $T/saved.html; echo EXIT=\$?; sleep 30"
check "a saved page" "Harbour board approves new pier"
keys '?'
check "a saved page: help lists o" "open the story's page"
keys q o
i=0
while [ ! -s "$T/opened" ] && [ $i -lt 60 ]; do sleep 0.05; i=$((i + 1)); done
same "a saved page: o opens its canonical address" \
    "https://news.example/harbour/pier-approved" "$(cat "$T/opened" 2>/dev/null)"
keys q

# 14: r in the list: the result replaces "Reloading".
start 100 24 -c "$T/reader.conf" "$W/feeds/rss.xml"
check "the list" "Ferry operators agree winter timetable"
keys r
check_row "r: the result" 23 "No new stories"
check_not "r: Reloading is gone" "Reloading"
keys j
check_not "r: the result goes at the next key" "No new stories"
# The wheel moves the selection.
tm send-keys -t r -l "$WHEEL_DOWN"
check_row "the wheel in the list" 23 "/4"
check_row "the wheel moved the selection" 23 "4/4"
keys q
start 100 24 -c "$T/reader.conf" "$W/feeds/rss.xml" "$W/status/500" "$W/status/404"
check "two failing feeds" "Ferry operators agree"
keys j r
check "r: every failing feed" "2 sources failed"
if screen | tr -d ' \n' | grep -qF "$W/status/500" &&
    screen | tr -d ' \n' | grep -qF "$W/status/404"; then ok; else
	bad "r: each failing feed named"; fi
check_not "r: no Reloading left" "Reloading"
keys q

echo "tmux-view: $passed passed, $failed failed"
[ "$failed" = 0 ]
