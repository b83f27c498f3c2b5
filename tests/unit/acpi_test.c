/*
 * Host tests of the ACPI parser and the ACPI-to-DTB builder (kernel/acpi.c, acpi_madt.c,
 * acpi_fdt.c) over the tables edk2 publishes on QEMU virt (tests/acpi/, dumped by
 * tests/acpi/dump-qemu-acpi), and a round trip: tables -> acpi_fdt_build() -> platform_parse()
 * gives the platform QEMU's own DTB gives (tests/dtb/), and each corruption of a table gives
 * its exact error.
 *
 * Expected values come from QEMU's virt machine, not from a run: hw/arm/virt.c base_memmap[]
 * (GICD 0x08000000, GICv2 GICC 0x08010000, GICH 0x08030000, GICV 0x08040000, ITS 0x08080000,
 * GICv3 redistributors 0x080a0000+0xf60000, UART 0x09000000), include/hw/arm/virt.h (timer
 * PPIs: secure 13, non-secure 14, virtual 11, EL2 10, EL2 virtual 12; the GIC maintenance
 * interrupt PPI 9), hw/arm/virt-acpi-build.c (GTDT revision 3 with the EL2 virtual timer from
 * QEMU 9.x; PSCI over SMC with virtualization=on; MPIDRs in clusters of 16 for GICv3 and 8
 * for GICv2, arm_build_mp_affinity()).
 */
#include <libfdt.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "acpi.h"
#include "acpi_fdt.h"
#include "acpi_fixture.h"
#include "dtb_edit.h"
#include "platform.h"
#include "unit.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define V3	      "qemu-7.2-gicv3"
#define V2	      "qemu-7.2-gicv2"
#define V3_10	      "qemu-10.0-gicv3"
#define SMP20	      "qemu-10.0-gicv3-smp20"
#define DTB_MAX	      (64 * 1024)

static const struct mem_range ram_512m = {0x40000000, 0x20000000}; /* ci/qemu-run's -m 512M */
static struct fixture fx;
static struct acpi_platform ap;
static char err[256];
static uint8_t dtb[DTB_MAX] __attribute__((aligned(8)));
static struct platform plat, from_dtb;

static void fresh(const char *name)
{
	fixture_free(&fx);
	fixture_load(&fx, name);
}

static int parse(void)
{
	memset(err, 'X', sizeof(err) - 1);
	err[sizeof(err) - 1] = '\0';
	return acpi_parse(&fx.mem, fx.rsdp, &ap, err, sizeof(err));
}

/* One test point: the tables as edited fail with exactly @msg. */
static void expect(const char *msg, const char *desc)
{
	int rc = parse();

	if (!unit_ok(rc == -1 && !strcmp(err, msg), "%s", desc)) {
		unit_diag("rc %d\n     got: %s\nexpected: %s", rc, rc ? err : "(success)", msg);
	}
}

/* The tables as edited parse; false (and a diagnostic) if not. */
static bool parses(const char *desc)
{
	int rc = parse();

	if (!unit_ok(rc == 0, "%s", desc)) {
		unit_diag("error: %s", err);
		return false;
	}
	return true;
}

/* Tables -> DTB -> platform_parse(), with 512 MiB of RAM at 0x40000000. */
static bool round_trip(const char *desc)
{
	int rc = acpi_fdt_build_from(&fx.mem, fx.rsdp, &ram_512m, 1, dtb, sizeof(dtb), err,
				     sizeof(err));

	if (!rc) {
		rc = edit_parse_at(dtb, fdt_totalsize(dtb), EDIT_DTB_PA, &plat, err, sizeof(err));
	}
	if (!unit_ok(rc == 0, "%s: tables -> acpi_fdt_build -> platform_parse", desc)) {
		unit_diag("error: %s", err);
		return false;
	}
	return true;
}

static bool range_is(const struct mem_range *r, uint64_t base, uint64_t size)
{
	return r->base == base && r->size == size;
}

static void load_dtb(const char *name, struct platform *p)
{
	void *fdt = edit_load(name);

	if (edit_parse_at(fdt, fdt_totalsize(fdt), EDIT_DTB_PA, p, err, sizeof(err))) {
		edit_die("%s: %s", name, err);
	}
	free(fdt);
}

/* What the ACPI platform and QEMU's own DTB for the same machine must agree on: everything
 * but the CPUs (the DTB fixtures are -smp 1) and the GICv2 frame sizes, which ACPI does not
 * give (the DTB says 64 KiB each, the builder the architected 4 KiB GICD, 8 KiB GICC and GICV,
 * 4 KiB GICH). */
static void same_as_dtb(const char *acpi, const char *dtb_name)
{
	const struct platform *a = &plat, *d = &from_dtb;
	bool gic;

	load_dtb(dtb_name, &from_dtb);
	gic = a->gic_version == d->gic_version && a->gicd.base == d->gicd.base &&
	      (a->gic_version == 2 || a->gicd.size == d->gicd.size) &&
	      a->gicr_count == d->gicr_count &&
	      range_is(&a->gicr[0], d->gicr[0].base, d->gicr[0].size) &&
	      range_is(&a->gits, d->gits.base, d->gits.size) && a->gicc.base == d->gicc.base &&
	      a->gich.base == d->gich.base && a->gicv.base == d->gicv.base &&
	      a->gic_maint_intid == d->gic_maint_intid;
	unit_ok(gic, "%s: the GIC is the one of %s", acpi, dtb_name);
	unit_ok(a->timer_intid_sec_phys == d->timer_intid_sec_phys &&
			a->timer_intid_phys == d->timer_intid_phys &&
			a->timer_intid_virt == d->timer_intid_virt &&
			a->timer_intid_hyp == d->timer_intid_hyp,
		"%s: the timer PPIs are those of %s", acpi, dtb_name);
	unit_ok(a->uart_kind == d->uart_kind && a->uart.base == d->uart.base &&
			a->uart.size == d->uart.size,
		"%s: the console UART is the one of %s", acpi, dtb_name);
	unit_ok(a->psci == d->psci, "%s: the PSCI conduit is the one of %s", acpi, dtb_name);
	unit_ok(a->mem_count == 1 && range_is(&a->mem[0], ram_512m.base, ram_512m.size) &&
			range_is(&a->arena, d->arena.base, d->arena.size),
		"%s: RAM and the page arena are those of %s", acpi, dtb_name);
}

