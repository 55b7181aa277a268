#!/bin/sh
# Hostile stories in a real terminal: a headline, byline, body, link and
# file name full of escape sequences (OSC 0 title, OSC 52 clipboard, CSI
# clear and cursor moves, a bare CR, backspaces, U+202E) must leave the
# pane title, tmux's clipboard and the rest of the screen alone. Then a
# 1x1 window, and terminals reader cannot use (no TERM, dumb, unknown)
# left as they were found. Each check first proves, on a plain printf,
# that tmux would have noticed.
set -u
READER=${READER:-./reader}
case $READER in /*) ;; *) READER=$(pwd)/$READER ;; esac
SOCK=reader-hostile-$$
N=0
T=$(mktemp -d)
# The story store of this run: never the user's.
export XDG_DATA_HOME="$T/data"
passed=0
failed=0
tm() { tmux -L "$SOCK-$N" -f /dev/null "$@"; }
# Each session has its own server: a new one never races the last.
stop() { tm kill-server 2>/dev/null; }
SERVER_PID=
cleanup() {
	stop
	[ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null
	rm -rf "$T"
}
trap cleanup EXIT

. "$(dirname "$0")/tmux_lib.sh"
title() { tm display -p -t r '#{pane_title}' 2>/dev/null; }
buffers() { tm list-buffers 2>/dev/null | wc -l; }
# start COMMAND: a session that runs COMMAND once Enter is sent, so the
# pane title can be set first.
start() {
	N=$((N + 1))
	printf '%s\n' "$1" >"$T/cmd.sh"
	tm new-session -d -s r -x 80 -y 24 "sh -c 'read x; sh $T/cmd.sh; echo EXIT=\$?; sleep 30'"
	tm set -g set-clipboard on
	tm select-pane -t r -T clean-title
	tm send-keys -t r Enter
}

ESC=$(printf '\033')
BEL=$(printf '\007')
CR=$(printf '\r')
BS=$(printf '\010')
RLO=$(printf '\342\200\256')
OSC0="${ESC}]0;pwned-title${BEL}"
OSC52="${ESC}]52;c;cHduZWQ=${BEL}"

# The controls: tmux does take a title and a clipboard from a program.
start "printf '\\033]0;pwned-title\\007\\033]52;c;cHduZWQ=\\007'"
check "control: printf ran" "EXIT=0"
if [ "$(title)" = pwned-title ] && [ "$(buffers)" -ge 1 ]; then ok; else
	bad "control: tmux ignored OSC 0/52 (title $(title)), the checks below prove nothing"; fi
stop

# A saved page whose every part is hostile, under a hostile name.
NAME="story${OSC0}${ESC}[2J${CR}${BS}${RLO}.txt"
cat >"$T/$NAME" <<EOF
Grid ${OSC0}operator orders${OSC52} review after ${ESC}[2J${ESC}[Hcable outage

By Eleanor ${OSC52}Whitcombe${ESC}]0;by-title${BEL}
March 5, 2026

LONDON, March 5 (Reuters) - Britain's electricity system operator has ordered an independent review${ESC}[2J${ESC}[H after a subsea cable failed on Tuesday night, cutting supply.

Left part of the line${CR}RIGHT overwrote it, said engineers who asked for abc${BS}${BS}${BS}XYZ and ${RLO}reversed text.

The outage, which began shortly after 2100 GMT, lasted almost nine hours ${ESC}[31mand pushed${ESC}[0m prices up ${ESC}P1;2|payload${ESC}\\ by 18%.

Engineers have not yet located the fault ${ESC}]8;;http://evil.example/${ESC}\\link${ESC}]8;;${ESC}\\ along the cable.
EOF
printf '<html><head><title>Page %s title</title></head><body><article><h1>Linked %s story</h1><p>A paragraph with <a href="http://example.com/%s%s">a %s link</a> in it, long enough to be the story of the page.</p><p>Another paragraph, also long enough to be a paragraph of the story.</p></article></body></html>' \
    "$OSC0" "$OSC52" "$OSC0" "$ESC[2J" "$RLO" >"$T/link.html"

start "cd $T && env XDG_DATA_HOME=$T/data LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=screen-256color $READER story* link.html"
# What is left of a sequence once its ESC is gone is plain text.
check "hostile story shown" "review after"
check_row "headline where it belongs" 0 "Grid ]0;pwned-titleoperator"
check "byline" "By Eleanor ]52;c;cHduZWQ=Whitcombe"
# A lone CR ends a line in a text file, as old Macs wrote them.
check "CR: the left part kept" "Left part of the line"
check "CR: the right part kept" "RIGHT overwrote it"
check "backspaces dropped" "abcXYZ"
check "U+202E dropped" "and reversed text"
check "colours dropped" "[31mand pushed[0m"
check_row "status line in place" 23 "[1/2]"
check_row "file name on the status line" 23 ".txt"
tm send-keys -t r G
check "scrolled to the end" "along the cable"
tm send-keys -t r J
check "the linked story" "Linked"
check "link text" "link in it"
tm send-keys -t r v
tm send-keys -t r K g
check "back to the first" "review after"
[ "$(title)" = clean-title ] && ok || bad "pane title changed to \"$(title)\""
[ "$(buffers)" = 0 ] && ok || bad "the clipboard was set: $(tm list-buffers)"
if screen | grep -q "$ESC\|$BEL"; then bad "escapes on the screen"; else ok; fi
tm send-keys -t r q
check "quit" "EXIT=0"
[ "$(title)" = clean-title ] && ok || bad "pane title changed to \"$(title)\""
stop

# A hostile feed in the story list: titles, the feed's name and links
# with escapes; the link goes to $BROWSER as one clean argument, and a
# javascript: link is not opened at all.
mkdir "$T/files"
python3 tests/server.py --limit 120 --files "$T/files" >"$T/port" &
SERVER_PID=$!
i=0
while [ ! -s "$T/port" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
B=http://127.0.0.1:$(cat "$T/port")
cat >"$T/files/feed.xml" <<FEED
<?xml version="1.0"?><rss version="2.0"><channel><title>Feed ${OSC0}name</title>
<item><title>First ${OSC0}title${OSC52} here${ESC}[2J${ESC}[H over${CR}write${BS}${BS} ${RLO}end</title>
<link>http://127.0.0.1:1/a${ESC}b${BEL}c${RLO};\$(id)</link><guid>h1</guid>
<pubDate>Mon, 12 Jan 2026 10:00:00 GMT</pubDate>
<description>Summary &#x1b;]0;sum-title&#x7; of the first story.</description></item>
<item><title>Second with a script link</title><link>javascript:alert(1)</link><guid>h2</guid>
<pubDate>Mon, 12 Jan 2026 09:00:00 GMT</pubDate><description>Second summary.</description></item>
</channel></rss>
FEED
printf '#!/bin/sh\nprintf "%%s\\n" "$#" "$@" >%s/opened\n' "$T" >"$T/browser"
chmod +x "$T/browser"
start "env XDG_DATA_HOME=$T/data LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=screen-256color XDG_CACHE_HOME=$T/cache BROWSER=$T/browser $READER $B/file/feed.xml"
check "hostile titles plain" "First ]0;pwned-titletitle]52;c;cHduZWQ= here[2J[H"
check "second item" "Second with a script link"
tm send-keys -t r o
i=0
while [ ! -s "$T/opened" ] && [ $i -lt 60 ]; do sleep 0.05; i=$((i + 1)); done
# One argument, the controls gone, and "$(id)" not run by a shell.
if [ "$(cat "$T/opened" 2>/dev/null)" = "1
http://127.0.0.1:1/abc;\$(id)" ]; then ok; else
	bad "BROWSER got: $(od -c "$T/opened" 2>/dev/null | head -n 5)"; fi
rm -f "$T/opened"
tm send-keys -t r j o
check "javascript: link not opened" "no link"
sleep 0.3
[ ! -e "$T/opened" ] && ok || bad "BROWSER ran for a javascript: link"
tm send-keys -t r k Enter
check "the story from the summary" "of the first story"
[ "$(title)" = clean-title ] && ok || bad "pane title changed to \"$(title)\""
[ "$(buffers)" = 0 ] && ok || bad "the clipboard was set: $(tm list-buffers)"
if screen | grep -q "$ESC\|$BEL"; then bad "escapes on the screen"; else ok; fi
tm send-keys -t r q q
check "quit the list" "EXIT=0"
stop
kill "$SERVER_PID" 2>/dev/null
SERVER_PID=

# A 1x1 window and back: no crash, the story returns.
start "env XDG_DATA_HOME=$T/data LANG=C.UTF-8 TERM=screen-256color $READER $(pwd)/tests/text/wire-portal.txt"
check "before 1x1" "UK grid operator"
tm resize-window -t r -x 1 -y 1
sleep 0.3
tm resize-window -t r -x 2 -y 1
sleep 0.2
tm resize-window -t r -x 80 -y 24
check "back from 1x1" "UK grid operator"
check_row "status back" 23 "wire-portal.txt"
tm send-keys -t r q
check "quit after 1x1" "EXIT=0"
stop

# No TERM, a dumb one, an unknown one: one clear line, exit 1, and the
# terminal still cooked and echoing afterwards.
for term in unset dumb no-such-terminal; do
	if [ "$term" = unset ]; then env="env -u TERM XDG_DATA_HOME=$T/data"; else env="env XDG_DATA_HOME=$T/data TERM=$term"; fi
	start "$env $READER $(pwd)/tests/text/wire-portal.txt; echo RC=\$?; stty -a | tr ' ;' '\n\n' | grep -x -e -icanon -e -echo -e icanon -e echo | tr '\n' ' '; echo"
	check "TERM $term: message" "cannot start the screen"
	check "TERM $term: exit 1" "RC=1"
	check "TERM $term: cooked" "icanon echo"
	stop
done

echo "tmux-hostile: $passed passed, $failed failed"
[ "$failed" = 0 ]
