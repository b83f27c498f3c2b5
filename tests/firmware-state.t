#!/usr/bin/env bash
# tests/firmware-state.t — the hostile pre-loader's state really reaches the image, and the
# header reports what firmware left (issue 11, item 1). The boot=hostile platforms of make check
# prove that the verdicts do not change behind firmware/hostile.S; this proves that they had a
# reason to: the image's "# firmware left:" line shows the pre-loader's values on each QEMU,
# and a direct boot's does not. The expectations are the pre-loader's intent, bit by bit, not a
# copy of an observed line. Prints TAP 13.
set -uo pipefail
. "$(dirname "$0")/tap.sh"
tap_begin 6

# field NAME: NAME's value on the "# firmware left:" line of $tmp/out ("" if absent)
field() { sed -n "s/^# firmware left:.* $1=\(0x[0-9a-f]*\).*/\1/p; s/^# firmware left: $1=\(0x[0-9a-f]*\).*/\1/p" "$tmp/out" | head -n 1; }
# bits VALUE MASK: VALUE has every bit of MASK set
bits() { [ -n "$1" ] && ((($1 & $2) == $2)); }

for q in 7.2 10.0; do
	rc=0
	ci/qemu-run --qemu "$q" --boot hostile -- 'hyptap.only=guest.exit' >"$tmp/out" 2>"$tmp/err" || rc=$?
	# SCTLR_EL2.EE, A; HCR_EL2.E2H, TGE, VM; CPTR_EL2.TZ, TFP, TCPAC; MDCR_EL2.TDE, TPM;
	# CNTHCTL_EL2 EL1PCTEN/EL1PCEN clear with EVNTEN; ZCR_EL2.LEN = 15; ICH_HCR_EL2.En.
	((rc == 0)) && grep -q '^ok 1 - guest.exit$' "$tmp/out" &&
		bits "$(field sctlr_el2)" $((1 << 25 | 1 << 1)) &&
		bits "$(field hcr_el2)" $((1 << 34 | 1 << 27 | 1)) &&
		bits "$(field cptr_el2)" $((1 << 8 | 1 << 10 | 1 << 31)) &&
		bits "$(field mdcr_el2)" $((1 << 8 | 1 << 6)) &&
		[ "$(field cnthctl_el2)" = 0x4 ] && [ "$(field cntvoff_el2)" = 0x123456789abcdef0 ] &&
		[ "$(field hstr_el2)" = 0xbfef ] && [ "$(field zcr_el2)" = 0xf ] &&
		bits "$(field ich_hcr_el2)" 1
	check "QEMU $q: behind firmware/hostile.S the header shows the hostile EL2 state and the suite runs"

	rc=0
	ci/qemu-run --qemu "$q" -- 'hyptap.only=guest.exit' >"$tmp/out" 2>"$tmp/err" || rc=$?
	# QEMU's reset: no E2H, no TZ, no CNTVOFF (the control: field() can tell them apart).
	((rc == 0)) && [ -n "$(field hcr_el2)" ] && ! bits "$(field hcr_el2)" $((1 << 34)) &&
		! bits "$(field cptr_el2)" $((1 << 8)) && [ "$(field cntvoff_el2)" = 0x0 ]
	check "QEMU $q: a direct boot's header shows QEMU's reset state instead"
done

# GICv2: the pre-loader's distributor/CPU-interface path (no GICv3 system registers).
rc=0
ci/qemu-run --gic 2 --boot hostile -- 'hyptap.only=guest.exit' >"$tmp/out" 2>"$tmp/err" || rc=$?
((rc == 0)) && grep -q '^ok 1 - guest.exit$' "$tmp/out" && bits "$(field hcr_el2)" $((1 << 34)) &&
	[ -z "$(field ich_hcr_el2)" ]
check "GICv2 behind firmware/hostile.S: runs; no GICv3 system registers recorded"

# The pre-loader refuses what it cannot do instead of booting something else.
rc=0
ci/qemu-run --el3 --boot hostile -- 'hyptap.only=guest.exit' >"$tmp/out" 2>"$tmp/err" || rc=$?
((rc == 4)) && grep -q 'ci/boot/hostile could not prepare the boot' "$tmp/err"
check "ci/boot/hostile --el3 is refused with a message (status 4)"