static void test_qemu_tables(void)
{
	static const struct {
		const char *acpi, *dtb;
		unsigned gic, cpus;
		bool el2_virt;
	} cases[] = {
		{"qemu-7.2-gicv2", "qemu-7.2-gicv2.dtb", 2, 2, false},
		{"qemu-7.2-gicv3", "qemu-7.2-gicv3.dtb", 3, 2, false},
		{"qemu-10.0-gicv2", "qemu-10.0-gicv2.dtb", 2, 2, true},
		{"qemu-10.0-gicv3", "qemu-10.0-gicv3.dtb", 3, 2, true},
		{"qemu-10.0-gicv3-smp20", "qemu-10.0-gicv3.dtb", 3, 20, true},
	};

	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		const char *n = cases[i].acpi;
		bool v3 = cases[i].gic == 3, mpidr_ok = true;

		fresh(n);
		if (!parses(n)) {
			continue;
		}
		unit_ok(!strcmp(ap.oem_id, "BOCHS") && !strcmp(ap.oem_table_id, "BXPC"),
			"%s: XSDT OEM BOCHS BXPC (got \"%s\" \"%s\")", n, ap.oem_id,
			ap.oem_table_id);
		unit_ok(ap.gic_version == cases[i].gic && ap.gicd == 0x08000000,
			"%s: MADT GICD 0x08000000, GICv%u", n, cases[i].gic);
		if (v3) {
			unit_ok(ap.gicr_count == 1 && range_is(&ap.gicr[0], 0x080a0000, 0xf60000) &&
					ap.its_count == 1 && ap.its[0] == 0x08080000 && !ap.gicc,
				"%s: MADT GICR 0x080a0000+0xf60000, ITS 0x08080000", n);
		} else {
			unit_ok(ap.gicc == 0x08010000 && ap.gich == 0x08030000 &&
					ap.gicv == 0x08040000 && !ap.gicr_count && !ap.its_count,
				"%s: MADT GICC 0x08010000, GICH 0x08030000, GICV 0x08040000", n);
		}
		unit_ok(ap.maint_gsiv == 25 && !ap.maint_edge,
			"%s: VGIC maintenance interrupt GSIV 25 (PPI 9), level", n);
		unit_ok(ap.timer[ACPI_TIMER_SEC_EL1].gsiv == 29 &&
				ap.timer[ACPI_TIMER_NS_EL1].gsiv == 30 &&
				ap.timer[ACPI_TIMER_VIRT_EL1].gsiv == 27 &&
				ap.timer[ACPI_TIMER_NS_EL2].gsiv == 26 &&
				ap.timer[ACPI_TIMER_VIRT_EL2].gsiv == (cases[i].el2_virt ? 28 : 0),
			"%s: GTDT GSIVs 29 30 27 26%s", n, cases[i].el2_virt ? " 28" : "");
		unit_ok(ap.uart_kind == UART_PL011 && ap.uart_base == 0x09000000 &&
				ap.spcr_type == 3,
			"%s: SPCR PL011 (interface type 3) at 0x09000000", n);
		unit_ok(ap.psci && !ap.psci_hvc, "%s: FADT PSCI_COMPLIANT, over SMC", n);
		for (unsigned c = 0; c < ap.cpu_count; c++) {
			unsigned per = v3 ? 16 : 8;

			mpidr_ok &= ap.cpus[c] == ((uint64_t)(c / per) << 8 | c % per);
		}
		unit_ok(ap.cpu_count == cases[i].cpus && mpidr_ok,
			"%s: %u enabled GICCs, MPIDRs in clusters of %u", n, cases[i].cpus,
			v3 ? 16 : 8);
		if (!round_trip(n)) {
			continue;
		}
		same_as_dtb(n, cases[i].dtb);
		unit_ok(!strcmp(plat.model, "ACPI BOCHS BXPC") && plat.cpu_count == cases[i].cpus &&
				plat.cpus[0].method == CPU_ENABLE_PSCI && plat.psci == PSCI_SMC,
			"%s: the DTB: model \"%s\", %u CPUs with enable-method psci", n, plat.model,
			plat.cpu_count);
	}
	/* The 20 CPUs against QEMU's own -smp 20 DTB: the same MPIDRs in the same order. */
	fresh(SMP20);
	if (round_trip("smp20")) {
		bool same = true;

		load_dtb("qemu-10.0-gicv3-smp20.dtb", &from_dtb);
		for (unsigned c = 0; c < from_dtb.cpu_count; c++) {
			same &= plat.cpus[c].mpidr == from_dtb.cpus[c].mpidr &&
				plat.cpus[c].method == from_dtb.cpus[c].method;
		}
		unit_ok(same && plat.cpu_count == from_dtb.cpu_count,
			"smp20: the CPUs are those of qemu-10.0-gicv3-smp20.dtb (%u)",
			from_dtb.cpu_count);
	}
}

