/* SPDX-License-Identifier: MIT */
/*
 * stage2.leaf.contig: the Contiguous bit (descriptor bit 52) on an aligned group of stage-2
 * leaves, for every granule and level where it applies (Table D8-104: 4K levels 1-3 with 16
 * entries, 16K level 2 with 32 and level 3 with 128, 64K levels 2 and 3 with 32), programmed
 * correctly and in each of the ways D8.7.1.1 "Misprogramming the Contiguous bit" names:
 *
 *   ok        every entry has the bit, OAs contiguous and aligned to the group, same attributes
 *   oa        the last entry's OA points 2 groups away (RJQQTC: consistent bits, OA wrong)
 *   perm      entry 1 is read-only, the others read/write (RJQQTC: permissions wrong)
 *   unaligned every OA one entry higher, so the group's OA is not aligned to its size (RJQQTC)
 *   partial   the upper half of the group lacks the bit (RQTRPM: misprogramming of the bit)
 *   holes     the upper half is invalid (IPGVGZ: not misprogramming)
 *   straddle  a run of one group's size with the bit, starting in the middle of a group:
 *             the upper half of one aligned group and the lower half of the next, the rest
 *             invalid (so again holes, in two groups: the run is not IA-aligned)
 *   res0      the blocks where the bit is RES0 with an Effective value of 0 (RRLJBB): 4K
 *             level 0 and 16K level 1 with DS, 64K level 1 with FEAT_LPA
 *
 * What the architecture permits for a lookup (scenarios/model/s2_desc_model.c,
 * s2_desc_contig_permitted()): with consistent bits (ok, oa, perm, unaligned, holes), "an OA,
 * access permissions, and memory attributes that are consistent with any one of the programmed
 * translation table values": the entry's own walk, or the translation any valid entry of the
 * group gives when a TLB caches it for the whole group (its OA aligned down to the group, plus
 * the IA's offset in the group, with its permissions); an invalid entry may fault or translate
 * as the group. With mixed bits (partial, RNGLXZ), also a TLB conflict abort, and without
 * FEAT_BBM level 1 or 2 (ID_AA64MMFR2_EL1.BBM = 0) any OA or attributes. Exactly that set is
 * accepted. A correctly programmed group therefore has exactly one outcome.
 *
 * Each instance writes the group into a fresh VM's table and probes three entries with AT
 * S12E1R and S12E1W, the odd entry first so that a TLB that caches it serves the others.
 */
#include <stdio.h>

#include "arch/el2.h"
#include "arch/pte.h"
#include "cpu_id.h"
#include "leaf_map.h"

enum contig_kind { C_OK, C_OA, C_PERM, C_UNALIGNED, C_PARTIAL, C_HOLES, C_STRADDLE, C_RES0 };

struct leaf_contig_row {
	const char *name;
	unsigned gshift;
	unsigned level;
	enum contig_kind kind;
	bool ds; /* VTCR_EL2.DS = 1 (FEAT_LPA2) */
};

/* clang-format off */
#define ROW(g, gname, l, lname, kname, k) {"[" gname "," lname "," kname "]", g, l, k, false},
#define CONTIG_KINDS(g, gname, l, lname)                                                           \
	ROW(g, gname, l, lname, "ok", C_OK) ROW(g, gname, l, lname, "oa", C_OA)                    \
	ROW(g, gname, l, lname, "perm", C_PERM) ROW(g, gname, l, lname, "unaligned", C_UNALIGNED)  \
	ROW(g, gname, l, lname, "partial", C_PARTIAL) ROW(g, gname, l, lname, "holes", C_HOLES)    \
	ROW(g, gname, l, lname, "straddle", C_STRADDLE)
/*
 * The blocks where the bit is RES0 with an Effective value of 0 (RRLJBB): 4K level 0 and 16K
 * level 1 with DS, 64K level 1 with FEAT_LPA. The first of 16 blocks has it, the others, not
 * contiguous in OA, do not: were the bit used, that would be misprogramming; as it is RES0,
 * each lookup gives its own block's translation only.
 */
