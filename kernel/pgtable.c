/*
 * Generic VMSAv8-64 translation-table walker (see pgtable.h). One recursive walker, pgt_walk();
 * map, unmap, lookup and destroy are visitors on top of it.
 *
 * No memset/memcpy and no loops the compiler could turn into them: this runs with the MMU off.
 * Descriptors are only ever touched through pgt_read_desc()/pgt_write_desc().
 */
#include "pgtable.h"

/* Index into the per-granule tables below: 4KB, 16KB, 64KB. */
enum pgt_granule { PGT_GRAN_4K, PGT_GRAN_16K, PGT_GRAN_64K, PGT_GRAN_COUNT };

/*
 * Levels at which a block descriptor is permitted, one bit per level, 48-bit OA
 * (D8 "Translation table descriptor formats", block descriptors):
 *   4KB:  level 1 (1GB), level 2 (2MB)
 *   16KB: level 2 (32MB)
 *   64KB: level 2 (512MB)
 * The 52-bit formats add one level each (pgt_block_levels_52, AArch64.BlockDescSupported()):
 * FEAT_LPA2 (DS = 1) 4KB level 0 (512GB) and 16KB level 1 (64GB), FEAT_LPA 64KB level 1 (4TB).
 */
static const uint8_t pgt_block_levels[PGT_GRAN_COUNT] = {
	[PGT_GRAN_4K] = (1u << 1) | (1u << 2),
	[PGT_GRAN_16K] = (1u << 2),
	[PGT_GRAN_64K] = (1u << 2),
};
static const uint8_t pgt_block_levels_52[PGT_GRAN_COUNT] = {
	[PGT_GRAN_4K] = (1u << 0),
	[PGT_GRAN_16K] = (1u << 1),
	[PGT_GRAN_64K] = (1u << 1),
};

/*
 * log2 of the entries in one contiguous run, per granule and level, 0 = not used
 * (D8 "The Contiguous bit"):
 *   4KB:  16 entries at level 1 (16GB), level 2 (32MB), level 3 (64KB)
 *   16KB: 32 entries at level 2 (1GB), 128 entries at level 3 (2MB)
 *   64KB: 32 entries at level 2 (16GB), 32 entries at level 3 (2MB)
 */
static const uint8_t pgt_contig_shift[PGT_GRAN_COUNT][4] = {
	[PGT_GRAN_4K] = {0, 4, 4, 4},
	[PGT_GRAN_16K] = {0, 0, 5, 7},
	[PGT_GRAN_64K] = {0, 0, 5, 5},
};

static int pgt_granule_index(unsigned granule_shift)
{
	switch (granule_shift) {
	case 12:
		return PGT_GRAN_4K;
	case 14:
		return PGT_GRAN_16K;
	case 16:
		return PGT_GRAN_64K;
	default:
		return -1;
	}
}

/* Bits resolved per level: a granule of 8-byte descriptors. */
static unsigned pgt_stride(const struct pgt_geom *g)
{
	return g->granule_shift - 3;
}

static uint64_t pgt_granule(const struct pgt_geom *g)
{
	return 1ULL << g->granule_shift;
}

static bool pgt_geom_valid(const struct pgt_geom *g)
{
	unsigned shift;

	if (g == NULL || pgt_granule_index(g->granule_shift) < 0 || g->ia_bits < PGT_IA_BITS_MIN ||
	    g->ia_bits > PGT_IA_BITS_MAX || g->start_level < PGT_LEVEL_MIN || g->start_level > 3) {
		return false;
	}
	/* Level -1 exists for 4KB only (FEAT_LPA2): 16KB/64KB resolve 52 bits from level 0/1. */
	if (g->start_level < 0 && g->granule_shift != 12) {
		return false;
	}
	/* 52-bit OA: 64KB without DS (FEAT_LPA), 4KB/16KB with DS (FEAT_LPA2). */
	if (g->oa_bits == PGT_OA_BITS_52 ? g->ds != (g->granule_shift != 16)
					 : g->oa_bits != PGT_OA_BITS || g->ds) {
		return false;
	}
	shift = pgt_level_shift(g, g->start_level);
	/* AArch64.S2InconsistentSL(): 1 .. stride + 4 bits resolved at the start level. */
	return g->ia_bits > shift && g->ia_bits - shift <= pgt_stride(g) + 4;
}

