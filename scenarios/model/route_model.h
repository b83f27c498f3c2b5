/* SPDX-License-Identifier: MIT */
/*
 * The routing oracle: for a synchronous exception that an instruction at EL0 or EL1 causes,
 * which Exception level takes it, on which vector, and what ESR/ELR/FAR/SPSR that level must
 * see. It encodes the target-EL choices of the Arm ARM pseudocode (AArch64.CallSupervisor,
 * AArch64.UndefinedFault, AArch64.SoftwareBreakpoint, AArch64.SystemAccessTrap,
 * AArch64.WFxTrap, AArch64.PCAlignmentFault, AArch64.SPAlignmentFault, AArch64.Abort,
 * AArch64.IllegalState, AArch64.FPTrappedException) and AArch64.TakeException's vector offsets,
 * for HCR_EL2.TGE and MDCR_EL2.TDE with HCR_EL2.E2H = 0.
 *
 * Pure code, unit-tested on the host (tests/unit/route_model_test.c). The ISS of the classes
 * that have one of their own comes from esr_model.
 */
#ifndef MODEL_ROUTE_MODEL_H
#define MODEL_ROUTE_MODEL_H

#include <stdbool.h>
#include <stdint.h>

#include "esr_model.h"

/** What the instruction does. */
enum exc_kind {
	EXC_NONE,	   /* it executes: no exception */
	EXC_SVC,	   /* SVC #imm */
	EXC_BRK,	   /* BRK #imm (a debug exception) */
	EXC_UNDEFINED,	   /* UDF; HVC/SMC at EL0; an EL1-only register accessed at EL0 */
	EXC_SYSREG_TRAP,   /* an EL0 access trapped to EL1 by an SCTLR_EL1 control (e.g. UCT) */
	EXC_WFI_TRAP,	   /* WFI at EL0 with SCTLR_EL1.nTWI = 0 */
	EXC_PC_ALIGN,	   /* a fetch from a PC that is not a multiple of 4 */
	EXC_SP_ALIGN,	   /* SP used as a base register while misaligned, SCTLR_ELx.SA/SA0 = 1 */
	EXC_DATA_ALIGN,	   /* an alignment fault on a data access (a stage 1 fault) */
	EXC_INSN_S1_TRANS, /* a stage 1 translation fault on an instruction fetch */
	EXC_DATA_S2,	   /* a stage 2 fault on a data access */
	EXC_ILLEGAL_STATE, /* an instruction executed with PSTATE.IL = 1 */
	EXC_FP_TRAPPED,	   /* a floating-point exception whose FPCR trap enable is set */
};

/**
 * struct exc_event - the instruction and the state it executes in.
 * @kind: what happens.
 * @el: the Exception level of the instruction, 0 or 1.
 * @sp0: at EL1, PSTATE.SP = 0 (EL1t): an exception taken to EL1 uses the SP_EL0 vectors.
 * @pc: address of the instruction (for EXC_INSN_S1_TRANS and EXC_ILLEGAL_STATE, of the
 *	instruction that was to be executed).
 * @va: EXC_PC_ALIGN: the misaligned PC; aborts: the faulting virtual address.
 * @imm: SVC/BRK immediate.
 * @sys: EXC_SYSREG_TRAP: the access (esr_expect_sys64() arguments).
 * @is_write: EXC_DATA_ALIGN: a store.
 * @level: EXC_INSN_S1_TRANS: the lookup level that found the invalid descriptor.
 * @dabt: EXC_DATA_S2: the access; @dabt_fsc its stage 2 fault status code.
 * @fp_flags: EXC_FP_TRAPPED: the ISS IDF/IXF/UFF/OFF/DZF/IOF bits of the trapped exceptions.
 */
struct exc_event {
	enum exc_kind kind;
	unsigned el;
	bool sp0;
	uint64_t pc;
	uint64_t va;
	uint16_t imm;
	struct {
		unsigned op0, op1, crn, crm, op2, rt;
		bool is_read;
	} sys;
	bool is_write;
	unsigned level;
	struct dabt_access dabt;
	unsigned dabt_fsc;
	uint32_t fp_flags;
};

