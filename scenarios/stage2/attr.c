/* SPDX-License-Identifier: MIT */
/*
 * stage2.attr: the memory type and shareability of stage 1 combined with stage 2 (HCR_EL2.FWB
 * = 0), as AT S12E1R/W and AT S12E0R/W report them in PAR_EL1. Every stage-1 type (the four Device
 * types, Normal NC/WT/WB inner x outer and two transient ones, each with NSH/OSH/ISH, and stage
 * 1 off) is crossed with every stage-2 MemAttr[3:0] encoding; the stage-2 SH cycles with the
 * encoding, so that every pair of shareabilities meets every Normal stage-1 type.
 *
 * stage2.attr.fwb: the same stage-1 types over the FEAT_S2FWB encodings with HCR_EL2.FWB = 1.
 *
 * Each instance builds a fresh VM whose stage 2 maps one page at ATTR_IPA with the row's
 * attributes, and, unless stage 1 is off, a three-level stage-1 table in guest RAM that maps
 * ATTR_VA with the row's MAIR_EL1 byte and SH (attr_map.c). The vmm executes the AT
 * instructions at EL2 with the vCPU's regime loaded (vcpu_at_s12()); the guest never runs.
 * Expected values come from scenarios/model/s2_attr_model.c.
 */
#include <stdio.h>

#include "arch/el2.h"
#include "arch/pte.h"
#include "attr_map.h"
#include "attr_types.h"
#include "cpu_id.h"

struct s2_attr_row {
	const char *name;
	struct attr_case k;
};

#define S2_ATTR_ROW(m, sh, n, s1name, off, attr, s1sh)                                             \
	{"[s1=" s1name ",s2=" n "]", {{off, attr, s1sh}, m, sh, false, 0, false}},
#define S2_ATTR_ROWS_FOR(m, sh, n) S1_TYPES(S2_ATTR_ROW, m, sh, n)
#define S2_FWB_ROW(m, sh, n, s1name, off, attr, s1sh)                                              \
	{"[s1=" s1name ",s2=" n "]", {{off, attr, s1sh}, m, sh, true, 0, false}},
#define S2_FWB_ROWS_FOR(m, sh, n) S1_TYPES(S2_FWB_ROW, m, sh, n)

static const struct s2_attr_row s2_attr_rows[] = {S2_TYPES(S2_ATTR_ROWS_FOR)};
static const struct s2_attr_row s2_fwb_rows[] = {S2_FWB_TYPES(S2_FWB_ROWS_FOR)};

static void diag_permitted(struct scenario_ctx *c, const struct par_attrs_expect *e)
{
	char buf[8 * PAR_ATTRS_MAX + 8];
	size_t len = 0;

	buf[0] = '\0';
	for (unsigned i = 0; i < e->n && len < sizeof(buf); i++) {
		len += (size_t)snprintf(buf + len, sizeof(buf) - len, "%s0x%02x/%u", i ? " " : "",
					e->v[i].attr, e->v[i].sh);
	}
	sc_diag(c, "permitted_attr_sh", "%s", buf);
}

/* One AT instruction: F, PA, and {ATTR, SH} against the permitted set. NS is UNKNOWN here. */
void attr_check_at(struct scenario_ctx *c, enum at_s12_op op, uint64_t pa,
		   const struct par_attrs_expect *e)
{
	static const char *const names[] = {[AT_S12E1R] = "at_s12e1r",
					    [AT_S12E1W] = "at_s12e1w",
					    [AT_S12E0R] = "at_s12e0r",
					    [AT_S12E0W] = "at_s12e0w"};
	const char *insn = names[op];
	char what[40];
	uint64_t par;

	if (vcpu_at_s12(sc_vcpu(c), op, ATTR_VA, &par)) {
		sc_fail(c, "vcpu_at_s12 refused the vCPU");
		return;
	}
	snprintf(what, sizeof(what), "%s.par_el1.f", insn);
	if (!sc_expect_u64(c, what, par & PAR_F, 0)) {
		sc_diag(c, "par_el1", "0x%016llx", (unsigned long long)par);
		return;
	}
	snprintf(what, sizeof(what), "%s.par_el1.pa", insn);
	sc_expect_u64(c, what, par & PAR_PA_MASK, pa);
	if (!par_attrs_permitted(e, par)) {
		sc_fail(c, "%s: PAR_EL1.ATTR 0x%02x SH %u is not a permitted combination", insn,
			(unsigned)(par >> PAR_ATTR_SHIFT),
			(unsigned)FIELD_GET(par, PAR_SH_SHIFT, 2));
		sc_diag(c, "par_el1", "0x%016llx", (unsigned long long)par);
		diag_permitted(c, e);
	}
}

static void run_s2_attr(struct scenario_ctx *c, const void *row)
{
	const struct s2_attr_row *r = row;
	struct par_attrs_expect e;

	if (!s2_par_attrs_expect(&r->k.s1, r->k.s2_memattr, r->k.s2_sh, r->k.fwb,
				 cpu_has(cpu_id_regs(), CPU_XS), &e)) {
		sc_fail(c, "the row is outside what the oracle models");
		return;
	}
	attr_run_at(c, &r->k, GSYM(gp_exit), &e);
}

void attr_run_at(struct scenario_ctx *c, const struct attr_case *k, uint64_t payload,
		 const struct par_attrs_expect *e)
{
	uint64_t pa;

	if (!attr_map_start(c, k, payload, 0, &pa)) {
		return;
	}
	for (enum at_s12_op op = AT_S12E1R; op <= AT_S12E0W; op++) {
		attr_check_at(c, op, pa, e);
	}
}

SCENARIO(stage2_attr, .id = "stage2.attr",
	 .rule = "stage 1 and stage 2 attributes combine (HCR_EL2.FWB = 0) as "
		 "S2CombineS1MemAttrs(): the stronger Device type, else the weaker "
		 "cacheability per level with stage 1's hints, the stronger shareability; stage 1 "
		 "off is Device-nGnRnE; AT S12E1R/W and S12E0R/W report it in PAR_EL1 (F 0, PA, "
		 "ATTR as "
		 "EncodePARAttrs(), SH 0b10 for Device and Normal iNC-oNC)",
	 SCENARIO_ROWS(s2_attr_rows), .run = run_s2_attr,
	 .fields = "-HCR_EL2.DC -HCR_EL2.CD -HCR_EL2.ID -HCR_EL2.FWB");

static const char *s2_fwb_requires(const void *row, char *why, size_t len)
{
	(void)row;
	return cpu_requires(CPU_S2FWB, why, len);
}

SCENARIO(stage2_attr_fwb, .id = "stage2.attr.fwb",
	 .rule = "with HCR_EL2.FWB = 1 stage 2 MemAttr[2:0] combines with stage 1 as "
		 "AArch64.S2ApplyFWBMemAttrs(): 0b0dd Device (the stronger type if stage 1 is "
		 "Device), 0b101 Normal NC unless stage 1 is Device, 0b110 Normal Write-Back with "
		 "stage 1's hints where stage 1 is cacheable, 0b111 stage 1's attributes; AT "
		 "S12E1R/W and S12E0R/W report it in PAR_EL1 (F 0, PA, ATTR, SH 0b10 for Device "
		 "and Normal "
		 "iNC-oNC)",
	 SCENARIO_ROWS(s2_fwb_rows), .requires = s2_fwb_requires, .run = run_s2_attr,
	 .fields = "+HCR_EL2.FWB");
