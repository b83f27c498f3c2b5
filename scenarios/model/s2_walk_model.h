/* SPDX-License-Identifier: MIT */
/*
 * The stage-2 walk and fault oracle: what the architecture says a stage-2 translation of one
 * IPA does, for a data access, an instruction fetch, a read of a stage-1 translation table
 * (the stage-1 walk going through stage 2, "S1PTW") or a hardware update of a stage-1
 * descriptor; which fault it gives (type, level, WnR) and how hardware Access flag and dirty
 * state management (FEAT_HAFDBS, VTCR_EL2.HA/HD) change the stage-2 descriptor.
 *
 * It walks the tables itself, from VTCR_EL2 and VTTBR_EL2 as the hardware takes them, through
 * a read callback, so it shares no code with the walker the vmm builds tables with
 * (kernel/pgtable.c). Pure code: host-tested in tests/unit/s2_walk_model_test.c.
 *
 * Scope: VMSAv8-64 stage 2 with 4K, 16K or 64K granules and up to 48-bit IPAs and OAs
 * (VTCR_EL2.DS = 0: no FEAT_LPA2, no SL2), HCR_EL2.FWB per @fwb, no stage-2 permission
 * indirection or overlays (FEAT_S2PIE/S2POE), EL1&0 accesses.
 */
#ifndef MODEL_S2_WALK_MODEL_H
#define MODEL_S2_WALK_MODEL_H

#include <stdbool.h>
#include <stdint.h>

/** The stage-2 regime as the hardware sees it. */
struct s2w_regime {
	uint64_t vtcr;	/* VTCR_EL2: T0SZ, SL0, TG0, PS, HA, HD */
	uint64_t baddr; /* VTTBR_EL2.BADDR: PA of the (first) root table */
	bool ptw;	/* HCR_EL2.PTW */
	bool fwb;	/* HCR_EL2.FWB (FEAT_S2FWB): MemAttr in the FWB encoding */
	bool xnx;	/* FEAT_XNX: XN[0] distinguishes EL0 from EL1 execution */
};

/** Reads the 64-bit descriptor at physical address @pa. */
typedef uint64_t (*s2w_read_fn)(void *ctx, uint64_t pa);

enum s2w_status {
	S2W_OK,		 /* a valid leaf: .desc, .desc_pa, .level, .oa */
	S2W_TRANSLATION, /* Translation fault at .level */
	S2W_ADDR_SIZE,	 /* Address size fault at .level */
	S2W_UNMODELLED,	 /* a configuration outside the scope above */
};

/** The result of walking one IPA. */
struct s2w_walk {
	enum s2w_status status;
	unsigned level;	  /* the level of the leaf, or of the fault */
	uint64_t desc;	  /* the leaf descriptor (S2W_OK) */
	uint64_t desc_pa; /* its PA: where a hardware update writes, and a test reads it back */
	uint64_t oa;	  /* the output address of @ipa (S2W_OK) */
};

/**
 * s2w_walk() - walk the stage-2 tables for @ipa (AArch64.S2Walk()).
 *
 * Start level from VTCR_EL2.SL0 and TG0 (4K: 0b00 level 2, 0b01 level 1, 0b10 level 0; 16K and
 * 64K: 0b00 level 3, 0b01 level 2, 0b10 level 1), the root indexed by every IPA bit above the
 * start level's (concatenated tables); a descriptor with bit 0 clear, a block where the granule
 * has none (4K: levels 1 and 2; 16K and 64K: level 2) or bits[1:0] = 0b01 at level 3 is a
 * Translation fault at its level (AArch64.S2Walk(), DecodeDescriptorType()); an output or next
 * table address beyond VTCR_EL2.PS is an Address size fault at the level of the descriptor
 * holding it (AArch64.S2OAOutOfRange()). An IPA beyond T0SZ is a level-0 Translation fault
 * (AArch64.S2Walk(): AArch64.IPAIsOutOfRange() gives Fault_Translation, level 0).
 */
