/*
 * Host tests of the generic VMSAv8-64 translation-table walker (kernel/pgtable.c): geometry for
 * every granule and input size, concatenated root tables, block/page choice, contiguous runs,
 * fault levels, unmap, destroy (every table freed) and the walker's callbacks.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "pgtable.h"
#include "unit.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

#define SZ_4K	0x1000ULL
#define SZ_16K	0x4000ULL
#define SZ_64K	0x10000ULL
#define SZ_2M	0x200000ULL
#define SZ_32M	0x2000000ULL
#define SZ_512M 0x20000000ULL
#define SZ_1G	0x40000000ULL

/* Some leaf attributes: AttrIndx=1, AP=0, SH=0b11, AF, and XN (bit 54). */
#define ATTR ((1ULL << 2) | (3ULL << 8) | (1ULL << 10) | (1ULL << 54))

/* ---- fake table allocator: aligned_alloc, counting ----------------------------------------- */

struct fake_mm {
	unsigned allocs;
	unsigned frees;
	unsigned limit;	 /* fail allocations beyond this many; 0 = no limit */
	size_t bad_size; /* frees with a size other than the granule */
	size_t granule;
};

static void *fake_alloc(void *ctx, size_t size)
{
	struct fake_mm *f = ctx;
	void *p;

	if (f->limit != 0 && f->allocs >= f->limit) {
		return NULL;
	}
	p = aligned_alloc(size, size);
	if (p != NULL) {
		memset(p, 0, size);
		f->allocs++;
	}
	return p;
}

static void fake_free(void *ctx, void *table, size_t size)
{
	struct fake_mm *f = ctx;

	if (size != f->granule) {
		f->bad_size++;
	}
	f->frees++;
	free(table);
}

/* One translation regime under test: geometry, root table and allocator. */
struct env {
	struct pgt_geom g;
	uint64_t *root;
	struct fake_mm fake;
	struct pgt_mm mm;
};

/* env_init_level() @level: the start level pgt_geom_init() picks (-1 is a level). */
#define LEVEL_AUTO 99

static void env_init_level(struct env *e, unsigned granule_shift, unsigned ia_bits, int level)
{
	size_t size;
	int ret;

	memset(e, 0, sizeof(*e));
	if (level == LEVEL_AUTO) {
		ret = pgt_geom_init(&e->g, granule_shift, ia_bits);
	} else {
		ret = pgt_geom_init_level(&e->g, granule_shift, ia_bits, level);
	}
	if (ret != PGT_OK) {
		unit_diag("env_init_level(%u, %u, %d): %s", granule_shift, ia_bits, level,
			  pgt_strerror(ret));
		abort();
	}
	size = pgt_root_size(&e->g);
	e->root = aligned_alloc(size, size);
	memset(e->root, 0, size);
	e->fake.granule = (size_t)1 << granule_shift;
	e->mm.alloc_table = fake_alloc;
	e->mm.free_table = fake_free;
	e->mm.ctx = &e->fake;
}

static void env_init(struct env *e, unsigned granule_shift, unsigned ia_bits)
{
	env_init_level(e, granule_shift, ia_bits, LEVEL_AUTO);
}

static bool root_is_zero(const struct env *e)
{
	size_t i, n = pgt_table_entries(&e->g, e->g.start_level);

	for (i = 0; i < n; i++) {
		if (e->root[i] != 0) {
			return false;
		}
	}
	return true;
}

/* Destroy, check that every allocated table came back, free the root. */
static void env_fini(struct env *e, const char *name)
{
	pgt_destroy(&e->g, e->root, &e->mm);
	unit_ok(e->fake.frees == e->fake.allocs && e->fake.bad_size == 0 && root_is_zero(e),
		"%s: destroy frees all %u tables (freed %u), root cleared", name, e->fake.allocs,
		e->fake.frees);
	free(e->root);
}

static int map(struct env *e, uint64_t ia, uint64_t pa, uint64_t size, unsigned flags)
{
	return pgt_map(&e->g, e->root, ia, pa, size, ATTR, flags, &e->mm);
}

/* ---- counting visitor ---------------------------------------------------------------------- */

struct counts {
	unsigned leaves[4]; /* valid leaf descriptors per level */
	unsigned contig[4]; /* ... of which with the Contiguous bit */
	unsigned invalid;   /* invalid entries visited */
	unsigned pre[4];    /* table_pre calls per level */
	unsigned post[4];   /* table_post calls per level */
	bool attr_ok;	    /* every leaf carries ATTR */
	uint64_t last_ia;   /* ia and size of the last leaf */
	uint64_t last_size;
};

static int count_leaf(const struct pgt_walk_ctx *ctx)
{
	struct counts *c = ctx->arg;
	uint64_t desc = pgt_read_desc(ctx->ptep);

	if (!pgt_desc_is_valid(desc)) {
		c->invalid++;
		return PGT_OK;
	}
	c->leaves[ctx->level]++;
	if (desc & PGT_DESC_CONTIG) {
		c->contig[ctx->level]++;
	}
	if ((desc & PGT_ATTR_MASK) != ATTR) {
		c->attr_ok = false;
	}
	c->last_ia = ctx->ia;
	c->last_size = ctx->size;
	return PGT_OK;
}

static int count_pre(const struct pgt_walk_ctx *ctx)
{
	struct counts *c = ctx->arg;

	c->pre[ctx->level]++;
	return PGT_OK;
}

static int count_post(const struct pgt_walk_ctx *ctx)
{
	struct counts *c = ctx->arg;

	c->post[ctx->level]++;
	return PGT_OK;
}

static const struct pgt_visitor count_visitor = {
	.leaf = count_leaf,
	.table_pre = count_pre,
	.table_post = count_post,
	.flags = PGT_WALK_LEAF | PGT_WALK_TABLE_PRE | PGT_WALK_TABLE_POST,
};

static struct counts count_range(struct env *e, uint64_t ia, uint64_t size)
{
	struct counts c;
	int ret;

	memset(&c, 0, sizeof(c));
	c.attr_ok = true;
	ret = pgt_walk(&e->g, e->root, ia, size, &count_visitor, &c);
	if (ret != PGT_OK) {
		unit_diag("count walk: %s", pgt_strerror(ret));
	}
	return c;
}

static struct counts count_all(struct env *e)
{
	return count_range(e, 0, 1ULL << e->g.ia_bits);
}

static unsigned total_leaves(const struct counts *c)
{
	return c->leaves[0] + c->leaves[1] + c->leaves[2] + c->leaves[3];
}

/* ---- geometry ------------------------------------------------------------------------------ */

static void test_geometry_natural(void)
{
	static const unsigned granules[] = {12, 14, 16};
	size_t i;
	unsigned ia;

	for (i = 0; i < ARRAY_SIZE(granules); i++) {
		unsigned gs = granules[i], stride = gs - 3;

		for (ia = 32; ia <= 48; ia++) {
			struct pgt_geom g;
			int exp_level = 3;
			unsigned covered = gs + stride;
			uint64_t entries;
			size_t exp_size;
			int ret;

			/* Walk up from level 3 until the tables cover all input bits. */
			while (covered < ia) {
				exp_level--;
				covered += stride;
			}
			entries = 1ULL << (ia - (covered - stride));
			exp_size = entries * 8 < 64 ? 64 : (size_t)entries * 8;
			ret = pgt_geom_init(&g, gs, ia);
			unit_ok(ret == PGT_OK && g.start_level == exp_level &&
					pgt_root_size(&g) == exp_size && pgt_root_tables(&g) == 1 &&
					pgt_table_entries(&g, exp_level) == entries,
				"%uK granule, %u-bit IA: level %d (got %d), root %zu (got %zu)",
				1u << (gs - 10), ia, exp_level, g.start_level, exp_size,
				ret == PGT_OK ? pgt_root_size(&g) : 0);
		}
	}
}

