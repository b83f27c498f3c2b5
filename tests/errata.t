#!/usr/bin/env bash
# tests/errata.t — the errata table end to end under QEMU 7.2 (docs/errata.md "In a run"): the
# header's per-PE errata lines, hyptap.errata's selection, the "# TODO erratum N" annotation on
# an affected core (cortex-a57 r1p0: 832075 834220 1319537 1742098 by the table's ranges) and
# not on an unaffected one (max), the gate passing both outcomes of a TODO point, hyptap.list's
# mapping, and the compact console round trip of a selection by erratum.
set -uo pipefail
. "$(dirname "$0")/tap.sh"
tap_begin 10

# 834220's reproducer that exists in every image: the AT form of its condition (errata_table.c).
at='stage2.attr.atfault[s1-ro-over-s2-trans-l3,at=S12E1W]'
at_re='stage2\.attr\.atfault\[s1-ro-over-s2-trans-l3,at=S12E1W\]'

# boot ARGS...: ci/qemu-run ARGS; stdout in $tmp/out, stderr in $tmp/err, exit status in $rc.
boot() {
	rc=0
	ci/qemu-run --timeout 60 "$@" >"$tmp/out" 2>"$tmp/err" || rc=$?
}
has() { grep -qE -- "$1" "$tmp/out"; }
results() { grep -E '^(not )?ok [0-9]+ ' "$tmp/out"; }

# What the image lists for the selection: the ids the run must plan, no more, no less.
boot --cpu cortex-a57 -- hyptap.list hyptap.errata=834220
cp "$tmp/out" "$tmp/list"
sed -n 's/^# \([a-z0-9][^ \t]*\)\(\t.*\)\{0,1\}$/\1/p' "$tmp/list" >"$tmp/ids"
((rc == 0)) && grep -qxF -- "$at" "$tmp/ids" && ! grep -qvE "^($at_re|errata\.834220\..*)$" "$tmp/ids" &&
	[ "$(grep -c '^#   errata=834220$' "$tmp/list")" = "$(wc -l <"$tmp/ids")" ]
check "hyptap.list hyptap.errata=834220: only 834220's reproducers, each followed by an errata=834220 line"

grep -qE $'^# erratum 834220\tcores=Cortex-A57 r0p0-r1p2\ttitle=.*\treproducers=errata\\.834220\\.\\*,stage2' "$tmp/list" &&
	grep -qE $'^# erratum 843419\tcores=Cortex-A53 r0p0-r0p4, fixed on r0p4 by REVIDR_EL1 mask 0x100\t.*reproducers=none \\(cannot be built' "$tmp/list"
check "hyptap.list: one erratum line per table entry, with cores, reproducers or the reason"

boot --cpu cortex-a57 -- hyptap.errata=834220
cp "$tmp/out" "$tmp/a57"
((rc == 0)) &&
	has '^# errata: cpu 0 \(Cortex-A57 r1p0 revidr=0x0\): 832075 834220 1319537 1742098 \(4 apply; with reproducers: 834220 1319537\)$'
check "cortex-a57: the header lists 832075 834220 1319537 1742098 for cpu 0"

[ "$(results | wc -l)" = "$(wc -l <"$tmp/ids")" ] && results | grep -qE "^ok [0-9]+ - $at_re # TODO erratum 834220$" &&
	! results | grep -vqE ' # TODO erratum 834220$'
check "cortex-a57: every selected reproducer is a point marked TODO erratum 834220 (directive), status kept"

rc=0
ci/tap-gate --filtered --baseline results/qemu-7.2/cortex-a57.expect <"$tmp/a57" >"$tmp/out" 2>"$tmp/err" || rc=$?
((rc == 0)) && results | grep -qE "^ok [0-9]+ - $at_re # TODO erratum 834220$"
check "tap-gate passes an ok point with directive TODO erratum N through"

# The other outcome: the erratum shows (the point fails). The summary counts a TODO apart from
# pass and fail, so only the status changes.
rc=0
sed -E "s/^ok ([0-9]+ - $at_re # TODO erratum 834220)$/not ok \\1/" "$tmp/a57" |
	ci/tap-gate --filtered --baseline results/qemu-7.2/cortex-a57.expect >"$tmp/out" 2>"$tmp/err" || rc=$?
((rc == 0)) && results | grep -qE "^not ok [0-9]+ - $at_re # TODO erratum 834220$"
check "tap-gate passes a not-ok point with directive TODO erratum N through: both outcomes pass the gate"

boot -- hyptap.errata=834220
((rc == 0)) && has '^# errata: cpu 0 \(QEMU max r0p0 revidr=0x0\): none known$' &&
	results | grep -qE "^ok [0-9]+ - $at_re$" && ! has '# TODO erratum'
check "max: 'none known', the same reproducers run without the directive"

boot --cpu cortex-a57 --smp 2 -- hyptap.errata=834220
((rc == 0)) && has '^# errata: cpu 0 \(Cortex-A57 r1p0 revidr=0x0\): 832075 ' &&
	grep -A1 -E '^# cpu 1: .*state=online' "$tmp/out" | grep -qE '^# errata: cpu 1 \(Cortex-A57 r1p0 revidr=0x0\): 832075 834220 1319537 1742098 '
check "cortex-a57 -smp 2: the secondary's errata line follows its 'cpu 1:' line"

boot --cpu cortex-a57 -- hyptap.errata=834220 hyptap.tap=compact
cp "$tmp/out" "$tmp/compact"
((rc == 0)) && has '^# compact: .* selection=hyptap\.errata=834220$' &&
	grep -qE "^ok [0-9]+ - $at_re # TODO erratum 834220$" "$tmp/compact"
check "compact console: the selection names hyptap.errata, the TODO point is printed in full"

rc=0
ci/tap-expand <"$tmp/compact" >"$tmp/out" 2>"$tmp/err" || rc=$?
((rc == 0)) && diff <(results) <(grep -E '^(not )?ok [0-9]+ ' "$tmp/a57") >/dev/null
check "ci/tap-expand restores the compact stream to the full one's results"
