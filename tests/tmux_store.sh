#!/bin/sh
# The story store in a terminal: stories read are kept, reader --search
# opens them as a list, opening one marks it read in the store (a later
# run sees the mark), and the store's keys: S searches the whole store
# from the list, S in the names list lists the stories naming that name,
# and * stars a story.
set -u
READER=${READER:-./reader}
case $READER in /*) ;; *) READER=$(pwd)/$READER ;; esac
SOCK=reader-store-$$
T=$(mktemp -d)
# The story store of this run: never the user's.
export XDG_DATA_HOME="$T/data"
export XDG_CACHE_HOME="$T/cache"
export XDG_CONFIG_HOME="$T/config"
passed=0
failed=0
tm() { tmux -L "$SOCK" -f /dev/null "$@"; }
cleanup() { tm kill-server 2>/dev/null; rm -rf "$T"; }
trap cleanup EXIT

. "$(dirname "$0")/tmux_lib.sh"

ENV="env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=screen-256color"
# The fixtures, stored by reading them.
"$READER" --dump tests/text/*.txt tests/html/*.html >/dev/null 2>&1

# start ARGS...: reader in the pane "r", its exit status shown after.
start() {
	tm kill-session -t r 2>/dev/null
	tm new-session -d -s r -x 100 -y 24 \
	    "$ENV $READER $*; echo EXIT=\$?; sleep 30"
}

start --search "'river OR port'"
check "search opens a list" "Valparaiso dockworkers end strike"
check_row "status counts the results" 23 "unread"
check "rows show their file" "streamed.html"
keys G
keys Enter
check_row "Enter opens the last story found" 23 "[10/10]"
keys q
keys q
check "quits" "EXIT=0"
n=$("$READER" --search "river OR port" --dump=json 2>/dev/null |
    grep -c '"read": true')
[ "$n" = 1 ] && ok || bad "the story opened is read in the store ($n)"

echo "tmux-store: $passed passed, $failed failed"
[ "$failed" = 0 ]
