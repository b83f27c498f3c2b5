/* SPDX-License-Identifier: MIT */
/*
 * guest.*: the harness's own contract with a guest. The exit channels work (HVC service ABI,
 * and the doorbell store when HVC is disabled), a guest takes its own EL1 exceptions without
 * EL2 seeing them, and a runaway or crashing guest is stopped and reported.
 */
#include "arch/el2.h"
#include "arch/esr.h"
#include "esr_model.h"
#include "hvc.h"
#include "scenario.h"

struct exit_row {
	const char *name;
	uint64_t status;
	bool doorbell;
};

static const struct exit_row exit_one = {"", 0x600d, false};
static const struct exit_row exit_doorbell = {"", 0x1234, true};
static const struct exit_row exit_rows[] = {
	{"[0]", 0, false},
	{"[1]", 1, false},
	{"[0xffffffffffffffff]", ~0ULL, false},
};

static void run_exit(struct scenario_ctx *c, const void *row)
{
	const struct exit_row *r = row ? row : &exit_one;

	/* HCR_EL2.HCD = 1 makes HVC UNDEFINED at EL1: only the doorbell can end the run. */
	sc_start(c, &(struct sc_setup){
			    .payload = r->doorbell ? GSYM(gp_exit_doorbell) : GSYM(gp_exit),
			    .args = {r->status},
			    .vcpu.hcr = r->doorbell ? HCR_HCD : 0,
		    });
	struct exit e = sc_run(c);

	sc_expect_done(c, &e, r->status);
}

static void run_exit_doorbell(struct scenario_ctx *c, const void *row)
{
	(void)row;
	run_exit(c, &exit_doorbell);
}

SCENARIO(guest_exit, .id = "guest.exit",
	 .rule = "the guest ends its run through the service ABI (HVC #0x4854 EXIT) and the vmm "
		 "sees its exact status",
	 .run = run_exit);

SCENARIO(guest_exit_status, .id = "guest.exit.status",
	 .rule = "the service ABI carries the full 64-bit exit status", SCENARIO_ROWS(exit_rows),
	 .run = run_exit);

SCENARIO(guest_exit_doorbell, .id = "guest.exit.doorbell",
	 .rule = "with HCR_EL2.HCD = 1 (HVC UNDEFINED at EL1) a 64-bit store to the doorbell IPA "
		 "still ends the run with the stored status",
	 .run = run_exit_doorbell);

struct el1_exc_row {
	const char *name;
	uint64_t payload;
	uint64_t vector;  /* VBAR_EL1 offset the exception must use */
	uint64_t esr_el1; /* computed by the oracle in run */
	uint64_t elr_el1;
};

static const struct el1_exc_row el1_exc_rows[] = {
	/* UDF at EL1: current EL with SP_ELx, synchronous (offset 0x200). */
	{"[udf]", GSYM(gp_udf), 0x200, 0, GSYM(gl_udf)},
	/* SVC from EL0 (AArch64): lower EL, synchronous (offset 0x400). */
	{"[svc-from-el0]", GSYM(gp_svc_el0), 0x400, 1, GSYM(gl_svc_el0) + 4},
};

static void run_el1_exception(struct scenario_ctx *c, const void *row)
{
	const struct el1_exc_row *r = row;
	/*
	 * UDF: EC 0x00 (unknown), IL 1, ISS 0; ELR_EL1 = the UDF itself.
	 * SVC: EC 0x15, IL 1, imm16; ELR_EL1 = the instruction after the SVC.
	 */
	uint64_t expect_esr = r->esr_el1 ? esr_expect_svc64(0x42) : esr_expect_unknown();

	sc_start(c, &(struct sc_setup){.payload = r->payload});
	sc_expect_el1_exceptions(c);
	struct exit e = sc_run(c);

	/* Any exit but the final service EXIT would mean EL2 saw the exception. */
	if (!sc_expect_done(c, &e, 0)) {
		return;
	}
	sc_expect_el1_exception(c, r->vector, expect_esr, r->elr_el1);
}

SCENARIO(guest_el1_exception, .id = "guest.el1-exception",
	 .rule = "exceptions the guest takes at EL1 (UDF, SVC from EL0) use its own VBAR_EL1 "
		 "with the architected ESR_EL1/ELR_EL1 and never reach EL2",
	 SCENARIO_ROWS(el1_exc_rows), .run = run_el1_exception, .ec = "0x00 0x15",
	 .control = "none: the guest's own EL1 exceptions never reach EL2");

static void run_runaway(struct scenario_ctx *c, const void *row)
{
	(void)row;
	sc_start(c, &(struct sc_setup){.payload = GSYM(gp_runaway)});
	struct exit e = sc_run(c);

	sc_expect_reason(c, &e, EXIT_TIMEOUT);
}

SCENARIO(guest_runaway, .id = "guest.runaway",
	 .rule = "a guest that never exits is stopped by the CNTHP watchdog (IRQ to EL2 with "
		 "HCR_EL2.IMO = 1) and reported as a timeout",
	 .run = run_runaway);

struct crash_row {
	const char *name;
	uint64_t payload;
	uint64_t target; /* payload argument: branch target or VBAR_EL1 */
	uint64_t fetch;	 /* the address whose fetch must abort */
};

static const struct crash_row crash_rows[] = {
	{"[jump-unmapped]", GSYM(gp_jump), 0x50000000, 0x50000000},
	/* UDF with VBAR_EL1 unmapped: the vector fetch (VBAR + 0x200) aborts at stage 2. */
	{"[no-vector]", GSYM(gp_no_vector), 0x60000000, 0x60000200},
};

static void run_crash(struct scenario_ctx *c, const void *row)
{
	const struct crash_row *r = row;

	if (!sc_start(c, &(struct sc_setup){.payload = r->payload, .args = {r->target}})) {
		return;
	}
	unsigned level = pgt_fault_level(&sc_vm(c)->geom, sc_vm(c)->root, r->fetch);
	struct exit e = sc_run(c);

	if (!sc_expect_exit(c, &e, EXIT_IABT, esr_expect_iabt_s2(ESR_FSC_TRANS(level)), r->fetch)) {
		return;
	}
	sc_expect_u64(c, "far_el2", e.far, r->fetch);
	sc_expect_u64(c, "hpfar_el2", e.hpfar, hpfar_expect(r->fetch));
}

SCENARIO(guest_crash, .id = "guest.crash",
	 .rule = "a fetch from an IPA without a stage 2 mapping is an Instruction Abort to EL2 "
		 "(EC 0x20, translation fault at the level the walk stops) with FAR/HPFAR/ELR = "
		 "the fetch address; the suite continues",
	 SCENARIO_ROWS(crash_rows), .run = run_crash);
