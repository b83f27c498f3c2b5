/* SPDX-License-Identifier: MIT */
/*
 * The stage 2 translation geometry oracle: from the ID register fields and a VTCR_EL2 value,
 * what the architecture makes of a stage 2 walk (granule, effective input size, start level,
 * concatenated root tables, output address size), and for illegal or inconsistent values the
 * outcomes it permits. Follows the pseudocode of the Arm ARM (DDI 0487 K.a, J1.1.5
 * "aarch64/translation"): AArch64.S2Translate(), AArch64.S2TxSZFaults(), AArch64.S2MinTxSZ(),
 * AArch64.MaxTxSZ(), AArch64.S2InvalidSL(), AArch64.S2InconsistentSL(), AArch64.S2StartLevel(),
 * AArch64.IPAIsOutOfRange(), AArch64.PhysicalAddressSize(), AArch64.OAOutOfRange() and the
 * Address size checks of AArch64.S2Walk().
 *
 * Pure code, independent of kernel/pgtable.c (which builds the tables this checks); host-tested
 * in tests/unit/s2_geom_model_test.c.
 */
#ifndef MODEL_S2_GEOM_MODEL_H
#define MODEL_S2_GEOM_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/** What the ID registers say about stage 2 geometry. */
struct s2_geom_cpu {
	unsigned parange;	    /* ID_AA64MMFR0_EL1.PARange, raw */
	unsigned pa_bits;	    /* AArch64.PAMax(), decoded (0 if reserved) */
	bool gran4, gran16, gran64; /* stage 2 granules (TGranX_2, 0b0000 = as TGranX) */
	bool lpa;		    /* FEAT_LPA: PARange = 0b0110 (52 bits) */
	bool lpa2;		    /* FEAT_LPA2: a stage-2 granule field says 52-bit (0b0011) */
	bool ttst;		    /* FEAT_TTST: ID_AA64MMFR2_EL1.ST = 1 */
	uint64_t mmfr0, mmfr2;	    /* the registers read, for SKIP reasons */
};

/** s2_geom_cpu_init() - decode @mmfr0 (ID_AA64MMFR0_EL1) and @mmfr2 (ID_AA64MMFR2_EL1). */
void s2_geom_cpu_init(struct s2_geom_cpu *cpu, uint64_t mmfr0, uint64_t mmfr2);

/** s2_granule_supported() - whether stage 2 implements the granule of @granule_shift. */
bool s2_granule_supported(const struct s2_geom_cpu *cpu, unsigned granule_shift);

/**
 * s2_granule_why() - SKIP reason for an unsupported stage-2 granule, naming the field and value
 * ("needs the 16KB stage 2 granule (ID_AA64MMFR0_EL1.TGran16_2=1)"); NULL if supported.
 */
const char *s2_granule_why(const struct s2_geom_cpu *cpu, unsigned granule_shift, char *why,
			   size_t len);

/** The VTCR_EL2 fields that shape the walk, as programmed (raw). */
struct s2_vtcr {
	unsigned granule_shift; /* TG0 decoded: 12, 14 or 16 */
	unsigned t0sz;		/* T0SZ[5:0] */
	unsigned sl0;		/* SL0[1:0] */
	bool sl2;		/* SL2 (bit 33) */
	bool ds;		/* DS (bit 32) */
	unsigned ps;		/* PS[2:0] */
};

/** One architecturally permitted interpretation of a VTCR_EL2 value. */
struct s2_geom {
	bool fault; /* every access: stage 2 Translation fault at level 0 */
	unsigned granule_shift;
	unsigned ia_bits;     /* 64 - T0SZ after the permitted clamp */
	int start_level;      /* AArch64.S2StartLevel(): -1..3 */
	unsigned root_tables; /* concatenated tables at the start level, 1..16 */
	unsigned root_bits;   /* IA bits the start level resolves */
	unsigned oa_bits;     /* AArch64.PhysicalAddressSize() */
	bool ds;	      /* effective DS */
};

