#!/usr/bin/env bash
# tests/uefi.t — hyptap.img as a UEFI application (docs/design-notes.md, "The EFI entry"): the
# file's PE/COFF header is what a PE loader needs and what the linker made, the arm64 Image
# header is still there for booti, and under edk2 (ci/boot/uefi-dt: a boot option as efibootmgr
# makes one) the bootargs arrive from LoadOptions, while bad ones are refused on ConOut and the
# run still ends by itself (the boot manager falls through to the shell, which powers off).
set -uo pipefail
. "$(dirname "$0")/tap.sh"
tap_begin 7
CHECK_OUT_LINES=8 CHECK_ERR_LINES=3

# The PE header against the ELF's symbols: every field a loader relies on.
perl - build/hyptap.img <(aarch64-linux-gnu-nm build/hyptap.elf) >"$tmp/out" 2>&1 <<'PERL'
use strict; use warnings;
my ($img, $nm) = @ARGV;
open my $fh, '<:raw', $img or die "$img: $!\n";
my $f = do { local $/; <$fh> };
open my $n, '<', $nm or die;
my %sym = map { /^([0-9a-f]+) \S (\S+)$/ ? ($2 => hex $1) : () } <$n>;
my @bad;
sub want { my ($what, $got, $exp) = @_; push @bad, sprintf "%s: 0x%x, want 0x%x", $what, $got, $exp if $got != $exp }
want "code0 (MZ)", unpack("v", substr $f, 0, 2), 0x5a4d;
want "Image magic at 56", unpack("V", substr $f, 56, 4), 0x644d5241;
want "Image flags", unpack("Q<", substr $f, 24, 8), 0xa;
want "Image image_size", unpack("Q<", substr $f, 16, 8), $sym{__image_end};
my $pe = unpack "V", substr $f, 0x3c, 4;
want "PE signature", unpack("V", substr $f, $pe, 4), 0x4550;
my ($machine, $nsec, $optsz) = unpack "v v x12 v", substr $f, $pe + 4, 20;
want "Machine", $machine, 0xaa64;
my $opt = $pe + 24;
my ($magic, $entry) = unpack "v x14 V", substr $f, $opt, 20;
want "PE32+ magic", $magic, 0x20b;
want "AddressOfEntryPoint", $entry, $sym{efi_entry};
my ($salign, $falign) = unpack "V V", substr $f, $opt + 32, 8;
my ($sizeimg, $sizehdr, undef, $subsys) = unpack "V V V v", substr $f, $opt + 56, 14;
my $ndirs = unpack "V", substr $f, $opt + 108, 4;
want "Subsystem", $subsys, 10;
want "SizeOfImage", $sizeimg, $sym{__image_end};
want "SizeOfOptionalHeader", $optsz, 112 + 8 * $ndirs;
want "file size % FileAlignment", length($f) % $falign, 0;
my $end = $sizehdr;
for my $i (0 .. $nsec - 1) {
	my ($name, $vsize, $va, $rsize, $raw) = unpack "Z8 V V V V", substr $f, $opt + $optsz + 40 * $i, 24;
	want "$name VirtualAddress == PointerToRawData", $va, $raw;
	want "$name starts where the last ended", $va, $end;
	want "$name VirtualAddress % SectionAlignment", $va % $salign, 0;
	want "$name SizeOfRawData % FileAlignment", $rsize % $falign, 0;
	push @bad, "$name runs past the file" if $raw + $rsize > length $f;
	$end = $va + $vsize;
}
want "the sections end at SizeOfImage", $end, $sizeimg;
push @bad, "the entry point is not in .text" unless $entry >= $sizehdr && $entry < $sym{__text_end};
print "$_\n" for @bad;
exit(@bad ? 1 : 0);
PERL
check "the PE32+ header (Machine 0xAA64, EFI application, sections = the file) and the arm64 Image header agree with the ELF"

# uefi RUN ARGS...: ci/qemu-run --boot uefi-dt; stdout in $tmp/out, stderr in $tmp/err, $rc.
uefi() {
	rc=0
	ci/qemu-run --timeout 60 --boot uefi-dt "$@" >"$tmp/out" 2>"$tmp/err" || rc=$?
}

uefi -- hyptap.only=guest.exit
((rc == 0)) && grep -q '^1\.\.1$' "$tmp/out" && grep -q '^ok 1 - guest\.exit$' "$tmp/out" &&
	grep -q '^BdsDxe: starting Boot0000 "hyptap" from \\EFI\\hyptap\\hyptap.efi$' "$tmp/out"
check "edk2's boot manager -> Boot0000 -> hyptap.efi: the bootargs come from its LoadOptions"
grep -Eq '^# hyptap .* boot=uefi-dt firmware="EDK II 0x[0-9a-f]{8}" ' "$tmp/out"
check "the header says boot=uefi-dt and the firmware's vendor and revision"

# refused WHY: the last run printed WHY as hyptap's one line on ConOut, no TAP, and QEMU
# exited by itself (qemu-run status 3: no plan), which takes the shell's startup.nsh.
refused() {
	((rc == 3)) && [ "$(grep -c '^hyptap: ' "$tmp/out")" = 1 ] &&
		grep -qxF "hyptap: cannot boot: $1" "$tmp/out" && ! grep -q '^TAP version' "$tmp/out"
}

uefi -- hyptap.only=guest.exit café
refused "LoadOptions character 54 is U+00E9: bootargs must be printable ASCII"
check "non-ASCII LoadOptions (UTF-8 e-acute as UCS-2, as efibootmgr -u writes it): refused with its position"

# The bootargs as ASCII bytes, as efibootmgr writes them without -u: qemu-run's 49 bytes of
# "hyptap.console=semihosting hyptap.only=guest.exit", then " xy" for an even size.
HYPTAP_EFI_LOADOPTIONS=bytes uefi -- hyptap.only=guest.exit
refused "LoadOptions is 49 bytes, an odd size: not a UCS-2 command line"
check "ASCII LoadOptions of an odd size: refused"
HYPTAP_EFI_LOADOPTIONS=bytes uefi -- hyptap.only=guest.exit xy
refused "LoadOptions character 1 is U+7968: bootargs must be printable ASCII"
check "ASCII LoadOptions of an even size: refused, not misread (\"hy\" is U+7968)"

uefi --el3 -- hyptap.only=guest.exit
((rc == 4)) && grep -q 'no EL3 (secure=on) build' "$tmp/err"
check "--el3: refused with the reason"
