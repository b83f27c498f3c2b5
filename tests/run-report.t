#!/usr/bin/env bash
# tests/run-report.t — `make run` (ci/run-report): the raw stream, then the gate's view; a
# non-zero exit only for a change or an early end, and every early end named (DESIGN.md §9).
# Real runs of build/hyptap.img on QEMU 7.2 -cpu max, and stand-in QEMUs (HYPTAP_QEMU) for the
# ways a run can break.
set -uo pipefail
. "$(dirname "$0")/tap.sh"
tap_begin 10

# report ARGS...: ci/run-report --save $tmp/run.tap ARGS; stdout in $tmp/out, stderr in
# $tmp/err, exit status in $rc.
report() {
	rc=0
	ci/run-report --save "$tmp/run.tap" "$@" >"$tmp/out" 2>"$tmp/err" || rc=$?
}
# has ERE: a line of the last report's stdout matches.
has() { grep -qE -- "$1" "$tmp/out"; }
# standin NAME SCRIPT: a stand-in QEMU $tmp/NAME running the sh SCRIPT.
standin() {
	printf '#!/bin/sh\n%s\n' "$2" >"$tmp/$1"
	chmod +x "$tmp/$1"
}

# The whole suite: the raw stream as it came, saved, then counts that add up to the plan.
report
plan=$(sed -n 's/^1\.\.\([0-9]*\)$/\1/p' "$tmp/run.tap")
line=$(grep -E '^[0-9]+ instances on QEMU 7\.2 -cpu max: ' "$tmp/out")
read -r all pass skip known < <(sed -nE 's/^([0-9]+) instances .*: ([0-9]+) pass, ([0-9]+) skip, ([0-9]+) known deviations .*/\1 \2 \3 \4/p' <<<"$line")
((rc == 0)) && [ -n "$plan" ] && [ "${all:-}" = "$plan" ] && ((pass + skip + known == plan)) &&
	[[ "$line" == *"known deviations (results/qemu-7.2/max.expect), 0 new, 0 stale, 0 SKIP-list differences (results/qemu-7.2/max.skip)" ]] &&
	has '^gate: pass$' && cmp -s <(sed '/^$/,$d' "$tmp/out") "$tmp/run.tap"
check "make run: the stream, saved as it was shown, then the gate's counts (adding up to the plan), exit 0"

report -- 'hyptap.only=trap.wfx*'
((rc == 0)) && has '^[0-9]+ instances on QEMU 7\.2 -cpu max \(filtered run\): .* 0 new, 0 stale, 0 SKIP-list differences' && has '^gate: pass$'
check "hyptap.only: a filtered run, unselected baseline entries and SKIPs not reported"

report -- hyptap.list
((rc == 0)) && has '^hyptap\.list: [0-9]+ instance ids listed, nothing to gate' && ! has '^gate:'
check "hyptap.list: it only lists"

# A new failure and a stale entry, each printed in full (a filtered run: the rest is unselected).
entry=$(grep -m1 -vE '^\s*(#|$)' results/qemu-7.2/max.expect)
id=${entry%%  *} why=${entry#*not-ok  }
standin qemu-change "printf 'TAP version 13\\n1..2\\nok 1 - $id\\nnot ok 2 - zz.new[1]\\n  ---\\n  rule: \"the new rule\"\\n  ...\\n# summary: pass=1 fail=1 skip=0 todo=0 planned=2 emitted=2 ms=1\\n'"
HYPTAP_QEMU=$tmp/qemu-change report -- hyptap.only=x
((rc == 1)) && has ': 0 pass, 0 skip, 0 known deviations \(results/qemu-7\.2/max\.expect\), 1 new, 1 stale' &&
	has '^  not ok 2 - zz\.new\[1\]$' && has '^    rule: "the new rule"$' &&
	grep -qxF "  $id: passed" "$tmp/out" && grep -qxF "    listed: $why" "$tmp/out" &&
	has '^gate: FAIL \(1 new failure, 1 stale baseline entry\)$'
check "a new failure (line and YAML) and a stale entry (id and listed reason) in full, exit 1"

standin qemu-fail "printf 'TAP version 13\\n1..1\\nnot ok 1 - a.x\\n# summary: pass=0 fail=1 skip=0 todo=0 planned=1 emitted=1 ms=1\\n'"
HYPTAP_QEMU=$tmp/qemu-fail report --cpu nosuch
((rc == 1)) && has 'no baseline \(results/qemu-7\.2/nosuch\.expect does not exist\), 1 new' &&
	has '^No baseline for this platform: every not ok counts as a new failure\.$'
check "a platform without a baseline says so; its not ok is new"

# Ctrl-C: SIGINT to the whole process group, as a terminal sends it. The group gets SIGINT's
# default action back first (a background job of this script starts with it ignored).
standin qemu-hang "printf 'TAP version 13\\n1..3\\nok 1 - a.x\\n'; exec sleep 30"
HYPTAP_QEMU=$tmp/qemu-hang perl -e '$SIG{INT} = "DEFAULT"; exec @ARGV' \
	setsid ci/run-report --save "$tmp/run.tap" >"$tmp/out" 2>"$tmp/err" &
pid=$!
for _ in $(seq 100); do
	grep -q '^ok 1 - a\.x$' "$tmp/out" 2>/dev/null && break
	sleep 0.1
done
kill -INT -- -"$pid"
rc=0
wait "$pid" || rc=$?
((rc == 130)) && has '^Interrupted \(Ctrl-C\): QEMU was stopped before the run ended' &&
	has '^1 of 3 planned instances' && grep -q '^ok 1 - a\.x$' "$tmp/run.tap"
check "Ctrl-C: says it was interrupted, shows the partial counts, keeps the stream, exit 130"

standin qemu-crash "printf 'TAP version 13\\n1..3\\nok 1 - a.x\\n'; kill -SEGV \$\$"
HYPTAP_QEMU=$tmp/qemu-crash report
((rc == 1)) && has '^The run ended early: ci/qemu-run: QEMU crashed \(signal 11\) after 1 result lines' && has '^gate: FAIL'
check "a QEMU crash is named, exit 1"

HYPTAP_QEMU=$tmp/qemu-hang report --timeout 1
((rc == 1)) && has '^The run ended early: ci/qemu-run: no result after 1 s'
check "a timeout is named, exit 1"

standin qemu-short "printf 'TAP version 13\\n1..3\\nok 1 - a.x\\n'"
HYPTAP_QEMU=$tmp/qemu-short report
((rc == 1)) && has '^The run ended early: ci/qemu-run: incomplete stream: planned 3, got 1 result lines'
check "a stream that stops early is named, exit 1"

report -- hyptap.bogus=1
((rc == 1)) && has '^The run ended early: the image stopped the run: Bail out! unknown bootarg key "hyptap\.bogus"'
check "the image's Bail out! is named, exit 1"