/* The timer node's fifth PPI and the trigger flags the GTDT gives. */
static void test_dtb_details(void)
{
	const fdt32_t *irq;
	int node, len;

	fresh(V3_10);
	if (acpi_fdt_build_from(&fx.mem, fx.rsdp, &ram_512m, 1, dtb, sizeof(dtb), err,
				sizeof(err))) {
		unit_ok(0, "the QEMU 10.0 DTB builds: %s", err);
		return;
	}
	node = fdt_node_offset_by_compatible(dtb, -1, "arm,armv8-timer");
	irq = fdt_getprop(dtb, node, "interrupts", &len);
	unit_ok(irq && len == 60 && fdt32_to_cpu(irq[13]) == 12 && fdt32_to_cpu(irq[14]) == 4,
		"GTDT revision 3: five timer PPIs, the fifth <1 12 4> (EL2 virtual, level high)");
	node = fdt_path_offset(dtb, "/psci");
	unit_ok(node >= 0 && !strcmp(fdt_getprop(dtb, node, "compatible", NULL), "arm,psci-0.2") &&
			!strcmp(fdt_getprop(dtb, node, "method", NULL), "smc"),
		"/psci: arm,psci-0.2, method smc");
	unit_ok(fdt_path_offset(dtb, "/chosen") < 0, "no /chosen: it is the EFI entry's");
	unit_ok(fdt_check_full(dtb, fdt_totalsize(dtb)) == 0, "libfdt's fdt_check_full() agrees");

	/* Edge / active low map to the DT trigger types. */
	fixture_set(&fx, "gtdt", 60, ACPI_GTDT_EDGE | ACPI_GTDT_ACTIVE_LOW, 4);
	fixture_set(&fx, "gtdt", 68, ACPI_GTDT_ACTIVE_LOW, 4);
	fixture_set(&fx, "gtdt", 76, ACPI_GTDT_EDGE, 4);
	acpi_fdt_build_from(&fx.mem, fx.rsdp, &ram_512m, 1, dtb, sizeof(dtb), err, sizeof(err));
	node = fdt_node_offset_by_compatible(dtb, -1, "arm,armv8-timer");
	irq = fdt_getprop(dtb, node, "interrupts", &len);
	unit_ok(irq && fdt32_to_cpu(irq[5]) == 2 && fdt32_to_cpu(irq[8]) == 8 &&
			fdt32_to_cpu(irq[11]) == 1,
		"GTDT flags: edge+active low -> 2, active low -> 8, edge -> 1");

	/* A secure timer GTDT does not describe becomes SBSA's INTID 29; no EL2 virtual timer
	 * (GSIV 0) leaves four PPIs. */
	fixture_set(&fx, "gtdt", 48, 0, 4);
	fixture_set(&fx, "gtdt", 96, 0, 4);
	if (round_trip("secure timer GSIV 0, EL2 virtual GSIV 0")) {
		node = fdt_node_offset_by_compatible(dtb, -1, "arm,armv8-timer");
		fdt_getprop(dtb, node, "interrupts", &len);
		unit_ok(plat.timer_intid_sec_phys == 29 && len == 48,
			"secure timer GSIV 0 -> INTID 29 in the DTB, four PPIs");
	}

	/* Not PSCI-compliant: no /psci, CPUs without an enable-method. HVC: method hvc. */
	fresh(V3);
	fixture_set(&fx, "facp", 129, 0, 2);
	if (round_trip("FADT without PSCI_COMPLIANT")) {
		unit_ok(plat.psci == PSCI_NONE && plat.cpus[1].method == CPU_ENABLE_NONE,
			"no PSCI_COMPLIANT: no /psci, no enable-method");
	}
	fixture_set(&fx, "facp", 129, 3, 2);
	if (round_trip("FADT PSCI_COMPLIANT | PSCI_USE_HVC")) {
		unit_ok(plat.psci == PSCI_HVC, "PSCI_USE_HVC: method hvc");
	}

	/* A disabled GICC is not a CPU; the DTB has the other. */
	fresh(V3);
	fixture_set(&fx, "apic", fixture_madt_entry(&fx, 0x0b, 0) + 12, 0, 4);
	if (round_trip("GICC entry 0 disabled")) {
		unit_ok(plat.cpu_count == 1 && plat.cpus[0].mpidr == 1,
			"a disabled GICC is left out (1 CPU, MPIDR 1)");
	}

	/* A 16550 console: byte registers, or 32-bit ones 4 apart. */
	fixture_set(&fx, "spcr", 36, 0, 1);
	fixture_set(&fx, "spcr", 43, 1, 1);
	if (round_trip("SPCR 16550, byte access")) {
		unit_ok(plat.uart_kind == UART_NS16550 && plat.uart_reg_shift == 0 &&
				range_is(&plat.uart, 0x09000000, 8),
			"SPCR 16550, access size 1: reg-shift 0, 8 bytes");
	}
	fixture_set(&fx, "spcr", 43, 3, 1);
	if (round_trip("SPCR 16550, dword access")) {
		unit_ok(plat.uart_reg_shift == 2 && plat.uart.size == 32,
			"SPCR 16550, access size 3: reg-shift 2, 32 bytes");
	}
	fixture_set(&fx, "spcr", 36, 0x0e, 1);
	if (round_trip("SPCR SBSA generic UART")) {
		unit_ok(plat.uart_kind == UART_PL011, "SPCR SBSA generic UART (0x0e): arm,pl011");
	}
}

