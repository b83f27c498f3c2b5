/* SPDX-License-Identifier: MIT */
/*
 * ESR_ELx, the Exception Syndrome Register: field names from one place.
 *
 * Arm ARM (DDI 0487), "ESR_EL2, Exception Syndrome Register (EL2)" and its "ISS encoding for an
 * exception from ..." subsections. The layout is the same for ESR_EL1/EL2/EL3:
 *
 *	[63:56] RES0   [55:32] ISS2   [31:26] EC   [25] IL   [24:0] ISS
 *
 * Extract fields with the masked helpers below: bits [55:32] are ISS2 on newer cores, so an
 * unmasked "esr >> 26" is wrong. Pure definitions, host-compilable; no register access here.
 */
#ifndef ARCH_ESR_H
#define ARCH_ESR_H

#include <stdbool.h>
#include <stdint.h>

#define ESR_EC_SHIFT   26
#define ESR_EC_MASK    0x3fULL /* EC, bits [31:26], as a field value mask */
#define ESR_IL_SHIFT   25
#define ESR_IL	       (1ULL << 25) /* IL: 1 = 32-bit instruction (see esr_il()) */
#define ESR_ISS_MASK   0x1ffffffULL /* ISS, bits [24:0] */
#define ESR_ISS2_SHIFT 32
#define ESR_ISS2_MASK  0xffffffULL     /* ISS2, bits [55:32], as a field value mask */
#define ESR_RES0_MASK  (0xffULL << 56) /* bits [63:56] */

/*
 * Exception classes (ESR_ELx.EC). Names follow Linux's ESR_ELx_EC_* where it has one. Values not
 * listed are unallocated; kernel/esr_name.c names them "RESERVED".
 */
#define ESR_EC_UNKNOWN	   0x00 /* unknown reason (also UNDEFINED instructions) */
#define ESR_EC_WFX	   0x01 /* trapped WFI, WFE, WFIT, WFET */
#define ESR_EC_CP15_32	   0x03 /* AArch32 MCR/MRC, coproc 0b1111 */
#define ESR_EC_CP15_64	   0x04 /* AArch32 MCRR/MRRC, coproc 0b1111 */
#define ESR_EC_CP14_MR	   0x05 /* AArch32 MCR/MRC, coproc 0b1110 */
#define ESR_EC_CP14_LS	   0x06 /* AArch32 LDC/STC */
#define ESR_EC_FP_ASIMD	   0x07 /* SVE, Advanced SIMD or FP access trap */
#define ESR_EC_CP10_ID	   0x08 /* AArch32 VMRS ID group trap (EL2 only) */
#define ESR_EC_PAC	   0x09 /* pointer authentication trap (EL2 and above) */
#define ESR_EC_OTHER	   0x0A /* LD64B/ST64B* and other traps; BXJ in ARMv8.0 */
#define ESR_EC_CP14_64	   0x0C /* AArch32 MRRC, coproc 0b1110 */
#define ESR_EC_BTI	   0x0D /* Branch Target exception */
#define ESR_EC_ILL	   0x0E /* Illegal Execution state */
#define ESR_EC_SVC32	   0x11
#define ESR_EC_HVC32	   0x12
#define ESR_EC_SMC32	   0x13
#define ESR_EC_SVC64	   0x15
#define ESR_EC_HVC64	   0x16
#define ESR_EC_SMC64	   0x17
#define ESR_EC_SYS64	   0x18 /* trapped MSR, MRS or System instruction */
#define ESR_EC_SVE	   0x19
#define ESR_EC_ERET	   0x1A /* trapped ERET/ERETAA/ERETAB (EL2 only) */
#define ESR_EC_TSTART	   0x1B /* FEAT_TME TSTART access */
#define ESR_EC_FPAC	   0x1C /* pointer authentication failure */
#define ESR_EC_SME	   0x1D
#define ESR_EC_GPC	   0x1E /* granule protection check (FEAT_RME, EL3 only) */
#define ESR_EC_IMP_DEF	   0x1F /* IMPLEMENTATION DEFINED (EL3 only) */
#define ESR_EC_IABT_LOW	   0x20
#define ESR_EC_IABT_CUR	   0x21
#define ESR_EC_PC_ALIGN	   0x22
#define ESR_EC_DABT_LOW	   0x24
#define ESR_EC_DABT_CUR	   0x25
#define ESR_EC_SP_ALIGN	   0x26
#define ESR_EC_MOPS	   0x27 /* FEAT_MOPS memory copy/set exception */
#define ESR_EC_FP_EXC32	   0x28
#define ESR_EC_FP_EXC64	   0x2C
#define ESR_EC_GCS	   0x2D /* FEAT_GCS guarded control stack exception */
#define ESR_EC_SERROR	   0x2F
#define ESR_EC_BREAKPT_LOW 0x30
#define ESR_EC_BREAKPT_CUR 0x31
#define ESR_EC_SOFTSTP_LOW 0x32
#define ESR_EC_SOFTSTP_CUR 0x33
#define ESR_EC_WATCHPT_LOW 0x34
#define ESR_EC_WATCHPT_CUR 0x35
#define ESR_EC_BKPT32	   0x38
#define ESR_EC_VECTOR32	   0x3A /* AArch32 vector catch (EL2 only) */
#define ESR_EC_BRK64	   0x3C
#define ESR_EC_MAX	   0x3F

