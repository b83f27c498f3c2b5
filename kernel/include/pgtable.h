/*
 * Generic VMSAv8-64 translation-table walker, shared by the EL2 stage-1 identity map and by
 * stage 2. Pure code: no system registers, no barriers, no TLB maintenance, no libc calls, so
 * it builds for host unit tests and runs on the target with the MMU still off.
 *
 * References are to the Arm Architecture Reference Manual for A-profile, DDI 0487 K.a, chapter
 * D8 "The AArch64 Virtual Memory System Architecture": "Translation table descriptor formats",
 * "Translation granule", "Concatenated translation tables" and "The Contiguous bit". Levels are
 * numbered as there: level 3 holds pages, the start level is the lowest number used.
 *
 * The walker never interprets attribute bits: the caller encodes stage-1 or stage-2 attributes
 * and passes them in. Ordering with the hardware walker is the caller's job: every descriptor
 * is written with one 64-bit store (pgt_write_desc()), a new table is fully initialised (zeroed
 * by the allocator) before the descriptor linking it is written, and the caller issues the
 * DSB/TLBI sequence the change needs after pgt_map(), pgt_unmap() or pgt_destroy() returns.
 */
#ifndef HYPTAP_PGTABLE_H
#define HYPTAP_PGTABLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Error codes: all negative, no errno dependency. pgt_strerror() names them. */
#define PGT_OK	    0
#define PGT_E_INVAL (-1) /* bad argument or geometry */
#define PGT_E_ALIGN (-2) /* ia, pa or size not aligned to the granule */
#define PGT_E_RANGE (-3) /* address beyond the input (ia_bits) or output (48-bit) range */
#define PGT_E_EXIST (-4) /* range already (partly) mapped, or inside an existing block */
#define PGT_E_NOMEM (-5) /* alloc_table() returned NULL */
#define PGT_E_SPLIT (-6) /* would need to split a block or a contiguous run */
#define PGT_E_FAULT (-7) /* lookup: translation fault (invalid or reserved descriptor) */

/*
 * Input address sizes supported: TxSZ 12..48 (16 bits is the smallest with FEAT_TTST, 52 bits
 * needs FEAT_LVA/FEAT_LPA with 64KB or FEAT_LPA2 with DS = 1; which of them the CPU allows is the
 * caller's business).
 */
#define PGT_IA_BITS_MIN 16
#define PGT_IA_BITS_MAX 52

/*
 * Output address size of the default descriptor format. pgt_geom_set_oa52() selects the 52-bit
 * formats: OA[51:48] in descriptor bits [15:12] with the 64KB granule (FEAT_LPA), or OA[51:50]
 * in [9:8] and OA[49:48] in [49:48] with FEAT_LPA2 and DS = 1 (D8 "Translation table descriptor
 * formats", pseudocode AArch64.NextTableBase() and AArch64.LeafBase()).
 */
#define PGT_OA_BITS    48
#define PGT_OA_BITS_52 52

/* Descriptor bits (D8 "Translation table descriptor formats"). */
#define PGT_DESC_VALID	   (1ULL << 0)	/* bit[0]: valid */
#define PGT_DESC_TABLE	   (1ULL << 1)	/* bit[1]: table (levels 0-2) or page (level 3) */
#define PGT_DESC_TYPE_MASK (3ULL)	/* bits[1:0] */
#define PGT_DESC_BLOCK	   (1ULL)	/* 0b01 at a level with blocks */
#define PGT_DESC_PAGE	   (3ULL)	/* 0b11 at level 3 */
#define PGT_DESC_TABLE_PTR (3ULL)	/* 0b11 at levels 0-2 */
#define PGT_DESC_CONTIG	   (1ULL << 52) /* Contiguous hint, "The Contiguous bit" */

/*
 * Leaf attributes a caller may pass to pgt_map(): lower [11:2] and upper [63:50], except the
 * Contiguous bit, which pgt_map() manages itself (PGT_MAP_CONTIGUOUS).
 */
