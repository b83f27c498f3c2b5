/* SPDX-License-Identifier: MIT */
/*
 * stage2.tlbi: a guest reads PROBE_IPA (its first page), the harness moves the mapping to the
 * VM's second page between runs, issues a row's TLB maintenance at EL2 with the VM's VMID
 * (vm_tlbi_seq()), and the guest reads again. What it may see comes from tlb_model.c alone:
 *
 * - no maintenance, or an incomplete one (IPAS2E1 without VMALLE1: it invalidates stage-2
 *   entries only, so a combined stage 1+2 entry may survive; VMALLE1 alone: the stage-2 entry
 *   may; another page; a wrong TTL hint; a range that misses the page): the old page or the
 *   new one. A stale read is permitted, never a failure; the row then ends with TLBI VMALLS12E1
 *   and a read that must see the new page.
 * - the architected sequence (DSB, TLBI IPAS2E1*, DSB, TLBI VMALLE1*, DSB, ISB) in every
 *   shareability, the L forms, the range forms (FEAT_TLBIRANGE), the nXS forms (FEAT_XS), or
 *   VMALLS12E1: the new page only.
 * - break-before-make: invalid (read: fault or the old page), TLBI (read: fault), new entry
 *   (read: the new page); without the TLBI, the old page may survive the make.
 * - VTTBR_EL2.CnP = 1 (FEAT_TTCNP): reads back 1, and translations are as with CnP = 0.
 *
 * Each read is of two words, which must come from one page (never a mix), and each run also
 * stores a value, which must land in a page the read was permitted to use.
 */
#include <string.h>

#include "arch/el2.h"
#include "arch/sysreg.h"
#include "cpu_id.h"
#include "s2probe.h"
#include "tlbi.h"

enum tlbi_change {
	CHANGE_REMAP,	    /* old -> new between two runs, then the row's TLBIs */
	CHANGE_BBM,	    /* old -> invalid, TLBIs, -> new, a run after each step */
	CHANGE_BBM_NO_TLBI, /* old -> invalid -> new with no TLBI: the "break" without its TLBI */
};

#define TLBI_STEPS 2

struct tlbi_row {
	const char *name;
	enum tlbi_change change;
	unsigned steps;
	struct vm_tlbi_step step[TLBI_STEPS];
	bool ttl;   /* a step has a TTL hint (needs FEAT_TTL; RES0 without it) */
	bool cnp;   /* VTTBR_EL2.CnP = 1 */
	bool s1;    /* the guest's stage 1 on: genuinely combined stage 1+2 TLB entries */
	bool block; /* the probe is a 2 MiB block (a level-2 leaf), not a page */
};

#define AT(op_, ...)                                                                               \
	{                                                                                          \
		.op = VM_TLBI_##op_, .ipa = PROBE_IPA, __VA_ARGS__                                 \
	}
/* A row; @extra: more designated fields (.s1, .ttl, .cnp) or .s1 = false for none. */
#define ROWX(name_, change_, extra, n, ...)                                                        \
	{                                                                                          \
		.name = name_, .change = CHANGE_##change_, extra, .steps = n, .step = {            \
			__VA_ARGS__                                                                \
		}                                                                                  \
	}
#define BLOCK_TTL		    .block = true, .ttl = true /* one ROWX() extra, two fields */
#define ROW(name_, change_, n, ...) ROWX(name_, change_, .s1 = false, n, __VA_ARGS__)
#define ONE(name_, ...)		    ROW(name_, REMAP, 1, AT(__VA_ARGS__))
/*
 * The architected pair: a stage-2 TLBI by IPA (or range), then a VMALLE1 of @e1; and the same
 * with the nXS forms of both. @cls: the feature class of the plain pair ("base", "os",
 * "range"); @s2, @e1: lowercase names for the id; @S2, @E1: the instructions.
 */
