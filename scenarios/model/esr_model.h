/* SPDX-License-Identifier: MIT */
/*
 * The syndrome oracle: the ESR_EL2 / FAR_EL2 / HPFAR_EL2 values, and the emulated MMIO results,
 * that the Arm architecture requires for the traps hyptap provokes. Each function is named
 * after the rule it encodes and cites it. Pure code, no hardware: unit-tested on the host
 * (tests/unit/esr_model_test.c) and used by the scenarios as the "expected" side.
 *
 * Scope: exceptions taken to EL2 from a lower Exception level executing in AArch64 state, so
 * every trapped instruction is 32 bits long.
 */
#ifndef MODEL_ESR_MODEL_H
#define MODEL_ESR_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/**
 * struct dabt_access - the guest's data access that took a stage 2 Data Abort.
 * @size_log2: access size, log2 of the bytes: 0 byte, 1 halfword, 2 word, 3 doubleword.
 * @is_write: a store (WnR = 1). With @s1ptw, the direction of the stage 1 walk access instead:
 *	false for a descriptor read, true for a hardware Access flag/dirty-state update.
 * @sign_extend: a sign-extending load (LDRSB, LDRSH, LDRSW).
 * @rt: the transfer register, 0..31 (31 = XZR/WZR).
 * @sf: @rt is an X register (64-bit), not a W register.
 * @acqrel: acquire/release semantics (LDAR*, STLR*, LDAPR*).
 * @valid_syndrome: the instruction is one for which the architecture reports an instruction
 *	syndrome: a load or store of a single general-purpose register, without writeback, not
 *	exclusive, not a pair, not SIMD/FP (Arm ARM, Data Abort ISS, ISV).
 * @s1ptw: the stage 2 fault was on the stage 1 translation table walk, not on the data access.
 * @cm: the access is a cache maintenance instruction (DC IVAC, DC CIVAC, ...): CM = 1, and
 *	WnR is 1 for it whatever @is_write says ("for faults on cache maintenance and address
 *	translation instructions, this bit always returns a value of 1").
 */
struct dabt_access {
	unsigned size_log2;
	bool is_write;
	bool sign_extend;
	unsigned rt;
	bool sf;
	bool acqrel;
	bool valid_syndrome;
	bool s1ptw;
	bool cm;
};

/**
 * esr_expect_hvc64() - syndrome of HVC #imm16 executed at EL1 in AArch64 state.
 *
 * AArch64.CallHypervisor(): EC 0x16 (HVC instruction execution in AArch64 state), IL = 1,
 * ISS[15:0] = imm16, ISS[24:16] RES0 ("ISS encoding for an exception from HVC or SVC
 * instruction execution"). Linux's "HVC #0" from EL1 gives 0x5a000000.
 */
uint64_t esr_expect_hvc64(uint16_t imm16);

/**
 * esr_expect_smc64() - syndrome of SMC #imm16 at EL1 trapped to EL2 by HCR_EL2.TSC.
 *
 * AArch64.CheckForSMCUndefOrTrap() takes the trap with EC 0x17 (SMC instruction execution in
 * AArch64 state), IL = 1, ISS[15:0] = imm16, ISS[24:16] RES0 ("ISS encoding for an exception
 * from SMC instruction execution in AArch64 state").
 */
uint64_t esr_expect_smc64(uint16_t imm16);

/**
 * esr_expect_wfx() - syndrome of a WFI/WFE/WFIT/WFET from AArch64 trapped by HCR_EL2.{TWI,TWE}.
 * @ti: ESR_WFX_TI_WFI, _WFE, _WFIT or _WFET.
 * @rv: for WFIT/WFET, whether RN is valid (1 for a trapped AArch64 WFIT/WFET).
 * @rn: for WFIT/WFET, the timeout register Xt.
 *
 * AArch64.WFxTrap(): EC 0x01, IL = 1, ISS[24:20] = ConditionSyndrome(), which for an exception
 * taken from AArch64 is CV = 1 and COND = 0b1110 (ESR_EL2, "ISS encoding for an exception from
 * a WF* instruction": CV "is set to 1" and COND "is set to 0b1110" for exceptions taken from
 * AArch64; QEMU's syn_wfx(1, 0xe, ...) agrees): so a trapped WFI is 0x07e00000, not
 * 0x06000000. ISS[1:0] = TI. RV (bit 2) and RN (bits [9:5]) are defined
 * only when TI[1] == 1 (WFxT, FEAT_WFxT) and RES0 otherwise, so @rv and @rn are ignored for
 * WFI/WFE. ISS[19:10] and [4:3] are RES0.
 */
uint64_t esr_expect_wfx(unsigned ti, bool rv, unsigned rn);

/**
 * esr_expect_sys64() - syndrome of a trapped MRS, MSR or SYS/SYSL from AArch64 (EC 0x18).
 * @op0: register encoding, as in S<op0>_<op1>_C<n>_C<m>_<op2>.
 * @op1: register encoding.
 * @crn: register encoding.
 * @crm: register encoding.
 * @op2: register encoding.
 * @rt: the transfer register (31 for XZR).
 * @is_read: MRS/SYSL (Direction = 1) rather than MSR/SYS (Direction = 0).
 *
 * AArch64.SystemAccessTrapSyndrome(): IL = 1, ISS = Op0 [21:20], Op2 [19:17], Op1 [16:14],
 * CRn [13:10], Rt [9:5], CRm [4:1], Direction [0], ISS[24:22] RES0 ("ISS encoding for an
 * exception from MSR, MRS, or System instruction execution in AArch64 state").
 */
uint64_t esr_expect_sys64(unsigned op0, unsigned op1, unsigned crn, unsigned crm, unsigned op2,
			  unsigned rt, bool is_read);

/**
 * esr_expect_dabt_s2() - syndrome of a stage 2 Data Abort on @a, taken from EL1/EL0 to EL2.
 * @a: the faulting access.
 * @fsc: the stage 2 fault status code, e.g. ESR_FSC_TRANS(3).
 *
 * AArch64.FaultSyndrome() with EC 0x24 (Data Abort from a lower Exception level):
 * - ISV = 1, and ISS[23:14] = LSInstructionSyndrome(), only for a stage 2 fault that is not on
 *   the stage 1 walk (!fault.s2fs1walk) of an access with a valid syndrome (a single GPR load
 *   or store, no writeback, not exclusive). Otherwise ISV = 0 and ISS[23:14] are RES0.
 * - SAS = size_log2. SSE = 1 only for a sign-extending load narrower than 64 bits ("for all
 *   other operations, this bit is 0"). SRT = Rt, SF = 64-bit register, AR = acquire/release.
 * - IL = 1: the A64 instruction is 32 bits, and IL is 1 anyway when ISV = 0 (ESR_EL2.IL).
 * - S1PTW = fault on the stage 1 walk; WnR = write (for S1PTW: the walk's own access, see
 *   struct dabt_access). FSC = @fsc.
 * - VNCR, SET/LST, FnV, EA, CM = 0: not a VNCR_EL2 access, not an external abort, not a cache
 *   maintenance or AT instruction. ISS2 = 0 (no LS64, MTE, GCS, or permission overlays).
 * Example: "str w1, [x0]" to an unmapped IPA with a level 3 stage 2 table gives 0x93810047.
 */
uint64_t esr_expect_dabt_s2(const struct dabt_access *a, unsigned fsc);

/**
 * esr_expect_brk64() - syndrome of BRK #imm16 from EL1/EL0, routed to EL2 (MDCR_EL2.TDE or
 * HCR_EL2.TGE).
 *
 * AArch64.SoftwareBreakpoint(): EC 0x3C, IL = 1, ISS[15:0] = the comment field, ISS[24:16]
 * RES0 ("ISS encoding for an exception from a Breakpoint instruction"). Linux's BUG() (BRK
 * #0x800) gives 0xf2000800.
 */
uint64_t esr_expect_brk64(uint16_t imm16);

/**
 * esr_expect_unknown() - syndrome of an exception with an unknown reason (EC 0x00), e.g. an
 * UNDEFINED instruction at EL0 with HCR_EL2.TGE = 1, or a trap with no dedicated EC.
 *
 * AArch64.UndefinedFault(): EC 0x00, ISS RES0, and IL = 1 ("an exception reported using EC
 * 0b000000" is one of the cases ESR_EL2.IL lists as 1): 0x02000000.
 */
uint64_t esr_expect_unknown(void);

/**
 * esr_expect_svc64() - ESR_EL1 of SVC #imm16 from AArch64 EL0 (EC 0x15, IL 1, ISS = imm16).
 * AArch64.CallSupervisor(); ISS[24:16] RES0.
 */
uint64_t esr_expect_svc64(uint16_t imm16);

/**
 * esr_expect_iabt_s2() - syndrome of a stage 2 fault on an instruction fetch from EL1/EL0
 * (EC 0x20): IL 1, IFSC = @fsc, S1PTW = 0 (the fetch itself, not its stage 1 walk).
 */
uint64_t esr_expect_iabt_s2(unsigned fsc);

/**
 * esr_expect_iabt_s2_s1ptw() - as esr_expect_iabt_s2(), for a stage 2 fault on the stage 1
 * translation table walk (or the hardware descriptor update) of the fetch: S1PTW = 1
 * (AArch64.FaultSyndrome(): ISS[7] = fault.s2fs1walk). The Instruction Abort ISS has no WnR.
 */
uint64_t esr_expect_iabt_s2_s1ptw(unsigned fsc);

/**
 * esr_expect_fp_access() - syndrome of an FP/SIMD instruction from AArch64 trapped by
 * CPTR_EL2.TFP (or CPACR_EL1.FPEN): EC 0x07, IL 1, CV 1, COND 0xe.
 */
uint64_t esr_expect_fp_access(void);

/** esr_diff_mask() - the syndrome bits that differ between @expected and @got. */
uint64_t esr_diff_mask(uint64_t expected, uint64_t got);

/**
 * esr_explain_diff() - name each syndrome field that differs, for a failure's YAML block.
 * @expected: the oracle's syndrome.
 * @got: the syndrome the CPU reported.
 * @buf: output, always NUL-terminated when @len is not 0; "" when the values are equal.
 * @len: size of @buf.
 *
 * Fields are cut according to the ISS layout of the expected EC (ESR_EL2 "ISS encoding for
 * ..."), e.g. "SRT: expected 1, got 3; WnR: expected 1, got 0". When the ECs differ the ISS
 * layouts are unrelated, so the ISS is compared whole. Differences in ISS bits that no field
 * of the layout covers (RES0 bits) are reported as "ISS[RES0]", then ISS2 and bits [63:56].
 *
 * Return: the number of differing items (0 when @expected == @got).
 */
int esr_explain_diff(uint64_t expected, uint64_t got, char *buf, size_t len);

/**
 * mmio_load_result() - the value an emulated MMIO load must leave in its target register.
 * @raw: the data read from the device (only the low 8 << @size_log2 bits are used).
 * @size_log2: access size, as ESR_EL2.SAS.
 * @sse: ESR_EL2.SSE: sign-extend the data item.
 * @sf: ESR_EL2.SF: the target is an X register; else a W register, whose write zeroes X[63:32].
 *
 * The load pseudocode (e.g. LDRSB: "X[t, regsize] = SignExtend(data, regsize)", LDRB/LDRH/LDR:
 * ZeroExtend) with regsize = 64 if SF else 32, and a write to Wt clearing the upper 32 bits.
 * The same rule KVM applies in kvm_handle_mmio_return().
 */
uint64_t mmio_load_result(uint64_t raw, unsigned size_log2, bool sse, bool sf);

/**
 * mmio_store_value() - the data an emulated MMIO store of @size_log2 writes from register @reg.
 *
 * The store pseudocode: "Mem[address, datasize DIV 8] = X[t, datasize]", i.e. the low 8 <<
 * @size_log2 bits of the register; a store from Wt of a word is the low 32 bits of Xt.
 */
uint64_t mmio_store_value(uint64_t reg, unsigned size_log2);

/**
 * hpfar_expect() - HPFAR_EL2 after a stage 2 fault on intermediate physical address @ipa.
 *
 * HPFAR_EL2.FIPA, bits [43:4], holds IPA[51:12] (bits [43:40] RES0 without FEAT_LPA, where
 * the IPA is at most 48 bits); bits [3:0] and [62:44] are RES0, NS (bit 63) is 0 for a
 * Non-secure fault. (FEAT_D128 extends FIPA to [47:4] for 56-bit IPAs; hyptap's IPA sizes stop
 * at 52 bits.) For an S1PTW fault @ipa is the IPA of the stage 1 descriptor, not of the data.
 */
uint64_t hpfar_expect(uint64_t ipa);

/**
 * far_expect_dabt() - FAR_EL2 after a Data Abort on the guest's access to virtual address @va.
 *
 * FAR_EL2.VA holds the faulting virtual address, including the tag when address tagging is
 * enabled ("For a Data Abort exception, if address tagging is enabled for the address
 * accessed ..., then this field includes the tag"). Valid for translation, access flag,
 * permission and alignment faults, and for external aborts only when FnV == 0. For an access
 * that crosses a granule boundary the architecture does not say which granule's fault is
 * reported; scenarios use naturally aligned accesses, for which FAR is exactly @va.
 */
uint64_t far_expect_dabt(uint64_t va);

/**
 * esr_expect_pac_trap() - an instruction related to pointer authentication trapped to EL2 by
 * HCR_EL2.API = 0 (AArch64.TrapPACUse()): EC 0x09, IL 1, ISS RES0: 0x26000000.
 */
uint64_t esr_expect_pac_trap(void);

/**
 * esr_expect_pac_fail() - an AUT* whose PAC does not match, with FEAT_FPAC (EC 0x1C, IL 1).
 * "ISS encoding for an exception from a Pointer Authentication instruction authentication
 * failure": ISS[1] = 1 for a data key (0 instruction), ISS[0] = 1 for a B key (0 A key).
 */
uint64_t esr_expect_pac_fail(bool data_key, bool b_key);

/**
 * esr_expect_sve_access() - an SVE instruction trapped by CPTR_EL2.TZ or CPACR_EL1.ZEN:
 * EC 0x19, IL 1, ISS RES0 ("ISS encoding for an exception from an access to SVE
 * functionality"): 0x66000000.
 */
uint64_t esr_expect_sve_access(void);

/**
 * esr_expect_breakpoint() - a hardware Breakpoint exception (AArch64.BreakpointException()):
 * EC 0x30 from a lower Exception level, 0x31 from the same one; IL 1 (debug exceptions other
 * than BRK report IL = 1); ISS[5:0] IFSC = 0b100010 (Debug exception), the rest RES0.
 */
uint64_t esr_expect_breakpoint(bool lower_el);

/**
 * esr_expect_watchpoint() - a Watchpoint exception (AArch64.WatchpointException()): EC 0x34
 * from a lower Exception level, 0x35 from the same one; IL 1; ISS[6] WnR = @is_write,
 * ISS[8] CM = 0 (not a cache maintenance instruction), ISS[5:0] DFSC = 0b100010; VNCR, FnV and
 * the FEAT_Debugv8p9 WPT fields 0.
 */
uint64_t esr_expect_watchpoint(bool lower_el, bool is_write);

/**
 * esr_expect_softstep() - a Software Step exception (AArch64.SoftwareStepException()): EC 0x32
 * from a lower Exception level, 0x33 from the same one; IL 1; ISS[24] ISV = 1 when the stepped
 * instruction completed (the step was active-pending), ISS[6] EX = 1 only when ISV and the
 * stepped instruction was a load-exclusive; IFSC = 0b100010.
 */
uint64_t esr_expect_softstep(bool lower_el, bool isv, bool ex);

/**
 * watchpoint_far_ok() - is @far a value the architecture allows in FAR after a watchpoint hit
 * by an access to @addr? "Determining the memory location that caused a Watchpoint exception":
 * the recorded address lies within a naturally-aligned block of memory, of power-of-two size
 * no larger than the DC ZVA block (@zva_bytes), that holds a watchpointed address the
 * instruction accessed. So @far must be in @addr's @zva_bytes-aligned block.
 */
bool watchpoint_far_ok(uint64_t far, uint64_t addr, uint64_t zva_bytes);

/**
 * esr_expect_serror_virtual() - ESR_EL1 of a virtual SError injected with HCR_EL2.VSE:
 * EC 0x2F, IL 1, and with FEAT_RAS ESR_EL1[24] = VSESR_EL2.IDS, ESR_EL1[23:0] =
 * VSESR_EL2.ISS (VSESR_EL2 description). Without FEAT_RAS the ISS is IMPLEMENTATION DEFINED:
 * use the mask from serror_virtual_mask().
 */
uint64_t esr_expect_serror_virtual(bool have_ras, uint64_t vsesr);
/** serror_virtual_mask() - the ESR_EL1 bits esr_expect_serror_virtual() defines. */
uint64_t serror_virtual_mask(bool have_ras);

/**
 * esr_expect_sea() - a synchronous External abort on a data load/store that is not on a
 * translation table walk: EC 0x24 from a lower Exception level (0x25 from the same one), IL 1,
 * ISV 0 (ESR_EL2.ISV is 1 only for stage 2 aborts, ESR_EL1.ISV always 0 here), WnR, S1PTW 0,
 * DFSC 0b010000. EA (bit 9, an IMPLEMENTATION DEFINED classification), FnV (bit 10: FAR may
 * not be valid) and SET (bits [12:11], the error's recoverability with FEAT_RAS) depend on the
 * error, not on the rule: compare under sea_defined_mask().
 */
uint64_t esr_expect_sea(bool lower_el, bool is_write);
/** sea_defined_mask() - the ESR bits esr_expect_sea() defines. */
uint64_t sea_defined_mask(void);


/**
 * esr_expect_dabt_cur() - a stage 1 Data Abort taken to the current EL (EC 0x25), e.g. at EL2
 * in the EL2 regime. AArch64.FaultSyndrome(): ISV = 0 (ISV is 1 only for stage 2 aborts) so
 * SAS/SSE/SRT/SF/AR are RES0; IL = 1 (Data Abort with ISV 0); VNCR, SET, FnV (FAR is valid for
 * translation, access flag, permission and alignment faults), EA and S1PTW 0; CM = @cm for a
 * cache maintenance instruction; WnR = @is_write, and 1 for any CM fault ("For faults on cache
 * maintenance and address translation instructions, this bit always returns 1"); DFSC = @fsc.
 */
uint64_t esr_expect_dabt_cur(bool is_write, bool cm, unsigned fsc);

/**
 * esr_expect_iabt_cur() - a stage 1 Instruction Abort taken to the current EL (EC 0x21):
 * IL = 1, IFSC = @fsc, S1PTW/EA/FnV/SET 0, every other ISS bit RES0.
 */
uint64_t esr_expect_iabt_cur(unsigned fsc);

#endif /* MODEL_ESR_MODEL_H */
