/* SPDX-License-Identifier: MIT */
/*
 * stage2.s1ptw.hafdbs: hardware Access flag and dirty-state updates of the guest's *stage-1*
 * descriptors (TCR_EL1.HA/HD, FEAT_HAFDBS) when the stage-1 table holding the descriptor is
 * mapped read-only at stage 2. The level-3 table of the s1ptw_map.h chain is reached at an
 * alias IPA mapped read-only (or, for the positive rows, read/write) at stage 2, its page
 * descriptor has AF = 0 (HA rows) or is clean (AP[2] = 1, DBM = 1: HD rows).
 *
 * The walk's reads pass; the update is a write of the table through stage 2
 * (AArch64.S1Translate(): AArch64.S2Translate() of the descriptor address with iswrite =
 * TRUE), so a read-only stage 2 gives a stage-2 Permission fault at the level of the alias's
 * stage-2 leaf with S1PTW = 1 and WnR = 1, FAR_EL2 = the VA, HPFAR_EL2 = the table's IPA. With
 * a writable alias the access completes and the stage-1 descriptor reads back updated
 * (s1_hw_update()); an access that needs no update does not fault.
 */
#include "arch/el2.h"
#include "arch/esr.h"
#include "arch/pte.h"
#include "cpu_id.h"
#include "esr_model.h"
#include "hvc.h"
#include "s1ptw_map.h"

#define S1HA_ALIAS_IPA 0x40600000ULL
#define S1HA_STORE     0x4844555044415445ULL

enum s1ha_acc { S1HA_LD, S1HA_ST, S1HA_FETCH };

struct s1ha_row {
	const char *name;
	enum s1ha_acc acc;
	bool dirty;    /* HD row: page clean (AP[2] = 1, DBM = 1), TCR_EL1.HA | HD */
	bool table_rw; /* the level-3 table's stage-2 alias is writable */
	enum cpu_feature need;
};

static const struct s1ha_row s1ha_rows[] = {
	{"[af,ld,s2=ro]", S1HA_LD, false, false, CPU_HAFDBS},
	{"[af,st,s2=ro]", S1HA_ST, false, false, CPU_HAFDBS},
	{"[af,fetch,s2=ro]", S1HA_FETCH, false, false, CPU_HAFDBS},
	{"[af,ld,s2=rw]", S1HA_LD, false, true, CPU_HAFDBS},
	{"[af,fetch,s2=rw]", S1HA_FETCH, false, true, CPU_HAFDBS},
	{"[dirty,st,s2=ro]", S1HA_ST, true, false, CPU_HAFDBS_DIRTY},
	{"[dirty,ld,s2=ro]", S1HA_LD, true, false, CPU_HAFDBS_DIRTY},
	{"[dirty,st,s2=rw]", S1HA_ST, true, true, CPU_HAFDBS_DIRTY},
};

static const char *s1ha_requires(const void *row, char *why, size_t len)
{
	const struct s1ha_row *r = row;

	return s1ptw_requires_ipa(why, len) ? why : cpu_requires(r->need, why, len);
}

static const uint64_t s1ha_payload[] = {[S1HA_LD] = GSYM(gp_s1ptw_ldr),
					[S1HA_ST] = GSYM(gp_s1ptw_str),
					[S1HA_FETCH] = GSYM(gp_s1ptw_fetch)};
static const uint64_t s1ha_elr[] = {
	[S1HA_LD] = GSYM(gl_s1ptw_ldr), [S1HA_ST] = GSYM(gl_s1ptw_str), [S1HA_FETCH] = S1PTW_VA};

static uint64_t s1ha_va(enum s1ha_acc acc)
{
	return acc == S1HA_LD ? S1PTW_VA + S1PTW_MAGIC_OFFSET : S1PTW_VA;
}

static void expect_update_fault(struct scenario_ctx *c, const struct s1ha_row *r,
				const struct exit *e, const struct s2_outcome *o)
{
	struct dabt_access update = {.s1ptw = true, .is_write = o->wnr};
	bool fetch = r->acc == S1HA_FETCH;
	uint64_t esr =
		fetch ? esr_expect_iabt_s2_s1ptw(o->fsc) : esr_expect_dabt_s2(&update, o->fsc);

	if (!sc_expect_exit(c, e, fetch ? EXIT_IABT : EXIT_DABT, esr, s1ha_elr[r->acc])) {
		return;
	}
	sc_expect_u64(c, "far_el2", e->far, s1ha_va(r->acc));
	sc_expect_u64(c, "hpfar_el2", e->hpfar, hpfar_expect(S1HA_ALIAS_IPA));
}

