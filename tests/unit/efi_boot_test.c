/* SPDX-License-Identifier: MIT */
/*
 * Host tests of the EFI entry's pure pieces (kernel/efi_boot.h) against fake firmware data:
 * LoadOptions (UCS-2) to bootargs, the configuration table search, the DTB checks, the memory
 * map to reservations and RAM, and the DTB copy, which platform_parse() then reads as the
 * image would (header boot= and firmware=, bootargs, the arena clear of every reservation).
 */
#include <stdlib.h>
#include <string.h>

#include "dtb_edit.h"
#include "efi_boot.h"
#include "unit.h"

/* @s as LoadOptions: UCS-2 with its NUL, as the edk2 shell passes a command line. */
static uint32_t ucs2(const char *s, uint16_t *out)
{
	size_t n = strlen(s);

	for (size_t i = 0; i <= n; i++) {
		out[i] = (unsigned char)s[i];
	}
	return (uint32_t)(2 * (n + 1));
}

static void test_cmdline(void)
{
	uint16_t opts[64];
	char out[64], small[32], err[128];
	uint32_t size = ucs2("fs0:\\hyptap.efi hyptap.only=guest.*\t", opts);

	unit_ok(!efi_cmdline_ascii(opts, size, out, sizeof(out), err, sizeof(err)),
		"a shell command line converts");
	unit_eq_str(out, "fs0:\\hyptap.efi hyptap.only=guest.* ", "tab as a space, NUL ends it");
	unit_ok(!efi_cmdline_ascii(NULL, 0, out, sizeof(out), err, sizeof(err)) && !out[0],
		"no LoadOptions: empty bootargs");
	/* Unaligned: a loader may pass any address. */
	uint8_t raw[9] = {0, 'h', 0, 'i', 0, 0, 0};
	unit_ok(!efi_cmdline_ascii(raw + 1, 6, out, sizeof(out), err, sizeof(err)), "unaligned");
	unit_eq_str(out, "hi", "unaligned LoadOptions read bytewise");

	opts[3] = 0x00e9;
	unit_ok(efi_cmdline_ascii(opts, size, out, sizeof(out), err, sizeof(err)),
		"U+00E9 is refused");
	unit_eq_str(err, "LoadOptions character 4 is U+00E9: bootargs must be printable ASCII",
		    "the message names the character and its position");
	/* ASCII bytes passed as they are (efibootmgr without -u): pairs become CJK characters. */
	memcpy(opts, "hyptap.only=x", 14);
	unit_ok(efi_cmdline_ascii(opts, 14, out, sizeof(out), err, sizeof(err)) &&
			strstr(err, "character 1 is U+7968"),
		"ASCII load options are refused, not misread (%s)", err);
	unit_ok(efi_cmdline_ascii(opts, 13, out, sizeof(out), err, sizeof(err)) &&
			!strcmp(err,
				"LoadOptions is 13 bytes, an odd size: not a UCS-2 command line"),
		"an odd size is refused");
	size = ucs2("0123456789012345678901234567890123456789", opts);
	unit_ok(efi_cmdline_ascii(opts, size, small, sizeof(small), err, sizeof(err)) &&
			!strcmp(err, "LoadOptions is longer than 31 characters"),
		"too long for the buffer is refused");
}

static void test_tables(void)
{
	static const uint8_t dtb_blob[8] = {0xd0, 0x0d, 0xfe, 0xed};
	const struct efi_config_table other = {{0x1, 2, 3, {4}}, dtb_blob};
	const struct efi_config_table dtb = {EFI_DTB_TABLE_GUID, dtb_blob};
	const struct efi_config_table acpi = {EFI_ACPI_20_TABLE_GUID, dtb_blob + 4};
	struct efi_config_table t[3];
	const void *d, *r;
	char err[256];

	t[0] = other, t[1] = acpi, t[2] = dtb;
	unit_ok(!efi_tables_find(t, 3, &d, &r, err, sizeof(err)) && d == dtb_blob && !r,
		"DTB and ACPI: the DTB is taken");
	unit_ok(!efi_tables_find(t, 2, &d, &r, err, sizeof(err)) && !d && r == dtb_blob + 4,
		"ACPI only: the RSDP");
	unit_ok(efi_tables_find(t, 1, &d, &r, err, sizeof(err)) && strstr(err, "neither a DTB") &&
			strstr(err, "nor ACPI tables"),
		"no DTB and no ACPI: refused (%s)", err);
	unit_ok(efi_tables_find(t, 0, &d, &r, err, sizeof(err)) && strstr(err, "neither"),
		"no configuration table at all: refused");
	unit_ok(efi_tables_find(NULL, 4, &d, &r, err, sizeof(err)) && strstr(err, "at address 0"),
		"a table array at 0: refused (%s)", err);
	t[2].table = NULL;
	unit_ok(efi_tables_find(t, 3, &d, &r, err, sizeof(err)) &&
			!strcmp(err, "the DTB configuration table points to address 0"),
		"a DTB table pointing to 0: refused");
}

