/* SPDX-License-Identifier: MIT */
/*
 * Host tests of scenarios/model/s2_desc_model.c against vectors checked by hand from the Arm ARM
 * (DDI 0487 K.a): the block levels of AArch64.BlockDescSupported(), the output address fields
 * of AArch64.LeafBase()/NextTableBase() with the range check of AArch64.S2OAOutOfRange() and
 * AArch64.PhysicalAddressSize(), the walk order of AArch64.S2Walk() (invalid, then address
 * size, then access flag), ContiguousSize() (Table D8-104) and the outcome sets of D8.7.1.1
 * "Misprogramming the Contiguous bit".
 */
#include "s2_desc_model.h"
#include "unit.h"

#define AF	 (1ULL << 10)
#define RW	 (3ULL << 6)
#define RO	 (1ULL << 6)
#define CONT	 (1ULL << 52)
#define BLOCK(a) ((a) | AF | RW | 1)
#define PAGE(a)	 ((a) | AF | RW | 3)
#define TABLE(a) ((a) | 3)

static const struct s2_desc_cfg k4_40 = {.granule_shift = 12, .ps_bits = 40, .pa_max = 40};
static const struct s2_desc_cfg k4_52 = {.granule_shift = 12, .ps_bits = 52, .pa_max = 52};
static const struct s2_desc_cfg k4_ds = {
	.granule_shift = 12, .ds = true, .ps_bits = 52, .pa_max = 52};
static const struct s2_desc_cfg k16_48 = {.granule_shift = 14, .ps_bits = 48, .pa_max = 48};
static const struct s2_desc_cfg k16_ds = {
	.granule_shift = 14, .ds = true, .ps_bits = 52, .pa_max = 52};
static const struct s2_desc_cfg k64_48 = {.granule_shift = 16, .ps_bits = 48, .pa_max = 48};
static const struct s2_desc_cfg k64_52 = {.granule_shift = 16, .ps_bits = 52, .pa_max = 52};

static void expect_kind(const struct s2_desc_cfg *c, unsigned level, uint64_t desc,
			enum s2_desc_kind kind, uint64_t oa, const char *what)
{
	struct s2_desc_entry d = s2_desc_decode(c, level, desc, false);

	unit_ok(d.kind == kind, "%s: kind %d (got %d)", what, kind, d.kind);
	if (kind == S2D_LEAF || kind == S2D_TABLE) {
		unit_ok(d.oa == oa, "%s: OA 0x%llx (got 0x%llx)", what, (unsigned long long)oa,
			(unsigned long long)d.oa);
	}
}

static void test_block_levels(void)
{
	/* AArch64.BlockDescSupported(). */
	unit_ok(!s2_desc_block_supported(&k4_52, 0), "4K L0: no block without DS");
	unit_ok(s2_desc_block_supported(&k4_ds, 0), "4K L0: block with DS");
	unit_ok(s2_desc_block_supported(&k4_40, 1) && s2_desc_block_supported(&k4_40, 2),
		"4K L1, L2");
	unit_ok(!s2_desc_block_supported(&k16_48, 1), "16K L1: no block without DS");
	unit_ok(s2_desc_block_supported(&k16_ds, 1), "16K L1: block with DS");
	unit_ok(s2_desc_block_supported(&k16_48, 2), "16K L2");
	unit_ok(!s2_desc_block_supported(&k16_ds, 0), "16K L0: never");
	unit_ok(!s2_desc_block_supported(&k64_48, 1), "64K L1: no block with PAMax 48");
	unit_ok(s2_desc_block_supported(&k64_52, 1), "64K L1: block with PAMax 52 (FEAT_LPA)");
	unit_ok(s2_desc_block_supported(&k64_48, 2), "64K L2");

	/* Decode: a 4K L2 block at 0x40200000 (2 MiB); a block at L0 without DS faults there. */
	expect_kind(&k4_40, 2, BLOCK(0x40200000), S2D_LEAF, 0x40200000, "4K L2 block");
	expect_kind(&k4_52, 0, BLOCK(0x8000000000), S2D_FAULT_TRANSLATION, 0, "4K L0 block");
	expect_kind(&k4_ds, 0, BLOCK(0x8000000000), S2D_LEAF, 0x8000000000, "4K L0 block, DS");
	expect_kind(&k16_48, 1, BLOCK(0x1000000000), S2D_FAULT_TRANSLATION, 0, "16K L1 block");
	expect_kind(&k64_52, 1, BLOCK(0x40000000000), S2D_LEAF, 0x40000000000, "64K L1 block");
	/* 0b01 at level 3 is reserved (DescriptorType_Invalid); 0b11 is a page. */
	expect_kind(&k4_40, 3, BLOCK(0x40001000), S2D_FAULT_TRANSLATION, 0, "4K L3 0b01");
	expect_kind(&k4_40, 3, PAGE(0x40001000), S2D_LEAF, 0x40001000, "4K L3 page");
	expect_kind(&k4_40, 1, TABLE(0x40005000), S2D_TABLE, 0x40005000, "4K L1 table");
	expect_kind(&k4_40, 2, PAGE(0) & ~1ULL, S2D_FAULT_TRANSLATION, 0, "bit 0 clear");
	expect_kind(&k4_40, 2, BLOCK(0x40200000) & ~AF, S2D_FAULT_ACCESS, 0, "AF 0");
}