/** The routing controls (HCR_EL2.E2H = 0, EL2 enabled). */
struct exc_ctl {
	bool tge; /* HCR_EL2.TGE */
	bool tde; /* MDCR_EL2.TDE */
};

/**
 * struct exc_expect - the architected outcome.
 * @taken: false for EXC_NONE (nothing else is meaningful then).
 * @el: the Exception level that takes the exception, 1 or 2.
 * @vector: offset from VBAR_EL<el>: 0x000 (current EL, SP_EL0), 0x200 (current EL, SP_ELx),
 *	0x400 (lower EL, AArch64); synchronous exceptions only.
 * @esr: ESR_EL<el>, with the bits of @esr_unknown zero.
 * @esr_unknown: ESR bits the architecture leaves UNKNOWN for this exception (compare
 *	(got & ~esr_unknown) with @esr).
 * @elr: ELR_EL<el>, the preferred return address.
 * @far_valid: FAR_EL<el> is defined for this exception (else UNKNOWN).
 * @far: FAR_EL<el> when @far_valid.
 * @spsr_m: SPSR_EL<el>.M[4:0], the mode the exception was taken from (0 EL0t, 4 EL1t, 5 EL1h).
 * @spsr_il: SPSR_EL<el>.IL, the PSTATE.IL the exception was taken with.
 */
struct exc_expect {
	bool taken;
	unsigned el;
	uint64_t vector;
	uint64_t esr;
	uint64_t esr_unknown;
	uint64_t elr;
	bool far_valid;
	uint64_t far;
	unsigned spsr_m;
	bool spsr_il;
};

/**
 * exc_route() - where @ev is taken under @ctl, and what the taking level sees.
 *
 * Target EL: a stage 2 fault goes to EL2 (AArch64.Abort, IsSecondStage()). Everything else
 * targets EL1 and is routed to EL2 when it comes from EL0 with HCR_EL2.TGE = 1 (the
 * route_to_el2 term of each function named above); a debug exception (BRK) also when
 * MDCR_EL2.TDE = 1 (AArch64.SoftwareBreakpoint). With TGE = 1 EL1 cannot execute, so an EL1
 * event is always taken at EL1.
 *
 * Vector (AArch64.TakeException): 0x400 from a lower EL in AArch64; from the same EL 0x200
 * with SP_ELx, 0x000 with SP_EL0.
 *
 * ESR: EC by class; Data/Instruction Aborts have a "lower EL" (0x24/0x20) and a "same EL"
 * (0x25/0x21) class. IL = 1 throughout (A64). Alignment faults (DFSC 0x21) are stage 1 faults,
 * so ISV = 0 (AArch64.FaultSyndrome sets ISV only for a stage 2 fault not on a stage 1
 * walk). EC 0x22, 0x26, 0x0E, 0x00 have an ISS of RES0. A trapped FP exception from AArch64
 * has TFV = 1 (a scalar operation), the flags of the trapped exceptions, and an UNKNOWN
 * VECITR (ISS[10:8]).
 *
 * ELR: SVC returns to the next instruction (AArch64.CallSupervisor: preferred return address
 * NextInstrAddr); a PC alignment fault to the misaligned PC, an instruction abort to the
 * fetched address, everything else to the instruction itself. FAR: the misaligned PC for a PC
 * alignment fault (AArch64.PCAlignmentFault, vaddress = ThisInstrAddr), the faulting VA for
 * aborts; UNKNOWN otherwise.
 */
struct exc_expect exc_route(const struct exc_event *ev, const struct exc_ctl *ctl);

/** exc_route_vector_name() - "sync-sp0", "sync-spx" or "sync-lower64" for a vector offset. */
const char *exc_route_vector_name(uint64_t vector);

#endif /* MODEL_ROUTE_MODEL_H */
