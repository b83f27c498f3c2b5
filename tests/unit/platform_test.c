/*
 * Host tests of the DTB-to-platform decision (kernel/platform.c, kernel/dtb.c,
 * kernel/dtb_check.c): the eight QEMU virt fixtures give the platform QEMU's memory map
 * describes, and each targeted corruption of them gives its exact error.
 *
 * Expected platform values come from QEMU's virt memory map (hw/arm/virt.c base_memmap[]:
 * GIC distributor 0x08000000+64K, GICv2 CPU interface 0x08010000+64K, GICv3 redistributors
 * 0x080a0000+0xf60000, UART 0x09000000+4K, RAM at 0x40000000; -m 512M) and its timer PPIs
 * (include/hw/arm/virt.h: secure 13, non-secure 14, virtual 11, hypervisor 10).
 */
#include <libfdt.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "dtb.h"
#include "dtb_edit.h"
#include "platform.h"
#include "unit.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define GICV3	      "qemu-7.2-gicv3.dtb"
#define GICV2	      "qemu-7.2-gicv2.dtb"
#define ALIASES	      "qemu-10.0-gicv3.dtb" /* QEMU 7.2 has no /aliases */
#define SMP8	      "qemu-7.2-gicv2-smp8.dtb"
#define SMP20	      "qemu-10.0-gicv3-smp20.dtb"

static struct platform plat;
static char err[256];

static int parse_at(const void *fdt, size_t size, uint64_t dtb_pa)
{
	memset(err, 'X', sizeof(err) - 1);
	err[sizeof(err) - 1] = '\0';
	return edit_parse_at(fdt, size, dtb_pa, &plat, err, sizeof(err));
}

static int parse(const void *fdt)
{
	return parse_at(fdt, fdt_totalsize(fdt), EDIT_DTB_PA);
}

/* One test point: parsing @fdt (@size bytes at @dtb_pa) fails with exactly @msg. */
static void check_error_at(void *fdt, size_t size, uint64_t dtb_pa, const char *msg,
			   const char *desc)
{
	int rc = parse_at(fdt, size, dtb_pa);

	if (!unit_ok(rc == -1 && !strcmp(err, msg), "%s", desc)) {
		unit_diag("rc %d\n     got: %s\nexpected: %s", rc, rc ? err : "(success)", msg);
	}
	free(fdt);
}

static void check_error(void *fdt, const char *msg, const char *desc)
{
	check_error_at(fdt, fdt_totalsize(fdt), EDIT_DTB_PA, msg, desc);
}

/* One test point: parsing @fdt succeeds. */
static bool check_ok(void *fdt, const char *desc)
{
	int rc = parse(fdt);

	if (!unit_ok(rc == 0, "%s", desc)) {
		unit_diag("error: %s", err);
		return false;
	}
	return true;
}

static bool range_is(const struct mem_range *r, uint64_t base, uint64_t size)
{
	return r->base == base && r->size == size;
}

/* The eight QEMU fixtures: QEMU's memory map, whatever the QEMU version and security state. */
static void test_fixtures(void)
{
	static const char *const names[] = {
		"qemu-7.2-gicv2.dtb",	      "qemu-7.2-gicv3.dtb",
		"qemu-7.2-gicv2-secure.dtb",  "qemu-7.2-gicv3-secure.dtb",
		"qemu-10.0-gicv2.dtb",	      "qemu-10.0-gicv3.dtb",
		"qemu-10.0-gicv2-secure.dtb", "qemu-10.0-gicv3-secure.dtb",
	};

	for (size_t i = 0; i < ARRAY_SIZE(names); i++) {
		void *fdt = edit_load(names[i]);
		bool v3 = strstr(names[i], "gicv3") != NULL;

		fdt_pack(fdt);
		if (!check_ok(fdt, names[i])) {
			free(fdt);
			continue;
		}
		unit_eq_str(plat.model, "linux,dummy-virt", "model");
		unit_ok(plat.mem_count == 1 && range_is(&plat.mem[0], 0x40000000, 0x20000000),
			"%s: RAM 0x40000000+512M (a disabled secram node is not RAM)", names[i]);
		unit_ok(plat.uart_kind == UART_PL011 && range_is(&plat.uart, 0x09000000, 0x1000) &&
				plat.uart_reg_shift == 0,
			"%s: PL011 at 0x09000000 (stdout-path)", names[i]);
		if (v3) {
			unit_ok(plat.gic_version == 3 &&
					range_is(&plat.gicd, 0x08000000, 0x10000) &&
					plat.gicr_count == 1 &&
					range_is(&plat.gicr[0], 0x080a0000, 0xf60000),
				"%s: GICv3 distributor and one redistributor region", names[i]);
			unit_ok(range_is(&plat.gits, 0x08080000, 0x20000),
				"%s: the ITS (an arm,gic-v3-its child of the GIC node)", names[i]);
		} else {
			unit_ok(plat.gic_version == 2 &&
					range_is(&plat.gicd, 0x08000000, 0x10000) &&
					range_is(&plat.gicc, 0x08010000, 0x10000),
				"%s: GICv2 distributor and CPU interface", names[i]);
			unit_ok(range_is(&plat.gich, 0x08030000, 0x10000) &&
					range_is(&plat.gicv, 0x08040000, 0x10000),
				"%s: GICv2 hypervisor and virtual CPU interfaces (reg 2, 3)",
				names[i]);
		}
		unit_ok(plat.gic_maint_intid == 25,
			"%s: maintenance interrupt PPI 9 (INTID 25, the GIC node's interrupts)",
			names[i]);
		unit_ok(plat.timer_intid_sec_phys == 29 && plat.timer_intid_phys == 30 &&
				plat.timer_intid_virt == 27 && plat.timer_intid_hyp == 26,
			"%s: timer INTIDs 29 30 27 26", names[i]);
		unit_ok(plat.psci == PSCI_SMC, "%s: PSCI over SMC", names[i]);
		/* One CPU, reg 0; hw/arm/virt.c fdt_add_cpu_nodes() gives enable-method "psci"
		 * only with more than one. */
		unit_ok(plat.cpu_count == 1 && plat.cpus[0].mpidr == 0 &&
				plat.cpus[0].method == CPU_ENABLE_NONE && !plat.cpus_left_off,
			"%s: one CPU, MPIDR 0, no enable-method", names[i]);
		unit_ok(plat.bootargs == NULL, "%s: no bootargs", names[i]);
		/* Holes: the image 0x40200000+2M and the DTB at 0x48000000 (< 2 MiB): the piece
		 * above the DTB, from the next 2 MiB boundary, is the largest. */
		unit_ok(range_is(&plat.arena, 0x48200000, 0x17e00000),
			"%s: arena 0x48200000 to the end of RAM", names[i]);
		unit_ok(plat.dtb == fdt && plat.dtb_size == fdt_totalsize(fdt), "%s: dtb kept",
			names[i]);
		free(fdt);
	}
}

static void *packed(const char *name)
{
	void *fdt = edit_load(name);

	fdt_pack(fdt);
	return fdt;
}

static void set_header(void *fdt, unsigned word, uint32_t v)
{
	((fdt32_t *)fdt)[word] = cpu_to_fdt32(v);
}

