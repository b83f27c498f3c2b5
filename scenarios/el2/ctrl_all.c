/* SPDX-License-Identifier: MIT */
/*
 * el2.ctrl.all: el2.ctrl's fields all at once. Each row writes its whole register all ones,
 * then all zeros (el2_ctrl_fill(): every feature field at a legal value, MDCR_EL2.HPMN at
 * PMCR_EL0.N then 1, SCTLR_EL2.TCF at 0b01 then 0), reads each back, restores the register,
 * and checks every feature field of the register as el2.ctrl does: a field that holds its
 * value alone must hold it beside all the others. Bits outside the table are not checked
 * (always-present controls, RES0/RES1 bits, fields of features not modelled). SCTLR_EL2.M is
 * 0 in the window (ctrl_probe.S).
 *
 * The E2H = 1 layouts (CPTR_E2H, SCTLR_E2H) have no row: all ones there would also set
 * controls of the EL2&0 regime the window does not need. VTCR_EL2 has no row: all ones gives TG0 =
 * 0b11, PS = 0b111 and SL0 = 0b11, reserved encodings whose read-back the architecture leaves
 * IMPLEMENTATION DEFINED, and stage 2 off gives no reason to need them.
 */
#include "cpu_id.h"
#include "ctrl_probe.h"
#include "el2_ctrl_fields.h"

static const struct el2_ctrl_field ctrl_fields[] = {EL2_CTRL_FIELDS(EL2_CTRL_ROW)};
#define CTRL_FIELD_COUNT (sizeof(ctrl_fields) / sizeof(ctrl_fields[0]))

struct ctrl_all_row {
	const char *name;
	enum el2_ctrl_reg reg;
};

static const struct ctrl_all_row ctrl_all_rows[] = {
	{"[hcr]", EL2_CTRL_HCR},	 {"[sctlr]", EL2_CTRL_SCTLR},	  {"[cptr]", EL2_CTRL_CPTR},
	{"[mdcr]", EL2_CTRL_MDCR},	 {"[cnthctl]", EL2_CTRL_CNTHCTL}, {"[hcrx]", EL2_CTRL_HCRX},
	{"[ich_hcr]", EL2_CTRL_ICH_HCR},
};

static const char *ctrl_all_requires(const void *row, char *why, size_t len)
{
	const struct ctrl_all_row *r = row;

	return ctrl_reg_requires(r->reg, why, len);
}

static void run_ctrl_all(struct scenario_ctx *c, const void *row)
{
	const struct ctrl_all_row *r = row;
	uint64_t orig = ctrl_read(r->reg);

	for (int ones = 1; ones >= 0; ones--) {
		uint64_t w =
			el2_ctrl_fill(ctrl_fields, CTRL_FIELD_COUNT, r->reg, cpu_id_regs(), ones);
		uint64_t got = ctrl_probe(r->reg, ~0ULL, w);
		bool ok = true;

		for (size_t i = 0; i < CTRL_FIELD_COUNT && ok; i++) {
			if (ctrl_fields[i].reg == r->reg) {
				ok = ctrl_expect_field(c, &ctrl_fields[i], w, got);
			}
		}
		if (!ok) {
			sc_diag(c, "register_written", "0x%llx", (unsigned long long)w);
			sc_diag(c, "register_read", "0x%llx", (unsigned long long)got);
			break;
		}
	}
	ctrl_expect_restored(c, r->reg, orig);
}

SCENARIO(el2_ctrl_all, .id = "el2.ctrl.all",
	 .rule = "Written all ones then all zeros (feature fields at legal values), each feature "
		 "field of an EL2 control register reads back as el2.ctrl requires: what was "
		 "written when the ID registers advertise the feature, else its RES0/RES1/RAO-WI "
		 "set",
	 SCENARIO_ROWS(ctrl_all_rows), .requires = ctrl_all_requires, .run = run_ctrl_all);
