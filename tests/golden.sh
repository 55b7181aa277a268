#!/bin/sh
# Golden files: each fixture's --dump=json must equal tests/golden/NAME.json.
# "sh tests/golden.sh -u" rewrites the golden files (review with git diff).
set -u
READER=${READER:-./reader}
update=0
[ "${1:-}" = "-u" ] && update=1
passed=0
failed=0
# The story store of this run: never the user's.
XDG_DATA_HOME=$(mktemp -d)
export XDG_DATA_HOME
trap 'rm -rf "$XDG_DATA_HOME"' EXIT
for f in tests/text/*.txt tests/html/*.html; do
	[ -e "$f" ] || continue
	case $f in */facts.tsv) continue ;; esac
	name=$(basename "$f")
	want=tests/golden/$name.json
	got=$("$READER" --dump=json "$f" 2>&1)
	if [ "$update" = 1 ]; then
		printf '%s\n' "$got" >"$want"
		continue
	fi
	if [ ! -f "$want" ]; then
		echo "FAIL $f: no golden file $want"
		failed=$((failed + 1))
	elif [ "$got" = "$(cat "$want")" ]; then
		passed=$((passed + 1))
	else
		echo "FAIL $f: differs from $want:"
		printf '%s\n' "$got" | diff "$want" - | head -n 10
		failed=$((failed + 1))
	fi
done
echo "golden: $passed passed, $failed failed"
[ "$failed" = 0 ]