/* Structure: header, blocks, tokens. */
static void test_structure(void)
{
	char msg[256];
	void *fdt = packed(GICV3);
	uint32_t total = fdt_totalsize(fdt), ssize = fdt_size_dt_struct(fdt);
	uint8_t *unaligned;

	snprintf(msg, sizeof(msg), "DTB: truncated: totalsize is %u bytes, 100 readable", total);
	check_error_at(fdt, 100, EDIT_DTB_PA, msg, "truncated blob");
	check_error_at(packed(GICV3), 20, EDIT_DTB_PA,
		       "DTB: 20 bytes, shorter than its 40-byte header", "shorter than a header");

	fdt = packed(GICV3);
	set_header(fdt, 0, 0xd00dfeee);
	check_error(fdt, "DTB: bad magic 0xd00dfeee (expected 0xd00dfeed)", "bad magic");

	fdt = packed(GICV3);
	set_header(fdt, 5, 16);
	check_error(fdt, "DTB: version 16 (last compatible 16): hyptap reads version 17",
		    "version 16 (libfdt 1.6.1 mishandles < 16; 17 is the DTSpec format)");
	fdt = packed(GICV3);
	set_header(fdt, 6, 18);
	check_error(fdt, "DTB: version 17 (last compatible 18): hyptap reads version 17",
		    "last_comp_version beyond 17");

	fdt = packed(GICV3);
	set_header(fdt, 1, 30);
	check_error_at(fdt, total, EDIT_DTB_PA, "DTB: totalsize 30 is smaller than the header",
		       "totalsize < header");

	fdt = packed(GICV3);
	set_header(fdt, 2, total);
	snprintf(msg, sizeof(msg),
		 "DTB: structure block at 0x%x, 0x%x bytes, is outside the blob (0x%x bytes)",
		 total, ssize, total);
	check_error(fdt, msg, "off_dt_struct at the end of the blob");

	fdt = packed(GICV3);
	set_header(fdt, 2, 0x42);
	snprintf(msg, sizeof(msg),
		 "DTB: structure block at 0x42, 0x%x bytes, is not 4-byte aligned", ssize);
	check_error(fdt, msg, "off_dt_struct misaligned");

	fdt = packed(GICV3);
	set_header(fdt, 9, 0xfffffff0);
	snprintf(msg, sizeof(msg),
		 "DTB: structure block at 0x%x, 0xfffffff0 bytes, is outside the blob (0x%x bytes)",
		 fdt_off_dt_struct(fdt), total);
	check_error(fdt, msg, "size_dt_struct huge (offset + size wraps)");

	fdt = packed(GICV3);
	set_header(fdt, 3, fdt_off_dt_struct(fdt) + 8);
	set_header(fdt, 8, 16);
	snprintf(msg, sizeof(msg),
		 "DTB: structure block 0x%x+0x%x overlaps strings block 0x%x+0x10",
		 fdt_off_dt_struct(fdt), ssize, fdt_off_dt_struct(fdt) + 8);
	check_error(fdt, msg, "strings block inside the structure block");

	fdt = packed(GICV3);
	set_header(fdt, 4, fdt_off_dt_struct(fdt) + 8);
	snprintf(msg, sizeof(msg),
		 "DTB: memory reservation block at 0x%x lies inside another block",
		 fdt_off_dt_struct(fdt) + 8);
	check_error(fdt, msg, "memory reservation block inside the structure block");

	fdt = edit_load(GICV3);
	edit_check(fdt_add_mem_rsv(fdt, 0x5ff00000, 0x1000), "add_mem_rsv", "", NULL);
	fdt_pack(fdt);
	/* Entry 1, the terminator, becomes 0x1000+0x1000: entry 2 would be the struct block. */
	((fdt64_t *)((uint8_t *)fdt + fdt_off_mem_rsvmap(fdt)))[2] = cpu_to_fdt64(0x1000);
	((fdt64_t *)((uint8_t *)fdt + fdt_off_mem_rsvmap(fdt)))[3] = cpu_to_fdt64(0x1000);
	snprintf(msg, sizeof(msg),
		 "DTB: memory reservation block at 0x%x: entry 2 runs into 0x%x (no (0, 0) "
		 "terminator)",
		 fdt_off_mem_rsvmap(fdt), fdt_off_dt_struct(fdt));
	check_error(fdt, msg, "memory reservations without a terminator");

	/* The first property of the root is at structure offset 8 (BEGIN_NODE, empty name). */
	fdt = packed(GICV3);
	((fdt32_t *)((uint8_t *)fdt + fdt_off_dt_struct(fdt) + 8))[1] = cpu_to_fdt32(0xfffffff4);
	snprintf(msg, sizeof(msg),
		 "DTB: property at structure offset 0x8: length 0xfffffff4 runs past the block "
		 "(0x%x bytes)",
		 ssize);
	check_error(fdt, msg,
		    "property length -12: libfdt 1.6.1 would loop on the same tag forever");

	fdt = packed(GICV3);
	((fdt32_t *)((uint8_t *)fdt + fdt_off_dt_struct(fdt) + 8))[2] =
		cpu_to_fdt32(fdt_size_dt_strings(fdt));
	snprintf(msg, sizeof(msg),
		 "DTB: property at structure offset 0x8: name offset 0x%x is not a string in the "
		 "strings block (0x%x bytes)",
		 fdt_size_dt_strings(fdt), fdt_size_dt_strings(fdt));
	check_error(fdt, msg, "property name offset past the strings block");

	fdt = packed(GICV3);
	((fdt32_t *)((uint8_t *)fdt + fdt_off_dt_struct(fdt) + 8))[0] = cpu_to_fdt32(0x0a);
	check_error(fdt, "DTB: unknown token 0x0000000a at structure offset 0x8", "unknown token");

	fdt = packed(GICV3);
	set_header(fdt, 9, ssize - 4);
	snprintf(msg, sizeof(msg), "DTB: structure block (0x%x bytes) ends without FDT_END",
		 ssize - 4);
	check_error(fdt, msg, "structure block cut before FDT_END");

	fdt = packed(GICV3);
	((fdt32_t *)((uint8_t *)fdt + fdt_off_dt_struct(fdt)))[ssize / 4 - 2] =
		cpu_to_fdt32(FDT_NOP);
	snprintf(msg, sizeof(msg), "DTB: FDT_END at structure offset 0x%x inside a node",
		 ssize - 4);
	check_error(fdt, msg, "root node not closed");

	fdt = edit_load(GICV3);
	{
		char path[512] = "";

		for (int depth = 1; depth <= DTB_MAX_DEPTH + 1; depth++) {
			edit_addnode(fdt, depth > 1 ? path : "/", "n");
			strcat(path, "/n");
		}
		fdt_pack(fdt);
		snprintf(msg, sizeof(msg),
			 "DTB: nodes nested deeper than 32 at structure offset 0x%x",
			 fdt_path_offset(fdt, path));
	}
	check_error(fdt, msg, "a node at depth 33 (the root is depth 0)");

	unaligned = aligned_alloc(8, (total + 15) & ~7u);
	fdt = packed(GICV3);
	memcpy(unaligned + 4, fdt, total);
	snprintf(msg, sizeof(msg), "DTB: at 0x%lx, not 8-byte aligned",
		 (unsigned long)(unaligned + 4));
	unit_ok(parse_at(unaligned + 4, total, EDIT_DTB_PA) == -1 && !strcmp(err, msg),
		"misaligned blob");
	free(unaligned);
	free(fdt);
}

