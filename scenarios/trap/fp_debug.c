/* SPDX-License-Identifier: MIT */
/*
 * trap.fp: CPTR_EL2.TFP traps FP/SIMD at EL1 (EC 0x07, ELR_EL2 = the instruction); the vmm then
 * lifts the trap and re-executes it, as a lazy FP switch would. Clear: the instruction runs.
 * trap.debug.brk: MDCR_EL2.TDE routes BRK from EL1 to EL2 (EC 0x3C, ELR_EL2 = the BRK); clear,
 * the guest takes it on its own vector with the same syndrome in ESR_EL1.
 */
#include "arch/el2.h"
#include "esr_model.h"
#include "hvc.h"
#include "scenario.h"

#define FP_PATTERN 0x3ff0123456789abcULL

struct trap_row {
	const char *name;
	bool trapped;
};

static const struct trap_row trap_rows[] = {
	{"[trap]", true},
	{"[notrap]", false},
};

static void run_fp(struct scenario_ctx *c, const void *row)
{
	const struct trap_row *r = row;
	uint64_t value;

	if (!sc_start(c, &(struct sc_setup){.payload = GSYM(gp_fp),
					    .args = {FP_PATTERN},
					    .vcpu.cptr = r->trapped ? CPTR_TFP : 0})) {
		return;
	}
	struct exit e = sc_run(c);

	if (r->trapped) {
		if (!sc_expect_exit(c, &e, EXIT_TRAP, esr_expect_fp_access(), GSYM(gl_fp))) {
			return;
		}
		/* Lift the trap and re-execute the same instruction. */
		vcpu_set_cptr_traps(sc_vcpu(c), 0);
		e = sc_run(c);
	}
	if (sc_expect_done(c, &e, 0) && sc_report(c, GREPORT_USER, &value)) {
		sc_expect_u64(c, "fp_roundtrip", value, FP_PATTERN);
	}
}

SCENARIO(trap_fp, .id = "trap.fp",
	 .rule = "CPTR_EL2.TFP = 1 traps FP/SIMD at EL1 (EC 0x07, IL 1, CV 1, COND 0xe, ELR_EL2 = "
		 "the instruction); = 0: the instruction executes",
	 SCENARIO_ROWS(trap_rows), .run = run_fp, .ec = "0x07", .control = "CPTR_EL2.TFP",
	 .fields = "+-CPTR_EL2.TFP");

static void run_brk(struct scenario_ctx *c, const void *row)
{
	const struct trap_row *r = row;

	if (!sc_start(c, &(struct sc_setup){.payload = GSYM(gp_brk),
					    .vcpu.mdcr = r->trapped ? MDCR_TDE : 0})) {
		return;
	}
	struct exit e = sc_run(c);

	if (r->trapped) {
		if (!sc_expect_exit(c, &e, EXIT_TRAP, esr_expect_brk64(0x77), GSYM(gl_brk))) {
			return;
		}
		vcpu_skip_insn(sc_vcpu(c));
		e = sc_run(c);
		sc_expect_done(c, &e, 0);
		return;
	}
	sc_expect_el1_exceptions(c);
	if (!sc_expect_done(c, &e, 0)) {
		return;
	}
	sc_expect_el1_exception(c, 0x200, esr_expect_brk64(0x77), GSYM(gl_brk));
}

SCENARIO(trap_debug_brk, .id = "trap.debug.brk",
	 .rule = "BRK from EL1 is a debug exception: with MDCR_EL2.TDE = 1 it is routed to EL2 "
		 "(EC 0x3C, ISS = imm16, ELR = the BRK); with TDE = 0 it is taken at EL1",
	 SCENARIO_ROWS(trap_rows), .run = run_brk, .ec = "0x3C", .control = "MDCR_EL2.TDE",
	 .fields = "+-MDCR_EL2.TDE");