static void test_geometry_known(void)
{
	static const struct {
		unsigned gs, ia;
		int level;
		size_t root_size;
	} cases[] = {
		{12, 48, 0, 4096},  {12, 40, 0, 64},	{12, 39, 1, 4096},  {12, 32, 1, 64},
		{12, 30, 2, 4096},  {12, 25, 2, 128},	{14, 48, 0, 64},    {14, 47, 1, 16384},
		{14, 37, 1, 64},    {14, 36, 2, 16384}, {16, 48, 1, 512},   {16, 43, 1, 64},
		{16, 42, 2, 65536}, {16, 30, 2, 64},	{16, 29, 3, 65536}, {16, 25, 3, 4096},
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		struct pgt_geom g = {.granule_shift = 0, .ia_bits = 0, .start_level = 99};
		int ret = pgt_geom_init(&g, cases[i].gs, cases[i].ia);

		unit_ok(ret == PGT_OK && g.start_level == cases[i].level &&
				pgt_root_size(&g) == cases[i].root_size,
			"known: %uK granule, %u-bit IA starts at level %d with a %zu-byte root",
			1u << (cases[i].gs - 10), cases[i].ia, cases[i].level, cases[i].root_size);
	}
}

static void test_geometry_concat(void)
{
	static const struct {
		unsigned gs, ia;
		int level;
		int ret;
		unsigned tables;
		size_t root_size;
	} cases[] = {
		{12, 40, 1, PGT_OK, 2, 8192},	/* the classic KVM 40-bit IPA */
		{12, 43, 1, PGT_OK, 16, 65536}, /* 16 tables: the maximum */
		{12, 44, 1, PGT_E_INVAL, 0, 0}, /* 32 tables */
		{12, 31, 1, PGT_OK, 1, 64},	/* 2 entries */
		{12, 30, 1, PGT_E_INVAL, 0, 0}, /* level 1 would resolve no bit */
		{12, 34, 2, PGT_OK, 16, 65536},	  {12, 35, 2, PGT_E_INVAL, 0, 0},
		{12, 48, 0, PGT_OK, 1, 4096},	  {12, 42, 0, PGT_OK, 1, 64},
		{12, 25, 3, PGT_OK, 16, 65536},	  {14, 48, 1, PGT_OK, 2, 32768},
		{14, 40, 2, PGT_OK, 16, 262144},  {14, 41, 2, PGT_E_INVAL, 0, 0},
		{16, 46, 2, PGT_OK, 16, 1048576}, {16, 47, 2, PGT_E_INVAL, 0, 0},
		{16, 42, 1, PGT_E_INVAL, 0, 0},	  {16, 48, 1, PGT_OK, 1, 512},
		{16, 48, 0, PGT_E_INVAL, 0, 0}, /* 64KB has no level 0 below 52 bits */
		{13, 40, 1, PGT_E_INVAL, 0, 0}, /* not a granule */
		{12, 15, 3, PGT_E_INVAL, 0, 0}, /* IA too small (TxSZ 48 is the largest) */
		{12, 16, 3, PGT_OK, 1, 128},	/* FEAT_TTST: 16-bit IA from level 3 */
		{12, 53, 0, PGT_E_INVAL, 0, 0}, /* IA too large (52 is the most) */
		{12, 52, 0, PGT_OK, 16, 65536}, /* FEAT_LPA2: 52 bits, 16 level-0 tables */
		{16, 52, 1, PGT_OK, 1, 8192},	/* FEAT_LPA: 52 bits, 64KB from level 1 */
		{12, 40, 4, PGT_E_INVAL, 0, 0}, /* no level 4 */
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		struct pgt_geom g;
		int ret = pgt_geom_init_level(&g, cases[i].gs, cases[i].ia, cases[i].level);
		bool ok = ret == cases[i].ret;

		if (ok && ret == PGT_OK) {
			ok = g.start_level == cases[i].level &&
			     pgt_root_tables(&g) == cases[i].tables &&
			     pgt_root_size(&g) == cases[i].root_size;
		}
		unit_ok(ok,
			"init_level: granule_shift %u, %u-bit IA, level %d -> %s, %u tables, "
			"%zu bytes",
			cases[i].gs, cases[i].ia, cases[i].level, pgt_strerror(cases[i].ret),
			cases[i].tables, cases[i].root_size);
	}
	unit_eq_u64(pgt_geom_init(NULL, 12, 48), (uint64_t)PGT_E_INVAL, "geom_init(NULL) rejected");
	{
		struct pgt_geom g;

		unit_eq_u64(pgt_geom_init(&g, 12, 15), (uint64_t)PGT_E_INVAL,
			    "geom_init 15-bit rejected");
		unit_eq_u64(pgt_geom_init(&g, 15, 40), (uint64_t)PGT_E_INVAL,
			    "geom_init granule_shift 15 rejected");
	}
}

static void test_helpers(void)
{
	struct pgt_geom g4, g4c, g16, g64;
	uint64_t top = 0xfffffffff000ULL;

	pgt_geom_init(&g4, 12, 48);
	pgt_geom_init_level(&g4c, 12, 40, 1);
	pgt_geom_init(&g16, 14, 48);
	pgt_geom_init(&g64, 16, 48);

	unit_ok(pgt_level_shift(&g4, 0) == 39 && pgt_level_shift(&g4, 1) == 30 &&
			pgt_level_shift(&g4, 2) == 21 && pgt_level_shift(&g4, 3) == 12,
		"4K level shifts 39/30/21/12");
	unit_ok(pgt_level_shift(&g16, 0) == 47 && pgt_level_shift(&g16, 1) == 36 &&
			pgt_level_shift(&g16, 2) == 25 && pgt_level_shift(&g16, 3) == 14,
		"16K level shifts 47/36/25/14");
	unit_ok(pgt_level_shift(&g64, 1) == 42 && pgt_level_shift(&g64, 2) == 29 &&
			pgt_level_shift(&g64, 3) == 16,
		"64K level shifts 42/29/16");
	unit_eq_u64(pgt_level_size(&g4, 1), SZ_1G, "4K level 1 entry is 1GB");
	unit_eq_u64(pgt_level_size(&g16, 2), SZ_32M, "16K level 2 entry is 32MB");
	unit_eq_u64(pgt_level_size(&g64, 2), SZ_512M, "64K level 2 entry is 512MB");
	unit_ok(pgt_index(&g4, 0, top) == 511 && pgt_index(&g4, 1, top) == 511 &&
			pgt_index(&g4, 2, top) == 511 && pgt_index(&g4, 3, top) == 511,
		"4K index of the top page is 511 at every level");
	unit_ok(pgt_index(&g4, 0, 0x8040201000ULL) == 1 &&
			pgt_index(&g4, 1, 0x8040201000ULL) == 1 &&
			pgt_index(&g4, 2, 0x8040201000ULL) == 1 &&
			pgt_index(&g4, 3, 0x8040201000ULL) == 1,
		"4K index 1 at every level");
	unit_eq_u64(pgt_index(&g4c, 1, 0xffc0000000ULL), 1023,
		    "concatenated root: index spans both tables");
	unit_eq_u64(pgt_index(&g16, 0, 0x800000000000ULL), 1, "16K level 0 has two entries");
	unit_eq_u64(pgt_index(&g64, 1, top), 63, "64K 48-bit level 1 has 64 entries");

	unit_ok(!pgt_level_has_block(&g4, 0) && pgt_level_has_block(&g4, 1) &&
			pgt_level_has_block(&g4, 2) && !pgt_level_has_block(&g4, 3) &&
			pgt_level_has_leaf(&g4, 3) && !pgt_level_has_leaf(&g4, 0),
		"4K: blocks at levels 1 and 2, pages at 3");
	unit_ok(!pgt_level_has_block(&g16, 0) && !pgt_level_has_block(&g16, 1) &&
			pgt_level_has_block(&g16, 2) && pgt_level_has_leaf(&g16, 3),
		"16K: blocks at level 2 only");
	unit_ok(!pgt_level_has_block(&g64, 1) && pgt_level_has_block(&g64, 2) &&
			pgt_level_has_leaf(&g64, 3),
		"64K: blocks at level 2 only");
	unit_ok(pgt_contig_entries(&g4, 3) == 16 && pgt_contig_entries(&g4, 2) == 16 &&
			pgt_contig_entries(&g4, 1) == 16 && pgt_contig_entries(&g4, 0) == 0,
		"4K contiguous runs: 16 entries");
	unit_ok(pgt_contig_entries(&g16, 3) == 128 && pgt_contig_entries(&g16, 2) == 32 &&
			pgt_contig_entries(&g16, 1) == 0,
		"16K contiguous runs: 128 at level 3, 32 at level 2");
	unit_ok(pgt_contig_entries(&g64, 3) == 32 && pgt_contig_entries(&g64, 2) == 32 &&
			pgt_contig_entries(&g64, 1) == 0,
		"64K contiguous runs: 32 at levels 2 and 3");
	unit_eq_u64(pgt_oa_mask(&g4), 0x0000fffffffff000ULL, "4K OA mask [47:12]");
	unit_eq_u64(pgt_oa_mask(&g64), 0x0000ffffffff0000ULL, "64K OA mask [47:16]");
	unit_eq_str(pgt_strerror(PGT_E_EXIST), "already mapped", "strerror(PGT_E_EXIST)");
	unit_eq_str(pgt_strerror(42), "unknown error", "strerror(unknown)");
}

