/* SPDX-License-Identifier: MIT */
/*
 * stage2.s1ptw: the guest's stage-1 translation tables seen through stage 2. One table of the
 * guest's TTBR1_EL1 chain (level 0, 1, 2 or 3 of the stage-1 walk, s1ptw_map.h) is reached at
 * an IPA that stage 2 leaves unmapped (with the walk of our stage 2 stopping at level 1, 2 or
 * 3), maps read-only, or maps as Device (with HCR_EL2.PTW = 1 or 0), and the guest makes one
 * access through it: a load, a store, an instruction fetch, or AT S1E1R at EL1.
 *
 * The oracle (scenarios/model/s2_walk_model.c) walks our stage-2 tables for the table's IPA
 * and says what the walk's read does there. A fault is a stage-2 abort taken to EL2 with
 * S1PTW = 1, the fault's type and the level of the *stage-2* walk, WnR = 0 (the walk reads;
 * AT: CM = 1 and WnR = 1), ISV = 0, FAR_EL2 = the VA and HPFAR_EL2 = the table's IPA; the
 * ELR_EL2 is the instruction (for the fetch, the VA fetched). Without a fault (read-only
 * stage 2 for a walk that only reads; Device with PTW = 0, "as if ... Normal Non-cacheable")
 * the access completes: the load returns the page's data, the store lands, the fetched code
 * runs, AT gives the page's IPA. A read/write alias with AF = 0 is an Access flag fault on the
 * walk (S1PTW = 1), or, with VTCR_EL2.HA = 1, has its AF set by the walk (read back after).
 */
#include "arch/el2.h"
#include "arch/esr.h"
#include "arch/pte.h"
#include "cpu_id.h"
#include "esr_model.h"
#include "hvc.h"
#include "s1ptw_map.h"

enum s1ptw_acc { ACC_LD, ACC_ST, ACC_FETCH, ACC_AT };

enum s1ptw_s2 {
	S2_UNMAPPED_1G, /* no level-1 entry: the stage-2 walk stops at level 1 */
	S2_UNMAPPED_2M, /* within mapped 1 GiB, no level-2 entry */
	S2_UNMAPPED_4K, /* next to guest RAM's pages: no level-3 entry */
	S2_RO,		/* an alias of the table's frame, S2AP = read-only */
	S2_RO_PTW,	/* the same with HCR_EL2.PTW = 1 (Normal memory: no fault) */
	S2_DEV_PTW,	/* an alias mapped Device-nGnRE, HCR_EL2.PTW = 1 */
	S2_DEV,		/* the same with PTW = 0 */
	S2_AF0,		/* a read/write alias with AF = 0, VTCR_EL2.HA = 0 */
	S2_AF0_HA,	/* the same with VTCR_EL2.HA = 1: the walk sets the alias's AF */
};

struct s1ptw_row {
	const char *name;
	unsigned level;
	enum s1ptw_acc acc;
	enum s1ptw_s2 s2;
};

/* IPAs (40-bit IPA space, guest RAM 1 MiB of pages at 0x40000000), all outside guest RAM. */
static const uint64_t s2_ipa[] = {
	[S2_UNMAPPED_1G] = 0xc0000000, [S2_UNMAPPED_2M] = 0x40800000, [S2_UNMAPPED_4K] = 0x40180000,
	[S2_RO] = 0x40600000,	       [S2_RO_PTW] = 0x40600000,      [S2_DEV_PTW] = 0x40600000,
	[S2_DEV] = 0x40600000,	       [S2_AF0] = 0x40600000,	      [S2_AF0_HA] = 0x40600000,
};

#define S1PTW_STORE_VALUE 0x5354525f53315054ULL

#define S2_KINDS(X, lvl, acc, accname)                                                             \
	X(lvl, acc, accname, S2_UNMAPPED_1G, "unmapped-1g")                                        \
	X(lvl, acc, accname, S2_UNMAPPED_2M, "unmapped-2m")                                        \
	X(lvl, acc, accname, S2_UNMAPPED_4K, "unmapped-4k")                                        \
	X(lvl, acc, accname, S2_RO, "ro")                                                          \
	X(lvl, acc, accname, S2_RO_PTW, "ro-ptw1")                                                 \
	X(lvl, acc, accname, S2_DEV_PTW, "dev-ptw1")                                               \
	X(lvl, acc, accname, S2_DEV, "dev-ptw0")                                                   \
	X(lvl, acc, accname, S2_AF0, "af0")                                                        \
	X(lvl, acc, accname, S2_AF0_HA, "af0-ha")
