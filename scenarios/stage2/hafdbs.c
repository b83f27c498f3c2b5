/* SPDX-License-Identifier: MIT */
/*
 * Hardware management of the Access flag and dirty state at stage 2 (FEAT_HAFDBS), with the
 * guest's stage 1 off (VA = IPA):
 *
 * stage2.af: one stage-2 leaf with AF = 0 (a level-1 or level-2 block, or a level-3 page),
 * a load, store or instruction fetch through it. With VTCR_EL2.HA = 0 it is an Access flag
 * fault at the leaf's level (EC 0x24 with the full instruction syndrome, or EC 0x20; FAR_EL2 =
 * HPFAR_EL2 = the IPA); with HA = 1 the access completes and the hardware has set the
 * descriptor's AF.
 *
 * stage2.dbm: a clean leaf (S2AP read-only, DBM = 1). With VTCR_EL2.HD = 1 a store completes
 * and makes it writable (S2AP[1] set by the hardware), a load leaves it clean; without HD the
 * store is a Permission fault.
 *
 * Both read the descriptor back after the access; the oracle is s2_walk_model.c (which walks
 * our tables for the leaf and says what the access does to it).
 */
#include <stdio.h>

#include "arch/el2.h"
#include "arch/esr.h"
#include "arch/pte.h"
#include "cpu_id.h"
#include "esr_model.h"
#include "hvc.h"
#include "s1ptw_map.h"

enum leaf_kind { LEAF_L1_BLOCK, LEAF_L2_BLOCK, LEAF_L3_PAGE };
enum haf_acc { HAF_LD, HAF_ST, HAF_FETCH };

struct hafdbs_row {
	const char *name;
	enum leaf_kind leaf;
	enum haf_acc acc;
	bool ha, hd;	       /* VTCR_EL2.HA, HD */
	uint64_t attr;	       /* the leaf's stage-2 attributes */
	enum cpu_feature need; /* CPU_ANY, CPU_HAFDBS or CPU_HAFDBS_DIRTY */
};

/* The frame the guest touches: in guest RAM, above the image, below the stack. */
#define HAF_FRAME	 0xc8000
#define HAF_MAGIC	 0x4841464442530000ULL
#define HAF_STORE	 0x5354524448415044ULL
#define HAF_CODE	 0x100 /* offset in the frame of the fetch rows' code */
#define HAF_FETCH_STATUS 0x66

/* Where each leaf is mapped (IPA, size); the PA is the aligned block holding guest RAM. */
static const struct {
	uint64_t ipa, size;
	unsigned level;
} leaves[] = {
	[LEAF_L1_BLOCK] = {0x80000000, 1ULL << 30, 1},
	[LEAF_L2_BLOCK] = {0x50200000, 1ULL << 21, 2},
	[LEAF_L3_PAGE] = {0x50000000, 1ULL << 12, 3},
};

#define RW_NO_AF (PTE_SH_INNER | PTE_S2AP_RW | PTE_S2_MEMATTR(S2_MEMATTR_NORMAL_WB))
#define CLEAN	 (PTE_AF | PTE_SH_INNER | PTE_S2AP_R | PTE_DBM | PTE_S2_MEMATTR(S2_MEMATTR_NORMAL_WB))

#define AF_ROWS(leaf, n)                                                                           \
	{"[" n ",ld,ha=0]", leaf, HAF_LD, false, false, RW_NO_AF, CPU_ANY},                        \
		{"[" n ",st,ha=0]", leaf, HAF_ST, false, false, RW_NO_AF, CPU_ANY},                \
		{"[" n ",fetch,ha=0]", leaf, HAF_FETCH, false, false, RW_NO_AF, CPU_ANY},          \
		{"[" n ",ld,ha=1]", leaf, HAF_LD, true, false, RW_NO_AF, CPU_HAFDBS},              \
		{"[" n ",st,ha=1]", leaf, HAF_ST, true, false, RW_NO_AF, CPU_HAFDBS},              \
		{"[" n ",fetch,ha=1]", leaf, HAF_FETCH, true, false, RW_NO_AF, CPU_HAFDBS},