/* ---- mapping ------------------------------------------------------------------------------- */

/* Lookup @ia: expect a leaf at @level whose descriptor maps @pa_base, and @ia -> @pa. */
static void check_leaf(struct env *e, uint64_t ia, uint64_t pa, int level, const char *name)
{
	uint64_t desc = 0, out = 0, size = pgt_level_size(&e->g, level);
	int got_level = 99;
	int ret = pgt_lookup(&e->g, e->root, ia, &desc, &got_level);
	uint64_t type = level == 3 ? PGT_DESC_PAGE : PGT_DESC_BLOCK;
	uint64_t exp = (pa & ~(size - 1)) | ATTR | type;

	unit_ok(ret == PGT_OK && got_level == level && (desc & ~PGT_DESC_CONTIG) == exp,
		"%s: level %d leaf 0x%llx (got %s, level %d, 0x%llx)", name, level,
		(unsigned long long)exp, pgt_strerror(ret), got_level, (unsigned long long)desc);
	ret = pgt_translate(&e->g, e->root, ia, &out);
	unit_ok(ret == PGT_OK && out == pa, "%s: translates 0x%llx -> 0x%llx (got 0x%llx)", name,
		(unsigned long long)ia, (unsigned long long)pa, (unsigned long long)out);
}

static void test_map_basic(void)
{
	struct env e;
	struct counts c;

	env_init(&e, 12, 48);
	unit_eq_u64(map(&e, 0x40001000ULL, 0x80003000ULL, SZ_4K, 0), PGT_OK, "map a 4K page");
	check_leaf(&e, 0x40001123ULL, 0x80003123ULL, 3, "4K page");
	unit_eq_u64(e.fake.allocs, 3, "4K page needs level 1, 2 and 3 tables");
	unit_eq_u64(map(&e, 0x40200000ULL, 0x100200000ULL, SZ_2M, 0), PGT_OK, "map a 2M block");
	check_leaf(&e, 0x40345678ULL, 0x100345678ULL, 2, "2M block");
	unit_eq_u64(e.fake.allocs, 3, "2M block beside it needs no new table");
	unit_eq_u64(map(&e, 0x8000000000ULL, 0x4000000000ULL, SZ_1G, 0), PGT_OK, "map a 1G block");
	check_leaf(&e, 0x803fffffffULL, 0x403fffffffULL, 1, "1G block");
	unit_eq_u64(e.fake.allocs, 4, "1G block under a new level 0 entry needs one level 1 table");
	c = count_all(&e);
	unit_ok(c.leaves[0] == 0 && c.leaves[1] == 1 && c.leaves[2] == 1 && c.leaves[3] == 1 &&
			c.attr_ok,
		"walk finds one leaf at each of levels 1, 2, 3, all with the attributes");
	unit_ok(c.pre[0] == 2 && c.pre[1] == 1 && c.pre[2] == 1 && c.post[0] == 2 &&
			c.post[1] == 1 && c.post[2] == 1,
		"table_pre/table_post once per table descriptor");
	unit_eq_u64(map(&e, 0xffffffe00000ULL, 0xffffffe00000ULL, SZ_2M, 0), PGT_OK,
		    "map the top 2M of the 48-bit IA and OA space");
	check_leaf(&e, 0xffffffffffffULL, 0xffffffffffffULL, 2, "top 2M");
	env_fini(&e, "basic");
}

static void test_map_rejects(void)
{
	struct env e;
	struct counts c;

	env_init(&e, 12, 48);
	unit_eq_u64(map(&e, 0x1800, 0x2000, SZ_4K, 0), (uint64_t)PGT_E_ALIGN, "unaligned ia");
	unit_eq_u64(map(&e, 0x1000, 0x2800, SZ_4K, 0), (uint64_t)PGT_E_ALIGN, "unaligned pa");
	unit_eq_u64(map(&e, 0x1000, 0x2000, 0x1800, 0), (uint64_t)PGT_E_ALIGN, "unaligned size");
	unit_eq_u64(map(&e, 0x1000, 0x2000, 0, 0), (uint64_t)PGT_E_INVAL, "size 0");
	unit_eq_u64(map(&e, 1ULL << 48, 0, SZ_4K, 0), (uint64_t)PGT_E_RANGE, "ia beyond 48 bits");
	unit_eq_u64(map(&e, (1ULL << 48) - SZ_4K, 0, 2 * SZ_4K, 0), (uint64_t)PGT_E_RANGE,
		    "range crossing the top of the IA space");
	unit_eq_u64(map(&e, 0, (1ULL << 48) - SZ_4K, 2 * SZ_4K, 0), (uint64_t)PGT_E_RANGE,
		    "pa range beyond 48 bits");
	unit_eq_u64(pgt_map(&e.g, e.root, 0, 0, SZ_4K, 2, 0, &e.mm), (uint64_t)PGT_E_INVAL,
		    "attr with a type bit");
	unit_eq_u64(pgt_map(&e.g, e.root, 0, 0, SZ_4K, 1ULL << 20, 0, &e.mm), (uint64_t)PGT_E_INVAL,
		    "attr with an OA bit");
	unit_eq_u64(pgt_map(&e.g, e.root, 0, 0, SZ_4K, PGT_DESC_CONTIG, 0, &e.mm),
		    (uint64_t)PGT_E_INVAL, "attr with the Contiguous bit");
	unit_eq_u64(map(&e, 0, 0, SZ_4K, PGT_MAP_MAX_LEVEL(4)), (uint64_t)PGT_E_INVAL,
		    "PGT_MAP_MAX_LEVEL(4)");
	unit_eq_u64(map(&e, 0, 0, SZ_4K, 1u << 12), (uint64_t)PGT_E_INVAL, "unknown flag");
	unit_eq_u64(pgt_map(&e.g, e.root, 0, 0, SZ_4K, ATTR, 0, NULL), (uint64_t)PGT_E_INVAL,
		    "no allocator");
	unit_ok(e.fake.allocs == 0 && root_is_zero(&e), "rejected maps allocate and write nothing");

	/* Overlaps: nothing of the new range may be written. */
	unit_eq_u64(map(&e, 0x10000, 0x10000, SZ_4K, 0), PGT_OK, "map page at 0x10000");
	unit_eq_u64(map(&e, 0x10000, 0x90000, SZ_4K, 0), (uint64_t)PGT_E_EXIST,
		    "remapping a mapped page");
	unit_eq_u64(map(&e, 0xe000, 0xe000, 4 * SZ_4K, 0), (uint64_t)PGT_E_EXIST,
		    "range overlapping a mapped page");
	c = count_all(&e);
	unit_ok(total_leaves(&c) == 1 && pgt_fault_level(&e.g, e.root, 0xe000) == 3,
		"failed overlapping map wrote nothing");
	unit_eq_u64(map(&e, SZ_1G, SZ_1G, SZ_2M, 0), PGT_OK, "map 2M block at 1G");
	unit_eq_u64(map(&e, SZ_1G + 0x5000, 0x5000, SZ_4K, 0), (uint64_t)PGT_E_EXIST,
		    "page inside an existing block (no split)");
	unit_eq_u64(map(&e, SZ_1G - SZ_2M, SZ_1G - SZ_2M, 2 * SZ_2M, 0), (uint64_t)PGT_E_EXIST,
		    "4M range ending in an existing block");
	unit_eq_u64(pgt_fault_level(&e.g, e.root, SZ_1G - SZ_2M), 2,
		    "... and its first 2M was not mapped");
	unit_eq_u64(map(&e, 0, 0, SZ_1G, 0), (uint64_t)PGT_E_EXIST,
		    "1G range containing a mapped page");
	env_fini(&e, "rejects");
}