/* Memory: cells, lengths, zero sizes, overlaps, the image, the physical address space. */
static void test_memory(void)
{
	void *fdt;

	fdt = edit_load(GICV3);
	edit_delnode(fdt, "/memory@40000000");
	check_error(fdt,
		    "DTB: no RAM (no enabled device_type = \"memory\" node with a non-zero reg)",
		    "no memory node");

	fdt = edit_load(GICV3);
	edit_cells(fdt, "/memory@40000000", "reg", 4, 0, 0x40000000, 0, 0);
	check_error(fdt,
		    "DTB: no RAM (no enabled device_type = \"memory\" node with a non-zero reg)",
		    "memory of size 0 is no RAM");

	fdt = edit_load(GICV3);
	edit_str(fdt, "/memory@40000000", "status", "disabled");
	check_error(fdt,
		    "DTB: no RAM (no enabled device_type = \"memory\" node with a non-zero reg)",
		    "disabled memory is no RAM");

	fdt = edit_load(GICV3);
	edit_cells(fdt, "/memory@40000000", "reg", 3, 0, 0x40000000, 0);
	check_error(fdt,
		    "DTB /memory@40000000: reg has 12 bytes, not a whole number of 16-byte entries "
		    "(#address-cells 2, #size-cells 2 in /)",
		    "memory reg shorter than one entry");

	fdt = edit_load(GICV3);
	edit_raw(fdt, "/memory@40000000", "reg", NULL, 0);
	check_error(fdt,
		    "DTB /memory@40000000: reg has 0 bytes, not a whole number of 16-byte entries "
		    "(#address-cells 2, #size-cells 2 in /)",
		    "empty memory reg");

	fdt = edit_load(GICV3);
	edit_del(fdt, "/memory@40000000", "reg");
	check_error(fdt, "DTB /memory@40000000: no reg property", "memory without reg");

	fdt = edit_load(GICV3);
	edit_cells(fdt, "/", "#address-cells", 1, 3);
	check_error(fdt, "DTB /: #address-cells is 3, hyptap reads 1 or 2", "#address-cells 3");

	fdt = edit_load(GICV3);
	edit_cells(fdt, "/", "#address-cells", 1, 0);
	check_error(fdt, "DTB /: #address-cells is 0, hyptap reads 1 or 2", "#address-cells 0");

	fdt = edit_load(GICV3);
	edit_cells(fdt, "/", "#size-cells", 1, 3);
	check_error(fdt, "DTB /: #size-cells is 3, hyptap reads 0 to 2", "#size-cells 3");

	fdt = edit_load(GICV3);
	edit_cells(fdt, "/", "#size-cells", 2, 0, 2);
	check_error(fdt, "DTB /: #size-cells has 8 bytes, expected one 32-bit cell",
		    "#size-cells of two cells");

	/* With 1 + 1 cells, QEMU's 16-byte reg is two entries: 0+0x40000000 and 0+0x20000000. */
	fdt = edit_load(GICV3);
	edit_cells(fdt, "/", "#address-cells", 1, 1);
	edit_cells(fdt, "/", "#size-cells", 1, 1);
	check_error(fdt,
		    "DTB /memory@40000000: RAM 0x0+0x20000000 overlaps RAM 0x0+0x40000000 of "
		    "/memory@40000000",
		    "the parent's cells decide the reg layout");

	fdt = edit_load(GICV3);
	edit_addnode(fdt, "/", "memory@80000000");
	edit_str(fdt, "/memory@80000000", "device_type", "memory");
	edit_cells(fdt, "/memory@80000000", "reg", 8, 0, 0x80000000, 0, 0x10000000, 1, 0, 0,
		   0x1000);
	if (check_ok(fdt, "a second memory node with two ranges is fine (DTSpec 3.4)")) {
		unit_ok(plat.mem_count == 3 && range_is(&plat.mem[0], 0x80000000, 0x10000000) &&
				range_is(&plat.mem[1], 0x100000000, 0x1000) &&
				range_is(&plat.mem[2], 0x40000000, 0x20000000),
			"three RAM ranges in DTB order");
		unit_ok(range_is(&plat.arena, 0x48200000, 0x17e00000),
			"the arena stays in the image's RAM");
	}
	free(fdt);

	fdt = edit_load(GICV3);
	edit_addnode(fdt, "/", "memory@50000000");
	edit_str(fdt, "/memory@50000000", "device_type", "memory");
	edit_cells(fdt, "/memory@50000000", "reg", 4, 0, 0x5ffff000, 0, 0x2000);
	check_error(fdt,
		    "DTB /memory@40000000: RAM 0x40000000+0x20000000 overlaps RAM "
		    "0x5ffff000+0x2000 of /memory@50000000",
		    "overlapping memory nodes");

	fdt = edit_load(GICV3);
	edit_dupnode(fdt, "/memory@40000000");
	check_error(fdt, "DTB /memory@40000000: two nodes have this path", "duplicate memory node");

	fdt = edit_load(GICV3);
	edit_dupprop(fdt, "/memory@40000000", "reg");
	check_error(fdt, "DTB /memory@40000000: property reg appears twice",
		    "duplicate reg property");

	fdt = edit_load(GICV3);
	edit_cells(fdt, "/memory@40000000", "reg", 4, 0, 0x40300000, 0, 0x10000000);
	check_error(fdt,
		    "DTB: the image 0x40200000+0x200000 is not inside the RAM the DTB describes",
		    "memory overlapping only part of the image");

	fdt = edit_load(GICV3);
	edit_cells(fdt, "/memory@40000000", "reg", 4, 0, 0x80000000, 0, 0x10000000);
	check_error(fdt,
		    "DTB: the image 0x40200000+0x200000 is not inside the RAM the DTB describes",
		    "memory not containing the image");

	fdt = edit_load(GICV3);
	edit_cells(fdt, "/memory@40000000", "reg", 4, 0x10000, 0, 0, 0x1000);
	check_error(fdt,
		    "DTB /memory@40000000: RAM 0x1000000000000+0x1000 is beyond the 48-bit "
		    "physical address space",
		    "memory beyond 48 bits");

	fdt = edit_load(GICV3);
	edit_cells(fdt, "/memory@40000000", "reg", 4, 0xffffffff, 0xfffff000, 0, 0x2000);
	check_error(fdt,
		    "DTB /memory@40000000: reg entry 0 0xfffffffffffff000+0x2000 overflows 64 bits",
		    "memory base + size wraps");

	fdt = edit_load(GICV3);
	edit_raw(fdt, "/memory@40000000", "device_type", "memory\0x", 9);
	check_error(fdt,
		    "DTB /memory@40000000: device_type has a NUL at byte 6 of 9: not one string",
		    "device_type with a NUL inside");

	fdt = edit_load(GICV3);
	edit_raw(fdt, "/memory@40000000", "status", "okay", 4);
	check_error(fdt, "DTB /memory@40000000: status is not a NUL-terminated string (4 bytes)",
		    "status without its NUL");

	fdt = edit_load(GICV3);
	for (unsigned i = 0; i < PLATFORM_MAX_MEM; i++) {
		char name[32];

		snprintf(name, sizeof(name), "memory@%x", 0x80000000 + i * 0x100000);
		edit_addnode(fdt, "/", name);
		snprintf(name, sizeof(name), "/memory@%x", 0x80000000 + i * 0x100000);
		edit_str(fdt, name, "device_type", "memory");
		edit_cells(fdt, name, "reg", 4, 0, 0x80000000 + i * 0x100000, 0, 0x100000);
	}
	check_error(fdt, "DTB /memory@40000000: more than 16 RAM ranges in the DTB",
		    "17 RAM ranges");
}