#define RES0_ROW(g, gname, l, lname, ds) {"[" gname "," lname ",res0]", g, l, C_RES0, ds},

static const struct leaf_contig_row leaf_contig_rows[] = {
	CONTIG_KINDS(12, "4k", 1, "l1") CONTIG_KINDS(12, "4k", 2, "l2") CONTIG_KINDS(12, "4k", 3, "l3")
	CONTIG_KINDS(14, "16k", 2, "l2") CONTIG_KINDS(14, "16k", 3, "l3")
	CONTIG_KINDS(16, "64k", 2, "l2") CONTIG_KINDS(16, "64k", 3, "l3")
	RES0_ROW(12, "4k", 0, "l0-ds", true) RES0_ROW(14, "16k", 1, "l1-ds", true)
	RES0_ROW(16, "64k", 1, "l1", false)
};
/* clang-format on */

#define GROUP_MAX   128				      /* 16K level 3 */
#define WRITTEN_MAX (2 * GROUP_MAX)		      /* straddle: two groups */
#define BBM(mmfr2)  ((unsigned)((mmfr2) >> 52) & 0xf) /* ID_AA64MMFR2_EL1.BBM */

/* log2 of the entries written: a contiguous group, or 16 where the bit is RES0. */
static unsigned group_log2(const struct leaf_contig_row *r)
{
	const struct s2_desc_cfg cfg = {.granule_shift = r->gshift, .ds = r->ds, .pa_max = 52};
	unsigned log2 = s2_desc_contig_log2(&cfg, r->level);

	return log2 ? log2 : 4;
}

/* log2 of the groups written: two for a straddling run. */
static unsigned groups_log2(const struct leaf_contig_row *r)
{
	return r->kind == C_STRADDLE ? 1 : 0;
}

/* The groups' IPA (= their OA when correct): aligned to all of them, at or above 4 GiB. */
static uint64_t group_ia(const struct leaf_contig_row *r)
{
	uint64_t group =
		1ULL << (s2_desc_level_shift(r->gshift, r->level) + group_log2(r) + groups_log2(r));

	return group >= (1ULL << 32) ? group : 1ULL << 32;
}

static const char *leaf_contig_requires(const void *row, char *why, size_t len)
{
	const struct leaf_contig_row *r = row;
	uint64_t group =
		1ULL << (s2_desc_level_shift(r->gshift, r->level) + group_log2(r) + groups_log2(r));
	const char *missing =
		s2_desc_granule_missing(cpu_id_regs()->mmfr0, r->gshift, r->ds, why, len);
	unsigned parange = (unsigned)MMFR0_PARANGE(cpu_id_regs()->mmfr0);

	if (!missing && r->kind == C_RES0 && r->gshift == 16 && parange < 6) {
		snprintf(why, len,
			 "needs FEAT_LPA for a 64K level-1 block (ID_AA64MMFR0_EL1.PARange=%u)",
			 parange);
		return why;
	}
	return missing ? missing
		       : leaf_ipa_missing(r->gshift, 0, r->level, group_ia(r) + group, why, len);
}

/* The group as the row programs it. */
static void build_group(const struct leaf_contig_row *r, const struct leaf_vm *lv, uint64_t ia,
			uint64_t *g, unsigned n)
{
	uint64_t entry = 1ULL << s2_desc_level_shift(r->gshift, r->level);
	uint64_t type = r->level == 3 ? 3 : 1;

	for (unsigned k = 0; k < n; k++) {
		uint64_t oa = ia + k * entry, attr = LEAF_ATTR | PTE_CONT;

		if (r->kind == C_OA && k == n - 1) {
			oa += 2 * n * entry;
		} else if (r->kind == C_UNALIGNED) {
			oa += entry;
		} else if (r->kind == C_PERM && k == 1) {
			attr &= ~PTE_S2AP_W;
		} else if (r->kind == C_PARTIAL && k >= n / 2) {
			attr &= ~PTE_CONT;
		} else if (r->kind == C_RES0 && k > 0) {
			oa += 3 * n * entry; /* not contiguous with block 0 */
			attr &= ~PTE_CONT;
		}
		g[k] = r->kind == C_HOLES && k >= n / 2 ? 0 : leaf_oa_desc(lv, oa) | attr | type;
	}
	if (r->kind == C_STRADDLE) {
		for (unsigned k = 0; k < 2 * n; k++) {
			g[k] = k >= n / 2 && k < n / 2 + n ? leaf_oa_desc(lv, ia + k * entry) |
								     LEAF_ATTR | PTE_CONT | type
							   : 0;
		}
	}
}

