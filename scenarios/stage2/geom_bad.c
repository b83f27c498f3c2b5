/* SPDX-License-Identifier: MIT */
/*
 * stage2.geom.bad: VTCR_EL2 values the architecture rejects or caps, and output addresses beyond
 * the output address size, each giving exactly what the pseudocode gives (s2_geom_model.c):
 *   sl:        a start level that AArch64.S2InvalidSL() reserves or AArch64.S2InconsistentSL()
 *              finds inconsistent with T0SZ: a level 0 Translation fault on every access;
 *   t0sz-low:  T0SZ one below AArch64.S2MinTxSZ() (an IPA larger than PARange allows): a level 0
 *              Translation fault with FEAT_LPA, else IMPLEMENTATION DEFINED: that fault, or
 *              T0SZ treated as the minimum (the tables are built for the minimum);
 *   t0sz-high: T0SZ one above AArch64.MaxTxSZ(): the fault, or treated as the maximum;
 *   ipa-range: an IPA at 2^(64 - T0SZ): AArch64.IPAIsOutOfRange(), level 0 Translation fault;
 *   ps-below:  VTCR_EL2.PS smaller than PARange with an address at bit PS: in VTTBR_EL2.BADDR
 *              (Address size fault level 0), in a table descriptor (at that descriptor's level)
 *              or a page's OA (level 3), AArch64.S2Walk() with AArch64.OAOutOfRange();
 *   ps-above:  PS above PARange is AArch64.PhysicalAddressSize(): the implemented size, so an OA
 *              bit at that size faults (level 3) and the highest bit below it translates.
 * Checked through AT S12E1R from EL2 (PAR_EL1.F, FST with its level, S = 1, PTW = 0, or PA);
 * on the "guest" rows the guest also runs: its first instruction fetch must take the stage 2
 * level 0 Translation fault (EC 0x20, IFSC 0x04, FAR_EL2, HPFAR_EL2 = the entry point).
 * Where a row's value is legal on this CPU (e.g. SL0 = 0b10 with 44 PA bits) it is a SKIP that
 * names the ID field.
 */
#include <stdio.h>

#include "arch/el2.h"
#include "arch/esr.h"
#include "arch/pte.h"
#include "arch/sysreg.h"
#include "esr_model.h"
#include "geom_walk.h"

enum bad_kind {
	BAD_SL,
	BAD_TXSZ_LOW,
	BAD_TXSZ_HIGH,
	BAD_IPA_RANGE,
	BAD_PS_LEAF,
	BAD_PS_TABLE,
	BAD_PS_BADDR,
	BAD_PS_ABOVE_FAULT,
	BAD_PS_ABOVE_OK,
};

struct geom_bad_row {
	const char *name;
	enum bad_kind kind;
	unsigned gs;
	unsigned ipa;	 /* IPA size where the kind does not choose it */
	unsigned sl0;	 /* BAD_SL: {VTCR_EL2.SL2, SL0} as the 3-bit field the Arm ARM decodes */
	unsigned ps;	 /* BAD_PS_*: VTCR_EL2.PS */
	unsigned tlevel; /* BAD_PS_TABLE: the table descriptor at start level + tlevel */
	bool guest;	 /* BAD_SL: the guest's first fetch faults; BAD_PS_LEAF: its load faults */
};

#define SL(gn, gs, ipa, sl0, guest, why)                                                           \
	{                                                                                          \
		"[sl," #gn ",ipa=" #ipa ",sl0=" #sl0 "," why "]", BAD_SL, gs, ipa, sl0, 0, 0,      \
			guest                                                                      \
	}
#define PS(kind, gn, gs, ps, what)                                                                 \
	{                                                                                          \
		"[ps-" what "," #gn ",ipa=40]", kind, gs, 40, 0, ps, 0, false                      \
	}