static void test_map_mixed(void)
{
	/* 8K of pages, a 2M block up to a 1G boundary, a 1G block, a 2M block, 12K of pages. */
	uint64_t ia = SZ_1G - SZ_2M - 0x2000, size = 0x2000 + SZ_2M + SZ_1G + SZ_2M + 0x3000;
	uint64_t pa = ia + 4 * SZ_1G;
	struct env e;
	struct counts c;

	env_init(&e, 12, 48);
	unit_eq_u64(map(&e, ia, pa, size, 0), PGT_OK, "map mixed range");
	c = count_all(&e);
	unit_ok(c.leaves[3] == 5 && c.leaves[2] == 2 && c.leaves[1] == 1 && c.leaves[0] == 0,
		"mixed range: 5 pages, 2 2M blocks, 1 1G block (got %u/%u/%u)", c.leaves[3],
		c.leaves[2], c.leaves[1]);
	check_leaf(&e, ia, pa, 3, "mixed first page");
	check_leaf(&e, ia + 0x2000, pa + 0x2000, 2, "mixed first 2M");
	check_leaf(&e, SZ_1G + 0x12345678, pa + (SZ_1G + 0x12345678 - ia), 1, "mixed 1G");
	check_leaf(&e, 2 * SZ_1G, pa + (2 * SZ_1G - ia), 2, "mixed last 2M");
	check_leaf(&e, ia + size - 1, pa + size - 1, 3, "mixed last byte");
	unit_eq_u64(pgt_fault_level(&e.g, e.root, ia - SZ_4K), 3, "page before the range faults");
	unit_eq_u64(pgt_fault_level(&e.g, e.root, ia + size), 3, "page after the range faults");
	c = count_range(&e, ia, size);
	unit_eq_u64(c.invalid, 0, "a walk of exactly the range sees no invalid entry");
	unit_eq_u64(pgt_unmap(&e.g, e.root, ia, size), PGT_OK, "unmap the mixed range");
	c = count_all(&e);
	unit_ok(total_leaves(&c) == 0 && pgt_fault_level(&e.g, e.root, SZ_1G) == 1,
		"after unmap no leaf is left; 1G IA faults at level 1");
	env_fini(&e, "mixed");

	env_init(&e, 12, 48);
	unit_eq_u64(map(&e, SZ_2M, 0x10001000ULL, 2 * SZ_2M + 0x2000, 0), PGT_OK,
		    "map 4M+8K with pa 4K-misaligned to ia");
	c = count_all(&e);
	unit_ok(c.leaves[3] == 1026 && c.leaves[2] == 0, "misaligned pa: 1026 pages, no block");
	check_leaf(&e, 3 * SZ_2M + 0x1234, 0x10001000ULL + 2 * SZ_2M + 0x1234, 3,
		   "misaligned pa page");
	env_fini(&e, "misaligned pa");

	env_init(&e, 12, 48);
	unit_eq_u64(map(&e, SZ_1G, 2 * SZ_1G, SZ_1G, PGT_MAP_MAX_LEVEL(2)), PGT_OK,
		    "map 1G with PGT_MAP_MAX_LEVEL(2)");
	unit_eq_u64(map(&e, 3 * SZ_1G, 3 * SZ_1G, SZ_2M, PGT_MAP_PAGES_ONLY), PGT_OK,
		    "map 2M with PGT_MAP_PAGES_ONLY");
	c = count_all(&e);
	unit_ok(c.leaves[1] == 0 && c.leaves[2] == 512 && c.leaves[3] == 512,
		"max level: 512 2M blocks and 512 pages (got %u/%u/%u)", c.leaves[1], c.leaves[2],
		c.leaves[3]);
	env_fini(&e, "max level");
}

/* ---- contiguous ---------------------------------------------------------------------------- */

static void test_contig(void)
{
	struct env e;
	struct counts c;

	env_init(&e, 12, 48);
	unit_eq_u64(map(&e, 0x100000, 0x300000, SZ_64K, PGT_MAP_CONTIGUOUS), PGT_OK,
		    "4K: map 64K contiguous");
	c = count_range(&e, 0x100000, SZ_64K);
	unit_ok(c.leaves[3] == 16 && c.contig[3] == 16,
		"4K: 16 pages, all with the Contiguous bit");
	unit_eq_u64(map(&e, 0x400000, 0x500000, SZ_64K + SZ_4K, PGT_MAP_CONTIGUOUS), PGT_OK,
		    "4K: map 68K contiguous");
	c = count_range(&e, 0x400000, SZ_64K + SZ_4K);
	unit_ok(c.leaves[3] == 17 && c.contig[3] == 16, "4K: 68K = one run of 16 and one plain");
	unit_eq_u64(map(&e, 0x801000, 0x901000, 2 * SZ_64K, PGT_MAP_CONTIGUOUS), PGT_OK,
		    "4K: map 128K contiguous starting 4K into a run");
	c = count_range(&e, 0x801000, 2 * SZ_64K);
	unit_ok(c.leaves[3] == 32 && c.contig[3] == 16, "4K: only the complete run is marked");
	unit_eq_u64(map(&e, 0xa00000, 0xb01000, SZ_64K, PGT_MAP_CONTIGUOUS), PGT_OK,
		    "4K: map 64K contiguous with pa off the run alignment");
	c = count_range(&e, 0xa00000, SZ_64K);
	unit_ok(c.leaves[3] == 16 && c.contig[3] == 0, "4K: misaligned pa gets no Contiguous bit");
	unit_eq_u64(map(&e, 0xc00000, 0xc00000, SZ_64K, 0), PGT_OK, "4K: map 64K without flag");
	c = count_range(&e, 0xc00000, SZ_64K);
	unit_eq_u64(c.contig[3], 0, "4K: no flag, no Contiguous bit");
	unit_eq_u64(map(&e, 4 * SZ_1G, 4 * SZ_1G, SZ_32M, PGT_MAP_CONTIGUOUS), PGT_OK,
		    "4K: map 32M contiguous");
	c = count_range(&e, 4 * SZ_1G, SZ_32M);
	unit_ok(c.leaves[2] == 16 && c.contig[2] == 16, "4K: 16 2M blocks with the Contiguous bit");

	unit_eq_u64(pgt_unmap(&e.g, e.root, 0x100000, SZ_4K), (uint64_t)PGT_E_SPLIT,
		    "unmap one page of a contiguous run");
	unit_eq_u64(pgt_unmap(&e.g, e.root, 4 * SZ_1G, SZ_2M), (uint64_t)PGT_E_SPLIT,
		    "unmap one block of a contiguous run");
	c = count_range(&e, 0x100000, SZ_64K);
	unit_eq_u64(c.leaves[3], 16, "failed unmap left the run intact");
	unit_eq_u64(pgt_unmap(&e.g, e.root, 0x100000, SZ_64K), PGT_OK, "unmap the whole run");
	unit_eq_u64(pgt_fault_level(&e.g, e.root, 0x10f000), 3, "run gone");

	/* A stale empty level 3 table under a 2M slot: that slot gets pages, the run no bit. */
	unit_eq_u64(map(&e, 8 * SZ_1G, 8 * SZ_1G, SZ_4K, 0), PGT_OK, "map one page at 8G");
	unit_eq_u64(pgt_unmap(&e.g, e.root, 8 * SZ_1G, SZ_4K), PGT_OK, "unmap it (table stays)");
	unit_eq_u64(map(&e, 8 * SZ_1G, 8 * SZ_1G, SZ_32M, PGT_MAP_CONTIGUOUS), PGT_OK,
		    "map 32M contiguous over the stale table");
	c = count_range(&e, 8 * SZ_1G, SZ_32M);
	unit_ok(c.leaves[2] == 15 && c.contig[2] == 0 && c.leaves[3] == 512 && c.contig[3] == 512,
		"stale table: 15 blocks without the bit, 512 pages in runs (got %u/%u/%u/%u)",
		c.leaves[2], c.contig[2], c.leaves[3], c.contig[3]);
	env_fini(&e, "contig 4K");

	env_init(&e, 14, 48);
	unit_eq_u64(map(&e, SZ_2M, SZ_2M, SZ_2M, PGT_MAP_CONTIGUOUS), PGT_OK,
		    "16K: map 2M contiguous");
	unit_eq_u64(map(&e, SZ_1G, SZ_1G, SZ_1G, PGT_MAP_CONTIGUOUS), PGT_OK,
		    "16K: map 1G contiguous");
	c = count_all(&e);
	unit_ok(c.leaves[3] == 128 && c.contig[3] == 128 && c.leaves[2] == 32 && c.contig[2] == 32,
		"16K: a run of 128 pages and a run of 32 32M blocks");
	env_fini(&e, "contig 16K");

	env_init(&e, 16, 48);
	unit_eq_u64(map(&e, SZ_2M, SZ_2M, SZ_2M, PGT_MAP_CONTIGUOUS), PGT_OK,
		    "64K: map 2M contiguous");
	unit_eq_u64(map(&e, 16 * SZ_1G, 16 * SZ_1G, 16 * SZ_1G, PGT_MAP_CONTIGUOUS), PGT_OK,
		    "64K: map 16G contiguous");
	c = count_all(&e);
	unit_ok(c.leaves[3] == 32 && c.contig[3] == 32 && c.leaves[2] == 32 && c.contig[2] == 32,
		"64K: a run of 32 pages and a run of 32 512M blocks");
	env_fini(&e, "contig 64K");
}