#define PGT_ATTR_LOWER_MASK (0x0ffcULL)
#define PGT_ATTR_UPPER_MASK (0xfffc000000000000ULL)
#define PGT_ATTR_MASK	    ((PGT_ATTR_LOWER_MASK | PGT_ATTR_UPPER_MASK) & ~PGT_DESC_CONTIG)

/* Levels are signed: 4KB with DS = 1 (FEAT_LPA2) and a 49..52-bit IA may start at level -1. */
#define PGT_LEVEL_MIN (-1)

/* pgt_fault_level() result when the address translates: one past level 3, never a level. */
#define PGT_LEVEL_NONE 4

/**
 * struct pgt_geom - shape of one translation regime's tables.
 * @granule_shift: 12, 14 or 16 (4KB, 16KB, 64KB granule); each level resolves
 *                 granule_shift - 3 bits.
 * @ia_bits:       input address size, PGT_IA_BITS_MIN..PGT_IA_BITS_MAX (64 - TxSZ).
 * @start_level:   initial lookup level, -1..3 (-1 only for 4KB with a 49..52-bit IA: with
 *                 FEAT_LPA2 it resolves IA[51:48]). At the start level the table may have fewer
 *                 entries than a granule holds, or (stage 2) be up to 16 concatenated tables.
 * @oa_bits:       PGT_OA_BITS, or PGT_OA_BITS_52 (pgt_geom_set_oa52()).
 * @ds:            the FEAT_LPA2 (DS = 1) descriptor format: bits [9:8] are OA[51:50], not SH.
 *
 * Fill it with pgt_geom_init() or pgt_geom_init_level() (then pgt_geom_set_oa52()), never by
 * hand.
 */
struct pgt_geom {
	unsigned granule_shift;
	unsigned ia_bits;
	int start_level;
	unsigned oa_bits;
	bool ds;
};

/**
 * struct pgt_mm - table memory, provided by the caller.
 * @alloc_table: returns @size bytes, zeroed, aligned to @size, whose address is its physical
 *               address (identity), or NULL. On the target the zeroing must already be
 *               observable to the hardware walker (the allocator ends with DSB ISHST) because
 *               pgt_map() links the table right after this returns.
 * @free_table:  gives back a table obtained from @alloc_table, with the same size.
 * @ctx:         passed to both.
 */
struct pgt_mm {
	void *(*alloc_table)(void *ctx, size_t size);
	void (*free_table)(void *ctx, void *table, size_t size);
	void *ctx;
};

/**
 * struct pgt_walk_ctx - what a visitor callback sees for one descriptor.
 * @geom:  the geometry being walked.
 * @ptep:  the descriptor; write it only with pgt_write_desc().
 * @ia:    first input address the entry translates (aligned to @size).
 * @size:  bytes the entry covers, 1 << pgt_level_shift(@geom, @level).
 * @start: first address of the walked range; the entry may begin before it.
 * @end:   first address after the walked range; the entry may end after it.
 * @level: lookup level of the table holding the descriptor.
 * @arg:   the walker's @arg.
 */
struct pgt_walk_ctx {
	const struct pgt_geom *geom;
	uint64_t *ptep;
	uint64_t ia;
	uint64_t size;
	uint64_t start;
	uint64_t end;
	int level;
	void *arg;
};

/* A callback returns PGT_OK to go on, or a negative PGT_E_* code that stops the walk. */
typedef int (*pgt_visit_fn)(const struct pgt_walk_ctx *ctx);

/* struct pgt_visitor.flags: which callbacks the walker calls. */
#define PGT_WALK_LEAF	    (1u << 0)
#define PGT_WALK_TABLE_PRE  (1u << 1)
#define PGT_WALK_TABLE_POST (1u << 2)

/**
 * struct pgt_visitor - callbacks for pgt_walk().
 * @leaf:       called for every entry that is not a table descriptor (invalid, block, page or
 *              reserved) at the level where the walk meets it. It may write a table descriptor
 *              into an invalid entry; the walker then descends into the new table and calls
 *              @table_post for it afterwards (not @table_pre).
 * @table_pre:  called for a table descriptor before its table is walked. If it replaces the
 *              descriptor by a non-table one, the walker does not descend.
 * @table_post: called for a table descriptor after its table was walked; it may unlink and
 *              free the table (destroy).
 * @flags:      PGT_WALK_* bits selecting which callbacks run; a selected callback must be set.
 */