static const struct geom_bad_row geom_bad_rows[] = {
	/* AArch64.S2InconsistentSL(): the start level resolves 1..stride+4 bits, no more/less. */
	SL(4k, 12, 40, 0, true, "level-2-max-34"),
	SL(4k, 12, 30, 1, false, "level-1-min-31"),
	SL(4k, 12, 44, 1, false, "level-1-max-43"),
	SL(4k, 12, 34, 2, false, "level-0-min-40"),
	SL(16k, 14, 41, 1, false, "level-2-max-40"),
	SL(16k, 14, 36, 2, false, "level-1-min-37"),
	SL(64k, 16, 29, 1, false, "level-2-min-30"),
	SL(64k, 16, 47, 1, false, "level-2-max-46"),
	SL(64k, 16, 42, 2, true, "level-1-min-43"),
	/* AArch64.S2InvalidSL(): encodings reserved for the granule or the PA size. */
	SL(4k, 12, 40, 2, false, "level-0-needs-pa44"),
	SL(4k, 12, 25, 3, false, "level-3-needs-ttst"),
	SL(16k, 14, 40, 2, false, "level-1-needs-pa42"),
	SL(16k, 14, 48, 3, false, "level-0-needs-ds"),
	SL(64k, 16, 44, 2, false, "level-1-needs-pa44"),
	SL(64k, 16, 40, 3, false, "reserved"),
	/*
	 * SL2:SL0 with DS = 1 (FEAT_LPA2): '100' is 4KB level -1, which resolves 1..13 bits from
	 * bit 48 (inconsistent for a 48-bit IPA) and is reserved below 52 PA bits; '1x1' and '11x'
	 * are reserved.
	 */
	SL(4k, 12, 48, 4, false, "sl2,ds,level--1-min-49"),
	SL(4k, 12, 52, 5, false, "sl2,ds,reserved-1x1"),
	SL(4k, 12, 52, 6, false, "sl2,ds,reserved-11x"),
	/* AArch64.S2TxSZFaults(). */
	{"[t0sz-low,4k]", BAD_TXSZ_LOW, 12, 0, 0, 0, 0, false},
	{"[t0sz-low,16k]", BAD_TXSZ_LOW, 14, 0, 0, 0, 0, false},
	{"[t0sz-low,64k]", BAD_TXSZ_LOW, 16, 0, 0, 0, 0, false},
	{"[t0sz-high,4k]", BAD_TXSZ_HIGH, 12, 0, 0, 0, 0, false},
	{"[t0sz-high,16k]", BAD_TXSZ_HIGH, 14, 0, 0, 0, 0, false},
	{"[t0sz-high,64k]", BAD_TXSZ_HIGH, 16, 0, 0, 0, 0, false},
	/* AArch64.IPAIsOutOfRange(). */
	{"[ipa-range,4k,ipa=32]", BAD_IPA_RANGE, 12, 32, 0, 0, 0, false},
	{"[ipa-range,16k,ipa=36]", BAD_IPA_RANGE, 14, 36, 0, 0, 0, false},
	{"[ipa-range,64k,ipa=38]", BAD_IPA_RANGE, 16, 38, 0, 0, 0, false},
	/* PS below the implemented size: AArch64.S2Walk()'s three Address size checks. */
	{"[ps-below-leaf,4k,ipa=40,ps=32,guest]", BAD_PS_LEAF, 12, 40, 0, 0, 0, true},
	PS(BAD_PS_LEAF, 4k, 12, 1, "below-leaf,ps=36"),
	PS(BAD_PS_LEAF, 4k, 12, 2, "below-leaf,ps=40"),
	PS(BAD_PS_LEAF, 4k, 12, 3, "below-leaf,ps=42"),
	PS(BAD_PS_LEAF, 16k, 14, 0, "below-leaf,ps=32"),
	PS(BAD_PS_LEAF, 64k, 16, 0, "below-leaf,ps=32"),
	PS(BAD_PS_LEAF, 64k, 16, 2, "below-leaf,ps=40"),
	PS(BAD_PS_TABLE, 4k, 12, 0, "below-table,ps=32,start"),
	{"[ps-below-table,4k,ipa=40,ps=32,start+1]", BAD_PS_TABLE, 12, 40, 0, 0, 1, false},
	PS(BAD_PS_TABLE, 4k, 12, 1, "below-table,ps=36,start"),
	PS(BAD_PS_TABLE, 16k, 14, 0, "below-table,ps=32,start"),
	PS(BAD_PS_TABLE, 64k, 16, 0, "below-table,ps=32,start"),
	PS(BAD_PS_BADDR, 4k, 12, 0, "below-baddr,ps=32"),
	PS(BAD_PS_BADDR, 64k, 16, 1, "below-baddr,ps=36"),
	/* PS above the implemented size: AArch64.PhysicalAddressSize() caps it. */
	PS(BAD_PS_ABOVE_FAULT, 4k, 12, 7, "above-oa-beyond,ps=0b111"),
	PS(BAD_PS_ABOVE_OK, 4k, 12, 7, "above-oa-top-bit,ps=0b111"),
	PS(BAD_PS_ABOVE_FAULT, 4k, 12, 6, "above-oa-beyond,ps=52"),
	PS(BAD_PS_ABOVE_OK, 4k, 12, 6, "above-oa-top-bit,ps=52"),
	PS(BAD_PS_ABOVE_FAULT, 64k, 16, 7, "above-oa-beyond,ps=0b111"),
	PS(BAD_PS_ABOVE_OK, 64k, 16, 7, "above-oa-top-bit,ps=0b111"),
};

