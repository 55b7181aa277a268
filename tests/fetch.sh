#!/bin/sh
# Fetching, against tests/server.py on 127.0.0.1: fixture feeds and pages,
# every misbehaving endpoint's one-line error within its time bound, the
# exit status, conditional requests, the cache (atomic writes, broken
# entries set aside) and reading offline from it.
set -u
READER=${READER:-./reader}
T=$(mktemp -d)
# The story store of this run: never the user's.
export XDG_DATA_HOME="$T/data"
passed=0
failed=0
ok() { passed=$((passed + 1)); }
bad() { echo "FAIL $*"; failed=$((failed + 1)); }
SERVER_PID=
cleanup() {
	[ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null
	rm -rf "$T"
}
trap cleanup EXIT

start_server() {
	python3 tests/server.py --limit 120 >"$T/port" &
	SERVER_PID=$!
	i=0
	while [ ! -s "$T/port" ] && [ $i -lt 100 ]; do
		sleep 0.05
		i=$((i + 1))
	done
	PORT=$(cat "$T/port")
	B=http://127.0.0.1:$PORT
}
start_server
if [ -z "$PORT" ]; then
	echo "FAIL the test server did not start"
	echo "fetch: 0 passed, 1 failed"
	exit 1
fi

cat >"$T/reader.conf" <<CONF
[fetch]
timeout = 4
connect_timeout = 2
low_speed_time = 2
max_size = 1M
retries = 1
user_agent = reader-test/1.0
CONF
export XDG_CACHE_HOME="$T/cache"

now_ms() { date +%s%3N; }

# run URL...: the reader's stdout, stderr, status and time in ms.
run() {
	t0=$(now_ms)
	timeout 30 "$READER" -c "$T/reader.conf" --dump=json "$@" \
	    >"$T/out" 2>"$T/err"
	rc=$?
	ms=$(( $(now_ms) - t0 ))
}

# expect_error NAME PATH TEXT SECONDS: one line on stderr with the URL and
# TEXT, exit status 1, nothing on stdout, within SECONDS.
expect_error() {
	run "$B$2"
	if [ "$rc" = 1 ]; then ok; else bad "$1: exit $rc, not 1"; fi
	if [ "$(wc -l <"$T/err")" = 1 ] && grep -qF "$B$2: $3" "$T/err"; then
		ok
	else
		bad "$1: stderr is not one line with \"$3\":"
		sed 's/^/  | /' "$T/err"
	fi
	if [ -s "$T/out" ]; then bad "$1: printed something"; else ok; fi
	if [ "$ms" -le $(($4 * 1000)) ]; then ok; else bad "$1: took $ms ms (> $4 s)"; fi
	echo "time $1: $ms ms: $(cat "$T/err")"
}

# count PATH: requests the server saw for PATH.
count() {
	curl -s "$B/stats" 2>/dev/null | awk -v p="$1" \
	    '{ n = $NF; $NF = ""; sub(/ $/, ""); if ($0 == p) print n }'
}

# --- the misbehaving endpoints -------------------------------------------
expect_error "404" /status/404 "404 Not Found" 2
expect_error "410" /status/410 "410 Gone" 2
expect_error "500, retried" /status/500 "500 Internal Server Error" 4
n=$(count /status/500)
if [ "$n" = 2 ]; then ok; else bad "500 asked $n times, not 2 (one retry)"; fi
expect_error "redirect loop" /loop "too many redirects" 3
expect_error "11 redirects" /redirect/11 "too many redirects" 3
expect_error "redirect to file:" /tofile "redirect to file:///etc/passwd refused" 2
expect_error "gzip bomb" /bomb "response too large" 5
expect_error "endless body" /endless "response too large" 5
expect_error "trickling body" /trickle "timed out after" 6
expect_error "never answers" /hang "timed out after" 6
expect_error "an image as HTML" /image "not a page or a feed" 2
t0=$(now_ms)
"$READER" -c "$T/reader.conf" --dump=json http://127.0.0.1:1/ >/dev/null 2>"$T/err"
rc=$?
if [ "$rc" = 1 ] && grep -q "http://127.0.0.1:1/: cannot connect" "$T/err"; then ok; else bad "refused: $rc $(cat "$T/err")"; fi
echo "time refused: $(( $(now_ms) - t0 )) ms: $(cat "$T/err")"
run "ftp://127.0.0.1:$PORT/x"
if [ "$rc" = 1 ]; then ok; else bad "ftp: exit $rc"; fi

# TLS is always verified: a self-signed certificate is refused.
if command -v openssl >/dev/null 2>&1 && openssl req -x509 -newkey rsa:2048 \
    -nodes -keyout "$T/key.pem" -out "$T/cert.pem" -days 1 \
    -subj /CN=127.0.0.1 >/dev/null 2>&1; then
	python3 tests/server.py --limit 60 --tls "$T/cert.pem" "$T/key.pem" \
	    >"$T/tlsport" 2>/dev/null &
	TLS_PID=$!
	i=0
	while [ ! -s "$T/tlsport" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
	run "https://127.0.0.1:$(cat "$T/tlsport")/story/1.html"
	if [ "$rc" = 1 ] && grep -q ": TLS: .*certificate" "$T/err"; then ok; else bad "self-signed TLS: $rc $(cat "$T/err")"; fi
	echo "time self-signed TLS: $ms ms: $(cat "$T/err")"
	kill "$TLS_PID" 2>/dev/null
else
	echo "skip TLS: no openssl"
fi

# --- transient failures, redirects ---------------------------------------
run "$B/retry"
if [ "$rc" = 0 ] && grep -q '"headline": "Ferry operators' "$T/out"; then ok; else bad "503 + Retry-After then 200: $rc $(cat "$T/err")"; fi
if [ "$(count /retry)" = 2 ]; then ok; else bad "/retry asked $(count /retry) times"; fi
if [ "$ms" -ge 900 ]; then ok; else bad "Retry-After: 1 not honoured ($ms ms)"; fi
expect_error "429, a long Retry-After" /busy "429 Too Many Requests (retry after 3600 s)" 2
run "$B/reset"
if [ "$rc" = 0 ] && grep -q '"headline": "Lighthouse' "$T/out" && [ "$(count /reset)" = 2 ]; then ok; else bad "a reset connection is not retried: $rc $(cat "$T/err")"; fi
run "$B/redirect/3"
if [ "$rc" = 0 ] && grep -qF "\"source\": \"$B/story/1.html\"" "$T/out"; then ok; else bad "redirect chain: $rc $(cat "$T/err")"; fi
if [ "$(count "ua reader-test/1.0")" -ge 1 ]; then ok; else bad "user_agent not sent"; fi

# --- feeds ---------------------------------------------------------------
run "$B/feeds/rss.xml"
if [ "$rc" = 0 ]; then ok; else bad "rss: exit $rc: $(cat "$T/err")"; fi
if [ "$(wc -l <"$T/out")" = 4 ]; then ok; else bad "rss: $(wc -l <"$T/out") lines, not 4"; fi
python3 - "$T/out" "$B" <<'PY' && ok || bad "rss: the JSON lines"
import json, sys
lines = [json.loads(l) for l in open(sys.argv[1])]
b = sys.argv[2]
heads = [l["headline"] for l in lines]
assert heads == [
    "Ferry operators agree winter timetable after week of talks",
    "Lighthouse keepers' cottages sold to heritage trust",
    "Storm closes harbour for second day as swell tops sea wall",
    "Pier repairs delayed by missing steel order"], heads
# ../story/2.html resolved against the feed's URL
assert lines[1]["source"] == b + "/story/2.html", lines[1]["source"]
# full text from the page
assert len(lines[0]["paragraphs"]) >= 3, lines[0]["paragraphs"]
assert any("winter timetable" in p for p in lines[0]["paragraphs"])
# the page that cannot be fetched: the feed's summary
assert lines[3]["paragraphs"] == [
    "Repairs to the north pier will start a month late because a steel order went astray.",
    "The contractor said the new beams would arrive in February."], lines[3]
assert lines[3]["published"] == "2026-01-10T07:15:00Z"
PY
if grep -qF "$B/story/missing.html: 404 Not Found" "$T/err"; then ok; else bad "rss: no note for the missing page"; fi

run "$B/feeds/atom.xml"
python3 - "$T/out" "$B" <<'PY' && ok || bad "atom: $(cat "$T/err")"
import json, sys
lines = [json.loads(l) for l in open(sys.argv[1])]
b = sys.argv[2]
assert [l["source"] for l in lines] == [b + "/story/3.html", b + "/story/4.html"], lines
assert lines[1]["published"] == "2026-01-10T06:20:00Z"
PY
run "$B/feeds/rdf.xml"
python3 - "$T/out" <<'PY' && ok || bad "rdf: $(cat "$T/err")"
import json, sys
lines = [json.loads(l) for l in open(sys.argv[1])]
assert [l["headline"][:5] for l in lines] == ["Ferry", "Light"], lines
PY
run "$B/home.html"
if [ "$(wc -l <"$T/out")" = 4 ] && [ "$(count /feeds/rss.xml)" -ge 2 ]; then ok; else bad "<link rel=alternate> not followed: $(cat "$T/err")"; fi
run "$B/wrongtype"
if [ "$(wc -l <"$T/out")" = 4 ]; then ok; else bad "a feed with the wrong Content-Type: $(cat "$T/err")"; fi
run "$B/story/1.html"
if [ "$rc" = 0 ] && [ "$(wc -l <"$T/out")" = 1 ] && grep -q '"headline": "Ferry operators' "$T/out"; then ok; else bad "a page: $rc $(cat "$T/err")"; fi
# A bad source among good ones: the others print, exit 1.
run "$B/status/404" tests/text/ap-style.txt "$B/story/2.html"
if [ "$rc" = 1 ] && [ "$(wc -l <"$T/out")" = 2 ]; then ok; else bad "mixed sources: exit $rc, $(wc -l <"$T/out") lines"; fi

# --- conditional requests --------------------------------------------------
run "$B/etag/feed.xml"
run "$B/etag/feed.xml"
if [ "$rc" = 0 ] && [ "$(wc -l <"$T/out")" = 4 ]; then ok; else bad "304: the cached feed is not shown"; fi
if [ "$(count "conditional /etag/feed.xml")" = 1 ] && [ "$(count "304 /etag/feed.xml")" = 1 ]; then ok; else bad "no conditional request / 304"; fi
if [ "$(count /etag/feed.xml)" = 2 ]; then ok; else bad "304 was retried: $(count /etag/feed.xml) requests"; fi

# --- the cache -----------------------------------------------------------
C=$XDG_CACHE_HOME/reader
if [ "$(stat -c %a "$C")" = 700 ]; then ok; else bad "cache dir mode $(stat -c %a "$C")"; fi
if ls -A "$C" | grep -q '^\.tmp'; then bad "temporary files left in the cache"; else ok; fi
if ls "$C" | grep -v '^read$' | grep -qv '^[0-9a-f]\{32\}$'; then bad "cache names not hashes: $(ls "$C")"; else ok; fi
entry=$(grep -l "^url $B/story/1.html\$" "$C"/* | head -n 1)
if [ -n "$entry" ]; then ok; else bad "story 1 not cached"; fi
# A torn entry (as a crash mid-write without rename would leave) is set
# aside and fetched again.
before=$(count /story/1.html)
head -c 200 "$entry" >"$T/torn" && cat "$T/torn" >"$entry"
run "$B/feeds/rss.xml"
if [ -f "$entry.broken" ] && [ "$(wc -l <"$T/out")" = 4 ]; then ok; else bad "broken entry not set aside"; fi
if [ "$(count /story/1.html)" = $((before + 1)) ] && grep -q '^length ' "$entry"; then ok; else bad "broken entry not refetched"; fi
printf 'garbage' >"$entry"
run "$B/story/1.html"
if [ "$rc" = 0 ] && grep -q "reader-cache 1" "$entry"; then ok; else bad "garbage entry: $rc"; fi

# --- offline -------------------------------------------------------------
kill "$SERVER_PID"
wait "$SERVER_PID" 2>/dev/null
SERVER_PID=
run "$B/feeds/rss.xml"
if [ "$rc" = 0 ] && [ "$(wc -l <"$T/out")" = 4 ]; then ok; else bad "offline feed: exit $rc, $(wc -l <"$T/out") lines: $(cat "$T/err")"; fi
if grep -q "Offline: showing the copy saved" "$T/err"; then ok; else bad "offline: no note: $(cat "$T/err")"; fi
if grep -q '"headline": "Ferry operators' "$T/out"; then ok; else bad "offline: stories not from cache"; fi
run "$B/story/2.html"
if [ "$rc" = 0 ] && grep -q "Lighthouse" "$T/out" && grep -q "Offline" "$T/err"; then ok; else bad "offline page: $rc $(cat "$T/err")"; fi
run "$B/story/never-fetched.html"
if [ "$rc" = 1 ] && grep -q "cannot connect" "$T/err"; then ok; else bad "offline uncached: $rc"; fi

# --- [feeds] in reader.conf ----------------------------------------------
cat >>"$T/reader.conf" <<CONF
[feeds]
$B/feeds/rss.xml Islands desk
CONF
t0=$(now_ms)
"$READER" -c "$T/reader.conf" --dump=json >"$T/out" 2>"$T/err"
rc=$?
if [ "$rc" = 0 ] && [ "$(wc -l <"$T/out")" = 4 ]; then ok; else bad "[feeds] with no argument: $rc"; fi
printf '[feeds]\nftp://example.invalid/x\n' >"$T/bad.conf"
"$READER" -c "$T/bad.conf" --dump=json >/dev/null 2>"$T/err"
if [ $? = 1 ] && grep -q "bad.conf:2: not an http or https URL" "$T/err"; then ok; else bad "bad [feeds] line: $(cat "$T/err")"; fi
printf '[fetch]\ntimeout = 0\n' >"$T/bad.conf"
"$READER" -c "$T/bad.conf" --dump=json x >/dev/null 2>"$T/err"
if [ $? = 1 ] && grep -q "bad.conf:2: bad value" "$T/err"; then ok; else bad "bad timeout: $(cat "$T/err")"; fi
printf '[view]\n' >"$T/empty.conf"
"$READER" -c "$T/empty.conf" >/dev/null 2>&1
if [ $? = 2 ]; then ok; else bad "no source and no feeds is not exit 2"; fi

echo "fetch: $passed passed, $failed failed"
[ "$failed" = 0 ]
