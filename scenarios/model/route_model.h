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
 *
 * The second half answers the simpler question for instructions whose routing depends on
 * more than TGE/TDE — SMC, HVC, SVE, hardware debug: EL2, the guest's EL1 vector, EL3, or
 * nowhere (it executes).
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

/* --- where an instruction or debug event at EL1 goes ------------------------------------- */

enum route {
	ROUTE_EXECUTES, /* no exception: the instruction has its effect at EL1 */
	ROUTE_EL1,	/* an exception taken on the guest's own EL1 vector */
	ROUTE_EL2,	/* an exception taken to EL2 */
	ROUTE_EL3,	/* the SMC is taken to EL3 (firmware): returns to the next instruction */
};

const char *route_name(enum route r);

/**
 * struct smc_state - what AArch64.CheckForSMCUndefOrTrap() reads for an SMC at EL1.
 * @have_el3: HaveEL(EL3), i.e. ID_AA64PFR0_EL1.EL3 != 0.
 * @smd: SCR_EL3.SMD (only meaningful with EL3; not readable from EL2).
 * @have_nv: FEAT_NV (ID_AA64MMFR2_EL1.NV != 0).
 * @nv: HCR_EL2.NV.
 * @tsc: HCR_EL2.TSC.
 */
struct smc_state {
	bool have_el3, smd, have_nv, nv, tsc;
};

/**
 * smc_route() - where SMC from EL1 (EL2 enabled) goes.
 *
 * AArch64.CheckForSMCUndefOrTrap(): the TSC trap has priority over SCR_EL3.SMD; without EL3
 * an SMC at EL1 is UNDEFINED unless FEAT_NV, HCR_EL2.NV and TSC are all 1, in which case it
 * is trapped to EL2 (EC 0x17, preferred return = the SMC itself). With EL3: TSC = 1 traps to
 * EL2; else SMD = 1 makes it UNDEFINED; else it is taken to EL3.
 */
enum route smc_route(const struct smc_state *s);

/**
 * sve_route() - where an SVE instruction at EL1 goes (E2H = 0).
 * @zen_el1: CPACR_EL1.ZEN lets EL1 use SVE (0b01 or 0b11).
 * @tz: CPTR_EL2.TZ.
 *
 * CheckSVEEnabled(): the EL1 control is checked first, so CPACR_EL1.ZEN traps to EL1 even
 * when CPTR_EL2.TZ is also set ("exceptions generated by CPACR_EL1 ... have priority over
 * CPTR_EL2"); then TZ traps to EL2 (EC 0x19); else the instruction executes.
 */
enum route sve_route(bool zen_el1, bool tz);

/**
 * struct debug_state - what decides where a breakpoint, watchpoint or software step at EL1
 * goes (AArch64.GenerateDebugExceptionsFrom()). @tde: MDCR_EL2.TDE (the debug target is EL2);
 * @kde: MDSCR_EL1.KDE; @d: PSTATE.D; @oslk: the OS Lock (OSLSR_EL1.OSLK).
 */
struct debug_state {
	bool tde, kde, d, oslk;
};

/**
 * debug_route() - where a debug exception generated at EL1 is taken.
 *
 * The debug target is EL2 when MDCR_EL2.TDE = 1 (or HCR_EL2.TGE = 1), else EL1. With the OS
 * Lock set no debug exception is generated. Target above the current EL: always enabled.
 * Target = EL1 (the current EL): enabled only when MDSCR_EL1.KDE = 1 and PSTATE.D = 0.
 * Disabled: ROUTE_EXECUTES (the instruction runs as if nothing were armed).
 */
enum route debug_route(const struct debug_state *s);

/**
 * hvc_route() - where HVC at EL1 goes. AArch64.CheckForHVCUndef... (the HVC pseudocode):
 * HVC is UNDEFINED when EL3 is implemented and SCR_EL3.HCE = 0, or when EL3 is not
 * implemented and HCR_EL2.HCD = 1 — "When EL3 is implemented, [HCR_EL2.HCD] is RES0". @hce is
 * SCR_EL3.HCE (1 whenever the vmm's own service calls work). Otherwise it is taken to EL2.
 */
enum route hvc_route(bool have_el3, bool hce, bool hcd);

#endif /* MODEL_ROUTE_MODEL_H */
