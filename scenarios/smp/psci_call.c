/* SPDX-License-Identifier: MIT */
/*
 * smp.psci.call: PSCI calls that need no second PE, each row a script of calls made by vCPU 0
 * of a 2-vCPU PSCI VM (vCPU 1 off, guest/smp_psci.S gp_psci_calls), every call's x0 compared
 * with what DEN0022 says: PSCI_VERSION, PSCI_FEATURES, NOT_SUPPORTED for the functions the
 * vmm does not implement (vmm/psci.h), CPU_ON's errors, AFFINITY_INFO at each level, CPU_OFF
 * and SYSTEM_OFF as exits. A CPU_ON that succeeds ends the run with EXIT_PSCI_CPU_ON naming
 * vCPU 1; the scenario resumes vCPU 0 and, in the rows that say so, then runs vCPU 1 on the
 * same PE to check the entry state CPU_ON gave it.
 *
 * Not in smp.psci (.pes = 2), so that these rows run beside other instances and at -smp 1, and
 * under one prefix with it, so that hyptap.only='smp.psci*' selects all of PSCI. Return codes
 * are compared in their low 32 bits: DEN0022 gives them as 32-bit signed integers (w0).
 */
#include <stdio.h>

#include "psci_guest.h"

struct psci_step {
	uint64_t x[4];
	int32_t ret;
};

struct psci_call_row {
	const char *name;
	unsigned conduit;
	unsigned steps;
	struct psci_step step[PSCI_G_SCRIPT_MAX];
	enum exit_reason end; /* 0: the script ends (EXIT_GUEST_DONE, status 0) */
	bool run_target;      /* run vCPU 1 after vCPU 0: the entry state of its CPU_ON */
	uint64_t context_id;  /* ... and the x0 it must start with */
};

#define RAM_END	     (GUEST_RAM_IPA + GUEST_RAM_SIZE)
#define ENTRY	     GSYM(gl_psci_secondary)
#define SELF	     (PSCI_G_MPIDR0 & PSCI_MPIDR_AFF_MASK)
#define UNKNOWN_CPU  (PSCI_G_TARGET1 + 1)	       /* 0.0.1.2: no vCPU */
#define UNKNOWN_AFF3 (PSCI_G_TARGET1 | 0x100000000ULL) /* 1.0.1.1 */
#define HI	     0xffffffff00000000ULL	       /* upper halves an SMC32 call ignores */

/* The functions vmm/psci.h implements, and some it does not. */
#define FEATURES(fn, ok)                                                                           \
	{                                                                                          \
		{PSCI_FN_FEATURES, (fn)}, (ok) ? PSCI_RET_SUCCESS : PSCI_RET_NOT_SUPPORTED         \
	}
#define VERSION                                                                                    \
	{                                                                                          \
		{PSCI_FN_VERSION}, PSCI_VERSION_1_0                                                \
	}
#define AFF64(t, l, ret)                                                                           \
	{                                                                                          \
		{PSCI_FN64_AFFINITY_INFO, (t), (l)}, (ret)                                         \
	}
#define ON64(t, e, ret)                                                                            \
	{                                                                                          \
		{PSCI_FN64_CPU_ON, (t), (e), 0x5eed}, (ret)                                        \
	}