static void test_output_address(void)
{
	/* AArch64.PhysicalAddressSize(): PS capped at PAMax, and at 48 for 4K/16K without DS. */
	unit_eq_u64(s2_desc_oa_bits(&k4_40), 40, "4K PS 40");
	unit_eq_u64(s2_desc_oa_bits(&k4_52), 48, "4K PS 52 without DS: 48");
	unit_eq_u64(s2_desc_oa_bits(&k4_ds), 52, "4K DS: 52");
	unit_eq_u64(s2_desc_oa_bits(&k64_52), 52, "64K PS 52: 52");
	struct s2_desc_cfg ps_above = {.granule_shift = 12, .ps_bits = 48, .pa_max = 44};

	unit_eq_u64(s2_desc_oa_bits(&ps_above), 44, "PS above PAMax: PAMax");

	/* OA bit 39 inside a 40-bit PS; bit 40 beyond it: Address size fault (S2OAOutOfRange). */
	expect_kind(&k4_40, 3, PAGE(0x8000000000), S2D_LEAF, 0x8000000000, "4K OA[39]");
	expect_kind(&k4_40, 3, PAGE(0x10000000000), S2D_FAULT_ADDR_SIZE, 0, "4K OA[40], PS 40");
	expect_kind(&k4_40, 1, TABLE(0x10000001000), S2D_FAULT_ADDR_SIZE, 0, "table OA[40]");
	/* The address size check comes before the AF check. */
	expect_kind(&k4_40, 2, (BLOCK(0x10000000000)) & ~AF, S2D_FAULT_ADDR_SIZE, 0,
		    "addr size before AF");
	/* 4K, DS = 0: bits [49:48] are RES0 and not OA: LeafBase reads descriptor[47:0]. */
	expect_kind(&k4_52, 3, PAGE(0x800000000000) | 3ULL << 48, S2D_LEAF, 0x800000000000,
		    "4K [49:48] not read");
	/* With DS: OA[49:48] = [49:48], OA[51:50] = [9:8]. */
	expect_kind(&k4_ds, 3, PAGE(0x1000) | 1ULL << 48 | 2ULL << 8, S2D_LEAF,
		    0x8000000001000ULL | 0x1000000000000ULL, "4K DS OA[51:48]");
	/* 64K with PAMax 52: OA[51:48] = [15:12]; a PS of 48 makes it an Address size fault. */
	expect_kind(&k64_52, 3, PAGE(0x10000) | 0x8ULL << 12, S2D_LEAF, 0x8000000010000ULL,
		    "64K OA[51]");
	struct s2_desc_cfg k64_ps48 = k64_52;

	k64_ps48.ps_bits = 48;
	expect_kind(&k64_ps48, 3, PAGE(0x10000) | 0x8ULL << 12, S2D_FAULT_ADDR_SIZE, 0,
		    "64K OA[51], PS 48");
	/* 64K with PAMax 48: [15:12] IMPLEMENTATION DEFINED, OA bits (then out of range) or not. */
	unit_ok(s2_desc_decode(&k64_48, 3, PAGE(0x10000) | 1ULL << 12, false).kind == S2D_LEAF,
		"64K [15:12], PAMax 48, not OA: ignored");
	unit_ok(s2_desc_decode(&k64_48, 3, PAGE(0x10000) | 1ULL << 12, true).kind ==
			S2D_FAULT_ADDR_SIZE,
		"64K [15:12], PAMax 48, OA: Address size fault");
	/* A block's base is aligned to the block: bit 20 of a 4K L2 block is not part of it. */
	expect_kind(&k4_40, 2, BLOCK(0x40200000) | 1ULL << 20, S2D_LEAF, 0x40200000,
		    "4K L2 block bit 20");
}