/* ---- faults -------------------------------------------------------------------------------- */

static void test_fault_levels(void)
{
	const uint64_t p = 0x8040201000ULL; /* index 1 at every level */
	struct env e;
	uint64_t desc = 1;
	int level = 99;

	env_init(&e, 12, 48);
	unit_eq_u64(pgt_lookup(&e.g, e.root, 0x1234, &desc, &level), (uint64_t)PGT_E_FAULT,
		    "empty table: lookup faults");
	unit_ok(level == 0 && desc == 0, "empty table: fault at level 0 with descriptor 0");
	unit_eq_u64(map(&e, p, p, SZ_4K, 0), PGT_OK, "map page with index 1 at every level");
	unit_eq_u64(pgt_fault_level(&e.g, e.root, p), PGT_LEVEL_NONE, "mapped page: no fault");
	unit_eq_u64(pgt_fault_level(&e.g, e.root, p ^ (1ULL << 39)), 0, "other level 0 slot: 0");
	unit_eq_u64(pgt_fault_level(&e.g, e.root, p ^ (1ULL << 30)), 1, "other level 1 slot: 1");
	unit_eq_u64(pgt_fault_level(&e.g, e.root, p ^ (1ULL << 21)), 2, "other level 2 slot: 2");
	unit_eq_u64(pgt_fault_level(&e.g, e.root, p ^ (1ULL << 12)), 3, "other level 3 slot: 3");
	unit_eq_u64(pgt_lookup(&e.g, e.root, 1ULL << 48, NULL, &level), (uint64_t)PGT_E_RANGE,
		    "IA beyond ia_bits: PGT_E_RANGE");
	unit_eq_u64(pgt_fault_level(&e.g, e.root, 1ULL << 48), 0,
		    "IA beyond ia_bits faults at level 0");

	/* Reserved encodings read as faults. */
	e.root[5] = 0x40000000ULL | PGT_DESC_BLOCK;
	unit_eq_u64(pgt_fault_level(&e.g, e.root, 5ULL << 39), 0, "4K block at level 0 faults");
	{
		uint64_t *l1 = (uint64_t *)(uintptr_t)(e.root[1] & pgt_oa_mask(&e.g));
		uint64_t *l2 = (uint64_t *)(uintptr_t)(l1[1] & pgt_oa_mask(&e.g));
		uint64_t *l3 = (uint64_t *)(uintptr_t)(l2[1] & pgt_oa_mask(&e.g));

		l3[2] = 0x5000 | PGT_DESC_BLOCK;
		unit_eq_u64(pgt_fault_level(&e.g, e.root, p + SZ_4K), 3,
			    "0b01 at level 3 (reserved) faults");
		l3[2] = 0;
	}
	e.root[5] = 0;
	env_fini(&e, "faults 4K");

	env_init(&e, 16, 42);
	unit_eq_u64(e.g.start_level, 2, "64K 42-bit starts at level 2");
	unit_eq_u64(pgt_fault_level(&e.g, e.root, SZ_1G), 2, "64K empty: fault at level 2");
	unit_eq_u64(map(&e, SZ_1G, SZ_1G, SZ_64K, 0), PGT_OK, "64K: map a page");
	unit_eq_u64(pgt_fault_level(&e.g, e.root, SZ_1G + SZ_64K), 3, "64K: neighbour faults at 3");
	env_fini(&e, "faults 64K");
}

/* ---- unmap --------------------------------------------------------------------------------- */

static void test_unmap(void)
{
	struct env e;

	env_init(&e, 12, 48);
	unit_eq_u64(map(&e, SZ_1G, SZ_1G, SZ_2M, 0), PGT_OK, "map a 2M block");
	unit_eq_u64(pgt_unmap(&e.g, e.root, SZ_1G + SZ_4K, SZ_4K), (uint64_t)PGT_E_SPLIT,
		    "unmap 4K inside a block");
	unit_eq_u64(pgt_fault_level(&e.g, e.root, SZ_1G), PGT_LEVEL_NONE, "block still mapped");
	unit_eq_u64(pgt_unmap(&e.g, e.root, SZ_1G - SZ_2M, 3 * SZ_2M), PGT_OK,
		    "unmap a 6M range around the block (holes allowed)");
	unit_eq_u64(pgt_fault_level(&e.g, e.root, SZ_1G), 2, "block gone: fault at level 2");
	unit_eq_u64(map(&e, 0x7000, 0x7000, 3 * SZ_4K, 0), PGT_OK, "map three pages");
	unit_eq_u64(pgt_unmap(&e.g, e.root, 0x8000, SZ_4K), PGT_OK, "unmap the middle one");
	unit_ok(pgt_fault_level(&e.g, e.root, 0x7000) == PGT_LEVEL_NONE &&
			pgt_fault_level(&e.g, e.root, 0x8000) == 3 &&
			pgt_fault_level(&e.g, e.root, 0x9000) == PGT_LEVEL_NONE,
		"neighbours stay, the middle page faults at level 3");
	unit_eq_u64(pgt_unmap(&e.g, e.root, 0x8800, SZ_4K), (uint64_t)PGT_E_ALIGN,
		    "unaligned unmap");
	unit_eq_u64(pgt_unmap(&e.g, e.root, 0, 0), (uint64_t)PGT_E_INVAL, "unmap of size 0");
	unit_eq_u64(pgt_unmap(&e.g, e.root, 0x100000000000ULL, SZ_1G), PGT_OK,
		    "unmap of an unmapped range");
	env_fini(&e, "unmap");
}