static const struct hafdbs_row af_rows[] = {AF_ROWS(LEAF_L1_BLOCK, "l1-block") AF_ROWS(
	LEAF_L2_BLOCK, "l2-block") AF_ROWS(LEAF_L3_PAGE, "l3-page")};

/* DBM without HD: the descriptor is plainly read-only (the bit needs FEAT_HAFDBS to exist). */
#define DBM_ROWS(leaf, n)                                                                          \
	{"[" n ",st,hd=1]", leaf, HAF_ST, true, true, CLEAN, CPU_HAFDBS_DIRTY},                    \
		{"[" n ",ld,hd=1]", leaf, HAF_LD, true, true, CLEAN, CPU_HAFDBS_DIRTY},            \
		{"[" n ",st,hd=0]", leaf, HAF_ST, false, false, CLEAN, CPU_HAFDBS},
static const struct hafdbs_row dbm_rows[] = {DBM_ROWS(LEAF_L2_BLOCK, "l2-block")
						     DBM_ROWS(LEAF_L3_PAGE, "l3-page")};

static const char *hafdbs_requires(const void *row, char *why, size_t len)
{
	const struct hafdbs_row *r = row;

	return s1ptw_requires_ipa(why, len) ? why : cpu_requires(r->need, why, len);
}

/* The leaf maps the aligned block (or page) that holds the frame; the guest accesses the frame. */
static uint64_t leaf_pa(const struct vm *vm, enum leaf_kind k)
{
	return ((uint64_t)(uintptr_t)vm->ram + HAF_FRAME) & ~(leaves[k].size - 1);
}

static uint64_t access_ipa(const struct vm *vm, enum leaf_kind k)
{
	return leaves[k].ipa + ((uint64_t)(uintptr_t)vm->ram + HAF_FRAME - leaf_pa(vm, k));
}

static void expect_abort(struct scenario_ctx *c, const struct hafdbs_row *r, const struct exit *e,
			 const struct s2_outcome *o, uint64_t ipa)
{
	/* ldr x2, [x0] / str x2, [x0]: a doubleword, Rt = 2, a 64-bit register. */
	struct dabt_access a = {
		.size_log2 = 3, .is_write = o->wnr, .rt = 2, .sf = true, .valid_syndrome = true};
	static const uint64_t elr[] = {
		[HAF_LD] = GSYM(gl_s1ptw_ldr), [HAF_ST] = GSYM(gl_s1ptw_str)};
	bool fetch = r->acc == HAF_FETCH;

	/* A fetch's abort returns to the instruction fetched: the IPA (= VA) itself. */
	if (!sc_expect_exit(c, e, fetch ? EXIT_IABT : EXIT_DABT,
			    fetch ? esr_expect_iabt_s2(o->fsc) : esr_expect_dabt_s2(&a, o->fsc),
			    fetch ? ipa : elr[r->acc])) {
		return;
	}
	sc_expect_u64(c, "far_el2", e->far, far_expect_dabt(ipa));
	sc_expect_u64(c, "hpfar_el2", e->hpfar, hpfar_expect(ipa));
}

