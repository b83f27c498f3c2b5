/* SPDX-License-Identifier: MIT */
/*
 * virq.line.el2: HCR_EL2.VI/VF asserted (IMO/FMO = 1) while EL2 itself runs with PSTATE.I/F
 * clear for a bounded window (line_el2.S, on vectors of its own): a virtual interrupt targets
 * EL1, and an exception is never taken to a lower Exception level, so nothing is taken. A
 * physical SGI pending in the same window is the positive control: it targets EL2 and is
 * taken there on 0x280.
 */
#include "arch/el2.h"
#include "arch/sysreg.h"
#include "gic.h"
#include "line.h"
#include "scenario.h"
#include "virq_line_model.h"

struct line_el2_result {
	uint64_t vector; /* ~0: nothing taken */
	uint64_t elr;
};
_Static_assert(__builtin_offsetof(struct line_el2_result, elr) == 8, "line_el2.S LR_ELR");

struct line_el2_result *line_el2_window(uint64_t hcr, uint64_t iterations,
					struct line_el2_result *out);

struct line_el2_row {
	const char *name;
	uint64_t hcr;	   /* ORed onto the harness's HCR_EL2 for the window */
	unsigned sgi_phys; /* a physical SGI pending for the window, 0 none */
};

/*
 * The physical SGI row is the window's positive control: the same window at EL2 does take an
 * interrupt that targets EL2 (on 0x280, current EL with SP_EL2).
 */
#define LINE_EL2_SGI 5

static const struct line_el2_row el2_rows[] = {
	{"[vi=1,vf=1,imo=1,fmo=1]", HCR_VI | HCR_VF | HCR_IMO | HCR_FMO, 0},
	{"[vi=1,vf=1,imo=1,fmo=1,tge=1]", HCR_VI | HCR_VF | HCR_IMO | HCR_FMO | HCR_TGE, 0},
	{"[vi=1,imo=1,phys-sgi]", HCR_VI | HCR_IMO, LINE_EL2_SGI},
};

static void run_line_el2(struct scenario_ctx *c, const void *row)
{
	const struct line_el2_row *r = row;
	struct line_el2_result res;
	struct vline_state st = {
		.vi = r->hcr & HCR_VI,
		.vf = r->hcr & HCR_VF,
		.imo = r->hcr & HCR_IMO,
		.fmo = r->hcr & HCR_FMO,
		.tge = r->hcr & HCR_TGE,
		.where = VLINE_EL2,
		.phys_irq = r->sgi_phys != 0,
	};
	struct vline_expect x = vline_expect(&st);
	struct vline_phys p =
		r->sgi_phys ? vline_phys(&st, false) : (struct vline_phys){VLINE_NOT_TAKEN, 0};
	uint64_t expected = p.target == VLINE_TO_EL2 ? p.vector : ~0ULL;

	if (x.irq || x.fiq) {
		sc_fail(c, "the oracle expects a virtual interrupt at EL2: the row is wrong");
		return;
	}
	if (r->sgi_phys) {
		gic_irq_enable(r->sgi_phys, true);
		gic_sgi_to_self(r->sgi_phys);
	}
	line_el2_window(read_hcr_el2() | r->hcr, LINE_WINDOW_ITERS, &res);
	if (r->sgi_phys) {
		/* Taken, not acknowledged: still pending. */
		gic_irq_set_pending(r->sgi_phys, false);
		gic_irq_enable(r->sgi_phys, false);
	}
	if (res.vector != expected) {
		sc_diag(c, "expected", "%s", expected == ~0ULL ? "nothing taken" : "0x280");
		sc_fail(c, "taken at EL2 on vector 0x%llx (~0: none), ELR_EL2 0x%llx",
			(unsigned long long)res.vector, (unsigned long long)res.elr);
	}
}

SCENARIO(virq_line_el2, .id = "virq.line.el2",
	 .rule = "virtual interrupts target EL1 and are never taken at EL2: HCR_EL2.VI/VF = 1 "
		 "with IMO/FMO = 1 while EL2 runs with PSTATE.I/F clear for " LINE_WINDOW_RULE
		 " takes nothing (a physical SGI pending in the same window is taken on 0x280)",
	 SCENARIO_ROWS(el2_rows), .run = run_line_el2, .control = "HCR_EL2.VI, HCR_EL2.VF");