/* ---- destroy and allocation failure -------------------------------------------------------- */

static void test_destroy(void)
{
	struct env e;
	unsigned i;

	env_init(&e, 12, 48);
	for (i = 0; i < 8; i++) {
		uint64_t ia = ((uint64_t)i << 39) | ((uint64_t)i << 30) | ((uint64_t)i << 21);

		map(&e, ia, ia, SZ_4K, 0);
		map(&e, ia + SZ_2M, ia, SZ_2M, 0);
	}
	unit_eq_u64(e.fake.allocs, 24, "8 scattered pages need 24 tables");
	env_fini(&e, "destroy scattered");

	env_init_level(&e, 12, 40, 1);
	unit_eq_u64(map(&e, 0x8040000000ULL, SZ_1G, SZ_1G, 0), PGT_OK,
		    "concatenated root: 1G block in the second table");
	unit_eq_u64(e.root[513], SZ_1G | ATTR | PGT_DESC_BLOCK, "root entry 513 is the block");
	unit_eq_u64(map(&e, 0xfffffff000ULL, 0x5000, SZ_4K, 0), PGT_OK,
		    "concatenated root: last page of the 40-bit space");
	unit_ok(pgt_desc_is_table(e.root[1023], 1), "root entry 1023 is a table");
	check_leaf(&e, 0xfffffff123ULL, 0x5123, 3, "concatenated last page");
	check_leaf(&e, 0x8040000000ULL + 0x1234, SZ_1G + 0x1234, 1, "concatenated 1G");
	unit_eq_u64(pgt_fault_level(&e.g, e.root, 0x7fc0000000ULL), 1,
		    "concatenated: empty root entry 511 faults at level 1");
	env_fini(&e, "destroy concatenated (root leaves cleared)");

	env_init_level(&e, 14, 48, 1);
	unit_eq_u64(map(&e, 0x800000004000ULL, 0x4000, SZ_16K, 0), PGT_OK,
		    "16K 48-bit from level 1 (2 tables): page in the upper half");
	unit_ok(pgt_desc_is_table(e.root[2048], 1), "root entry 2048 is a table");
	check_leaf(&e, 0x800000004000ULL, 0x4000, 3, "16K concatenated page");
	env_fini(&e, "destroy 16K concatenated");

	env_init(&e, 12, 48);
	e.fake.limit = 2;
	unit_eq_u64(map(&e, 0x1000, 0x1000, SZ_4K, 0), (uint64_t)PGT_E_NOMEM,
		    "third table allocation fails: PGT_E_NOMEM");
	unit_eq_u64(pgt_fault_level(&e.g, e.root, 0x1000), 2, "nothing mapped, fault at level 2");
	e.fake.limit = 3;
	unit_eq_u64(map(&e, 0x1000, 0x1000, SZ_4K, 0), PGT_OK, "retry with memory succeeds");
	e.fake.limit = 4;
	unit_eq_u64(map(&e, SZ_1G - SZ_4K, SZ_1G - SZ_4K, 2 * SZ_4K, 0), (uint64_t)PGT_E_NOMEM,
		    "range needing two new tables, memory for one: PGT_E_NOMEM");
	unit_eq_u64(pgt_fault_level(&e.g, e.root, SZ_1G - SZ_4K), PGT_LEVEL_NONE,
		    "part mapped before the failure stays mapped");
	unit_eq_u64(pgt_unmap(&e.g, e.root, SZ_1G - SZ_4K, 2 * SZ_4K), PGT_OK,
		    "unmap of the failed range cleans it");
	unit_eq_u64(pgt_fault_level(&e.g, e.root, SZ_1G - SZ_4K), 3, "cleaned");
	env_fini(&e, "destroy after NOMEM");
}

/* ---- 16K and 64K --------------------------------------------------------------------------- */

static void test_granules(void)
{
	struct env e;
	struct counts c;

	env_init(&e, 14, 48);
	unit_eq_u64(e.g.start_level, 0, "16K 48-bit starts at level 0");
	unit_eq_u64(map(&e, 0x200000000ULL, 0x400000000ULL, SZ_32M, 0), PGT_OK, "16K: 32M block");
	check_leaf(&e, 0x200123456ULL, 0x400123456ULL, 2, "16K 32M block");
	unit_eq_u64(map(&e, 0x800000000000ULL, 0x8000, SZ_16K, 0), PGT_OK,
		    "16K: page in the upper level 0 entry");
	check_leaf(&e, 0x800000001234ULL, 0x9234, 3, "16K page");
	unit_eq_u64(map(&e, 0x1000, 0x1000, SZ_4K, 0), (uint64_t)PGT_E_ALIGN,
		    "16K: 4K-aligned page rejected");
	unit_eq_u64(map(&e, SZ_32M - SZ_16K, SZ_32M - SZ_16K, SZ_32M + 2 * SZ_16K, 0), PGT_OK,
		    "16K: mixed range");
	c = count_range(&e, SZ_32M - SZ_16K, SZ_32M + 2 * SZ_16K);
	unit_ok(c.leaves[3] == 2 && c.leaves[2] == 1, "16K mixed: 2 pages and one 32M block");
	env_fini(&e, "16K");

	env_init(&e, 14, 36);
	unit_eq_u64(e.g.start_level, 2, "16K 36-bit starts at level 2");
	unit_eq_u64(map(&e, SZ_32M * 3, SZ_32M, SZ_32M, 0), PGT_OK, "16K 36-bit: root block");
	check_leaf(&e, SZ_32M * 3 + 5, SZ_32M + 5, 2, "16K 36-bit root block");
	unit_eq_u64(e.fake.allocs, 0, "16K root-level block needs no table");
	env_fini(&e, "16K 36-bit");

	env_init(&e, 16, 48);
	unit_eq_u64(map(&e, SZ_512M * 5, SZ_512M, SZ_512M, 0), PGT_OK, "64K: 512M block");
	check_leaf(&e, SZ_512M * 5 + 0xabcdef, SZ_512M + 0xabcdef, 2, "64K 512M block");
	unit_eq_u64(map(&e, 0xffffffff0000ULL, 0x10000, SZ_64K, 0), PGT_OK, "64K: top page");
	check_leaf(&e, 0xffffffffffffULL, 0x1ffff, 3, "64K top page");
	unit_eq_u64(map(&e, SZ_512M - SZ_64K, 0x100000000ULL - SZ_64K, SZ_512M + 3 * SZ_64K, 0),
		    PGT_OK, "64K: mixed range");
	c = count_range(&e, SZ_512M - SZ_64K, SZ_512M + 3 * SZ_64K);
	unit_ok(c.leaves[3] == 3 && c.leaves[2] == 1, "64K mixed: 3 pages and one 512M block");
	env_fini(&e, "64K");
}

/* ---- the walker itself --------------------------------------------------------------------- */

static int fail_leaf(const struct pgt_walk_ctx *ctx)
{
	(void)ctx;
	return PGT_E_FAULT;
}

/* Unlink every level-2 table before it is walked (no free: the test only counts). */
static int unlink_pre(const struct pgt_walk_ctx *ctx)
{
	struct counts *c = ctx->arg;

	c->pre[ctx->level]++;
	if (ctx->level == 2) {
		pgt_write_desc(ctx->ptep, 0);
	}
	return PGT_OK;
}