/* A row that sets VTCR_EL2.SL2 (the 3-bit {SL2, SL0} field is 0b1xx). */
static bool sl2_row(const struct geom_bad_row *r)
{
	return r->kind == BAD_SL && r->sl0 >= 4;
}

/* What one row programs and builds on this CPU. */
struct bad_plan {
	struct s2_vtcr v;	/* VTCR_EL2 as programmed */
	struct s2_geom_set set; /* what the architecture permits of it */
	unsigned build_ipa;	/* the tables: a legal geometry (the clamp where there is one) */
	int build_level;
	uint64_t bit; /* the address bit the PS kinds set */
};

static struct s2_vtcr vtcr_of(unsigned gs, unsigned ipa, int level, unsigned ps, bool ds)
{
	struct s2_vtcr v = {.granule_shift = gs, .t0sz = 64 - ipa, .ps = ps, .ds = ds};
	bool sl2;

	s2_start_level_sl0(gs, level, &v.sl0, &sl2);
	return v;
}

/* The deepest start level at which @ipa bits are legal on this CPU (as the vmm picks it). */
static bool legal_level(unsigned gs, unsigned ipa, bool ds, int *level)
{
	for (int l = 3; l >= 0; l--) {
		struct s2_vtcr v = vtcr_of(gs, ipa, l, geom_cpu()->parange, ds);
		struct s2_geom_set set;

		s2_geom_decide(geom_cpu(), &v, &set);
		if (set.n == 1 && !set.v[0].fault) {
			*level = l;
			return true;
		}
	}
	return false;
}

static bool any_legal(const struct s2_geom_set *set)
{
	for (unsigned i = 0; i < set->n; i++) {
		if (!set->v[i].fault) {
			return true;
		}
	}
	return false;
}

static unsigned st_field(const struct s2_geom_cpu *cpu)
{
	return (unsigned)(cpu->mmfr2 >> 28) & 0xf;
}

/* The largest OA a descriptor of this granule can hold here (no DS rows in this family). */
static unsigned encodable_bits(unsigned gs)
{
	return gs == 16 && geom_cpu()->lpa ? 52 : 48;
}