int pgt_geom_init(struct pgt_geom *g, unsigned granule_shift, unsigned ia_bits)
{
	unsigned stride;

	if (g == NULL || pgt_granule_index(granule_shift) < 0 || ia_bits < PGT_IA_BITS_MIN ||
	    ia_bits > PGT_IA_BITS_MAX) {
		return PGT_E_INVAL;
	}
	/*
	 * Level 3 resolves bits [granule_shift + stride - 1 : granule_shift], each level above one
	 * stride more. The start level is the highest-numbered one whose table resolves all
	 * remaining bits: 3 - ceil((ia_bits - granule_shift) / stride) + 1 (-1 for 4KB beyond
	 * 48 bits).
	 */
	stride = granule_shift - 3;
	return pgt_geom_init_level(g, granule_shift, ia_bits,
				   3 - (int)((ia_bits - granule_shift - 1) / stride));
}

int pgt_geom_init_level(struct pgt_geom *g, unsigned granule_shift, unsigned ia_bits,
			int start_level)
{
	struct pgt_geom n = {
		.granule_shift = granule_shift,
		.ia_bits = ia_bits,
		.start_level = start_level,
		.oa_bits = PGT_OA_BITS,
		.ds = false,
	};

	if (g == NULL || !pgt_geom_valid(&n)) {
		return PGT_E_INVAL;
	}
	*g = n;
	return PGT_OK;
}

int pgt_geom_set_oa52(struct pgt_geom *g, bool ds)
{
	struct pgt_geom n;

	if (!pgt_geom_valid(g)) {
		return PGT_E_INVAL;
	}
	n = *g;
	n.oa_bits = PGT_OA_BITS_52;
	n.ds = ds;
	if (!pgt_geom_valid(&n)) {
		return PGT_E_INVAL;
	}
	*g = n;
	return PGT_OK;
}

unsigned pgt_level_shift(const struct pgt_geom *g, int level)
{
	return g->granule_shift + (unsigned)(3 - level) * pgt_stride(g);
}

uint64_t pgt_level_size(const struct pgt_geom *g, int level)
{
	return 1ULL << pgt_level_shift(g, level);
}

size_t pgt_table_entries(const struct pgt_geom *g, int level)
{
	if (level == g->start_level) {
		return (size_t)1 << (g->ia_bits - pgt_level_shift(g, level));
	}
	return (size_t)1 << pgt_stride(g);
}

size_t pgt_index(const struct pgt_geom *g, int level, uint64_t ia)
{
	return (size_t)(ia >> pgt_level_shift(g, level)) & (pgt_table_entries(g, level) - 1);
}

unsigned pgt_root_tables(const struct pgt_geom *g)
{
	size_t entries = pgt_table_entries(g, g->start_level);
	size_t per_table = (size_t)1 << pgt_stride(g);

	return entries > per_table ? (unsigned)(entries / per_table) : 1;
}

size_t pgt_root_size(const struct pgt_geom *g)
{
	size_t size = pgt_table_entries(g, g->start_level) * sizeof(uint64_t);

	return size < 64 ? 64 : size;
}

bool pgt_level_has_block(const struct pgt_geom *g, int level)
{
	int gi = pgt_granule_index(g->granule_shift);

	unsigned levels;

	/* Level -1 holds table descriptors only (AArch64.BlockDescSupported()). */
	if (gi < 0 || level < 0 || level >= 3) {
		return false;
	}
	levels = pgt_block_levels[gi];
	if (g->oa_bits == PGT_OA_BITS_52) {
		levels |= pgt_block_levels_52[gi];
	}
	return (levels & (1u << level)) != 0;
}

bool pgt_level_has_leaf(const struct pgt_geom *g, int level)
{
	return level == 3 || pgt_level_has_block(g, level);
}

unsigned pgt_contig_entries(const struct pgt_geom *g, int level)
{
	int gi = pgt_granule_index(g->granule_shift);

	if (gi < 0 || level < 0 || level > 3 || pgt_contig_shift[gi][level] == 0) {
		return 0;
	}
	return 1u << pgt_contig_shift[gi][level];
}

/* ---- the walker ---------------------------------------------------------------------------- */

struct pgt_walk_state {
	const struct pgt_geom *g;
	const struct pgt_visitor *v;
	uint64_t start;
	uint64_t end;
	void *arg;
};

static int pgt_walk_table(const struct pgt_walk_state *w, uint64_t *table, int level, uint64_t lo,
			  uint64_t hi);

static uint64_t *pgt_desc_table(const struct pgt_geom *g, uint64_t desc)
{
	return (uint64_t *)(uintptr_t)pgt_desc_oa(g, desc);
}

