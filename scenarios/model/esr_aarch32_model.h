/* SPDX-License-Identifier: MIT */
/*
 * The syndrome oracle for exceptions taken to EL2 (AArch64) from EL1 executing in AArch32
 * state: the ESR_EL2 values the Arm ARM (DDI 0487) permits for trapped WFI/WFE, MCR/MRC,
 * MCRR/MRRC, VMRS, LDC/STC, HVC and SMC issued as A32 or T32 instructions. Pure code,
 * unit-tested on the host (tests/unit/esr_aarch32_model_test.c).
 *
 * Two rules make these syndromes differ from the AArch64 ones (scenarios/model/esr_model.h):
 *
 * - ConditionSyndrome(), ISS[24:20] = CV:COND, is not one value but a set. From ESR_EL2 "CV"
 *   and "COND": an A32 instruction reports CV = 1 and COND = its cond field (0b1110 when
 *   unconditional); a conditional A32 instruction "known to pass its condition code check can
 *   be presented either with COND set to 0b1110 ... or with the COND value held in the
 *   instruction". For T32 it is IMPLEMENTATION DEFINED whether CV = 0 with COND UNKNOWN, or
 *   CV = 1 with COND = the condition that applied (0b1110 outside an IT block); and "for an
 *   implementation that, for both T32 and A32 instructions, takes an exception on a trapped
 *   conditional instruction only if the instruction passes its condition code check ... when
 *   CV is set to 1 it is IMPLEMENTATION DEFINED whether the COND field is set to 0b1110, or to
 *   the value of any condition that applied". hyptap's payloads only trap instructions that
 *   pass their condition check, so the oracle accepts exactly this set:
 *     A32, unconditional:      {CV 1, COND 0xe}
 *     A32, cond c (passes):    {CV 1, COND c}, {CV 1, COND 0xe}
 *     T32, condition c applied: {CV 1, COND c}, {CV 1, COND 0xe}, {CV 0, COND any}
 *   (for T32 outside an IT block c = 0xe, so the first two coincide).
 * - IL (AArch64.ExceptionClass(): il = ThisInstrLength() == 32) is 0 for a 16-bit T32
 *   instruction, 1 for every A32 and 32-bit T32 one.
 *
 * Register fields (Rt, Rt2, Rn) report "the AArch64 view of the register" (ESR_EL2, Rt:
 * "If the Rt value is not 0b1111, then the reported value gives the AArch64 view of the
 * register. Otherwise ... the register specifier takes the value 0b11111"): callers pass
 * aarch32_reg_view64(mode, r), not the AArch32 number.
 */
#ifndef MODEL_ESR_AARCH32_MODEL_H
#define MODEL_ESR_AARCH32_MODEL_H

#include <stdbool.h>
#include <stdint.h>

/** One permitted syndrome: every bit set in @mask must equal @value. */
struct esr_alt {
	uint64_t value;
	uint64_t mask;
};

#define ESR_SET_MAX 6

/** The set of syndromes the architecture permits for one trap (alternatives, any matches). */
struct esr_set {
	unsigned count;
	struct esr_alt alt[ESR_SET_MAX];
};

/** esr_set_contains() - whether @esr is one of the syndromes in @set. */
bool esr_set_contains(const struct esr_set *set, uint64_t esr);

/**
 * struct a32_issue - how the trapped AArch32 instruction was issued.
 * @t32: T32 (PSTATE.T = 1), else A32.
 * @t16: a 16-bit T32 encoding (IL = 0).
 * @cond: the condition that applied: the A32 cond field, or the IT block's condition for T32;
 *	0xe for an unconditional instruction or a T32 instruction outside an IT block. The
 *	instruction passes its condition check (see the file comment).
 */
struct a32_issue {
	bool t32;
	bool t16;
	unsigned cond;
};

#define AARCH32_REG_NONE 0xffu

