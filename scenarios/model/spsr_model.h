/* SPDX-License-Identifier: MIT */
/*
 * SPSR_EL2 after an exception taken from AArch64 EL1 (errata.2077057): the PSTATE the guest
 * was in, nothing else. AArch64.TakeException() writes SPSR_ELx = GetPSRFromPSTATE() of the
 * state the exception is taken from, before PSTATE changes for the new Exception level; the
 * bit positions are those of SPSR_EL2 "when exceptions are taken from AArch64" (Arm ARM DDI
 * 0487, C5.2.19 SPSR_EL2): N 31, Z 30, C 29, V 28, TCO 25, DIT 24, UAO 23, PAN 22, SS 21,
 * IL 20, SSBS 12, D 9, A 8, I 7, F 6, M[4] 0 (AArch64), M[3:2] the Exception level, M[0] the
 * stack pointer (SPSel). Bits of features the guest never touches (BTYPE, ALLINT, PM, EXLOCK,
 * PPEND, UINJ) are 0 because the guest leaves them 0.
 *
 * PSTATE.SS in the saved value: a trapped instruction does not complete, so SSAdvance() is not
 * called before the exception and SPSR.SS is PSTATE.SS as it was, 1 while EL2 steps the guest
 * in the active-not-pending state (the state an ERET with SPSR_EL2.SS = 1 enters).
 * Pure code: host-tested in tests/unit/spsr_model_test.c.
 */
#ifndef MODEL_SPSR_MODEL_H
#define MODEL_SPSR_MODEL_H

#include <stdbool.h>
#include <stdint.h>

/** The AArch64 PSTATE fields a guest at EL1 can set itself (and SS, set by EL2). */
struct pstate_a64 {
	unsigned nzcv; /* N Z C V as bits 3..0 */
	unsigned daif; /* D A I F as bits 3..0 */
	bool pan, uao, dit, ssbs, tco;
	bool ss;     /* PSTATE.SS (software step) */
	unsigned el; /* 0 or 1 */
	bool spx;    /* SPSel: SP_ELx (h), else SP_EL0 (t) */
};

/** spsr_from_pstate() - the SPSR_ELx value of an exception taken from @p. */
uint64_t spsr_from_pstate(const struct pstate_a64 *p);

#endif /* MODEL_SPSR_MODEL_H */