/* NULL with @p filled, or the SKIP reason. */
static const char *bad_plan(const struct geom_bad_row *r, struct bad_plan *p, char *why, size_t len)
{
	const struct s2_geom_cpu *cpu = geom_cpu();

	if (s2_granule_why(cpu, r->gs, why, len)) {
		return why;
	}
	*p = (struct bad_plan){.build_ipa = r->ipa};
	switch (r->kind) {
	case BAD_SL:
		/* GetS2TTWParams() ignores SL2 without DS: the SL2 rows program DS = 1. */
		if (sl2_row(r) && !cpu->lpa2) {
			snprintf(why, len, "needs FEAT_LPA2 for DS = 1 (ID_AA64MMFR0_EL1=0x%llx)",
				 (unsigned long long)cpu->mmfr0);
			return why;
		}
		p->v = (struct s2_vtcr){.granule_shift = r->gs,
					.t0sz = 64 - r->ipa,
					.sl0 = r->sl0 & 3,
					.sl2 = sl2_row(r),
					.ds = sl2_row(r),
					.ps = cpu->parange};
		s2_geom_decide(cpu, &p->v, &p->set);
		if (any_legal(&p->set)) {
			snprintf(why, len,
				 "SL0=%u with a %u-bit IPA is valid on this CPU "
				 "(ID_AA64MMFR0_EL1.PARange=%u, ID_AA64MMFR2_EL1.ST=%u)",
				 r->sl0, r->ipa, cpu->parange, st_field(cpu));
			return why;
		}
		if (r->ipa > 64 - s2_min_txsz(cpu, r->gs, p->v.ds)) {
			p->build_ipa = 64 - s2_min_txsz(cpu, r->gs, p->v.ds);
		}
		break;
	case BAD_TXSZ_LOW:
		p->build_ipa = 64 - s2_min_txsz(cpu, r->gs, false);
		break;
	case BAD_TXSZ_HIGH:
		p->build_ipa = 64 - s2_max_txsz(cpu, r->gs);
		break;
	case BAD_IPA_RANGE:
		if (r->ipa >= cpu->pa_bits) {
			snprintf(why, len,
				 "IPA 2^%u is beyond the PA size with stage 1 off "
				 "(ID_AA64MMFR0_EL1.PARange=%u)",
				 r->ipa, cpu->parange);
			return why;
		}
		break;
	default:
		break;
	}
	if (!legal_level(r->gs, p->build_ipa, p->v.ds, &p->build_level)) {
		snprintf(why, len, "no legal %u-bit geometry to build the tables on (PARange=%u)",
			 p->build_ipa, cpu->parange);
		return why;
	}
	if (r->kind == BAD_SL) {
		return NULL;
	}
	p->v = vtcr_of(r->gs, p->build_ipa, p->build_level, cpu->parange, false);
	if (r->kind == BAD_TXSZ_LOW) {
		p->v.t0sz--;
	} else if (r->kind == BAD_TXSZ_HIGH) {
		p->v.t0sz++;
	} else if (r->kind >= BAD_PS_LEAF) {
		p->v.ps = r->ps;
	}
	s2_geom_decide(cpu, &p->v, &p->set);
	if (r->kind >= BAD_PS_LEAF) {
		struct s2_vtcr top = p->v;
		struct s2_geom_set top_set;
		unsigned eff = p->set.v[0].oa_bits, bits = s2_ps_bits(r->ps);

		top.ps = 7;
		s2_geom_decide(cpu, &top, &top_set);
		if (r->kind < BAD_PS_ABOVE_FAULT && bits >= top_set.v[0].oa_bits) {
			snprintf(why, len,
				 "PS %u bits is not below the %u-bit output size "
				 "(ID_AA64MMFR0_EL1.PARange=%u)",
				 bits, top_set.v[0].oa_bits, cpu->parange);
			return why;
		}
		if (r->kind >= BAD_PS_ABOVE_FAULT && bits <= cpu->pa_bits) {
			snprintf(why, len,
				 "PS %u bits is not above the implemented %u bits "
				 "(ID_AA64MMFR0_EL1.PARange=%u)",
				 bits, cpu->pa_bits, cpu->parange);
			return why;
		}
		if (r->kind == BAD_PS_ABOVE_FAULT && eff >= encodable_bits(r->gs)) {
			snprintf(why, len,
				 "the %u-bit effective PA size is all a %uKB descriptor holds "
				 "(ID_AA64MMFR0_EL1.PARange=%u)",
				 eff, 1u << (r->gs - 10), cpu->parange);
			return why;
		}
		p->bit = r->kind < BAD_PS_ABOVE_FAULT ? bits
			 : r->kind == BAD_PS_ABOVE_FAULT
				 ? eff
				 : (eff < encodable_bits(r->gs) ? eff : encodable_bits(r->gs)) - 1;
	}
	return NULL;
}