/* Visit one entry; [lo, hi) is the part of the walked range inside it. */
static int pgt_walk_entry(const struct pgt_walk_state *w, const struct pgt_walk_ctx *ctx,
			  uint64_t lo, uint64_t hi)
{
	const struct pgt_visitor *v = w->v;
	uint64_t desc = pgt_read_desc(ctx->ptep);
	int ret;

	if (!pgt_desc_is_table(desc, ctx->level)) {
		if (!(v->flags & PGT_WALK_LEAF)) {
			return PGT_OK;
		}
		ret = v->leaf(ctx);
		if (ret < 0) {
			return ret;
		}
	} else if (v->flags & PGT_WALK_TABLE_PRE) {
		ret = v->table_pre(ctx);
		if (ret < 0) {
			return ret;
		}
	}
	/* The callback may have installed (leaf) or removed (table_pre) a table. */
	desc = pgt_read_desc(ctx->ptep);
	if (!pgt_desc_is_table(desc, ctx->level)) {
		return PGT_OK;
	}
	ret = pgt_walk_table(w, pgt_desc_table(w->g, desc), ctx->level + 1, lo, hi);
	if (ret < 0) {
		return ret;
	}
	if (v->flags & PGT_WALK_TABLE_POST) {
		return v->table_post(ctx);
	}
	return PGT_OK;
}

/* Visit the entries of @table (at @level) that overlap [lo, hi), which lies inside the table. */
static int pgt_walk_table(const struct pgt_walk_state *w, uint64_t *table, int level, uint64_t lo,
			  uint64_t hi)
{
	uint64_t size = pgt_level_size(w->g, level);
	uint64_t ia = lo;
	int ret;

	while (ia < hi) {
		uint64_t base = ia & ~(size - 1);
		uint64_t next = base + size; /* no overflow: ia_bits <= 52 */
		struct pgt_walk_ctx ctx;

		ctx.geom = w->g;
		ctx.ptep = &table[pgt_index(w->g, level, base)];
		ctx.ia = base;
		ctx.size = size;
		ctx.start = w->start;
		ctx.end = w->end;
		ctx.level = level;
		ctx.arg = w->arg;
		ret = pgt_walk_entry(w, &ctx, ia, next < hi ? next : hi);
		if (ret < 0) {
			return ret;
		}
		ia = next;
	}
	return PGT_OK;
}

static bool pgt_visitor_valid(const struct pgt_visitor *v)
{
	return v != NULL && (!(v->flags & PGT_WALK_LEAF) || v->leaf != NULL) &&
	       (!(v->flags & PGT_WALK_TABLE_PRE) || v->table_pre != NULL) &&
	       (!(v->flags & PGT_WALK_TABLE_POST) || v->table_post != NULL);
}

/* Whether [ia, ia + size) lies inside the input address space. */
static bool pgt_range_ok(const struct pgt_geom *g, uint64_t ia, uint64_t size)
{
	uint64_t limit = 1ULL << g->ia_bits;

	return ia < limit && size <= limit - ia;
}

int pgt_walk(const struct pgt_geom *g, uint64_t *root, uint64_t ia, uint64_t size,
	     const struct pgt_visitor *v, void *arg)
{
	struct pgt_walk_state w;

	if (!pgt_geom_valid(g) || root == NULL || !pgt_visitor_valid(v)) {
		return PGT_E_INVAL;
	}
	if (size == 0) {
		return PGT_OK;
	}
	if (!pgt_range_ok(g, ia, size)) {
		return PGT_E_RANGE;
	}
	w.g = g;
	w.v = v;
	w.start = ia;
	w.end = ia + size;
	w.arg = arg;
	return pgt_walk_table(&w, root, g->start_level, ia, ia + size);
}

/* ---- common checks ------------------------------------------------------------------------- */

static bool pgt_entry_inside(const struct pgt_walk_ctx *ctx)
{
	return ctx->ia >= ctx->start && ctx->ia + ctx->size <= ctx->end;
}

static int pgt_check_args(const struct pgt_geom *g, const uint64_t *root, uint64_t ia,
			  uint64_t size)
{
	if (!pgt_geom_valid(g) || root == NULL || size == 0) {
		return PGT_E_INVAL;
	}
	if (((ia | size) & (pgt_granule(g) - 1)) != 0) {
		return PGT_E_ALIGN;
	}
	if (!pgt_range_ok(g, ia, size)) {
		return PGT_E_RANGE;
	}
	return PGT_OK;
}

