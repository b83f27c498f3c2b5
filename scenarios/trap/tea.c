/* SPDX-License-Identifier: MIT */
/*
 * trap.tea: HCR_EL2.TEA (FEAT_RAS) routes synchronous External aborts from EL1 to EL2. The
 * guest loads from an IPA that stage 2 maps to a physical address where nothing answers —
 * the first page above the highest RAM range of the device tree — so the access itself (not
 * its translation) aborts. TEA = 1: EC 0x24 at EL2 with DFSC 0x10, ELR_EL2 = the load;
 * TEA = 0: EC 0x25 on the guest's own vector. FAR, when FnV = 0, is the address.
 */
#include <stdio.h>

#include "arch/el2.h"
#include "arch/esr.h"
#include "arch/pte.h"
#include "cpu_id.h"
#include "esr_model.h"
#include "hvc.h"
#include "platform.h"
#include "scenario.h"

#define ABORT_IPA      0x50000000ULL
#define S2_ATTR_DEVICE (PTE_AF | PTE_S2AP_RW | PTE_S2_XN | PTE_S2_MEMATTR(S2_MEMATTR_DEVICE_nGnRE))

struct tea_row {
	const char *name;
	bool tea;
};

static const struct tea_row tea_rows[] = {
	{"[tea=1]", true},
	{"[tea=0]", false},
};

/* The page just above the highest RAM range: on the platforms hyptap targets, no device. */
static uint64_t hole_pa(void)
{
	uint64_t top = 0;

	for (unsigned i = 0; i < platform.mem_count; i++) {
		uint64_t end = platform.mem[i].base + platform.mem[i].size;

		top = end > top ? end : top;
	}
	return (top + 0xfff) & ~0xfffULL;
}

static const char *tea_requires(const void *row, char *why, size_t len)
{
	const struct tea_row *r = row;

	if (r->tea && cpu_requires(CPU_RAS, why, len)) {
		return why; /* HCR_EL2.TEA is RES0 without FEAT_RAS */
	}
	if (hole_pa() >= (1ULL << vmm_caps.pa_bits)) {
		snprintf(why, len, "no physical address above RAM below the %u-bit PARange",
			 vmm_caps.pa_bits);
		return why;
	}
	return NULL;
}

static void expect_far(struct scenario_ctx *c, uint64_t esr, uint64_t far)
{
	if (!(esr & ESR_ISS_ABT_FNV)) {
		sc_expect_u64(c, "far", far, ABORT_IPA);
	}
}

static void run_tea(struct scenario_ctx *c, const void *row)
{
	const struct tea_row *r = row;
	uint64_t vector, esr, elr, far;

	if (!sc_start(c, &(struct sc_setup){.payload = GSYM(gp_dbg_load),
					    .args = {ABORT_IPA},
					    .vcpu.hcr = r->tea ? HCR_TEA : 0})) {
		return;
	}
	if (vm_map(sc_vm(c), IPA(ABORT_IPA), PADDR(hole_pa()), 0x1000, S2_ATTR_DEVICE)) {
		sc_fail(c, "vm_map of the abort page failed");
		return;
	}
	sc_diag(c, "hole_pa", "0x%llx", (unsigned long long)hole_pa());
	struct exit e = sc_run(c);

	if (r->tea) {
		if (!sc_expect_reason(c, &e, EXIT_DABT)) {
			return;
		}
		sc_diag_exit(c, &e);
		sc_expect_esr(c, e.esr & sea_defined_mask(), esr_expect_sea(true, false));
		sc_expect_u64(c, "elr_el2", e.elr, GSYM(gl_dbg_load));
		expect_far(c, e.esr, e.far);
		return;
	}
	sc_expect_el1_exceptions(c);
	if (!sc_expect_done(c, &e, 0)) {
		return;
	}
	if (sc_report(c, GREPORT_VECTOR, &vector)) {
		sc_expect_u64(c, "vector_offset", vector, 0x200);
	}
	if (sc_report(c, GREPORT_ESR_EL1, &esr)) {
		sc_expect_u64(c, "esr_el1", esr & sea_defined_mask(), esr_expect_sea(false, false));
		if (sc_report(c, GREPORT_FAR_EL1, &far)) {
			expect_far(c, esr, far);
		}
	}
	if (sc_report(c, GREPORT_ELR_EL1, &elr)) {
		sc_expect_u64(c, "elr_el1", elr, GSYM(gl_dbg_load));
	}
}

SCENARIO(trap_tea, .id = "trap.tea",
	 .rule = "HCR_EL2.TEA = 1 (FEAT_RAS) takes a synchronous External abort on an EL1 load to "
		 "EL2 (EC 0x24, IL 1, ISV 0, DFSC 0x10, ELR_EL2 = the load, FAR = the VA if FnV = "
		 "0); TEA = 0: it is taken at EL1 (EC 0x25)",
	 SCENARIO_ROWS(tea_rows), .requires = tea_requires, .run = run_tea, .ec = "0x24 0x25",
	 .control = "HCR_EL2.TEA", .fields = "+-HCR_EL2.TEA");
