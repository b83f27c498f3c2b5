/* SPDX-License-Identifier: MIT */
/*
 * trap.tge: an EL0 guest's exceptions, with HCR_EL2.TGE = 1 and = 0 (E2H = 0).
 *
 * [trap]: TGE = 1. EL1 is not used: the vmm ERETs straight to EL0 (SPSR_EL2 = EL0t), and
 * everything that would go to EL1 is taken to EL2 instead (EC, ISS, ELR, FAR unchanged,
 * SPSR_EL2.M = EL0t). Stage 1 of EL1&0 is off (SCTLR_EL1.M treated as 0), stage 2 stays on,
 * so the payload runs at its IPA and its data accesses are Device-nGnRnE.
 * [notrap]: TGE = 0. The guest's EL1 runtime ERETs to the same EL0 code, and the same
 * exceptions are taken on its own EL1 vector for lower-EL AArch64 (0x400), never at EL2.
 *
 * A stage 2 fault goes to EL2 either way; instructions that EL0 may execute (MRS CTR_EL0 with
 * SCTLR_EL1.UCT = 1, WFI with nTWI = 1) execute either way. The expected outcome of every row
 * comes from exc_route().
 */
#include <stdio.h>

#include "arch/el2.h"
#include "arch/esr.h"
#include "arch/sysreg.h"
#include "route_check.h"
#include "route_model.h"
#include "scenario.h"

/* IPA just past guest RAM: never mapped at stage 2. */
#define UNMAPPED_IPA (GUEST_RAM_IPA + GUEST_RAM_SIZE)
/* Watchdog budget of the row whose WFI may sleep until the watchdog wakes it. */
#define WFI_SLEEP_MS	5
#define WFI_SLEEP_TRIES 4

enum tge_needs {
	NEEDS_NOTHING,
	NEEDS_FP_TRAPS, /* the FPCR trap enables are writable */
};

struct tge_row {
	const char *name;
	bool tge;
	uint64_t payload; /* gp_el0_*: runs at EL0 through guest_start */
	uint64_t arg;	  /* the payload's x0 */
	struct exc_event ev;
	uint64_t sctlr; /* SCTLR_EL1 bits (EL0 controls) */
	bool illegal;	/* enter EL0 with PSTATE.IL = 1 */
	bool resume;	/* after the exit to EL2, resume past the instruction and run to the end */
	bool wfi;	/* EXC_NONE: a WFI that may wait for the watchdog */
	bool ctr;	/* EXC_NONE: the status is CTR_EL0 */
	enum tge_needs needs;
};

/* One row per HCR_EL2.TGE value. */
#define TGE_ROWS(name_, ...)                                                                       \
	{.name = "[" name_ "][trap]", .tge = true, __VA_ARGS__},                                   \
	{                                                                                          \
		.name = "[" name_ "][notrap]", .tge = false, __VA_ARGS__                           \
	}

#define EV(kind_, label, ...) .ev = {.kind = kind_, .el = 0, .pc = GSYM(label), __VA_ARGS__}