static void run_hafdbs(struct scenario_ctx *c, const void *row)
{
	const struct hafdbs_row *r = row;
	static const uint64_t payloads[] = {[HAF_LD] = GSYM(gp_s1ptw_ldr),
					    [HAF_ST] = GSYM(gp_s1ptw_str),
					    [HAF_FETCH] = GSYM(gp_s1ptw_fetch)};
	static const enum s2_access kind[] = {
		[HAF_LD] = S2_ACC_READ, [HAF_ST] = S2_ACC_WRITE, [HAF_FETCH] = S2_ACC_EXEC_EL1};
	/* The code the fetch rows run: "movz x0, #HAF_FETCH_STATUS; ret". */
	static const uint32_t code[] = {0xd2800000 | HAF_FETCH_STATUS << 5, 0xd65f03c0};
	uint64_t magic = HAF_MAGIC;
	uint64_t payload = payloads[r->acc];
	struct sc_setup s = {
		.payload = payload,
		.vm = {.ipa_bits = S1PTW_IPA_BITS, .s2_hw_af = r->ha, .s2_hw_dirty = r->hd}};
	struct s2w_walk w;
	struct s2_outcome o;

	struct vm *vm = sc_add_vm(c, &s);

	if (!vm) {
		return;
	}
	/* x0 = the IPA (= VA: stage 1 is off), x2 = the data to store. */
	uint64_t ipa = access_ipa(vm, r->leaf) + (r->acc == HAF_FETCH ? HAF_CODE : 0);

	s.args[0] = ipa;
	s.args[2] = HAF_STORE;
	if (!sc_add_vcpu(c, vm, &s)) {
		return;
	}
	volatile uint64_t *frame = (volatile uint64_t *)(vm->ram + HAF_FRAME);

	if (vm_map(vm, IPA(leaves[r->leaf].ipa), PADDR(leaf_pa(vm, r->leaf)), leaves[r->leaf].size,
		   r->attr)) {
		sc_fail(c, "could not map the leaf at stage 2");
		return;
	}
	if (vm_load(vm, IPA(vm->ram_ipa + HAF_FRAME), &magic, sizeof(magic)) ||
	    vm_load(vm, IPA(vm->ram_ipa + HAF_FRAME + HAF_CODE), code, sizeof(code))) {
		sc_fail(c, "could not load the frame");
		return;
	}
	s1ptw_walk(vm, 0, ipa, &w);
	if (w.status != S2W_OK || w.level != leaves[r->leaf].level) {
		sc_fail(c, "the stage-2 leaf of IPA 0x%llx is not the row's (status %d level %u)",
			(unsigned long long)ipa, w.status, w.level);
		return;
	}
	struct s2w_regime reg = s1ptw_regime(vm, 0);

	s2_access_outcome(&reg, &w, kind[r->acc], &o);
	sc_diag(c, "ipa", "0x%llx", (unsigned long long)ipa);
	sc_diag(c, "desc_before", "0x%016llx", (unsigned long long)w.desc);
	struct exit e = sc_run(c);
	uint64_t after = *(volatile uint64_t *)(uintptr_t)w.desc_pa;

	if (o.fault) {
		expect_abort(c, r, &e, &o, ipa);
	} else if (sc_expect_done(c, &e, r->acc == HAF_FETCH ? HAF_FETCH_STATUS : 0)) {
		uint64_t got;

		if (r->acc == HAF_LD && sc_report(c, GREPORT_USER, &got)) {
			sc_expect_u64(c, "loaded", got, HAF_MAGIC);
		}
		if (r->acc == HAF_ST) {
			sc_expect_u64(c, "stored", *frame, HAF_STORE);
		}
	}
	if (!o.af_unknown) {
		sc_expect_u64(c, "descriptor_after", after, o.desc_after);
	}
}

SCENARIO(stage2_af, .id = "stage2.af",
	 .rule = "a stage-2 leaf with AF = 0 gives an Access flag fault at its level "
		 "(AArch64.S2Translate) with VTCR_EL2.HA = 0; with HA = 1 (FEAT_HAFDBS) the "
		 "access completes and the hardware sets the descriptor's AF",
	 SCENARIO_ROWS(af_rows), .requires = hafdbs_requires, .run = run_hafdbs, .ec = "0x20 0x24",
	 .control = "VTCR_EL2.HA (stage-2 AF)", .fields = "+-VTCR_EL2.HA");

SCENARIO(stage2_dbm, .id = "stage2.dbm",
	 .rule = "a store to a clean stage-2 leaf (S2AP read-only, DBM = 1) with VTCR_EL2.HD = 1 "
		 "(FEAT_HAFDBS dirty state) completes and the hardware sets S2AP[1]; a load leaves "
		 "it clean; without HD the store is a Permission fault at the leaf's level",
	 SCENARIO_ROWS(dbm_rows), .requires = hafdbs_requires, .run = run_hafdbs, .ec = "0x24",
	 .control = "VTCR_EL2.HD, descriptor DBM (stage-2 dirty state)", .fields = "+-VTCR_EL2.HD");
