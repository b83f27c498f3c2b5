/* SPDX-License-Identifier: MIT */
/*
 * The GICv3 virtual CPU interface oracle: which ICH_HCR_EL2 control traps an EL1 access to an
 * ICC_* register, and what the access does when it is not trapped and reaches the ICV_*
 * register instead (HCR_EL2.IMO/FMO = 1). GIC architecture specification IHI 0069 (12.5
 * "ICH_*", 12.6 "ICV_*"), and the Arm ARM D24 register descriptions. Pure code, unit-tested on
 * the host (tests/unit/gic_model_test.c).
 *
 * Scope: a virtual interface with no valid list register (nothing pending or active from an
 * LR), which is how the vmm starts every vCPU; active priorities come from ICH_AP<g>R<n>_EL2.
 */
#ifndef MODEL_GIC_MODEL_H
#define MODEL_GIC_MODEL_H

#include <stdbool.h>
#include <stdint.h>

/** The ICV registers an EL1 MRS/MSR of an ICC_* encoding reaches (same encoding). */
enum icv_reg {
	ICV_NONE,
	ICV_PMR,
	ICV_IAR0,
	ICV_EOIR0,
	ICV_HPPIR0,
	ICV_BPR0,
	ICV_AP0R0,
	ICV_AP1R0,
	ICV_DIR,
	ICV_RPR,
	ICV_IAR1,
	ICV_EOIR1,
	ICV_HPPIR1,
	ICV_BPR1,
	ICV_CTLR,
	ICV_IGRPEN0,
	ICV_IGRPEN1,
};

/* ICH_VMCR_EL2 fields (IHI 0069 12.5.x). */
#define ICH_VMCR_VENG0	   (1ULL << 0)
#define ICH_VMCR_VENG1	   (1ULL << 1)
#define ICH_VMCR_VFIQEN	   (1ULL << 3)
#define ICH_VMCR_VCBPR	   (1ULL << 4)
#define ICH_VMCR_VEOIM	   (1ULL << 9)
#define ICH_VMCR_VBPR1(n)  ((uint64_t)(n) << 18)
#define ICH_VMCR_VBPR0(n)  ((uint64_t)(n) << 21)
#define ICH_VMCR_VPMR(n)   ((uint64_t)(n) << 24)
#define ICV_INTID_SPURIOUS 1023

/** The virtual CPU interface state the oracle works on. */
struct icv_state {
	uint64_t vtr;		   /* ICH_VTR_EL2 (read-only: PRIbits, PREbits, IDbits, ...) */
	uint64_t vmcr;		   /* ICH_VMCR_EL2 */
	uint32_t ap0r[4], ap1r[4]; /* ICH_AP0R<n>_EL2, ICH_AP1R<n>_EL2 */
	unsigned eoicount;	   /* ICH_HCR_EL2.EOIcount */
	bool eoicount_unknown;	   /* a write left EOIcount CONSTRAINED UNPREDICTABLE */
};

/** icv_reg_from_enc() - the ICV register behind ICC encoding S<op0>_<op1>_C<crn>_C<crm>_<op2>. */
enum icv_reg icv_reg_from_enc(unsigned op0, unsigned op1, unsigned crn, unsigned crm, unsigned op2);

/**
 * ich_hcr_trap_bits() - the ICH_HCR_EL2 bits that trap an EL1 access to @r to EL2 (EC 0x18).
 * @is_write: MSR rather than MRS.
 * @vtr: ICH_VTR_EL2; TDIR exists only when ICH_VTR_EL2.TDS == 1.
 *
 * ICH_HCR_EL2: TC traps "EL1 accesses to System registers that are common to Group 0 and
 * Group 1" (ICC_PMR, ICC_RPR, ICC_CTLR, ICC_DIR, and the SGI registers, which HCR_EL2.IMO/FMO
 * trap anyway and are not modelled); TALL0 the Group 0 registers (ICC_IAR0, EOIR0, HPPIR0,
 * BPR0, AP0R<n>, IGRPEN0); TALL1 the Group 1 registers (IAR1, EOIR1, HPPIR1, BPR1, AP1R<n>,
 * IGRPEN1); TDIR "EL1 writes to ICC_DIR_EL1 and ICV_DIR_EL1".
 */
uint64_t ich_hcr_trap_bits(enum icv_reg r, bool is_write, uint64_t vtr);

/**
 * icv_read() - what an EL1 MRS of @r returns.
 * @mask: out, the bits the architecture defines from @s (ICV_CTLR_EL1.RSS and .ExtRange, which
 *	no ICH_* register describes, are left out); every other bit is compared, RES0 ones as 0.
 *
 * ICV_PMR_EL1 = VMCR.VPMR; ICV_BPR0_EL1 = VMCR.VBPR0; ICV_BPR1_EL1 = VMCR.VBPR1, or with
 * VMCR.VCBPR = 1 "ICV_BPR0_EL1 + 1 saturated to 0b111"; ICV_IGRPEN<g>_EL1 = VMCR.VENG<g>;
 * ICV_CTLR_EL1 = {CBPR = VCBPR, EOImode = VEOIM, PRIbits, IDbits, SEIS, A3V from ICH_VTR_EL2};
 * ICV_RPR_EL1 = the group priority of the highest active priority bit, 0xff (idle) if none;
 * ICV_IAR<g>/HPPIR<g> = 1023 (no pending virtual interrupt: a special INTID);
 * ICV_AP<g>R0_EL1 = ICH_AP<g>R0_EL2.
 */
uint64_t icv_read(const struct icv_state *s, enum icv_reg r, uint64_t *mask);

/**
 * icv_write() - the effect of an EL1 MSR of @value to @r on @s.
 *
 * ICV_PMR: unimplemented priority bits are RAZ/WI (ICH_VTR_EL2.PRIbits). ICV_BPR<g>: "an attempt
 * to program the binary point field to a value less than the minimum value sets the field to
 * the minimum value" (VBPR0 minimum 7 - preemption bits, VBPR1 one more); with VCBPR = 1 BPR1
 * writes are ignored. ICV_CTLR: CBPR and EOImode are the writable bits. ICV_IGRPEN<g>: Enable.
 * ICV_AP<g>R0: the active priority bits. ICV_EOIR<g> of a special INTID (1020-1023): ignored.
 * ICV_DIR with EOImode 1, a valid INTID below 8192 and no List register for it: EOIcount + 1
 * (ICH_HCR_EL2.EOIcount). Anything else leaves EOIcount CONSTRAINED UNPREDICTABLE.
 */
void icv_write(struct icv_state *s, enum icv_reg r, uint64_t value);

#endif /* MODEL_GIC_MODEL_H */
