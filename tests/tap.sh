# tests/tap.sh — sourced by the tests/*.t scripts that boot build/hyptap.img: the common start of
# such a test and its one TAP point helper. Not a test itself (check.sh runs tests/*.t only).

# tap_begin PLAN: run from the repository's top, skip the whole test when there is no image,
# make $tmp (removed on exit), print the TAP header and the plan.
tap_begin() {
	cd "$(dirname "$0")/.." || exit 1
	[ -f build/hyptap.img ] || { echo "1..0 # SKIP no build/hyptap.img" && exit 0; }
	tmp=$(mktemp -d)
	trap 'rm -rf "$tmp"' EXIT
	echo "TAP version 13"
	echo "1..$1"
	n=0 rc=0
}

# check DESCRIPTION: one TAP point, passing when the command just before it succeeded; when it
# failed, the exit status $rc of the last run and the end of its $tmp/out and $tmp/err as
# comments (CHECK_OUT_LINES and CHECK_ERR_LINES of them, 15 and 5 unless the test sets them).
check() {
	local verdict=$?
	n=$((n + 1))
	if ((verdict == 0)); then
		echo "ok $n - $1"
		return
	fi
	echo "not ok $n - $1"
	echo "# exit status $rc; the output ended:"
	tail -n "${CHECK_OUT_LINES:-15}" "$tmp/out" | sed 's/^/#   /'
	tail -n "${CHECK_ERR_LINES:-5}" "$tmp/err" | sed 's/^/#   stderr: /'
}
