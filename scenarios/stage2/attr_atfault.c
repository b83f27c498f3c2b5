/* SPDX-License-Identifier: MIT */
/*
 * stage2.attr.atfault: AT S12E1R/W and S12E0R/W, executed at EL2, on translations that fault.
 * PAR_EL1 must say F = 1 with FST (the fault status code and its level), PTW (a stage-2 fault
 * on a stage-1 table read) and S (a stage-2 fault): the fault is reported, never taken.
 * Each row names, for one VA, what the stage-1 walk, the stage-2 lookup of the stage-1 table
 * it reads last, and the stage-2 lookup of the output IPA find (struct at_case: invalid at a
 * level, or a leaf with its AF and AP/S2AP); the scenario builds that over the stage2.attr
 * mapping (attr_map.c) and the oracle (scenarios/model/at_par_model.c) gives PAR_EL1. Rows
 * whose translation succeeds check F = 0 and the PA. stage2.aarch32.atfault (at the end) runs
 * a subset with EL1 in AArch32 and an LPAE stage 1.
 *
 * The layout (4K granule at both stages, stage-1 VAs of 39 bits):
 * - CASE_VA has its own stage-1 level-2 entry pointing to the case's level-3 table; a level-3
 *   fault is an empty entry there, level 2 the next 2 MiB, level 1 VA 0x80000000 (an empty
 *   level-1 entry), level 0 VA 2^39 (beyond T0SZ = 25).
 * - A stage-2 lookup "invalid at level 3" is an unmapped page in ATTR_IPA's level-3 table,
 *   "level 2" the next 2 MiB of IPA (no level-2 entry), "level 1" IPA 0x90000000 (no level-1
 *   entry: the vmm maps nothing between guest RAM's GiB and the doorbell/MMIO windows below).
 */
#include "arch/el2.h"
#include "arch/pte.h"
#include "at_par_model.h"
#include "a32_check.h"
#include "attr_map.h"
#include "s1_table.h"

struct atfault_row {
	const char *name;
	enum at_s12_op op;
	struct at_case k;
	bool aarch32; /* EL1 in AArch32 with an LPAE stage 1 (stage2.aarch32.atfault) */
};

#define CASE_VA	       (ATTR_VA + 0x400000)
#define CASE_L3_RAM    0xe4000ULL /* RAM offset of the case's stage-1 level-3 table */
#define CASE_OUT_RAM   0xd1000ULL /* RAM offset of the frame the case's page maps to */
#define S2_SLOT_IPA(n) (ATTR_IPA + 0x20000 + 0x1000 * (n)) /* ATTR_IPA's level-3 table */
#define S2_L2_HOLE(n)  (ATTR_IPA + 0x200000 + 0x1000 * (n))
#define S2_L1_HOLE(n)  (0x90000000ULL + 0x1000 * (n))
#define SLOT_OUT       0 /* the output IPA */
#define SLOT_TABLE     1 /* the IPA of the case's stage-1 level-3 table */
#define S1_L0_HOLE     (1ULL << 39)
#define S1_L1_HOLE     0x80000000ULL

_Static_assert((CASE_VA >> 30) == (ATTR_VA >> 30), "CASE_VA is in attr_map's level-2 table");
_Static_assert((S2_SLOT_IPA(1) >> 21) == (ATTR_IPA >> 21), "slots share ATTR_IPA's table");

/* Lookups: a valid leaf with its AP (stage 1 AP[2:1], stage 2 S2AP), or invalid at a level. */
#define LEAF(ap_)                                                                                  \
	{                                                                                          \
		.valid = true, .level = 3, .af = true, .ap = (ap_)                                 \
	}
#define LEAF_NOAF(ap_)                                                                             \
	{                                                                                          \
		.valid = true, .level = 3, .af = false, .ap = (ap_)                                \
	}
#define HOLE(l)                                                                                    \
	{                                                                                          \
		.valid = false, .level = (l)                                                       \
	}
#define S2_RW	  LEAF(3)
#define S1_RW_EL0 LEAF(1)
#define ROW(n, op, t, s1, s2)                                                                      \
	{                                                                                          \
		"[" n ",at=" #op "]", AT_##op, {t, s1, s2}, false                                  \
	}