/**
 * aarch32_reg_view64() - the AArch64 register number of AArch32 register @r in @mode.
 * @mode: PSTATE.M[4:0] of the AArch32 mode (PSR32_M_*).
 * @r: 0..15.
 *
 * Arm ARM "Mapping of the general-purpose registers between the Execution states": R0-R7 are
 * X0-X7 in every mode; R8-R12 are X8-X12 except in FIQ mode (X24-X28); SP is X13 (User,
 * System), X15 (Hyp), X17 (IRQ), X19 (Supervisor), X21 (Abort), X23 (Undefined), X29 (FIQ);
 * LR is X14 (User, System, Hyp), X16 (IRQ), X18 (Supervisor), X20 (Abort), X22 (Undefined),
 * X30 (FIQ). R15 is reported as 0b11111 (ESR_EL2 Rt). Monitor mode has no AArch64 view when
 * EL3 is AArch64.
 *
 * Return: 0..31, or AARCH32_REG_NONE for a mode or register without a view.
 */
unsigned aarch32_reg_view64(unsigned mode, unsigned r);

/**
 * esr_expect_a32_wfx() - WFI/WFE from AArch32 trapped by HCR_EL2.{TWI,TWE} (EC 0x01).
 * @ti: ESR_WFX_TI_WFI or ESR_WFX_TI_WFE.
 *
 * AArch64.WFxTrap(): ISS[24:20] = ConditionSyndrome(), [19:2] RES0 (RV/RN exist only for the
 * AArch64 WFIT/WFET), TI in [1:0]. IL = 0 for the 16-bit T32 WFI/WFE.
 */
struct esr_set esr_expect_a32_wfx(const struct a32_issue *is, unsigned ti);

/**
 * esr_expect_a32_mcr() - MCR/MRC trapped to EL2 (EC 0x03 for coproc 0b1111, 0x05 for 0b1110).
 * @ec: ESR_EC_CP15_32 or ESR_EC_CP14_MR.
 * @rt64: aarch32_reg_view64() of Rt.
 * @is_read: MRC (Direction 1), else MCR.
 *
 * AArch32.AArch32SystemAccessTrapSyndrome(): Opc2 [19:17], Opc1 [16:14], CRn [13:10],
 * Rt [9:5], CRm [4:1], Direction [0].
 */
struct esr_set esr_expect_a32_mcr(unsigned ec, const struct a32_issue *is, unsigned opc1,
				  unsigned crn, unsigned crm, unsigned opc2, unsigned rt64,
				  bool is_read);

/**
 * esr_expect_a32_mcrr() - MCRR/MRRC trapped to EL2 (EC 0x04 for coproc 0b1111, 0x0C for
 * 0b1110): Opc1 [19:16], [15] RES0, Rt2 [14:10], Rt [9:5], CRm [4:1], Direction [0].
 */
struct esr_set esr_expect_a32_mcrr(unsigned ec, const struct a32_issue *is, unsigned opc1,
				   unsigned crm, unsigned rt64, unsigned rt2_64, bool is_read);

/**
 * esr_expect_a32_vmrs() - VMRS of an ID register trapped by HCR_EL2.TID0/TID3 (EC 0x08).
 * @reg: the VMRS reg field (FPSID 0b0000, MVFR2 0b0101, MVFR1 0b0110, MVFR0 0b0111).
 *
 * The MCR/MRC layout with "Opc2 ... For a trapped VMRS access, holds the value 0b000",
 * "Opc1 ... 0b111", "CRn ... the reg field from the VMRS instruction encoding", "CRm ...
 * 0b0000", Direction 1.
 */
struct esr_set esr_expect_a32_vmrs(const struct a32_issue *is, unsigned reg, unsigned rt64);

