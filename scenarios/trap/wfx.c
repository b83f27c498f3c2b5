/* SPDX-License-Identifier: MIT */
/*
 * trap.wfx: HCR_EL2.TWI/TWE trap a WFI/WFE that would enter a low-power state (EC 0x01, ISS.TI,
 * ELR_EL2 = the WFx itself). With the control clear the instruction completes at EL1: the
 * guest is given a reason to wake (a pending virtual IRQ, HCR_EL2.VI, masked by PSTATE.I),
 * so the run ends normally instead of sleeping until the watchdog.
 */
#include "arch/el2.h"
#include "arch/esr.h"
#include "cpu_id.h"
#include "esr_model.h"
#include "scenario.h"

struct wfx_row {
	const char *name;
	uint64_t payload;
	uint64_t insn; /* address of the WFx that may trap */
	unsigned ti;
	uint64_t trap; /* HCR_EL2 control */
	bool trapped;
	bool wfxt; /* WFIT/WFET: needs FEAT_WFxT; the timeout is in x17 (RV 1, RN 17) */
};

static const struct wfx_row wfx_rows[] = {
	{"[wfi][trap]", GSYM(gp_wfi), GSYM(gl_wfi), ESR_WFX_TI_WFI, HCR_TWI, true, false},
	{"[wfi][notrap]", GSYM(gp_wfi), GSYM(gl_wfi), ESR_WFX_TI_WFI, HCR_TWI, false, false},
	{"[wfe][trap]", GSYM(gp_wfe), GSYM(gl_wfe), ESR_WFX_TI_WFE, HCR_TWE, true, false},
	{"[wfe][notrap]", GSYM(gp_wfe), GSYM(gl_wfe), ESR_WFX_TI_WFE, HCR_TWE, false, false},
	{"[wfit][trap]", GSYM(gp_wfit), GSYM(gl_wfit), ESR_WFX_TI_WFIT, HCR_TWI, true, true},
	{"[wfit][notrap]", GSYM(gp_wfit), GSYM(gl_wfit), ESR_WFX_TI_WFIT, HCR_TWI, false, true},
	{"[wfet][trap]", GSYM(gp_wfet), GSYM(gl_wfet), ESR_WFX_TI_WFET, HCR_TWE, true, true},
	{"[wfet][notrap]", GSYM(gp_wfet), GSYM(gl_wfet), ESR_WFX_TI_WFET, HCR_TWE, false, true},
};

/* docs/coverage.md: the row's control, set when it expects the trap. */
static const char *wfx_row_fields(const void *row)
{
	const struct wfx_row *r = row;

	if (r->trap == HCR_TWI) {
		return r->trapped ? "+HCR_EL2.TWI" : "-HCR_EL2.TWI";
	}
	return r->trapped ? "+HCR_EL2.TWE" : "-HCR_EL2.TWE";
}

static const char *wfx_requires(const void *row, char *why, size_t len)
{
	const struct wfx_row *r = row;

	return r->wfxt ? cpu_requires(CPU_WFXT, why, len) : NULL;
}

static void run_wfx(struct scenario_ctx *c, const void *row)
{
	const struct wfx_row *r = row;

	sc_start(c, &(struct sc_setup){.payload = r->payload,
				       .vcpu.hcr = r->trapped ? r->trap : HCR_VI});
	struct exit e = sc_run(c);

	if (r->trapped) {
		if (!sc_expect_exit(c, &e, EXIT_WFX, esr_expect_wfx(r->ti, r->wfxt, 17), r->insn)) {
			return;
		}
		vcpu_skip_insn(sc_vcpu(c));
		e = sc_run(c);
	}
	sc_expect_done(c, &e, 0);
}

SCENARIO(
	trap_wfx, .id = "trap.wfx",
	.rule = "HCR_EL2.TWI/TWE = 1 trap a WFI/WFE that would wait (EC 0x01, IL 1, CV 1, "
		"COND 0xe, TI; WFIT/WFET: RV 1, RN = the timeout register) with ELR_EL2 = the WFx; "
		"= 0: it completes at EL1",
	SCENARIO_ROWS(wfx_rows), .requires = wfx_requires, .run = run_wfx, .ec = "0x01",
	.control = "HCR_EL2.TWI, HCR_EL2.TWE", .row_fields = wfx_row_fields);