static void test_check_dtb(void)
{
	void *fdt = edit_load("qemu-7.2-gicv3.dtb");
	char err[256];

	unit_ok(!efi_tables_check_dtb(fdt, 8192, err, sizeof(err)), "QEMU's DTB is taken");
	fdt_set_totalsize(fdt, DTB_MAX_SIZE - 100);
	unit_ok(efi_tables_check_dtb(fdt, 8192, err, sizeof(err)) &&
			strstr(err, "the firmware's DTB is 2097052 bytes: hyptap takes 2097152"),
		"a DTB too big for the room: refused (%s)", err);
	fdt_set_totalsize(fdt, 0xfffffff0);
	unit_ok(efi_tables_check_dtb(fdt, 8192, err, sizeof(err)), "a 4 GiB DTB: refused");
	fdt_set_magic(fdt, 0x12345678);
	unit_ok(efi_tables_check_dtb(fdt, 8192, err, sizeof(err)) &&
			strstr(err, "magic 0x12345678"),
		"bad magic: refused (%s)", err);
	free(fdt);
}

static struct efi_memory_descriptor md(uint32_t type, uint64_t base, uint64_t pages)
{
	return (struct efi_memory_descriptor){
		.type = type,
		.physical_start = base,
		.number_of_pages = pages,
		.attribute = type == EFI_MEMORY_MAPPED_IO ? 1 : EFI_MEMORY_WB};
}

/* A map shaped like edk2's on QEMU virt, 512 MiB at 0x40000000, out of order, 48-byte entries. */
static uint8_t map_buf[16 * 48];
static struct efi_memmap fake_map(void)
{
	const struct efi_memory_descriptor d[] = {
		md(EFI_CONVENTIONAL_MEMORY, 0x40000000, 0x1b000),
		md(EFI_LOADER_DATA, 0x5b000000, 0x800),
		md(EFI_RUNTIME_SERVICES_DATA, 0x5f000000, 0x10), /* touches the next: merged */
		md(EFI_RUNTIME_SERVICES_CODE, 0x5f010000, 0x20),
		md(EFI_BOOT_SERVICES_DATA, 0x5f030000, 0xfd0),
		md(EFI_ACPI_RECLAIM_MEMORY, 0x5e000000, 0x4),
		md(EFI_MEMORY_MAPPED_IO, 0x04000000, 0x4000),
		md(EFI_RESERVED_MEMORY, 0x5e100000, 0x1),
	};

	memset(map_buf, 0, sizeof(map_buf));
	for (unsigned i = 0; i < sizeof(d) / sizeof(d[0]); i++) {
		memcpy(map_buf + 48 * i, &d[i], sizeof(d[i]));
	}
	return (struct efi_memmap){map_buf, 48 * (sizeof(d) / sizeof(d[0])), 48};
}