/* GICD version 0 ("not given"), and GICv3 redistributors from the GICCs. */
static void test_gic_variants(void)
{
	uint32_t g0, g1, gicr;

	fresh(V3);
	fixture_set(&fx, "apic", fixture_madt_entry(&fx, 0x0c, 0) + 20, 0, 1);
	if (parses("GICD version 0 with a GICR entry")) {
		unit_ok(ap.gic_version == 3, "GICD version 0 with a GICR entry: GICv3");
	}
	fresh(V2);
	fixture_set(&fx, "apic", fixture_madt_entry(&fx, 0x0c, 0) + 20, 0, 1);
	if (parses("GICD version 0, no redistributor")) {
		unit_ok(ap.gic_version == 2, "GICD version 0, no redistributor: GICv2");
	}

	/* No GICR entry: each GICC's GICR base; adjacent ones make one region. */
	fresh(V3);
	gicr = fixture_madt_entry(&fx, 0x0e, 0);
	fixture_madt_remove(&fx, gicr);
	g0 = fixture_madt_entry(&fx, 0x0b, 0);
	g1 = fixture_madt_entry(&fx, 0x0b, 1);
	expect("ACPI MADT: no GICR entry and GICC entry 0 GICR base is 0x0 (GICv3 needs one or the "
	       "other)",
	       "GICv3, no GICR entry and no GICC GICR base");
	fixture_set(&fx, "apic", g0 + 60, 0x080c0000, 8);
	fixture_set(&fx, "apic", g1 + 60, 0x080a0000, 8);
	if (round_trip("GICR from two adjacent GICC GICR bases")) {
		unit_ok(plat.gicr_count == 1 && range_is(&plat.gicr[0], 0x080a0000, 0x40000),
			"two adjacent GICC redistributors: one region 0x080a0000+0x40000");
	}
	fixture_set(&fx, "apic", g1 + 60, 0x08200000, 8);
	if (round_trip("GICR from two separate GICC GICR bases")) {
		unit_ok(plat.gicr_count == 2 && range_is(&plat.gicr[0], 0x080c0000, 0x20000) &&
				range_is(&plat.gicr[1], 0x08200000, 0x20000),
			"two separate GICC redistributors: two regions, lowest first");
	}
	fixture_set(&fx, "apic", fixture_madt_entry(&fx, 0x0c, 0) + 20, 4, 1);
	if (parses("GICv4 GICD")) {
		unit_ok(ap.gic_version == 3 && ap.gicr[0].size == 0x40000,
			"GICD version 4: GICv3 driver, redistributors 4 x 64 KiB");
	}
	fixture_set(&fx, "apic", fixture_madt_entry(&fx, 0x0c, 0) + 20, 3, 1);
	fixture_set(&fx, "apic", g1 + 60, 0x080c0000, 8);
	expect("ACPI MADT: GICC entry 1 GICR base 0x80c0000 is also GICC entry 0's",
	       "two GICCs with one GICR base");
}

/* Every check of the RSDP, the XSDT and the table lookup. */
static void test_rsdp_xsdt(void)
{
	struct fixture_table *x;
	uint64_t rsdp;

	fresh(V3);
	rsdp = fx.rsdp;
	fx.rsdp = 0x1000;
	expect("ACPI RSDP at 0x1000: not readable", "RSDP not readable");
	fx.rsdp = rsdp;
	fixture_put(fixture_table(&fx, "rsdp")->p, 'X', 1);
	expect("ACPI RSDP at 0x5c430018: signature is not \"RSD PTR \"", "RSDP signature");
	fresh(V3);
	fixture_table(&fx, "rsdp")->p[8]++;
	expect("ACPI RSDP: checksum of the first 20 bytes is 0x01, expected 0", "RSDP checksum");
	fresh(V3);
	fixture_set(&fx, "rsdp", 15, 0, 1);
	expect("ACPI RSDP: revision 0 (ACPI 1.0: an RSDT only), hyptap reads the XSDT of ACPI 2.0 "
	       "or later",
	       "RSDP revision 0");
	fixture_set(&fx, "rsdp", 15, 2, 1);
	fixture_set(&fx, "rsdp", 20, 20, 4);
	expect("ACPI RSDP: length 20, expected 36 to 4096", "RSDP length 20");
	fixture_set(&fx, "rsdp", 20, 40, 4);
	expect("ACPI RSDP at 0x5c430018: its 40 bytes are not readable",
	       "RSDP length past the end");
	fresh(V3);
	fixture_table(&fx, "rsdp")->p[32]++;
	expect("ACPI RSDP: extended checksum (36 bytes) is 0x01, expected 0",
	       "RSDP extended checksum");
	fresh(V3);
	fixture_set(&fx, "rsdp", 24, 0, 8);
	expect("ACPI RSDP: XSDT address is 0", "XSDT address 0");
	fixture_set(&fx, "rsdp", 24, 0x1000, 8);
	expect("ACPI XSDT at 0x1000: header not readable", "XSDT not readable");

	fresh(V3);
	x = fixture_table(&fx, "xsdt");
	fixture_set(&fx, "xsdt", 0, 'R', 1);
	expect("ACPI XSDT at 0x5c43fe98: signature is \"RSDT\", expected \"XSDT\"",
	       "XSDT signature");
	fresh(V3);
	x = fixture_table(&fx, "xsdt");
	fixture_set(&fx, "xsdt", 4, 35, 4);
	expect("ACPI XSDT: length 35, expected 36 to 1048576", "XSDT length 35");
	fixture_set(&fx, "xsdt", 4, 0x200000, 4);
	expect("ACPI XSDT: length 2097152, expected 36 to 1048576", "XSDT length 2 MiB");
	fixture_set(&fx, "xsdt", 4, x->len + 8, 4);
	expect("ACPI XSDT at 0x5c43fe98: its 108 bytes are not readable", "XSDT past its bytes");
	fixture_set_len(&fx, "xsdt", x->len - 4);
	expect("ACPI XSDT: length 96 is not a header and whole 8-byte entries", "XSDT length 96");
	fresh(V3);
	fixture_table(&fx, "xsdt")->p[40]++;
	expect("ACPI XSDT: checksum of its 100 bytes is 0x01, expected 0", "XSDT checksum");
	fresh(V3);
	fixture_set(&fx, "xsdt", 36 + 8 * 2, 0, 8);
	expect("ACPI XSDT: entry 2 is address 0", "XSDT entry 0");
	fixture_set(&fx, "xsdt", 36 + 8 * 2, 0x2000, 8);
	expect("ACPI XSDT: entry 2 at 0x2000: header not readable", "XSDT entry unreadable");
	fresh(V3);
	fixture_set(&fx, "xsdt", 36 + 8 * 2, fixture_table(&fx, "apic")->pa, 8);
	expect("ACPI XSDT: entry 2 is a second MADT", "a second MADT");

	/* Each table hyptap needs, missing: its signature changed. */
	static const struct {
		const char *sig, *msg;
	} missing[] = {
		{"facp", "ACPI XSDT: no FADT (signature \"FACP\") among its 8 entries"},
		{"apic", "ACPI XSDT: no MADT (signature \"APIC\") among its 8 entries"},
		{"gtdt", "ACPI XSDT: no GTDT (signature \"GTDT\") among its 8 entries"},
		{"spcr", "ACPI XSDT: no SPCR (signature \"SPCR\") among its 8 entries"},
	};
	for (size_t i = 0; i < ARRAY_SIZE(missing); i++) {
		fresh(V3);
		fixture_set(&fx, missing[i].sig, 3, 'x', 1);
		expect(missing[i].msg, missing[i].msg + 5);
	}
	fresh(V3);
	fixture_table(&fx, "gtdt")->p[50]++;
	expect("ACPI GTDT: checksum of its 96 bytes is 0x01, expected 0", "GTDT checksum");
	fresh(V3);
	fixture_set(&fx, "spcr", 4, 20, 4);
	expect("ACPI SPCR: length 20, expected 36 to 1048576", "SPCR length 20");
	fixture_set(&fx, "spcr", 4, 200000, 4);
	expect("ACPI SPCR at 0x5c43e818: its 200000 bytes are not readable", "SPCR past its bytes");
}