static const struct psci_call_row call_rows[] = {
	{.name = "[hvc,version]",
	 .conduit = PSCI_G_HVC,
	 .steps = 2,
	 .step = {VERSION, {{HI | PSCI_FN_VERSION}, PSCI_VERSION_1_0}}},
	{.name = "[smc,version]", .conduit = PSCI_G_SMC, .steps = 1, .step = {VERSION}},
	{.name = "[hvc,features]",
	 .conduit = PSCI_G_HVC,
	 .steps = 8,
	 .step = {FEATURES(PSCI_FN_VERSION, 1),
		  FEATURES(PSCI_FN_CPU_ON, 1),
		  FEATURES(PSCI_FN64_CPU_ON, 1),
		  FEATURES(PSCI_FN_CPU_OFF, 1),
		  FEATURES(PSCI_FN64_AFFINITY_INFO, 1),
		  FEATURES(PSCI_FN_SYSTEM_OFF, 1),
		  FEATURES(PSCI_FN_FEATURES, 1),
		  {{PSCI_FN_FEATURES, HI | PSCI_FN_AFFINITY_INFO}, PSCI_RET_SUCCESS}}},
	{.name = "[smc,features]",
	 .conduit = PSCI_G_SMC,
	 .steps = 3,
	 .step = {FEATURES(PSCI_FN_VERSION, 1), FEATURES(PSCI_FN64_CPU_ON, 1),
		  FEATURES(PSCI_FN_CPU_SUSPEND, 0)}},
	/* What PSCI_FEATURES says is absent answers NOT_SUPPORTED, as does an id that is no
	 * function (SMCCC). */
	{.name = "[hvc,not-supported]",
	 .conduit = PSCI_G_HVC,
	 .steps = 8,
	 .step = {FEATURES(PSCI_FN_CPU_SUSPEND, 0),
		  {{PSCI_FN64_CPU_SUSPEND, 0, ENTRY, 0}, PSCI_RET_NOT_SUPPORTED},
		  FEATURES(PSCI_FN_MIGRATE_INFO_TYPE, 0),
		  {{PSCI_FN_MIGRATE_INFO_TYPE}, PSCI_RET_NOT_SUPPORTED},
		  FEATURES(0xc4000000, 0),
		  {{0xc4000000}, PSCI_RET_NOT_SUPPORTED},
		  {{0x8400001f}, PSCI_RET_NOT_SUPPORTED},
		  {{0x80000000}, PSCI_RET_NOT_SUPPORTED}}},
	/* CPU_ON (DEN0022 5.6) errors; vCPU 1 stays OFF through all of them. */
	{.name = "[hvc,cpu_on.unknown-mpidr]",
	 .conduit = PSCI_G_HVC,
	 .steps = 4,
	 .step = {ON64(UNKNOWN_CPU, ENTRY, PSCI_RET_INVALID_PARAMETERS),
		  ON64(UNKNOWN_AFF3, ENTRY, PSCI_RET_INVALID_PARAMETERS),
		  {{PSCI_FN_CPU_ON, UNKNOWN_CPU, ENTRY, 0}, PSCI_RET_INVALID_PARAMETERS},
		  AFF64(PSCI_G_TARGET1, 0, PSCI_STATE_OFF)}},
	{.name = "[smc,cpu_on.unknown-mpidr]",
	 .conduit = PSCI_G_SMC,
	 .steps = 1,
	 .step = {ON64(UNKNOWN_CPU, ENTRY, PSCI_RET_INVALID_PARAMETERS)}},
	{.name = "[hvc,cpu_on.already-on]",
	 .conduit = PSCI_G_HVC,
	 .steps = 2,
	 .step = {ON64(SELF, ENTRY, PSCI_RET_ALREADY_ON),
		  {{PSCI_FN_CPU_ON, HI | SELF, ENTRY, 0}, PSCI_RET_ALREADY_ON}}},
	{.name = "[hvc,cpu_on.invalid-address]",
	 .conduit = PSCI_G_HVC,
	 .steps = 5,
	 .step = {ON64(PSCI_G_TARGET1, 0, PSCI_RET_INVALID_ADDRESS),
		  ON64(PSCI_G_TARGET1, GUEST_RAM_IPA - 4, PSCI_RET_INVALID_ADDRESS),
		  ON64(PSCI_G_TARGET1, RAM_END, PSCI_RET_INVALID_ADDRESS),
		  ON64(PSCI_G_TARGET1, HI | ENTRY, PSCI_RET_INVALID_ADDRESS),
		  AFF64(PSCI_G_TARGET1, 0, PSCI_STATE_OFF)}},
	/* A second CPU_ON before the vmm entered vCPU 1: ON_PENDING, and AFFINITY_INFO says so. */
	{.name = "[hvc,cpu_on.pending]",
	 .conduit = PSCI_G_HVC,
	 .steps = 4,
	 .step = {ON64(PSCI_G_TARGET1, ENTRY, PSCI_RET_SUCCESS),
		  AFF64(PSCI_G_TARGET1, 0, PSCI_STATE_ON_PENDING),
		  ON64(PSCI_G_TARGET1, ENTRY, PSCI_RET_ON_PENDING), AFF64(SELF, 0, PSCI_STATE_ON)}},
	{.name = "[smc,cpu_on.pending]",
	 .conduit = PSCI_G_SMC,
	 .steps = 3,
	 .step = {ON64(PSCI_G_TARGET1, ENTRY, PSCI_RET_SUCCESS),
		  AFF64(PSCI_G_TARGET1, 0, PSCI_STATE_ON_PENDING),
		  ON64(PSCI_G_TARGET1, ENTRY, PSCI_RET_ON_PENDING)}},
	/* AFFINITY_INFO (DEN0022 5.7): levels 0..3 over vCPU 0 (0.0.1.0, ON), vCPU 1 (0.0.1.1). */
	{.name = "[hvc,affinity_info]",
	 .conduit = PSCI_G_HVC,
	 .steps = 8,
	 .step = {AFF64(SELF, 0, PSCI_STATE_ON),
		  AFF64(PSCI_G_TARGET1, 0, PSCI_STATE_OFF),
		  AFF64(PSCI_G_TARGET1, 1, PSCI_STATE_ON),
		  AFF64(0x1ff, 1, PSCI_STATE_ON),
		  AFF64(0x0000, 2, PSCI_STATE_ON),
		  AFF64(UNKNOWN_AFF3, 3, PSCI_RET_INVALID_PARAMETERS),
		  AFF64(SELF, 4, PSCI_RET_INVALID_PARAMETERS),
		  {{PSCI_FN_AFFINITY_INFO, HI | PSCI_G_TARGET1, HI}, PSCI_STATE_OFF}}},
	/* SMC32 CPU_ON from AArch64: W1..W3 (SMCCC); vCPU 1 then runs here and reports. */
	{.name = "[hvc,cpu_on32.upper-ignored]",
	 .conduit = PSCI_G_HVC,
	 .steps = 1,
	 .step = {{{PSCI_FN_CPU_ON, HI | PSCI_G_TARGET1, HI | ENTRY, HI | 0x13572468},
		   PSCI_RET_SUCCESS}},
	 .run_target = true,
	 .context_id = 0x13572468},
	{.name = "[hvc,cpu_on64.entry-state]",
	 .conduit = PSCI_G_HVC,
	 .steps = 1,
	 .step = {{{PSCI_FN64_CPU_ON, PSCI_G_TARGET1, ENTRY, 0x8765432112345678ULL},
		   PSCI_RET_SUCCESS}},
	 .run_target = true,
	 .context_id = 0x8765432112345678ULL},
	{.name = "[hvc,cpu_off]",
	 .conduit = PSCI_G_HVC,
	 .steps = 1,
	 .step = {{{PSCI_FN_CPU_OFF}, 0}},
	 .end = EXIT_PSCI_CPU_OFF},
	{.name = "[hvc,system_off]",
	 .conduit = PSCI_G_HVC,
	 .steps = 1,
	 .step = {{{PSCI_FN_SYSTEM_OFF}, 0}},
	 .end = EXIT_SYSTEM_OFF},
	{.name = "[smc,system_off]",
	 .conduit = PSCI_G_SMC,
	 .steps = 1,
	 .step = {{{PSCI_FN_SYSTEM_OFF}, 0}},
	 .end = EXIT_SYSTEM_OFF},
};

