/* SPDX-License-Identifier: MIT */
/*
 * Routing oracle (see route_model.h). References are to the Arm ARM, DDI 0487: the shared
 * pseudocode functions named in each comment, AArch64.TakeException() for vectors and SPSR, and
 * "ESR_ELx" with its "ISS encoding for an exception from ..." subsections.
 */
#include <stdbool.h>
#include <stdint.h>

#include "arch/esr.h"
#include "route_model.h"

#define VECTOR_SYNC_SP0	    0x000
#define VECTOR_SYNC_SPX	    0x200
#define VECTOR_SYNC_LOWER64 0x400

/* The ISS flag bits of a trapped floating-point exception. */
#define FP_FLAGS                                                                                   \
	(ESR_ISS_FP_IDF | ESR_ISS_FP_IXF | ESR_ISS_FP_UFF | ESR_ISS_FP_OFF | ESR_ISS_FP_DZF |      \
	 ESR_ISS_FP_IOF)

#define SPSR_M_EL0T 0x0
#define SPSR_M_EL1T 0x4
#define SPSR_M_EL1H 0x5

/*
 * The Exception level that takes @ev. A stage 2 fault is always EL2's (AArch64.Abort:
 * route_to_el2 includes IsSecondStage(fault)). From EL0, HCR_EL2.TGE = 1 routes what would go
 * to EL1 to EL2 (the route_to_el2 = PSTATE.EL == EL0 && HCR_EL2.TGE == '1' term of
 * AArch64.CallSupervisor, UndefinedFault, SystemAccessTrap, WFxTrap, PCAlignmentFault,
 * SPAlignmentFault, Abort, IllegalState, FPTrappedException). A debug exception is also routed
 * from EL1 by MDCR_EL2.TDE = 1 (AArch64.SoftwareBreakpoint: HCR_EL2.TGE == '1' ||
 * MDCR_EL2.TDE == '1').
 */
static unsigned target_el(const struct exc_event *ev, const struct exc_ctl *ctl)
{
	if (ev->kind == EXC_DATA_S2) {
		return 2;
	}
	if (ev->el == 0 && ctl->tge) {
		return 2;
	}
	if (ev->kind == EXC_BRK && ctl->tde) {
		return 2;
	}
	return 1;
}

/* ESR with IL = 1 (every A64 instruction is 32 bits; EC 0x00 and aborts have IL = 1 too). */
static uint64_t esr_il1(unsigned ec, uint64_t iss)
{
	return esr_make(ec, true, (uint32_t)iss, 0);
}

static uint64_t exc_esr(const struct exc_event *ev, bool same_el, uint64_t *unknown)
{
	*unknown = 0;
	switch (ev->kind) {
	case EXC_SVC:
		return esr_expect_svc64(ev->imm);
	case EXC_BRK:
		return esr_expect_brk64(ev->imm);
	case EXC_UNDEFINED:
		return esr_expect_unknown();
	case EXC_SYSREG_TRAP:
		return esr_expect_sys64(ev->sys.op0, ev->sys.op1, ev->sys.crn, ev->sys.crm,
					ev->sys.op2, ev->sys.rt, ev->sys.is_read);
	case EXC_WFI_TRAP:
		return esr_expect_wfx(ESR_WFX_TI_WFI, false, 0);
	case EXC_PC_ALIGN:
		return esr_il1(ESR_EC_PC_ALIGN, 0);
	case EXC_SP_ALIGN:
		return esr_il1(ESR_EC_SP_ALIGN, 0);
	case EXC_DATA_ALIGN:
		/* A stage 1 fault: ISV = 0, so SAS/SSE/SRT/SF/AR are RES0; WnR, DFSC 0x21. */
		return esr_il1(same_el ? ESR_EC_DABT_CUR : ESR_EC_DABT_LOW,
			       (ev->is_write ? ESR_ISS_DABT_WNR : 0) | ESR_FSC_ALIGN);
	case EXC_INSN_S1_TRANS:
		return esr_il1(same_el ? ESR_EC_IABT_CUR : ESR_EC_IABT_LOW,
			       ESR_FSC_TRANS(ev->level));
	case EXC_DATA_S2:
		return esr_expect_dabt_s2(&ev->dabt, ev->dabt_fsc);
	case EXC_ILLEGAL_STATE:
		return esr_il1(ESR_EC_ILL, 0);
	case EXC_FP_TRAPPED:
		*unknown = ESR_ISS_FP_VECITR_MASK << ESR_ISS_FP_VECITR_SHIFT;
		return esr_il1(ESR_EC_FP_EXC64, ESR_ISS_FP_TFV | (ev->fp_flags & FP_FLAGS));
	case EXC_NONE:
		break;
	}
	return 0;
}

