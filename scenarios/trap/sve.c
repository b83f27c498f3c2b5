/* SPDX-License-Identifier: MIT */
/*
 * trap.sve: CPTR_EL2.TZ traps SVE at EL1 to EL2 (EC 0x19, ISS 0, ELR_EL2 = the instruction);
 * the vmm lifts it and re-executes, as a lazy SVE switch does. CPACR_EL1.ZEN = 0 traps the
 * same instruction to EL1 instead — with priority over TZ (model/route_model.h sve_route()).
 * Executed, RDVL #1 returns the vector length in bytes: 16, since the vmm sets ZCR_EL2.LEN
 * to 0 (128 bits, a length every SVE implementation supports).
 */
#include "arch/el2.h"
#include "cpu_id.h"
#include "esr_model.h"
#include "hvc.h"
#include "route_model.h"
#include "scenario.h"

#define CPACR_ZEN_EL1_EL0 (3ULL << 16)
#define VL_BYTES	  16

struct sve_row {
	const char *name;
	bool zen, tz;
};

static const struct sve_row sve_rows[] = {
	{"[tz=1]", true, true},
	{"[tz=0]", true, false},
	{"[zen=0,tz=0]", false, false},
	{"[zen=0,tz=1]", false, true},
};

static const char *sve_requires(const void *row, char *why, size_t len)
{
	(void)row;
	return cpu_requires(CPU_SVE, why, len);
}

static void run_sve(struct scenario_ctx *c, const void *row)
{
	const struct sve_row *r = row;
	enum route route = sve_route(r->zen, r->tz);
	uint64_t vl;

	sc_diag(c, "expected_route", "%s", route_name(route));
	if (!sc_start(c, &(struct sc_setup){.payload = GSYM(gp_sve),
					    .args = {r->zen ? CPACR_ZEN_EL1_EL0 : 0},
					    .vcpu.cptr = r->tz ? CPTR_TZ : 0})) {
		return;
	}
	struct exit e = sc_run(c);

	if (route == ROUTE_EL2) {
		if (!sc_expect_exit(c, &e, EXIT_TRAP, esr_expect_sve_access(), GSYM(gl_sve))) {
			return;
		}
		vcpu_set_cptr_traps(sc_vcpu(c), 0);
		e = sc_run(c);
	}
	if (route == ROUTE_EL1) {
		sc_expect_el1_exceptions(c);
	}
	if (!sc_expect_done(c, &e, 0)) {
		return;
	}
	if (route != ROUTE_EL1) {
		if (sc_report(c, GREPORT_USER, &vl)) {
			sc_expect_u64(c, "rdvl", vl, VL_BYTES);
		}
		return;
	}
	sc_expect_el1_exception(c, 0x200, esr_expect_sve_access(), GSYM(gl_sve));
}

SCENARIO(trap_sve, .id = "trap.sve",
	 .rule = "CPTR_EL2.TZ = 1 traps SVE at EL1 to EL2 (EC 0x19, ISS 0, ELR_EL2 = the "
		 "instruction); CPACR_EL1.ZEN = 0 traps it to EL1 instead, with priority over TZ; "
		 "else it executes (RDVL #1 = 16 with ZCR_EL2.LEN = 0)",
	 SCENARIO_ROWS(sve_rows), .requires = sve_requires, .run = run_sve, .ec = "0x19",
	 .control = "CPTR_EL2.TZ, CPACR_EL1.ZEN", .fields = "+-CPTR_EL2.TZ");