static void test_fadt_gtdt_spcr(void)
{
	fresh(V3);
	fixture_set(&fx, "facp", 8, 4, 1);
	expect("ACPI FADT: revision 4 (before ACPI 5.1) has no ARM boot flags, expected 5.1 or "
	       "later",
	       "FADT revision 4");
	fixture_set(&fx, "facp", 8, 5, 1);
	fixture_set(&fx, "facp", 131, 0, 1);
	expect("ACPI FADT: version 5.0 has no ARM boot flags, expected 5.1 or later", "FADT 5.0");
	fixture_set(&fx, "facp", 131, 1, 1);
	if (parses("FADT 5.1")) {
		unit_ok(ap.psci, "FADT 5.1: ARM boot flags read");
	}
	fixture_set_len(&fx, "facp", 131);
	expect("ACPI FADT: length 131, expected at least 132 (ARM boot flags and the minor "
	       "version)",
	       "FADT length 131");

	fresh(V3);
	fixture_set_len(&fx, "gtdt", 76);
	expect("ACPI GTDT: length 76, expected at least 80", "GTDT length 76");
	fresh(V3_10);
	fixture_set_len(&fx, "gtdt", 100);
	expect("ACPI GTDT: revision 3, length 100, expected at least 104 (the virtual EL2 timer)",
	       "GTDT revision 3 without the EL2 virtual timer field");
	fresh(V3);
	fixture_set(&fx, "gtdt", 56, 40, 4);
	expect("ACPI GTDT: non-secure EL1 timer GSIV 40 is not a PPI (16 to 31)", "GTDT SPI timer");
	fixture_set(&fx, "gtdt", 56, 30, 4);
	fixture_set(&fx, "gtdt", 72, 0, 4);
	expect("ACPI GTDT: non-secure EL2 timer GSIV 0 is not a PPI (16 to 31)",
	       "GTDT no EL2 timer");
	fixture_set(&fx, "gtdt", 72, 26, 4);
	fixture_set(&fx, "gtdt", 48, 15, 4);
	expect("ACPI GTDT: secure EL1 timer GSIV 15 is not a PPI (16 to 31)", "GTDT SGI timer");
	fresh(V3_10);
	fixture_set(&fx, "gtdt", 96, 32, 4);
	expect("ACPI GTDT: virtual EL2 timer GSIV 32 is not a PPI (16 to 31)",
	       "GTDT EL2 virtual timer not a PPI");
	fixture_set(&fx, "gtdt", 96, 28, 4);
	fixture_set(&fx, "gtdt", 64, 0, 4);
	expect("ACPI GTDT: virtual EL1 timer GSIV 0 is not a PPI (16 to 31)",
	       "GTDT no EL1 virtual timer");

	fresh(V3);
	fixture_set_len(&fx, "spcr", 76);
	expect("ACPI SPCR: length 76, expected at least 80", "SPCR length 76");
	fresh(V3);
	fixture_set(&fx, "spcr", 36, 0x10, 1);
	expect("ACPI SPCR: interface type 0x10 is not a UART hyptap drives (0x00/0x01/0x12 16550, "
	       "0x03 PL011, 0x0d/0x0e SBSA generic UART)",
	       "SPCR interface type 0x10 (BCM2835)");
	fixture_set(&fx, "spcr", 36, 3, 1);
	fixture_set(&fx, "spcr", 40, 1, 1);
	expect("ACPI SPCR: base address space 1, expected 0 (system memory)", "SPCR I/O space");
	fixture_set(&fx, "spcr", 40, 0, 1);
	fixture_set(&fx, "spcr", 44, 0, 8);
	expect("ACPI SPCR: base address is 0 (console redirection disabled)", "SPCR base 0");
	fixture_set(&fx, "spcr", 44, 0x09000000, 8);
	fixture_set(&fx, "spcr", 43, 4, 1);
	expect("ACPI SPCR: access size 4 for a PL011, expected 3 (32-bit), 1 (8-bit) or 0 (not "
	       "given)",
	       "SPCR PL011 64-bit access");
	fixture_set(&fx, "spcr", 36, 0, 1);
	fixture_set(&fx, "spcr", 43, 2, 1);
	expect("ACPI SPCR: 16550 access size 2, register width 8: expected 8-bit or 32-bit "
	       "registers",
	       "SPCR 16550 16-bit access");
}