static const char *geom_bad_requires(const void *row, char *why, size_t len)
{
	struct bad_plan p;

	return bad_plan(row, &p, why, len);
}

/*
 * The guest's LDR X2, [X0] of IPA 0 takes the Address size fault: a stage 2 Data Abort with the
 * instruction syndrome, DFSC and level from the oracle, FAR_EL2 = VA = IPA, HPFAR_EL2 = IPA.
 */
static void check_guest_load(struct scenario_ctx *c, const struct s2_walk_result *r)
{
	static const struct dabt_access ldr_x2 = {
		.size_log2 = 3, .rt = 2, .sf = true, .valid_syndrome = true};
	struct exit e = sc_run(c);

	if (!sc_expect_exit(c, &e, EXIT_DABT, esr_expect_dabt_s2(&ldr_x2, s2_fsc(r)),
			    GSYM(gl_s2_ldr_x2))) {
		return;
	}
	sc_expect_u64(c, "far_el2", e.far, far_expect_dabt(0));
	sc_expect_u64(c, "hpfar_el2", e.hpfar, hpfar_expect(0));
}

/* The guest's first instruction fetch takes the level 0 Translation fault. */
static void check_guest_fetch(struct scenario_ctx *c)
{
	uint64_t entry = sc_vcpu(c)->cfg.entry;
	struct exit e = sc_run(c);

	if (!sc_expect_exit(c, &e, EXIT_IABT, esr_expect_iabt_s2(ESR_FSC_TRANS(0)), entry)) {
		return;
	}
	sc_expect_u64(c, "far_el2", e.far, entry);
	sc_expect_u64(c, "hpfar_el2", e.hpfar, hpfar_expect(entry));
}