struct pgt_visitor {
	pgt_visit_fn leaf;
	pgt_visit_fn table_pre;
	pgt_visit_fn table_post;
	unsigned flags;
};

/* pgt_map() flags. PGT_MAP_CONTIGUOUS: set the Contiguous bit on every complete aligned run. */
#define PGT_MAP_CONTIGUOUS	(1u << 0)
#define PGT_MAP_MAX_LEVEL_SHIFT 4
#define PGT_MAP_MAX_LEVEL_MASK	(0xfu << PGT_MAP_MAX_LEVEL_SHIFT)
/* The largest mapping is a level-n block (leaves only at levels >= n); 0 = no limit. */
#define PGT_MAP_MAX_LEVEL(n) ((((unsigned)(n)) + 1u) << PGT_MAP_MAX_LEVEL_SHIFT)
#define PGT_MAP_PAGES_ONLY   PGT_MAP_MAX_LEVEL(3)

/**
 * pgt_write_desc() - store one descriptor.
 * @ptep: descriptor address (8-byte aligned).
 * @desc: new value.
 *
 * A single 64-bit store, so a hardware walker never observes a torn descriptor (single-copy
 * atomicity of aligned 64-bit accesses, B2 "Single-copy atomicity"; D8 "Translation table
 * descriptor formats"). Ordering and TLB maintenance are the caller's.
 */
static inline void pgt_write_desc(uint64_t *ptep, uint64_t desc)
{
	*(volatile uint64_t *)ptep = desc;
}

/**
 * pgt_read_desc() - load one descriptor with a single 64-bit load.
 * @ptep: descriptor address.
 */
static inline uint64_t pgt_read_desc(const uint64_t *ptep)
{
	return *(const volatile uint64_t *)ptep;
}

/**
 * pgt_desc_is_valid() - bit[0] of a descriptor (D8 "Translation table descriptor formats").
 * @desc: descriptor.
 */
static inline bool pgt_desc_is_valid(uint64_t desc)
{
	return (desc & PGT_DESC_VALID) != 0;
}

/**
 * pgt_desc_is_table() - whether @desc is a table descriptor: bits[1:0] = 0b11 at levels -1..2
 * (at level 3, 0b11 is a page descriptor).
 * @desc:  descriptor.
 * @level: level of the table holding it.
 */
static inline bool pgt_desc_is_table(uint64_t desc, int level)
{
	return level < 3 && (desc & PGT_DESC_TYPE_MASK) == PGT_DESC_TABLE_PTR;
}

/**
 * pgt_oa_mask() - the contiguous output address field of a descriptor: bits [47:granule_shift],
 * or [49:granule_shift] in the DS = 1 format (D8 "Translation table descriptor formats"). The
 * rest of a 52-bit OA sits elsewhere: use pgt_desc_oa() / pgt_oa_desc().
 * @g: geometry.
 */
static inline uint64_t pgt_oa_mask(const struct pgt_geom *g)
{
	return ((1ULL << (g->ds ? 50 : 48)) - 1) & ~((1ULL << g->granule_shift) - 1);
}

/* Bits [9:8] (DS = 1) and [15:12] (64KB, 52-bit OA): where OA[51:48] move to. */
#define PGT_DESC_OA_51_50_DS  (3ULL << 8)
#define PGT_DESC_OA_51_48_64K (0xfULL << 12)

/**
 * pgt_desc_oa() - the output address (next table, block or page) a descriptor holds: the field of
 * pgt_oa_mask(), plus OA[51:50] from bits [9:8] (DS = 1) or OA[51:48] from bits [15:12] (64KB
 * with a 52-bit OA), as AArch64.NextTableBase() and AArch64.LeafBase() read them.
 * @g:    geometry.
 * @desc: descriptor.
 */
static inline uint64_t pgt_desc_oa(const struct pgt_geom *g, uint64_t desc)
{
	uint64_t oa = desc & pgt_oa_mask(g);

	if (g->oa_bits == PGT_OA_BITS_52 && g->ds) {
		oa |= ((desc >> 8) & 3) << 50;
	} else if (g->oa_bits == PGT_OA_BITS_52) {
		oa |= ((desc >> 12) & 0xf) << 48;
	}
	return oa;
}