#define ROW32(n, op, t, s1, s2)                                                                    \
	{                                                                                          \
		"[" n ",at=" #op "]", AT_##op, {t, s1, s2}, true                                   \
	}

static const struct atfault_row atfault_rows[] = {
	/*
	 * Stage 2 of the output IPA: S = 1, PTW = 0. A stage-2 Permission fault of the output
	 * (S12E1W/S12E0W on S2AP 0b01, S12E1R on 0b10, anything on 0b00: PAR_EL1 0x21f) has no
	 * row yet: QEMU 10.0 aborts on it (target/arm/helper.c do_ats_write() asserts
	 * !res.cacheattrs.is_s2_format, but get_phys_addr_twostage() returns the stage-2 walk's
	 * S2-format attributes when the stage-2 permission check fails), which ends the whole
	 * run; they need a way to keep one platform from executing them first. The oracle covers
	 * them (tests/unit/at_par_model_test.c); QEMU 7.2 reports them right.
	 */
	ROW("s2-trans-l3", S12E1R, S2_RW, S1_RW_EL0, HOLE(3)),
	ROW("s2-trans-l3", S12E0W, S2_RW, S1_RW_EL0, HOLE(3)),
	ROW("s2-trans-l2", S12E1W, S2_RW, S1_RW_EL0, HOLE(2)),
	ROW("s2-trans-l1", S12E0R, S2_RW, S1_RW_EL0, HOLE(1)),
	ROW("s2-ro", S12E1R, S2_RW, S1_RW_EL0, LEAF(1)),
	ROW("s2-ro", S12E0R, S2_RW, S1_RW_EL0, LEAF(1)),
	ROW("s2-wo", S12E1W, S2_RW, S1_RW_EL0, LEAF(2)),
	ROW("s2-af0", S12E1R, S2_RW, S1_RW_EL0, LEAF_NOAF(3)),
	ROW("s2-af0", S12E0W, S2_RW, S1_RW_EL0, LEAF_NOAF(3)),
	/* Stage 1: S = 0, PTW = 0, checked before stage 2 of the output. */
	ROW("s1-trans-l3", S12E1R, S2_RW, HOLE(3), S2_RW),
	ROW("s1-trans-l3", S12E0R, S2_RW, HOLE(3), S2_RW),
	ROW("s1-trans-l2", S12E1W, S2_RW, HOLE(2), S2_RW),
	ROW("s1-trans-l1", S12E0W, S2_RW, HOLE(1), S2_RW),
	ROW("s1-trans-l0", S12E1R, S2_RW, HOLE(0), S2_RW),
	ROW("s1-el1-rw", S12E1W, S2_RW, LEAF(0), S2_RW),
	ROW("s1-el1-rw", S12E0R, S2_RW, LEAF(0), S2_RW),
	ROW("s1-el1-ro", S12E1R, S2_RW, LEAF(2), S2_RW),
	ROW("s1-el1-ro", S12E1W, S2_RW, LEAF(2), S2_RW),
	ROW("s1-ro", S12E0R, S2_RW, LEAF(3), S2_RW),
	ROW("s1-ro", S12E0W, S2_RW, LEAF(3), S2_RW),
	ROW("s1-af0", S12E1R, S2_RW, LEAF_NOAF(1), S2_RW),
	ROW("s1-af0", S12E0R, S2_RW, LEAF_NOAF(1), S2_RW),
	ROW("s1-ro-over-s2-trans-l3", S12E1W, S2_RW, LEAF(2), HOLE(3)),
	/* The stage-1 level-3 table's IPA at stage 2: S = 1, PTW = 1 (the walk only reads). */
	ROW("ptw-trans-l3", S12E1R, HOLE(3), S1_RW_EL0, S2_RW),
	ROW("ptw-trans-l3", S12E0W, HOLE(3), S1_RW_EL0, S2_RW),
	ROW("ptw-trans-l2", S12E1R, HOLE(2), S1_RW_EL0, S2_RW),
	ROW("ptw-trans-l1", S12E0R, HOLE(1), S1_RW_EL0, S2_RW),
	ROW("ptw-s2-none", S12E1R, LEAF(0), S1_RW_EL0, S2_RW),
	ROW("ptw-s2-wo", S12E1W, LEAF(2), S1_RW_EL0, S2_RW),
	ROW("ptw-s2-ro", S12E1W, LEAF(1), S1_RW_EL0, S2_RW),
	ROW("ptw-s2-ro", S12E0W, LEAF(1), S1_RW_EL0, S2_RW),
	ROW("ptw-af0", S12E1R, LEAF_NOAF(3), S1_RW_EL0, S2_RW),
	ROW("ptw-over-s2-trans-l3", S12E1R, HOLE(3), S1_RW_EL0, HOLE(3)),
};

