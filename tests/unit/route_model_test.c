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

static void test_sve(void)
{
	unit_eq_u64(sve_route(true, false), ROUTE_EXECUTES, "ZEN allows, TZ 0: executes");
	unit_eq_u64(sve_route(true, true), ROUTE_EL2, "ZEN allows, TZ 1: EL2");
	unit_eq_u64(sve_route(false, false), ROUTE_EL1, "ZEN traps: EL1");
	unit_eq_u64(sve_route(false, true), ROUTE_EL1, "CPACR_EL1 has priority over CPTR_EL2");
}

static void test_debug(void)
{
	unit_eq_u64(debug_route(&(struct debug_state){.tde = true, .d = true}), ROUTE_EL2,
		    "TDE: target EL2 is above EL1, PSTATE.D does not matter");
	unit_eq_u64(debug_route(&(struct debug_state){.tde = true, .kde = false}), ROUTE_EL2,
		    "TDE: KDE does not matter");
	unit_eq_u64(debug_route(&(struct debug_state){.kde = true}), ROUTE_EL1,
		    "TDE 0, KDE 1, D 0: taken at EL1");
	unit_eq_u64(debug_route(&(struct debug_state){.kde = true, .d = true}), ROUTE_EXECUTES,
		    "target EL1, PSTATE.D masks");
	unit_eq_u64(debug_route(&(struct debug_state){0}), ROUTE_EXECUTES,
		    "target EL1 without KDE: disabled");
	unit_eq_u64(debug_route(&(struct debug_state){.tde = true, .oslk = true}), ROUTE_EXECUTES,
		    "the OS Lock disables everything");
}

static void test_hvc(void)
{
	unit_eq_u64(hvc_route(false, false, true), ROUTE_EL1, "no EL3, HCD 1: UNDEFINED at EL1");
	unit_eq_u64(hvc_route(false, false, false), ROUTE_EL2, "no EL3, HCD 0: EL2");
	unit_eq_u64(hvc_route(true, true, true), ROUTE_EL2, "EL3: HCD is RES0, HCE 1: EL2");
	unit_eq_u64(hvc_route(true, false, false), ROUTE_EL1, "EL3, HCE 0: UNDEFINED");
}

int main(void)
{
	test_hvc();
	test_smc();
	test_sve();
	test_debug();
	return unit_done();
}
