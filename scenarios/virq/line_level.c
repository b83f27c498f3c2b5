/* SPDX-License-Identifier: MIT */
/*
 * virq.line.level: HCR_EL2.VI and VF are levels. Taking the virtual interrupt does not clear
 * them (unlike HCR_EL2.VSE, which the CPU clears when the virtual SError is taken: Arm ARM,
 * HCR_EL2.VSE), so the interrupt stays pending: the guest takes it, returns from its handler
 * with the mask closed (SPSR_EL1.I/F = 1), opens the mask again and must take it a second
 * time, on the same vector, at the context synchronization after the second unmask.
 */
#include "arch/el2.h"
#include "line.h"
#include "scenario.h"
#include "virq_line_abi.h"
#include "virq_line_model.h"

struct line_level_row {
	const char *name;
	uint64_t hcr; /* HCR_VI or HCR_VF */
	uint64_t payload, isb, post;
};

static const struct line_level_row level_rows[] = {
	{"[vi=1,imo=1,i=0]", HCR_VI, GSYM(gp_vline_retake_i), GSYM(gl_vline_retake_isb_i),
	 GSYM(gl_vline_retake_post_i)},
	{"[vf=1,fmo=1,f=0]", HCR_VF, GSYM(gp_vline_retake_f), GSYM(gl_vline_retake_isb_f),
	 GSYM(gl_vline_retake_post_f)},
};

static void run_line_level(struct scenario_ctx *c, const void *row)
{
	const struct line_level_row *r = row;
	bool vi = r->hcr & HCR_VI;
	struct vline_expect x = vline_expect(&(struct vline_state){
		.vi = vi,
		.vf = !vi,
		.imo = true,
		.fmo = true,
		.i = !vi,
		.f = vi,
		.where = VLINE_EL1H,
	});
	uint64_t vector, takes, elr;

	if (!sc_start(c, &(struct sc_setup){
				 .payload = r->payload,
				 .args = {0, LINE_WINDOW_ITERS},
				 .vcpu.hcr = r->hcr,
			 })) {
		return;
	}
	struct exit e = sc_run(c);

	sc_expect_el1_exceptions(c);
	if (!sc_expect_done(c, &e, VL_STATUS_TAKEN) || !sc_report(c, VL_REPORT_TAKES, &takes) ||
	    !sc_report(c, VL_REPORT_VECTOR, &vector) || !sc_report(c, VL_REPORT_ELR, &elr)) {
		return;
	}
	sc_expect_u64(c, "taken_before", takes, 1);
	sc_expect_u64(c, "vector_offset", vector, vi ? x.irq_vector : x.fiq_vector);
	if (elr < r->isb || elr > r->post) {
		sc_fail(c,
			"ELR_EL1 0x%llx of the second interrupt: not the ISB after the second "
			"unmask (0x%llx) or the instruction after it",
			(unsigned long long)elr, (unsigned long long)r->isb);
	}
}

SCENARIO(virq_line_level, .id = "virq.line.level",
	 .rule = "HCR_EL2.VI/VF are levels, not cleared by taking the interrupt: after the handler "
		 "returns with the mask closed, reopening it takes the same virtual IRQ/FIQ again "
		 "(vector 0x280/0x300, at the ISB after MSR DAIFClr or the instruction after it)",
	 SCENARIO_ROWS(level_rows), .run = run_line_level, .control = "HCR_EL2.VI, HCR_EL2.VF");