/**
 * pgt_oa_desc() - the descriptor bits that hold output address @oa (the inverse of
 * pgt_desc_oa()); bits of @oa below the granule are dropped.
 * @g:  geometry.
 * @oa: output address, below 2^oa_bits.
 */
static inline uint64_t pgt_oa_desc(const struct pgt_geom *g, uint64_t oa)
{
	uint64_t desc = oa & pgt_oa_mask(g);

	if (g->oa_bits == PGT_OA_BITS_52 && g->ds) {
		desc |= ((oa >> 50) & 3) << 8;
	} else if (g->oa_bits == PGT_OA_BITS_52) {
		desc |= ((oa >> 48) & 0xf) << 12;
	}
	return desc;
}

/**
 * pgt_geom_init() - geometry with the start level the architecture requires for @ia_bits:
 * the highest-numbered level whose table (at most one granule) still resolves every remaining
 * input address bit (D8 "Translation granule", the initial lookup level tables).
 * @g:             filled on success.
 * @granule_shift: 12, 14 or 16.
 * @ia_bits:       PGT_IA_BITS_MIN..PGT_IA_BITS_MAX.
 *
 * Return: PGT_OK, or PGT_E_INVAL.
 */
int pgt_geom_init(struct pgt_geom *g, unsigned granule_shift, unsigned ia_bits);

/**
 * pgt_geom_init_level() - geometry with an explicit start level, as stage 2 programs it with
 * VTCR_EL2.SL0 (and SL2 for level -1). The start level must resolve between 1 and (granule_shift -
 * 3) + 4 bits: more than a granule's worth is done with up to 16 concatenated tables (D8
 * "Concatenated translation tables"; pseudocode AArch64.S2InconsistentSL()).
 * @g:             filled on success.
 * @granule_shift: 12, 14 or 16.
 * @ia_bits:       PGT_IA_BITS_MIN..PGT_IA_BITS_MAX.
 * @start_level:   PGT_LEVEL_MIN..3.
 *
 * Whether VTCR_EL2.SL0/SL2 can encode this start level for the granule, and limits from
 * ID_AA64MMFR0_EL1.PARange, are checked by the stage-2 code, not here.
 *
 * Return: PGT_OK, or PGT_E_INVAL.
 */
int pgt_geom_init_level(struct pgt_geom *g, unsigned granule_shift, unsigned ia_bits,
			int start_level);

/**
 * pgt_geom_set_oa52() - switch an initialised geometry to a 52-bit output address format: the
 * 64KB granule with FEAT_LPA (@ds false), or 4KB/16KB with FEAT_LPA2 and DS = 1 (@ds true). DS =
 * 1 also permits blocks at 4KB level 0 and 16KB level 1, and 52-bit OA blocks at 64KB level 1
 * (pseudocode AArch64.BlockDescSupported()). Whether the CPU implements the feature is the
 * caller's check.
 * @g:  geometry from pgt_geom_init() or pgt_geom_init_level().
 * @ds: the DS = 1 format.
 *
 * Return: PGT_OK, or PGT_E_INVAL for another granule/format pair.
 */
int pgt_geom_set_oa52(struct pgt_geom *g, bool ds);

/**
 * pgt_level_shift() - log2 of the bytes one entry at @level covers:
 * granule_shift + (3 - level) * (granule_shift - 3) (D8 "Translation granule").
 * @g:     geometry.
 * @level: -1..3.
 */
unsigned pgt_level_shift(const struct pgt_geom *g, int level);

/**
 * pgt_level_size() - bytes one entry at @level covers.
 * @g:     geometry.
 * @level: -1..3.
 */
uint64_t pgt_level_size(const struct pgt_geom *g, int level);

/**
 * pgt_index() - index of @ia in the table at @level. At the start level the index spans all
 * concatenated root tables, so it may exceed one granule's entry count.
 * @g:     geometry.
 * @level: start_level..3.
 * @ia:    input address.
 */
