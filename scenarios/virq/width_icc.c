/* SPDX-License-Identifier: MIT */
/*
 * virq.width.icc[<reg>]: the physical CPU interface registers the harness itself uses at EL2
 * (ICC_PMR_EL1, ICC_BPR0/1_EL1, ICC_CTLR_EL1, ICC_IGRPEN0/1_EL1) hold exactly the bits
 * ICC_CTLR_EL1.PRIbits implies. Each row writes all-ones (RES0 bits too), then every field set
 * with the RES0 bits clear, then zero, reads back after each, compares the register's fields
 * with scenarios/model/gic_width_model.c, and then restores the harness's values exactly
 * (CTLR first, since CBPR decides whether BPR1 takes a write), which the row checks too.
 *
 * ICC_AP<g>R<n>_EL1 are not rows: their contents are IMPLEMENTATION DEFINED ("with the one
 * architectural requirement that the value 0x00000000 is consistent with no interrupts being
 * active"), so no width is architected.
 */
#include <stdio.h>

#include "arch/el2.h"
#include "arch/sysreg.h"
#include "gic_width_model.h"
#include "scenario.h"

struct icc_row {
	const char *name;
	enum gw_icc reg;
	bool cbpr; /* ICC_CTLR_EL1.CBPR = 1 during the row */
};

static const struct icc_row icc_rows[] = {
	{"[pmr]", GW_ICC_PMR, false},	      {"[bpr0]", GW_ICC_BPR0, false},
	{"[bpr1]", GW_ICC_BPR1, false},	      {"[bpr1.cbpr]", GW_ICC_BPR1, true},
	{"[ctlr]", GW_ICC_CTLR, false},	      {"[igrpen0]", GW_ICC_IGRPEN0, false},
	{"[igrpen1]", GW_ICC_IGRPEN1, false},
};

static uint64_t (*const icc_read[])(void) = {
	[GW_ICC_PMR] = read_icc_pmr_el1,	 [GW_ICC_BPR0] = read_icc_bpr0_el1,
	[GW_ICC_BPR1] = read_icc_bpr1_el1,	 [GW_ICC_CTLR] = read_icc_ctlr_el1,
	[GW_ICC_IGRPEN0] = read_icc_igrpen0_el1, [GW_ICC_IGRPEN1] = read_icc_igrpen1_el1,
};
static void (*const icc_write[])(uint64_t) = {
	[GW_ICC_PMR] = write_icc_pmr_el1,	  [GW_ICC_BPR0] = write_icc_bpr0_el1,
	[GW_ICC_BPR1] = write_icc_bpr1_el1,	  [GW_ICC_CTLR] = write_icc_ctlr_el1,
	[GW_ICC_IGRPEN0] = write_icc_igrpen0_el1, [GW_ICC_IGRPEN1] = write_icc_igrpen1_el1,
};

/* The harness's state, in the order it is restored: CTLR (CBPR) before BPR1. */
static const enum gw_icc restore_order[] = {GW_ICC_CTLR, GW_ICC_BPR0,	 GW_ICC_BPR1,
					    GW_ICC_PMR,	 GW_ICC_IGRPEN0, GW_ICC_IGRPEN1};
#define ICC_REGS (sizeof(restore_order) / sizeof(restore_order[0]))

static void icc_set(enum gw_icc r, uint64_t v)
{
	icc_write[r](v);
	isb();
}

static const char *icc_requires(const void *row, char *why, size_t len)
{
	(void)row;
	if (vmm_caps.gic_version != 3) {
		snprintf(why, len, "needs a GICv3 system-register CPU interface (GIC v%u)",
			 vmm_caps.gic_version);
		return why;
	}
	if (PFR0_EL3(read_id_aa64pfr0_el1()) != 0) {
		snprintf(why, len,
			 "ID_AA64PFR0_EL1.EL3 != 0: the Non-secure ICC_PMR/BPR/CTLR views of two "
			 "Security states (GICD_CTLR.DS = 0) are not modelled");
		return why;
	}
	return NULL;
}

