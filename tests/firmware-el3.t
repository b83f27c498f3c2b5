#!/usr/bin/env bash
# tests/firmware-el3.t — firmware that leaves the GIC Secure or gives no PSCI never hangs the
# image (issue 11, item 3; docs/design-notes.md, "Firmware that leaves the GIC Secure or gives
# no PSCI"). Debian's U-Boot at EL3 (ci/boot/uboot --el3, -M secure=on) drops to EL2 for booti
# and leaves the GIC in its Secure reset state (GICD_CTLR.DS = 0, every interrupt Secure
# Group 0, the group registers RAZ/WI to Non-secure EL2), no /psci node and SCR_EL3.SMD = 1.
# The stream must end in exactly one Bail out! that names the cause, then the image halts
# with one final line, which ends the run (ci/qemu-run --end-at-halt), within a bounded time.
# The controls: the same detection stays silent where the watchdog does reach EL2, with DS = 0
# too (the direct EL3 boot, whose QEMU boot code makes the interrupts Non-secure Group 1 as
# TF-A does) and behind U-Boot at EL2. Both QEMUs; prints TAP 13.
#
# The CPU is cortex-a57: U-Boot at EL3 clears CPTR_EL3 (EZ = 0) and sets neither SCR_EL3.FGTEn
# nor HXEn, so on -cpu max the image's first ZCR_EL2 write traps to EL3, where U-Boot's own
# handler dies before the image can say anything (docs/design-notes.md has the evidence).
set -uo pipefail
. "$(dirname "$0")/tap.sh"
tap_begin 14
CHECK_OUT_LINES=6 CHECK_ERR_LINES=3

# The bound on a whole run: U-Boot and the image take 1-2 s to the Bail out! (make check's load
# doubles that); 60 s is ci/qemu-run's default, which a hang would use up.
RUN_LIMIT=30
HALT_NONE='# hyptap: no power-off conduit (no /psci node in the DTB): halted'
HALT_SMC='# hyptap: no power-off conduit (the PSCI SYSTEM_OFF SMC raised EC 0x00 UNKNOWN: SMC is UNDEFINED at EL2, without EL3 or with SCR_EL3.SMD = 1): halted'
WATCHDOG_SECURE='Bail out! the watchdog interrupt (INTID 26) cannot reach Non-secure EL2: GICD_CTLR.DS = 0 and GICR_IGROUPR0 is RAZ/WI (firmware left the GIC in its Secure reset state; it must make the PPIs Non-secure Group 1, as TF-A does)'
# U-Boot's fdt command on the DTB booti hands over: a /psci node that nothing answers (a DT
# copied from a board with TF-A), or QEMU's own taken away.
ADD_PSCI='fdt addr ${fdtcontroladdr}; fdt resize; fdt mknode / psci; fdt set /psci compatible "arm,psci-1.0"; fdt set /psci method "smc"'
DEL_PSCI='fdt addr ${fdtcontroladdr}; fdt rm /psci'

# boot ARGS...: ci/qemu-run --end-at-halt ARGS; the image's stream (from "TAP version 13", after
# U-Boot's own output) in $tmp/out, stderr in $tmp/err, status in $rc, seconds in $secs.
boot() {
	local t0=$SECONDS
	rc=0
	ci/qemu-run --timeout "$RUN_LIMIT" --end-at-halt "$@" >"$tmp/all" 2>"$tmp/err" || rc=$?
	secs=$((SECONDS - t0))
	sed -n '/^TAP version 13$/,$p' "$tmp/all" >"$tmp/out"
}
# ends_with LINE...: the stream's last lines are exactly LINE..., in order.
ends_with() {
	[ "$(tail -n $# "$tmp/out")" = "$(printf '%s\n' "$@")" ]
}
# bailed_once: exactly one Bail out! in the whole output (U-Boot's included), none of it
# qemu-run's own, and the image exited the run itself (qemu-run status 1) in time.
bailed_once() {
	((rc == 1)) && [ "$(grep -c '^Bail out!' "$tmp/all")" = 1 ] &&
		! grep -q '^Bail out! qemu-run:' "$tmp/all" && ((secs < RUN_LIMIT))
}