/* The console UART. */
static void test_uart(void)
{
	void *fdt;

	fdt = edit_load(GICV3);
	edit_cells(fdt, "/pl011@9000000", "reg", 4, 0, 0x40001000, 0, 0x1000);
	check_error(fdt,
		    "DTB /pl011@9000000: UART 0x40001000+0x1000 lies in RAM (/memory@40000000)",
		    "a UART in RAM");

	fdt = edit_load(GICV3);
	edit_cells(fdt, "/pl011@9000000", "reg", 4, 0, 0x9000000, 0, 0);
	check_error(fdt, "DTB /pl011@9000000: UART (reg entry 0) has size 0", "UART of size 0");

	fdt = edit_load(GICV3);
	edit_cells(fdt, "/pl011@9000000", "reg", 2, 0, 0x9000000);
	check_error(fdt,
		    "DTB /pl011@9000000: reg has 8 bytes, not a whole number of 16-byte entries "
		    "(#address-cells 2, #size-cells 2 in /)",
		    "UART reg shorter than one entry");

	fdt = edit_load(GICV3);
	check_error_at(fdt, fdt_totalsize(fdt), 0x9000800,
		       "DTB /pl011@9000000: UART 0x9000000+0x1000 overlaps the DTB itself",
		       "a UART on the DTB (outside RAM)");

	fdt = edit_load(GICV3);
	edit_cells(fdt, "/pl011@9000000", "reg", 4, 0, 0x8008000, 0, 0x1000);
	check_error(fdt,
		    "DTB /intc@8000000: GICD 0x8000000+0x10000 overlaps the UART of /pl011@9000000",
		    "a UART inside the GIC distributor");

	fdt = edit_load(GICV3);
	edit_delnode(fdt, "/pl011@9000000");
	check_error(fdt, "DTB: /chosen stdout-path \"/pl011@9000000\" names no node",
		    "stdout-path names a deleted node");

	fdt = edit_load(GICV3);
	edit_delnode(fdt, "/pl011@9000000");
	edit_del(fdt, "/chosen", "stdout-path");
	check_error(fdt, "DTB: no usable UART (an enabled arm,pl011, ns16550a or ns16550 node)",
		    "no UART at all");

	fdt = edit_load("qemu-7.2-gicv3-secure.dtb");
	edit_del(fdt, "/chosen", "stdout-path");
	edit_delnode(fdt, "/pl011@9000000");
	check_error(fdt, "DTB: no usable UART (an enabled arm,pl011, ns16550a or ns16550 node)",
		    "only a disabled (secure) UART");

	fdt = edit_load(GICV3);
	edit_del(fdt, "/chosen", "stdout-path");
	if (check_ok(fdt, "no stdout-path: the first enabled PL011")) {
		unit_ok(range_is(&plat.uart, 0x09000000, 0x1000), "the first PL011");
	}
	free(fdt);

	fdt = edit_load(GICV3);
	edit_str(fdt, "/chosen", "stdout-path", "/pl031@9010000");
	check_error(fdt,
		    "DTB /pl031@9010000: the console is not a UART hyptap drives (arm,pl011, "
		    "ns16550a or ns16550)",
		    "stdout-path to an RTC");

	fdt = edit_load("qemu-7.2-gicv3-secure.dtb");
	edit_str(fdt, "/chosen", "stdout-path", "/pl011@9040000");
	check_error(fdt, "DTB /pl011@9040000: the console UART is disabled (status)",
		    "stdout-path to the disabled secure UART");

	/* A 16550 with reg-shift: a board's UART described the 8250 way. */
	fdt = edit_load(GICV3);
	edit_addnode(fdt, "/", "serial@9100000");
	edit_str(fdt, "/serial@9100000", "compatible", "ns16550a");
	edit_cells(fdt, "/serial@9100000", "reg", 4, 0, 0x9100000, 0, 0x100);
	edit_cells(fdt, "/serial@9100000", "reg-shift", 1, 2);
	edit_str(fdt, "/chosen", "stdout-path", "/serial@9100000:115200n8");
	if (check_ok(fdt, "stdout-path with options to a 16550")) {
		unit_ok(plat.uart_kind == UART_NS16550 && range_is(&plat.uart, 0x9100000, 0x100) &&
				plat.uart_reg_shift == 2,
			"16550 at 0x9100000, reg-shift 2");
	}
	edit_cells(fdt, "/serial@9100000", "reg-shift", 1, 4);
	check_error(fdt, "DTB /serial@9100000: reg-shift is 4, expected 0 to 3", "reg-shift 4");
}

static void test_chosen(void)
{
	static const char args[] = "hyptap.list\0hyptap.bogus=1";
	static const char split_path[] = "/pl\0"
					 "011@9000000";
	void *fdt;

	fdt = edit_load(GICV3);
	edit_str(fdt, "/chosen", "bootargs", "hyptap.only=guest.exit console=ttyAMA0");
	if (check_ok(fdt, "bootargs")) {
		unit_eq_str(plat.bootargs, "hyptap.only=guest.exit console=ttyAMA0",
			    "bootargs kept in place, whole");
		unit_ok(plat.bootargs > (char *)fdt &&
				plat.bootargs < (char *)fdt + fdt_totalsize(fdt),
			"bootargs point into the DTB");
	}
	free(fdt);

	/* What booti writes (U-Boot 2023.01 boot/fdt_support.c: PLAIN_VERSION, no name). */
	fdt = edit_load(GICV3);
	edit_str(fdt, "/chosen", "u-boot,version", "2023.01+dfsg-2+deb12u3");
	if (check_ok(fdt, "/chosen/u-boot,version")) {
		unit_eq_str(plat.firmware, "U-Boot 2023.01+dfsg-2+deb12u3",
			    "firmware= names U-Boot and its version");
		unit_eq_str(plat.boot, "dt", "a U-Boot boot is a DT boot");
	}
	free(fdt);

	fdt = edit_load(GICV3);
	edit_str(fdt, "/chosen", "hyptap,firmware", "EDK II 1.0");
	edit_str(fdt, "/chosen", "u-boot,version", "2023.01");
	if (check_ok(fdt, "hyptap,firmware and u-boot,version (bootefi from U-Boot)")) {
		unit_eq_str(plat.firmware, "EDK II 1.0", "the EFI entry's firmware= comes first");
	}
	free(fdt);

	fdt = edit_load(GICV3);
	if (check_ok(fdt, "no u-boot,version")) {
		unit_eq_str(plat.firmware, "", "no firmware= without one");
	}
	free(fdt);

	fdt = edit_load(GICV3);
	edit_raw(fdt, "/chosen", "bootargs", args, sizeof(args));
	check_error(fdt, "DTB /chosen: bootargs has a NUL at byte 11 of 27: not one string",
		    "bootargs with a NUL inside (property length vs strlen)");

	fdt = edit_load(GICV3);
	edit_raw(fdt, "/chosen", "bootargs", "hyptap.list", 11);
	check_error(fdt, "DTB /chosen: bootargs is not a NUL-terminated string (11 bytes)",
		    "bootargs without a NUL");

	fdt = edit_load(ALIASES);
	edit_str(fdt, "/chosen", "stdout-path", "serial0:115200n8");
	if (check_ok(fdt, "stdout-path through an alias, with options")) {
		unit_ok(range_is(&plat.uart, 0x09000000, 0x1000), "serial0 is the PL011");
	}
	free(fdt);

	fdt = edit_load(ALIASES);
	edit_str(fdt, "/chosen", "stdout-path", "serial7");
	check_error(fdt, "DTB: /chosen stdout-path \"serial7\" is neither a path nor an alias",
		    "stdout-path to a missing alias");

	fdt = edit_load(ALIASES);
	edit_str(fdt, "/aliases", "serial0", "serial1");
	edit_str(fdt, "/aliases", "serial1", "serial0");
	edit_str(fdt, "/chosen", "stdout-path", "serial0");
	check_error(fdt, "DTB /aliases: serial0 is \"serial1\", not a full path",
		    "circular aliases (libfdt 1.6.1 would recurse until the stack overflows)");

	fdt = edit_load(ALIASES);
	edit_raw(fdt, "/aliases", "serial0", "/pl011@9000000", 14);
	edit_str(fdt, "/chosen", "stdout-path", "serial0");
	check_error(fdt, "DTB /aliases: serial0 is not a NUL-terminated string (14 bytes)",
		    "an alias without its NUL");

	fdt = edit_load(ALIASES);
	edit_str(fdt, "/chosen", "stdout-path", "serial0/x");
	check_error(fdt,
		    "DTB: /chosen stdout-path \"serial0/x\": an alias with a sub-path is not "
		    "supported",
		    "alias with a sub-path");

	fdt = edit_load(GICV3);
	edit_str(fdt, "/chosen", "stdout-path", ":115200");
	check_error(fdt, "DTB: /chosen stdout-path is empty", "stdout-path of options only");

	fdt = edit_load(GICV3);
	edit_raw(fdt, "/chosen", "stdout-path", split_path, sizeof(split_path));
	check_error(fdt, "DTB /chosen: stdout-path has a NUL at byte 3 of 16: not one string",
		    "stdout-path with a NUL inside");

	fdt = edit_load(GICV3);
	edit_str(fdt, "/chosen", "stdout-path", "/pl011@9000000\n\033[2J");
	check_error(fdt, "DTB: /chosen stdout-path \"/pl011@9000000??[2J\" names no node",
		    "control characters in a message become '?' (one TAP line)");

	fdt = edit_load(GICV3);
	edit_dupprop(fdt, "/chosen", "stdout-path");
	check_error(fdt, "DTB /chosen: property stdout-path appears twice", "two stdout-paths");

	fdt = edit_load(GICV3);
	edit_dupnode(fdt, "/chosen");
	check_error(fdt, "DTB /chosen: two nodes have this path", "two /chosen nodes");

	fdt = edit_load(GICV3);
	edit_dupnode(fdt, "/pl011@9000000");
	check_error(fdt, "DTB /pl011@9000000: two nodes have this path",
		    "two nodes on the stdout-path");

	fdt = edit_load(GICV3);
	edit_raw(fdt, "/", "model", "linux,\tdummy\x80", 14);
	if (check_ok(fdt, "model with a tab and a non-ASCII byte")) {
		unit_eq_str(plat.model, "linux,?dummy?", "model printable");
	}
	free(fdt);

	fdt = edit_load(GICV3);
	edit_cells(fdt, "/", "model", 1, 0x41424344);
	check_error(fdt, "DTB /: model is not a NUL-terminated string (4 bytes)",
		    "model not a string");
}

