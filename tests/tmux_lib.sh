# tmux_lib.sh: what the tmux suites share. The including script defines
# tm() (tmux on its own socket) and counts in $passed and $failed; the
# pane under test is the session "r". Polls with a timeout, never sleeps
# blindly.

screen() { tm capture-pane -p -t r; }
keys() { tm send-keys -t r "$@"; }
ok() { passed=$((passed + 1)); }
bad() {
	echo "FAIL $*"
	screen | sed 's/^/  | /'
	failed=$((failed + 1))
}

# wait_for TEXT [SECONDS]: until TEXT is on the screen.
wait_for() {
	i=0
	limit=$(( ${2:-5} * 20 ))
	while [ $i -lt $limit ]; do
		if screen | grep -qF -- "$1"; then
			return 0
		fi
		sleep 0.05
		i=$((i + 1))
	done
	return 1
}

# check NAME TEXT [SECONDS]: TEXT appears on the screen in time.
check() {
	if wait_for "$2" "${3:-5}"; then ok; else bad "$1: \"$2\" not on screen:"; fi
}

# check_not NAME TEXT: TEXT is not on the (settled) screen.
check_not() {
	sleep 0.2
	if screen | grep -qF -- "$2"; then
		echo "FAIL $1: \"$2\" still on screen"
		failed=$((failed + 1))
	else
		ok
	fi
}

# check_row NAME ROW TEXT: screen row ROW (0-based) contains TEXT.
check_row() {
	i=0
	while [ $i -lt 100 ]; do
		if screen | sed -n "$(($2 + 1))p" | grep -qF -- "$3"; then
			ok
			return
		fi
		sleep 0.05
		i=$((i + 1))
	done
	bad "$1: row $2 lacks \"$3\":"
}

# Keep the server up between the suite's sessions: killing the last
# session ends the server while the next new-session may already be
# connecting to it ("no server running"), so one idle session stays.
tm new-session -d -s keep -x 20 -y 5 "sleep 86400" 2>/dev/null
