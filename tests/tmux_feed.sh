#!/bin/sh
# The story list end to end, in tmux against tests/server.py: open a
# feed, see the list, open a story, J to the next, back, search, reload,
# a page that cannot be fetched, quit while pages load.
set -u
READER=${READER:-./reader}
case $READER in /*) ;; *) READER=$(pwd)/$READER ;; esac
SOCK=reader-feed-$$
T=$(mktemp -d)
# The story store of this run: never the user's.
export XDG_DATA_HOME="$T/data"
passed=0
failed=0
SERVER_PID=
tm() { tmux -L "$SOCK" -f /dev/null "$@"; }
cleanup() {
	tm kill-server 2>/dev/null
	[ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null
	rm -rf "$T"
}
trap cleanup EXIT

. "$(dirname "$0")/tmux_lib.sh"

python3 tests/server.py --limit 120 >"$T/port" &
SERVER_PID=$!
i=0
while [ ! -s "$T/port" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
B=http://127.0.0.1:$(cat "$T/port")
cat >"$T/reader.conf" <<CONF
[fetch]
timeout = 4
connect_timeout = 2
low_speed_time = 2
retries = 0
CONF
ENV="env XDG_DATA_HOME=$T/data LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=screen-256color XDG_CACHE_HOME=$T/cache BROWSER=$T/browser"
printf '#!/bin/sh\nprintf "%%s\\n" "$@" >%s/opened\n' "$T" >"$T/browser"
chmod +x "$T/browser"

tm new-session -d -s r -x 100 -y 24 \
    "$ENV $READER -c $T/reader.conf $B/feeds/rss.xml; echo EXIT=\$?; sleep 30"
check "the list" "Ferry operators agree winter timetable"
check_row "newest first" 0 "Ferry operators"
check_row "then" 1 "Lighthouse keepers"
check_row "unread marked" 0 "N "
check_row "status" 23 "4 stories, 4 unread"
check_row "position" 23 "1/4"

keys Enter
check "Enter opens the story" "KIRKWALL, Jan 12 (Harbour Wire)"
check "the page's full text" "ending weeks of uncertainty"
keys J
check "J: the next story" "STROMNESS, Jan 12 (Harbour Wire)"
check_row "J: its place in the list" 23 "[2/4] $B/story/2.html"
keys K
check "K: the previous story" "KIRKWALL, Jan 12"
keys q
check_row "q goes back to the list" 23 "4 stories, 2 unread"
check_row "the story read is marked" 0 "  "
keys j Enter
check "j and Enter" "STROMNESS"
keys h
check_row "h goes back" 23 "stories"
keys G Enter
check "a page that cannot be fetched: the summary" "Repairs to the north pier"
check "with a note saying why" "could not be fetched (404 Not Found)"
keys Left
check_row "Left goes back" 23 "stories"
keys o
i=0
while [ ! -s "$T/opened" ] && [ $i -lt 60 ]; do sleep 0.05; i=$((i + 1)); done
if [ "$(cat "$T/opened" 2>/dev/null)" = "$B/story/missing.html" ]; then
	passed=$((passed + 1))
else
	echo "FAIL o: BROWSER got \"$(cat "$T/opened" 2>/dev/null)\""
	failed=$((failed + 1))
fi
keys g / Storm Enter
check_row "/ searches headlines" 23 "3/4"
keys / nosuchheadline Enter
check_row "no match" 23 "Pattern not found"
keys r
check_row "r reloads, then says what came" 23 "No new stories"
keys '?'
check "help" "reader: keys"
keys q
check_row "help returns to the list" 23 "stories"
keys q
check "q quits from the list" "EXIT=0"
tm kill-session -t r

# One page: the story itself, and q quits.
tm new-session -d -s r -x 100 -y 24 \
    "$ENV $READER -c $T/reader.conf $B/story/4.html; echo EXIT=\$?; sleep 30"
check "a page URL opens the story" "PETERHEAD, Jan 10 (Harbour Wire)"
keys q
check "q quits from a single page" "EXIT=0"
tm kill-session -t r

# A site's page naming its feed: the feed's list.
tm new-session -d -s r -x 100 -y 24 \
    "$ENV $READER -c $T/reader.conf $B/home.html; echo EXIT=\$?; sleep 30"
check "<link rel=alternate> opens the feed" "Pier repairs delayed"
check "the feed's title as the source" "Harbour Wire:"
keys q
check "exit" "EXIT=0"
tm kill-session -t r

# From the cache at once, then offline with a note.
kill "$SERVER_PID"
wait "$SERVER_PID" 2>/dev/null
SERVER_PID=
tm new-session -d -s r -x 100 -y 24 \
    "$ENV $READER -c $T/reader.conf $B/feeds/rss.xml; echo EXIT=\$?; sleep 30"
check "offline: the list from the cache" "Ferry operators agree"
check "offline: a note" "Offline: showing the copy saved"
check "offline: the note whole, on as many lines as it needs" "unreachable))"
keys Enter
check "offline: a cached story" "KIRKWALL, Jan 12"
keys q q
check "offline exit" "EXIT=0"
tm kill-session -t r

# Quit while a page hangs: at once.
python3 tests/server.py --limit 60 >"$T/port2" &
SERVER_PID=$!
i=0
while [ ! -s "$T/port2" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
B2=http://127.0.0.1:$(cat "$T/port2")
tm new-session -d -s r -x 100 -y 24 \
    "$ENV $READER -c $T/reader.conf $B2/hang $B2/trickle; echo EXIT=\$?; sleep 30"
check "progress while fetching" "fetching 0/2"
keys j k '?'
check "keys work while fetching" "reader: keys"
keys q
t0=$(date +%s%3N)
keys q
check "quit mid-fetch" "EXIT="
t=$(( $(date +%s%3N) - t0 ))
if [ "$t" -lt 1000 ]; then passed=$((passed + 1)); else echo "FAIL quitting mid-fetch took $t ms"; failed=$((failed + 1)); fi
tm kill-session -t r

echo "tmux-feed: $passed passed, $failed failed"
[ "$failed" = 0 ]
