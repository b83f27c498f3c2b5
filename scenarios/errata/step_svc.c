/* SPDX-License-Identifier: MIT */
/*
 * errata.1463225.svc: an interrupt must be recognised after a software-stepped SVC.
 *
 * Cortex-A76 r0p0-r3p1 erratum 1463225 ("Software Step might prevent interrupt
 * recognition", Linux ARM64_ERRATUM_1463225: stepping into an SVC can prevent the recognition
 * of later interrupts when the SVC's handler disables software step and kernel debugging is
 * enabled, MDSCR_EL1.KDE = 1, or VHE is in use; Linux's cortex_a76_erratum_1463225_svc_handler()
 * takes a dummy step exception to recover). The guest builds it at EL1 and EL0, EL2 only
 * supplies the interrupt: a virtual IRQ pending throughout (HCR_EL2.VI = 1).
 *
 * EL1 writes MDSCR_EL1 (SS, and KDE per row), ERETs to EL0 with SPSR_EL1.SS = 1 and DAIF
 * masked; EL0 executes SVC, the stepped instruction. The SVC is taken to EL1 (the step
 * completed with it: SPSR_EL1.SS = 0, AArch64.CallSupervisor()'s SSAdvance()); the handler
 * writes MDSCR_EL1 without SS (KDE kept per row), then MSR DAIFClr #2; ISB. The virtual IRQ
 * must then be taken with ELR_EL1 at the ISB or just after it (scenarios/model/
 * irq_unmask_model.c); the guest ends with STEP_IRQ_TAKEN from its IRQ vector. On an
 * affected A76 in the [stepped,kde=1] row the IRQ is not recognised: the handler runs on to
 * gl_step_missed and ends with STEP_IRQ_MISSED ("not ok", status 0xbad). The rows without
 * KDE, and without the step, are the controls.
 */
#include "arch/el2.h"
#include "esr_model.h"
#include "hvc.h"
#include "irq_unmask_model.h"
#include "scenario.h"
#include "spsr_model.h"

#define STEP_IRQ_TAKEN 0x1463 /* guest/errata.S */
#define MDSCR_SS       (1ULL << 0)
#define MDSCR_KDE      (1ULL << 13)

struct step_svc_row {
	const char *name;
	uint64_t mdscr_el0;	/* MDSCR_EL1 while EL0 runs */
	uint64_t mdscr_handler; /* MDSCR_EL1 the SVC handler writes */
};

static const struct step_svc_row step_svc_rows[] = {
	{"[stepped,kde=1]", MDSCR_SS | MDSCR_KDE, MDSCR_KDE},
	{"[stepped,kde=0]", MDSCR_SS, 0},
	{"[not-stepped,kde=1]", MDSCR_KDE, MDSCR_KDE},
};

static void run_step_svc(struct scenario_ctx *c, const void *row)
{
	const struct step_svc_row *r = row;
	/* The SVC's SPSR_EL1: EL0t, DAIF masked as SPSR_EL1 gave them, SS = 0 after the step. */
	struct pstate_a64 el0 = {.daif = 0xf, .el = 0};
	uint64_t elr, esr, spsr;

	if (!sc_start(c, &(struct sc_setup){.payload = GSYM(gp_step_svc),
					    .args = {r->mdscr_el0, r->mdscr_handler},
					    .vcpu = {.hcr = HCR_VI}})) {
		return;
	}
	sc_expect_el1_exceptions(c);

	struct exit e = sc_run(c);

	if (!sc_expect_done(c, &e, STEP_IRQ_TAKEN)) {
		sc_diag(c, "meaning", "0xbad: the IRQ was not taken after MSR DAIFClr; ISB");
		return;
	}
	if (sc_report(c, GREPORT_USER + 1, &esr)) {
		sc_expect_u64(c, "svc_esr_el1", esr, esr_expect_svc64(0x1463));
	}
	if (sc_report(c, GREPORT_USER + 2, &spsr)) {
		sc_expect_u64(c, "svc_spsr_el1", spsr, spsr_from_pstate(&el0));
	}
	if (sc_report(c, GREPORT_USER, &elr) && !irq_unmask_elr_ok(elr, GSYM(gl_step_unmask))) {
		sc_fail(c,
			"the IRQ was taken at 0x%llx, not at the ISB after the unmask (0x%llx) "
			"or the instruction after it",
			(unsigned long long)elr, (unsigned long long)GSYM(gl_step_unmask) + 4);
	}
}

SCENARIO(errata_1463225_svc, .id = "errata.1463225.svc",
	 .rule = "a pending virtual IRQ (HCR_EL2.VI) is taken once EL1 unmasks it (MSR DAIFClr "
		 "#2; ISB: at the ISB or right after it), also in the handler of an SVC that EL0 "
		 "executed under software step (MDSCR_EL1.SS, SPSR_EL1.SS = 1; the SVC completes "
		 "the step: SPSR_EL1.SS = 0) after the handler turned stepping off",
	 SCENARIO_ROWS(step_svc_rows), .run = run_step_svc, .ec = "0x15",
	 .control = "HCR_EL2.VI; MDSCR_EL1.SS/KDE");
