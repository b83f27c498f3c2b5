#!/usr/bin/env bash
# tests/apt-mirror.t — ci/apt-mirror finds the Debian bookworm mirror(s) in APT sources the way
# APT reads them (fixtures in tests/fixtures/apt-mirror/<case>/), and fails clearly without one.
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1
fixtures=tests/fixtures/apt-mirror
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
echo "TAP version 13"
echo "1..9"
n=0

# mirrors CASE: ci/apt-mirror on the fixture; stdout in $tmp/out, stderr in $tmp/err, status $rc.
mirrors() {
	rc=0
	env -u HYPTAP_MIRROR ci/apt-mirror --etc "$fixtures/$1" >"$tmp/out" 2>"$tmp/err" || rc=$?
}
# check DESCRIPTION: one TAP point, passing when the command just before it succeeded.
check() {
	local verdict=$?
	n=$((n + 1))
	if ((verdict == 0)); then
		echo "ok $n - $1"
		return
	fi
	echo "not ok $n - $1"
	echo "# exit status $rc; stdout, then stderr:"
	sed 's/^/#   /' "$tmp/out" "$tmp/err"
}
# prints URI...: stdout is exactly these lines.
prints() { [ "$(cat "$tmp/out")" = "$(printf '%s\n' "$@")" ]; }

mirrors deb822
((rc == 0)) && prints http://deb.debian.org/debian
check "deb822 (Debian 12's debian.sources): the bookworm archive, not -security or nodesource"

mirrors one-line
((rc == 0)) && prints http://ftp.de.debian.org/debian
check "one-line sources.list: [options] and trailing comments; docker's 'bookworm stable' is not main"

mirrors disabled
((rc == 0)) && prints http://live.example.org/debian
check "commented lines and stanzas, Enabled: no, other file names: ignored; lower-case, folded fields read"

mirrors several
((rc == 0)) && prints http://deb.debian.org/debian http://127.0.0.1:3142/debian http://mirror.example.net/debian
check "several mirrors: all of them in APT's reading order, each once (a trailing / is the same URI)"

mirrors none
((rc == 1)) && [ ! -s "$tmp/out" ] && grep -q "no APT source for Debian bookworm main" "$tmp/err" &&
	grep -qF "$fixtures/none/sources.list" "$tmp/err" && grep -q HYPTAP_MIRROR "$tmp/err"
check "only -security, -backports, deb-src, contrib and third-party entries: fails, saying where it looked"

mirrors empty
((rc == 1)) && [ ! -s "$tmp/out" ] && grep -q "no APT source for Debian bookworm main" "$tmp/err"
check "no sources.list and no sources.list.d: fails with the same message"

rc=0
HYPTAP_MIRROR='http://a.example/debian http://b.example/debian' ci/apt-mirror --etc "$fixtures/none" \
	>"$tmp/out" 2>"$tmp/err" || rc=$?
((rc == 0)) && prints http://a.example/debian http://b.example/debian
check "HYPTAP_MIRROR overrides the sources"

rc=0
ci/apt-mirror --etc >"$tmp/out" 2>"$tmp/err" || rc=$?
((rc == 2)) && grep -q '^usage: ci/apt-mirror' "$tmp/err"
check "a bad argument: usage, status 2"

# This host's own APT configuration (wherever apt-config says it is): one or more URIs, or the
# clear failure, never anything else.
rc=0
env -u HYPTAP_MIRROR ci/apt-mirror >"$tmp/out" 2>"$tmp/err" || rc=$?
{ ((rc == 0)) && [ -s "$tmp/out" ] && ! grep -qv '^[a-z+]*:' "$tmp/out"; } ||
	{ ((rc == 1)) && grep -q "no APT source" "$tmp/err"; }
check "this host's sources: URIs (one a line) or the clear failure"
