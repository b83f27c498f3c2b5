/* SPDX-License-Identifier: MIT */
/*
 * el2.ctrl: the feature fields of the EL2 control registers against the ID registers, without
 * a guest. Each row writes its field set (all ones, or the row's legal "ones" value) and then
 * clear into the live register, the rest of the register unchanged, reads each back, restores
 * the register, and compares the field with the values el2_ctrl_permitted() allows: the value
 * written where the ID registers advertise the feature, else the RES0/RES1/RAO-WI set of the
 * register description (scenarios/model/el2_ctrl_model.h). How each register's window is
 * made safe for the harness: scenarios/el2/ctrl_probe.c.
 */
#include <stdio.h>

#include "cpu_id.h"
#include "ctrl_probe.h"
#include "el2_ctrl_fields.h"

static const struct el2_ctrl_field ctrl_rows[] = {EL2_CTRL_FIELDS(EL2_CTRL_ROW)};

static const char *ctrl_requires(const void *row, char *why, size_t len)
{
	const struct el2_ctrl_field *f = row;

	return ctrl_reg_requires(f->reg, why, len);
}

static void run_ctrl(struct scenario_ctx *c, const void *row)
{
	const struct el2_ctrl_field *f = row;
	uint64_t orig = ctrl_read(f->reg), vals[2];

	el2_ctrl_values(f, cpu_id_regs(), vals);
	for (unsigned i = 0; i < 2; i++) {
		if (!ctrl_expect_field(c, f, vals[i], ctrl_probe(f->reg, f->mask, vals[i]))) {
			break;
		}
	}
	ctrl_expect_restored(c, f->reg, orig);
}

/*
 * docs/coverage.md: a read/write probe ('?'), not a check of the field's effect. The field by
 * its lowest bit, in ci/coverage/el2-fields.tsv's register names; SCTLR_EL2 is not measured.
 */
static const char *ctrl_fields(const void *row)
{
	static const char *const regs[EL2_CTRL_REGS] = {
		[EL2_CTRL_HCR] = "HCR_EL2",	    [EL2_CTRL_VTCR] = "VTCR_EL2",
		[EL2_CTRL_CPTR] = "CPTR_EL2",	    [EL2_CTRL_MDCR] = "MDCR_EL2",
		[EL2_CTRL_CNTHCTL] = "CNTHCTL_EL2", [EL2_CTRL_HCRX] = "HCRX_EL2",
		[EL2_CTRL_ICH_HCR] = "ICH_HCR_EL2", [EL2_CTRL_CPTR_E2H] = "CPTR_EL2(E2H=1)",
	};
	static char buf[40];
	const struct el2_ctrl_field *f = row;

	if (!regs[f->reg]) {
		return NULL;
	}
	snprintf(buf, sizeof(buf), "?%s.%d", regs[f->reg], __builtin_ctzll(f->mask));
	return buf;
}

SCENARIO(el2_ctrl, .id = "el2.ctrl",
	 .rule = "A feature's field of an EL2 control register stores what is written when the ID "
		 "registers advertise the feature; otherwise it is as the register description "
		 "says: RES0/RES1 (Glossary: hardwired, or stores the value with no effect, per "
		 "field) or RAO/WI",
	 SCENARIO_ROWS(ctrl_rows), .requires = ctrl_requires, .run = run_ctrl,
	 .row_fields = ctrl_fields);