size_t pgt_index(const struct pgt_geom *g, int level, uint64_t ia);

/**
 * pgt_table_entries() - entries in the table at @level: one granule / 8 below the start level,
 * 2^(ia_bits - pgt_level_shift(start_level)) at the start level.
 * @g:     geometry.
 * @level: start_level..3.
 */
size_t pgt_table_entries(const struct pgt_geom *g, int level);

/**
 * pgt_root_tables() - number of concatenated tables at the start level, 1..16 (1 when the
 * root table is a granule or smaller).
 * @g: geometry.
 */
unsigned pgt_root_tables(const struct pgt_geom *g);

/**
 * pgt_root_size() - bytes to allocate, and to align, for the root table: 8 bytes per entry,
 * at least 64 (a table of fewer than 8 entries is still 64-byte aligned, see the TTBR_ELx and
 * VTTBR_EL2 BADDR field), and granule * 2^k for k concatenated tables.
 * @g: geometry.
 */
size_t pgt_root_size(const struct pgt_geom *g);

/**
 * pgt_level_has_block() - whether a block descriptor is permitted at @level for the granule
 * (48-bit OA: 4KB at levels 1 and 2, 16KB and 64KB at level 2; a 52-bit OA format adds 4KB
 * level 0, 16KB and 64KB level 1), from per-granule tables.
 * @g:     geometry.
 * @level: -1..3 (never at level -1).
 */
bool pgt_level_has_block(const struct pgt_geom *g, int level);

/**
 * pgt_level_has_leaf() - whether @level may hold a leaf: a block level, or level 3 (pages).
 * @g:     geometry.
 * @level: -1..3.
 */
bool pgt_level_has_leaf(const struct pgt_geom *g, int level);

/**
 * pgt_contig_entries() - entries in one contiguous run at @level, or 0 if the Contiguous bit
 * is not used there (D8 "The Contiguous bit"): 4KB: 16 at levels 1, 2, 3; 16KB: 32 at level 2,
 * 128 at level 3; 64KB: 32 at levels 2 and 3.
 * @g:     geometry.
 * @level: -1..3.
 */
unsigned pgt_contig_entries(const struct pgt_geom *g, int level);

/**
 * pgt_walk() - visit every descriptor that translates some part of [ia, ia + size).
 * @g:    geometry.
 * @root: start-level table (pgt_root_size() bytes).
 * @ia:   first input address; need not be aligned.
 * @size: bytes; 0 visits nothing.
 * @v:    callbacks.
 * @arg:  passed in struct pgt_walk_ctx.
 *
 * Recurses once per level, at most five deep. Table addresses in descriptors are used as
 * pointers (identity mapping).
 *
 * Return: PGT_OK, the first negative code a callback returned, PGT_E_RANGE if the range does
 * not fit in ia_bits, or PGT_E_INVAL.
 */
int pgt_walk(const struct pgt_geom *g, uint64_t *root, uint64_t ia, uint64_t size,
	     const struct pgt_visitor *v, void *arg);

/**
 * pgt_map() - map [ia, ia + size) to [pa, pa + size) with leaf attributes @attr.
 * @g:     geometry.
 * @root:  start-level table.
 * @ia:    input address, granule aligned.
 * @pa:    output address, granule aligned, pa + size <= 2^oa_bits.
 * @size:  bytes, a non-zero multiple of the granule.
 * @attr:  leaf attribute bits within PGT_ATTR_MASK (lower [11:2], upper [63:50]), already
 *         encoded for the regime (stage-1 AttrIndx/AP/SH/AF/nG/XN, or stage-2
 *         MemAttr/S2AP/SH/AF/XN); OR'd into every block and page descriptor. In the DS = 1
 *         format bits [9:8] hold OA[51:50], so @attr must leave them 0.
 * @flags: PGT_MAP_CONTIGUOUS, PGT_MAP_MAX_LEVEL(n) / PGT_MAP_PAGES_ONLY.
 * @mm:    table allocator.
 *
 * Each entry gets the largest block that the alignment of ia and pa and the remaining size
 * allow (limited by PGT_MAP_MAX_LEVEL). With PGT_MAP_CONTIGUOUS, every run of
 * pgt_contig_entries() leaves that is aligned (ia and pa), complete within the range and
 * mapped at one level has the Contiguous bit set. An existing empty table is reused, so a range
 * under it is mapped with smaller entries than it could be.
 *
 * The range is checked first: if any part is already mapped (including a range inside an
 * existing block, which is not split), nothing is written and PGT_E_EXIST is returned. On
 * PGT_E_NOMEM the part mapped so far stays mapped (never a partial contiguous run);
 * pgt_unmap() of the same range removes it.
 *
 * Return: PGT_OK, PGT_E_ALIGN, PGT_E_RANGE, PGT_E_EXIST, PGT_E_NOMEM or PGT_E_INVAL.
 */