static void test_walk(void)
{
	/* 4K, start level 1: L1 table -> L2 table -> L3 page; the offset comes from the IA. */
	uint64_t path[] = {TABLE(0x41000000), TABLE(0x41001000), PAGE(0x50003000)};
	struct s2_desc_outcome o = {0};

	unit_ok(s2_desc_walk(&k4_40, 1, path, 3, 0x80000abc, false, &o) && o.kind == S2D_LEAF &&
			o.level == 3 && o.pa == 0x50003abc,
		"walk to an L3 page: PA 0x50003abc (got 0x%llx)", (unsigned long long)o.pa);
	path[1] = BLOCK(0x60000000);
	unit_ok(s2_desc_walk(&k4_40, 1, path, 2, 0x80123456, false, &o) && o.level == 2 &&
			o.pa == 0x60123456,
		"walk to an L2 block");
	path[0] = TABLE(0x10000001000);
	unit_ok(s2_desc_walk(&k4_40, 1, path, 3, 0, false, &o) && o.kind == S2D_FAULT_ADDR_SIZE &&
			o.level == 1,
		"address size fault at the table's level");
	unit_ok(!s2_desc_walk(&k4_40, 1, (uint64_t[]){TABLE(0x1000)}, 1, 0, false, &o),
		"a path ending in a table is refused");
	/* PAR_EL1: Address size fault level 1 is FST 0b000001, S = 1: 0x203. */
	unit_eq_u64(s2_desc_par_expect(&o), 0x203, "PAR for address size L1");
	struct s2_desc_outcome t = {.kind = S2D_FAULT_TRANSLATION, .level = 3};

	unit_eq_u64(s2_desc_par_expect(&t), 0x20f, "PAR for translation L3 (FST 0b000111)");
	unit_ok(s2_desc_par_matches(&t, 0x20f | 0xff00000000000000ULL), "PAR match ignores ATTR");
	struct s2_desc_outcome ro = {.kind = S2D_LEAF, .level = 3, .pa = 0x1000, .s2ap = 1};

	unit_ok(s2_desc_for_access(ro, true).kind == S2D_FAULT_PERMISSION, "RO write: perm");
	unit_ok(s2_desc_for_access(ro, false).kind == S2D_LEAF, "RO read: translates");
}

/* A 4K level-3 group of 16 pages at IA 0x100000000 (contiguous OA 0x80000000). */
static void fill_group(uint64_t *g, uint64_t bits)
{
	for (unsigned i = 0; i < 16; i++) {
		g[i] = PAGE(0x80000000ULL + i * 0x1000) | bits;
	}
}