/* ---- map ----------------------------------------------------------------------------------- */

struct pgt_map_args {
	uint64_t pa; /* output address for ctx->start */
	uint64_t attr;
	int min_level; /* leaves only at levels >= this */
	bool contig;
	const struct pgt_mm *mm;
	uint64_t run_base; /* contiguous run last checked: its first IA and level, and ... */
	int run_level;
	bool run_valid;
	bool run_ok; /* ... whether none of its entries is a table */
};

/* Map pass 1: the range must hold no valid leaf (tables are fine, they are reused). */
static int pgt_map_check_leaf(const struct pgt_walk_ctx *ctx)
{
	return pgt_desc_is_valid(pgt_read_desc(ctx->ptep)) ? PGT_E_EXIST : PGT_OK;
}

/*
 * Whether the entry at ctx belongs to a contiguous run that can carry the Contiguous bit: the
 * run is aligned in ia and pa, complete within the range, and none of its entries is a table
 * (an old table would be walked into and mapped at a lower level, breaking the run). All entries
 * of a run get the same answer; the table scan is cached per run.
 */
static bool pgt_map_contig(const struct pgt_walk_ctx *ctx, struct pgt_map_args *m, uint64_t pa)
{
	unsigned n = m->contig ? pgt_contig_entries(ctx->geom, ctx->level) : 0;
	uint64_t run, base;
	const uint64_t *first;
	unsigned i;

	if (n == 0) {
		return false;
	}
	run = ctx->size * n;
	base = ctx->ia & ~(run - 1);
	if (base < ctx->start || run > ctx->end - base || ((pa - (ctx->ia - base)) & (run - 1))) {
		return false;
	}
	if (m->run_valid && m->run_base == base && m->run_level == ctx->level) {
		return m->run_ok;
	}
	first = ctx->ptep - (ctx->ia - base) / ctx->size;
	m->run_ok = true;
	for (i = 0; i < n; i++) {
		if (pgt_desc_is_table(pgt_read_desc(&first[i]), ctx->level)) {
			m->run_ok = false;
			break;
		}
	}
	m->run_base = base;
	m->run_level = ctx->level;
	m->run_valid = true;
	return m->run_ok;
}

/* Map pass 2: write a leaf where one fits, otherwise link a new table and let the walk descend. */
static int pgt_map_leaf(const struct pgt_walk_ctx *ctx)
{
	struct pgt_map_args *m = ctx->arg;
	const struct pgt_geom *g = ctx->geom;
	uint64_t pa = m->pa + (ctx->ia - ctx->start); /* meaningful only if the entry is inside */
	uint64_t desc;
	void *table;

	if (pgt_desc_is_valid(pgt_read_desc(ctx->ptep))) {
		return PGT_E_EXIST; /* pass 1 rules this out */
	}
	if (ctx->level >= m->min_level && pgt_level_has_leaf(g, ctx->level) &&
	    pgt_entry_inside(ctx) && (pa & (ctx->size - 1)) == 0) {
		desc = pgt_oa_desc(g, pa) | m->attr |
		       (ctx->level == 3 ? PGT_DESC_PAGE : PGT_DESC_BLOCK);
		if (pgt_map_contig(ctx, m, pa)) {
			desc |= PGT_DESC_CONTIG;
		}
		pgt_write_desc(ctx->ptep, desc);
		return PGT_OK;
	}
	if (ctx->level == 3) {
		return PGT_E_INVAL; /* unreachable: ia, pa and size are granule aligned */
	}
	table = m->mm->alloc_table(m->mm->ctx, (size_t)pgt_granule(g));
	if (table == NULL) {
		return PGT_E_NOMEM;
	}
	if (((uintptr_t)table & (pgt_granule(g) - 1)) != 0 ||
	    ((uint64_t)(uintptr_t)table >> g->oa_bits) != 0) {
		m->mm->free_table(m->mm->ctx, table, (size_t)pgt_granule(g));
		return PGT_E_INVAL;
	}
	/* The allocator returned it zeroed: every entry is invalid before it becomes reachable. */
	pgt_write_desc(ctx->ptep, pgt_oa_desc(g, (uint64_t)(uintptr_t)table) | PGT_DESC_TABLE_PTR);
	return PGT_OK;
}