/* Condition-code fields shared by WFx and the AArch32 trap encodings. */
#define ESR_ISS_CV	   (1ULL << 24) /* CV: COND is valid */
#define ESR_ISS_COND_SHIFT 20
#define ESR_ISS_COND_MASK  0xfULL /* COND, bits [23:20] */
#define ESR_COND_AL	   0xe	  /* "always": what AArch64 traps report */

/* Software Step ISS (EC 0x32/0x33). */
#define ESR_ISS_SS_ISV (1ULL << 24) /* ISV: EX is valid (the step completed an instruction) */
#define ESR_ISS_SS_EX  (1ULL << 6)  /* EX: the stepped instruction was a load-exclusive */
/*
 * AArch32 trap encodings ("ISS encoding for an exception from an MCR or MRC access", "... MCRR
 * or MRRC access", "... LDC or STC instruction", "... SMC instruction execution in AArch32
 * state"). CV/COND above are bits [24:20] of all of them. Rt/Rt2/Rn hold the AArch64 view of
 * the AArch32 register (e.g. LR in Supervisor mode is 18; PC/APSR_nzcv is 0b11111).
 */
#define ESR_ISS_CP_OPC2_SHIFT	  17 /* MCR/MRC/VMRS: Opc2, bits [19:17] */
#define ESR_ISS_CP_OPC1_SHIFT	  14 /* MCR/MRC/VMRS: Opc1, bits [16:14] */
#define ESR_ISS_CP_CRN_SHIFT	  10 /* MCR/MRC/VMRS: CRn, bits [13:10] */
#define ESR_ISS_CP_RT_SHIFT	  5  /* Rt, bits [9:5], all four encodings */
#define ESR_ISS_CP_RT_MASK	  0x1fULL
#define ESR_ISS_CP_CRM_SHIFT	  1	       /* CRm, bits [4:1] */
#define ESR_ISS_CP_DIR_READ	  1ULL	       /* Direction, bit [0]: MRC/MRRC/VMRS, or LDC */
#define ESR_ISS_CP64_OPC1_SHIFT	  16	       /* MCRR/MRRC: Opc1, bits [19:16] */
#define ESR_ISS_CP64_RT2_SHIFT	  10	       /* MCRR/MRRC: Rt2, bits [14:10] */
#define ESR_ISS_LDC_IMM8_SHIFT	  12	       /* LDC/STC: imm8, bits [19:12] */
#define ESR_ISS_LDC_OFFSET_ADD	  (1ULL << 4)  /* LDC/STC: Offset, bit [4]: U, add */
#define ESR_ISS_LDC_AM_SHIFT	  1	       /* LDC/STC: AM, bits [3:1]: literal, P, W */
#define ESR_ISS_SMC32_CCKNOWNPASS (1ULL << 19) /* SMC: might have failed its condition check */