#define PAIRS(cls, s2, e1, S2, E1)                                                                 \
	ROW("[" cls "][remap," s2 "+" e1 "]", REMAP, 2, AT(S2), AT(E1)),                           \
		ROW("[nxs][remap," s2 "+" e1 "]", REMAP, 2, AT(S2##NXS), AT(E1##NXS))

/*
 * The first [...] group names the feature class a row needs beyond the base architecture
 * (os: FEAT_TLBIOS, range: FEAT_TLBIRANGE, nxs: FEAT_XS, ttl: FEAT_TTL, cnp: FEAT_TTCNP), so
 * that a CPU without it skips one scope (docs/baselines.md, "Skip list format").
 */
/* clang-format off */
static const struct tlbi_row tlbi_rows[] = {
	/* Stale reads permitted: no maintenance, half the pair, another page. */
	ROW("[base][remap,none]", REMAP, 0),
	ONE("[base][remap,ipas2e1]", IPAS2E1),
	ONE("[base][remap,vmalle1]", VMALLE1),
	ROW("[base][remap,ipas2e1-next-page+vmalle1]", REMAP, 2,
	    {.op = VM_TLBI_IPAS2E1, .ipa = PROBE_IPA + 0x1000}, AT(VMALLE1)),
	/* The architected pair in each form and shareability. */
	PAIRS("base", "ipas2e1", "vmalle1", IPAS2E1, VMALLE1),
	PAIRS("base", "ipas2e1is", "vmalle1is", IPAS2E1IS, VMALLE1IS),
	PAIRS("os", "ipas2e1os", "vmalle1os", IPAS2E1OS, VMALLE1OS),
	PAIRS("base", "ipas2le1", "vmalle1", IPAS2LE1, VMALLE1),
	PAIRS("base", "ipas2le1is", "vmalle1is", IPAS2LE1IS, VMALLE1IS),
	PAIRS("os", "ipas2le1os", "vmalle1os", IPAS2LE1OS, VMALLE1OS),
	/* Ranges: NUM = 0, SCALE = 0 is 2 pages from the base (the probe page and the next). */
	PAIRS("range", "ripas2e1", "vmalle1", RIPAS2E1, VMALLE1),
	PAIRS("range", "ripas2e1is", "vmalle1is", RIPAS2E1IS, VMALLE1IS),
	PAIRS("range", "ripas2e1os", "vmalle1os", RIPAS2E1OS, VMALLE1OS),
	PAIRS("range", "ripas2le1", "vmalle1", RIPAS2LE1, VMALLE1),
	PAIRS("range", "ripas2le1is", "vmalle1is", RIPAS2LE1IS, VMALLE1IS),
	PAIRS("range", "ripas2le1os", "vmalle1os", RIPAS2LE1OS, VMALLE1OS),
	ROW("[range][remap,ripas2e1-below+vmalle1]", REMAP, 2,
	    {.op = VM_TLBI_RIPAS2E1, .ipa = PROBE_IPA - 0x2000}, AT(VMALLE1)),
	ROW("[range][remap,ripas2e1-128-pages+vmalle1]", REMAP, 2,
	    {.op = VM_TLBI_RIPAS2E1, .ipa = PROBE_IPA - 127 * 0x1000, .num = 1, .scale = 1},
	    AT(VMALLE1)),
	ROW("[range][remap,ripas2e1-ttl-l3+vmalle1]", REMAP, 2, AT(RIPAS2E1, .ttl = 3), AT(VMALLE1)),
	ROW("[range][remap,ripas2e1-ttl-l2+vmalle1]", REMAP, 2, AT(RIPAS2E1, .ttl = 2), AT(VMALLE1)),
	/* TTL[3:0] of the IPA forms: 0b0111 = 4K level 3 (right), 0b0110 = level 2 (wrong). */
	ROWX("[ttl][remap,ipas2e1-ttl-4k-l3+vmalle1]", REMAP, .ttl = true, 2,
	     AT(IPAS2E1, .ttl = 0x7), AT(VMALLE1)),
	ROWX("[ttl][remap,ipas2e1-ttl-4k-l2+vmalle1]", REMAP, .ttl = true, 2,
	     AT(IPAS2E1, .ttl = 0x6), AT(VMALLE1)),
	ONE("[base][remap,vmalls12e1]", VMALLS12E1),
	ONE("[base][remap,vmalls12e1is]", VMALLS12E1IS),
	ONE("[os][remap,vmalls12e1os]", VMALLS12E1OS),
	ONE("[nxs][remap,vmalls12e1]", VMALLS12E1NXS),
	ONE("[nxs][remap,vmalls12e1is]", VMALLS12E1ISNXS),
	ONE("[nxs][remap,vmalls12e1os]", VMALLS12E1OSNXS),
	/* Break-before-make, with the whole TLBI, half of it, none. */
	ROW("[base][bbm,ipas2e1is+vmalle1is]", BBM, 2, AT(IPAS2E1IS), AT(VMALLE1IS)),
	ROW("[range][bbm,ripas2e1is+vmalle1is]", BBM, 2, AT(RIPAS2E1IS), AT(VMALLE1IS)),
	ROW("[base][bbm,vmalls12e1is]", BBM, 1, AT(VMALLS12E1IS)),
	ROW("[base][bbm,ipas2e1is-only]", BBM, 1, AT(IPAS2E1IS)),
	ROW("[base][bbm,no-tlbi]", BBM_NO_TLBI, 0),
	/* With the guest's stage 1 on: the TLB may hold combined VA -> PA entries. */
	ROWX("[base][s1=on,remap,none]", REMAP, .s1 = true, 0),
	ROWX("[base][s1=on,remap,ipas2e1is]", REMAP, .s1 = true, 1, AT(IPAS2E1IS)),
	ROWX("[base][s1=on,remap,vmalle1is]", REMAP, .s1 = true, 1, AT(VMALLE1IS)),
	ROWX("[base][s1=on,remap,ipas2e1is+vmalle1is]", REMAP, .s1 = true, 2, AT(IPAS2E1IS),
	     AT(VMALLE1IS)),
	ROWX("[range][s1=on,remap,ripas2e1is+vmalle1is]", REMAP, .s1 = true, 2, AT(RIPAS2E1IS),
	     AT(VMALLE1IS)),
	ROWX("[base][s1=on,remap,vmalls12e1is]", REMAP, .s1 = true, 1, AT(VMALLS12E1IS)),
	ROWX("[base][s1=on,bbm,ipas2e1is+vmalle1is]", BBM, .s1 = true, 2, AT(IPAS2E1IS),
	     AT(VMALLE1IS)),
	/* A 2 MiB block (level 2): TLBI by any IPA inside it, TTL level 2 right and 3 wrong. */
	ROWX("[base][block,remap,ipas2e1]", REMAP, .block = true, 1, AT(IPAS2E1)),
	ROWX("[base][block,remap,ipas2e1+vmalle1]", REMAP, .block = true, 2, AT(IPAS2E1),
	     AT(VMALLE1)),
	ROWX("[base][block,remap,ipas2e1-mid-block+vmalle1]", REMAP, .block = true, 2,
	     {.op = VM_TLBI_IPAS2E1, .ipa = PROBE_IPA + 0x100000}, AT(VMALLE1)),
	ROWX("[base][block,remap,ipas2le1is+vmalle1is]", REMAP, .block = true, 2, AT(IPAS2LE1IS),
	     AT(VMALLE1IS)),
	ROWX("[base][block,bbm,ipas2e1is+vmalle1is]", BBM, .block = true, 2, AT(IPAS2E1IS),
	     AT(VMALLE1IS)),
	ROWX("[ttl][block,remap,ipas2e1-ttl-4k-l2+vmalle1]", REMAP, BLOCK_TTL, 2,
	     AT(IPAS2E1, .ttl = 0x6), AT(VMALLE1)),
	ROWX("[ttl][block,remap,ipas2e1-ttl-4k-l3+vmalle1]", REMAP, BLOCK_TTL, 2,
	     AT(IPAS2E1, .ttl = 0x7), AT(VMALLE1)),
	ROWX("[range][block,remap,ripas2e1-last-page+vmalle1]", REMAP, .block = true, 2,
	     {.op = VM_TLBI_RIPAS2E1, .ipa = PROBE_IPA + 0x1ff000}, AT(VMALLE1)),
	ROWX("[range][block,remap,ripas2e1-ttl-l2+vmalle1]", REMAP, .block = true, 2,
	     AT(RIPAS2E1, .ttl = 2), AT(VMALLE1)),
	ROWX("[range][block,remap,ripas2e1-ttl-l3+vmalle1]", REMAP, .block = true, 2,
	     AT(RIPAS2E1, .ttl = 3), AT(VMALLE1)),
	/* VTTBR_EL2.CnP = 1. */
	ROWX("[cnp][remap,ipas2e1is+vmalle1is]", REMAP, .cnp = true, 2, AT(IPAS2E1IS),
	     AT(VMALLE1IS)),
	ROWX("[cnp][bbm,vmalls12e1is]", BBM, .cnp = true, 1, AT(VMALLS12E1IS)),
};
/* clang-format on */

/* The feature an instruction needs most: FEAT_XS implies v8.7, so FEAT_TLBIRANGE and OS too. */
static enum cpu_feature insn_feature(const struct vm_tlbi_insn *insn)
{
	return insn->nxs	      ? CPU_XS
	       : insn->isar0_tlb >= 2 ? CPU_TLBIRANGE
	       : insn->isar0_tlb == 1 ? CPU_TLBIOS
				      : CPU_ANY;
}

static const char *tlbi_requires(const void *row, char *why, size_t len)
{
	static const enum cpu_feature order[] = {CPU_XS, CPU_TLBIRANGE, CPU_TLBIOS};
	const struct tlbi_row *r = row;

	/* The strongest first, so that a row skips with its class's reason. */
	for (unsigned k = 0; k < sizeof(order) / sizeof(order[0]); k++) {
		for (unsigned i = 0; i < r->steps; i++) {
			if (insn_feature(vm_tlbi_insn(r->step[i].op)) == order[k]) {
				const char *missing = cpu_requires(order[k], why, len);

				if (missing) {
					return missing;
				}
			}
		}
	}
	if (r->ttl) {
		return cpu_requires(CPU_TTL, why, len);
	}
	return r->cnp ? cpu_requires(CPU_TTCNP, why, len) : NULL;
}

/* The model's view of a step: the scope from the instruction table, the operand fields. */
static struct tlb_inval model_op(const struct vm_tlbi_step *s)
{
	return (struct tlb_inval){.kind = vm_tlbi_insn(s->op)->scope,
				  .ipa = s->ipa,
				  .ttl = s->ttl,
				  .num = s->num,
				  .scale = s->scale};
}

/* One run: the read, and the store of @store, must be permitted by the model. */
static bool probe(struct scenario_ctx *c, struct tlb_model *m, struct s2probe *p, uint64_t store,
		  const char *what)
{
	uint32_t permitted = tlb_model_read(m, &p->regime, PROBE_IPA, p->mapped, p->level);
	unsigned obs;

	sc_diag(c, "step", "%s", what);
	if (!s2probe_run(c, p, store, &obs) || !s2probe_check(c, what, obs, permitted)) {
		return false;
	}
	return obs == TLB_FAULT ||
	       s2probe_check(c, "its store", s2probe_store_out(p, 1, store), permitted);
}

static bool maintain(struct scenario_ctx *c, struct tlb_model *m, struct s2probe *p,
		     const struct vm_tlbi_step *steps, unsigned n)
{
	if (vm_tlbi_seq(p->vm, steps, n)) {
		sc_fail(c, "vm_tlbi_seq refused the row's steps");
		return false;
	}
	for (unsigned i = 0; i < n; i++) {
		struct tlb_inval op = model_op(&steps[i]);

		tlb_model_tlbi(m, &p->regime, &op);
	}
	return true;
}

/* VTTBR_EL2.CnP is RW with FEAT_TTCNP: the VM's VTTBR_EL2 must read back with it set. */
static bool expect_cnp_readback(struct scenario_ctx *c, struct vm *vm)
{
	write_vttbr_el2(vm_vttbr(vm));
	isb();
	uint64_t got = read_vttbr_el2();

	write_vttbr_el2(0);
	isb();
	return sc_expect_u64(c, "vttbr_el2.cnp", got & VTTBR_CNP, VTTBR_CNP);
}

static void tlbi_sequence(struct scenario_ctx *c, const struct tlbi_row *r, struct s2probe *pp)
{
	static const struct vm_tlbi_step full = {.op = VM_TLBI_VMALLS12E1};
	struct s2probe p = *pp;
	struct tlb_model m;

	if (r->cnp && !expect_cnp_readback(c, p.vm)) {
		return;
	}
	tlb_model_init(&m, cpu_has(cpu_id_regs(), CPU_VMID16));
	if (!probe(c, &m, &p, 0x5701, "first read")) {
		return;
	}
	if (r->change == CHANGE_REMAP) {
		if (!s2probe_unmap(c, &p) || !s2probe_map(c, &p, 1) ||
		    !maintain(c, &m, &p, r->step, r->steps) ||
		    !probe(c, &m, &p, 0x5702, "read after the change and the row's TLBIs")) {
			return;
		}
	} else {
		if (!s2probe_unmap(c, &p) || !probe(c, &m, &p, 0x5702, "read after the break") ||
		    !maintain(c, &m, &p, r->step, r->steps) ||
		    !probe(c, &m, &p, 0x5703, "read after the TLBIs") || !s2probe_map(c, &p, 1) ||
		    !probe(c, &m, &p, 0x5704, "read after the make")) {
			return;
		}
	}
	/* Whatever the row permitted, full maintenance must leave the new page only. */
	if (maintain(c, &m, &p, &full, 1)) {
		probe(c, &m, &p, 0x5705, "read after TLBI VMALLS12E1");
	}
}

/* The class a row's first [...] group must name: its strongest feature (see the table). */
static const char *row_class(const struct tlbi_row *r)
{
	enum cpu_feature strongest = CPU_ANY;

	for (unsigned i = 0; i < r->steps; i++) {
		enum cpu_feature f = insn_feature(vm_tlbi_insn(r->step[i].op));

		if (f == CPU_XS || (f == CPU_TLBIRANGE && strongest != CPU_XS) ||
		    (f == CPU_TLBIOS && strongest == CPU_ANY)) {
			strongest = f;
		}
	}
	return strongest == CPU_XS	    ? "[nxs]"
	       : strongest == CPU_TLBIRANGE ? "[range]"
	       : strongest == CPU_TLBIOS    ? "[os]"
	       : r->ttl			    ? "[ttl]"
	       : r->cnp			    ? "[cnp]"
					    : "[base]";
}

static void run_tlbi(struct scenario_ctx *c, const void *row)
{
	const struct tlbi_row *r = row;
	const char *cls = row_class(r);
	struct s2probe p;

	if (strncmp(r->name, cls, strlen(cls))) {
		sc_fail(c, "row table error: this row's class is %s", cls);
		return;
	}

	if (s2probe_add(c, &p, &(struct vm_config){.cnp = r->cnp}, 1, r->s1, r->block)) {
		tlbi_sequence(c, r, &p);
	}
	s2probe_release(&p);
}

SCENARIO(
	stage2_tlbi, .id = "stage2.tlbi",
	.rule = "after a stage-2 change, a read may use the old entry until TLB maintenance "
		"removes it (a permitted stale read is not a failure): TLBI IPAS2E1* or RIPAS2E1* "
		"(stage 2 only) plus VMALLE1*, or VMALLS12E1*, make the new mapping the only one "
		"seen; a wrong TTL hint, a range or page that misses, or half the pair need not; "
		"break-before-make gives the old page or a fault, then a fault, then the new page, "
		"never a mix; VTTBR_EL2.CnP = 1 (FEAT_TTCNP) reads back and translates alike "
		"(tlb_model.c)",
	SCENARIO_ROWS(tlbi_rows), .requires = tlbi_requires, .run = run_tlbi);
