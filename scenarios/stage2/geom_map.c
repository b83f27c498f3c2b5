/* SPDX-License-Identifier: MIT */
/*
 * stage2.geom.map: every stage 2 geometry the architecture accepts (s2_geom_rows.h): granule
 * 4KB/16KB/64KB, IPA size 16..52 bits (VTCR_EL2.T0SZ 48..12), every start level SL0 can encode
 * for it and so 1..16 concatenated root tables, with DS = 1 (FEAT_LPA2) where 4KB/16KB need it.
 * A row runs where the ID registers allow it (TGranX_2, PARange, FEAT_TTST, FEAT_LPA/LPA2), else
 * it is a SKIP naming the field.
 *
 * Each instance builds a fresh VM with that geometry and maps one page at the bottom (IPA 0)
 * and one at the top (2^ipa - granule) of the IPA space to two frames of guest RAM. AT S12E1R
 * from EL2 must give each frame's PA (the oracle, s2_geom_model.c, also decides the start level
 * and table count, which are checked against the row and the tables the vmm built). On the
 * rows with 16 concatenated tables whose IPA space holds the guest's RAM (>= 31 bits), and on
 * the 4KB level -1 rows (SL2), the guest also loads through both pages.
 */
#include <stdio.h>

#include "arch/el2.h"
#include "arch/pte.h"
#include "geom_walk.h"
#include "s2_geom_rows.h"

struct geom_map_row {
	const char *name;
	unsigned gs, ipa;
	int level;
	unsigned concat;
	bool ds;
};

