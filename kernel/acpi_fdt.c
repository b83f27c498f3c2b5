/* SPDX-License-Identifier: MIT */
/*
 * The ACPI platform (acpi_parse()) as a DTB, written with libfdt's sequential-write API, in the
 * bindings platform_parse() reads: /memory, the SPCR console (the DTB's only UART, so that it is
 * the console without a /chosen/stdout-path: /chosen belongs to the EFI entry), the GIC
 * (arm,gic-v3 with its ITSs, or arm,cortex-a15-gic), the arm,armv8-timer PPIs, /psci and /cpus.
 * The DTB describes only what the tables said; sizes ACPI does not give are the architected
 * frame sizes (below).
 */
#include <libfdt.h>
#include <stdio.h>
#include <string.h>

#include "acpi.h"
#include "acpi_fdt.h"

/* Frame sizes ACPI leaves implicit (as Linux's ACPI GIC code assumes them): GICv3 GICD 64 KiB
 * and an ITS's control and translation pages (IHI 0069 12.1, 12.19); GICv2 GICD 4 KiB, GICC and
 * GICV 8 KiB (to GICC_DIR at 0x1000), GICH 4 KiB (IHI 0048 4.1, 5.3). A PL011 is one 4 KiB
 * frame (DDI 0183 3.2), a 16550 eight registers. */
#define GICV3_GICD_SIZE 0x10000u
#define GITS_SIZE	0x20000u
#define GICV2_GICD_SIZE 0x1000u
#define GICV2_GICC_SIZE 0x2000u
#define GICV2_GICH_SIZE 0x1000u
#define GICV2_GICV_SIZE 0x2000u
#define PL011_SIZE	0x1000u
#define NS16550_REGS	8u

/* Interrupt specifiers (bindings arm,gic and arm,gic-v3): <type number flags>, type 1 = PPI,
 * flags bits [3:0] the trigger: 1 edge rising, 2 edge falling, 4 level high, 8 level low. */
#define DT_PPI	       1u
#define DT_EDGE_RISING 1u
#define DT_EDGE_FALL   2u
#define DT_LEVEL_HIGH  4u
#define DT_LEVEL_LOW   8u
#define GIC_PHANDLE    1u

/* The sequential-write state: the first libfdt error is kept, later calls do nothing. */
struct fdt_out {
	void *fdt;
	int rc;
};

static void begin(struct fdt_out *o, const char *name)
{
	if (!o->rc) {
		o->rc = fdt_begin_node(o->fdt, name);
	}
}

static void end(struct fdt_out *o)
{
	if (!o->rc) {
		o->rc = fdt_end_node(o->fdt);
	}
}

static void prop(struct fdt_out *o, const char *name, const void *v, int len)
{
	if (!o->rc) {
		o->rc = fdt_property(o->fdt, name, v, len);
	}
}

static void prop_u32(struct fdt_out *o, const char *name, uint32_t v)
{
	if (!o->rc) {
		o->rc = fdt_property_u32(o->fdt, name, v);
	}
}

static void prop_str(struct fdt_out *o, const char *name, const char *s)
{
	prop(o, name, s, (int)strlen(s) + 1);
}

/* A "reg" of @n (base, size) pairs in 2 + 2 cells, written in place. */
static void prop_reg(struct fdt_out *o, const struct mem_range *r, unsigned n)
{
	fdt64_t *cells;

	if (o->rc) {
		return;
	}
	if (n > INT32_MAX / 16) {
		o->rc = -FDT_ERR_NOSPACE;
		return;
	}
	o->rc = fdt_property_placeholder(o->fdt, "reg", (int)(16 * n), (void **)&cells);
	for (unsigned i = 0; i < n && !o->rc; i++) {
		fdt64_t pair[2] = {cpu_to_fdt64(r[i].base), cpu_to_fdt64(r[i].size)};

		memcpy(cells + 2 * i, pair, sizeof(pair));
	}
}

/* A node named "@name@<base>" (DTSpec 2.2.1: the unit address is the first reg's). */
static void begin_at(struct fdt_out *o, const char *name, uint64_t base)
{
	char node[48];

	snprintf(node, sizeof(node), "%s@%llx", name, (unsigned long long)base);
	begin(o, node);
}