static void test_gic(void)
{
	void *fdt;

	fdt = edit_load(GICV3);
	edit_delnode(fdt, "/intc@8000000");
	check_error(fdt,
		    "DTB: no GIC (an enabled arm,gic-v3, arm,cortex-a15-gic, arm,gic-400 or "
		    "arm,cortex-a9-gic node)",
		    "no GIC");

	/* fdt_add_subnode() puts a new node before its siblings: it is found first. */
	fdt = edit_load(GICV3);
	edit_addnode(fdt, "/", "intc@2c000000");
	edit_str(fdt, "/intc@2c000000", "compatible", "arm,gic-400");
	check_error(fdt, "DTB /intc@8000000: a second GIC (the first is /intc@2c000000)",
		    "two GICs");

	fdt = edit_load(GICV3);
	edit_cells(fdt, "/intc@8000000", "reg", 4, 0, 0x8000000, 0, 0x10000);
	check_error(fdt,
		    "DTB /intc@8000000: reg has 1 entry, GICv3 with 1 redistributor region needs 2",
		    "GICv3 reg without redistributors");

	fdt = edit_load(GICV3);
	edit_cells(fdt, "/intc@8000000", "#redistributor-regions", 1, 2);
	check_error(fdt,
		    "DTB /intc@8000000: reg has 2 entries, GICv3 with 2 redistributor regions "
		    "needs 3",
		    "more redistributor regions than reg entries");

	fdt = edit_load(GICV3);
	edit_cells(fdt, "/intc@8000000", "#redistributor-regions", 1, 0);
	check_error(fdt, "DTB /intc@8000000: #redistributor-regions is 0, hyptap reads 1 to 4",
		    "#redistributor-regions 0");

	fdt = edit_load(GICV3);
	edit_cells(fdt, "/intc@8000000", "reg", 8, 0, 0x8000000, 0, 0x10000, 0, 0x80a0000, 0,
		   0x10000);
	check_error(fdt,
		    "DTB /intc@8000000: GICR (reg entry 1) is 0x10000 bytes, at least 0x20000 "
		    "needed",
		    "redistributor region smaller than one redistributor");

	fdt = edit_load(GICV3);
	edit_cells(fdt, "/intc@8000000", "reg", 8, 0, 0x8000000, 0, 0x10000, 0, 0x5ff00000, 0,
		   0x200000);
	check_error(fdt,
		    "DTB /intc@8000000: GICR 0x5ff00000+0x200000 lies in RAM (/memory@40000000)",
		    "redistributors in RAM");

	fdt = edit_load(GICV3);
	edit_cells(fdt, "/intc@8000000", "reg", 8, 0, 0x8000000, 0, 0x10000, 0, 0x8008000, 0,
		   0x20000);
	check_error(fdt,
		    "DTB /intc@8000000: GICR 0x8008000+0x20000 overlaps the GICD of /intc@8000000",
		    "redistributors overlapping the distributor");

	fdt = edit_load(GICV3);
	edit_cells(fdt, "/intc@8000000", "#interrupt-cells", 1, 4);
	check_error(fdt,
		    "DTB /intc@8000000: #interrupt-cells is 4, hyptap reads 3-cell GIC interrupt "
		    "specifiers",
		    "#interrupt-cells 4");

	fdt = edit_load(GICV2);
	edit_cells(fdt, "/intc@8000000", "reg", 4, 0, 0x8000000, 0, 0x10000);
	check_error(fdt, "DTB /intc@8000000: reg has 1 entry, GICv2 needs 2 (GICD, GICC)",
		    "GICv2 without a CPU interface");

	fdt = edit_load(GICV2);
	edit_cells(fdt, "/intc@8000000", "reg", 8, 0, 0x8000000, 0, 0x800, 0, 0x8010000, 0,
		   0x10000);
	check_error(fdt,
		    "DTB /intc@8000000: GICD (reg entry 0) is 0x800 bytes, at least 0x1000 needed",
		    "GICv2 distributor too small");

	fdt = edit_load(GICV2);
	edit_str(fdt, "/intc@8000000", "status", "disabled");
	check_error(fdt,
		    "DTB: no GIC (an enabled arm,gic-v3, arm,cortex-a15-gic, arm,gic-400 or "
		    "arm,cortex-a9-gic node)",
		    "a disabled GIC is none");
}

static void test_timer(void)
{
	void *fdt;

	fdt = edit_load(GICV3);
	edit_delnode(fdt, "/timer");
	if (check_ok(fdt, "no timer node: SBSA INTIDs")) {
		unit_ok(plat.timer_intid_sec_phys == 29 && plat.timer_intid_phys == 30 &&
				plat.timer_intid_virt == 27 && plat.timer_intid_hyp == 26,
			"SBSA INTIDs 29 30 27 26");
	}
	free(fdt);

	fdt = edit_load(GICV3);
	edit_cells(fdt, "/timer", "interrupts", 11, 1, 13, 4, 1, 14, 4, 1, 11, 4, 1, 10);
	check_error(
		fdt,
		"DTB /timer: interrupts has 44 bytes, expected 4 or 5 GIC specifiers of 3 cells "
		"(48 or 60 bytes)",
		"timer interrupts one cell short");

	fdt = edit_load(GICV3);
	edit_cells(fdt, "/timer", "interrupts", 9, 1, 13, 4, 1, 14, 4, 1, 11, 4);
	check_error(
		fdt,
		"DTB /timer: interrupts has 36 bytes, expected 4 or 5 GIC specifiers of 3 cells "
		"(48 or 60 bytes)",
		"three timer interrupts");

	fdt = edit_load(GICV3);
	edit_cells(fdt, "/timer", "interrupts", 12, 1, 13, 4, 1, 14, 4, 1, 11, 4, 0, 10, 4);
	check_error(fdt,
		    "DTB /timer: interrupt 3 (hypervisor physical timer) <0 10 0x4> is not a PPI "
		    "(<1 0..15 flags>)",
		    "hypervisor timer as an SPI");

	fdt = edit_load(GICV3);
	edit_cells(fdt, "/timer", "interrupts", 12, 1, 13, 4, 1, 16, 4, 1, 11, 4, 1, 10, 4);
	check_error(fdt,
		    "DTB /timer: interrupt 1 (non-secure physical timer) <1 16 0x4> is not a PPI "
		    "(<1 0..15 flags>)",
		    "PPI number 16");

	fdt = edit_load(GICV3);
	edit_cells(fdt, "/timer", "interrupts", 12, 1, 1, 4, 1, 2, 4, 1, 3, 4, 1, 4, 4);
	if (check_ok(fdt, "other timer PPIs")) {
		unit_ok(plat.timer_intid_sec_phys == 17 && plat.timer_intid_phys == 18 &&
				plat.timer_intid_virt == 19 && plat.timer_intid_hyp == 20,
			"INTIDs are 16 + the PPI numbers");
	}
	free(fdt);

	fdt = edit_load(GICV3);
	edit_del(fdt, "/timer", "interrupts");
	check_error(fdt, "DTB /timer: no interrupts", "timer without interrupts");

	fdt = edit_load(GICV3);
	edit_addnode(fdt, "/", "timer2");
	edit_str(fdt, "/timer2", "compatible", "arm,armv8-timer");
	check_error(fdt, "DTB /timer: a second arm,armv8-timer (the first is /timer2)",
		    "two timers");
}

