#!/usr/bin/env bash
# tests/rawdtb.t — corrupt DTBs reach the image byte for byte (ci/qemu-run --raw-dtb: QEMU's
# generic loader, not -dtb, which checks and edits a blob) and each ends in exactly one
# "Bail out!" naming the problem, with QEMU exiting by itself (docs/design-notes.md, "What the
# DTB parser accepts"). The blobs are the QEMU 7.2/10.0 fixtures of tests/dtb/, edited here.
set -uo pipefail
. "$(dirname "$0")/tap.sh"
tap_begin 16
CHECK_OUT_LINES=8 CHECK_ERR_LINES=3

# boot BLOB: ci/qemu-run --raw-dtb BLOB; stdout in $tmp/out, stderr in $tmp/err, status in $rc.
boot() {
	rc=0
	ci/qemu-run --timeout 30 --raw-dtb "$1" >"$tmp/out" 2>"$tmp/err" || rc=$?
}
# bails LINE: the last run printed "TAP version 13", then LINE as its only "Bail out!", and
# QEMU exited by itself (qemu-run status 1).
bails() {
	((rc == 1)) && [ "$(head -n 1 "$tmp/out")" = "TAP version 13" ] &&
		[ "$(grep -c '^Bail out!' "$tmp/out")" = 1 ] && grep -qxF -- "$1" "$tmp/out"
}
# blob NAME [FIXTURE]: a fresh copy of a fixture (QEMU 7.2, GICv3 unless given) at $tmp/NAME.
blob() {
	cp "tests/dtb/${2:-qemu-7.2-gicv3.dtb}" "$tmp/$1"
	echo "$tmp/$1"
}
# be32 FILE OFFSET [VALUE]: print the big-endian word at OFFSET, or overwrite it with VALUE.
be32() {
	perl -e '
		my ($f, $off, $v) = @ARGV;
		open my $fh, "+<:raw", $f or die "$f: $!\n";
		seek $fh, $off, 0;
		if (defined $v) { print $fh pack("N", $v =~ /^0x/ ? hex $v : $v) }
		else { read $fh, my $b, 4; print unpack("N", $b) }
	' "$@"
}

f=$(blob good.dtb)
fdtput -t s "$f" /chosen bootargs hyptap.only=guest.exit
boot "$f"
((rc == 0)) && grep -q '^1\.\.1$' "$tmp/out" && grep -q '^ok 1 - guest\.exit$' "$tmp/out"
check "an unchanged QEMU blob through the raw path runs the suite (bootargs from the blob)"

f=$(blob magic.dtb)
be32 "$f" 0 0xd00dfeee
boot "$f"
bails "Bail out! no valid DTB: x0=0x0000000048000000 (bad magic or size)"
check "bad magic: the early check, before the MMU is on"

f=$(blob huge.dtb)
be32 "$f" 4 0x01000000
boot "$f"
bails "Bail out! no valid DTB: x0=0x0000000048000000 (bad magic or size)"
check "totalsize 16 MiB: the early check"

# Truncated, header intact: the image cannot know; RAM after the file is zero, so the names of
# the properties (in the strings block, far past byte 100) are all empty.
f=$(blob cut.dtb)
truncate -s 100 "$f"
boot "$f"
bails "Bail out! DTB: property at structure offset 0x8 has an empty name"
check "truncated to 100 bytes, header intact: the first property has no name"

f=$(blob cut2.dtb)
ssize=$(be32 "$f" 36)
truncate -s 100 "$f"
be32 "$f" 4 100
boot "$f"
bails "$(printf 'Bail out! DTB: structure block at 0x40, 0x%x bytes, is outside the blob (0x64 bytes)' "$ssize")"
check "truncated to 100 bytes with totalsize 100: the structure block is outside the blob"

f=$(blob version.dtb)
be32 "$f" 20 16
boot "$f"
bails "Bail out! DTB: version 16 (last compatible 16): hyptap reads version 17"
check "version 16"

# The root's first property is at structure offset 8 (tag, empty name): length -12 would make
# libfdt 1.6.1 read the same tag forever.
f=$(blob proplen.dtb)
soff=$(be32 "$f" 8)
be32 "$f" $((soff + 12)) 0xfffffff4
boot "$f"
bails "$(printf 'Bail out! DTB: property at structure offset 0x8: length 0xfffffff4 runs past the block (0x%x bytes)' "$(be32 "$f" 36)")"
check "a property length that wraps onto its own tag"

f=$(blob nouart.dtb)
fdtput -d "$f" /chosen stdout-path
fdtput -r "$f" /pl011@9000000
boot "$f"
bails "Bail out! DTB: no usable UART (an enabled arm,pl011, ns16550a or ns16550 node)"
check "no UART: said on the early UART"

f=$(blob mem0.dtb)
fdtput -t x "$f" /memory@40000000 reg 0 40000000 0 0
boot "$f"
bails 'Bail out! DTB: no RAM (no enabled device_type = "memory" node with a non-zero reg)'
check "memory of size 0"

f=$(blob memshort.dtb)
fdtput -t x "$f" /memory@40000000 reg 0 40000000 0
boot "$f"
bails "Bail out! DTB /memory@40000000: reg has 12 bytes, not a whole number of 16-byte entries (#address-cells 2, #size-cells 2 in /)"
check "memory reg shorter than one entry"

f=$(blob uartram.dtb)
fdtput -t x "$f" /pl011@9000000 reg 0 40001000 0 1000
boot "$f"
bails "Bail out! DTB /pl011@9000000: UART 0x40001000+0x1000 lies in RAM (/memory@40000000)"
check "a UART in RAM"

f=$(blob timer.dtb)
fdtput -t x "$f" /timer interrupts 1 d 4 1 e 4 1 b 4 1 a
boot "$f"
bails "Bail out! DTB /timer: interrupts has 44 bytes, expected 4 or 5 GIC specifiers of 3 cells (48 or 60 bytes)"
check "timer interrupts one cell short"

f=$(blob nogic.dtb qemu-7.2-gicv2.dtb)
fdtput -r "$f" /intc@8000000
boot "$f"
bails "Bail out! DTB: no GIC (an enabled arm,gic-v3, arm,cortex-a15-gic, arm,gic-400 or arm,cortex-a9-gic node)"
check "no GIC: said on the DTB's UART"

f=$(blob alias.dtb qemu-10.0-gicv3.dtb)
fdtput -t s "$f" /aliases serial0 serial1
fdtput -t s "$f" /aliases serial1 serial0
fdtput -t s "$f" /chosen stdout-path serial0
boot "$f"
bails 'Bail out! DTB /aliases: serial0 is "serial1", not a full path'
check "circular aliases (libfdt 1.6.1's own lookup would recurse until the stack overflows)"

# fdtput writes several strings as one property "hyptap.list\0hyptap.bogus=1\0".
f=$(blob nul.dtb)
fdtput -t s "$f" /chosen bootargs hyptap.list hyptap.bogus=1
boot "$f"
bails "Bail out! DTB /chosen: bootargs has a NUL at byte 11 of 27: not one string"
check "bootargs with a NUL inside: refused, not cut at the NUL"

f=$(blob mpidr.dtb qemu-7.2-gicv2-smp8.dtb)
fdtput -t x "$f" /cpus/cpu@3 reg 1
boot "$f"
bails "Bail out! DTB /cpus/cpu@3: reg 0x1 is also the MPIDR of /cpus/cpu@1"
check "two CPUs with one MPIDR (the QEMU -smp 8 blob)"
