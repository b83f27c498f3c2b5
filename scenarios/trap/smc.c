/* SPDX-License-Identifier: MIT */
/*
 * trap.smc: HCR_EL2.TSC and where an SMC from EL1 goes (model/route_model.h smc_route()):
 * trapped to EL2 with EC 0x17 and ELR_EL2 = the SMC itself (a trap, not a call: the
 * hypervisor must step over it), UNDEFINED at EL1 (EC 0x00 on the guest's own vector), or
 * taken to EL3 firmware and returning after the SMC.
 *
 * The call is PSCI_VERSION, so that firmware (or QEMU's built-in PSCI, the "ersatz EL3" of
 * its virt board) answers it harmlessly. SCR_EL3.SMD cannot be read from EL2: a device tree
 * that names SMC as the PSCI conduit says the firmware takes SMCs (SMD = 0); without one the
 * EL3 row is skipped.
 */
#include <stdio.h>

#include "arch/el2.h"
#include "cpu_id.h"
#include "esr_model.h"
#include "hvc.h"
#include "platform.h"
#include "route_model.h"
#include "scenario.h"

#define PSCI_VERSION_FN 0x84000000ULL

struct smc_row {
	const char *name;
	bool tsc, nv;
};

static const struct smc_row smc_rows[] = {
	{"[tsc=1]", true, false},
	{"[tsc=0]", false, false},
	{"[tsc=1,nv=1]", true, true},
};

static const char *smc_requires(const void *row, char *why, size_t len)
{
	const struct smc_row *r = row;

	if (r->nv && cpu_requires(CPU_NV, why, len)) {
		return why;
	}
	if (!r->tsc && vmm_caps.el3 && platform.psci != PSCI_SMC) {
		snprintf(why, len,
			 "ID_AA64PFR0_EL1.EL3 != 0 and the DTB names no SMC PSCI conduit: "
			 "SCR_EL3.SMD unknown");
		return why;
	}
	return NULL;
}

static void expect_undef_el1(struct scenario_ctx *c)
{

	sc_expect_el1_exception(c, 0x200, esr_expect_unknown(), GSYM(gl_smc));
}

static void run_smc(struct scenario_ctx *c, const void *row)
{
	const struct smc_row *r = row;
	const struct smc_state st = {
		.have_el3 = vmm_caps.el3,
		.smd = false, /* see the file comment */
		.have_nv = cpu_has(cpu_id_regs(), CPU_NV),
		.nv = r->nv,
		.tsc = r->tsc,
	};
	enum route expect = smc_route(&st);

	sc_diag(c, "expected_route", "%s", route_name(expect));
	if (!sc_start(c, &(struct sc_setup){.payload = GSYM(gp_smc),
					    .args = {PSCI_VERSION_FN},
					    .vcpu.hcr = (r->tsc ? HCR_TSC : 0) |
							(r->nv ? HCR_NV : 0)})) {
		return;
	}
	struct exit e = sc_run(c);

	switch (expect) {
	case ROUTE_EL2:
		if (sc_expect_exit(c, &e, EXIT_TRAP, esr_expect_smc64(0x1234), GSYM(gl_smc))) {
			vcpu_skip_insn(sc_vcpu(c));
			e = sc_run(c);
			sc_expect_done(c, &e, 0);
		}
		break;
	case ROUTE_EL1:
		sc_expect_el1_exceptions(c);
		if (sc_expect_done(c, &e, 0)) {
			expect_undef_el1(c);
		}
		break;
	case ROUTE_EL3:
	case ROUTE_EXECUTES:
		/* Firmware returned to the instruction after the SMC; nothing reached EL1/EL2. */
		sc_expect_done(c, &e, 0);
		break;
	}
}

SCENARIO(trap_smc, .id = "trap.smc",
	 .rule = "AArch64.CheckForSMCUndefOrTrap(): SMC at EL1 with HCR_EL2.TSC = 1 is trapped to "
		 "EL2 (EC 0x17, ISS = imm16, ELR_EL2 = the SMC) when EL3 exists or FEAT_NV and "
		 "HCR_EL2.NV = 1; with no EL3 it is otherwise UNDEFINED at EL1; with EL3 and TSC = "
		 "0 it is taken to EL3",
	 SCENARIO_ROWS(smc_rows), .requires = smc_requires, .run = run_smc, .ec = "0x17 0x00",
	 .control = "HCR_EL2.TSC", .fields = "+-HCR_EL2.TSC");