static uint32_t gtdt_trigger(uint32_t flags)
{
	if (flags & ACPI_GTDT_EDGE) {
		return flags & ACPI_GTDT_ACTIVE_LOW ? DT_EDGE_FALL : DT_EDGE_RISING;
	}
	return flags & ACPI_GTDT_ACTIVE_LOW ? DT_LEVEL_LOW : DT_LEVEL_HIGH;
}

static void ppi(fdt32_t *cells, uint32_t gsiv, uint32_t trigger)
{
	cells[0] = cpu_to_fdt32(DT_PPI);
	cells[1] = cpu_to_fdt32(gsiv - 16);
	cells[2] = cpu_to_fdt32(trigger);
}

static void put_memory(struct fdt_out *o, const struct mem_range *ram, unsigned ram_count)
{
	begin_at(o, "memory", ram[0].base);
	prop_str(o, "device_type", "memory");
	prop_reg(o, ram, ram_count);
	end(o);
}

static void put_uart(struct fdt_out *o, const struct acpi_platform *ap)
{
	struct mem_range r = {ap->uart_base, PL011_SIZE};

	if (ap->uart_kind == UART_NS16550) {
		r.size = NS16550_REGS << ap->uart_reg_shift;
	}
	begin_at(o, ap->uart_kind == UART_PL011 ? "pl011" : "serial", r.base);
	prop_str(o, "compatible", ap->uart_kind == UART_PL011 ? "arm,pl011" : "ns16550a");
	prop_reg(o, &r, 1);
	if (ap->uart_kind == UART_NS16550) {
		prop_u32(o, "reg-shift", ap->uart_reg_shift);
	}
	end(o);
}

static void put_gic(struct fdt_out *o, const struct acpi_platform *ap)
{
	struct mem_range reg[1 + PLATFORM_MAX_GICR];
	unsigned n = 0;
	fdt32_t maint[3];

	if (ap->gic_version == 3) {
		reg[n++] = (struct mem_range){ap->gicd, GICV3_GICD_SIZE};
		for (unsigned i = 0; i < ap->gicr_count; i++) {
			reg[n++] = ap->gicr[i];
		}
	} else {
		reg[n++] = (struct mem_range){ap->gicd, GICV2_GICD_SIZE};
		reg[n++] = (struct mem_range){ap->gicc, GICV2_GICC_SIZE};
		if (ap->gich) {
			reg[n++] = (struct mem_range){ap->gich, GICV2_GICH_SIZE};
			reg[n++] = (struct mem_range){ap->gicv, GICV2_GICV_SIZE};
		}
	}
	begin_at(o, "interrupt-controller", ap->gicd);
	prop_str(o, "compatible", ap->gic_version == 3 ? "arm,gic-v3" : "arm,cortex-a15-gic");
	prop(o, "interrupt-controller", NULL, 0);
	prop_u32(o, "#interrupt-cells", 3);
	prop_u32(o, "phandle", GIC_PHANDLE);
	if (ap->gic_version == 3) {
		prop_u32(o, "#redistributor-regions", ap->gicr_count);
	}
	prop_reg(o, reg, n);
	if (ap->maint_gsiv) {
		ppi(maint, ap->maint_gsiv, ap->maint_edge ? DT_EDGE_RISING : DT_LEVEL_HIGH);
		prop(o, "interrupts", maint, sizeof(maint));
	}
	if (ap->its_count) {
		/* The ITSs are children on the GIC's own bus: 1:1 (an empty ranges). */
		prop_u32(o, "#address-cells", 2);
		prop_u32(o, "#size-cells", 2);
		prop(o, "ranges", NULL, 0);
	}
	for (unsigned i = 0; i < ap->its_count; i++) {
		struct mem_range r = {ap->its[i], GITS_SIZE};

		begin_at(o, "its", r.base);
		prop_str(o, "compatible", "arm,gic-v3-its");
		prop(o, "msi-controller", NULL, 0);
		prop_u32(o, "#msi-cells", 1);
		prop_reg(o, &r, 1);
		end(o);
	}
	end(o);
}

/* Four PPIs, or five with the EL2 virtual timer (binding arm,arch_timer's order). A secure
 * timer the GTDT does not describe (GSIV 0, which ACPI allows) is given SBSA's INTID 29 so that
 * the binding's first entry exists and no PPI test takes that INTID; hyptap never programs it. */
