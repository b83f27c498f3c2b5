#!/usr/bin/env bash
# tests/badargs.t — bad input ends in a clear "Bail out!" or a clean failure, never in a hang
# (DESIGN.md §3, §8, §9). Boots build/hyptap.img under QEMU 7.2 -cpu max; prints TAP 13.
set -uo pipefail
. "$(dirname "$0")/tap.sh"
tap_begin 21

# boot ARGS...: ci/qemu-run --console uart ARGS (the bootargs exactly as given, on the PL011); stdout
# in $tmp/out, stderr in $tmp/err, exit status in $rc.
boot() {
	rc=0
	ci/qemu-run --console uart --timeout 30 "$@" >"$tmp/out" 2>"$tmp/err" || rc=$?
}
# has ERE: a line of the last run's stdout matches.
has() { grep -qE -- "$1" "$tmp/out"; }

boot -- hyptap.repeat=abc
((rc == 1)) && has '^Bail out!.*hyptap\.repeat'
check "hyptap.repeat=abc: Bail out! naming hyptap.repeat"

boot -- hyptap.bench_max=hvc:abc
((rc == 1)) && has '^Bail out! bad bootarg "hyptap\.bench_max=hvc:abc": expected KIND:N'
check "hyptap.bench_max=hvc:abc: Bail out! naming hyptap.bench_max and the form"

boot -- hyptap.bench_max=nosuch:5
((rc == 1)) && has '^Bail out! hyptap\.bench_max: no scenario bench\.exit\.nosuch'
check "hyptap.bench_max=nosuch:5: Bail out! saying no bench.exit.nosuch exists"

boot -- hyptap.bogus=1
((rc == 1)) && has '^Bail out!.*hyptap\.bogus'
check "hyptap.bogus=1: Bail out! naming the unknown key"

boot -- 'hyptap.only=nosuch.*'
((rc == 1)) && grep -E '^Bail out!.*nosuch\.\*' "$tmp/out" | grep -qiE 'select|match|nothing'
check "hyptap.only=nosuch.*: Bail out! saying the glob selects nothing"

# hyptap.errata: an erratum the table does not know, one without a reproducer, a non-number.
boot -- hyptap.errata=999999
((rc == 1)) && has '^Bail out! hyptap\.errata: erratum 999999 is not in the errata table'
check "hyptap.errata=999999: Bail out! naming the unknown erratum"

boot -- hyptap.errata=834220,843419
((rc == 1)) && has '^Bail out! hyptap\.errata: erratum 843419 has no reproducer: cannot be built from EL2'
check "hyptap.errata=834220,843419: Bail out! naming the erratum without a reproducer and why"

boot -- hyptap.errata=83422x
((rc == 1)) && has '^Bail out! bad bootarg "hyptap\.errata=83422x": erratum "83422x" is not a number'
check "hyptap.errata=83422x: Bail out! naming the bad erratum number"

boot -- hyptap.errata=834220 'hyptap.skip=stage2.*,errata.*'
((rc == 1)) && has '^Bail out! hyptap\.errata: no selected scenario reproduces erratum 834220'
check "hyptap.errata=834220 with its reproducers skipped: Bail out! saying none is selected"

# Bootargs longer than the parser's 1023 bytes end the run: before, they were cut silently and
# a token past the cut was never seen.
pad=$(head -c 4000 /dev/zero | tr '\0' x)
boot -- "hyptap.only=guest.exit $pad"
((rc == 1)) && [ "$(grep -c '^Bail out!' "$tmp/out")" = 1 ] &&
	has '^Bail out! bootargs too long \(4023 bytes, at most 1023\)$'
check "4 KiB of bootargs: Bail out! saying they are too long"

boot -- "hyptap.only=guest.exit ${pad:0:1000} hyptap.bogus=1"
((rc == 1)) && has '^Bail out! bootargs too long \(1038 bytes, at most 1023\)$'
check "a token past byte 1023 is not dropped silently"

boot -- $'hyptap.only=caf\xc3\xa9'
((rc == 1)) &&
	has '^Bail out! bad bootarg "hyptap\.only=caf\\xc3\\xa9": byte 0xc3 at offset 15 is not printable ASCII$'