int pgt_map(const struct pgt_geom *g, uint64_t *root, uint64_t ia, uint64_t pa, uint64_t size,
	    uint64_t attr, unsigned flags, const struct pgt_mm *mm);

/**
 * pgt_unmap() - invalidate the leaves translating [ia, ia + size). Holes are allowed. Tables
 * are kept (pgt_destroy() frees them).
 * @g:    geometry.
 * @root: start-level table.
 * @ia:   input address, granule aligned.
 * @size: bytes, a non-zero multiple of the granule.
 *
 * Blocks are not split: if the range covers only part of a block, or only part of a run with
 * the Contiguous bit, nothing is written and PGT_E_SPLIT is returned.
 *
 * Return: PGT_OK, PGT_E_ALIGN, PGT_E_RANGE, PGT_E_SPLIT or PGT_E_INVAL.
 */
int pgt_unmap(const struct pgt_geom *g, uint64_t *root, uint64_t ia, uint64_t size);

/**
 * pgt_lookup() - software translation table walk for one address, as the hardware would do it.
 * @g:     geometry.
 * @root:  start-level table.
 * @ia:    input address.
 * @desc:  set to the descriptor found (the invalid one on a fault); may be NULL.
 * @level: set to the level of the leaf, or of the translation fault; may be NULL.
 *
 * A fault is an invalid descriptor, a block descriptor at a level without blocks, or 0b01 at
 * level 3 (reserved). An address beyond ia_bits is a Translation fault at level 0
 * (pseudocode AArch64.S1Translate()/AArch64.S2Translate(), input address size check).
 *
 * Return: PGT_OK, PGT_E_FAULT (with *level = the fault level), PGT_E_RANGE (with *level = 0),
 * or PGT_E_INVAL.
 */
int pgt_lookup(const struct pgt_geom *g, const uint64_t *root, uint64_t ia, uint64_t *desc,
	       int *level);

/**
 * pgt_translate() - output address for @ia: the leaf's OA plus the offset within the leaf.
 * @g:    geometry.
 * @root: start-level table.
 * @ia:   input address.
 * @pa:   set on success.
 *
 * Return: as pgt_lookup().
 */
int pgt_translate(const struct pgt_geom *g, const uint64_t *root, uint64_t ia, uint64_t *pa);

/**
 * pgt_fault_level() - the level at which translating @ia takes a Translation fault.
 * @g:    geometry.
 * @root: start-level table.
 * @ia:   input address.
 *
 * Return: -1..3, or PGT_LEVEL_NONE if @ia translates (or the geometry is invalid).
 */
int pgt_fault_level(const struct pgt_geom *g, const uint64_t *root, uint64_t ia);

/**
 * pgt_destroy() - free every table below @root and clear every entry of @root; @root itself
 * stays with the caller. Call it when the tables are no longer live, or invalidate the TLBs
 * (walk caches included) before the freed memory is reused.
 * @g:    geometry.
 * @root: start-level table.
 * @mm:   the allocator the tables came from.
 */
void pgt_destroy(const struct pgt_geom *g, uint64_t *root, const struct pgt_mm *mm);

/**
 * pgt_strerror() - name of a PGT_E_* code, for diagnostics.
 * @err: PGT_OK or a PGT_E_* code.
 */
const char *pgt_strerror(int err);

#endif /* HYPTAP_PGTABLE_H */