int pgt_map(const struct pgt_geom *g, uint64_t *root, uint64_t ia, uint64_t pa, uint64_t size,
	    uint64_t attr, unsigned flags, const struct pgt_mm *mm)
{
	static const struct pgt_visitor check = {
		.leaf = pgt_map_check_leaf,
		.flags = PGT_WALK_LEAF,
	};
	static const struct pgt_visitor map = {
		.leaf = pgt_map_leaf,
		.flags = PGT_WALK_LEAF,
	};
	unsigned max_level = (flags & PGT_MAP_MAX_LEVEL_MASK) >> PGT_MAP_MAX_LEVEL_SHIFT;
	struct pgt_map_args m;
	int ret;

	ret = pgt_check_args(g, root, ia, size);
	if (ret < 0) {
		return ret;
	}
	if (mm == NULL || mm->alloc_table == NULL || mm->free_table == NULL ||
	    (attr & ~PGT_ATTR_MASK) != 0 || (g->ds && (attr & PGT_DESC_OA_51_50_DS) != 0) ||
	    max_level > 4 || (flags & ~(PGT_MAP_CONTIGUOUS | PGT_MAP_MAX_LEVEL_MASK)) != 0) {
		return PGT_E_INVAL;
	}
	if ((pa & (pgt_granule(g) - 1)) != 0) {
		return PGT_E_ALIGN;
	}
	if (pa >= (1ULL << g->oa_bits) || size > (1ULL << g->oa_bits) - pa) {
		return PGT_E_RANGE;
	}
	ret = pgt_walk(g, root, ia, size, &check, NULL);
	if (ret < 0) {
		return ret;
	}
	m.pa = pa;
	m.attr = attr;
	m.min_level = max_level == 0 ? PGT_LEVEL_MIN : (int)max_level - 1;
	m.contig = (flags & PGT_MAP_CONTIGUOUS) != 0;
	m.mm = mm;
	m.run_base = 0;
	m.run_level = 0;
	m.run_valid = false;
	m.run_ok = false;
	return pgt_walk(g, root, ia, size, &map, &m);
}

/* ---- unmap --------------------------------------------------------------------------------- */

/* Unmap pass 1: every valid leaf, and its contiguous run if it has the bit, must be inside. */
static int pgt_unmap_check_leaf(const struct pgt_walk_ctx *ctx)
{
	uint64_t desc = pgt_read_desc(ctx->ptep);
	unsigned n = pgt_contig_entries(ctx->geom, ctx->level);
	uint64_t run, base;

	if (!pgt_desc_is_valid(desc)) {
		return PGT_OK;
	}
	if (!pgt_entry_inside(ctx)) {
		return PGT_E_SPLIT;
	}
	if ((desc & PGT_DESC_CONTIG) && n != 0) {
		run = ctx->size * n;
		base = ctx->ia & ~(run - 1);
		if (base < ctx->start || run > ctx->end - base) {
			return PGT_E_SPLIT;
		}
	}
	return PGT_OK;
}

/* Unmap pass 2. */
static int pgt_unmap_leaf(const struct pgt_walk_ctx *ctx)
{
	if (pgt_desc_is_valid(pgt_read_desc(ctx->ptep))) {
		pgt_write_desc(ctx->ptep, 0);
	}
	return PGT_OK;
}

int pgt_unmap(const struct pgt_geom *g, uint64_t *root, uint64_t ia, uint64_t size)
{
	static const struct pgt_visitor check = {
		.leaf = pgt_unmap_check_leaf,
		.flags = PGT_WALK_LEAF,
	};
	static const struct pgt_visitor unmap = {
		.leaf = pgt_unmap_leaf,
		.flags = PGT_WALK_LEAF,
	};
	int ret;

	ret = pgt_check_args(g, root, ia, size);
	if (ret < 0) {
		return ret;
	}
	ret = pgt_walk(g, root, ia, size, &check, NULL);
	if (ret < 0) {
		return ret;
	}
	return pgt_walk(g, root, ia, size, &unmap, NULL);
}

/* ---- lookup -------------------------------------------------------------------------------- */

struct pgt_lookup_args {
	uint64_t desc;
	int level;
	int result;
};

static int pgt_lookup_leaf(const struct pgt_walk_ctx *ctx)
{
	struct pgt_lookup_args *l = ctx->arg;
	uint64_t desc = pgt_read_desc(ctx->ptep);

	l->desc = desc;
	l->level = ctx->level;
	if (!pgt_desc_is_valid(desc)) {
		l->result = PGT_E_FAULT;
	} else if (ctx->level == 3) {
		/* bits[1:0] = 0b01 at level 3 is reserved: a Translation fault. */
		l->result = (desc & PGT_DESC_TYPE_MASK) == PGT_DESC_PAGE ? PGT_OK : PGT_E_FAULT;
	} else {
		/* A block descriptor at a level without blocks is a Translation fault. */
		l->result = pgt_level_has_block(ctx->geom, ctx->level) ? PGT_OK : PGT_E_FAULT;
	}
	return PGT_OK;
}

