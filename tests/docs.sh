#!/bin/sh
# The documentation says what the program does: the manual pages lint
# clean, and every setting the config parser takes, and every key the
# help screen lists, is documented.
set -u
passed=0
failed=0
ok() { passed=$((passed + 1)); }
bad() { echo "FAIL $*"; failed=$((failed + 1)); }

if command -v mandoc >/dev/null 2>&1; then
	for m in man/reader.1 man/reader.conf.5; do
		out=$(mandoc -Tlint -W warning "$m" 2>&1)
		if [ -z "$out" ]; then ok; else bad "$m: $out"; fi
	done
else
	bad "mandoc is not installed"
fi

# Settings: the keys config.c compares against, and the colour names.
keys=$(sed -n 's/.*strcmp(key, "\([a-z_]*\)").*/\1/p' src/config.c)
colors=$(sed -n 's/^	X(COLOR_[A-Z]*, *"\([a-z]*\)".*/\1/p' include/config.h)
sections=$(sed -n 's/.*strcmp(section, "\([a-z]*\)").*/\1/p' src/config.c | sort -u)
for k in $keys $colors; do
	if grep -q "^# $k = " reader.conf; then ok; else bad "reader.conf lacks $k"; fi
	if grep -q "^\.It Cm $k\b\|^\.It Ic $k\b\|Cm $k" man/reader.conf.5; then ok; else bad "reader.conf.5 lacks $k"; fi
done
for s in $sections; do
	if grep -q "^\[$s\]" reader.conf; then ok; else bad "reader.conf lacks [$s]"; fi
done

# Keys: every key the help screen lists (src/ui_help.c, keys separated by
# two spaces) is an item of reader(1), as ".It Ic KEY" or "Aq Cm KEY".
documented=$(awk '/^\.It/ {
	for (i = 2; i < NF; i++)
		if ($i == "Ic" || $i == "Cm") {
			k = $(i + 1)
			gsub(/\\&/, "", k)
			sub(/^\\\(lB$/, "[", k)
			sub(/^\\\(rB$/, "]", k)
			print k
		}
	if ($0 ~ /mouse wheel/)
		print "mouse wheel"
}' man/reader.1)
helpkeys=$(sed -n 's/^	{ "\([^"]*\)", ".*/\1/p' src/ui_help.c |
	sed 's/   */\n/g' | sed 's/^\/pattern$/\//' | sort -u)
[ -n "$helpkeys" ] || bad "no keys read from src/ui_help.c"
echo "$helpkeys" | while IFS= read -r k; do
	if echo "$documented" | grep -qxF -- "$k"; then
		echo ok
	else
		echo "FAIL reader.1 lacks key \"$k\" (from src/ui_help.c)"
	fi
done >"${TMPDIR:-/tmp}/docs-keys.$$"
passed=$((passed + $(grep -c '^ok$' "${TMPDIR:-/tmp}/docs-keys.$$")))
failed=$((failed + $(grep -c '^FAIL' "${TMPDIR:-/tmp}/docs-keys.$$")))
grep '^FAIL' "${TMPDIR:-/tmp}/docs-keys.$$"
rm -f "${TMPDIR:-/tmp}/docs-keys.$$"

echo "docs: $passed passed, $failed failed"
[ "$failed" = 0 ]