static void expect_completed(struct scenario_ctx *c, const struct s1ha_row *r, const struct exit *e,
			     const struct s1ptw_map *m)
{
	uint64_t got;

	if (!sc_expect_done(c, e, r->acc == S1HA_FETCH ? S1PTW_FETCH_STATUS : 0)) {
		return;
	}
	if (r->acc == S1HA_LD && sc_report(c, GREPORT_USER, &got)) {
		sc_expect_u64(c, "loaded", got, S1PTW_MAGIC);
	}
	if (r->acc == S1HA_ST) {
		const volatile uint64_t *p = vm_ram_ptr(sc_vm(c), IPA(m->page_ipa), 8);

		sc_expect_u64(c, "stored", p ? *p : 0, S1HA_STORE);
	}
}

static void run_s1ha(struct scenario_ctx *c, const void *row)
{
	const struct s1ha_row *r = row;
	struct s1ptw_layout l = {
		.moved_level = 3,
		.moved_ipa = S1HA_ALIAS_IPA,
		.leaf_clear = r->dirty ? 0 : PTE_AF,
		.leaf_set = r->dirty ? PTE_S1_AP_RO | PTE_DBM : 0,
		.tcr_extra = TCR_EL1_HA | (r->dirty ? TCR_EL1_HD : 0),
	};
	uint64_t alias = PTE_AF | PTE_SH_INNER | PTE_S2_MEMATTR(S2_MEMATTR_NORMAL_WB) |
			 (r->table_rw ? PTE_S2AP_RW : PTE_S2AP_R);
	struct s1ptw_map m;
	struct s2w_walk w;
	struct s2_outcome read, update;

	if (!s1ptw_start(c, &l, s1ha_payload[r->acc], s1ha_va(r->acc), S1HA_STORE, &m)) {
		return;
	}
	struct vm *vm = sc_vm(c);

	if (vm_map(vm, IPA(S1HA_ALIAS_IPA), PADDR(m.table_pa[3]), 4096, alias)) {
		sc_fail(c, "could not map the level-3 table's alias at stage 2");
		return;
	}
	volatile uint64_t *desc = (volatile uint64_t *)(uintptr_t)m.page_desc_pa;
	uint64_t before = *desc;
	uint64_t after = s1_hw_update(before, true, r->dirty, r->acc == S1HA_ST);
	struct s2w_regime reg = s1ptw_regime(vm, 0);

	/* The walk reads the table, then, if the descriptor changes, writes it. */
	s1ptw_walk(vm, 0, S1HA_ALIAS_IPA, &w);
	s2_access_outcome(&reg, &w, S2_ACC_TTW_READ, &read);
	s2_access_outcome(&reg, &w, S2_ACC_TTW_UPDATE, &update);
	if (w.status != S2W_OK || read.fault) {
		sc_fail(c, "the alias of the table does not read at stage 2: the row is wrong");
		return;
	}
	bool faults = after != before && update.fault;

	sc_diag(c, "s1_desc_before", "0x%016llx", (unsigned long long)before);
	sc_diag(c, "s1_desc_updated", "0x%016llx", (unsigned long long)after);

	struct exit e = sc_run(c);

	if (faults) {
		expect_update_fault(c, r, &e, &update);
		sc_expect_u64(c, "s1_desc_after", *desc, before);
	} else {
		expect_completed(c, r, &e, &m);
		sc_expect_u64(c, "s1_desc_after", *desc, after);
	}
}

SCENARIO(stage2_s1ptw_hafdbs, .id = "stage2.s1ptw.hafdbs",
	 .rule = "a hardware Access flag or dirty-state update of a stage-1 descriptor "
		 "(TCR_EL1.HA/HD) writes its table through stage 2 (AArch64.S1Translate: "
		 "S2Translate with iswrite = TRUE): a table that stage 2 maps read-only gives a "
		 "stage-2 Permission fault with S1PTW = 1 and WnR = 1, HPFAR_EL2 = the table's "
		 "IPA, and the descriptor is not updated; a writable table is updated and the "
		 "access completes; an access that needs no update does not fault",
	 SCENARIO_ROWS(s1ha_rows), .requires = s1ha_requires, .run = run_s1ha, .ec = "0x20 0x24",
	 .control = "TCR_EL1.HA/HD through stage 2 (FEAT_HAFDBS)");
