#!/bin/sh
# Runs every suite of reader's tests. Each suite ends with a line
# "NAME: N passed, N failed"; this script adds them up and ends with
# "N passed, N failed". A suite that dies without its line counts as one
# failure.
set -u
cd "$(dirname "$0")/.." || exit 1
READER=${READER:-./reader}
export READER
passed=0
failed=0
log=$(mktemp)
# Suites make their own stores; this one catches any that would not.
XDG_DATA_HOME=$(mktemp -d)
export XDG_DATA_HOME
trap 'rm -f "$log"; rm -rf "$XDG_DATA_HOME"' EXIT

suite() {
	name=$1
	shift
	"$@" >"$log" 2>&1
	rc=$?
	grep -v ': [0-9]* passed, [0-9]* failed$' "$log" | grep -E 'FAIL|ERROR' | head -n 40
	line=$(grep -E '^[a-z0-9 -]+: [0-9]+ passed, [0-9]+ failed$' "$log" | tail -n 1)
	if [ -z "$line" ]; then
		echo "$name: no summary (exit $rc)"
		tail -n 20 "$log"
		failed=$((failed + 1))
		return
	fi
	p=$(echo "$line" | sed 's/.*: \([0-9]*\) passed.*/\1/')
	f=$(echo "$line" | sed 's/.* \([0-9]*\) failed$/\1/')
	if [ "$f" = 0 ] && [ "$rc" != 0 ]; then
		echo "$name: exit $rc with no failure counted"
		f=1
	fi
	echo "$line"
	passed=$((passed + p))
	failed=$((failed + f))
}

suite unit ./tests/unit
suite entity ./tests/entity_test
suite html ./tests/html_test
suite copies ./tests/copies_test
suite golden sh tests/golden.sh
suite facts python3 tests/facts.py "$READER" tests/text
suite facts-html python3 tests/facts.py "$READER" tests/html facts-html
suite cli sh tests/cli.sh
suite search sh tests/search.sh
suite docs sh tests/docs.sh
suite feed ./tests/feed_test
suite store ./tests/store_test
suite fetch sh tests/fetch.sh
suite hostile python3 tests/hostile.py "$READER"
suite fuzz-replay ./tests/fuzz_replay fuzz/corpus fuzz/regress
if command -v tmux >/dev/null 2>&1; then
	suite tmux sh tests/tmux.sh
	suite tmux-feed sh tests/tmux_feed.sh
	suite tmux-hostile sh tests/tmux_hostile.sh
	suite tmux-view sh tests/tmux_view.sh
	suite tmux-store sh tests/tmux_store.sh
	suite readme-screen sh tests/readme_screen.sh
else
	echo "tmux: not installed"
	failed=$((failed + 1))
fi
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