check "non-ASCII in a hyptap token: Bail out! naming the byte, escaped"

boot -- hyptap.list
((rc == 0)) && has '^# guest\.exit\b' && has '^1\.\.0\b' && ! has '^(not )?ok\b'
check "hyptap.list: ids as comments, then a 1..0 plan"

boot -- hyptap.only=guest.exit console=ttyAMA0 earlycon
((rc == 0)) && has '^1\.\.1\b' && has '^ok 1 - guest\.exit\b' && [ "$(grep -cE '^(not )?ok\b' "$tmp/out")" = 1 ]
check "hyptap.only=guest.exit among foreign tokens: plan 1..1, one ok"

boot --no-dtb --timeout 20
((rc == 1 || rc == 3)) && has 'no valid DTB'
check "x0 = 0 (no DTB): says so, and QEMU powers off by itself"

# qemu_direct ARGS...: QEMU 7.2 without qemu-run (machine options qemu-run does not offer).
qemu_direct() {
	rc=0
	timeout 20 qemu-system-aarch64 -nographic -nic none -m 512M -cpu max "$@" \
		</dev/null 2>"$tmp/err" | tr -d '\r' >"$tmp/out" || rc=$?
}

# No EL2 (virtualization=off): the image is entered at EL1, says so and powers off via PSCI.
qemu_direct -M virt -kernel build/hyptap.img
((rc == 0)) && has '^Bail out! entered at EL1'
check "entered at EL1: Bail out! naming EL1, QEMU powers off by itself"

# A DTB without any UART: the early (build-time default) UART says so, then power off.
qemu-system-aarch64 -M virt,virtualization=on,gic-version=3,dumpdtb="$tmp/virt.dtb" -cpu max -nic none \
	-m 512M -nographic >/dev/null 2>&1
uart=$(fdtget -l "$tmp/virt.dtb" / | grep -m1 '^pl011@')
fdtput -r "$tmp/virt.dtb" "/$uart" 2>/dev/null
fdtput -d "$tmp/virt.dtb" /chosen stdout-path
qemu_direct -M virt,virtualization=on,gic-version=3 -dtb "$tmp/virt.dtb" -kernel build/hyptap.img
((rc == 0)) && has '^Bail out! DTB: no usable UART \(an enabled arm,pl011, ns16550a or ns16550 node\)$'
check "DTB without a UART: Bail out! on the early UART, QEMU powers off by itself"

boot --cpu nosuchcpu
((rc == 4)) && has '^Bail out! qemu-run: .*nosuchcpu' && grep -q 'qemu-run: .*nosuchcpu' "$tmp/err"
check "qemu-run --cpu nosuchcpu: fails with a clear message"

rc=0
printf 'TAP version 13\n1..3\nok 1 - a\nok 2 - b\n' | ci/tap-gate --baseline /dev/null >"$tmp/out" 2>"$tmp/err" || rc=$?
((rc == 1)) && has '^not ok 3 - .*incomplete' && has '^1\.\.3$'
check "tap-gate: a truncated stream (plan 1..3, 2 results) fails the gate"

# A stand-in QEMU (HYPTAP_QEMU) for the runner's own failure modes.
printf '#!/bin/sh\nprintf "TAP version 13\\r\\n1..3\\r\\nok 1 - a\\r\\n"\n' >"$tmp/qemu-trunc"
printf '#!/bin/sh\nprintf "TAP version 13\\n1..3\\n"\nexec sleep 30\n' >"$tmp/qemu-hang"
chmod +x "$tmp/qemu-trunc" "$tmp/qemu-hang"

HYPTAP_QEMU=$tmp/qemu-trunc boot
((rc == 3)) && ! grep -q $'\r' "$tmp/out" &&
	[ "$(tail -n 1 "$tmp/out")" = "Bail out! qemu-run: incomplete stream: planned 3, got 1 result lines (cpu=max qemu=7.2)" ]
check "qemu-run: a stream that stops early is reported incomplete, without '\\r'"

HYPTAP_QEMU=$tmp/qemu-hang boot --timeout 1
((rc == 5)) && has '^Bail out! qemu-run: no result after 1 s'
check "qemu-run: a hang is killed at the timeout and reported"
