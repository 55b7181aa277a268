#!/bin/sh
# Every golden fixture through valgrind: the --dump=json must still equal
# its golden file, with no memory error and no leak (definite, indirect
# or possible). Prints the errors and leaked bytes it saw in total.
set -u
READER=${READER:-./reader}
passed=0
failed=0
# The story store of this run: never the user's.
XDG_DATA_HOME=$(mktemp -d)
export XDG_DATA_HOME
log=$(mktemp)
trap 'rm -f "$log"; rm -rf "$XDG_DATA_HOME"' EXIT
for f in tests/text/*.txt tests/html/*.html; do
	[ -e "$f" ] || continue
	want=tests/golden/$(basename "$f").json
	got=$(valgrind -q --leak-check=full \
	    --show-leak-kinds=definite,indirect,possible \
	    --errors-for-leak-kinds=definite,indirect,possible \
	    --error-exitcode=99 --log-file="$log" \
	    "$READER" --dump=json "$f" 2>/dev/null)
	rc=$?
	if [ "$rc" != 0 ] || [ -s "$log" ]; then
		echo "FAIL $f: valgrind exit $rc"
		head -n 30 "$log"
		failed=$((failed + 1))
	elif [ "$got" != "$(cat "$want")" ]; then
		echo "FAIL $f: differs from $want under valgrind"
		failed=$((failed + 1))
	else
		passed=$((passed + 1))
	fi
done
echo "valgrind: $passed passed, $failed failed"
[ "$failed" = 0 ]
