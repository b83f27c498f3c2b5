#!/usr/bin/env bash
# tests/smp-fault.t — a secondary PE that misbehaves never stops the run (issue 10, item 6):
# a guest that runs away or crashes on PE2 is stopped by PE2's own watchdog and reported there;
# a PE that hangs at EL2 (interrupts masked) or takes an unexpected EL2 exception becomes one
# clear `not ok` naming it, and the other PEs finish the plan (hyptap.pe-fault, the harness's
# self-test hook). Boots build/hyptap.img under QEMU 7.2 -cpu max -smp 3; prints TAP 13.
set -uo pipefail
. "$(dirname "$0")/tap.sh"
tap_begin 8

boot() {
	rc=0
	ci/qemu-run --timeout 60 "$@" >"$tmp/out" 2>"$tmp/err" || rc=$?
}
has() { grep -qE -- "$1" "$tmp/out"; }
count() { grep -cE -- "$1" "$tmp/out"; }
# the N-th result line (1-based) and the "# cpu K" comment after it
cpu_of() { awk -v id="$1" '$0 ~ "^(not )?ok [0-9]+ - " id "$" {getline; print; exit}' "$tmp/out"; }

# Every selected instance on every PE: guest.runaway and guest.crash end on the PE that ran
# them, through its own watchdog (CNTHP is per PE) and exit decoding.
boot --smp 3 -- 'hyptap.only=guest.runaway,guest.crash*,guest.exit' hyptap.on=all hyptap.cpus=0-2
((rc == 0)) && has '^1\.\.12$' &&
	[ "$(count '^ok [0-9]+ - guest\.(runaway|crash\[[a-z-]+\]|exit)@cpu[012]$')" = 12 ] &&
	[ "$(cpu_of 'guest\.runaway@cpu2')" = "# cpu 2" ]
check "-smp 3, hyptap.on=all: guest.runaway/crash/exit end on each PE, @cpu2 ran on cpu 2"

# An EL2 hang on PE 2 (the first instance it takes): its instance is not ok naming cpu 2 once
# the deadline (5 s + 20 x hyptap.timeout_ms) passes, PE 2's other instances are not run, the
# other PEs finish theirs, and the run ends by itself.
boot --smp 3 -- 'hyptap.only=trap.hvc.imm*' hyptap.on=all hyptap.pe-fault=hang@2 hyptap.timeout_ms=20
((rc == 0)) && has '^1\.\.21$' && [ "$(count '^(not )?ok [0-9]+ ')" = 21 ] &&
	[ "$(count '^ok [0-9]+ - trap\.hvc\.imm\[0x[0-9a-f]+\]@cpu[01]$')" = 14 ] &&
	[ "$(count '^not ok ')" = 7 ] && [ "$(count 'failure: "cpu 2 stopped answering')" = 1 ] &&
	[ "$(count 'failure: "not run: cpu 2 is dead')" = 6 ]
check "hang@2: cpu 2's first instance not ok (stopped answering), its 6 others not run, 14 ok"

# An unexpected EL2 exception on PE 2: the dump, then its instance fails with the reason, the
# others go on; no Bail out!.
boot --smp 3 -- 'hyptap.only=trap.hvc.*' hyptap.pe-fault=crash@2
((rc == 0)) && has '^1\.\.9$' && [ "$(count '^(not )?ok [0-9]+ ')" = 9 ] &&
	[ "$(count '^not ok ')" = 1 ] && has '^# unexpected exception at EL2' &&
	has 'failure: "cpu 2 died running this instance: unexpected EL2 exception on cpu 2: EC 0x25' &&
	! has '^Bail out!'
check "crash@2: EL2 dump, one not ok naming cpu 2 and EC 0x25, no Bail out!"

# hyptap.on=all with a dead PE: its later instances are reported as not run, nothing hangs.
boot --smp 2 -- 'hyptap.only=trap.hvc.imm*' hyptap.on=all hyptap.pe-fault=crash@1
((rc == 0)) && has '^1\.\.14$' && [ "$(count '^(not )?ok [0-9]+ ')" = 14 ] &&
	[ "$(count '^ok [0-9]+ - trap\.hvc\.imm\[0x[0-9a-f]+\]@cpu0$')" = 7 ] &&
	[ "$(count '^not ok [0-9]+ - trap\.hvc\.imm\[0x[0-9a-f]+\]@cpu1$')" = 7 ] &&
	[ "$(count 'failure: "not run: cpu 1 is dead')" = 6 ]
check "hyptap.on=all, crash@1: cpu0's 7 ok, cpu1's first dies and its 6 others are not run"

# The boot CPU itself crashing: another PE reports it and finishes the run.
boot --smp 2 -- 'hyptap.only=trap.hvc.*' hyptap.pe-fault=crash@0
((rc == 0)) && has '^1\.\.9$' && [ "$(count '^(not )?ok [0-9]+ ')" = 9 ] &&
	has 'failure: "cpu 0 died running this instance' && has '^# summary: pass=8 fail=1 '
check "crash@0: the boot CPU dies, cpu 1 finishes the plan"

# Selection: hyptap.cpus without the boot CPU (it only boots and parks), and a list naming a
# PE that is not there.
boot --smp 3 -- 'hyptap.only=trap.hvc.*' hyptap.cpus=1-2
((rc == 0)) && [ "$(count '^ok [0-9]+ ')" = 9 ] && ! grep -qx '# cpu 0' "$tmp/out" &&
	grep -qx '# cpu 1' "$tmp/out" && grep -qx '# cpu 2' "$tmp/out"
check "hyptap.cpus=1-2: only cpus 1 and 2 run instances"

boot --smp 2 -- 'hyptap.only=trap.hvc.*' hyptap.cpus=5
((rc == 1)) && has '^Bail out! hyptap\.cpus selects no PE that is online'
check "hyptap.cpus=5 on 2 PEs: Bail out! saying no selected PE is online"

# A CPU the DTB describes but that does not exist: PSCI CPU_ON fails, the header names it with
# the return code, and the suite runs on the others (QEMU's own PE 1 is not in this DTB).
cp tests/dtb/qemu-7.2-gicv3.dtb "$tmp/cpus.dtb"
fdtput -c "$tmp/cpus.dtb" /cpus/cpu@100 &&
	fdtput -t s "$tmp/cpus.dtb" /cpus/cpu@100 device_type cpu &&
	fdtput -t s "$tmp/cpus.dtb" /cpus/cpu@100 compatible arm,cortex-a57 &&
	fdtput -t x "$tmp/cpus.dtb" /cpus/cpu@100 reg 0x100 &&
	fdtput -t s "$tmp/cpus.dtb" /cpus/cpu@100 enable-method psci &&
	fdtput -t s "$tmp/cpus.dtb" /chosen bootargs 'hyptap.only=trap.hvc.*'
boot --smp 2 --raw-dtb "$tmp/cpus.dtb"
((rc == 0)) && has '^# cpu 1: mpidr=0x100 .* state=offline \(CPU_ON: -2 INVALID_PARAMETERS\)$' &&
	[ "$(count '^ok [0-9]+ - trap\.hvc\.')" = 9 ]
check "a /cpus node with no such PE: offline with CPU_ON's return code, the suite runs on cpu 0"