#define ROW(lvl, acc, accname, s2, s2name)                                                         \
	{"[s1-l" #lvl "," accname ",s2=" s2name "]", lvl, acc, s2},
#define ACCESSES(lvl)                                                                              \
	S2_KINDS(ROW, lvl, ACC_LD, "ld")                                                           \
	S2_KINDS(ROW, lvl, ACC_ST, "st")                                                           \
	S2_KINDS(ROW, lvl, ACC_FETCH, "fetch") S2_KINDS(ROW, lvl, ACC_AT, "at-s1e1r")

static const struct s1ptw_row s1ptw_rows[] = {ACCESSES(0) ACCESSES(1) ACCESSES(2) ACCESSES(3)};

static bool is_unmapped(enum s1ptw_s2 k)
{
	return k == S2_UNMAPPED_1G || k == S2_UNMAPPED_2M || k == S2_UNMAPPED_4K;
}

/* Stage-2 attributes of the table's alias, for the mapped kinds. */
static uint64_t alias_attr(enum s1ptw_s2 k)
{
	if (k == S2_DEV || k == S2_DEV_PTW) {
		return PTE_AF | PTE_S2AP_RW | PTE_S2_MEMATTR(S2_MEMATTR_DEVICE_nGnRE);
	}
	if (k == S2_AF0 || k == S2_AF0_HA) {
		return PTE_SH_INNER | PTE_S2AP_RW | PTE_S2_MEMATTR(S2_MEMATTR_NORMAL_WB);
	}
	return PTE_AF | PTE_SH_INNER | PTE_S2AP_R | PTE_S2_MEMATTR(S2_MEMATTR_NORMAL_WB);
}

static const char *s1ptw_requires(const void *row, char *why, size_t len)
{
	const struct s1ptw_row *r = row;

	return r->s2 == S2_AF0_HA ? cpu_requires(CPU_HAFDBS, why, len) : NULL;
}

static const uint64_t payloads[] = {[ACC_LD] = GSYM(gp_s1ptw_ldr),
				    [ACC_ST] = GSYM(gp_s1ptw_str),
				    [ACC_FETCH] = GSYM(gp_s1ptw_fetch),
				    [ACC_AT] = GSYM(gp_s1ptw_at)};

/* The instruction a fault on @acc returns to (for the fetch: the VA fetched). */
static uint64_t fault_elr(enum s1ptw_acc acc)
{
	static const uint64_t elr[] = {[ACC_LD] = GSYM(gl_s1ptw_ldr),
				       [ACC_ST] = GSYM(gl_s1ptw_str),
				       [ACC_FETCH] = S1PTW_VA,
				       [ACC_AT] = GSYM(gl_s1ptw_at)};

	return elr[acc];
}

static uint64_t access_va(enum s1ptw_acc acc)
{
	return acc == ACC_LD ? S1PTW_VA + S1PTW_MAGIC_OFFSET : S1PTW_VA;
}

/*
 * The syndrome of a stage-2 fault on the walk: a Data Abort (ISV 0, S1PTW, WnR of the walk's
 * access) for loads and stores; an Instruction Abort (S1PTW) for the fetch; for AT S1E1R a
 * Data Abort with CM = 1 and WnR = 1 ("For faults on cache maintenance and address
 * translation instructions, this bit always returns a value of 1", ESR_EL2.WnR; CM "Fault
 * generated by a cache maintenance or address translation instruction").
 */
static uint64_t s1ptw_expect_esr(enum s1ptw_acc acc, const struct s2_outcome *o)
{
	struct dabt_access walk = {.s1ptw = true, .is_write = o->wnr};

	switch (acc) {
	case ACC_FETCH:
		return esr_expect_iabt_s2_s1ptw(o->fsc);
	case ACC_AT:
		walk.is_write = true;
		return esr_expect_dabt_s2(&walk, o->fsc) | ESR_ISS_DABT_CM;
	default:
		return esr_expect_dabt_s2(&walk, o->fsc);
	}
}

static void expect_fault(struct scenario_ctx *c, const struct s1ptw_row *r, const struct exit *e,
			 const struct s2_outcome *o, uint64_t table_ipa)
{
	enum exit_reason reason = r->acc == ACC_FETCH ? EXIT_IABT : EXIT_DABT;

	if (!sc_expect_exit(c, e, reason, s1ptw_expect_esr(r->acc, o), fault_elr(r->acc))) {
		return;
	}
	sc_expect_u64(c, "far_el2", e->far, access_va(r->acc));
	sc_expect_u64(c, "hpfar_el2", e->hpfar, hpfar_expect(table_ipa));
}

static void expect_completed(struct scenario_ctx *c, const struct s1ptw_row *r,
			     const struct exit *e, const struct s1ptw_map *m)
{
	uint64_t got;

	if (!sc_expect_done(c, e, r->acc == ACC_FETCH ? S1PTW_FETCH_STATUS : 0)) {
		return;
	}
	if (r->acc == ACC_LD && sc_report(c, GREPORT_USER, &got)) {
		sc_expect_u64(c, "loaded", got, S1PTW_MAGIC);
	}
	if (r->acc == ACC_AT && sc_report(c, GREPORT_USER, &got)) {
		sc_expect_u64(c, "par_el1.f", got & PAR_F, 0);
		sc_expect_u64(c, "par_el1.pa", got & PAR_PA_MASK, m->page_ipa);
	}
	if (r->acc == ACC_ST) {
		const volatile uint64_t *p = vm_ram_ptr(sc_vm(c), IPA(m->page_ipa), 8);

		sc_expect_u64(c, "stored", p ? *p : 0, S1PTW_STORE_VALUE);
	}
}

static void run_s1ptw(struct scenario_ctx *c, const void *row)
{
	const struct s1ptw_row *r = row;
	bool ptw = r->s2 == S2_DEV_PTW || r->s2 == S2_RO_PTW;
	struct s1ptw_layout l = {.moved_level = (int)r->level,
				 .moved_ipa = s2_ipa[r->s2],
				 .s2_hw_af = r->s2 == S2_AF0_HA,
				 .hcr = ptw ? HCR_PTW : 0};
	struct s1ptw_map m;
	struct s2w_walk w;
	struct s2_outcome o;

	if (!s1ptw_start(c, &l, payloads[r->acc], access_va(r->acc), S1PTW_STORE_VALUE, &m)) {
		return;
	}
	struct vm *vm = sc_vm(c);

	if (!is_unmapped(r->s2) &&
	    vm_map(vm, IPA(l.moved_ipa), PADDR(m.table_pa[r->level]), 4096, alias_attr(r->s2))) {
		sc_fail(c, "could not map the table's alias at stage 2");
		return;
	}
	s1ptw_walk(vm, l.hcr, l.moved_ipa, &w);
	if (w.status == S2W_UNMODELLED || (w.status == S2W_OK) == is_unmapped(r->s2)) {
		sc_fail(c, "the stage-2 walk of IPA 0x%llx is not what the row says (status %d)",
			(unsigned long long)l.moved_ipa, w.status);
		return;
	}
	struct s2w_regime reg = s1ptw_regime(vm, l.hcr);

	s2_access_outcome(&reg, &w, S2_ACC_TTW_READ, &o);
	sc_diag(c, "table_ipa", "0x%llx", (unsigned long long)l.moved_ipa);
	sc_diag(c, "stage2_walk", "status %d level %u desc 0x%llx", w.status, w.level,
		(unsigned long long)w.desc);

	struct exit e = sc_run(c);

	if (o.fault) {
		expect_fault(c, r, &e, &o, l.moved_ipa);
	} else {
		expect_completed(c, r, &e, &m);
	}
	if (!o.af_unknown) {
		sc_expect_u64(c, "stage2_desc_after", *(volatile uint64_t *)(uintptr_t)w.desc_pa,
			      o.desc_after);
	}
}

SCENARIO(stage2_s1ptw, .id = "stage2.s1ptw",
	 .rule = "a stage-1 table walk is translated by stage 2 (AArch64.S1Walk -> "
		 "AArch64.S2Translate of each table address): an unmapped table IPA is a stage-2 "
		 "Translation fault at the stage-2 walk's level, a table in stage-2 Device memory "
		 "with HCR_EL2.PTW = 1 a stage-2 Permission fault; both with S1PTW = 1, WnR = 0 "
		 "(the walk reads; AT: CM = 1, WnR = 1), ISV = 0, FAR_EL2 = VA, HPFAR_EL2 = the "
		 "table's IPA. Read-only stage 2 does not fault a walk that only reads, and with "
		 "PTW = 0 a walk to Device memory occurs as if to Normal Non-cacheable; a table "
		 "IPA whose stage-2 AF is 0 is an Access flag fault (S1PTW = 1), or with "
		 "VTCR_EL2.HA = 1 the walk sets that AF",
	 SCENARIO_ROWS(s1ptw_rows), .requires = s1ptw_requires, .run = run_s1ptw, .ec = "0x20 0x24",
	 .control = "stage 2 translation of stage-1 walks (VTTBR_EL2, HCR_EL2.PTW)");