/* Data Abort ISS ("ISS encoding for an exception from a Data Abort"). */
#define ESR_ISS_DABT_ISV       (1ULL << 24) /* ISV: ISS[23:14] hold a valid syndrome */
#define ESR_ISS_DABT_SAS_SHIFT 22
#define ESR_ISS_DABT_SAS_MASK  0x3ULL	    /* SAS, bits [23:22]: access size, log2 bytes */
#define ESR_ISS_DABT_SSE       (1ULL << 21) /* SSE: the load sign-extends */
#define ESR_ISS_DABT_SRT_SHIFT 16
#define ESR_ISS_DABT_SRT_MASK  0x1fULL	    /* SRT, bits [20:16]: Rt (31 = XZR/WZR) */
#define ESR_ISS_DABT_SF	       (1ULL << 15) /* SF: Rt is a 64-bit (X) register */
#define ESR_ISS_DABT_AR	       (1ULL << 14) /* AR: acquire/release semantics */
#define ESR_ISS_DABT_VNCR      (1ULL << 13) /* VNCR: fault on a VNCR_EL2 access (FEAT_NV2) */
#define ESR_ISS_DABT_CM	       (1ULL << 8)  /* CM: cache maintenance or AT instruction */
#define ESR_ISS_DABT_WNR       (1ULL << 6)  /* WnR: 1 = write */

/* Fields shared by the Data Abort and Instruction Abort ISS encodings. */
#define ESR_ISS_ABT_SET_SHIFT 11
#define ESR_ISS_ABT_SET_MASK  0x3ULL	   /* SET (or LST), bits [12:11] */
#define ESR_ISS_ABT_FNV	      (1ULL << 10) /* FnV: FAR is not valid */
#define ESR_ISS_ABT_EA	      (1ULL << 9)  /* EA: external abort type */
#define ESR_ISS_ABT_S1PTW     (1ULL << 7)  /* S1PTW: stage 2 fault on a stage 1 walk */
#define ESR_ISS_ABT_FSC_MASK  0x3fULL	   /* DFSC/IFSC, bits [5:0] */

/* SAS values. */
#define ESR_SAS_BYTE  0
#define ESR_SAS_HALF  1
#define ESR_SAS_WORD  2
#define ESR_SAS_DWORD 3

/*
 * Fault status codes (DFSC/IFSC). Levels 0..3 for the per-level codes; the negative levels of
 * FEAT_LPA2 (-1) and FEAT_D128 (-2) are not contiguous, so they have their own names.
 */
