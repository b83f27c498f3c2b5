/* SPDX-License-Identifier: MIT */
/*
 * Host checks of the coverage field list (ci/coverage/el2-fields.tsv, docs/coverage.md) against
 * the repository's own field tables, which the scenarios run from: every el2.ctrl row
 * (scenarios/model/el2_ctrl_fields.h) must be a field of the list with exactly its bits and
 * the feature cpu_features.c names for it, and every bit the FGT table traps with
 * (scenarios/trap/fgt_traps.h) must be a field of its register. Two transcriptions of the Arm
 * ARM that disagree are a bug in one of them.
 */
#include <stdlib.h>
#include <string.h>

#include "cpu_features.h"
#include "el2_ctrl_fields.h"
#include "el2_ctrl_model.h"
#include "unit.h"

struct tsv_field {
	char reg[32], name[32], feature[96];
	unsigned hi, lo;
};

static struct tsv_field tsv[1024];
static size_t tsv_count;

static void read_tsv(void)
{
	FILE *f = fopen(TEST_COVERAGE_TSV, "r");
	char line[256];

	if (!f) {
		unit_ok(false, "%s opens", TEST_COVERAGE_TSV);
		return;
	}
	while (fgets(line, sizeof(line), f) && tsv_count < sizeof(tsv) / sizeof(tsv[0])) {
		struct tsv_field *t = &tsv[tsv_count];
		char bits[16];

		if (line[0] == '#' || line[0] == '\n') {
			continue;
		}
		line[strcspn(line, "\n")] = 0;
		if (sscanf(line, "%31[^\t]\t%31[^\t]\t%15[^\t]\t%95[^\t]", t->reg, t->name, bits,
			   t->feature) != 4) {
			unit_ok(false, "tsv line \"%s\" has four fields", line);
			continue;
		}
		char *colon = strchr(bits, ':');

		t->hi = (unsigned)strtoul(bits, NULL, 10);
		t->lo = colon ? (unsigned)strtoul(colon + 1, NULL, 10) : t->hi;
		tsv_count++;
	}
	fclose(f);
	unit_ok(tsv_count > 500, "%s: %zu fields", TEST_COVERAGE_TSV, tsv_count);
}

static uint64_t bits_of(const struct tsv_field *t)
{
	return CTRL_BITS(t->hi, t->lo);
}

/* The field of @reg holding @bit; an "(E2H=1)" layout falls back to the base one (gen-coverage). */
static const struct tsv_field *field_at(const char *reg, unsigned bit)
{
	char base[32];

	for (int pass = 0; pass < 2; pass++) {
		for (size_t i = 0; i < tsv_count; i++) {
			if (!strcmp(tsv[i].reg, reg) && bit >= tsv[i].lo && bit <= tsv[i].hi) {
				return &tsv[i];
			}
		}
		snprintf(base, sizeof(base), "%s", reg);
		char *paren = strchr(base, '(');

		if (!paren) {
			break;
		}
		*paren = 0;
		reg = base;
	}
	return NULL;
}

static const char *tsv_reg(enum el2_ctrl_reg r)
{
	static const char *const names[EL2_CTRL_REGS] = {
		[EL2_CTRL_HCR] = "HCR_EL2",	    [EL2_CTRL_VTCR] = "VTCR_EL2",
		[EL2_CTRL_CPTR] = "CPTR_EL2",	    [EL2_CTRL_MDCR] = "MDCR_EL2",
		[EL2_CTRL_CNTHCTL] = "CNTHCTL_EL2", [EL2_CTRL_HCRX] = "HCRX_EL2",
		[EL2_CTRL_ICH_HCR] = "ICH_HCR_EL2", [EL2_CTRL_CPTR_E2H] = "CPTR_EL2(E2H=1)",
	};

	return names[r];
}

static const struct el2_ctrl_field ctrl_rows[] = {EL2_CTRL_FIELDS(EL2_CTRL_ROW)};

static void check_ctrl_rows(void)
{
	for (size_t i = 0; i < sizeof(ctrl_rows) / sizeof(ctrl_rows[0]); i++) {
		const struct el2_ctrl_field *r = &ctrl_rows[i];
		const char *reg = tsv_reg(r->reg);

		if (!reg) { /* SCTLR_EL2 is not measured */
			continue;
		}
		const struct tsv_field *t = field_at(reg, (unsigned)__builtin_ctzll(r->mask));

		unit_ok(t && bits_of(t) == r->mask,
			"el2.ctrl %s: %s has a field with mask 0x%llx (%s)", r->name, reg,
			(unsigned long long)r->mask, t ? t->name : "none");
		if (t && r->when == WHEN_FEAT) {
			unit_ok(strstr(t->feature, cpu_feature_name(r->feat)) != NULL,
				"el2.ctrl %s: %s.%s needs %s (list: %s)", r->name, reg, t->name,
				cpu_feature_name(r->feat), t->feature);
		}
	}
}

struct fgt_row {
	const char *name, *reg;
	unsigned bit;
};

static const struct fgt_row fgt_rows[] = {
#define FGT_READ(n, op0, op1, crn, crm, op2, reg, bit, ...)  {#n, #reg, bit},
#define FGT_READ_ICV					     FGT_READ
#define FGT_WRITE(n, op0, op1, crn, crm, op2, reg, bit, ...) {#n, #reg, bit},
#define FGT_WO(n, op0, op1, crn, crm, op2, reg, bit, ...)    {#n, #reg, bit},
#define FGT_SYS(n, op1, crn, crm, op2, bit, ...)	     {#n, "hfgitr", bit},
#include "trap/fgt_traps.h"
};

static void check_fgt_rows(void)
{
	for (size_t i = 0; i < sizeof(fgt_rows) / sizeof(fgt_rows[0]); i++) {
		char reg[32];
		size_t n = 0;

		for (const char *p = fgt_rows[i].reg; *p && n < sizeof(reg) - 8; p++) {
			reg[n++] = (char)(*p - 'a' + 'A');
		}
		strcpy(reg + n, "_EL2");
		const struct tsv_field *t = field_at(reg, fgt_rows[i].bit);

		unit_ok(t && t->hi == t->lo, "fgt %s: %s bit %u is a one-bit field (%s)",
			fgt_rows[i].name, reg, fgt_rows[i].bit, t ? t->name : "none");
	}
}

int main(void)
{
	read_tsv();
	check_ctrl_rows();
	check_fgt_rows();
	return unit_done();
}