static void test_memmap(void)
{
	struct efi_memmap m = fake_map();
	struct mem_range r[8];
	char err[256];
	int n;

	unit_ok(!efi_memmap_check(&m, err, sizeof(err)), "the fake map is well formed");
	n = efi_memmap_reserved(&m, r, 8);
	unit_eq_u64(n, 4, "reservations: MMIO, ACPI, reserved, runtime (merged)");
	unit_ok(n == 4 && r[0].base == 0x04000000 && r[0].size == 0x4000000 &&
			r[1].base == 0x5e000000 && r[1].size == 0x4000 && r[2].base == 0x5e100000 &&
			r[2].size == 0x1000 && r[3].base == 0x5f000000 && r[3].size == 0x30000,
		"sorted, runtime data and code merged, free RAM and boot services left out");
	unit_eq_u64(efi_memmap_reserved(&m, r, 3), (uint64_t)-1, "more than the room: -1");
	n = efi_memmap_ram(&m, r, 8);
	/* free RAM and the loader's data touch: one range; ACPI alone; runtime and boot services
	 * data touch: one range; MMIO (not write-back) and reserved are not RAM */
	unit_ok(n == 3 && r[0].base == 0x40000000 && r[0].size == 0x1b800000 &&
			r[1].base == 0x5e000000 && r[1].size == 0x4000 && r[2].base == 0x5f000000 &&
			r[2].size == 0x1000000,
		"RAM: write-back regions, merged; MMIO and reserved left out (%d ranges)", n);
	m.desc_size = 20;
	unit_ok(efi_memmap_check(&m, err, sizeof(err)) && strstr(err, "not a memory map"),
		"descriptors smaller than UEFI's: refused (%s)", err);
	m = fake_map();
	m.size = 47;
	unit_ok(efi_memmap_check(&m, err, sizeof(err)), "a size not a multiple: refused");
	m = fake_map();
	((struct efi_memory_descriptor *)map_buf)->number_of_pages = 1ull << 60;
	unit_ok(efi_memmap_check(&m, err, sizeof(err)) && strstr(err, "wraps around"),
		"a region past 2^64: refused (%s)", err);
}

static void test_dtb(void)
{
	void *src = edit_load("qemu-7.2-gicv3.dtb");
	size_t size = (fdt_totalsize(src) + 8192 + 7) & ~(size_t)7;
	void *buf = aligned_alloc(8, size);
	const struct efi_chosen c = {"hyptap.only=guest.exit console=ttyAMA0", "uefi-dt",
				     "EDK II 0x00010000"};
	struct efi_memmap m = fake_map();
	struct mem_range r[DTB_MAX_MEMRSV + 1];
	struct platform p;
	char err[256];
	unsigned added = 0;
	int n;

	unit_ok(!efi_dtb_open(src, buf, size, &c, err, sizeof(err)), "the DTB copy opens");
	n = efi_memmap_reserved(&m, r, DTB_MAX_MEMRSV);
	unit_ok(!efi_dtb_reserve(buf, r, (unsigned)n, &added, err, sizeof(err)) && added == 4,
		"4 reservations added");
	/* A second attempt with a map that changed: the old entries are replaced, not kept. */
	unit_ok(!efi_dtb_reserve(buf, r, 2, &added, err, sizeof(err)) && added == 2 &&
			fdt_num_mem_rsv(buf) == 2,
		"a retry replaces the reservations");
	unit_ok(!efi_dtb_reserve(buf, r, (unsigned)n, &added, err, sizeof(err)) &&
			fdt_num_mem_rsv(buf) == 4,
		"and back to 4");
	unit_ok(!edit_parse_at(buf, size, 0x5b800000, &p, err, sizeof(err)),
		"platform_parse() takes it (%s)", err);
	unit_eq_str(p.boot, "uefi-dt", "header boot=");
	unit_eq_str(p.firmware, "EDK II 0x00010000", "header firmware=");
	unit_eq_str(p.bootargs, c.bootargs, "bootargs from LoadOptions");
	for (int i = 0; i < n; i++) {
		unit_ok(!mem_range_overlaps(&p.arena, &r[i]),
			"the arena 0x%llx+0x%llx is clear of reservation %d",
			(unsigned long long)p.arena.base, (unsigned long long)p.arena.size, i);
	}
	for (unsigned i = 0; i <= DTB_MAX_MEMRSV; i++) {
		r[i] = (struct mem_range){0x60000000 + 0x2000ull * i, 0x1000};
	}
	unit_ok(efi_dtb_reserve(buf, r, DTB_MAX_MEMRSV + 1, &added, err, sizeof(err)) &&
			strstr(err, "more than the 64 hyptap takes"),
		"more reservations than dtb_check() takes: refused (%s)", err);
	unit_ok(efi_dtb_open(src, buf, 256, &c, err, sizeof(err)) && strstr(err, "cannot copy"),
		"a buffer too small: refused (%s)", err);
	free(buf);
	free(src);
}

int main(void)
{
	test_cmdline();
	test_tables();
	test_check_dtb();
	test_memmap();
	test_dtb();
	return unit_done();
}
