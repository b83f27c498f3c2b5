/* SPDX-License-Identifier: MIT */
/*
 * Stage 2 under an AArch32 EL1 (HCR_EL2.RW = 0), stage 1 off or in the long-descriptor (LPAE)
 * format with TTBCR.EAE = 1, over the stage2.attr mapping (attr_map.c: the same 4K tables
 * serve a 32-bit VA space with TTBCR.T0SZ = 0).
 *
 * stage2.aarch32.fault: an A32 (or 16-bit T32) load/store or an A32 instruction fetch to a
 * stage-2 hole (Translation fault, level 3 or 2) or a stage-2 read-only / execute-never page
 * (Permission fault, level 3) is taken to EL2 as EC 0x24/0x20 with the AArch32 rules of the
 * syndrome (esr_expect_a32_dabt_s2(): ISV 1, SRT the AArch64 view of Rt, SF 0, IL 0 for T16),
 * FAR_EL2 = the 32-bit VA and HPFAR_EL2 = the IPA; a load from the read-only page completes.
 * With stage 1 on, VA and IPA differ (two 2 MiB stage-1 blocks map VA = IPA + 4 MiB), so FAR
 * and HPFAR are told apart.
 *
 * stage2.aarch32.attr: the combined attributes of the AArch32 LPAE regime through AT S12E1R/W
 * and S12E0R/W from EL2 (vcpu_at_s12() with TTBCR.EAE = 1: PAR_EL1 in its 64-bit layout),
 * against the same oracle as stage2.attr (MAIR0/MAIR1 are MAIR_EL1's halves, the long
 * descriptors' AttrIndx/SH are the AArch64 ones).
 */
#include "a32_check.h"
#include "arch/el2.h"
#include "arch/esr.h"
#include "arch/psr32.h"
#include "arch/pte.h"
#include "attr_map.h"
#include "cpu_id.h"
#include "esr_model.h"

#define NSH 0
#define OSH 2
#define ISH 3

/* Stage-2 targets in ATTR_IPA's neighbourhood. */
#define IPA_RO	  (ATTR_IPA + 0x1000)	/* S2AP read-only */
#define IPA_HOLE3 (ATTR_IPA + 0x2000)	/* unmapped in ATTR_IPA's level-3 table */
#define IPA_XN	  (ATTR_IPA + 0x3000)	/* read/write, XN[1:0] = 0b10 */
#define IPA_HOLE2 (ATTR_IPA + 0x800000) /* no level-2 entry */
#define RAM_RO	  0xd1000ULL		/* RAM offsets of the frames behind them */
#define RAM_XN	  0xd3000ULL
/* Stage 1 on: VA = IPA + S1_SHIFT through two 2 MiB blocks. */
#define S1_SHIFT      0x400000ULL
#define S1_BLOCK_DESC 1ULL

enum a32_access { ACC_LDR, ACC_STR, ACC_LDRSB, ACC_STRH, ACC_LDR_T16, ACC_FETCH };

static const struct {
	uint64_t payload, insn; /* insn 0: the fetch target itself faults */
	struct a32_dabt d;
} accesses[] = {
	[ACC_LDR] = {G32SYM(g32p_s2_ldr),
		     G32SYM(g32l_s2_ldr),
		     {2, false, false, 2, PSR32_M_SVC, false}},
	[ACC_STR] = {G32SYM(g32p_s2_str),
		     G32SYM(g32l_s2_str),
		     {2, true, false, 3, PSR32_M_SVC, false}},
	[ACC_LDRSB] = {G32SYM(g32p_s2_ldrsb),
		       G32SYM(g32l_s2_ldrsb),
		       {0, false, true, 4, PSR32_M_SVC, false}},
	[ACC_STRH] = {G32SYM(g32p_s2_strh),
		      G32SYM(g32l_s2_strh),
		      {1, true, false, 5, PSR32_M_SVC, false}},
	[ACC_LDR_T16] = {G32SYM(g32p_s2_ldr_t16),
			 G32SYM(g32l_s2_ldr_t16),
			 {2, false, false, 1, PSR32_M_SVC, true}},
	[ACC_FETCH] = {G32SYM(g32p_s2_bx), 0, {0, false, false, 0, PSR32_M_SVC, false}},
};

/* What stage 2 has at a target, and so the fault status code an access there gives. */
enum s2_target { T_HOLE3, T_HOLE2, T_RO, T_XN };

static const uint64_t target_ipa[] = {
	[T_HOLE3] = IPA_HOLE3,
	[T_HOLE2] = IPA_HOLE2,
	[T_RO] = IPA_RO,
	[T_XN] = IPA_XN,
};

struct s2_a32_fault_row {
	const char *name;
	bool lpae; /* stage 1 on (TTBCR.EAE = 1), else off */
	enum a32_access acc;
	enum s2_target target;
};

#define FROW(s1, l, an, a, tn, t)                                                                  \
	{                                                                                          \
		"[s1=" s1 "," an ",s2=" tn "]", l, a, t                                            \
	}
