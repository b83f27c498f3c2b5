/* SPDX-License-Identifier: MIT */
/*
 * trap.debug.{breakpoint,watchpoint,step}: hardware debug exceptions generated at EL1 and
 * where they go (model/route_model.h debug_route()). MDCR_EL2.TDE = 1 makes EL2 the debug
 * target: the exception is taken to EL2 whatever MDSCR_EL1.KDE and PSTATE.D say (EC 0x30,
 * 0x34, 0x32). TDE = 0: the target is EL1 itself, where debug exceptions need KDE = 1 and
 * PSTATE.D = 0 (then EC 0x31/0x35 on the guest's vector), and are otherwise not generated.
 *
 * The vmm arms breakpoint/watchpoint 0 (matching at EL1 only) and MDSCR_EL1 from the vCPU's
 * initial debug state: with TDE = 1 the guest could not program them itself (TDE implies
 * TDA). A hit at EL2 is handled like a debugger would: disarm, resume.
 */
#include "arch/el2.h"
#include "arch/sysreg.h"
#include "esr_model.h"
#include "hvc.h"
#include "route_model.h"
#include "scenario.h"

#define MDSCR_SS  (1ULL << 0)
#define MDSCR_KDE (1ULL << 13)
#define MDSCR_MDE (1ULL << 15)
/* DBGBCR: E, PMC = 0b01 (EL1), BAS = 0b1111 (an A64 instruction), unlinked address match. */
#define BCR_EL1_ADDR 0x1e3ULL
/* DBGWCR: E, PAC = 0b01 (EL1), LSC = 0b11 (loads and stores), BAS = 0xff (a doubleword). */
#define WCR_EL1_DWORD 0x1ffbULL

#define WATCHED_IPA   (GUEST_RAM_IPA + 0x80000)
#define WATCHED_VALUE 0x1122334455667788ULL

struct debug_row {
	const char *name;
	bool tde, kde, d;
};

static const struct debug_row debug_rows[] = {
	{"[tde=1]", true, false, true},
	{"[tde=0,kde=1]", false, true, false},
	{"[tde=0,kde=0]", false, false, false},
};

/* Software step: stepping EL1 from EL1 (KDE) would step the runtime's own vector too. */
static const struct debug_row step_rows[] = {
	{"[tde=1]", true, false, true},
	{"[tde=0,kde=0]", false, false, false},
};

enum debug_kind { DBG_BREAKPOINT, DBG_WATCHPOINT, DBG_STEP };

static uint64_t spsr_for(const struct debug_row *r)
{
	return SPSR_M_EL1h | SPSR_A | SPSR_I | SPSR_F | (r->d ? SPSR_D : 0);
}

static enum route route_for(struct scenario_ctx *c, const struct debug_row *r)
{
	enum route route =
		debug_route(&(struct debug_state){.tde = r->tde, .kde = r->kde, .d = r->d});

	sc_diag(c, "expected_route", "%s", route_name(route));
	return route;
}

/* @far (of FAR_EL1 or FAR_EL2, named by @reg) must lie in the watched address's DC ZVA block. */
static void expect_watch_far(struct scenario_ctx *c, const char *reg, uint64_t far)
{
	if (!watchpoint_far_ok(far, WATCHED_IPA, 4ULL << (read_dczid_el0() & 0xf))) {
		sc_fail(c, "%s 0x%llx is outside the watched address's DC ZVA block", reg,
			(unsigned long long)far);
	}
}

static void run_breakpoint(struct scenario_ctx *c, const void *row)
{
	const struct debug_row *r = row;
	enum route route = route_for(c, r);

	if (!sc_start(c, &(struct sc_setup){
				 .payload = GSYM(gp_dbg_bp),
				 .vcpu.mdcr = r->tde ? MDCR_TDE : 0,
				 .vcpu.spsr = spsr_for(r),
				 .vcpu.debug = {.mdscr = MDSCR_MDE | (r->kde ? MDSCR_KDE : 0),
						.bvr0 = GSYM(gl_dbg_bp),
						.bcr0 = BCR_EL1_ADDR},
			 })) {
		return;
	}
	struct exit e = sc_run(c);

	if (route == ROUTE_EL2) {
		if (!sc_expect_exit(c, &e, EXIT_TRAP, esr_expect_breakpoint(true),
				    GSYM(gl_dbg_bp))) {
			return;
		}
		write_dbgbcr0_el1(0);
		e = sc_run(c);
	}
	if (route == ROUTE_EL1) {
		sc_expect_el1_exceptions(c);
	}
	if (sc_expect_done(c, &e, 0) && route == ROUTE_EL1) {
		sc_expect_el1_exception(c, 0x200, esr_expect_breakpoint(false), GSYM(gl_dbg_bp));
	}
}