#define ESR_FSC_TYPE_MASK	0x3c
#define ESR_FSC_LEVEL_MASK	0x03
#define ESR_FSC_ADDR_SIZE(l)	(0x00 + (l)) /* address size fault, level l */
#define ESR_FSC_TRANS(l)	(0x04 + (l)) /* translation fault, level l */
#define ESR_FSC_ACCESS(l)	(0x08 + (l)) /* access flag fault (level 0: FEAT_LPA2) */
#define ESR_FSC_PERM(l)		(0x0C + (l)) /* permission fault (level 0: FEAT_LPA2) */
#define ESR_FSC_SEA		0x10	     /* synchronous external abort, not on a walk */
#define ESR_FSC_TAG_CHECK	0x11	     /* synchronous tag check fault (FEAT_MTE2) */
#define ESR_FSC_SEA_TTW(l)	(0x14 + (l)) /* synchronous external abort on a walk */
#define ESR_FSC_PARITY		0x18	     /* parity/ECC error, not on a walk (no RAS) */
#define ESR_FSC_PARITY_TTW(l)	(0x1C + (l)) /* parity/ECC error on a walk (no RAS) */
#define ESR_FSC_ALIGN		0x21	     /* alignment fault */
#define ESR_FSC_DEBUG		0x22	     /* debug exception (breakpoint, watchpoint, step) */
#define ESR_FSC_GPF_TTW(l)	(0x24 + (l)) /* granule protection fault on a walk */
#define ESR_FSC_GPF		0x28	     /* granule protection fault, not on a walk */
#define ESR_FSC_ADDR_SIZE_LM1	0x29	     /* address size fault, level -1 */
#define ESR_FSC_TRANS_LM2	0x2A	     /* translation fault, level -2 */
#define ESR_FSC_TRANS_LM1	0x2B	     /* translation fault, level -1 */
#define ESR_FSC_ADDR_SIZE_LM2	0x2C	     /* address size fault, level -2 */
#define ESR_FSC_SEA_TTW_LM2	0x12
#define ESR_FSC_SEA_TTW_LM1	0x13
#define ESR_FSC_PARITY_TTW_LM1	0x1B
#define ESR_FSC_GPF_TTW_LM2	0x22
#define ESR_FSC_GPF_TTW_LM1	0x23
#define ESR_FSC_TLB_CONFLICT	0x30
#define ESR_FSC_ATOMIC_HW_UPD	0x31 /* unsupported atomic hardware update */
#define ESR_FSC_IMPDEF_LOCKDOWN 0x34
#define ESR_FSC_IMPDEF_EXCL	0x35 /* unsupported exclusive or atomic access */
#define ESR_FSC_DOMAIN_SECTION	0x3D /* AArch32 short-descriptor, PAR only */
#define ESR_FSC_DOMAIN_PAGE	0x3E /* AArch32 short-descriptor, PAR only */

/* WF* ISS ("ISS encoding for an exception from a WF* instruction"); CV/COND above. */
#define ESR_ISS_WFX_RN_SHIFT 5
#define ESR_ISS_WFX_RN_MASK  0x1fULL	 /* RN, bits [9:5]: WFET/WFIT timeout register */
#define ESR_ISS_WFX_RV	     (1ULL << 2) /* RV: RN is valid */
#define ESR_ISS_WFX_TI_MASK  0x3ULL	 /* TI, bits [1:0] */
#define ESR_WFX_TI_WFI	     0
#define ESR_WFX_TI_WFE	     1
#define ESR_WFX_TI_WFIT	     2
#define ESR_WFX_TI_WFET	     3

/* HVC, SVC, SMC (AArch64) and BRK: the instruction's 16-bit immediate in ISS[15:0]. */
#define ESR_ISS_IMM16_MASK 0xffffULL

/* MSR/MRS/SYS ISS ("ISS encoding for an exception from MSR, MRS, or System instruction ..."). */
#define ESR_ISS_SYS64_OP0_SHIFT 20
#define ESR_ISS_SYS64_OP0_MASK	0x3ULL /* Op0, bits [21:20] */
#define ESR_ISS_SYS64_OP2_SHIFT 17
#define ESR_ISS_SYS64_OP2_MASK	0x7ULL /* Op2, bits [19:17] */
#define ESR_ISS_SYS64_OP1_SHIFT 14
#define ESR_ISS_SYS64_OP1_MASK	0x7ULL /* Op1, bits [16:14] */
#define ESR_ISS_SYS64_CRN_SHIFT 10
#define ESR_ISS_SYS64_CRN_MASK	0xfULL /* CRn, bits [13:10] */
#define ESR_ISS_SYS64_RT_SHIFT	5
#define ESR_ISS_SYS64_RT_MASK	0x1fULL /* Rt, bits [9:5] */
#define ESR_ISS_SYS64_CRM_SHIFT 1
#define ESR_ISS_SYS64_CRM_MASK	0xfULL /* CRm, bits [4:1] */
#define ESR_ISS_SYS64_DIR_READ	1ULL   /* Direction, bit [0]: 1 = read (MRS) */

/*
 * The ISS bits that name a system register, with arguments in the order the register is
 * spelled (S<op0>_<op1>_C<n>_C<m>_<op2>). Note: Linux's ESR_ELx_SYS64_ISS_SYS_VAL takes
 * (op0, op1, op2, crn, crm); this one does not.
 */