static const char *call_requires(const void *row, char *why, size_t len)
{
	return psci_conduit_requires(((const struct psci_call_row *)row)->conduit, why, len);
}

static bool is_cpu_on(uint64_t x0)
{
	return (uint32_t)x0 == PSCI_FN_CPU_ON || (uint32_t)x0 == PSCI_FN64_CPU_ON;
}

/* vCPU 0's script; every CPU_ON that succeeds is one EXIT_PSCI_CPU_ON naming vCPU 1. */
static bool run_script(struct scenario_ctx *c, const struct psci_call_row *r, struct vcpu *v0,
		       struct vcpu *v1)
{
	unsigned expect_on = 0, ons = 0;
	struct exit e;

	for (unsigned i = 0; i < r->steps; i++) {
		expect_on += is_cpu_on(r->step[i].x[0]) && r->step[i].ret == PSCI_RET_SUCCESS;
	}
	for (;;) {
		e = sc_run_vcpu(c, v0);
		if (e.reason != EXIT_PSCI_CPU_ON || ons > expect_on) {
			break;
		}
		ons++;
		if (e.target != v1) {
			sc_fail(c, "EXIT_PSCI_CPU_ON names another vCPU than vCPU 1");
		}
	}
	sc_expect_u64(c, "cpu_on_exits", ons, expect_on);
	psci_expect_no_el1_exception(c, v0, "vCPU 0");
	if (r->end) {
		if (!sc_expect_reason(c, &e, r->end)) {
			sc_diag_exit(c, &e);
			return false;
		}
	} else if (!sc_expect_done(c, &e, 0)) {
		return false;
	}
	for (unsigned i = 0; i < r->steps && !r->end; i++) {
		char what[48];
		uint64_t got;

		snprintf(what, sizeof(what), "call%u.%s.w0", i,
			 psci_fn_name((uint32_t)r->step[i].x[0]));
		if (psci_report(c, v0, GREPORT_USER + i, what, &got)) {
			sc_expect_u64(c, what, (uint32_t)got, (uint32_t)r->step[i].ret);
		}
	}
	return true;
}

