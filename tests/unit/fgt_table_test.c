/* SPDX-License-Identifier: MIT */
/*
 * Host checks of the FGT trap table (scenarios/trap/fgt_traps.h) against the register layouts in
 * kernel/include/arch/fgt.h: a row's polarity must agree with the nXXX bits the Arm ARM
 * defines for its register, read rows sit in HFGRTR/HDFGRTR and write rows in
 * HFGWTR/HDFGWTR, bits are 0..63, and SYS rows use op0 = 1 encodings (checked by shape).
 */
#include <string.h>

#include "arch/el2.h"
#include "arch/fgt.h"
#include "unit.h"

struct trow {
	const char *name;
	const char *reg;
	unsigned bit;
	char pol;
	bool write;
};

static const struct trow rows[] = {
#define FGT_READ(n, op0, op1, crn, crm, op2, reg, bit, pol, needs, hcr)                            \
	{#n, #reg, bit, #pol[0], false},
#define FGT_READ_ICV FGT_READ
#define FGT_WRITE(n, op0, op1, crn, crm, op2, reg, bit, pol, needs, hcr, value, zero_ok)           \
	{#n, #reg, bit, #pol[0], true},
#define FGT_WO(n, op0, op1, crn, crm, op2, reg, bit, needs, value) {#n, #reg, bit, 'p', true},
#define FGT_SYS(n, op1, crn, crm, op2, bit, needs, hcr, value, uses_rt)                            \
	{#n, "hfgitr", bit, 'p', true},
#include "trap/fgt_traps.h"
};

static uint64_t n_mask(const char *reg)
{
	if (!strcmp(reg, "hfgrtr") || !strcmp(reg, "hfgwtr")) {
		return FGT_HFGXTR_N_ALL;
	}
	if (!strcmp(reg, "hfgitr")) {
		return FGT_HFGITR_N_ALL;
	}
	return !strcmp(reg, "hdfgrtr") ? FGT_HDFGRTR_N_ALL : FGT_HDFGWTR_N_ALL;
}

int main(void)
{
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		const struct trow *r = &rows[i];
		bool is_n = (n_mask(r->reg) >> r->bit) & 1;
		bool rreg = !strcmp(r->reg, "hfgrtr") || !strcmp(r->reg, "hdfgrtr");

		unit_ok(r->bit < 64, "%s: bit %u in range", r->name, r->bit);
		unit_ok(is_n == (r->pol == 'n'), "%s: %s bit %u polarity %c matches arch/fgt.h",
			r->name, r->reg, r->bit, r->pol);
		unit_ok(r->write ? !rreg : rreg, "%s: %s row in %s", r->name,
			r->write ? "write" : "read", r->reg);
	}
	return unit_done();
}