static void test_psci(void)
{
	void *fdt;

	fdt = edit_load(GICV3);
	edit_str(fdt, "/psci", "method", "hvc");
	if (check_ok(fdt, "PSCI over HVC")) {
		unit_ok(plat.psci == PSCI_HVC, "conduit HVC");
	}
	free(fdt);

	fdt = edit_load(GICV3);
	edit_str(fdt, "/psci", "method", "svc");
	check_error(fdt, "DTB /psci: method is \"svc\", expected smc or hvc", "PSCI method svc");

	fdt = edit_load(GICV3);
	edit_del(fdt, "/psci", "method");
	check_error(fdt, "DTB /psci: no method (smc or hvc)", "PSCI without a method");

	fdt = edit_load(GICV3);
	edit_delnode(fdt, "/psci");
	if (check_ok(fdt, "no PSCI node")) {
		unit_ok(plat.psci == PSCI_NONE, "conduit none");
	}
	free(fdt);
}

/*
 * /cpus. QEMU's virt gives CPU n the MPIDR affinity Aff1 = n / 16, Aff0 = n % 16 with GICv3
 * (8 with GICv2; hw/arm/virt.c virt_cpu_mp_affinity()), reg = that affinity, and enable-method
 * "psci" to every CPU when there are several.
 */
static void test_cpus(void)
{
	bool all;
	void *fdt;

	fdt = edit_load(SMP8);
	if (check_ok(fdt, "QEMU 7.2 GICv2 -smp 8")) {
		all = plat.cpu_count == 8 && !plat.cpus_left_off;
		for (unsigned i = 0; all && i < 8; i++) {
			all = plat.cpus[i].mpidr == i && plat.cpus[i].method == CPU_ENABLE_PSCI &&
			      !plat.cpus[i].release_addr;
		}
		unit_ok(all, "8 CPUs, MPIDR 0..7 in DTB order, enable-method psci");
	}
	free(fdt);

	fdt = edit_load(SMP20);
	if (check_ok(fdt, "QEMU 10.0 GICv3 -smp 20")) {
		all = plat.cpu_count == 20 && !plat.cpus_left_off;
		for (unsigned i = 0; all && i < 20; i++) {
			all = plat.cpus[i].mpidr == (i / 16 << 8 | i % 16) &&
			      plat.cpus[i].method == CPU_ENABLE_PSCI;
		}
		unit_ok(all, "20 CPUs: MPIDR 0x0..0xf, then 0x100..0x103 (the second cluster)");
		unit_ok(platform_cpu_find(&plat, 0x80000103) == 19,
			"platform_cpu_find: MPIDR_EL1 0x80000103 (RES1 bit 31) is CPU 19");
		unit_ok(platform_cpu_find(&plat, 0x80000000) == 0, "MPIDR_EL1 0x80000000 is CPU 0");
		unit_ok(platform_cpu_find(&plat, 0x104) == -1 &&
				platform_cpu_find(&plat, 0x10) == -1,
			"0x104 and 0x10 are no CPU");
	}
	free(fdt);

	fdt = edit_load(GICV3);
	edit_delnode(fdt, "/cpus");
	if (check_ok(fdt, "no /cpus")) {
		unit_ok(plat.cpu_count == 0 && !plat.cpus_left_off, "no CPUs: the boot CPU alone");
		unit_ok(platform_cpu_find(&plat, 0) == -1, "platform_cpu_find finds none");
	}
	free(fdt);

	fdt = edit_load(GICV3);
	edit_delnode(fdt, "/cpus/cpu@0");
	if (check_ok(fdt, "/cpus without a CPU node")) {
		unit_ok(plat.cpu_count == 0, "no CPUs");
	}
	free(fdt);

	fdt = edit_load(SMP8);
	edit_str(fdt, "/cpus/cpu@2", "status", "disabled");
	edit_str(fdt, "/cpus/cpu@3", "status", "okay");
	edit_str(fdt, "/cpus/cpu@4", "status", "ok");
	edit_str(fdt, "/cpus/cpu@5", "device_type", "cache");
	if (check_ok(fdt, "a disabled CPU, okay, ok, and a node of another device_type")) {
		unit_ok(plat.cpu_count == 6 && plat.cpus[1].mpidr == 1 && plat.cpus[2].mpidr == 3 &&
				plat.cpus[3].mpidr == 4 && plat.cpus[4].mpidr == 6,
			"CPUs 0 1 3 4 6 7: disabled and non-cpu nodes are skipped");
	}
	free(fdt);

	fdt = edit_load(GICV3);
	edit_cells(fdt, "/cpus", "#address-cells", 1, 2);
	edit_cells(fdt, "/cpus/cpu@0", "reg", 2, 0x12, 0x345678);
	if (check_ok(fdt, "#address-cells 2: Aff3 in the first cell")) {
		unit_ok(plat.cpus[0].mpidr == 0x1200345678ull, "MPIDR 0x1200345678");
	}
	free(fdt);

	fdt = edit_load(GICV3);
	edit_cells(fdt, "/cpus", "#address-cells", 1, 3);
	check_error(
		fdt,
		"DTB /cpus: #address-cells is 3, hyptap reads 1 or 2 (a CPU's reg is its MPIDR)",
		"/cpus #address-cells 3");

	fdt = edit_load(GICV3);
	edit_cells(fdt, "/cpus", "#address-cells", 1, 0);
	check_error(
		fdt,
		"DTB /cpus: #address-cells is 0, hyptap reads 1 or 2 (a CPU's reg is its MPIDR)",
		"/cpus #address-cells 0");

	fdt = edit_load(GICV3);
	edit_cells(fdt, "/cpus", "#address-cells", 2, 0, 1);
	check_error(fdt, "DTB /cpus: #address-cells has 8 bytes, expected one 32-bit cell",
		    "/cpus #address-cells of two cells");

	fdt = edit_load(GICV3);
	edit_del(fdt, "/cpus", "#address-cells");
	check_error(fdt,
		    "DTB /cpus/cpu@0: reg has 4 bytes, expected one MPIDR of 8 (#address-cells 2 "
		    "in /cpus)",
		    "no #address-cells: the DTSpec default 2");

	fdt = edit_load(GICV3);
	edit_cells(fdt, "/cpus", "#size-cells", 1, 1);
	check_error(fdt, "DTB /cpus: #size-cells is 1, expected 0 (a CPU's reg has no size)",
		    "/cpus #size-cells 1");

	fdt = edit_load(GICV3);
	edit_cells(fdt, "/cpus/cpu@0", "reg", 2, 0, 0);
	check_error(fdt,
		    "DTB /cpus/cpu@0: reg has 8 bytes, expected one MPIDR of 4 (#address-cells 1 "
		    "in /cpus)",
		    "a CPU reg of two cells under #address-cells 1");

	fdt = edit_load(GICV3);
	edit_del(fdt, "/cpus/cpu@0", "reg");
	check_error(fdt, "DTB /cpus/cpu@0: no reg (the CPU's MPIDR affinity)", "a CPU without reg");

	fdt = edit_load(GICV3);
	edit_cells(fdt, "/cpus/cpu@0", "reg", 1, 0x1000000);
	check_error(fdt,
		    "DTB /cpus/cpu@0: reg 0x1000000 is not an MPIDR affinity (bits 0x1000000 "
		    "outside Aff3 [39:32] and Aff2..Aff0 [23:0])",
		    "reg with MPIDR_EL1.MT (bit 24)");

	fdt = edit_load(GICV3);
	edit_cells(fdt, "/cpus/cpu@0", "reg", 1, 0x80000000);
	check_error(fdt,
		    "DTB /cpus/cpu@0: reg 0x80000000 is not an MPIDR affinity (bits 0x80000000 "
		    "outside Aff3 [39:32] and Aff2..Aff0 [23:0])",
		    "reg with MPIDR_EL1 bit 31 (RES1 in the register, not in a DTB)");

	fdt = edit_load(GICV3);
	edit_cells(fdt, "/cpus", "#address-cells", 1, 2);
	edit_cells(fdt, "/cpus/cpu@0", "reg", 2, 0x100, 0);
	check_error(fdt,
		    "DTB /cpus/cpu@0: reg 0x10000000000 is not an MPIDR affinity (bits "
		    "0x10000000000 outside Aff3 [39:32] and Aff2..Aff0 [23:0])",
		    "reg with bit 40 set");

	fdt = edit_load(SMP8);
	edit_cells(fdt, "/cpus/cpu@3", "reg", 1, 1);
	check_error(fdt, "DTB /cpus/cpu@3: reg 0x1 is also the MPIDR of /cpus/cpu@1",
		    "two CPUs with one MPIDR");

	fdt = edit_load(GICV3);
	edit_dupnode(fdt, "/cpus/cpu@0");
	check_error(fdt, "DTB /cpus/cpu@0: two nodes have this path", "two CPU nodes on one path");

	fdt = edit_load(GICV3);
	edit_dupnode(fdt, "/cpus");
	check_error(fdt, "DTB /cpus: two nodes have this path", "two /cpus nodes");

	fdt = edit_load(GICV3);
	edit_raw(fdt, "/cpus/cpu@0", "device_type", "cpu", 3);
	check_error(fdt, "DTB /cpus/cpu@0: device_type is not a NUL-terminated string (3 bytes)",
		    "a CPU's device_type without its NUL");

	fdt = edit_load(GICV3);
	edit_str(fdt, "/cpus/cpu@0", "enable-method", "spin-table");
	edit_cells(fdt, "/cpus/cpu@0", "cpu-release-addr", 2, 0x1, 0x8000fff8);
	if (check_ok(fdt, "enable-method spin-table")) {
		unit_ok(plat.cpus[0].method == CPU_ENABLE_SPIN_TABLE &&
				plat.cpus[0].release_addr == 0x18000fff8ull,
			"spin-table, cpu-release-addr 0x18000fff8 (64 bits)");
	}
	edit_del(fdt, "/cpus/cpu@0", "cpu-release-addr");
	check_error(fdt,
		    "DTB /cpus/cpu@0: enable-method is spin-table but there is no "
		    "cpu-release-addr",
		    "spin-table without cpu-release-addr");

	fdt = edit_load(GICV3);
	edit_str(fdt, "/cpus/cpu@0", "enable-method", "spin-table");
	edit_cells(fdt, "/cpus/cpu@0", "cpu-release-addr", 1, 0x8000fff8);
	check_error(
		fdt,
		"DTB /cpus/cpu@0: cpu-release-addr has 4 bytes, expected 8 (one 64-bit address)",
		"a 32-bit cpu-release-addr");

	fdt = edit_load(GICV3);
	edit_str(fdt, "/cpus/cpu@0", "enable-method", "brcm,bcm2836-smp");
	edit_cells(fdt, "/cpus/cpu@0", "cpu-release-addr", 1, 0x8000fff8);
	if (check_ok(fdt, "another enable-method")) {
		unit_ok(plat.cpus[0].method == CPU_ENABLE_OTHER && !plat.cpus[0].release_addr,
			"other; cpu-release-addr is only read for spin-table");
	}
	free(fdt);

	fdt = edit_load(GICV3);
	edit_cells(fdt, "/cpus/cpu@0", "enable-method", 1, 0x70736369);
	check_error(fdt, "DTB /cpus/cpu@0: enable-method is not a NUL-terminated string (4 bytes)",
		    "enable-method not a string");

	/* fdt_add_subnode() puts each new node first: DTB order is cpu@45 (69) down to cpu@1,
	 * then QEMU's cpu-map and cpu@0. */
	fdt = edit_load(GICV3);
	for (unsigned i = 1; i < 70; i++) {
		char name[32];

		snprintf(name, sizeof(name), "cpu@%x", i);
		edit_addnode(fdt, "/cpus", name);
		snprintf(name, sizeof(name), "/cpus/cpu@%x", i);
		edit_str(fdt, name, "device_type", "cpu");
		edit_cells(fdt, name, "reg", 1, i);
	}
	if (check_ok(fdt, "70 CPUs")) {
		unit_ok(plat.cpu_count == PLATFORM_MAX_CPUS && plat.cpus_left_off == 6 &&
				plat.cpus[0].mpidr == 69 && plat.cpus[63].mpidr == 6,
			"the first 64 in DTB order kept (MPIDR 69..6), 6 left off");
	}
	edit_cells(fdt, "/cpus/cpu@0", "reg", 1, 7);
	check_error(fdt, "DTB /cpus/cpu@0: reg 0x7 is also the MPIDR of /cpus/cpu@7",
		    "a CPU left off is still checked against those kept");
}