static const struct tge_row tge_rows[] = {
	TGE_ROWS("svc", .payload = GSYM(gp_el0_svc), EV(EXC_SVC, gl_el0_svc, .imm = 0xa5c3),
		 .resume = true),
	TGE_ROWS("brk", .payload = GSYM(gp_el0_brk), EV(EXC_BRK, gl_el0_brk, .imm = 0x8001),
		 .resume = true),
	TGE_ROWS("udf", .payload = GSYM(gp_el0_udf), EV(EXC_UNDEFINED, gl_el0_udf), .resume = true),
	/* HVC and SMC are UNDEFINED at EL0, whatever the immediate. */
	TGE_ROWS("hvc", .payload = GSYM(gp_el0_hvc), EV(EXC_UNDEFINED, gl_el0_hvc), .resume = true),
	TGE_ROWS("smc", .payload = GSYM(gp_el0_smc), EV(EXC_UNDEFINED, gl_el0_smc), .resume = true),
	/* SCTLR_EL1 is an EL1 register: its MRS at EL0 is UNDEFINED (EC 0x00), not a trap. */
	TGE_ROWS("mrs-sctlr_el1", .payload = GSYM(gp_el0_mrs_sctlr),
		 EV(EXC_UNDEFINED, gl_el0_mrs_sctlr), .resume = true),
	/* CTR_EL0 is an EL0 register, trapped to EL1 by SCTLR_EL1.UCT = 0: EC 0x18. */
	TGE_ROWS("mrs-ctr_el0,uct=0", .payload = GSYM(gp_el0_ctr),
		 EV(EXC_SYSREG_TRAP, gl_el0_ctr, .sys = {3, 3, 0, 0, 1, 3, true}), .resume = true),
	TGE_ROWS("mrs-ctr_el0,uct=1", .payload = GSYM(gp_el0_ctr), EV(EXC_NONE, gl_el0_ctr),
		 .sctlr = SCTLR_EL1_UCT, .ctr = true),
	TGE_ROWS("wfi,ntwi=0", .payload = GSYM(gp_el0_wfi), EV(EXC_WFI_TRAP, gl_el0_wfi),
		 .resume = true),
	TGE_ROWS("wfi,ntwi=1", .payload = GSYM(gp_el0_wfi), EV(EXC_NONE, gl_el0_wfi),
		 .sctlr = SCTLR_EL1_nTWI, .wfi = true),
	TGE_ROWS("pc-align", .payload = GSYM(gp_el0_pc_align),
		 EV(EXC_PC_ALIGN, gl_el0_pc_align, .va = GSYM(gl_el0_pc_target) + 2)),
	TGE_ROWS("sp-align,sa0=1", .payload = GSYM(gp_el0_sp_align),
		 EV(EXC_SP_ALIGN, gl_el0_sp_align), .sctlr = SCTLR_EL1_SA0, .resume = true),
	TGE_ROWS("sp-align,sa0=0", .payload = GSYM(gp_el0_sp_align), EV(EXC_NONE, gl_el0_sp_align)),
	TGE_ROWS("ldr-unaligned-device", .payload = GSYM(gp_el0_ld_unaligned),
		 EV(EXC_DATA_ALIGN, gl_el0_ld_unaligned, .va = GSYM(gl_align_data) + 1),
		 .resume = true),
	TGE_ROWS("str-unaligned-device", .payload = GSYM(gp_el0_st_unaligned),
		 EV(EXC_DATA_ALIGN, gl_el0_st_unaligned, .va = GSYM(gl_align_data) + 1,
		    .is_write = true),
		 .resume = true),
	/* ERET to EL0 with SPSR.IL = 1: the first instruction (guest_start) is illegal. */
	TGE_ROWS("illegal-state", .payload = GSYM(gp_el0_nop), EV(EXC_ILLEGAL_STATE, guest_start),
		 .illegal = true),
	TGE_ROWS("fdiv-by-zero,fpcr.dze=1", .payload = GSYM(gp_el0_fp_dz),
		 EV(EXC_FP_TRAPPED, gl_el0_fp_dz, .fp_flags = ESR_ISS_FP_DZF), .resume = true,
		 .needs = NEEDS_FP_TRAPS),
	/* Stage 2 is not affected by TGE when E2H = 0: still a stage 2 fault to EL2. */
	TGE_ROWS("s2-fault", .payload = GSYM(gp_el0_s2_ldr_x2), .arg = UNMAPPED_IPA,
		 EV(EXC_DATA_S2, gl_el0_s2_ldr_x2, .va = UNMAPPED_IPA,
		    .dabt = {.size_log2 = 3, .rt = 2, .sf = true, .valid_syndrome = true}),
		 .resume = true),
};

/*
 * Trapped floating-point exceptions are optional: where they are not implemented the FPCR
 * trap enables are RAZ/WI. Probed at EL2 on the same FPCR the guest uses.
 */
static const char *tge_requires(const void *row, char *why, size_t len)
{
	const struct tge_row *r = row;

	if (r->needs != NEEDS_FP_TRAPS) {
		return NULL;
	}
	uint64_t saved = read_fpcr();

	write_fpcr(saved | FPCR_DZE);
	uint64_t got = read_fpcr();

	write_fpcr(saved);
	if (got & FPCR_DZE) {
		return NULL;
	}
	snprintf(why, len,
		 "trapped FP exceptions not implemented: FPCR.DZE is RAZ/WI (wrote 0x%llx, read "
		 "0x%llx)",
		 (unsigned long long)(saved | FPCR_DZE), (unsigned long long)got);
	return why;
}

