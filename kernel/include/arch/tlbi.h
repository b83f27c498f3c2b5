/* SPDX-License-Identifier: MIT */
/*
 * The EL1&0 TLB maintenance instructions the harness issues at EL2 for a VM (Arm ARM DDI 0487,
 * C5.5 "A64 System instructions for TLB maintenance"), by their SYS encoding (op0 = 1, op1,
 * CRn, CRm, op2), so that an assembler without the FEAT_TLBIOS, FEAT_TLBIRANGE or FEAT_XS names
 * still builds them. The nXS forms (FEAT_XS) are the same encodings with CRn = 9 instead of 8.
 *
 * One line per instruction: X(name, op1, CRm, op2, scope, ISAR0.TLB minimum). The scope says
 * what the instruction invalidates (D8.16.1 "TLB maintenance") and so its Xt format:
 * TLBI_SCOPE_IPAS2: stage-2 entries of one IPA (IPA[47:12] in Xt[35:0], TTL in [47:44]);
 * TLBI_SCOPE_RIPAS2: stage-2 entries of an IPA range (TG [47:46], SCALE [45:44], NUM [43:39],
 * TTL [38:37], BaseADDR [36:0]); TLBI_SCOPE_VMALLE1: stage-1 entries, combined stage 1+2
 * included, of the current VMID; TLBI_SCOPE_VMALLS12E1: stage 1 and 2 of the current VMID (no
 * operand); TLBI_SCOPE_VAE1: stage-1 entries of one VA (a guest's own TLBI VAE1 at EL1, in no
 * row of the table: only the oracle, scenarios/model/tlb_model.h, names it). ISAR0.TLB: 0 always
 * present, 1 FEAT_TLBIOS (OS forms), 2 FEAT_TLBIRANGE (R forms).
 */
#ifndef ARCH_TLBI_H
#define ARCH_TLBI_H

#include <stdint.h>

enum tlbi_scope {
	TLBI_SCOPE_IPAS2,
	TLBI_SCOPE_RIPAS2,
	TLBI_SCOPE_VMALLE1,
	TLBI_SCOPE_VMALLS12E1,
	TLBI_SCOPE_VAE1,
};

/* clang-format off */
#define TLBI_S2_INSNS(X)                                   \
	X(IPAS2E1,      4, 4, 1, TLBI_SCOPE_IPAS2, 0)      \
	X(IPAS2E1IS,    4, 0, 1, TLBI_SCOPE_IPAS2, 0)      \
	X(IPAS2E1OS,    4, 4, 0, TLBI_SCOPE_IPAS2, 1)      \
	X(IPAS2LE1,     4, 4, 5, TLBI_SCOPE_IPAS2, 0)      \
	X(IPAS2LE1IS,   4, 0, 5, TLBI_SCOPE_IPAS2, 0)      \
	X(IPAS2LE1OS,   4, 4, 4, TLBI_SCOPE_IPAS2, 1)      \
	X(RIPAS2E1,     4, 4, 2, TLBI_SCOPE_RIPAS2, 2)     \
	X(RIPAS2E1IS,   4, 0, 2, TLBI_SCOPE_RIPAS2, 2)     \
	X(RIPAS2E1OS,   4, 4, 3, TLBI_SCOPE_RIPAS2, 2)     \
	X(RIPAS2LE1,    4, 4, 6, TLBI_SCOPE_RIPAS2, 2)     \
	X(RIPAS2LE1IS,  4, 0, 6, TLBI_SCOPE_RIPAS2, 2)     \
	X(RIPAS2LE1OS,  4, 4, 7, TLBI_SCOPE_RIPAS2, 2)     \
	X(VMALLE1,      0, 7, 0, TLBI_SCOPE_VMALLE1, 0)    \
	X(VMALLE1IS,    0, 3, 0, TLBI_SCOPE_VMALLE1, 0)    \
	X(VMALLE1OS,    0, 1, 0, TLBI_SCOPE_VMALLE1, 1)    \
	X(VMALLS12E1,   4, 7, 6, TLBI_SCOPE_VMALLS12E1, 0) \
	X(VMALLS12E1IS, 4, 3, 6, TLBI_SCOPE_VMALLS12E1, 0) \
	X(VMALLS12E1OS, 4, 1, 6, TLBI_SCOPE_VMALLS12E1, 1)
/* clang-format on */

/** TLBI by encoding: SYS #op1, C<crn>, C<crm>, #op2, Xt. */
#define TLBI_SYS(op1, crn, crm, op2, xt)                                                           \
	__asm__ volatile("sys #" #op1 ", c" #crn ", c" #crm ", #" #op2 ", %0"                      \
			 :                                                                         \
			 : "r"((uint64_t)(xt))                                                     \
			 : "memory")

/* Xt fields (C5.5, "TLBI IPAS2E1" and "TLBI RIPAS2E1"). */
#define TLBI_XT_IPA_SHIFT	  12 /* IPA[47:12] in Xt[35:0] */
#define TLBI_XT_IPA_MASK	  ((1ULL << 36) - 1)
#define TLBI_XT_TTL_SHIFT	  44 /* TTL[3:0]: granule in [3:2] (1: 4K), level in [1:0] */
#define TLBI_XT_RANGE_BASE_MASK	  ((1ULL << 37) - 1)
#define TLBI_XT_RANGE_TTL_SHIFT	  37 /* 0: any level, else the level of the entries */
#define TLBI_XT_RANGE_NUM_SHIFT	  39
#define TLBI_XT_RANGE_SCALE_SHIFT 44
#define TLBI_XT_RANGE_TG_SHIFT	  46 /* 1: 4K, 2: 16K, 3: 64K */

#endif /* ARCH_TLBI_H */