static void run_geom_bad(struct scenario_ctx *c, const void *row)
{
	const struct geom_bad_row *r = row;
	struct bad_plan p;
	char why[200];

	if (bad_plan(r, &p, why, sizeof(why))) {
		sc_fail(c, "the row's plan changed: %s", why);
		return;
	}
	uint64_t granule = 1ULL << r->gs, bit = 1ULL << p.bit;
	struct sc_setup s = {
		.payload = r->kind == BAD_PS_LEAF ? GSYM(gp_s2_ldr_x2) : GSYM(gp_exit),
		.args = {0},
		.vm = {.ipa_bits = p.build_ipa,
		       .granule_shift = r->gs,
		       .start_level_set = true,
		       .start_level = p.build_level,
		       .oa52 = (r->gs == 16 && geom_cpu()->lpa) || p.v.ds,
		       .ds = p.v.ds,
		       .ram_unmapped = !r->guest,
		       .vtcr_clear = VTCR_T0SZ_MASK | VTCR_SL0_MASK | VTCR_SL2 | VTCR_PS_MASK,
		       .vtcr_set = VTCR_T0SZ(p.v.t0sz) | (uint64_t)p.v.sl0 << VTCR_SL0_SHIFT |
				   (p.v.sl2 ? VTCR_SL2 : 0) | (uint64_t)p.v.ps << VTCR_PS_SHIFT,
		       .vttbr_baddr_or = r->kind == BAD_PS_BADDR ? bit : 0},
	};
	/* With DS = 1, descriptor bits [9:8] are OA[51:50]: no SH field. */
	uint64_t attr = PTE_AF | PTE_S2AP_RW | PTE_S2_MEMATTR(S2_MEMATTR_NORMAL_WB) |
			(p.v.ds ? 0 : PTE_SH_INNER);
	bool leaf_bit = r->kind == BAD_PS_LEAF || r->kind >= BAD_PS_ABOVE_FAULT;
	struct s2_walk_input in;
	struct vm *vm;

	if (!sc_start(c, &s)) {
		return;
	}
	vm = sc_vm(c);
	struct s2_vtcr got = geom_vtcr_fields(vm->vtcr);

	if (got.t0sz != p.v.t0sz || got.sl0 != p.v.sl0 || got.sl2 != p.v.sl2 || got.ps != p.v.ps ||
	    got.granule_shift != r->gs) {
		sc_fail(c, "the vmm programmed VTCR_EL2 0x%llx, not the row's fields",
			(unsigned long long)vm->vtcr);
		return;
	}
	uint64_t pa[2] = {(uintptr_t)vm->ram + GEOM_FRAME_LO, (uintptr_t)vm->ram + GEOM_FRAME_HI};
	uint64_t ipa[2] = {0, (1ULL << p.build_ipa) - granule};
	uint64_t oa[2] = {leaf_bit ? pa[0] | bit : pa[0], pa[1]};
	unsigned pages = r->kind == BAD_TXSZ_LOW || r->kind == BAD_TXSZ_HIGH ? 2 : 1;

	for (unsigned i = 0; i < pages; i++) {
		if (vm_map(vm, IPA(ipa[i]), PADDR(oa[i]), granule, attr) ||
		    !geom_walk_input(vm, ipa[i], oa[i], &in)) {
			sc_fail(c, "could not map IPA 0x%llx", (unsigned long long)ipa[i]);
			return;
		}
		uint64_t *ptep = NULL, desc = 0;

		if (r->kind == BAD_PS_TABLE) {
			int level = vm->geom.start_level + (int)r->tlevel;

			ptep = geom_table_desc(vm, ipa[i], level);
			if (!ptep) {
				sc_fail(c, "no table descriptor at level %d", level);
				return;
			}
			/* The walk must stop at this descriptor: it never reads the bad address. */
			desc = pgt_read_desc(ptep);
			pgt_write_desc(ptep, desc | bit);
			in.next_table[level + 1] |= bit;
			dsb_ish();
		}
		if (r->kind == BAD_IPA_RANGE) {
			in.ipa = 1ULL << r->ipa;
		}
		geom_check_at(c, &p.set, &in, i ? "top" : "bottom");
		if (ptep) {
			/* Restored before vm_destroy() walks the tables (and the TLBI by VMID). */
			pgt_write_desc(ptep, desc);
			dsb_ish();
		}
	}
	if (r->guest && r->kind == BAD_PS_LEAF) {
		struct s2_walk_result res;

		s2_walk_expect(&p.set.v[0], &in, &res);
		check_guest_load(c, &res);
	} else if (r->guest) {
		check_guest_fetch(c);
	}
}

SCENARIO(stage2_geom_bad, .id = "stage2.geom.bad",
	 .rule = "AArch64.S2Translate(): T0SZ outside S2MinTxSZ()..MaxTxSZ() faults (level 0 "
		 "Translation; with FEAT_LPA always below the minimum) or is treated as the "
		 "limit (IMPLEMENTATION DEFINED, both accepted); S2InvalidSL() or "
		 "S2InconsistentSL() and IPAIsOutOfRange() give a level 0 Translation fault; "
		 "AArch64.S2Walk(): a VTTBR_EL2 base, table or output address at or above "
		 "PhysicalAddressSize() (PS capped at the implemented size) is an Address size "
		 "fault at level 0, the table descriptor's level, or the leaf's level",
	 SCENARIO_ROWS(geom_bad_rows), .requires = geom_bad_requires, .run = run_geom_bad,
	 .fields = "+VTCR_EL2.T0SZ +VTCR_EL2.SL0 +VTCR_EL2.TG0");