static void test_walker(void)
{
	static const struct pgt_visitor failing = {.leaf = fail_leaf, .flags = PGT_WALK_LEAF};
	static const struct pgt_visitor broken = {.flags = PGT_WALK_TABLE_POST};
	static const struct pgt_visitor unlinking = {
		.leaf = count_leaf,
		.table_pre = unlink_pre,
		.table_post = count_post,
		.flags = PGT_WALK_LEAF | PGT_WALK_TABLE_PRE | PGT_WALK_TABLE_POST,
	};
	const uint64_t p = 0x8040201000ULL;
	struct env e;
	struct counts c;
	uint64_t *l1, *l2, *l3;

	env_init(&e, 12, 48);
	map(&e, p, p, SZ_4K, 0);
	c = count_all(&e);
	unit_ok(c.invalid == 511 * 3 + 511 && total_leaves(&c) == 1,
		"whole-space walk visits every entry of the 4 tables once (invalid %u)", c.invalid);
	c = count_range(&e, p + 0x10, 1);
	unit_ok(total_leaves(&c) == 1 && c.invalid == 0 && c.last_ia == p && c.last_size == SZ_4K &&
			c.pre[0] == 1 && c.pre[1] == 1 && c.pre[2] == 1 && c.post[2] == 1,
		"1-byte walk: one leaf (ia 0x%llx, size 0x%llx) under 3 tables",
		(unsigned long long)c.last_ia, (unsigned long long)c.last_size);
	c = count_range(&e, p - SZ_4K + 1, SZ_4K);
	unit_ok(total_leaves(&c) == 1 && c.invalid == 1, "unaligned walk spans two entries");
	unit_eq_u64(pgt_walk(&e.g, e.root, 0, SZ_1G, &failing, NULL), (uint64_t)PGT_E_FAULT,
		    "callback error stops the walk");
	unit_eq_u64(pgt_walk(&e.g, e.root, 0, SZ_1G, &broken, NULL), (uint64_t)PGT_E_INVAL,
		    "flag without callback rejected");
	unit_eq_u64(pgt_walk(&e.g, e.root, 1ULL << 48, 1, &count_visitor, &c),
		    (uint64_t)PGT_E_RANGE, "walk beyond ia_bits rejected");
	unit_eq_u64(pgt_walk(&e.g, e.root, 0, 0, &failing, NULL), PGT_OK,
		    "empty walk visits nothing");

	/* table_pre that unlinks: the walker must not descend, nor call table_post for it. */
	l1 = (uint64_t *)(uintptr_t)(e.root[1] & pgt_oa_mask(&e.g));
	l2 = (uint64_t *)(uintptr_t)(l1[1] & pgt_oa_mask(&e.g));
	l3 = (uint64_t *)(uintptr_t)(l2[1] & pgt_oa_mask(&e.g));
	memset(&c, 0, sizeof(c));
	c.attr_ok = true;
	unit_eq_u64(pgt_walk(&e.g, e.root, p, SZ_4K, &unlinking, &c), PGT_OK, "unlinking walk");
	unit_ok(c.pre[2] == 1 && c.post[2] == 0 && c.post[1] == 1 && total_leaves(&c) == 0,
		"unlinked table is neither walked nor post-visited");
	unit_eq_u64(pgt_fault_level(&e.g, e.root, p), 2, "address now faults at level 2");
	/* The level 3 table is no longer reachable: give it back by hand. */
	fake_free(&e.fake, l3, SZ_4K);
	env_fini(&e, "walker");
}

/*
 * 52-bit output addresses (pgt_geom_set_oa52()): OA[51:48] in bits [15:12] for 64KB (FEAT_LPA),
 * OA[51:50] in [9:8] and OA[49:48] in [49:48] with DS = 1 (FEAT_LPA2); pseudocode
 * AArch64.LeafBase() / AArch64.NextTableBase(). The descriptor bits are checked literally.
 */
static void test_oa52(void)
{
	/* SH would sit in bits [9:8]: under DS = 1 those are OA bits, so no SH here. */
	const uint64_t attr_ds = (1ULL << 2) | (1ULL << 10) | (1ULL << 54);
	struct env e;
	uint64_t desc = 0, pa = 0;
	int level = 9;
	struct pgt_geom g;

	env_init_level(&e, 16, 52, 1);
	unit_eq_u64(pgt_geom_set_oa52(&e.g, true), PGT_E_INVAL, "64KB has no DS format");
	unit_eq_u64(pgt_geom_set_oa52(&e.g, false), PGT_OK, "64KB 52-bit OA (FEAT_LPA)");
	unit_eq_u64(map(&e, 0xfffffffff0000ULL, 0xa000123450000ULL, SZ_64K, PGT_MAP_PAGES_ONLY),
		    PGT_OK, "map the top 64KB page of a 52-bit IA to a 52-bit OA");
	unit_eq_u64(pgt_lookup(&e.g, e.root, 0xfffffffff0000ULL, &desc, &level), PGT_OK,
		    "lookup the 52-bit page");
	unit_eq_u64(desc & 0x0000fffffffff000ULL, 0x0000123450000ULL | (0xaULL << 12),
		    "64KB: OA[47:16] in place, OA[51:48] = 0xa in bits [15:12]");
	unit_eq_u64(pgt_translate(&e.g, e.root, 0xfffffffff1234ULL, &pa), PGT_OK, "translate");
	unit_eq_u64(pa, 0xa000123451234ULL, "64KB: the 52-bit OA comes back");
	unit_eq_u64(map(&e, 0, 0x10000000000000ULL, SZ_64K, 0), PGT_E_RANGE, "OA 2^52 rejected");
	env_fini(&e, "64KB oa52");

	env_init_level(&e, 12, 52, 0);
	unit_eq_u64(pgt_root_tables(&e.g), 16, "4KB 52-bit IA from level 0: 16 tables");
	unit_eq_u64(pgt_geom_set_oa52(&e.g, false), PGT_E_INVAL, "4KB 52-bit OA needs DS");
	unit_eq_u64(pgt_geom_set_oa52(&e.g, true), PGT_OK, "4KB DS = 1 (FEAT_LPA2)");
	unit_eq_u64(pgt_map(&e.g, e.root, 0xffffffffff000ULL, 0xb000987654000ULL, SZ_4K, attr_ds, 0,
			    &e.mm),
		    PGT_OK, "map the top 4KB page of a 52-bit IA to a 52-bit OA");
	unit_eq_u64(pgt_lookup(&e.g, e.root, 0xffffffffff000ULL, &desc, &level), PGT_OK,
		    "lookup the DS page");
	unit_eq_u64(level, 3, "DS page at level 3");
	unit_eq_u64(desc & ~attr_ds & ~3ULL, 0x3000987654000ULL | (2ULL << 8),
		    "DS: OA[49:12] in place (OA[49:48] = 0b11), OA[51:50] = 0b10 in bits [9:8]");
	unit_eq_u64(pgt_translate(&e.g, e.root, 0xffffffffffabcULL, &pa), PGT_OK, "translate DS");
	unit_eq_u64(pa, 0xb000987654abcULL, "DS: the 52-bit OA comes back");
	unit_eq_u64(pgt_map(&e.g, e.root, 0, 0x1000, SZ_4K, attr_ds | (3ULL << 8), 0, &e.mm),
		    PGT_E_INVAL, "DS: SH in attributes rejected (bits [9:8] are OA)");
	unit_ok(pgt_level_has_block(&e.g, 0), "DS: 4KB blocks at level 0");
	env_fini(&e, "4KB ds");

	unit_eq_u64(pgt_geom_init_level(&g, 14, 52, 0), PGT_OK, "16KB 52-bit IA from level 0");
	unit_ok(!pgt_level_has_block(&g, 1), "16KB 48-bit OA: no level 1 block");
	unit_eq_u64(pgt_geom_set_oa52(&g, true), PGT_OK, "16KB DS = 1");
	unit_ok(pgt_level_has_block(&g, 1) && !pgt_level_has_block(&g, 0),
		"16KB DS: blocks at level 1, not 0");
	unit_eq_u64(pgt_table_entries(&g, 0), 32, "16KB 52-bit: 32 level-0 entries");
}