#define S2_GEOM_MAX 2

/** The set of interpretations the architecture permits (CONSTRAINED UNPREDICTABLE: 2). */
struct s2_geom_set {
	unsigned n;
	struct s2_geom v[S2_GEOM_MAX];
};

/**
 * s2_geom_decide() - what the walk does with @vtcr on @cpu (AArch64.S2Translate() up to the
 * walk): a T0SZ below AArch64.S2MinTxSZ() faults if FEAT_LPA is implemented, else it is
 * IMPLEMENTATION DEFINED whether it faults or is treated as the minimum; above AArch64.MaxTxSZ()
 * it faults or is treated as the maximum (IMPLEMENTATION DEFINED); then an invalid or
 * inconsistent start level is a level 0 Translation fault.
 */
void s2_geom_decide(const struct s2_geom_cpu *cpu, const struct s2_vtcr *vtcr,
		    struct s2_geom_set *out);

/**
 * s2_start_level_sl0() - the VTCR_EL2.SL0 (and SL2) encoding of a start level for a granule
 * (the inverse of AArch64.S2StartLevel()). false if no encoding exists.
 */
bool s2_start_level_sl0(unsigned granule_shift, int level, unsigned *sl0, bool *sl2);

/** s2_min_txsz() - AArch64.S2MinTxSZ(d128 = 0, @ds, granule, s1aarch64 = TRUE). */
unsigned s2_min_txsz(const struct s2_geom_cpu *cpu, unsigned granule_shift, bool ds);

/** s2_max_txsz() - AArch64.MaxTxSZ(): 48 (47 for 64KB) with FEAT_TTST, else 39. */
unsigned s2_max_txsz(const struct s2_geom_cpu *cpu, unsigned granule_shift);

/** s2_ps_bits() - the PA size a VTCR_EL2.PS / PARange encoding names (0b111: 56). */
unsigned s2_ps_bits(unsigned ps);

/** s2_level_shift() - log2 of the bytes an entry at @level maps (level -1..3). */
unsigned s2_level_shift(unsigned granule_shift, int level);

/** What one stage 2 walk meets: the addresses it reads and the leaf it ends on. */
struct s2_walk_input {
	uint64_t ipa;
	uint64_t baddr; /* VTTBR_EL2.BADDR */
	/* [l + 1]: the next-level table address held at level l (start..leaf-1, l from -1) */
	uint64_t next_table[5];
	int leaf_level;	  /* level of the block or page descriptor */
	uint64_t leaf_oa; /* its output address (of the block or page) */
};

enum s2_fault { S2_FAULT_NONE, S2_FAULT_TRANSLATION, S2_FAULT_ADDRESS_SIZE };

/** The outcome of one stage 2 translation. */
struct s2_walk_result {
	enum s2_fault fault;
	int level; /* of the fault */
	uint64_t pa;
};

/**
 * s2_walk_expect() - the outcome under interpretation @g of a walk that meets @in: a level 0
 * Translation fault for @g->fault or an IPA beyond ia_bits (AArch64.IPAIsOutOfRange()); a level
 * 0 Address size fault for a base address beyond oa_bits; an Address size fault at level l for a
 * next-table address beyond oa_bits held at level l, or a leaf OA beyond it at the leaf level
 * (AArch64.S2Walk(), AArch64.OAOutOfRange()); else the PA.
 */
void s2_walk_expect(const struct s2_geom *g, const struct s2_walk_input *in,
		    struct s2_walk_result *out);

/**
 * s2_fsc() - the fault status code (ESR_EL2.DFSC/IFSC, PAR_EL1.FST) of @r: Translation fault
 * level n = 0b0001nn, Address size fault level n = 0b0000nn, level -1: 0b101011 / 0b101001.
 */
unsigned s2_fsc(const struct s2_walk_result *r);

#endif