/* Where the DTB lies, reservations and the page arena. */
static void test_layout(void)
{
	char msg[256];
	void *fdt;
	uint32_t total;

	fdt = packed(GICV3);
	total = fdt_totalsize(fdt);
	snprintf(msg, sizeof(msg),
		 "DTB: the DTB 0x40300000+0x%x overlaps the image 0x40200000+0x200000", total);
	check_error_at(fdt, total, 0x40300000, msg, "the DTB on the image");

	fdt = packed(GICV3);
	snprintf(msg, sizeof(msg),
		 "DTB /memory@40000000: the DTB 0x5ffff000+0x%x runs past the end of this RAM",
		 total);
	check_error_at(fdt, total, 0x5ffff000, msg, "the DTB across the end of RAM");

	fdt = packed(GICV3);
	if (unit_ok(parse_at(fdt, total, 0x1000) == 0, "the DTB in flash, outside RAM")) {
		unit_ok(range_is(&plat.arena, 0x40400000, 0x1fc00000),
			"arena: all RAM above the image");
	} else {
		unit_diag("error: %s", err);
	}
	free(fdt);

	/* A DTB just above the image (U-Boot's fdt_addr_r often is): the piece above it wins. */
	fdt = packed(GICV3);
	if (unit_ok(parse_at(fdt, total, 0x40400000) == 0, "the DTB right above the image")) {
		unit_ok(range_is(&plat.arena, 0x40600000, 0x1fa00000),
			"arena from the 2 MiB boundary after the DTB");
	} else {
		unit_diag("error: %s", err);
	}
	free(fdt);

	fdt = edit_load(GICV3);
	edit_addnode(fdt, "/", "reserved-memory");
	edit_cells(fdt, "/reserved-memory", "#address-cells", 1, 2);
	edit_cells(fdt, "/reserved-memory", "#size-cells", 1, 2);
	edit_raw(fdt, "/reserved-memory", "ranges", NULL, 0);
	edit_addnode(fdt, "/reserved-memory", "fw@48200000");
	edit_cells(fdt, "/reserved-memory/fw@48200000", "reg", 4, 0, 0x48200000, 0, 0x100000);
	edit_addnode(fdt, "/reserved-memory", "dyn");
	edit_cells(fdt, "/reserved-memory/dyn", "size", 2, 0, 0x1000000);
	if (check_ok(fdt, "/reserved-memory with a static and a dynamic region")) {
		unit_ok(range_is(&plat.arena, 0x48400000, 0x17c00000),
			"arena above the reserved firmware");
	}
	edit_cells(fdt, "/reserved-memory/fw@48200000", "reg", 4, 0, 0x40300000, 0, 0x1000);
	check_error(fdt,
		    "DTB /reserved-memory/fw@48200000: reserved memory 0x40300000+0x1000 overlaps "
		    "the image 0x40200000+0x200000",
		    "reserved memory on the image");

	fdt = edit_load(GICV3);
	edit_addnode(fdt, "/", "reserved-memory");
	edit_cells(fdt, "/reserved-memory", "#address-cells", 1, 2);
	edit_cells(fdt, "/reserved-memory", "#size-cells", 1, 2);
	edit_addnode(fdt, "/reserved-memory", "fw@48200000");
	edit_cells(fdt, "/reserved-memory/fw@48200000", "reg", 4, 0, 0x48200000, 0, 0x100000);
	check_error(fdt,
		    "DTB /reserved-memory/fw@48200000: not reachable from the CPU: "
		    "/reserved-memory has no ranges",
		    "/reserved-memory without ranges");

	fdt = edit_load(GICV3);
	edit_check(fdt_add_mem_rsv(fdt, 0x40200000, 0x1000), "add_mem_rsv", "", NULL);
	check_error(fdt,
		    "DTB: /memreserve/ entry 0x40200000+0x1000 overlaps the image "
		    "0x40200000+0x200000",
		    "a /memreserve/ on the image");

	fdt = edit_load(GICV3);
	edit_check(fdt_add_mem_rsv(fdt, 0x48000000, 0x18000000), "add_mem_rsv", "", NULL);
	if (check_ok(fdt, "a /memreserve/ over the top of RAM")) {
		unit_ok(range_is(&plat.arena, 0x40400000, 0x7c00000),
			"arena below the reservation");
	}
	free(fdt);

	/* Reservations in no order: below the image, and one splitting the piece above the DTB. */
	fdt = edit_load(GICV3);
	edit_check(fdt_add_mem_rsv(fdt, 0x50000000, 0x1000), "add_mem_rsv", "", NULL);
	edit_check(fdt_add_mem_rsv(fdt, 0x40000000, 0x100000), "add_mem_rsv", "", NULL);
	if (check_ok(fdt, "/memreserve/ entries out of order")) {
		unit_ok(range_is(&plat.arena, 0x50200000, 0xfe00000),
			"arena: the larger piece above the split");
	}
	free(fdt);

	fdt = edit_load(GICV3);
	for (unsigned i = 0; i <= DTB_MAX_MEMRSV; i++) {
		edit_check(fdt_add_mem_rsv(fdt, 0x50000000 + i * 0x1000, 0x1000), "add_mem_rsv", "",
			   NULL);
	}
	check_error(fdt, "DTB: more than 64 memory reservations", "65 /memreserve/ entries");

	fdt = edit_load(GICV3);
	edit_check(fdt_add_mem_rsv(fdt, 0xfffffffffffff000ull, 0x2000), "add_mem_rsv", "", NULL);
	check_error(fdt, "DTB: memory reservation 0: 0xfffffffffffff000 + 0x2000 overflows",
		    "a /memreserve/ entry that wraps");

	fdt = edit_load(GICV3);
	edit_addnode(fdt, "/", "reserved-memory");
	edit_cells(fdt, "/reserved-memory", "#address-cells", 1, 2);
	edit_cells(fdt, "/reserved-memory", "#size-cells", 1, 2);
	edit_raw(fdt, "/reserved-memory", "ranges", NULL, 0);
	for (unsigned i = 0; i <= PLATFORM_MAX_RESERVED; i++) {
		char name[48];

		snprintf(name, sizeof(name), "r@%x", 0x50000000 + i * 0x1000);
		edit_addnode(fdt, "/reserved-memory", name);
		snprintf(name, sizeof(name), "/reserved-memory/r@%x", 0x50000000 + i * 0x1000);
		edit_cells(fdt, name, "reg", 4, 0, 0x50000000 + i * 0x1000, 0, 0x1000);
	}
	/* Holes: the image, the DTB and 64 regions fit; the 65th (added first, so found last,
	 * at 0x50000000) does not. */
	check_error(fdt,
		    "DTB /reserved-memory/r@50000000: more than 64 reserved regions in the "
		    "image's RAM",
		    "65 /reserved-memory regions");

	fdt = edit_load(GICV3);
	edit_cells(fdt, "/memory@40000000", "reg", 4, 0, 0x40000000, 0, 0x800000);
	check_error_at(fdt, fdt_totalsize(fdt), 0x1000,
		       "DTB: no room for the page arena: the largest free piece of "
		       "/memory@40000000 is 0x400000 bytes, 8 MiB needed",
		       "8 MiB of RAM leave too little for the arena");
}