#define FROWS(s1, l)                                                                               \
	FROW(s1, l, "ldr", ACC_LDR, "trans-l3", T_HOLE3),                                          \
		FROW(s1, l, "str", ACC_STR, "trans-l3", T_HOLE3),                                  \
		FROW(s1, l, "ldrsb", ACC_LDRSB, "trans-l2", T_HOLE2),                              \
		FROW(s1, l, "strh", ACC_STRH, "ro", T_RO),                                         \
		FROW(s1, l, "str", ACC_STR, "ro", T_RO), FROW(s1, l, "ldr", ACC_LDR, "ro", T_RO),  \
		FROW(s1, l, "ldr-t16", ACC_LDR_T16, "trans-l3", T_HOLE3),                          \
		FROW(s1, l, "fetch", ACC_FETCH, "trans-l3", T_HOLE3),                              \
		FROW(s1, l, "fetch", ACC_FETCH, "xn", T_XN)

static const struct s2_a32_fault_row s2_a32_fault_rows[] = {FROWS("off", false),
							    FROWS("lpae", true)};

/*
 * The stage-2 fault status code of @acc at @target, or 0 if the access completes: a hole is a
 * Translation fault at its level; the read-only page faults only writes, the XN page only
 * fetches (both Permission, level 3; AArch64.S2CheckPermissions()).
 */
static unsigned expected_fsc(enum a32_access acc, enum s2_target t)
{
	bool fetch = acc == ACC_FETCH;

	switch (t) {
	case T_HOLE3:
		return ESR_FSC_TRANS(3);
	case T_HOLE2:
		return ESR_FSC_TRANS(2);
	case T_RO:
		return !fetch && accesses[acc].d.is_write ? ESR_FSC_PERM(3) : 0;
	default:
		return fetch ? ESR_FSC_PERM(3) : 0;
	}
}

static int map_targets(struct vm *vm, bool lpae)
{
	uint64_t ram = (uint64_t)(uintptr_t)vm->ram;
	uint64_t block = PTE_S1_ATTRIDX(ATTR_RAM_MAIR_IDX) | PTE_SH_INNER | PTE_AF | S1_BLOCK_DESC;
	uint64_t s2 = PTE_AF | PTE_SH_INNER | PTE_S2_MEMATTR(S2_MEMATTR_NORMAL_WB);

	if (vm_map(vm, IPA(IPA_RO), PADDR(ram + RAM_RO), 4096, s2 | PTE_S2AP_R) ||
	    vm_map(vm, IPA(IPA_XN), PADDR(ram + RAM_XN), 4096, s2 | PTE_S2AP_RW | PTE_S2_XN)) {
		return -1;
	}
	/* AP[2:1] = 0b00 (PL1 read/write), executable: VA = IPA + S1_SHIFT, 2 MiB each. */
	return lpae && (attr_map_s1_put(vm, 2, ATTR_IPA + S1_SHIFT, ATTR_IPA | block) ||
			attr_map_s1_put(vm, 2, IPA_HOLE2 + S1_SHIFT, IPA_HOLE2 | block));
}

static void run_s2_a32_fault(struct scenario_ctx *c, const void *row)
{
	const struct s2_a32_fault_row *r = row;
	const struct attr_case k = {
		{!r->lpae, 0xff, ISH}, S2_MEMATTR_NORMAL_WB, ISH, false, 0, true};
	uint64_t ipa = target_ipa[r->target], va = ipa + (r->lpae ? S1_SHIFT : 0), pa;
	bool fetch = r->acc == ACC_FETCH, t16 = accesses[r->acc].d.t16;
	unsigned fsc = expected_fsc(r->acc, r->target);

	if (!attr_map_start(c, &k, A32_ENTRY(accesses[r->acc].payload, t16), va, &pa)) {
		return;
	}
	if (map_targets(sc_vm(c), r->lpae)) {
		sc_fail(c, "could not map the row's stage-1 blocks or stage-2 pages");
		return;
	}
	struct exit e = sc_run(c);

	if (!fsc) {
		a32_expect_done(c, &e, 0);
		return;
	}
	struct esr_set set = {1,
			      {{fetch ? esr_expect_iabt_s2(fsc)
				      : esr_expect_a32_dabt_s2(&accesses[r->acc].d, fsc),
				~0ULL}}};
	struct a32_issue is = {.t32 = t16, .t16 = t16, .cond = 0xe};

	if (!a32_expect_trap(c, &e, fetch ? EXIT_IABT : EXIT_DABT, &set,
			     fetch ? va : accesses[r->acc].insn, &is)) {
		return;
	}
	sc_expect_u64(c, "far_el2", e.far, far_expect_dabt(va));
	sc_expect_u64(c, "hpfar_el2", e.hpfar, hpfar_expect(ipa));
}