static bool is_plain_ram_table(const struct at_lookup *t)
{
	return t->valid && t->af && t->ap == 3;
}

/* The IPA that realizes stage-2 lookup @l in slot @slot; 0 if the layout has none. */
static uint64_t s2_lookup_ipa(const struct at_lookup *l, unsigned slot)
{
	if (l->valid || l->level == 3) {
		return S2_SLOT_IPA(slot);
	}
	return l->level == 2 ? S2_L2_HOLE(slot) : l->level == 1 ? S2_L1_HOLE(slot) : 0;
}

/* Map @ipa to guest RAM at @ram_off as @l says (nothing if @l is invalid). */
static int s2_realize(struct vm *vm, const struct at_lookup *l, uint64_t ipa, uint64_t ram_off)
{
	uint64_t attrs = PTE_SH_INNER | (uint64_t)(l->ap & 3) << 6 |
			 PTE_S2_MEMATTR(S2_MEMATTR_NORMAL_WB) | (l->af ? PTE_AF : 0);

	if (!l->valid) {
		return 0;
	}
	return vm_map(vm, IPA(ipa), PADDR((uint64_t)(uintptr_t)vm->ram + ram_off), 4096, attrs);
}

/* The VA that realizes stage-1 lookup @l, with the case's tables written. 0 on failure. */
static uint64_t s1_realize(struct vm *vm, const struct at_case *k)
{
	uint64_t table_ipa = is_plain_ram_table(&k->s1_table)
				     ? GUEST_RAM_IPA + CASE_L3_RAM
				     : s2_lookup_ipa(&k->s1_table, SLOT_TABLE);
	uint64_t out_ipa = s2_lookup_ipa(&k->s2, SLOT_OUT);
	uint64_t page = out_ipa | PTE_S1_ATTRIDX(ATTR_RAM_MAIR_IDX) | PTE_SH_INNER |
			(uint64_t)(k->s1.ap & 3) << 6 | (k->s1.af ? PTE_AF : 0) | S1_DESC_PAGE;
	uint64_t index = (CASE_VA >> 12) & 0x1ff;

	if (!table_ipa || !out_ipa || attr_map_s1_put(vm, 2, CASE_VA, table_ipa | S1_DESC_TABLE) ||
	    (!is_plain_ram_table(&k->s1_table) &&
	     s2_realize(vm, &k->s1_table, table_ipa, CASE_L3_RAM))) {
		return 0;
	}
	if (k->s1.valid) {
		if (vm_load(vm, IPA(GUEST_RAM_IPA + CASE_L3_RAM + 8 * index), &page,
			    sizeof(page))) {
			return 0;
		}
		return CASE_VA;
	}
	switch (k->s1.level) {
	case 3:
		return CASE_VA; /* the level-3 entry stays 0 */
	case 2:
		return CASE_VA + 0x200000;
	case 1:
		return S1_L1_HOLE;
	default:
		return S1_L0_HOLE;
	}
}