static void run_leaf_contig(struct scenario_ctx *c, const void *row)
{
	const struct leaf_contig_row *r = row;
	unsigned log2 = group_log2(r), n = 1u << log2;
	uint64_t ia = group_ia(r), entry = 1ULL << s2_desc_level_shift(r->gshift, r->level);
	uint64_t g[WRITTEN_MAX], path[4];
	struct leaf_vm lv;

	if (!leaf_start(c, r->gshift, 0, GSYM(gp_exit), 0, &lv)) {
		return;
	}
	leaf_set_vtcr(&lv, 0, r->ds); /* DS: the guest RAM map is not valid, AT only */
	uint64_t *slot = leaf_slot(c, &lv, ia, r->level, log2 + groups_log2(r));

	if (!slot) {
		return;
	}
	leaf_path(&lv, ia, path);
	build_group(r, &lv, ia, g, n);
	leaf_write(slot, g, n << groups_log2(r));

	/* The odd entry first: n - 1 (oa), 1 (perm), 0 (res0), n / 2 (partial, holes). */
	unsigned odd = r->kind == C_OA	   ? n - 1
		       : r->kind == C_PERM ? 1
		       : r->kind == C_RES0 ? 0
					   : n / 2;
	unsigned probes[] = {odd, odd ? 0 : 1, odd == n - 1 ? n / 2 : n - 1};

	if (r->kind == C_STRADDLE) {
		/* The run's first entry, the next group's first, the hole before the run. */
		probes[0] = n / 2, probes[1] = n, probes[2] = n / 2 - 1;
	}

	for (unsigned i = 0; i < 3; i++) {
		uint64_t probe = ia + probes[i] * entry + 0x238;
		struct s2_desc_permitted p;

		/* Where the bit is RES0 there is no group: the oracle gets the entry itself. */
		const uint64_t *group = s2_desc_contig_log2(&lv.cfg, r->level)
						? g + (probes[i] & ~(n - 1))
						: g + probes[i];

		if (!s2_desc_contig_permitted(&lv.cfg, lv.start_level, path, r->level, group, probe,
					      BBM(cpu_id_regs()->mmfr2), &p)) {
			sc_fail(c, "the oracle cannot model the group: the row is wrong");
			return;
		}
		/*
		 * Not AT S12E1W of the read-only entry itself: QEMU 10.0 aborts on an AT whose
		 * stage-2 walk ends in a permission fault (assert(!res.cacheattrs.is_s2_format)
		 * in target/arm/helper.c do_ats_write()), which would end the whole stream;
		 * stage2.perm owns that fault. The read-write entries still may see its
		 * permissions through a TLB, and are probed with both.
		 */
		leaf_check_at(c, probe, &p,
			      r->kind == C_PERM && probes[i] == 1 ? LEAF_AT_R : LEAF_AT_RW);
	}
}

SCENARIO(stage2_leaf_contig, .id = "stage2.leaf.contig",
	 .rule = "a group of leaves with the Contiguous bit (D8.7.1, Table D8-104) translates as "
		 "each entry says when programmed correctly; when its OA, permissions or alignment "
		 "are misprogrammed a lookup gives the entry's own translation or that of any one "
		 "valid entry of the group cached for the whole group (RJQQTC), an invalid entry "
		 "may fault or translate as the group (IPGVGZ), and when only some entries have "
		 "the bit also a TLB conflict abort, or any translation without FEAT_BBM level 1/2 "
		 "(RQTRPM, RNGLXZ); AT S12E1R/W must report one of those",
	 SCENARIO_ROWS(leaf_contig_rows), .requires = leaf_contig_requires, .run = run_leaf_contig);