SCENARIO(
	stage2_aarch32_fault, .id = "stage2.aarch32.fault",
	.rule = "a stage-2 fault on an AArch32 EL1 access (stage 1 off, or LPAE with TTBCR.EAE "
		"= 1) is taken to EL2: EC 0x24 with ISV 1, SAS/SSE, SRT = the AArch64 view of Rt, "
		"SF 0, IL 0 for a 16-bit T32 instruction, WnR and the DFSC with its level; EC 0x20 "
		"with the IFSC for a fetch; FAR_EL2 = the 32-bit VA, HPFAR_EL2 = the IPA; SPSR_EL2 "
		"the Supervisor-mode PSTATE; a read of a stage-2 read-only page completes",
	SCENARIO_ROWS(s2_a32_fault_rows), .requires = aarch32_el1_requires, .run = run_s2_a32_fault,
	.ec = "0x20 0x24", .control = "stage 2 descriptors (VTTBR_EL2) under HCR_EL2.RW = 0");

struct s2_a32_attr_row {
	const char *name;
	struct attr_case k;
};

/* A sample of stage2.attr's cross product in the AArch32 LPAE regime. */
#define A32_S1(Y, hn, h, m, sh, n)                                                                 \
	Y(hn, h, m, sh, n, "off", true, 0x00, NSH)                                                 \
	Y(hn, h, m, sh, n, "dev-nGnRE", false, 0x04, OSH)                                          \
	Y(hn, h, m, sh, n, "onc-inc-ish", false, 0x44, ISH)                                        \
	Y(hn, h, m, sh, n, "owt-iwt-nsh", false, 0xaa, NSH)                                        \
	Y(hn, h, m, sh, n, "owb-iwb-ish", false, 0xff, ISH)                                        \
	Y(hn, h, m, sh, n, "owb-iwt-osh", false, 0xfa, OSH)
#define A32_ATTR_ROW(hn, h, m, sh, n, s1name, off, attr, s1sh)                                     \
	{"[" hn "s1=" s1name ",s2=" n "]", {{off, attr, s1sh}, m, sh, false, h, true}},
#define A32_ATTR_ROWS_FOR(hn, h, m, sh, n) A32_S1(A32_ATTR_ROW, hn, h, m, sh, n)
#define A32_S2(hn, h)                                                                              \
	A32_ATTR_ROWS_FOR(hn, h, S2_MEMATTR_DEVICE_nGnRE, OSH, "0x1-dev-nGnRE-osh")                \
	A32_ATTR_ROWS_FOR(hn, h, S2_MEMATTR(S2_CACHE_NC, S2_CACHE_NC), ISH, "0x5-onc-inc-ish")     \
	A32_ATTR_ROWS_FOR(hn, h, S2_MEMATTR(S2_CACHE_WT, S2_CACHE_WB), NSH, "0xb-owt-iwb-nsh")     \
	A32_ATTR_ROWS_FOR(hn, h, S2_MEMATTR(S2_CACHE_WB, S2_CACHE_WB), ISH, "0xf-owb-iwb-ish")

/*
 * Without HCR_EL2 attribute controls, and with DC (SCTLR.M behaves as 0 for an AArch32 EL1
 * too) and CD, whose rules do not depend on EL1's Execution state.
 */
static const struct s2_a32_attr_row s2_a32_attr_rows[] = {
	/* clang-format off */
	A32_S2("", 0)
	A32_S2("dc=1,", HCR_DC)
	A32_S2("cd=1,", HCR_CD)
	/* clang-format on */
};

static void run_s2_a32_attr(struct scenario_ctx *c, const void *row)
{
	const struct s2_a32_attr_row *r = row;
	struct hcr_attr_ctl hcr = {.dc = (r->k.hcr & HCR_DC) != 0, .cd = (r->k.hcr & HCR_CD) != 0};
	struct par_attrs_expect e;

	if (!s2_par_attrs_expect_hcr(&r->k.s1, r->k.s2_memattr, r->k.s2_sh, false,
				     cpu_has(cpu_id_regs(), CPU_XS), hcr, &e)) {
		sc_fail(c, "the row is outside what the oracle models");
		return;
	}
	attr_run_at(c, &r->k, G32SYM(g32p_exit), &e);
}

SCENARIO(stage2_aarch32_attr, .id = "stage2.aarch32.attr",
	 .rule = "with EL1 in AArch32 and stage 1 in the LPAE format (TTBCR.EAE = 1), stage 1 "
		 "(MAIR0/MAIR1 AttrIndx, SH) and stage 2 attributes combine as "
		 "S2CombineS1MemAttrs() "
		 "and AT S12E1R/W and S12E0R/W from EL2 report it in PAR_EL1's 64-bit layout (F 0, "
		 "PA, ATTR, SH 0b10 for Device and Normal iNC-oNC); stage 1 off is Device-nGnRnE; "
		 "HCR_EL2.DC and CD act as for an AArch64 EL1 (s2_par_attrs_expect_hcr())",
	 SCENARIO_ROWS(s2_a32_attr_rows), .requires = aarch32_el1_requires, .run = run_s2_a32_attr);
