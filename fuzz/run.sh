#!/bin/sh
# Runs each libFuzzer harness for SECONDS (default 300) on its corpus and
# the regression inputs, then merges what it found into a minimised
# fuzz/corpus/NAME.
# Crashes are left in fuzz/crashes/. Usage: sh fuzz/run.sh [SECONDS] [NAME...]
set -u
cd "$(dirname "$0")/.." || exit 1
secs=${1:-300}
[ $# -gt 0 ] && shift
names=${*:-text html feed config sanitize}
make fuzz >/dev/null || exit 1
mkdir -p fuzz/crashes
for name in $names; do
	case $name in config|sanitize) len=4096 ;; *) len=32768 ;; esac
	work=fuzz/build/corpus/$name
	mkdir -p "$work" "fuzz/corpus/$name"
	./fuzz/build/fuzz-"$name" -max_total_time="$secs" -max_len="$len" \
	    -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
	    -artifact_prefix=fuzz/crashes/"$name"- \
	    "$work" "fuzz/corpus/$name" $(ls -d "fuzz/regress/$name" 2>/dev/null) \
	    >fuzz/build/"$name".log 2>&1
	echo "$name: exit $?, ${secs} s, $(grep -E 'stat::number_of_executed_units|stat::average_exec_per_sec' fuzz/build/"$name".log | tr -s ' \n' ' ')"
	# Keep the corpus small: a set cover of the features, each input
	# cut to 2 KB. The inputs of fixed bugs stay in fuzz/regress.
	merged=fuzz/build/merged-$name
	rm -rf "$merged" && mkdir -p "$merged"
	./fuzz/build/fuzz-"$name" -set_cover_merge=1 -max_len=2048 "$merged" \
	    "fuzz/corpus/$name" "$work" >/dev/null 2>&1 &&
	    rm -f "fuzz/corpus/$name"/* &&
	    cp "$merged"/* "fuzz/corpus/$name"/
done
