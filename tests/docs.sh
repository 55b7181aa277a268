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

# Keys: the help screen's list against the manual page.
for k in j k J K v g G n N q / b u d f; do
	if grep "^\.It" man/reader.1 | grep -qF "Ic $k"; then ok; else bad "reader.1 lacks key $k"; fi
done

echo "docs: $passed passed, $failed failed"
[ "$failed" = 0 ]