struct exc_expect exc_route(const struct exc_event *ev, const struct exc_ctl *ctl)
{
	struct exc_expect x = {0};

	if (ev->kind == EXC_NONE) {
		return x;
	}
	x.taken = true;
	x.el = target_el(ev, ctl);

	bool same_el = x.el == ev->el;

	x.vector = !same_el ? VECTOR_SYNC_LOWER64 : ev->sp0 ? VECTOR_SYNC_SP0 : VECTOR_SYNC_SPX;
	x.esr = exc_esr(ev, same_el, &x.esr_unknown);
	x.spsr_m = ev->el == 0 ? SPSR_M_EL0T : ev->sp0 ? SPSR_M_EL1T : SPSR_M_EL1H;
	x.spsr_il = ev->kind == EXC_ILLEGAL_STATE;

	switch (ev->kind) {
	case EXC_SVC:
		x.elr = ev->pc + 4;
		break;
	case EXC_PC_ALIGN:
		x.elr = ev->va;
		x.far_valid = true;
		x.far = ev->va;
		break;
	case EXC_INSN_S1_TRANS:
	case EXC_DATA_ALIGN:
	case EXC_DATA_S2:
		x.elr = ev->pc;
		x.far_valid = true;
		x.far = ev->va;
		break;
	default:
		x.elr = ev->pc;
		break;
	}
	return x;
}

const char *exc_route_vector_name(uint64_t vector)
{
	switch (vector) {
	case VECTOR_SYNC_SP0:
		return "sync-sp0";
	case VECTOR_SYNC_SPX:
		return "sync-spx";
	case VECTOR_SYNC_LOWER64:
		return "sync-lower64";
	}
	return "?";
}

const char *route_name(enum route r)
{
	static const char *const names[] = {
		[ROUTE_EXECUTES] = "executes",
		[ROUTE_EL1] = "el1",
		[ROUTE_EL2] = "el2",
		[ROUTE_EL3] = "el3",
	};

	return (unsigned)r < sizeof(names) / sizeof(names[0]) ? names[r] : "?";
}

enum route smc_route(const struct smc_state *s)
{
	if (!s->have_el3) {
		return s->have_nv && s->nv && s->tsc ? ROUTE_EL2 : ROUTE_EL1;
	}
	if (s->tsc) {
		return ROUTE_EL2;
	}
	return s->smd ? ROUTE_EL1 : ROUTE_EL3;
}

enum route sve_route(bool zen_el1, bool tz)
{
	if (!zen_el1) {
		return ROUTE_EL1;
	}
	return tz ? ROUTE_EL2 : ROUTE_EXECUTES;
}

enum route debug_route(const struct debug_state *s)
{
	if (s->oslk) {
		return ROUTE_EXECUTES;
	}
	if (s->tde) {
		return ROUTE_EL2;
	}
	return s->kde && !s->d ? ROUTE_EL1 : ROUTE_EXECUTES;
}

enum route hvc_route(bool have_el3, bool hce, bool hcd)
{
	return (have_el3 ? !hce : hcd) ? ROUTE_EL1 : ROUTE_EL2;
}