static void put_timer(struct fdt_out *o, const struct acpi_platform *ap)
{
	fdt32_t irq[3 * ACPI_TIMER_COUNT];
	unsigned n = ap->timer[ACPI_TIMER_VIRT_EL2].gsiv ? ACPI_TIMER_COUNT : ACPI_TIMER_COUNT - 1;

	for (unsigned i = 0; i < n; i++) {
		const struct acpi_timer *t = &ap->timer[i];

		ppi(irq + 3 * i, t->gsiv ? t->gsiv : 29, gtdt_trigger(t->flags));
	}
	begin(o, "timer");
	prop_str(o, "compatible", "arm,armv8-timer");
	prop(o, "interrupts", irq, (int)(3 * n * sizeof(fdt32_t)));
	end(o);
}

/* arm,psci-0.2: ACPI's PSCI_COMPLIANT promises the standard function IDs of PSCI 0.2 and later
 * (SBBR), not a version; 1.0's features are found by PSCI_VERSION / PSCI_FEATURES at run time. */
static void put_psci(struct fdt_out *o, const struct acpi_platform *ap)
{
	if (!ap->psci) {
		return;
	}
	begin(o, "psci");
	prop_str(o, "compatible", "arm,psci-0.2");
	prop_str(o, "method", ap->psci_hvc ? "hvc" : "smc");
	end(o);
}

static void put_cpus(struct fdt_out *o, const struct acpi_platform *ap)
{
	begin(o, "cpus");
	prop_u32(o, "#address-cells", 2);
	prop_u32(o, "#size-cells", 0);
	for (unsigned i = 0; i < ap->cpu_count; i++) {
		fdt64_t reg = cpu_to_fdt64(ap->cpus[i]);

		begin_at(o, "cpu", ap->cpus[i]);
		prop_str(o, "device_type", "cpu");
		prop_str(o, "compatible", "arm,armv8");
		prop(o, "reg", &reg, sizeof(reg));
		if (ap->psci) {
			prop_str(o, "enable-method", "psci");
		}
		end(o);
	}
	end(o);
}

int acpi_fdt_build_from(const struct acpi_mem *mem, uint64_t rsdp_pa, const struct mem_range *ram,
			unsigned ram_count, void *fdt, size_t size, char *err, size_t errlen)
{
	static struct acpi_platform ap; /* 4 KiB of CPUs: not on the boot stack */
	struct fdt_out o = {fdt, 0};
	char model[48];

	if (acpi_parse(mem, rsdp_pa, &ap, err, errlen)) {
		return -1;
	}
	if (!ram_count) {
		snprintf(err, errlen, "ACPI to DTB: no RAM range (the EFI memory map had none)");
		return -1;
	}
	if (size > INT32_MAX) {
		size = INT32_MAX;
	}
	snprintf(model, sizeof(model), "ACPI %s %s", ap.oem_id, ap.oem_table_id);
	o.rc = fdt_create(fdt, (int)size);
	if (!o.rc) {
		o.rc = fdt_finish_reservemap(fdt);
	}
	begin(&o, "");
	prop_u32(&o, "#address-cells", 2);
	prop_u32(&o, "#size-cells", 2);
	prop_u32(&o, "interrupt-parent", GIC_PHANDLE);
	prop_str(&o, "model", model);
	put_memory(&o, ram, ram_count);
	put_uart(&o, &ap);
	put_gic(&o, &ap);
	put_timer(&o, &ap);
	put_psci(&o, &ap);
	put_cpus(&o, &ap);
	end(&o);
	if (!o.rc) {
		o.rc = fdt_finish(fdt);
	}
	if (o.rc) {
		snprintf(err, errlen, "ACPI to DTB: libfdt: %s (%zu bytes for the DTB)",
			 fdt_strerror(o.rc), size);
		return -1;
	}
	return 0;
}

/* The image reads the tables where they are: UEFI maps memory 1:1. */
static const void *map_identity(const struct acpi_mem *mem, uint64_t pa, uint64_t len)
{
	(void)mem;
	if (!pa || len > UINTPTR_MAX - pa) {
		return NULL;
	}
	return (const void *)(uintptr_t)pa;
}

int acpi_fdt_build(const void *rsdp, const struct mem_range *ram, unsigned ram_count, void *fdt,
		   size_t size, char *err, size_t errlen)
{
	static const struct acpi_mem identity = {map_identity, NULL};

	return acpi_fdt_build_from(&identity, (uint64_t)(uintptr_t)rsdp, ram, ram_count, fdt, size,
				   err, errlen);
}
