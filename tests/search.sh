#!/bin/sh
# The store from the command line: the fixtures are stored by reading
# them, then --search is checked against golden files of its
# --dump=json (tests/golden/search/NAME.json, with "fetched" and the
# working directory masked), grep's exit statuses, --store, and the
# store's troubles: damaged, newer, unwritable and full.
# "sh tests/search.sh -u" rewrites the golden files (review with git diff).
set -u
READER=${READER:-./reader}
case $READER in /*) ;; *) READER=$(pwd)/$READER ;; esac
T=$(mktemp -d)
# The story store of this run: never the user's.
export XDG_DATA_HOME="$T/data"
export XDG_CACHE_HOME="$T/cache"
export XDG_CONFIG_HOME="$T/config"
SERVER_PID=
trap '[ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null; rm -rf "$T"' EXIT
update=0
[ "${1:-}" = "-u" ] && update=1
passed=0
failed=0
ok() { passed=$((passed + 1)); }
bad() { echo "FAIL $*"; failed=$((failed + 1)); }
DB=$XDG_DATA_HOME/reader/stories.db
HERE=$(pwd)

# A fixed set of fixtures (tests/store_set.txt), read once in a fixed
# order: the ids are stable, and a new fixture does not change the
# goldens.
SET=$(cat tests/store_set.txt)
# shellcheck disable=SC2086
"$READER" --dump=json $SET >/dev/null 2>&1

mask() {
	sed -e 's/"fetched": "[0-9TZ:-]*"/"fetched": "(time)"/' \
	    -e "s|\"source\": \"$HERE/|\"source\": \"|"
}

# NAME EXIT QUERY: the golden file of the query's results.
golden() {
	name=$1
	want_rc=$2
	shift 2
	got=$("$READER" --search "$1" --dump=json 2>"$T/err" | mask)
	rc=$?
	# The status of the reader, not of mask: run it once more.
	"$READER" --search "$1" --dump=json >/dev/null 2>&1
	rc=$?
	want=tests/golden/search/$name.json
	if [ "$update" = 1 ]; then
		printf '%s\n' "$got" >"$want"
		return
	fi
	if [ "$rc" != "$want_rc" ]; then
		bad "search [$1]: exit $rc, want $want_rc: $(cat "$T/err")"
	elif [ "$got" != "$(cat "$want" 2>/dev/null)" ]; then
		bad "search [$1]: differs from $want:"
		printf '%s\n' "$got" | diff "$want" - | head -n 10
	else
		ok
	fi
}

golden words 0 'grid operator'
golden phrase 0 '"North Sea"'
golden prefix 0 'electri*'
golden or-not 0 'shanghai OR port NOT automated'
golden person 0 'person:Okonkwo'
golden person-caps 0 'person:BLAKE'
golden person-diacritics 0 'person:ZIELIŃSKI'
golden org 0 'org:"european union"'
golden place 0 'place:"north sea" cable'
golden since 0 'since:2026-03-05 before:2026-03-06'
golden none 1 'zzyzx'
golden unread-prefix 0 'unread elec*'

# expect EXIT TEXT QUERY: status and a piece of the message; stderr is
# one line.
expect() {
	"$READER" --search "$3" --dump >"$T/out" 2>"$T/err"
	rc=$?
	if [ "$rc" != "$1" ]; then
		bad "search [$3]: exit $rc, want $1"
	elif [ -n "$2" ] && ! grep -qF -- "$2" "$T/err"; then
		bad "search [$3]: stderr lacks \"$2\": $(cat "$T/err")"
	elif [ -n "$2" ] && [ "$(wc -l <"$T/err")" -ne 1 ]; then
		bad "search [$3]: $(wc -l <"$T/err") lines on stderr"
	else
		ok
	fi
}
expect 2 'bad query: a quote opened at column 1 is not closed' '"north sea'
expect 2 'bad query: unknown filter "author:"' 'author:Smith'
expect 2 'bad query: NOT needs a word before it' 'NOT cable'
expect 2 'bad query: since:2026-02-30: not a date' 'since:2026-02-30'
expect 2 'bad query: a ( is not closed' '(cable OR grid'
expect 1 '' 'starred'
expect 0 '' 'grid'
if grep -q 'UK grid operator orders review' "$T/out"; then ok; else
	bad "--search --dump prints the story as text"; fi

# --store: what is kept.
"$READER" --store >"$T/out" 2>&1
n=$(wc -l <tests/store_set.txt)
if grep -q "^stories: $n ($n unread, 0 starred)$" "$T/out" &&
    grep -q '^feeds: 0$' "$T/out" && grep -q '^size: .* MB' "$T/out" &&
    grep -q '^oldest story: 20[0-9-]*$' "$T/out"; then ok; else
	bad "--store: $(cat "$T/out")"; fi
"$READER" --store tests/text/ap-style.txt >/dev/null 2>&1
[ $? = 2 ] && ok || bad "--store with a source: exit 2"

# A feed from the test server: its stories stored with the feed, whose
# name (from [feeds]) feed: finds, and its fetch recorded. Of its four
# items one links to a missing page: the feed's summary stands in for
# it on the screen, and is not stored as the story.
python3 tests/server.py --limit 60 >"$T/port" &
SERVER_PID=$!
i=0
while [ ! -s "$T/port" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
B=http://127.0.0.1:$(cat "$T/port")
mkdir -p "$T/feedconf"
printf '[feeds]\n%s Harbour desk\n' "$B/feeds/rss.xml" >"$T/feedconf/r.conf"
XDG_DATA_HOME=$T/feeddata "$READER" -c "$T/feedconf/r.conf" --dump=json \
    >/dev/null 2>&1
kill "$SERVER_PID" 2>/dev/null
n=$(XDG_DATA_HOME=$T/feeddata "$READER" --search 'feed:"harbour desk"' \
    --dump=json 2>/dev/null | grep -c "\"source\": \"$B/story/")
[ "$n" = 3 ] && ok || bad "a feed's stories, by the feed's name ($n)"
XDG_DATA_HOME=$T/feeddata "$READER" --store >"$T/out" 2>&1
grep -q '^feeds: 1$' "$T/out" && grep -q '^stories: 3 ' "$T/out" && ok ||
	bad "--store after a feed: $(cat "$T/out")"

# No home: no store, and no word of it; --search says there is none.
env -u HOME -u XDG_DATA_HOME "$READER" --dump tests/text/ap-style.txt \
    >/dev/null 2>"$T/err"
[ $? = 0 ] && [ ! -s "$T/err" ] && ok || bad "no home: $(cat "$T/err")"
env -u HOME -u XDG_DATA_HOME "$READER" --search x >/dev/null 2>"$T/err"
[ $? = 2 ] && grep -q 'no store: neither XDG_DATA_HOME nor HOME' "$T/err" &&
    ok || bad "no home, --search: $(cat "$T/err")"

# A damaged store: set aside with one line, and a new one started.
A=tests/text/ap-style.txt
mkdir -p "$T/bad/reader"
printf 'not a database, only some text\n' >"$T/bad/reader/stories.db"
XDG_DATA_HOME=$T/bad "$READER" --dump "$A" >"$T/out" 2>"$T/err"
rc=$?
if [ "$rc" = 0 ] && [ "$(wc -l <"$T/err")" = 1 ] &&
    grep -q 'set aside as .*stories.db.broken-' "$T/err" &&
    ls "$T/bad/reader/" | grep -q '^stories.db.broken-' &&
    [ -s "$T/out" ]; then ok; else
	bad "damaged store: exit $rc: $(cat "$T/err")"; fi
XDG_DATA_HOME=$T/bad "$READER" --search 'grid' --dump >/dev/null 2>"$T/err"
[ $? = 1 ] && [ ! -s "$T/err" ] && ok ||
	bad "the new store works: $(cat "$T/err")"

# A store from a newer reader: refused, left alone; reading goes on.
mkdir -p "$T/new/reader"
python3 -c 'import sqlite3, sys
c = sqlite3.connect(sys.argv[1]); c.execute("CREATE TABLE t(x)")
c.execute("PRAGMA user_version = 99"); c.commit()' "$T/new/reader/stories.db"
cp "$T/new/reader/stories.db" "$T/newer-copy"
XDG_DATA_HOME=$T/new "$READER" --dump "$A" >"$T/out" 2>"$T/err"
rc=$?
if [ "$rc" = 0 ] && [ "$(wc -l <"$T/err")" = 1 ] &&
    grep -q 'from a newer reader' "$T/err" && [ -s "$T/out" ] &&
    cmp -s "$T/newer-copy" "$T/new/reader/stories.db"; then ok; else
	bad "newer store: exit $rc: $(cat "$T/err")"; fi
XDG_DATA_HOME=$T/new "$READER" --search grid >/dev/null 2>"$T/err"
rc=$?
[ "$rc" = 2 ] && grep -q 'newer reader' "$T/err" && ok ||
	bad "search in a newer store: exit $rc: $(cat "$T/err")"

# A directory that cannot be written: as nobody when run as root (root
# ignores permissions), else a directory without write permission.
mkdir -p "$T/ro"
chmod 755 "$T" "$T/ro"
if [ "$(id -u)" = 0 ]; then
	run_ro() { setpriv --reuid=65534 --regid=65534 --clear-groups \
	    env HOME="$T/ro" XDG_DATA_HOME="$T/ro" "$@"; }
	cp "$A" "$T/story.txt" && chmod 644 "$T/story.txt"
	chmod 755 "$(dirname "$READER")" 2>/dev/null
else
	chmod 555 "$T/ro"
	run_ro() { env XDG_DATA_HOME="$T/ro" "$@"; }
	cp "$A" "$T/story.txt"
fi
run_ro "$READER" --dump "$T/story.txt" >"$T/out" 2>"$T/err"
rc=$?
if [ "$rc" = 0 ] && [ "$(wc -l <"$T/err")" = 1 ] &&
    grep -q 'reading goes on without storing' "$T/err" && [ -s "$T/out" ]
then ok; else bad "read-only directory: exit $rc: $(cat "$T/err")"; fi

# A full disk: writes past a size limit fail (the signal ignored, as a
# full disk sends none). One line, the stories still printed.
mkdir -p "$T/full"
XDG_DATA_HOME=$T/full "$READER" --store >/dev/null 2>&1
# The limit is per file: above each of the store's files (the WAL too).
size=0
for f in "$T"/full/reader/stories.db*; do
	n=$(wc -c <"$f")
	[ "$n" -gt "$size" ] && size=$n
done
( trap '' XFSZ; ulimit -f $((size / 512 + 16))
  { XDG_DATA_HOME=$T/full "$READER" --dump=json $SET 2>"$T/err"; echo $? >"$T/rc"; } | wc -l >"$T/n" )
n=$(cat "$T/n")
rc=$(cat "$T/rc")
if [ "$rc" = 0 ] && [ "$(wc -l <"$T/err")" -le 1 ] && [ "$n" -ge 20 ]; then
	ok; else bad "full disk: exit $rc, $n stories: $(cat "$T/err")"; fi
if grep -q 'cannot write the store' "$T/err"; then ok; else
	bad "full disk: no warning: $(cat "$T/err")"; fi

echo "search: $passed passed, $failed failed"
[ "$failed" = 0 ]
