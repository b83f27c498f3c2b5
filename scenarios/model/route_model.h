/* SPDX-License-Identifier: MIT */
/*
 * The routing oracle: where the architecture sends an instruction or exception from EL1 — to
 * EL2, to the guest's own EL1 vector, to EL3, or nowhere (it executes) — given the controls.
 * Pure code, unit-tested on the host (tests/unit/route_model_test.c); the syndromes themselves
 * come from esr_model.h.
 */
#ifndef MODEL_ROUTE_MODEL_H
#define MODEL_ROUTE_MODEL_H

#include <stdbool.h>

enum route {
	ROUTE_EXECUTES, /* no exception: the instruction has its effect at EL1 */
	ROUTE_EL1,	/* an exception taken on the guest's own EL1 vector */
	ROUTE_EL2,	/* an exception taken to EL2 */
	ROUTE_EL3,	/* the SMC is taken to EL3 (firmware): returns to the next instruction */
};

const char *route_name(enum route r);

/**
 * struct smc_state - what AArch64.CheckForSMCUndefOrTrap() reads for an SMC at EL1.
 * @have_el3: HaveEL(EL3), i.e. ID_AA64PFR0_EL1.EL3 != 0.
 * @smd: SCR_EL3.SMD (only meaningful with EL3; not readable from EL2).
 * @have_nv: FEAT_NV (ID_AA64MMFR2_EL1.NV != 0).
 * @nv: HCR_EL2.NV.
 * @tsc: HCR_EL2.TSC.
 */
struct smc_state {
	bool have_el3, smd, have_nv, nv, tsc;
};

/**
 * smc_route() - where SMC from EL1 (EL2 enabled) goes.
 *
 * AArch64.CheckForSMCUndefOrTrap(): the TSC trap has priority over SCR_EL3.SMD; without EL3
 * an SMC at EL1 is UNDEFINED unless FEAT_NV, HCR_EL2.NV and TSC are all 1, in which case it
 * is trapped to EL2 (EC 0x17, preferred return = the SMC itself). With EL3: TSC = 1 traps to
 * EL2; else SMD = 1 makes it UNDEFINED; else it is taken to EL3.
 */
enum route smc_route(const struct smc_state *s);

#endif /* MODEL_ROUTE_MODEL_H */