/* A bus with ranges: the Raspberry Pi 4 maps bus 0x7e000000 at CPU 0xfe000000. */
static void test_ranges(void)
{
	void *fdt = edit_load(GICV3);

	edit_addnode(fdt, "/", "soc");
	edit_cells(fdt, "/soc", "#address-cells", 1, 1);
	edit_cells(fdt, "/soc", "#size-cells", 1, 1);
	edit_cells(fdt, "/soc", "ranges", 12, 0x7e000000, 0, 0xfe000000, 0x1800000, 0x7c000000, 0,
		   0xfc000000, 0x2000000, 0x40000000, 0, 0xff800000, 0x800000);
	edit_addnode(fdt, "/soc", "serial@7e201000");
	edit_str(fdt, "/soc/serial@7e201000", "compatible", "arm,pl011");
	edit_cells(fdt, "/soc/serial@7e201000", "reg", 2, 0x7e201000, 0x200);
	edit_str(fdt, "/chosen", "stdout-path", "/soc/serial@7e201000");
	if (check_ok(fdt, "a UART behind a bus's ranges")) {
		unit_ok(range_is(&plat.uart, 0xfe201000, 0x200), "translated to 0xfe201000");
	}

	edit_cells(fdt, "/soc/serial@7e201000", "reg", 2, 0x7dfffe00, 0x400);
	check_error(fdt,
		    "DTB /soc/serial@7e201000: reg 0x7dfffe00+0x400 is outside the ranges of /soc",
		    "a reg across the end of a ranges entry");

	fdt = edit_load(GICV3);
	edit_addnode(fdt, "/", "soc");
	edit_cells(fdt, "/soc", "#address-cells", 1, 1);
	edit_cells(fdt, "/soc", "#size-cells", 1, 1);
	edit_cells(fdt, "/soc", "ranges", 3, 0x7c000000, 0, 0xfc000000);
	edit_addnode(fdt, "/soc", "serial@7e201000");
	edit_str(fdt, "/soc/serial@7e201000", "compatible", "arm,pl011");
	edit_cells(fdt, "/soc/serial@7e201000", "reg", 2, 0x7e201000, 0x200);
	edit_str(fdt, "/chosen", "stdout-path", "/soc/serial@7e201000");
	check_error(fdt,
		    "DTB /soc: ranges has 12 bytes, not a whole number of 16-byte entries with a "
		    "size",
		    "ranges shorter than one entry");

	for (int cells = 4; cells >= 3; cells--) {
		fdt = edit_load(GICV3);
		edit_addnode(fdt, "/", "soc");
		edit_addnode(fdt, "/soc", "serial@7e201000");
		edit_str(fdt, "/soc/serial@7e201000", "compatible", "arm,pl011");
		if (cells == 4) {
			edit_cells(fdt, "/soc/serial@7e201000", "reg", 4, 0, 0x7e201000, 0, 0x200);
		} else {
			edit_cells(fdt, "/soc/serial@7e201000", "reg", 3, 0, 0x7e201000, 0x200);
		}
		edit_str(fdt, "/chosen", "stdout-path", "/soc/serial@7e201000");
		if (cells == 4) {
			check_error(
				fdt,
				"DTB /soc/serial@7e201000: reg has 16 bytes, not a whole number "
				"of 12-byte entries (#address-cells 2, #size-cells 1 in /soc)",
				"a bus without cells: the DTSpec defaults 2 and 1");
		} else {
			check_error(
				fdt,
				"DTB /soc/serial@7e201000: not reachable from the CPU: /soc has "
				"no ranges",
				"a bus without ranges");
		}
	}
}

int main(void)
{
	test_fixtures();
	test_structure();
	test_memory();
	test_uart();
	test_chosen();
	test_gic();
	test_timer();
	test_psci();
	test_cpus();
	test_layout();
	test_ranges();
	return unit_done();
}