static void run_atfault(struct scenario_ctx *c, const void *row)
{
	const struct atfault_row *r = row;
	const struct attr_case base = {{false, 0xff, 3}, S2_MEMATTR_NORMAL_WB, 3, false, 0,
				       r->aarch32};
	static const char *const names[] = {[AT_S12E1R] = "s12e1r",
					    [AT_S12E1W] = "s12e1w",
					    [AT_S12E0R] = "s12e0r",
					    [AT_S12E0W] = "s12e0w"};
	struct at_access a = {.el0 = r->op == AT_S12E0R || r->op == AT_S12E0W,
			      .write = r->op == AT_S12E1W || r->op == AT_S12E0W};
	struct par_fault want;
	uint64_t pa, par, va;

	if (!at_s12_expect(&r->k, a, &want)) {
		sc_fail(c, "the row is outside what the oracle models");
		return;
	}
	if (!attr_map_start(c, &base, r->aarch32 ? G32SYM(g32p_exit) : GSYM(gp_exit), 0, &pa)) {
		return;
	}
	struct vm *vm = sc_vm(c);

	va = s1_realize(vm, &r->k);
	if (!va || s2_realize(vm, &r->k.s2, s2_lookup_ipa(&r->k.s2, SLOT_OUT), CASE_OUT_RAM)) {
		sc_fail(c, "could not build the row's stage-1 or stage-2 tables");
		return;
	}
	if (vcpu_at_s12(sc_vcpu(c), r->op, va, &par)) {
		sc_fail(c, "vcpu_at_s12 refused the vCPU");
		return;
	}
	sc_diag(c, "at", "%s 0x%llx", names[r->op], (unsigned long long)va);
	sc_diag(c, "par_el1", "0x%016llx", (unsigned long long)par);
	if (!want.f) {
		if (sc_expect_u64(c, "par_el1.f", par & PAR_F, 0)) {
			sc_expect_u64(c, "par_el1.pa", par & PAR_PA_MASK,
				      (uint64_t)(uintptr_t)vm->ram + CASE_OUT_RAM);
		}
		return;
	}
	sc_expect_u64(c, "par_el1.{f,fst,ptw,s}", par & PAR_FAULT_FIELDS,
		      at_par_fault_encode(&want));
}

SCENARIO(stage2_attr_atfault, .id = "stage2.attr.atfault",
	 .rule = "AT S12E1R/W and S12E0R/W executed at EL2 report a fault in PAR_EL1 instead of "
		 "taking it: F = 1, FST = the fault status code with its level, S = 1 for a "
		 "stage-2 fault, PTW = 1 when it was on the stage-2 translation of a stage-1 "
		 "table read (AArch64.EncodePAR); stage 1 (its walk through stage 2 included) is "
		 "checked before stage 2 of the output, a walk only reads its tables",
	 SCENARIO_ROWS(atfault_rows), .run = run_atfault);

/*
 * The same with EL1 in AArch32 and an LPAE stage 1 (TTBCR.EAE = 1, T0SZ = 0, walks from level
 * 1): the PAR_EL1 fields of a failed AT keep their places in the 64-bit (LPAE) PAR format (FST
 * [6:1], S2WLK [8], FSTAGE [9]). A 32-bit VA has no level-0 lookup, so no such row.
 */
static const struct atfault_row a32_atfault_rows[] = {
	ROW32("s2-trans-l3", S12E1R, S2_RW, S1_RW_EL0, HOLE(3)),
	ROW32("s2-trans-l1", S12E0R, S2_RW, S1_RW_EL0, HOLE(1)),
	ROW32("s2-ro", S12E1R, S2_RW, S1_RW_EL0, LEAF(1)),
	ROW32("s2-af0", S12E1R, S2_RW, S1_RW_EL0, LEAF_NOAF(3)),
	ROW32("s1-trans-l3", S12E1R, S2_RW, HOLE(3), S2_RW),
	ROW32("s1-trans-l2", S12E0W, S2_RW, HOLE(2), S2_RW),
	ROW32("s1-trans-l1", S12E1W, S2_RW, HOLE(1), S2_RW),
	ROW32("s1-el1-rw", S12E0R, S2_RW, LEAF(0), S2_RW),
	ROW32("s1-el1-ro", S12E1W, S2_RW, LEAF(2), S2_RW),
	ROW32("s1-af0", S12E1R, S2_RW, LEAF_NOAF(1), S2_RW),
	ROW32("ptw-trans-l3", S12E1R, HOLE(3), S1_RW_EL0, S2_RW),
	ROW32("ptw-af0", S12E0R, LEAF_NOAF(3), S1_RW_EL0, S2_RW),
};

SCENARIO(stage2_aarch32_atfault, .id = "stage2.aarch32.atfault",
	 .rule = "with EL1 in AArch32 and an LPAE stage 1, AT S12E1R/W and S12E0R/W executed at "
		 "EL2 report a fault in the 64-bit PAR_EL1 format: F = 1, FST with its level, S "
		 "(FSTAGE) = 1 for a stage-2 fault, PTW (S2WLK) = 1 on a stage-1 table read",
	 SCENARIO_ROWS(a32_atfault_rows), .requires = aarch32_el1_requires, .run = run_atfault);