static void test_madt(void)
{
	static const uint8_t gicr[16] = {0x0e, 16, 0, 0, 0, 0, 0x20, 0x08, 0, 0, 0, 0, 0, 0, 2};
	static const uint8_t its[20] = {0x0f, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0x30, 0x08};
	static const uint8_t gicd[24] = {0x0c, 24, 0, 0, 0, 0, 0, 0, 0, 0, 0,
					 0x18, 0,  0, 0, 0, 0, 0, 0, 0, 3};
	uint32_t g0, g1, d, r, i;

	fresh(V3);
	fixture_set_len(&fx, "apic", 40);
	expect("ACPI MADT: length 40, expected at least 44", "MADT length 40");
	fresh(V3);
	g1 = fixture_madt_entry(&fx, 0x0b, 1);
	fixture_set(&fx, "apic", g1 + 1, 0, 1);
	expect("ACPI MADT: entry 2 at offset 148 has length 0, 116 bytes left in the table (at "
	       "least "
	       "2, at most what is left)",
	       "MADT entry length 0 (would loop)");
	fixture_set(&fx, "apic", g1 + 1, 200, 1);
	expect("ACPI MADT: entry 2 at offset 148 has length 200, 116 bytes left in the table (at "
	       "least 2, at most what is left)",
	       "MADT entry past the table end");
	fresh(V3);
	fixture_set_len(&fx, "apic", fixture_table(&fx, "apic")->len + 1);
	expect("ACPI MADT: entry 5 at offset 264 has length 0, 1 bytes left in the table (at least "
	       "2, at most what is left)",
	       "MADT one stray byte at the end");

	fresh(V3);
	g1 = fixture_madt_entry(&fx, 0x0b, 1);
	fixture_set(&fx, "apic", g1 + 1, 40, 1);
	expect("ACPI MADT: GICC entry 1 length 40, expected at least 76 (ACPI 5.1: 76, 6.0: 80, "
	       "6.5: "
	       "82)",
	       "GICC length 40");
	fresh(V3);
	g0 = fixture_madt_entry(&fx, 0x0b, 0);
	g1 = fixture_madt_entry(&fx, 0x0b, 1);
	fixture_set(&fx, "apic", g1 + 68, 1ull << 31 | 1, 8);
	expect("ACPI MADT: GICC entry 1 MPIDR 0x80000001 has bits 0x80000000 outside Aff3 [39:32] "
	       "and Aff2..Aff0 [23:0]",
	       "GICC MPIDR with bit 31");
	fixture_set(&fx, "apic", g1 + 68, 0, 8);
	expect("ACPI MADT: GICC entry 1 MPIDR 0x0 is also the MPIDR of GICC entry 0",
	       "two GICCs with one MPIDR");
	fixture_set(&fx, "apic", g1 + 68, 1, 8);
	fixture_set(&fx, "apic", g0 + 12, 0, 4);
	fixture_set(&fx, "apic", g1 + 12, 8, 4);
	expect("ACPI MADT: no enabled GICC entry (no CPU) among 2",
	       "no enabled GICC (one online capable)");
	fresh(V3);
	g0 = fixture_madt_entry(&fx, 0x0b, 0);
	g1 = fixture_madt_entry(&fx, 0x0b, 1);
	fixture_set(&fx, "apic", g1 + 56, 26, 4);
	expect("ACPI MADT: GICC entry 1 VGIC maintenance interrupt 0x1a differs from GICC entry "
	       "0's "
	       "0x19",
	       "GICCs disagree on the maintenance interrupt");
	fixture_set(&fx, "apic", g0 + 56, 40, 4);
	fixture_set(&fx, "apic", g1 + 56, 40, 4);
	expect("ACPI MADT: GICC entry 0 VGIC maintenance interrupt GSIV 40 is not a PPI (16 to 31)",
	       "maintenance interrupt an SPI");
	fixture_set(&fx, "apic", g0 + 56, 0, 4);
	fixture_set(&fx, "apic", g1 + 56, 0, 4);
	if (round_trip("no maintenance interrupt")) {
		unit_ok(plat.gic_maint_intid == 0, "maintenance GSIV 0: no interrupts in the GIC");
	}

	fresh(V3);
	d = fixture_madt_entry(&fx, 0x0c, 0);
	fixture_set(&fx, "apic", d + 1, 20, 1);
	expect("ACPI MADT: GICD entry length 20, expected at least 24", "GICD length 20");
	fixture_set(&fx, "apic", d + 1, 24, 1);
	fixture_set(&fx, "apic", d + 8, 0, 8);
	expect("ACPI MADT: GICD base address is 0", "GICD base 0");
	fixture_set(&fx, "apic", d + 8, 0x08000000, 8);
	fixture_set(&fx, "apic", d + 20, 1, 1);
	expect("ACPI MADT: GICD version 1, hyptap drives GICv2, v3 or v4", "GICD version 1");
	fixture_set(&fx, "apic", d + 20, 5, 1);
	expect("ACPI MADT: GICD version 5, hyptap drives GICv2, v3 or v4", "GICD version 5");
	fixture_set(&fx, "apic", d + 20, 3, 1);
	fixture_madt_append(&fx, gicd, sizeof(gicd));
	expect("ACPI MADT: a second GICD entry (hyptap drives one distributor)", "two GICDs");
	fresh(V3);
	fixture_madt_remove(&fx, fixture_madt_entry(&fx, 0x0c, 0));
	expect("ACPI MADT: no GICD entry (the GIC distributor)", "no GICD");

	fresh(V3);
	r = fixture_madt_entry(&fx, 0x0e, 0);
	fixture_set(&fx, "apic", r + 1, 12, 1);
	expect("ACPI MADT: GICR entry 0 length 12, expected at least 16", "GICR length 12");
	fixture_set(&fx, "apic", r + 1, 16, 1);
	fixture_set(&fx, "apic", r + 12, 0, 4);
	expect("ACPI MADT: GICR entry 0 range 0x80a0000+0x0 is empty or wraps", "GICR length 0");
	fixture_set(&fx, "apic", r + 12, 0xf60000, 4);
	for (int k = 0; k < 3; k++) {
		fixture_madt_append(&fx, gicr, sizeof(gicr));
	}
	if (parses("four GICR entries")) {
		unit_ok(ap.gicr_count == 4, "four GICR entries: four regions");
	}
	fixture_madt_append(&fx, gicr, sizeof(gicr));
	expect("ACPI MADT: more than 4 GICR entries", "five GICR entries");

	fresh(V3);
	i = fixture_madt_entry(&fx, 0x0f, 0);
	fixture_set(&fx, "apic", i + 1, 16, 1);
	expect("ACPI MADT: GIC ITS entry 0 length 16, expected at least 20", "ITS length 16");
	fixture_set(&fx, "apic", i + 1, 20, 1);
	fixture_set(&fx, "apic", i + 8, 0, 8);
	expect("ACPI MADT: GIC ITS entry 0 base address is 0", "ITS base 0");
	fixture_set(&fx, "apic", i + 8, 0x08080000, 8);
	fixture_madt_append(&fx, its, sizeof(its));
	if (round_trip("two ITSs")) {
		unit_ok(fdt_node_offset_by_compatible(
				dtb, fdt_node_offset_by_compatible(dtb, -1, "arm,gic-v3-its"),
				"arm,gic-v3-its") >= 0 &&
				plat.gits.base == 0x08080000,
			"two ITS entries: two ITS nodes, platform_parse() takes the first");
	}
	for (int k = 0; k < 6; k++) {
		fixture_madt_append(&fx, its, sizeof(its));
	}
	fixture_madt_append(&fx, its, sizeof(its));
	expect("ACPI MADT: more than 8 GIC ITS entries", "nine ITS entries");

	/* More than ACPI_MAX_CPUS enabled GICCs. */
	fresh(V3);
	g0 = fixture_madt_entry(&fx, 0x0b, 0);
	fixture_grow(&fx, "apic", 80 * (ACPI_MAX_CPUS + 1));
	{
		uint8_t gicc[80];

		memcpy(gicc, fixture_table(&fx, "apic")->p + g0, sizeof(gicc));
		for (unsigned c = 2; c <= ACPI_MAX_CPUS; c++) {
			fixture_put(gicc + 68, (uint64_t)(c / 256) << 16 | (c % 256) << 8, 8);
			fixture_madt_append(&fx, gicc, sizeof(gicc));
		}
	}
	expect("ACPI MADT: more than 512 enabled GICC entries (CPUs)", "513 enabled GICCs");

	/* GICR entry wrapping; GICC redistributors in more than four ranges. */
	fresh(V3);
	r = fixture_madt_entry(&fx, 0x0e, 0);
	fixture_set(&fx, "apic", r + 4, 0xffffffffffff0000ull, 8);
	expect("ACPI MADT: GICR entry 0 range 0xffffffffffff0000+0xf60000 is empty or wraps",
	       "GICR range wrapping");
	fresh(V3);
	fixture_madt_remove(&fx, fixture_madt_entry(&fx, 0x0e, 0));
	g0 = fixture_madt_entry(&fx, 0x0b, 0);
	{
		uint8_t gicc[80];

		memcpy(gicc, fixture_table(&fx, "apic")->p + g0, sizeof(gicc));
		for (unsigned c = 2; c < 5; c++) {
			fixture_put(gicc + 68, c, 8);
			fixture_madt_append(&fx, gicc, sizeof(gicc));
		}
		for (unsigned c = 0; c < 5; c++) {
			fixture_set(&fx, "apic", fixture_madt_entry(&fx, 0x0b, c) + 60,
				    0x08100000 + 0x100000ull * c, 8);
		}
		expect("ACPI MADT: the GICCs' redistributors (no GICR entry) are in more than 4 "
		       "separate ranges",
		       "five separate GICC redistributors");
		fixture_set(&fx, "apic", fixture_madt_entry(&fx, 0x0b, 4) + 60, 0x08120000, 8);
		if (parses("five GICC redistributors, two adjacent")) {
			unit_ok(ap.gicr_count == 4 && range_is(&ap.gicr[0], 0x08100000, 0x40000),
				"five GICC redistributors, two adjacent: four regions");
		}
		fixture_set(&fx, "apic", fixture_madt_entry(&fx, 0x0b, 4) + 60,
			    0xfffffffffffff000ull, 8);
		expect("ACPI MADT: no GICR entry and GICC entry 4 GICR base is 0xfffffffffffff000 "
		       "(GICv3 needs one or the other)",
		       "a GICC redistributor wrapping");
	}

	/* GICv2: every enabled GICC names the same interfaces. */
	fresh(V2);
	g0 = fixture_madt_entry(&fx, 0x0b, 0);
	g1 = fixture_madt_entry(&fx, 0x0b, 1);
	fixture_set(&fx, "apic", g1 + 32, 0x08020000, 8);
	expect("ACPI MADT: GICC entry 1 GICC base 0x8020000 differs from GICC entry 0's 0x8010000",
	       "GICv2 GICCs disagree on the CPU interface");
	fixture_set(&fx, "apic", g1 + 32, 0x08010000, 8);
	fixture_set(&fx, "apic", g1 + 40, 0, 8);
	expect("ACPI MADT: GICC entry 1 GICV base 0x0 differs from GICC entry 0's 0x8040000",
	       "GICv2 GICCs disagree on GICV");
	fixture_set(&fx, "apic", g0 + 40, 0, 8);
	expect("ACPI MADT: GICC entry 0 has a GICH base 0x8030000 and a GICV base 0x0: both or "
	       "neither",
	       "GICv2 GICH without GICV");
	fixture_set(&fx, "apic", g0 + 48, 0, 8);
	fixture_set(&fx, "apic", g1 + 48, 0, 8);
	if (round_trip("GICv2 without virtualization frames")) {
		unit_ok(plat.gich.size == 0 && plat.gicv.size == 0,
			"GICv2 without GICH/GICV: a two-frame GIC node");
	}
	fixture_set(&fx, "apic", g0 + 32, 0, 8);
	fixture_set(&fx, "apic", g1 + 32, 0, 8);
	expect("ACPI MADT: GICv2 and GICC entry 0 CPU interface base is 0", "GICv2 GICC base 0");
	fresh(V2);
	fixture_madt_append(&fx, its, sizeof(its));
	expect("ACPI MADT: GIC ITS entries with a GICv2 GICD", "an ITS with GICv2");
	fresh(V2);
	fixture_madt_append(&fx, gicr, sizeof(gicr));
	expect("ACPI MADT: GICR entries with a GICv2 GICD", "a GICR with GICv2");
}