/* An instruction that executes: the run ends through the doorbell with its status. */
static void expect_executed(struct scenario_ctx *c, const struct tge_row *r, struct exit *e)
{
	/*
	 * A WFI with nothing to wake it may wait until the watchdog (an IRQ to EL2: TGE, or IMO,
	 * routes it there), which interrupts the instruction after it; it may also complete at
	 * once (a wake-up may be spurious; with TGE = 0 the pending virtual IRQ wakes it). Either
	 * way it must not trap, and the guest goes on to its end when resumed with a fresh budget
	 * (the short one may also run out before the WFI is reached on a loaded host).
	 */
	for (int tries = 0; r->wfi && tries < WFI_SLEEP_TRIES &&
			    (e->reason == EXIT_TIMEOUT || e->reason == EXIT_IRQ);
	     tries++) {
		sc_diag(c, "watchdog_exit", "ELR_EL2 0x%llx (the WFI is at 0x%llx)",
			(unsigned long long)e->elr, (unsigned long long)r->ev.pc);
		vcpu_reset_watchdog(sc_vcpu(c));
		*e = sc_run(c);
	}
	sc_expect_done(c, e, r->ctr ? read_ctr_el0() : 0);
}

static void run_tge(struct scenario_ctx *c, const void *row)
{
	const struct tge_row *r = row;
	struct exc_event ev = r->ev;
	uint64_t spsr_el0 = SPSR_M_EL0t | SPSR_DAIF | (r->illegal ? SPSR_IL : 0);
	uint64_t fpcr = r->needs == NEEDS_FP_TRAPS ? read_fpcr() : 0;
	struct sc_setup s = {.vcpu.sctlr_el1 = r->sctlr};

	if (r->tge) {
		s.vcpu.hcr = HCR_TGE;
		s.payload = r->payload;
		s.args[0] = r->arg;
		s.vcpu.spsr = spsr_el0;
		s.vcpu.timeout_ms = r->wfi ? WFI_SLEEP_MS : 0;
	} else {
		/* A pending virtual IRQ, masked at EL0 by PSTATE.I, wakes a WFI that may run. */
		s.vcpu.hcr = r->wfi ? HCR_VI : 0;
		s.payload = GSYM(gp_el0_call);
		s.args[0] = r->payload;
		s.args[1] = spsr_el0;
		s.args[2] = r->arg;
	}
	if (!sc_start(c, &s)) {
		return;
	}
	if (ev.kind == EXC_DATA_S2) {
		unsigned level = pgt_fault_level(&sc_vm(c)->geom, sc_vm(c)->root, ev.va);

		if (level == PGT_LEVEL_NONE) {
			sc_fail(c, "IPA 0x%llx is mapped: the row is wrong",
				(unsigned long long)ev.va);
			return;
		}
		ev.dabt_fsc = ESR_FSC_TRANS(level);
	}
	struct exc_expect x = exc_route(&ev, &(struct exc_ctl){.tge = r->tge});
	struct exit e = sc_run(c);

	if (r->needs == NEEDS_FP_TRAPS) {
		write_fpcr(fpcr); /* the vmm does not switch FP state: leave none behind */
	}
	if (!x.taken) {
		expect_executed(c, r, &e);
		return;
	}
	if (x.el == 1) {
		route_expect_el1(c, &e, &x, 0);
		return;
	}
	if (!route_expect_el2(c, &e, &x)) {
		return;
	}
	if (ev.kind == EXC_DATA_S2) {
		sc_expect_u64(c, "hpfar_el2", e.hpfar,
			      hpfar_expect(ev.va)); /* VA = IPA: no stage 1 */
	}
	if (!r->resume) {
		return;
	}
	/* Resume at EL0 past the instruction (ELR_EL2 already points past an SVC). */
	if (x.elr == ev.pc) {
		vcpu_skip_insn(sc_vcpu(c));
	}
	e = sc_run(c);
	sc_expect_done(c, &e, 0);
}

SCENARIO(trap_tge, .id = "trap.tge",
	 .rule = "HCR_EL2.TGE = 1 (E2H = 0) routes every exception EL0 would take to EL1 to EL2 "
		 "with the same ESR/ELR/FAR (SPSR_EL2.M = EL0t, vector 0x400); = 0: they are "
		 "taken on the guest's EL1 lower-EL vector; stage 2 faults go to EL2 either way",
	 SCENARIO_ROWS(tge_rows), .requires = tge_requires, .run = run_tge,
	 .ec = "0x15 0x3C 0x00 0x18 0x01 0x22 0x26 0x24 0x0E 0x2C",
	 .control = "HCR_EL2.TGE (EL0 guest)", .fields = "+-HCR_EL2.TGE");
