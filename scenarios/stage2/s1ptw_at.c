/* SPDX-License-Identifier: MIT */
/*
 * stage2.s1ptw.at-s12: the stage2.s1ptw tables (one level of the guest's stage-1 walk at an
 * IPA that stage 2 leaves unmapped, maps read-only or Device with HCR_EL2.PTW = 1 or 0, or
 * maps with AF = 0) seen through AT S12E1R and AT S12E1W, executed by the vmm at EL2 with the
 * vCPU's regime loaded (vcpu_at_s12()); the guest never runs. A stage-2 fault on the walk is
 * reported in PAR_EL1, not taken: F = 1, FST = the fault's type and stage-2 level, PTW = 1
 * ("the fault occurred on a stage 2 translation of a stage 1 translation table walk") and S =
 * 1 (a stage 2 fault). Without a fault PAR_EL1 holds F = 0 and the page's PA. The walk only
 * reads, so S12E1W sees a read-only table as S12E1R does. Expected values: s2_walk_model.c.
 */
#include <stdio.h>

#include "arch/el2.h"
#include "s1ptw_map.h"

struct s1ptw_at_row {
	const char *name;
	unsigned level;
	enum s1ptw_s2 s2;
};

#define AT_KINDS(lvl)                                                                              \
	{"[s1-l" #lvl ",s2=unmapped-1g]", lvl, S2_UNMAPPED_1G},                                    \
		{"[s1-l" #lvl ",s2=unmapped-2m]", lvl, S2_UNMAPPED_2M},                            \
		{"[s1-l" #lvl ",s2=unmapped-4k]", lvl, S2_UNMAPPED_4K},                            \
		{"[s1-l" #lvl ",s2=ro]", lvl, S2_RO},                                              \
		{"[s1-l" #lvl ",s2=ro-ptw1]", lvl, S2_RO_PTW},                                     \
		{"[s1-l" #lvl ",s2=dev-ptw1]", lvl, S2_DEV_PTW},                                   \
		{"[s1-l" #lvl ",s2=dev-ptw0]", lvl, S2_DEV},                                       \
		{"[s1-l" #lvl ",s2=af0]", lvl, S2_AF0},

static const struct s1ptw_at_row s1ptw_at_rows[] = {AT_KINDS(0) AT_KINDS(1) AT_KINDS(2)
							    AT_KINDS(3)};

/* PAR_EL1 with F = 1: FST [6:1], PTW [8], S [9] (D24.2 PAR_EL1). */
#define PAR_FST_SHIFT 1
#define PAR_FST_MASK  (0x3fULL << PAR_FST_SHIFT)
#define PAR_PTW	      BIT(8)
#define PAR_S	      BIT(9)

static const char *s1ptw_at_requires(const void *row, char *why, size_t len)
{
	(void)row;
	return s1ptw_requires_ipa(why, len);
}

static void check_at(struct scenario_ctx *c, enum at_s12_op op, const char *insn,
		     const struct s2_outcome *o, uint64_t pa)
{
	char what[40];
	uint64_t par;

	if (vcpu_at_s12(sc_vcpu(c), op, S1PTW_VA, &par)) {
		sc_fail(c, "vcpu_at_s12 refused the vCPU");
		return;
	}
	sc_diag(c, insn, "par_el1 0x%016llx", (unsigned long long)par); /* @insn: a literal */
	snprintf(what, sizeof(what), "%s.par_el1.f", insn);
	if (!sc_expect_u64(c, what, par & PAR_F, o->fault ? PAR_F : 0)) {
		return;
	}
	if (!o->fault) {
		snprintf(what, sizeof(what), "%s.par_el1.pa", insn);
		sc_expect_u64(c, what, par & PAR_PA_MASK, pa);
		return;
	}
	snprintf(what, sizeof(what), "%s.par_el1.fst", insn);
	sc_expect_u64(c, what, (par & PAR_FST_MASK) >> PAR_FST_SHIFT, o->fsc);
	snprintf(what, sizeof(what), "%s.par_el1.ptw", insn);
	sc_expect_u64(c, what, par & PAR_PTW, PAR_PTW);
	snprintf(what, sizeof(what), "%s.par_el1.s", insn);
	sc_expect_u64(c, what, par & PAR_S, PAR_S);
}

static void run_s1ptw_at(struct scenario_ctx *c, const void *row)
{
	const struct s1ptw_at_row *r = row;
	struct s1ptw_layout l = s1ptw_layout_for(r->level, r->s2);
	struct s1ptw_map m;
	struct s2w_walk w;
	struct s2_outcome o;

	if (!s1ptw_start(c, &l, GSYM(gp_exit), S1PTW_VA, 0, &m) ||
	    s1ptw_map_table(c, r->s2, r->level, &m)) {
		return;
	}
	struct vm *vm = sc_vm(c);
	struct s2w_regime reg = s1ptw_regime(vm, l.hcr);

	s1ptw_walk(vm, l.hcr, l.moved_ipa, &w);
	if (w.status == S2W_UNMODELLED) {
		sc_fail(c, "the stage-2 walk of IPA 0x%llx is outside the oracle",
			(unsigned long long)l.moved_ipa);
		return;
	}
	s2_access_outcome(&reg, &w, S2_ACC_TTW_READ, &o);
	sc_diag(c, "table_ipa", "0x%llx", (unsigned long long)l.moved_ipa);

	uint64_t pa = (uint64_t)(uintptr_t)vm_ram_ptr(vm, IPA(m.page_ipa), 8);

	check_at(c, AT_S12E1R, "at_s12e1r", &o, pa);
	check_at(c, AT_S12E1W, "at_s12e1w", &o, pa);
}

SCENARIO(stage2_s1ptw_at_s12, .id = "stage2.s1ptw.at-s12",
	 .rule = "AT S12E1R/W from EL2 report a stage-2 fault on the stage-1 walk in PAR_EL1: F "
		 "= 1, FST = the fault (Translation at the stage-2 walk's level for an unmapped "
		 "table IPA, Permission for a table in stage-2 Device memory with HCR_EL2.PTW = "
		 "1, Access flag for a stage-2 AF of 0), PTW = 1, S = 1; read-only or (PTW = 0) "
		 "Device tables translate: F = 0, PA",
	 SCENARIO_ROWS(s1ptw_at_rows), .requires = s1ptw_at_requires, .run = run_s1ptw_at,
	 .control = "stage 2 translation of stage-1 walks (VTTBR_EL2, HCR_EL2.PTW), AT S12E1*");