/**
 * struct a32_ldc - an LDC/STC to p14 c5 (the only architected ones: DBGDTRTXint/DBGDTRRXint).
 * @load: LDC (Direction 1, memory to DBGDTRTXint), else STC (DBGDTRRXint to memory).
 * @imm8: the instruction's imm8 (the offset is imm8 * 4).
 * @rn64: aarch32_reg_view64() of Rn; ignored for a literal form (Rn UNKNOWN).
 * @add: the U bit.
 * @literal: Rn is the PC (LDC literal).
 * @p: the P bit.
 * @w: the W bit.
 */
struct a32_ldc {
	bool load;
	unsigned imm8;
	unsigned rn64;
	bool add, literal, p, w;
};

/**
 * esr_expect_a32_ldc_stc() - LDC/STC trapped by MDCR_EL2.TDA (EC 0x06): imm8 [19:12],
 * [11:10] RES0, Rn [9:5] (UNKNOWN for a literal form), Offset [4] = U, AM [3:1] = literal:P:W,
 * Direction [0] (AArch32.AArch32SystemAccessTrapSyndrome()).
 */
struct esr_set esr_expect_a32_ldc_stc(const struct a32_issue *is, const struct a32_ldc *l);

/**
 * esr_expect_hvc32() - HVC #imm16 from AArch32 (EC 0x12): IL 1 (A32 and T32 HVC are 32-bit),
 * ISS[15:0] = imm16, [24:16] RES0. "The HVC instruction is unconditional ... the syndrome
 * information for these exceptions does not require conditionality information."
 */
uint64_t esr_expect_hvc32(uint16_t imm16);

/**
 * esr_expect_smc32() - SMC from AArch32 EL1 trapped by HCR_EL2.TSC (EC 0x13), when EL3 exists.
 *
 * ISS: CCKNOWNPASS [19] = 0 "the instruction was unconditional, or was conditional and passed
 * its condition code check", 1 "might have failed"; CV and COND are "valid only if CCKNOWNPASS
 * is 1, otherwise RES0"; [18:0] RES0. IL 1 (SMC is 32-bit in A32 and T32). An unconditional SMC
 * is therefore exactly 0x4e000000; a conditional one that passed may report either
 * CCKNOWNPASS value.
 */
struct esr_set esr_expect_smc32(const struct a32_issue *is);

/**
 * struct a32_dabt - an AArch32 load or store that took a stage 2 Data Abort.
 * @size_log2: 0 byte, 1 halfword, 2 word.
 * @is_write: a store (WnR = 1).
 * @sign_extend: LDRSB/LDRSH.
 * @rt: the AArch32 transfer register, 0..14.
 * @mode: PSTATE.M of the mode it executed in (PSR32_M_*), for the AArch64 view of @rt.
 * @t16: a 16-bit T32 encoding.
 */
struct a32_dabt {
	unsigned size_log2;
	bool is_write;
	bool sign_extend;
	unsigned rt;
	unsigned mode;
	bool t16;
};

/**
 * esr_expect_a32_dabt_s2() - ESR_EL2 of a stage 2 Data Abort (fault status @fsc) on the single
 * register load/store @a from AArch32 EL1 (EC 0x24), not on a stage-1 walk.
 *
 * AArch64.FaultSyndrome() gives a stage 2 fault LSInstructionSyndrome(): for the AArch32
 * LDR/LDRB/LDRH/LDRSB/LDRSH/STR/STRB/STRH family without writeback and without R15 (the ISV
 * list of "ISS encoding for an exception from a Data Abort"), ISV = 1, SAS = size, SSE = sign
 * extension, SRT = the AArch64 view of Rt in @a->mode (aarch32_reg_view64()), SF = 0 (a 32-bit
 * register), AR = 0 (not LDA/STL). IL = 0 for a 16-bit T32 instruction, else 1 ("IL ... for an
 * exception with ISV = 1 ... the length of the instruction"). WnR, DFSC = @fsc; S1PTW, CM, EA,
 * FnV, VNCR 0.
 */
uint64_t esr_expect_a32_dabt_s2(const struct a32_dabt *a, unsigned fsc);

#endif /* MODEL_ESR_AARCH32_MODEL_H */
