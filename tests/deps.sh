#!/bin/sh
# Installs what building and testing reader needs, on Debian or Ubuntu,
# if it is missing. Does nothing when everything is there.
set -eu
missing=""
need_pkg() { # need_pkg PACKAGE TEST...
	pkg=$1
	shift
	if ! "$@" >/dev/null 2>&1; then
		missing="$missing $pkg"
	fi
}
need_pkg make command -v make
need_pkg gcc command -v cc
need_pkg pkg-config command -v pkg-config
need_pkg libncurses-dev pkg-config --exists ncursesw
need_pkg libcurl4-openssl-dev pkg-config --exists libcurl
need_pkg libxml2-dev pkg-config --exists libxml-2.0
need_pkg tmux command -v tmux
need_pkg python3 command -v python3
need_pkg curl command -v curl
need_pkg openssl command -v openssl
need_pkg mandoc command -v mandoc
need_pkg util-linux command -v setpriv
need_pkg zlib1g-dev pkg-config --exists zlib
need_pkg libsqlite3-dev pkg-config --exists sqlite3
need_pkg libfribidi-dev pkg-config --exists fribidi
[ -z "$missing" ] && exit 0
echo "installing:$missing"
if [ "$(id -u)" = 0 ]; then
	sudo=""
elif command -v sudo >/dev/null 2>&1; then
	sudo=sudo
else
	echo "reader needs:$missing (install them as root with apt-get)" >&2
	exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q
# shellcheck disable=SC2086
$sudo apt-get install -y -q --no-install-recommends $missing