/*
 * Start level -1: 4KB with FEAT_LPA2 (DS = 1) and a 49..52-bit IA. Level -1 resolves IA[51:48],
 * 1..4 bits, in one table of 2..16 entries (AArch64.S2InconsistentSL(): at least 1 bit, and the
 * IA never exceeds 52 bits, so no concatenation); it holds table descriptors only
 * (AArch64.BlockDescSupported() has no level -1 block). Pages at the bottom and the top of the
 * 52-bit space go through a table at every level from -1 to 3.
 */
static void test_level_m1(void)
{
	const uint64_t attr_ds = (1ULL << 2) | (1ULL << 10) | (1ULL << 54);
	const uint64_t top = 0xffffffffff000ULL;
	struct env e;
	struct pgt_geom g;
	uint64_t desc = 0, pa = 0;
	int level = 9;

	unit_eq_u64(pgt_geom_init(&g, 12, 49), PGT_OK, "4KB 49-bit IA: geometry");
	unit_ok(g.start_level == -1 && pgt_table_entries(&g, -1) == 2 && pgt_root_size(&g) == 64 &&
			pgt_root_tables(&g) == 1,
		"4KB 49-bit IA starts at level -1: 2 entries, 64-byte root, 1 table (got level %d)",
		g.start_level);
	unit_eq_u64(pgt_geom_init_level(&g, 12, 49, 0), PGT_OK, "4KB 49-bit IA from level 0 too");
	unit_eq_u64(pgt_root_tables(&g), 2, "... with 2 concatenated level 0 tables");
	unit_eq_u64(pgt_geom_init_level(&g, 12, 48, -1), (uint64_t)PGT_E_INVAL,
		    "4KB 48-bit IA from level -1: resolves no bit, rejected");
	unit_eq_u64(pgt_geom_init_level(&g, 14, 52, -1), (uint64_t)PGT_E_INVAL,
		    "16KB has no level -1");
	unit_eq_u64(pgt_geom_init_level(&g, 16, 52, -1), (uint64_t)PGT_E_INVAL,
		    "64KB has no level -1");
	unit_eq_u64(pgt_geom_init_level(&g, 12, 52, -2), (uint64_t)PGT_E_INVAL, "no level -2");

	env_init_level(&e, 12, 52, -1);
	unit_ok(pgt_table_entries(&e.g, -1) == 16 && pgt_root_size(&e.g) == 128 &&
			pgt_root_tables(&e.g) == 1,
		"4KB 52-bit IA from level -1: 16 entries, 128-byte root, 1 table");
	unit_eq_u64(pgt_level_shift(&e.g, -1), 48, "a level -1 entry covers 2^48 bytes");
	unit_eq_u64(pgt_index(&e.g, -1, top), 15, "top page: level -1 index 15 (IA[51:48])");
	unit_eq_u64(pgt_index(&e.g, -1, 0x5123456789000ULL), 5, "IA[51:48] = 5: index 5");
	unit_eq_u64(pgt_index(&e.g, 0, top), 511, "top page: level 0 index 511 (IA[47:39])");
	unit_ok(!pgt_level_has_block(&e.g, -1) && !pgt_level_has_leaf(&e.g, -1) &&
			pgt_contig_entries(&e.g, -1) == 0,
		"level -1: no block, no leaf, no contiguous run");
	unit_eq_u64(pgt_geom_set_oa52(&e.g, true), PGT_OK, "level -1 with DS = 1 (FEAT_LPA2)");
	unit_eq_u64(pgt_map(&e.g, e.root, 0, 0x1000, SZ_4K, attr_ds, 0, &e.mm), PGT_OK,
		    "map the bottom page");
	unit_eq_u64(e.fake.allocs, 4, "bottom page: level 0, 1, 2 and 3 tables");
	unit_eq_u64(pgt_map(&e.g, e.root, top, 0xb000987654000ULL, SZ_4K, attr_ds, 0, &e.mm),
		    PGT_OK, "map the top page to a 52-bit OA");
	unit_eq_u64(e.fake.allocs, 8, "top page: four more tables");
	unit_ok(pgt_desc_is_table(e.root[0], -1) && pgt_desc_is_table(e.root[15], -1) &&
			e.root[1] == 0,
		"root entries 0 and 15 are table descriptors, 1 is invalid");
	unit_eq_u64(pgt_lookup(&e.g, e.root, top, &desc, &level), PGT_OK, "lookup the top page");
	unit_eq_u64((uint64_t)level, 3, "top page at level 3");
	unit_eq_u64(pgt_translate(&e.g, e.root, top + 0xabc, &pa), PGT_OK, "translate the top");
	unit_eq_u64(pa, 0xb000987654abcULL, "top: the 52-bit OA comes back");
	unit_eq_u64(pgt_translate(&e.g, e.root, 0x123, &pa), PGT_OK, "translate the bottom");
	unit_eq_u64(pa, 0x1123, "bottom: IA 0x123 -> PA 0x1123");
	unit_eq_u64((uint64_t)pgt_fault_level(&e.g, e.root, 1ULL << 48), (uint64_t)-1,
		    "invalid level -1 entry: fault at level -1");
	unit_eq_u64(pgt_lookup(&e.g, e.root, 1ULL << 48, NULL, &level), (uint64_t)PGT_E_FAULT,
		    "lookup of it faults");
	unit_eq_u64((uint64_t)level, (uint64_t)-1, "... reporting level -1");
	unit_eq_u64((uint64_t)pgt_fault_level(&e.g, e.root, 1ULL << 39), 0,
		    "next level 0 slot: fault at level 0");
	unit_eq_u64((uint64_t)pgt_fault_level(&e.g, e.root, SZ_4K), 3, "next page: level 3");
	unit_eq_u64((uint64_t)pgt_fault_level(&e.g, e.root, 0), PGT_LEVEL_NONE, "bottom maps");
	/* DS = 1 adds 512GB blocks at level 0, below level -1. */
	unit_eq_u64(pgt_map(&e.g, e.root, 0x8000000000ULL, 0x8000000000ULL, 0x8000000000ULL,
			    attr_ds, 0, &e.mm),
		    PGT_OK, "map a 512GB level 0 block under level -1");
	unit_eq_u64(pgt_lookup(&e.g, e.root, 0x8123456789ULL, &desc, &level), PGT_OK,
		    "lookup in the block");
	unit_eq_u64((uint64_t)level, 0, "level 0 block");
	unit_eq_u64(pgt_unmap(&e.g, e.root, top, SZ_4K), PGT_OK, "unmap the top page");
	unit_eq_u64((uint64_t)pgt_fault_level(&e.g, e.root, top), 3, "top page now faults at 3");
	unit_eq_u64(pgt_map(&e.g, e.root, 1ULL << 52, 0, SZ_4K, attr_ds, 0, &e.mm),
		    (uint64_t)PGT_E_RANGE, "IA 2^52 is beyond the space");
	env_fini(&e, "4KB level -1");

	env_init_level(&e, 12, 49, -1);
	unit_eq_u64(pgt_geom_set_oa52(&e.g, true), PGT_OK, "49-bit level -1 with DS = 1");
	unit_eq_u64(pgt_map(&e.g, e.root, 0x1fffffffff000ULL, 0x2000, SZ_4K, attr_ds, 0, &e.mm),
		    PGT_OK, "map the top page of a 49-bit space");
	unit_ok(e.root[0] == 0 && pgt_desc_is_table(e.root[1], -1), "IA[48] = 1: root entry 1");
	unit_eq_u64(pgt_translate(&e.g, e.root, 0x1ffffffffffffULL, &pa), PGT_OK, "translate");
	unit_eq_u64(pa, 0x2fff, "49-bit top -> PA 0x2fff");
	env_fini(&e, "4KB 49-bit level -1");
}

int main(void)
{
	test_geometry_natural();
	test_geometry_known();
	test_geometry_concat();
	test_helpers();
	test_map_basic();
	test_map_rejects();
	test_map_mixed();
	test_contig();
	test_fault_levels();
	test_unmap();
	test_destroy();
	test_granules();
	test_walker();
	test_oa52();
	test_level_m1();
	return unit_done();
}