#define GEOM_MAP_ROW(gn, gs, ipa, lvl, n, ds, sfx)                                                 \
	{"[" #gn ",ipa=" #ipa ",start=" #lvl ",concat=" #n sfx "]", gs, ipa, lvl, n, ds},

static const struct geom_map_row geom_map_rows[] = {S2_GEOM_MAP_ROWS(GEOM_MAP_ROW)};

#define MAGIC_LO 0x1111deadbeef0001ULL
#define MAGIC_HI 0x2222cafef00d0002ULL

static struct s2_vtcr row_vtcr(const struct geom_map_row *r)
{
	struct s2_vtcr v = {.granule_shift = r->gs,
			    .t0sz = 64 - r->ipa,
			    .ds = r->ds,
			    .ps = geom_cpu()->parange};

	s2_start_level_sl0(r->gs, r->level, &v.sl0, &v.sl2);
	return v;
}

/* Why this CPU does not accept a geometry, naming the ID field (first reason that applies). */
static const char *geom_map_requires(const void *row, char *why, size_t len)
{
	const struct geom_map_row *r = row;
	const struct s2_geom_cpu *cpu = geom_cpu();
	struct s2_vtcr v = row_vtcr(r);
	struct s2_geom_set set;

	if (s2_granule_why(cpu, r->gs, why, len)) {
		return why;
	}
	if (r->ds && !cpu->lpa2) {
		snprintf(why, len, "needs FEAT_LPA2 for DS = 1 (ID_AA64MMFR0_EL1=0x%llx)",
			 (unsigned long long)cpu->mmfr0);
		return why;
	}
	if (v.t0sz < s2_min_txsz(cpu, r->gs, r->ds)) {
		snprintf(why, len,
			 "IPA %u bits is above the %u-bit stage 2 limit (AArch64.S2MinTxSZ(), "
			 "ID_AA64MMFR0_EL1.PARange=%u)",
			 r->ipa, 64 - s2_min_txsz(cpu, r->gs, r->ds), cpu->parange);
		return why;
	}
	if (v.t0sz > s2_max_txsz(cpu, r->gs)) {
		snprintf(why, len, "T0SZ %u needs FEAT_TTST (ID_AA64MMFR2_EL1.ST=%u)", v.t0sz,
			 (unsigned)(cpu->mmfr2 >> 28) & 0xf);
		return why;
	}
	s2_geom_decide(cpu, &v, &set);
	if (set.n != 1 || set.v[0].fault) {
		snprintf(why, len,
			 "SL0=%u is reserved for %uKB here (AArch64.S2InvalidSL(), "
			 "ID_AA64MMFR0_EL1.PARange=%u, ID_AA64MMFR2_EL1.ST=%u)",
			 v.sl0, 1u << (r->gs - 10), cpu->parange,
			 (unsigned)(cpu->mmfr2 >> 28) & 0xf);
		return why;
	}
	return NULL;
}

static void run_geom_map(struct scenario_ctx *c, const void *row)
{
	const struct geom_map_row *r = row;
	const struct s2_geom_cpu *cpu = geom_cpu();
	uint64_t granule = 1ULL << r->gs, top = (1ULL << r->ipa) - granule;
	bool guest = (r->concat == 16 || r->level < 0) && r->ipa >= 31;
	struct sc_setup s = {
		.payload = GSYM(gp_geom_touch),
		.args = {0, top},
		.vm = {.ipa_bits = r->ipa,
		       .granule_shift = r->gs,
		       .start_level_set = true,
		       .start_level = r->level,
		       .oa52 = r->ds || (r->gs == 16 && cpu->lpa),
		       .ds = r->ds,
		       .ram_unmapped = !guest},
	};
	uint64_t attr = PTE_AF | PTE_S2AP_RW | PTE_S2_MEMATTR(S2_MEMATTR_NORMAL_WB) |
			(r->ds ? 0 : PTE_SH_INNER);
	uint64_t magic[2] = {MAGIC_LO, MAGIC_HI};
	struct s2_walk_input in;
	struct s2_geom_set set;
	struct s2_vtcr v;
	struct vm *vm;

	if (!sc_start(c, &s)) {
		return;
	}
	vm = sc_vm(c);
	v = geom_vtcr_fields(vm->vtcr);
	s2_geom_decide(cpu, &v, &set);
	if (set.n != 1 || set.v[0].fault) {
		sc_fail(c, "the oracle rejects the VTCR_EL2 the vmm programs (0x%llx)",
			(unsigned long long)vm->vtcr);
		return;
	}
	sc_expect_u64(c, "oracle.start_level", (uint64_t)set.v[0].start_level, (uint64_t)r->level);
	sc_expect_u64(c, "oracle.root_tables", set.v[0].root_tables, r->concat);
	sc_expect_u64(c, "vmm.root_tables", pgt_root_tables(&vm->geom), set.v[0].root_tables);

	uint64_t pa[2] = {(uintptr_t)vm->ram + GEOM_FRAME_LO, (uintptr_t)vm->ram + GEOM_FRAME_HI};
	uint64_t ipa[2] = {0, top};

	for (unsigned i = 0; i < 2; i++) {
		if (vm_map(vm, IPA(ipa[i]), PADDR(pa[i]), granule, attr) ||
		    vm_load(vm, IPA(vm->ram_ipa + (pa[i] - (uintptr_t)vm->ram)), &magic[i], 8)) {
			sc_fail(c, "could not map IPA 0x%llx", (unsigned long long)ipa[i]);
			return;
		}
	}
	for (unsigned i = 0; i < 2; i++) {
		if (!geom_walk_input(vm, ipa[i], pa[i], &in)) {
			sc_fail(c, "IPA 0x%llx has no leaf in the tables",
				(unsigned long long)ipa[i]);
			return;
		}
		geom_check_at(c, &set, &in, i ? "top" : "bottom");
	}
	if (guest) {
		struct exit e = sc_run(c);

		sc_expect_done(c, &e, MAGIC_LO ^ MAGIC_HI);
	}
}

SCENARIO(stage2_geom_map, .id = "stage2.geom.map",
	 .rule = "every granule, T0SZ and SL0 (SL2:SL0 for 4KB level -1) that "
		 "AArch64.S2InvalidSL() and "
		 "AArch64.S2InconsistentSL() accept translates: start level "
		 "AArch64.S2StartLevel(), the start level resolving 1..stride+4 bits with up to "
		 "16 concatenated tables; AT S12E1R of the bottom and top page of the IPA space "
		 "gives their PAs (and a guest loads through both)",
	 SCENARIO_ROWS(geom_map_rows), .requires = geom_map_requires, .run = run_geom_map,
	 .fields = "+VTCR_EL2.T0SZ +VTCR_EL2.SL0 +VTCR_EL2.TG0");
