/* SPDX-License-Identifier: MIT */
/*
 * virq.width.vtr[<rule>]: ICH_VTR_EL2, ICC_CTLR_EL1 and ID_AA64PFR0_EL1.GIC hold values the
 * architecture allows, consistent with each other (scenarios/model/gic_width_model.c,
 * gw_id_rule_holds()). One row per rule; the raw values are in every diagnosis.
 */
#include <stdio.h>

#include "arch/sysreg.h"
#include "gic_width_model.h"
#include "scenario.h"

struct vtr_row {
	const char *name;
	enum gw_id_rule rule;
};

static const struct vtr_row vtr_rows[] = {
	{"[pribits-min]", GW_VTR_PRIBITS_MIN},
	{"[prebits-min]", GW_VTR_PREBITS_MIN},
	{"[prebits-le-pribits]", GW_VTR_PREBITS_LE_PRIBITS},
	{"[prebits-max]", GW_VTR_PREBITS_MAX},
	{"[idbits]", GW_VTR_IDBITS},
	{"[pfr0-gic]", GW_PFR0_GIC},
	{"[icc-pribits-min]", GW_ICC_PRIBITS_MIN},
	{"[icc-idbits]", GW_ICC_IDBITS},
};

static const char *vtr_requires(const void *row, char *why, size_t len)
{
	(void)row;
	if (vmm_caps.gic_version != 3) {
		snprintf(why, len, "needs a GICv3 system-register CPU interface (GIC v%u)",
			 vmm_caps.gic_version);
		return why;
	}
	return NULL;
}

static void run_vtr(struct scenario_ctx *c, const void *row)
{
	const struct vtr_row *r = row;
	const struct gw_ids ids = {
		.vtr = read_ich_vtr_el2(),
		.icc_ctlr = read_icc_ctlr_el1(),
		.pfr0 = read_id_aa64pfr0_el1(),
	};
	const char *why;

	if (!gw_id_rule_holds(r->rule, &ids, &why)) {
		sc_fail(c, "%s", why);
		sc_diag(c, "ich_vtr_el2", "0x%llx", (unsigned long long)ids.vtr);
		sc_diag(c, "icc_ctlr_el1", "0x%llx", (unsigned long long)ids.icc_ctlr);
		sc_diag(c, "id_aa64pfr0_el1", "0x%llx", (unsigned long long)ids.pfr0);
	}
}

SCENARIO(virq_width_vtr, .id = "virq.width.vtr",
	 .rule = "ICH_VTR_EL2: PRIbits and PREbits >= 0b100 (at least 32 levels of virtual "
		 "priority and preemption), PREbits <= PRIbits, PREbits <= 0b110 (at most 7 "
		 "preemption bits), IDbits 0b000 or 0b001; ID_AA64PFR0_EL1.GIC 0b0001 or 0b0011 "
		 "with the System register interface in use; ICC_CTLR_EL1.PRIbits >= 0b011 "
		 "(16 levels; >= 0b100 with EL3, two Security states), IDbits 0b000 or 0b001",
	 SCENARIO_ROWS(vtr_rows), .requires = vtr_requires, .run = run_vtr);
