#!/usr/bin/env bash
# tests/el2-probe.t — the expected-EL2-fault probe (kernel/el2_probe.S) recovers only what it
# armed: el2.probe passes, and the same instance with the self-test token makes a probe with
# nothing armed, which must be an unexpected EL2 exception: the dump, then exactly one
# Bail out!, and no result line. Boots build/hyptap.img under QEMU 7.2 -cpu max; prints TAP 13.
set -uo pipefail
. "$(dirname "$0")/tap.sh"
tap_begin 3

boot() {
	rc=0
	ci/qemu-run --timeout 30 "$@" >"$tmp/out" 2>"$tmp/err" || rc=$?
}
has() { grep -qE -- "$1" "$tmp/out"; }

boot -- hyptap.only=el2.probe
((rc == 0)) && has '^ok 1 - el2\.probe$'
check "el2.probe: a recovered fault, A = 1, MMU off and E2H = 1 probes leave the EL2 state alone"

boot -- hyptap.only=el2.probe el2_probe.selftest=unarmed
((rc == 1)) && [ "$(grep -c '^Bail out!' "$tmp/out")" = 1 ] &&
	has '^Bail out! unexpected EL2 exception: EC 0x25 DABT_CUR at ELR 0x[0-9a-f]+$' &&
	has '^# unexpected exception at EL2: current EL, SPx, sync$' &&
	has '^#   ESR_EL2  0x[0-9a-f]+  EC=0x25 .*DFSC=0x04 \(translation fault, level 0\)$'
check "an unarmed probe's fault: the dump and one Bail out! naming EC 0x25"

! has '^(not )?ok 1\b' && has '^1\.\.1$'
check "the bailed-out instance has no result line after its plan"
