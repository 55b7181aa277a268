#!/bin/sh
# The command line as a user meets it: bad files, bad options, bad
# config, standard input, several sources. Each case gives the command,
# the exit status it must have, and text that must be in its output.
set -u
READER=${READER:-./reader}
case $READER in /*) ;; *) READER=$(pwd)/$READER ;; esac
T=$(mktemp -d)
# The story store of this run: never the user's.
export XDG_DATA_HOME="$T/data"
trap 'rm -rf "$T"' EXIT
passed=0
failed=0

# expect STATUS "TEXT" COMMAND...: run, compare status and look for TEXT
# in stdout+stderr ("" for none).
expect() {
	want=$1
	text=$2
	shift 2
	out=$("$@" 2>&1 </dev/null)
	rc=$?
	if [ "$rc" != "$want" ]; then
		echo "FAIL [$*]: exit $rc, want $want: $(printf '%s' "$out" | head -c 300)"
		failed=$((failed + 1))
	elif [ -n "$text" ] && ! printf '%s' "$out" | grep -qF -- "$text"; then
		echo "FAIL [$*]: output lacks \"$text\": $(printf '%s' "$out" | head -c 300)"
		failed=$((failed + 1))
	else
		passed=$((passed + 1))
	fi
}

# one_line COMMAND...: stderr is exactly one line.
one_line() {
	n=$("$@" 2>&1 >/dev/null </dev/null | wc -l)
	if [ "$n" -eq 1 ]; then
		passed=$((passed + 1))
	else
		echo "FAIL [$*]: $n lines on stderr, want 1"
		failed=$((failed + 1))
	fi
}

S=tests/text/wire-portal.txt
printf '' >"$T/empty.txt"
printf '   \n\n\t\n' >"$T/blank.txt"
printf '\211PNG\r\n\032\n\000\000\000\rIHDR\000\000\000\020' >"$T/image.png"
head -c 4096 /bin/sh >"$T/prog"
mkdir "$T/dir"
mkfifo "$T/fifo"
printf 'Headline here\n\nBody text that is long enough to be a paragraph of a story, really.\n' >"$T/story.txt"
printf '[view]\nwidth = 72\n\n[colors]\nheadline = red default bold\n' >"$T/good.conf"
printf '[view]\nwidth = 72\nfrobnicate = yes\n' >"$T/unknown-key.conf"
printf '[view]\nwidth = wide\n' >"$T/bad-value.conf"
printf '[nonsense]\n' >"$T/bad-section.conf"
printf '[colors]\nheadline = purple\n' >"$T/bad-color.conf"

# Files.
expect 1 "$T/missing.txt: No such file or directory" "$READER" --dump "$T/missing.txt"
one_line "$READER" --dump "$T/missing.txt"
expect 1 "$T/dir: is a directory" "$READER" --dump "$T/dir"
expect 1 "not a regular file (a FIFO)" "$READER" --dump "$T/fifo"
expect 1 "/dev/zero: not a regular file (a character device)" "$READER" --dump /dev/zero
expect 1 "not a text file (looks like a PNG image)" "$READER" --dump "$T/image.png"
expect 1 "not a text file (looks like an ELF executable)" "$READER" --dump "$T/prog"
one_line "$READER" --dump "$T/image.png"
expect 0 "(empty story)" "$READER" --dump "$T/empty.txt"
expect 0 "(empty story)" "$READER" --dump "$T/blank.txt"
expect 0 '"paragraphs": []' "$READER" --dump=json "$T/empty.txt"
# Unreadable, as a user root's privileges do not override.
cp "$T/story.txt" "$T/locked.txt"
chmod 000 "$T/locked.txt"
chmod 755 "$T"
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null 2>&1; then
	expect 1 "locked.txt: Permission denied" setpriv --reuid=65534 \
	    --regid=65534 --clear-groups "$READER" --dump "$T/locked.txt"
elif [ "$(id -u)" != 0 ]; then
	expect 1 "locked.txt: Permission denied" "$READER" --dump "$T/locked.txt"
fi
# A file over the size limit, with both sizes in the message.
head -c 2000000 /dev/zero | tr '\0' 'a' >"$T/big.txt"
printf '[files]\nmax_size = 1M\n' >"$T/small.conf"
expect 1 "file too large (1.9 MB > 1.0 MB limit" "$READER" -c "$T/small.conf" --dump "$T/big.txt"

# Several sources: the good ones print, the status says one failed.
expect 1 "UK grid operator" "$READER" --dump "$S" "$T/missing.txt"
expect 1 "missing.txt: No such file" "$READER" --dump "$S" "$T/missing.txt"
n=$("$READER" --dump=json "$S" tests/text/ap-style.txt | wc -l)
if [ "$n" -eq 2 ]; then passed=$((passed + 1)); else
	echo "FAIL two sources give $n JSON lines, want 2"; failed=$((failed + 1)); fi

# Standard input.
out=$("$READER" --dump=json - <"$S")
case $out in *'"source": "-"'*'UK grid operator'*) passed=$((passed + 1)) ;;
*) echo "FAIL stdin: $out" | head -c 300; failed=$((failed + 1)) ;; esac

# Text piped in or redirected with no source is read, as less does.
out=$(printf 'Pier approved\n\nKIRKWALL (Harbour Wire) - The harbour board approved a new pier on Tuesday after a long debate about costs.\n' | env XDG_CONFIG_HOME="$T/none" "$READER" --dump=json)
case $out in *'"source": "-"'*'Pier approved'*) passed=$((passed + 1)) ;;
*) echo "FAIL a pipe with no source: $out" | head -c 300; failed=$((failed + 1)) ;; esac
out=$(env XDG_CONFIG_HOME="$T/none" "$READER" --dump <"$S" 2>&1 | head -n 1)
if [ "$out" = "UK grid operator orders review after North Sea cable outage" ]; then
	passed=$((passed + 1)); else echo "FAIL a redirected file with no source: $out"; failed=$((failed + 1)); fi

# Not a terminal: the text dump instead of the screen.
out=$("$READER" "$S" | head -n 1)
if [ "$out" = "UK grid operator orders review after North Sea cable outage" ]; then
	passed=$((passed + 1)); else echo "FAIL pipe: $out"; failed=$((failed + 1)); fi

# Usage. Bare reader with no [feeds]: how to add one, in one line.
expect 2 "no feeds configured: add a line \"URL name\" under [feeds] in $T/none/reader/reader.conf, or open one with: reader URL" env XDG_CONFIG_HOME="$T/none" "$READER"
one_line env XDG_CONFIG_HOME="$T/none" "$READER"
expect 2 "under [feeds] in $T/good.conf" "$READER" -c "$T/good.conf"
expect 2 "usage:" "$READER" --frobnicate "$S"
expect 2 "unknown dump format" "$READER" --dump=xml "$S"
expect 0 "usage:" "$READER" -h
expect 0 "reader " "$READER" -V

# Config.
expect 0 "UK grid" "$READER" -c "$T/good.conf" --dump "$S"
expect 1 "unknown-key.conf:3: unknown key \"frobnicate\" in [view]" "$READER" -c "$T/unknown-key.conf" --dump "$S"
expect 1 "bad-value.conf:2: bad value \"wide\" for width" "$READER" -c "$T/bad-value.conf" --dump "$S"
expect 1 "bad-section.conf:1: unknown section [nonsense]" "$READER" -c "$T/bad-section.conf" --dump "$S"
expect 1 "bad-color.conf:2: bad colour or attribute \"purple\"" "$READER" -c "$T/bad-color.conf" --dump "$S"
expect 1 "nothere.conf: No such file or directory" "$READER" -c "$T/nothere.conf" --dump "$S"
one_line "$READER" -c "$T/unknown-key.conf" --dump "$S"
# The XDG location is read without -c.
mkdir -p "$T/xdg/reader"
cp "$T/bad-value.conf" "$T/xdg/reader/reader.conf"
expect 1 "reader.conf:2: bad value" env XDG_CONFIG_HOME="$T/xdg" "$READER" --dump "$S"
expect 0 "UK grid" env XDG_CONFIG_HOME="$T/none" HOME="$T/none" "$READER" --dump "$S"

# A hostile name is sanitized in messages.
esc=$(printf 'evil\033]0;pwned\007.txt')
out=$("$READER" --dump "$T/$esc" 2>&1)
case $out in *"$(printf '\033')"*|*"$(printf '\007')"*)
	echo "FAIL control characters reach stderr"; failed=$((failed + 1)) ;;
*) passed=$((passed + 1)) ;; esac

echo "cli: $passed passed, $failed failed"
[ "$failed" = 0 ]
