#!/bin/sh
# The sample screen in README.md is one that reader really draws: the
# stories "make run" opens, at 80x24 in tmux, with no settings file,
# captured and compared with the block between the two marker comments.
# With -u (make readme-screen) the block is rewritten from the capture
# instead; review it with git diff.
set -u
READER=${READER:-./reader}
case $READER in /*) ;; *) READER=$(pwd)/$READER ;; esac
SAMPLES="tests/text/wire-portal.txt tests/text/ap-style.txt tests/text/afp-style.txt"
BEGIN='<!-- screen: tests/readme_screen.sh checks this block; make readme-screen rewrites it -->'
END='<!-- end of screen -->'
SOCK=reader-readme-$$
T=$(mktemp -d)
# The story store of this run: never the user's.
export XDG_DATA_HOME="$T/data"
passed=0
failed=0
tm() { tmux -L "$SOCK" -f /dev/null "$@"; }
cleanup() { tm kill-server 2>/dev/null; rm -rf "$T"; }
trap cleanup EXIT

. "$(dirname "$0")/tmux_lib.sh"

# No user settings or cache: the defaults draw the screen.
tm new-session -d -s r -x 80 -y 24 \
    "env -u XDG_CONFIG_HOME -u XDG_CACHE_HOME -u NO_COLOR HOME=$T LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=screen-256color $READER $SAMPLES; sleep 30"
if ! wait_for "[1/3] tests/text/wire-portal.txt" 10; then
	bad "reader did not draw the first sample"
	echo "readme-screen: $passed passed, $failed failed"
	exit 1
fi
sleep 0.2
{
	echo '```'
	screen
	echo '```'
} >"$T/screen"

# The README with its block replaced by the capture.
awk -v begin="$BEGIN" -v end="$END" -v file="$T/screen" '
	$0 == begin { print; while ((getline l < file) > 0) print l; skip = 1; found++; next }
	$0 == end { skip = 0 }
	!skip { print }
	END { if (found != 1) exit 1 }' README.md >"$T/README.md" ||
	{ bad "README.md lacks the marker comments (or has them twice)"; }

if [ "$failed" = 0 ]; then
	if [ "${1:-}" = -u ]; then
		cp "$T/README.md" README.md
		echo "README.md: sample screen rewritten"
		ok
	elif cmp -s README.md "$T/README.md"; then
		ok
	else
		echo "FAIL README.md's sample screen is not what reader draws (make readme-screen rewrites it):"
		diff README.md "$T/README.md" | sed 's/^/  /'
		failed=$((failed + 1))
	fi
fi
echo "readme-screen: $passed passed, $failed failed"
[ "$failed" = 0 ]
