/* SPDX-License-Identifier: MIT */
/*
 * The CPUs of the DTB's /cpus (DTSpec 3.7, Linux binding arm/cpus.yaml): each enabled child
 * with device_type "cpu", in DTB order, its reg the MPIDR_EL1 affinity it answers to and its
 * enable-method how it is started. Pure code over a hostile DTB, like the rest of
 * platform_parse(): every failure is one line naming the node and property. Starting the CPUs
 * is kernel/smp.c's job; this only decides what the DTB says about them.
 */
#include <libfdt.h>
#include <string.h>

#include "dtb.h"
#include "platform.h"
#include "platform_ctx.h"

/*
 * /cpus's #address-cells (1 or 2: a CPU's reg is one MPIDR of that many cells; absent, the
 * DTSpec default 2) and #size-cells (0 when present: a CPU's reg has no size).
 */
static int cpus_cells(struct platform_ctx *ps, int cpus, uint32_t *ac)
{
	uint32_t sc = 0;

	*ac = 2;
	if (dtb_u32(&ps->d, cpus, "#address-cells", ac) < 0 ||
	    dtb_u32(&ps->d, cpus, "#size-cells", &sc) < 0) {
		return -1;
	}
	if (*ac < 1 || *ac > 2) {
		return dtb_fail(&ps->d, cpus,
				"#address-cells is %u, hyptap reads 1 or 2 (a CPU's reg is its "
				"MPIDR)",
				*ac);
	}
	if (sc) {
		return dtb_fail(&ps->d, cpus,
				"#size-cells is %u, expected 0 (a CPU's reg has no size)", sc);
	}
	return 0;
}

/* Whether @node is a CPU hyptap counts: device_type "cpu" and enabled. 1, 0, or -1. */
static int is_cpu(struct platform_ctx *ps, int node)
{
	const char *type;
	int rc = dtb_string(&ps->d, node, "device_type", &type);

	if (rc <= 0) {
		return rc;
	}
	return strcmp(type, "cpu") ? 0 : dtb_enabled(&ps->d, node);
}

/*
 * @node's reg: one address of @ac cells, the MPIDR affinity (Aff3 in [39:32], Aff2..Aff0 in
 * [23:0], as Linux's arm64 cpu_logical_map reads it). Other bits set, MPIDR_EL1.U and MT
 * included, are a DTB written for something else.
 */
static int cpu_mpidr(struct platform_ctx *ps, int node, uint32_t ac, uint64_t *mpidr)
{
	const void *reg;
	int len, rc = dtb_prop(&ps->d, node, "reg", &reg, &len);

	if (rc <= 0) {
		return rc < 0 ? -1 : dtb_fail(&ps->d, node, "no reg (the CPU's MPIDR affinity)");
	}
	if (len != (int)ac * 4) {
		return dtb_fail(&ps->d, node,
				"reg has %d bytes, expected one MPIDR of %u (#address-cells %u in "
				"/cpus)",
				len, ac * 4, ac);
	}
	*mpidr = ac == 2 ? (uint64_t)dtb_cell(reg, 0) << 32 | dtb_cell(reg, 1) : dtb_cell(reg, 0);
	if (*mpidr & ~PLATFORM_MPIDR_AFF_MASK) {
		return dtb_fail(&ps->d, node,
				"reg 0x%llx is not an MPIDR affinity (bits 0x%llx outside Aff3 "
				"[39:32] and Aff2..Aff0 [23:0])",
				(unsigned long long)*mpidr,
				(unsigned long long)(*mpidr & ~PLATFORM_MPIDR_AFF_MASK));
	}
	return 0;
}

/* @node's enable-method, and for "spin-table" its 64-bit cpu-release-addr. */
static int cpu_method(struct platform_ctx *ps, int node, struct platform_cpu *cpu)
{
	const char *method;
	const void *addr;
	int len, rc = dtb_string(&ps->d, node, "enable-method", &method);

	cpu->method = CPU_ENABLE_NONE;
	cpu->release_addr = 0;
	if (rc <= 0) {
		return rc;
	}
	if (!strcmp(method, "psci")) {
		cpu->method = CPU_ENABLE_PSCI;
		return 0;
	}
	if (strcmp(method, "spin-table")) {
		cpu->method = CPU_ENABLE_OTHER;
		return 0;
	}
	cpu->method = CPU_ENABLE_SPIN_TABLE;
	rc = dtb_prop(&ps->d, node, "cpu-release-addr", &addr, &len);
	if (rc <= 0) {
		return rc < 0 ? -1
			      : dtb_fail(&ps->d, node,
					 "enable-method is spin-table but there is no "
					 "cpu-release-addr");
	}
	if (len != 8) {
		return dtb_fail(&ps->d, node,
				"cpu-release-addr has %d bytes, expected 8 (one 64-bit address)",
				len);
	}
	cpu->release_addr = (uint64_t)dtb_cell(addr, 0) << 32 | dtb_cell(addr, 1);
	return 0;
}

int platform_cpus_parse(struct platform_ctx *ps)
{
	struct platform *p = ps->p;
	int node_of[PLATFORM_MAX_CPUS]; /* the node of each p->cpus[] entry, for messages */
	char other[PLATFORM_PATH_MAX];
	int cpus = fdt_path_offset(ps->d.fdt, "/cpus"), node;
	uint32_t ac;

	p->cpu_count = 0;
	p->cpus_left_off = 0;
	if (cpus < 0) {
		return 0; /* no /cpus: the boot CPU alone */
	}
	if (dtb_unique(&ps->d, cpus) || cpus_cells(ps, cpus, &ac)) {
		return -1;
	}
	fdt_for_each_subnode(node, ps->d.fdt, cpus)
	{
		struct platform_cpu cpu;
		int rc = is_cpu(ps, node);

		if (rc <= 0) {
			if (rc < 0) {
				return -1;
			}
			continue;
		}
		if (dtb_unique(&ps->d, node) || cpu_mpidr(ps, node, ac, &cpu.mpidr) ||
		    cpu_method(ps, node, &cpu)) {
			return -1;
		}
		/* A CPU left off is still checked against those kept (not against others left
		 * off: their MPIDRs are not kept). */
		for (unsigned i = 0; i < p->cpu_count; i++) {
			if (p->cpus[i].mpidr == cpu.mpidr) {
				dtb_path(&ps->d, node_of[i], other, sizeof(other));
				return dtb_fail(&ps->d, node, "reg 0x%llx is also the MPIDR of %s",
						(unsigned long long)cpu.mpidr, other);
			}
		}
		if (p->cpu_count == PLATFORM_MAX_CPUS) {
			p->cpus_left_off++;
			continue;
		}
		node_of[p->cpu_count] = node;
		p->cpus[p->cpu_count++] = cpu;
	}
	return 0;
}

int platform_cpu_find(const struct platform *p, uint64_t mpidr)
{
	for (unsigned i = 0; i < p->cpu_count; i++) {
		if (p->cpus[i].mpidr == (mpidr & PLATFORM_MPIDR_AFF_MASK)) {
			return (int)i;
		}
	}
	return -1;
}