#define ESR_ISS_SYS64_VAL(op0, op1, crn, crm, op2)                                                 \
	((((unsigned long long)(op0)&ESR_ISS_SYS64_OP0_MASK) << ESR_ISS_SYS64_OP0_SHIFT) |         \
	 (((unsigned long long)(op1)&ESR_ISS_SYS64_OP1_MASK) << ESR_ISS_SYS64_OP1_SHIFT) |         \
	 (((unsigned long long)(crn)&ESR_ISS_SYS64_CRN_MASK) << ESR_ISS_SYS64_CRN_SHIFT) |         \
	 (((unsigned long long)(crm)&ESR_ISS_SYS64_CRM_MASK) << ESR_ISS_SYS64_CRM_SHIFT) |         \
	 (((unsigned long long)(op2)&ESR_ISS_SYS64_OP2_MASK) << ESR_ISS_SYS64_OP2_SHIFT))

/* Every ISS bit of ESR_ISS_SYS64_VAL(): compare (iss & MASK) to a VAL to match a register. */
#define ESR_ISS_SYS64_SYS_MASK ESR_ISS_SYS64_VAL(0x3, 0x7, 0xf, 0xf, 0x7)

/* Trapped floating-point exception ISS ("ISS encoding for an exception from a trapped FP"). */
#define ESR_ISS_FP_TFV		(1ULL << 23) /* TFV: the flag bits below are valid */
#define ESR_ISS_FP_VECITR_SHIFT 8
#define ESR_ISS_FP_VECITR_MASK	0x7ULL	    /* VECITR, bits [10:8]: UNKNOWN from AArch64 */
#define ESR_ISS_FP_IDF		(1ULL << 7) /* input denormal */
#define ESR_ISS_FP_IXF		(1ULL << 4) /* inexact */
#define ESR_ISS_FP_UFF		(1ULL << 3) /* underflow */
#define ESR_ISS_FP_OFF		(1ULL << 2) /* overflow */
#define ESR_ISS_FP_DZF		(1ULL << 1) /* divide by zero */
#define ESR_ISS_FP_IOF		(1ULL << 0) /* invalid operation */

/** esr_field() - bits [@shift + width - 1 : @shift] of @v, where @mask is the unshifted mask. */
static inline uint64_t esr_field(uint64_t v, unsigned shift, uint64_t mask)
{
	return (v >> shift) & mask;
}

/** esr_ec() - the Exception Class, ESR_ELx bits [31:26] (masked: ISS2 sits above it). */
static inline unsigned esr_ec(uint64_t esr)
{
	return (unsigned)esr_field(esr, ESR_EC_SHIFT, ESR_EC_MASK);
}

/** esr_il() - ESR_ELx.IL, bit [25]: 1 for a 32-bit instruction and for the cases it is RES1. */
static inline unsigned esr_il(uint64_t esr)
{
	return (unsigned)esr_field(esr, ESR_IL_SHIFT, 1);
}

/** esr_iss() - the Instruction Specific Syndrome, ESR_ELx bits [24:0]. */
static inline uint32_t esr_iss(uint64_t esr)
{
	return (uint32_t)(esr & ESR_ISS_MASK);
}

/** esr_iss2() - ISS2, ESR_ELx bits [55:32] (FEAT_LS64, FEAT_MTE, FEAT_GCS, ...; else RES0). */
static inline uint32_t esr_iss2(uint64_t esr)
{
	return (uint32_t)esr_field(esr, ESR_ISS2_SHIFT, ESR_ISS2_MASK);
}

/** esr_make() - compose a syndrome from EC, IL, ISS and ISS2, each masked to its field. */
static inline uint64_t esr_make(unsigned ec, bool il, uint32_t iss, uint32_t iss2)
{
	return ((uint64_t)(ec & ESR_EC_MASK) << ESR_EC_SHIFT) | (il ? ESR_IL : 0) |
	       (iss & ESR_ISS_MASK) | ((uint64_t)(iss2 & ESR_ISS2_MASK) << ESR_ISS2_SHIFT);
}

#endif /* ARCH_ESR_H */
