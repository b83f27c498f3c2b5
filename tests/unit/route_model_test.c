/* SPDX-License-Identifier: MIT */
/*
 * Host tests of the routing oracle (scenarios/model/route_model.c), case by case from the
 * Arm ARM pseudocode named in route_model.h.
 */
#include <stdbool.h>

#include "route_model.h"
#include "unit.h"

static void test_smc(void)
{
	/* AArch64.CheckForSMCUndefOrTrap(), no EL3: UNDEFINED unless NV && TSC. */
	unit_eq_u64(smc_route(&(struct smc_state){.tsc = true}), ROUTE_EL1,
		    "no EL3, TSC=1, no NV: UNDEFINED at EL1, not trapped");
	unit_eq_u64(smc_route(&(struct smc_state){0}), ROUTE_EL1, "no EL3, TSC=0: UNDEFINED");
	unit_eq_u64(smc_route(&(struct smc_state){.have_nv = true, .nv = true, .tsc = true}),
		    ROUTE_EL2, "no EL3, FEAT_NV, NV=1, TSC=1: trapped to EL2");
	unit_eq_u64(smc_route(&(struct smc_state){.have_nv = true, .nv = true}), ROUTE_EL1,
		    "no EL3, NV=1, TSC=0: UNDEFINED");
	unit_eq_u64(smc_route(&(struct smc_state){.have_nv = false, .nv = true, .tsc = true}),
		    ROUTE_EL1, "NV bit without FEAT_NV does not route");
	/* With EL3: TSC first (over SMD), then SMD, then EL3. */
	unit_eq_u64(smc_route(&(struct smc_state){.have_el3 = true, .tsc = true}), ROUTE_EL2,
		    "EL3, TSC=1: trapped to EL2");
	unit_eq_u64(smc_route(&(struct smc_state){.have_el3 = true, .smd = true, .tsc = true}),
		    ROUTE_EL2, "EL3, TSC=1 has priority over SMD=1");
	unit_eq_u64(smc_route(&(struct smc_state){.have_el3 = true, .smd = true}), ROUTE_EL1,
		    "EL3, TSC=0, SMD=1: UNDEFINED");
	unit_eq_u64(smc_route(&(struct smc_state){.have_el3 = true}), ROUTE_EL3,
		    "EL3, TSC=0, SMD=0: taken to EL3");
	unit_eq_str(route_name(ROUTE_EL3), "el3", "route_name");
}

int main(void)
{
	test_smc();
	return unit_done();
}