void s2w_walk(const struct s2w_regime *r, s2w_read_fn read, void *ctx, uint64_t ipa,
	      struct s2w_walk *w);

/** The access that is translated. */
enum s2_access {
	S2_ACC_READ,	   /* a data load */
	S2_ACC_WRITE,	   /* a data store */
	S2_ACC_EXEC_EL1,   /* an instruction fetch at EL1 */
	S2_ACC_TTW_READ,   /* a read of a stage-1 descriptor by the stage-1 walk */
	S2_ACC_TTW_UPDATE, /* a hardware write of a stage-1 descriptor (AF or dirty state) */
};

/** What one access does at stage 2. */
struct s2_outcome {
	bool fault;
	unsigned fsc;	     /* ESR_ELx.DFSC/IFSC of the fault, with its level */
	bool s1ptw;	     /* ESR_ELx.S1PTW: a fault on the stage-1 walk or its update */
	bool wnr;	     /* ESR_ELx.WnR of the fault (data aborts) */
	uint64_t desc_after; /* the leaf descriptor after the access (hardware AF/dirty) */
	bool af_unknown;     /* a fault with AF = 0 and HA = 1: AF may or may not be set */
};

/**
 * s2_access_outcome() - the stage-2 outcome of access @acc through walk @w.
 *
 * In the order of AArch64.S2Translate(): a walk fault; then the Access flag (AF = 0 with
 * VTCR_EL2.HA = 0 is an Access flag fault at the leaf's level; with HA = 1 the hardware sets
 * AF, AArch64.SetAccessFlag, when the access does not fault); then the permissions
 * (AArch64.S2CheckPermission(), S2HasPermissionsFault()): S2AP[0] for reads and walks,
 * S2AP[1] for writes and descriptor updates, where a write to a descriptor with DBM = 1 and
 * VTCR_EL2.HD = 1 sets S2AP[1] instead of faulting (hardware dirty state: S2Translate()'s
 * descriptor update, "Hardware management of dirty state", D8.4);
 * XN[1:0] for fetches; and a stage-1 walk to stage-2 Device memory with HCR_EL2.PTW = 1 is a
 * Permission fault (with PTW = 0 it "occurs as if it is to Normal Non-cacheable memory": no
 * fault). All stage-2 faults are reported at the leaf's level.
 *
 * WnR (s2_fault_wnr()) and S1PTW follow from @acc.
 */
void s2_access_outcome(const struct s2w_regime *r, const struct s2w_walk *w, enum s2_access acc,
		       struct s2_outcome *o);

/**
 * s2_fault_wnr() - ESR_ELx.WnR of a stage-2 fault on @acc: 1 for a store; for a fault on the
 * stage-1 walk the walk's own access, a read (AArch64.S1Walk() passes iswrite = FALSE to
 * AArch64.S2Translate() for descriptor fetches) unless it is the hardware update of the
 * descriptor (AArch64.S1Translate(): "iswrite = TRUE" for the AF/dirty write through stage 2;
 * DDI 0487H.a).
 */
bool s2_fault_wnr(enum s2_access acc);

/**
 * s1_hw_update() - the stage-1 leaf descriptor @desc after hardware management for an access
 * (AArch64.S1Translate(), DDI 0487H.a): with TCR_ELx.HA (@ha) an AF of 0 is set; with HD (@hd)
 * a write (@is_write) through a descriptor with DBM = 1 and AP[2] = 1 clears AP[2]. The
 * hardware writes the descriptor, through stage 2 (S2_ACC_TTW_UPDATE), only when the result
 * differs from @desc.
 */
uint64_t s1_hw_update(uint64_t desc, bool ha, bool hd, bool is_write);

/** s2_memattr_is_device() - whether stage-2 MemAttr[3:0] @memattr is a Device type. */
bool s2_memattr_is_device(unsigned memattr, bool fwb);

#endif /* MODEL_S2_WALK_MODEL_H */