/* Errors of the builder itself, and the contract entry point over the image's 1:1 map. */
static void test_builder(void)
{
	static uint8_t small[256] __attribute__((aligned(8)));
	struct fixture_table *rsdp, *xsdt;
	int rc;

	fresh(V3);
	rc = acpi_fdt_build_from(&fx.mem, fx.rsdp, &ram_512m, 0, dtb, sizeof(dtb), err,
				 sizeof(err));
	unit_ok(rc == -1 && !strcmp(err, "ACPI to DTB: no RAM range (the EFI memory map had none)"),
		"no RAM range: refused (%s)", err);
	rc = acpi_fdt_build_from(&fx.mem, fx.rsdp, &ram_512m, 1, small, sizeof(small), err,
				 sizeof(err));
	unit_ok(rc == -1 && !strcmp(err, "ACPI to DTB: libfdt: FDT_ERR_NOSPACE (256 bytes for the "
					 "DTB)"),
		"a 256-byte buffer: refused (%s)", err);

	/* acpi_fdt_build() reads the tables at their addresses: the fixture's tables moved to
	 * where the host has them, RSDP and XSDT pointers rewritten. */
	rsdp = fixture_table(&fx, "rsdp");
	xsdt = fixture_table(&fx, "xsdt");
	for (uint32_t off = 36; off + 8 <= xsdt->len; off += 8) {
		uint64_t pa = 0;

		memcpy(&pa, xsdt->p + off, 8);
		for (unsigned k = 0; k < fx.count; k++) {
			if (fx.t[k].pa == pa) {
				fixture_put(xsdt->p + off, (uint64_t)(uintptr_t)fx.t[k].p, 8);
			}
		}
	}
	fixture_fix(xsdt);
	fixture_put(rsdp->p + 24, (uint64_t)(uintptr_t)xsdt->p, 8);
	fixture_fix(rsdp);
	rc = acpi_fdt_build(rsdp->p, &ram_512m, 1, dtb, sizeof(dtb), err, sizeof(err));
	if (!rc) {
		rc = edit_parse_at(dtb, fdt_totalsize(dtb), EDIT_DTB_PA, &plat, err, sizeof(err));
	}
	unit_ok(rc == 0 && plat.gic_version == 3 && plat.cpu_count == 2,
		"acpi_fdt_build() on tables at their own addresses: a GICv3 platform, 2 CPUs%s%s",
		rc ? ": " : "", rc ? err : "");
	rc = acpi_fdt_build(NULL, &ram_512m, 1, dtb, sizeof(dtb), err, sizeof(err));
	unit_ok(rc == -1 && !strcmp(err, "ACPI RSDP at 0x0: not readable"),
		"acpi_fdt_build(NULL): refused (%s)", err);
}

int main(void)
{
	test_qemu_tables();
	test_dtb_details();
	test_gic_variants();
	test_rsdp_xsdt();
	test_fadt_gtdt_spcr();
	test_madt();
	test_builder();
	fixture_free(&fx);
	return unit_done();
}