for q in 7.2 10.0; do
	boot --qemu "$q" --cpu cortex-a57 --el3 --console uart --boot uboot
	bailed_once && [ "$(wc -l <"$tmp/out")" = 3 ] && ends_with "$WATCHDOG_SECURE" "$HALT_NONE"
	check "QEMU $q, U-Boot at EL3: one Bail out! naming the Secure GIC, then the halt line (${secs} s)"

	# A /psci node and SCR_EL3.SMD = 1: the SYSTEM_OFF SMC is UNDEFINED. One line, no
	# exception dump, no second Bail out!.
	HYPTAP_UBOOT_PREBOOT=$ADD_PSCI boot --qemu "$q" --cpu cortex-a57 --el3 --console uart --boot uboot
	bailed_once && ends_with "$WATCHDOG_SECURE" "$HALT_SMC" && ! grep -q '^# unexpected exception' "$tmp/out"
	check "QEMU $q, U-Boot at EL3 with a /psci node: the UNDEFINED SMC ends in one halt line (${secs} s)"

	# The watchdog works but there is no /psci: a complete stream, then the halt line.
	HYPTAP_UBOOT_PREBOOT=$DEL_PSCI boot --qemu "$q" --cpu cortex-a57 --boot uboot -- hyptap.only=guest.runaway
	((rc == 0)) && grep -qx '1\.\.1' "$tmp/out" && grep -qx 'ok 1 - guest\.runaway' "$tmp/out" &&
		ends_with "$HALT_NONE" && ! grep -q '^Bail out!' "$tmp/all"
	check "QEMU $q, U-Boot at EL2 without /psci: guest.runaway ends, the stream completes, then halts"

	# Controls: the watchdog reaches EL2, so the self-test stays silent and QEMU powers off.
	boot --qemu "$q" --cpu cortex-a57 --boot uboot -- hyptap.only=guest.runaway
	((rc == 0)) && grep -qx 'ok 1 - guest\.runaway' "$tmp/out" && ! grep -q '^# hyptap: no power-off' "$tmp/out"
	check "QEMU $q, U-Boot at EL2 (control): guest.runaway ok, powered off by PSCI"

	boot --qemu "$q" --el3 --console uart -- hyptap.only=guest.runaway
	((rc == 0)) && grep -qx 'ok 1 - guest\.runaway' "$tmp/out" && ! grep -q '^# hyptap: no power-off' "$tmp/out"
	check "QEMU $q, direct EL3 boot (control, DS = 0 with Non-secure groups): guest.runaway ok"

	boot --qemu "$q" --gic 2 -- hyptap.only=guest.runaway
	((rc == 0)) && grep -qx 'ok 1 - guest\.runaway' "$tmp/out"
	check "QEMU $q, GICv2 (control): the self-test through GICC, guest.runaway ok"

	# The image itself entered at EL3 with no firmware there (a debugger's load: QEMU's
	# generic loader, secure=on, no /psci): head.S's drop_to_el2 gives EL2 SVE (CPTR_EL3.EZ)
	# and the rest of max's features, or the first ZCR_EL2 write would hang the PE at an EL3
	# without vectors; the Secure GIC is then named, and the SMC-less halt ends the run.
	qemu=(qemu-system-aarch64)
	[ "$q" = 7.2 ] || qemu=("${HYPTAP_CACHE:-$HOME/.cache/hyptap}/qemu-10/root/usr/bin/qemu-system-aarch64" -L "${HYPTAP_CACHE:-$HOME/.cache/hyptap}/qemu-10/root/usr/share/qemu")
	"${qemu[@]}" -M "virt,virtualization=on,secure=on,gic-version=3,dumpdtb=$tmp/el3.dtb" -cpu max -m 512M \
		-nographic -nic none >/dev/null 2>&1 && fdtput -t s "$tmp/el3.dtb" /chosen bootargs hyptap.only=guest.exit
	boot --qemu "$q" --cpu max --el3 --raw-dtb "$tmp/el3.dtb"
	bailed_once && [ "$(wc -l <"$tmp/out")" = 3 ] && ends_with "$WATCHDOG_SECURE" "$HALT_NONE"
	check "QEMU $q, the image at EL3 (JTAG-style, -cpu max): one Bail out! naming the Secure GIC, then the halt line"
done