SCENARIO(trap_debug_breakpoint, .id = "trap.debug.breakpoint",
	 .rule = "a hardware breakpoint hit at EL1 is taken to EL2 when MDCR_EL2.TDE = 1 (EC 0x30, "
		 "IFSC 0x22, IL 1, ELR_EL2 = the instruction; PSTATE.D and MDSCR_EL1.KDE do not "
		 "matter); with TDE = 0 at EL1 (EC 0x31) if MDSCR_EL1.KDE = 1 and PSTATE.D = 0, "
		 "else not generated",
	 SCENARIO_ROWS(debug_rows), .run = run_breakpoint, .ec = "0x30 0x31",
	 .control = "MDCR_EL2.TDE", .fields = "+-MDCR_EL2.TDE");

static void run_watchpoint(struct scenario_ctx *c, const void *row)
{
	static const uint64_t watched = WATCHED_VALUE;
	const struct debug_row *r = row;
	enum route route = route_for(c, r);
	uint64_t loaded, far;

	if (!sc_start(c, &(struct sc_setup){
				 .payload = GSYM(gp_dbg_load),
				 .args = {WATCHED_IPA},
				 .vcpu.mdcr = r->tde ? MDCR_TDE : 0,
				 .vcpu.spsr = spsr_for(r),
				 .vcpu.debug = {.mdscr = MDSCR_MDE | (r->kde ? MDSCR_KDE : 0),
						.wvr0 = WATCHED_IPA,
						.wcr0 = WCR_EL1_DWORD},
			 })) {
		return;
	}
	vm_load(sc_vm(c), IPA(WATCHED_IPA), &watched, sizeof(watched));
	struct exit e = sc_run(c);

	if (route == ROUTE_EL2) {
		if (!sc_expect_exit(c, &e, EXIT_TRAP, esr_expect_watchpoint(true, false),
				    GSYM(gl_dbg_load))) {
			return;
		}
		expect_watch_far(c, "FAR_EL2", e.far);
		write_dbgwcr0_el1(0);
		e = sc_run(c); /* the load re-executes, unwatched */
	}
	if (route == ROUTE_EL1) {
		sc_expect_el1_exceptions(c);
	}
	if (!sc_expect_done(c, &e, 0)) {
		return;
	}
	if (route == ROUTE_EL1) {
		sc_expect_el1_exception(c, 0x200, esr_expect_watchpoint(false, false),
					GSYM(gl_dbg_load));
		if (sc_report(c, GREPORT_FAR_EL1, &far)) {
			expect_watch_far(c, "FAR_EL1", far);
		}
	} else if (sc_report(c, GREPORT_USER, &loaded)) {
		sc_expect_u64(c, "loaded", loaded, WATCHED_VALUE);
	}
}

SCENARIO(
	trap_debug_watchpoint, .id = "trap.debug.watchpoint",
	.rule = "a watchpoint hit by a load at EL1 is taken to EL2 when MDCR_EL2.TDE = 1 (EC "
		"0x34, DFSC 0x22, WnR 0, IL 1, ELR_EL2 = the load, FAR in the watched address's DC "
		"ZVA block); with TDE = 0 at EL1 (EC 0x35) if MDSCR_EL1.KDE = 1 and PSTATE.D = 0, "
		"else not generated",
	SCENARIO_ROWS(debug_rows), .run = run_watchpoint, .ec = "0x34 0x35",
	.control = "MDCR_EL2.TDE", .fields = "+-MDCR_EL2.TDE");

static void run_step(struct scenario_ctx *c, const void *row)
{
	const struct debug_row *r = row;
	enum route route = route_for(c, r);

	if (!sc_start(c, &(struct sc_setup){
				 .payload = GSYM(gp_exit),
				 .vcpu.mdcr = r->tde ? MDCR_TDE : 0,
				 .vcpu.spsr = spsr_for(r) | SPSR_SS,
				 .vcpu.debug = {.mdscr = MDSCR_SS | (r->kde ? MDSCR_KDE : 0)},
			 })) {
		return;
	}
	struct exit e = sc_run(c);

	/* ERET with SPSR_EL2.SS = 1: one instruction (guest_start's first), then the step. */
	if (route == ROUTE_EL2) {
		if (!sc_expect_exit(c, &e, EXIT_TRAP, esr_expect_softstep(true, true, false),
				    GSYM(guest_start) + 4)) {
			return;
		}
		write_mdscr_el1(0);
		sc_vcpu(c)->pstate &= ~SPSR_SS;
		e = sc_run(c);
	}
	sc_expect_done(c, &e, 0);
}

SCENARIO(trap_debug_step, .id = "trap.debug.step",
	 .rule = "software step of EL1 (MDSCR_EL1.SS = 1, ERET with SPSR_EL2.SS = 1) with MDCR_EL2."
		 "TDE = 1: one instruction, then EC 0x32 at EL2 with ISV 1, EX 0, IFSC 0x22, "
		 "ELR_EL2 "
		 "= the next instruction; with TDE = 0 and KDE = 0 no step is generated",
	 SCENARIO_ROWS(step_rows), .run = run_step, .ec = "0x32", .control = "MDCR_EL2.TDE",
	 .fields = "+-MDCR_EL2.TDE");