int pgt_lookup(const struct pgt_geom *g, const uint64_t *root, uint64_t ia, uint64_t *desc,
	       int *level)
{
	static const struct pgt_visitor lookup = {
		.leaf = pgt_lookup_leaf,
		.flags = PGT_WALK_LEAF,
	};
	struct pgt_lookup_args l = {.desc = 0, .level = 0, .result = PGT_E_INVAL};
	int ret;

	if (!pgt_geom_valid(g) || root == NULL) {
		return PGT_E_INVAL;
	}
	if (!pgt_range_ok(g, ia, 1)) {
		/* Input address size check: Translation fault at level 0. */
		l.result = PGT_E_RANGE;
	} else {
		/* The lookup visitor only reads, so dropping const here is safe. */
		ret = pgt_walk(g, (uint64_t *)(uintptr_t)root, ia, 1, &lookup, &l);
		if (ret < 0) {
			return ret;
		}
	}
	if (desc != NULL) {
		*desc = l.desc;
	}
	if (level != NULL) {
		*level = l.level;
	}
	return l.result;
}

int pgt_translate(const struct pgt_geom *g, const uint64_t *root, uint64_t ia, uint64_t *pa)
{
	uint64_t desc = 0, size;
	int level = 3;
	int ret;

	ret = pgt_lookup(g, root, ia, &desc, &level);
	if (ret < 0) {
		return ret;
	}
	size = pgt_level_size(g, level);
	if (pa != NULL) {
		*pa = (pgt_desc_oa(g, desc) & ~(size - 1)) | (ia & (size - 1));
	}
	return PGT_OK;
}

int pgt_fault_level(const struct pgt_geom *g, const uint64_t *root, uint64_t ia)
{
	int level = PGT_LEVEL_NONE;
	int ret;

	ret = pgt_lookup(g, root, ia, NULL, &level);
	return ret == PGT_E_FAULT || ret == PGT_E_RANGE ? level : PGT_LEVEL_NONE;
}

/* ---- destroy ------------------------------------------------------------------------------- */

/*
 * Free the tables below the @entries descriptors of @table (at @level), deepest first. Not the
 * generic walker: that visits every entry of the whole input address space through callbacks
 * (four full tables for one page of RAM, the most expensive step of a VM's teardown), where
 * only table descriptors need a look. Entries of a table about to be freed are left alone.
 */
static void pgt_free_below(const struct pgt_geom *g, uint64_t *table, int level, size_t entries,
			   const struct pgt_mm *mm)
{
	size_t per_table = (size_t)1 << pgt_stride(g);

	for (size_t i = 0; i < entries; i++) {
		uint64_t desc = pgt_read_desc(&table[i]);

		if (pgt_desc_is_table(desc, level)) {
			uint64_t *sub = pgt_desc_table(g, desc);

			pgt_free_below(g, sub, level + 1, per_table, mm);
			mm->free_table(mm->ctx, sub, (size_t)pgt_granule(g));
		}
	}
}

void pgt_destroy(const struct pgt_geom *g, uint64_t *root, const struct pgt_mm *mm)
{
	size_t entries;

	if (!pgt_geom_valid(g) || root == NULL || mm == NULL || mm->free_table == NULL) {
		return;
	}
	entries = pgt_table_entries(g, g->start_level);
	pgt_free_below(g, root, g->start_level, entries, mm);
	/* The root is the caller's: it goes back empty, leaves and tables alike unlinked. */
	for (size_t i = 0; i < entries; i++) {
		pgt_write_desc(&root[i], 0);
	}
}

const char *pgt_strerror(int err)
{
	switch (err) {
	case PGT_OK:
		return "ok";
	case PGT_E_INVAL:
		return "invalid argument";
	case PGT_E_ALIGN:
		return "misaligned";
	case PGT_E_RANGE:
		return "out of range";
	case PGT_E_EXIST:
		return "already mapped";
	case PGT_E_NOMEM:
		return "out of table memory";
	case PGT_E_SPLIT:
		return "would split a block or contiguous run";
	case PGT_E_FAULT:
		return "translation fault";
	default:
		return "unknown error";
	}
}
