/* SPDX-License-Identifier: MIT */
/*
 * Oracle for what a stage-2 walk does with the descriptors it reads (VMSAv8-64, D128 = 0):
 * which descriptor types each granule and level permits, where the output address sits in a
 * block, page or table descriptor, when it is beyond the configured output size, and which
 * translations a lookup may produce in a group of entries with the Contiguous bit. Follows the
 * Arm ARM (DDI 0487 K.a) pseudocode functions named on each function: AArch64.S2Walk,
 * AArch64.DecodeDescriptorType, AArch64.BlockDescSupported, AArch64.LeafBase,
 * AArch64.NextTableBase, AArch64.PhysicalAddressSize, AArch64.S2OAOutOfRange, ContiguousSize,
 * and the rules of D8.7.1 "The Contiguous bit" (RSKQHL, RQTRPM, RNGLXZ, RJQQTC, IPGVGZ).
 *
 * Pure code, host-tested in tests/unit/s2_desc_model_test.c. It shares nothing with
 * kernel/pgtable.c, the walker the vmm builds the tables with: it decides, from the descriptor
 * values alone, what the architecture says the hardware walk does.
 */
#ifndef MODEL_S2_DESC_MODEL_H
#define MODEL_S2_DESC_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/** The stage-2 configuration a walk runs with. */
struct s2_desc_cfg {
	unsigned granule_shift; /* 12, 14, 16: VTCR_EL2.TG0 */
	bool ds;		/* VTCR_EL2.DS (FEAT_LPA2): 52-bit OA in the 4K/16K format */
	unsigned ps_bits;	/* VTCR_EL2.PS decoded (32, 36, 40, 42, 44, 48, 52) */
	unsigned pa_max;	/* AArch64.PAMax(): ID_AA64MMFR0_EL1.PARange decoded */
};

/** What one descriptor, or a whole walk, gives. */
enum s2_desc_kind {
	S2D_TABLE,	       /* a table descriptor (walks only: the next level follows) */
	S2D_LEAF,	       /* a block or page: translates */
	S2D_FAULT_TRANSLATION, /* invalid, reserved, or a block where the level has none */
	S2D_FAULT_ADDR_SIZE,   /* output address beyond the configured output size */
	S2D_FAULT_ACCESS,      /* AF = 0 (VTCR_EL2.HA = 0) */
	S2D_FAULT_PERMISSION,  /* S2AP does not allow the access (s2_desc_for_access()) */
	S2D_TLB_CONFLICT,      /* TLB conflict abort (misprogrammed Contiguous bit only) */
};

/** s2_descriptor decoded at one level. */
struct s2_desc_entry {
	enum s2_desc_kind kind;
	uint64_t oa;	 /* S2D_TABLE: next table; S2D_LEAF: leaf base (AArch64.LeafBase) */
	unsigned s2ap;	 /* S2D_LEAF: S2AP[1:0], bit 0 read, bit 1 write */
	bool contiguous; /* S2D_LEAF: Effective value of the Contiguous bit */
};

/** pgt-independent geometry: log2 of the bytes one entry at @level maps. */
unsigned s2_desc_level_shift(unsigned granule_shift, unsigned level);

/**
 * s2_desc_block_supported() - AArch64.BlockDescSupported(): 4K level 1 and 2, and level 0 with DS;
 * 16K level 2, and level 1 with DS; 64K level 2, and level 1 when AArch64.PAMax() >= 52.
 */
bool s2_desc_block_supported(const struct s2_desc_cfg *cfg, unsigned level);

/**
 * s2_desc_oa_bits() - AArch64.PhysicalAddressSize(): the configured PS, capped at PAMax, and at 48
 * for the 4K and 16K granules without DS.
 */
unsigned s2_desc_oa_bits(const struct s2_desc_cfg *cfg);

/**
 * s2_desc_contig_log2() - ContiguousSize(): log2 of the entries in one contiguous group at @level
 * (4K: 4 at levels 1-3; 16K: 5 at level 2, 7 at level 3; 64K: 5 at levels 2 and 3; Table D8-104),
 * 0 where the Contiguous bit is RES0 with an Effective value of 0 (RRLJBB: 4K level 0 and 16K
 * level 1 blocks with DS, 64K level 1 blocks with FEAT_LPA) or there is no leaf.
 */
unsigned s2_desc_contig_log2(const struct s2_desc_cfg *cfg, unsigned level);

/**
 * s2_desc_decode() - AArch64.DecodeDescriptorType() and the address fields of one descriptor
 * read at @level: bit 0 clear, or 0b01 at level 3, or a block where s2_desc_block_supported() is
 * false, is a Translation fault; a table's next-level address (AArch64.NextTableBase) or a
 * leaf's base (AArch64.LeafBase: aligned to the leaf size, so the RES0 bits below a block's OA
 * are not part of it) beyond s2_desc_oa_bits() is an Address size fault (AArch64.S2OAOutOfRange);
 * a leaf with AF = 0 is an Access flag fault (VTCR_EL2.HA = 0). OA bits by format: 4K/16K
 * without DS: descriptor[47:granule] (bits [49:48] are RES0 and not read); with DS also
 * OA[49:48] = [49:48] and OA[51:50] = [9:8]; 64K: [47:16], and OA[51:48] = [15:12] when
 * AArch64.PAMax() >= 52. Without FEAT_LPA, whether 64K bits [15:12] are OA[51:48] is
 * IMPLEMENTATION DEFINED ("descriptor[15:12] for 64KB OA"): @impdef_64k_oa picks the choice.
 */
struct s2_desc_entry s2_desc_decode(const struct s2_desc_cfg *cfg, unsigned level, uint64_t desc,
				    bool impdef_64k_oa);

