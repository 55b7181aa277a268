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

ENV="env XDG_DATA_HOME=$T/data LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=screen-256color"
# The fixed set of fixtures (tests/store_set.txt), stored by reading them.
# shellcheck disable=SC2046
"$READER" --dump $(cat tests/store_set.txt) >/dev/null 2>&1

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
check_row "Enter opens the last story found" 23 "[11/11]"
keys q
keys q
check "quits" "EXIT=0"
n=$("$READER" --search "river OR port" --dump=json 2>/dev/null |
    grep -c '"read": true')
[ "$n" = 1 ] && ok || bad "the story opened is read in the store ($n)"

# S in a list: the whole store, in a list above; q comes back.
start --search "''"
check "every stored story" "stories, "
keys S
check "S asks for a query" "Search the store:"
keys "person:Okonkwo" Enter
check "S lists what the query finds" "UK grid operator orders review"
check_row "one story" 23 "1/1"
check "and says what it is" "matching person:Okonkwo"
keys q
check_row "q comes back to the first list" 23 "37 stories"
keys S
keys "zzyzx" Enter
check "nothing found stays here" "No stored story matches zzyzx"
keys S
keys '"unclosed' Enter
check "a bad query says why" "Bad query: a quote opened at column 1"

# * stars the selected story: marked in the list, kept in the store.
keys g
keys '*'
check "* stars" "Starred"
check_row "the row is marked" 0 "*"
keys '*'
check "* again takes the star off" "Star removed"
keys '*'
keys Q
check "quits" "EXIT=0"
n=$("$READER" --search starred --dump=json 2>/dev/null | wc -l)
[ "$n" = 1 ] && ok || bad "one story starred in the store ($n)"

# From a story's names: S lists the stored stories naming one; * in the
# story view stars the story.
start tests/text/ap-style.txt
check "the story" "Dutch city tests giant river barrier"
keys '*'
check "* in the story view" "Starred"
keys j
check_row "the status line marks it" 23 " * "
keys e
check "the names" "People and places"
check "S is offered" "S lists the stored stories naming it"
keys S
check "S on a name lists its stories" "matching person:"
check "the story itself is among them" "Dutch city tests giant river barrier"
keys q
check "q comes back to the names" "People and places"
keys Q
check "quits" "EXIT=0"
n=$("$READER" --search starred --dump=json 2>/dev/null | wc -l)
[ "$n" = 2 ] && ok || bad "two stories starred in the store ($n)"

echo "tmux-store: $passed passed, $failed failed"
[ "$failed" = 0 ]