static void run_call(struct scenario_ctx *c, const void *row)
{
	const struct psci_call_row *r = row;
	uint64_t script[PSCI_G_SCRIPT_MAX][PSCI_G_SCRIPT_WORDS] = {{0}};
	const uint64_t flag = 1, conduit = r->conduit;
	struct vcpu *v1, *v0;

	for (unsigned i = 0; i < r->steps; i++) {
		script[i][0] = r->conduit;
		for (unsigned k = 0; k < 4; k++) {
			script[i][k + 1] = r->step[i].x[k];
		}
	}
	v0 = psci_vm_start(c, GSYM(gp_psci_calls), (uint64_t[3]){r->steps}, &v1);
	if (!v0 || vm_load(sc_vm(c), IPA(GSYM(gl_psci_script)), script, sizeof(script)) ||
	    vm_load(sc_vm(c), IPA(GSYM(gl_psci_conduit)), &conduit, sizeof(conduit)) ||
	    vm_load(sc_vm(c), IPA(GSYM(gl_psci_flag)), &flag, sizeof(flag))) {
		sc_fail(c, "PSCI VM setup failed");
		return;
	}
	if (!run_script(c, r, v0, v1)) {
		return;
	}
	if (r->end == EXIT_PSCI_CPU_OFF) {
		/* An OFF vCPU does not run: vcpu_run() says so without entering it. */
		struct exit e = sc_run_vcpu(c, v0);

		sc_diag(c, "vcpu", "0 run again after CPU_OFF");
		sc_expect_reason(c, &e, EXIT_PSCI_CPU_OFF);
	}
	if (r->run_target) {
		struct exit e = sc_run_vcpu(c, v1);

		psci_expect_secondary(c, v1, &e, r->context_id, PSCI_G_MPIDR1);
	}
}

SCENARIO(smp_psci_call, .id = "smp.psci.call",
	 .rule = "DEN0022 5 (and SMCCC for ids and W-register arguments): PSCI_VERSION 1.0; "
		 "PSCI_FEATURES 0 for implemented functions, NOT_SUPPORTED otherwise, as the calls "
		 "themselves; CPU_ON INVALID_PARAMETERS (no such MPIDR), INVALID_ADDRESS (entry "
		 "outside RAM), ALREADY_ON, ON_PENDING; AFFINITY_INFO per level; CPU_ON's entry "
		 "state (6.4); CPU_OFF and SYSTEM_OFF do not return",
	 SCENARIO_ROWS(call_rows), .requires = call_requires, .run = run_call);