/** The result of a walk: a fault at a level, or the output address. */
struct s2_desc_outcome {
	enum s2_desc_kind kind; /* S2D_LEAF, or a fault */
	unsigned level;		/* of the fault, or of the leaf */
	uint64_t pa;		/* S2D_LEAF */
	unsigned s2ap;		/* S2D_LEAF */
};

/**
 * s2_desc_walk() - AArch64.S2Walk() over @path[i], the descriptor the walk reads at level
 * @start_level + i, translating @ia. Returns false if the path ends in a table descriptor (the
 * caller did not give the next level).
 */
bool s2_desc_walk(const struct s2_desc_cfg *cfg, unsigned start_level, const uint64_t *path,
		  size_t n, uint64_t ia, bool impdef_64k_oa, struct s2_desc_outcome *out);

/** s2_desc_for_access() - @o as a read or write sees it: S2AP may make it a permission fault. */
struct s2_desc_outcome s2_desc_for_access(struct s2_desc_outcome o, bool write);

/** The outcomes the architecture permits for one lookup. */
#define S2D_OUTCOMES_MAX 8
struct s2_desc_permitted {
	unsigned n;
	struct s2_desc_outcome v[S2D_OUTCOMES_MAX];
	bool any_translation; /* RNGLXZ without FEAT_BBM level 1 or 2: any OA or attributes */
};

/**
 * s2_desc_permitted_par() - whether PAR_EL1 @par, after an AT S12E1R (@write false) or S12E1W, is
 * one of @p's outcomes as that access sees it (S2AP may make a translation a permission fault).
 */
bool s2_desc_permitted_par(const struct s2_desc_permitted *p, uint64_t par, bool write);

/**
 * s2_desc_contig_permitted() - what a lookup of @ia may produce when the leaf it reaches at @level
 * lies in an aligned group of 2^s2_desc_contig_log2() entries, @group[0..] (the descriptors of that
 * group, in order; @ia falls in the entry s2_desc_contig_index(); where the level has no Contiguous
 * bit, s2_desc_contig_log2() = 0, @group[0] is @ia's own entry). @path is the walk down to the
 * group's table, as for s2_desc_walk(), its last element ignored (the group gives it). @bbm:
 * ID_AA64MMFR2_EL1.BBM.
 *
 * - No valid entry has the Contiguous bit: the walk of the entry itself, nothing else.
 * - Every valid entry has it (invalid entries are not misprogramming, IPGVGZ): the walk of the
 *   entry itself, or the translation any valid entry k of the group gives when a TLB caches it
 *   for the whole group (RSKQHL; RJQQTC: "consistent with any one of the programmed translation
 *   table values"): OA = k's leaf base aligned down to the group's OA size, plus IA's offset in
 *   the group, with k's permissions. A consistent group therefore has one outcome; an invalid
 *   entry in it may fault or translate as the group.
 * - Some valid entries have it and some do not (RQTRPM, misprogramming of the Contiguous bit):
 *   as above (RNGLXZ "consistent with any of the programmed translation table values"), or a
 *   TLB conflict abort, and without FEAT_BBM level 1 or 2 (@bbm = 0) also any OA, permissions
 *   or attributes (any_translation).
 *
 * Returns false if the outcomes do not fit S2D_OUTCOMES_MAX or the input is inconsistent.
 */
bool s2_desc_contig_permitted(const struct s2_desc_cfg *cfg, unsigned start_level,
			      const uint64_t *path, unsigned level, const uint64_t *group,
			      uint64_t ia, unsigned bbm, struct s2_desc_permitted *out);

/** s2_desc_contig_index() - index of @ia's entry in its contiguous group at @level. */
unsigned s2_desc_contig_index(const struct s2_desc_cfg *cfg, unsigned level, uint64_t ia);

/*
 * PAR_EL1 after AT S12E1R/W: on success F = 0 and PA[51:12] in [51:12]; on a stage-2 fault
 * F = 1, FST[6:1] the fault status code, PTW (bit 8) = 0 for a fault not on a stage-1 walk,
 * S (bit 9) = 1 for stage 2 (PAR_EL1, "FST ... PTW ... S").
 */
#define S2D_PAR_FAULT_MASK 0x37fULL /* F, FST, PTW, S */

/** s2_desc_fsc() - the FSC (ESR DFSC, PAR FST) of a fault outcome: 0b00LL, 0b01LL, ... 0x30. */
unsigned s2_desc_fsc(const struct s2_desc_outcome *o);

/** s2_desc_par_expect() - PAR_EL1 bits (F, FST, PTW, S; or PA) that @o gives for an AT S12E1*. */
uint64_t s2_desc_par_expect(const struct s2_desc_outcome *o);

/** s2_desc_par_matches() - whether PAR_EL1 @par reports @o (PA bits or F/FST/PTW/S). */
bool s2_desc_par_matches(const struct s2_desc_outcome *o, uint64_t par);

/**
 * s2_desc_granule_missing() - NULL if ID_AA64MMFR0_EL1 @mmfr0 advertises the stage-2 granule
 * @granule_shift (TGran*_2, or TGran* when TGran*_2 = 0b0000), and with @need_52 its 52-bit
 * form (FEAT_LPA2: TGran4_2/TGran16_2 = 0b0011; TGran*_2 = 0 defers to TGran4 = 0b0001 or
 * TGran16 = 0b0010), else the SKIP reason in @why naming the field and value.
 */
const char *s2_desc_granule_missing(uint64_t mmfr0, unsigned granule_shift, bool need_52, char *why,
				    size_t len);

#endif /* MODEL_S2_DESC_MODEL_H */