static void run_icc(struct scenario_ctx *c, const void *row)
{
	static const char *const what[] = {"after_all_ones", "after_fields_ones", "after_zero"};
	const struct icc_row *r = row;
	uint64_t saved[GW_ICC_IGRPEN1 + 1], got[3], mask, fields;
	struct gw_phys s;

	for (unsigned i = 0; i < ICC_REGS; i++) {
		saved[restore_order[i]] = icc_read[restore_order[i]]();
	}
	s = (struct gw_phys){.ctlr = saved[GW_ICC_CTLR],
			     .pmr = saved[GW_ICC_PMR],
			     .bpr0 = saved[GW_ICC_BPR0],
			     .bpr1 = saved[GW_ICC_BPR1],
			     .igrpen0 = saved[GW_ICC_IGRPEN0],
			     .igrpen1 = saved[GW_ICC_IGRPEN1]};
	/* The fields of @r: what gw_icc_read() compares with PMHE clear. */
	gw_icc_read(&s, r->reg, &fields);
	if (r->cbpr) {
		gw_icc_write(&s, GW_ICC_CTLR, s.ctlr | GW_ICC_CTLR_CBPR);
		icc_set(GW_ICC_CTLR, saved[GW_ICC_CTLR] | GW_ICC_CTLR_CBPR);
	}
	const uint64_t writes[] = {~0ULL, fields, 0};

	for (unsigned i = 0; i < 3; i++) {
		icc_set(r->reg, writes[i]);
		got[i] = icc_read[r->reg]();
	}
	for (unsigned i = 0; i < ICC_REGS; i++) {
		icc_set(restore_order[i], saved[restore_order[i]]);
	}

	sc_diag(c, "icc_ctlr_el1", "0x%llx  # the harness's",
		(unsigned long long)saved[GW_ICC_CTLR]);
	for (unsigned i = 0; i < 3; i++) {
		gw_icc_write(&s, r->reg, writes[i]);
		uint64_t expect = gw_icc_read(&s, r->reg, &mask);

		if (!sc_expect_u64(c, what[i], got[i] & mask, expect & mask)) {
			sc_diag(c, "written", "0x%llx", (unsigned long long)writes[i]);
			sc_diag(c, "compared_bits", "0x%llx", (unsigned long long)mask);
		}
	}
	for (unsigned i = 0; i < ICC_REGS; i++) {
		enum gw_icc reg = restore_order[i];

		if (icc_read[reg]() != saved[reg]) {
			sc_fail(c,
				"the harness's ICC register %u was not restored (0x%llx, was "
				"0x%llx)",
				(unsigned)reg, (unsigned long long)icc_read[reg](),
				(unsigned long long)saved[reg]);
		}
	}
}

SCENARIO(virq_width_icc, .id = "virq.width.icc",
	 .rule = "the physical ICC_PMR/BPR0/BPR1/CTLR/IGRPEN0/IGRPEN1_EL1 at Non-secure EL2 (one "
		 "Security state) hold exactly the bits ICC_CTLR_EL1.PRIbits implies: PMR the "
		 "PRIbits + 1 top priority bits (the rest RAZ/WI), BPR0/BPR1 BinaryPoint with a "
		 "write below the minimum (7 - min(priority bits, 7); the Non-secure BPR1 one "
		 "more) setting the minimum, BPR1 writes ignored and reads BPR0 + 1 with CBPR = 1, "
		 "CTLR only CBPR and EOImode (PMHE IMPLEMENTATION DEFINED: RAZ/WI or as written), "
		 "IGRPEN<g> only Enable. Written all-ones (RES0 bits too), then all fields ones, "
		 "then zero; RES0 bits are not compared; the harness's values are restored",
	 SCENARIO_ROWS(icc_rows), .requires = icc_requires, .run = run_icc);
