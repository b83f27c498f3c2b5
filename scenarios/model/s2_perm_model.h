/* SPDX-License-Identifier: MIT */
/*
 * The stage-2 permission oracle: from a stage-2 descriptor's S2AP[1:0] and XN[1:0], whether
 * FEAT_XNX is implemented, and the access (its kind and the Exception level it comes from),
 * whether the access gives a stage-2 Permission fault, and the syndrome bits of that fault
 * that depend on the access rather than on the instruction's registers (WnR, CM, ISV).
 *
 * It encodes AArch64.S2ComputePermissions() and AArch64.S2CheckPermissions() of the Arm ARM
 * (DDI 0487K.a, shared pseudocode aarch64/translation; the AArch64.CheckS2Permission() of the
 * first issues had no AccessType_DC case and is not followed), the ESR_ELx "ISS encoding for an
 * exception from a Data Abort" rules for WnR, CM and ISV, and IPAValid() for HPFAR_EL2. Pure code:
 * host-tested in tests/unit/s2_perm_model_test.c. Scope: stage 2 without FEAT_S2PIE/FEAT_S2POE
 * (direct permissions, no overlays), HCR_EL2.PTW and stage-1 walks out of scope (the faults here
 * are on the access itself: S1PTW = 0).
 */
#ifndef MODEL_S2_PERM_MODEL_H
#define MODEL_S2_PERM_MODEL_H

#include <stdbool.h>
#include <stdint.h>

/* S2AP[1:0], descriptor bits [7:6]: bit 6 = read, bit 7 = write ("Stage 2 access permissions"). */
#define S2AP_NONE 0u
#define S2AP_RO	  1u
#define S2AP_WO	  2u
#define S2AP_RW	  3u

/*
 * XN[1:0], descriptor bits [54:53]. Without FEAT_XNX only XN[1] (bit 54) exists and bit 53 is
 * RES0; with it ("Stage 2 execute-never with FEAT_XNX"): 0b00 EL1 and EL0 may execute, 0b01
 * EL0 only (PXN), 0b10 neither, 0b11 EL1 only (UXN).
 */
#define S2XN_NONE	0u
#define S2XN_PXN	1u
#define S2XN_ALL	2u
#define S2XN_UXN	3u
#define S2XN_DESC_SHIFT 53

/** The accesses the stage2.perm families make. */
enum s2_perm_access {
	S2P_LOAD,	  /* LDR (single register, no writeback) */
	S2P_STORE,	  /* STR (single register, no writeback) */
	S2P_LOAD_NO_ISS,  /* a load outside LSInstructionSyndrome(): writeback, pair, SIMD&FP */
	S2P_STORE_NO_ISS, /* likewise a store */
	S2P_IFETCH,	  /* instruction fetch */
	S2P_DC_ZVA,	  /* DC ZVA: a write of zeros to a block (not cache maintenance) */
	S2P_DC_IVAC,	  /* DC IVAC: data cache invalidate by VA to PoC */
	S2P_DC_CIVAC,	  /* DC CIVAC: clean and invalidate by VA to PoC */
	S2P_ATOMIC,	  /* FEAT_LSE LDADD: a read-modify-write */
	S2P_LDXR,	  /* load-exclusive */
	S2P_STXR,	  /* store-exclusive with the monitor armed for its address */
	S2P_AT_S1E1,	  /* AT S1E1R/W at EL1: stage 1 only (the walk goes through stage 2) */
	S2P_AT_S12_R,	  /* AT S12E1R/S12E0R at EL2: stage 1 and 2, a read */
	S2P_AT_S12_W,	  /* AT S12E1W/S12E0W at EL2: stage 1 and 2, a write */
	S2P_ACCESSES
};

/** The inputs of one check. */
struct s2_perm_case {
	unsigned s2ap; /* S2AP[1:0] */
	unsigned xn;   /* XN[1:0] as written in bits [54:53] */
	bool xnx;      /* FEAT_XNX implemented (ID_AA64MMFR1_EL1.XNX != 0) */
	bool cmow;     /* HCRX_EL2.CMOW (FEAT_CMOW): CIVAC and IC IVAU need write permission */
	enum s2_perm_access access;
	unsigned el; /* 0 or 1: the Exception level of the access (AT S12E0* counts as 0) */
};

/** What the oracle says of one check. */
struct s2_perm_outcome {
	bool fault; /* a stage-2 Permission fault (or, for AT S12, PAR_EL1.F = 1 with S = 1) */
	bool wnr;   /* ESR_EL2.WnR of the fault */
	bool cm;    /* ESR_EL2.CM of the fault */
	bool isv;   /* ESR_EL2.ISV of the fault can be 1: a single-register load/store */
	bool hpfar_valid; /* HPFAR_EL2 holds the IPA (IPAValid()); else it is UNKNOWN */
};

/**
 * s2_perm_check() - the outcome of @k's access through a stage-2 page with @k's permissions.
 *
 * AArch64.S2ComputePermissions(): r = S2AP[0], w = S2AP[1]; with FEAT_XNX (px, ux) from XN[1:0]
 * as above, without it px = ux = NOT XN[1]. Execute permission does not need read permission.
 * AArch64.S2CheckPermissions() for an access that is not a stage-1 walk:
 * - instruction fetch: a fault when x (ux at EL0, px at EL1) is 0;
 * - DC (AccessType_DC): invalidate (DC IVAC) needs w; other DC operations by VA fault at EL0
 *   only without r, and (FEAT_CMOW, HCRX_EL2.CMOW = 1) clean-and-invalidate to PoC needs w;
 * - otherwise a read needs r, a write needs w; an atomic read-modify-write (LDADD) is both, and
 *   its read is checked first; DC ZVA is a write (AccessType_DCZero is not AccessType_DC);
 * - AT S1E1R/W never checks the final stage-2 permissions (its output is an IPA: only the
 *   stage-1 walk's descriptor reads go through stage 2); AT S12E1R/S12E0R is a read and AT
 *   S12E1W/S12E0W a write, reported in PAR_EL1.
 * Syndrome (ESR_EL2 "ISS encoding for an exception from a Data Abort"):
 * - WnR: "for faults on cache maintenance and address translation instructions, this bit
 *   always returns 1"; for an atomic that reads and writes, 0 if a read of the address would
 *   have generated the fault reported, else 1; otherwise the access's direction;
 * - CM = 1 only for a cache maintenance instruction (DC IVAC/CIVAC); DC ZVA is not one;
 * - ISV = 1 only for a load or store of a single general-purpose register without writeback,
 *   "excluding Load Exclusive or Store Exclusive" (and so not for atomics or DC);
 * - HPFAR_EL2: IPAValid() is FALSE for a stage-2 Permission fault that is not on a stage-1
 *   walk, so HPFAR_EL2 is UNKNOWN for every fault here (KVM resolves such IPAs with AT).
 * Rows of XN[0] = 1 without FEAT_XNX have no architected meaning (bit 53 is RES0): the
 * families SKIP them, and the oracle reads the bit as 0.
 */
struct s2_perm_outcome s2_perm_check(const struct s2_perm_case *k);

/** s2_perm_access_name() - "load", "dc-ivac", ... for ids and diagnostics. */
const char *s2_perm_access_name(enum s2_perm_access a);

/** s2_perm_needs_xnx() - whether XN[1:0] = @xn has a meaning only with FEAT_XNX. */
bool s2_perm_needs_xnx(unsigned xn);

#endif /* MODEL_S2_PERM_MODEL_H */