static void test_contiguous(void)
{
	uint64_t path[] = {TABLE(0x41000000), TABLE(0x41001000), 0};
	uint64_t g[16];
	struct s2_desc_permitted p;

	/* Table D8-104. */
	unit_eq_u64(s2_desc_contig_log2(&k4_40, 3), 4, "4K L3: 16");
	unit_eq_u64(s2_desc_contig_log2(&k16_48, 3), 7, "16K L3: 128");
	unit_eq_u64(s2_desc_contig_log2(&k16_48, 2), 5, "16K L2: 32");
	unit_eq_u64(s2_desc_contig_log2(&k64_48, 2), 5, "64K L2: 32");
	unit_eq_u64(s2_desc_contig_log2(&k4_ds, 0), 0, "4K L0 (DS): RES0");
	unit_eq_u64(s2_desc_contig_log2(&k16_ds, 1), 0, "16K L1 (DS): RES0");
	unit_eq_u64(s2_desc_contig_log2(&k64_52, 1), 0, "64K L1 (LPA): RES0");

	/* Where the bit is RES0 (4K level 0 with DS, RRLJBB) there is no group: its own block. */
	uint64_t l0[] = {BLOCK(0x8000000000) | CONT};

	unit_ok(s2_desc_contig_permitted(&k4_ds, 0, path, 0, l0, 0x8000000238, 0, &p) && p.n == 1 &&
			p.v[0].pa == 0x8000000238 && !p.any_translation,
		"4K L0 block with DS and Contiguous: RES0, its own translation only");

	/* Correct group: one outcome, the entry's own translation. */
	fill_group(g, CONT);
	unit_ok(s2_desc_contig_permitted(&k4_40, 1, path, 3, g, 0x100005010, 2, &p) && p.n == 1 &&
			p.v[0].pa == 0x80005010 && !p.any_translation,
		"correct group: one outcome");
	unit_eq_u64(s2_desc_contig_index(&k4_40, 3, 0x100005010), 5, "index 5");

	/* Entry 7's OA moved by 128 KiB: entry 2 may also translate as entry 7 as a group. */
	g[7] = PAGE(0x80027000) | CONT;
	unit_ok(s2_desc_contig_permitted(&k4_40, 1, path, 3, g, 0x100002010, 2, &p) && p.n == 2 &&
			p.v[0].pa == 0x80002010 && p.v[1].pa == 0x80022010,
		"OA misprogrammed: own or entry 7's group (n %u)", p.n);
	/*
	 * The moved entry itself: its own OA 0x80027010, which is also what entry 7 gives as a
	 * group (0x80020000 + 0x7010), or the group of the others, 0x80007010.
	 */
	unit_ok(s2_desc_contig_permitted(&k4_40, 1, path, 3, g, 0x100007010, 2, &p) && p.n == 2,
		"OA misprogrammed, at entry 7: own (= entry 7's group) or the others' (n %u)", p.n);
	unit_ok(s2_desc_permitted_par(&p, 0x80027000, false) &&
			s2_desc_permitted_par(&p, 0x80007000, false) &&
			s2_desc_permitted_par(&p, 0x80027000, false) &&
			!s2_desc_permitted_par(&p, 0x60, false),
		"... and PAR matching");

	/* Entry 3 read-only: a write through entry 0 may see entry 3's permissions. */
	fill_group(g, CONT);
	g[3] = (g[3] & ~RW) | RO;
	unit_ok(s2_desc_contig_permitted(&k4_40, 1, path, 3, g, 0x100000000, 2, &p) && p.n == 2,
		"permissions misprogrammed: two outcomes");
	unit_ok(s2_desc_permitted_par(&p, 0x80000000, true) &&
			s2_desc_permitted_par(&p, 0x21f, true) &&
			!s2_desc_permitted_par(&p, 0x21f, false),
		"write: translation or permission fault L3 (FST 0b001111); read: not a fault");

	/* Half the group without the bit: misprogramming, also a TLB conflict; with BBM 0 anything.
	 */
	fill_group(g, CONT);
	for (unsigned i = 8; i < 16; i++) {
		g[i] &= ~CONT;
	}
	unit_ok(s2_desc_contig_permitted(&k4_40, 1, path, 3, g, 0x100009000, 2, &p) &&
			!p.any_translation,
		"partial group, BBM 2");
	unit_ok(s2_desc_permitted_par(&p, 0x61, false) &&
			s2_desc_permitted_par(&p, 0x80009000, false) &&
			!s2_desc_permitted_par(&p, 0x90000000, false),
		"partial group: TLB conflict (FST 0x30) or own; not another OA");
	unit_ok(s2_desc_contig_permitted(&k4_40, 1, path, 3, g, 0x100009000, 0, &p) &&
			p.any_translation && s2_desc_permitted_par(&p, 0x90000000, false),
		"partial group, BBM 0: any translation");

	/* Invalid entries in a group are not misprogramming (IPGVGZ). */
	fill_group(g, CONT);
	for (unsigned i = 8; i < 16; i++) {
		g[i] = 0;
	}
	unit_ok(s2_desc_contig_permitted(&k4_40, 1, path, 3, g, 0x100001000, 0, &p) && p.n == 1 &&
			!p.any_translation,
		"holes: a valid entry translates as itself");
	unit_ok(s2_desc_contig_permitted(&k4_40, 1, path, 3, g, 0x10000a000, 0, &p) && p.n == 2 &&
			s2_desc_permitted_par(&p, 0x20f, false) &&
			s2_desc_permitted_par(&p, 0x8000a000, false),
		"holes: the hole faults or translates as the group");
}

static void test_granule_fields(void)
{
	char why[120];

	/* QEMU max-like: TGran4_2 = 3, TGran16_2 = 3, TGran64_2 = 2. */
	uint64_t mmfr0 = 3ULL << 40 | 2ULL << 36 | 3ULL << 32 | 1ULL << 28 | 2ULL << 20;

	unit_ok(!s2_desc_granule_missing(mmfr0, 12, true, why, sizeof(why)), "4K 52-bit");
	unit_ok(!s2_desc_granule_missing(mmfr0, 16, false, why, sizeof(why)), "64K");
	/* Cortex-A53-like: TGran*_2 = 0, TGran4 = 0 (4K), TGran16 = 0 (no 16K), TGran64 = 0. */
	unit_ok(!s2_desc_granule_missing(0, 12, false, why, sizeof(why)), "4K via TGran4");
	unit_ok(s2_desc_granule_missing(0, 14, false, why, sizeof(why)) != NULL,
		"no 16K via TGran16");
	unit_ok(s2_desc_granule_missing(0, 12, true, why, sizeof(why)) != NULL, "no 4K LPA2");
	unit_ok(s2_desc_granule_missing(1ULL << 36, 16, false, why, sizeof(why)) != NULL,
		"TGran64_2 = 1: not at stage 2");
}

int main(void)
{
	test_block_levels();
	test_output_address();
	test_walk();
	test_contiguous();
	test_granule_fields();
	return unit_done();
}
