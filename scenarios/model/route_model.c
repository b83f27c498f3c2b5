/* SPDX-License-Identifier: MIT */
/* The routing oracle: see route_model.h. */
#include "route_model.h"

const char *route_name(enum route r)
{
	static const char *const names[] = {
		[ROUTE_EXECUTES] = "executes",
		[ROUTE_EL1] = "el1",
		[ROUTE_EL2] = "el2",
		[ROUTE_EL3] = "el3",
	};

	return (unsigned)r < sizeof(names) / sizeof(names[0]) ? names[r] : "?";
}

enum route smc_route(const struct smc_state *s)
{
	if (!s->have_el3) {
		return s->have_nv && s->nv && s->tsc ? ROUTE_EL2 : ROUTE_EL1;
	}
	if (s->tsc) {
		return ROUTE_EL2;
	}
	return s->smd ? ROUTE_EL1 : ROUTE_EL3;
}

enum route sve_route(bool zen_el1, bool tz)
{
	if (!zen_el1) {
		return ROUTE_EL1;
	}
	return tz ? ROUTE_EL2 : ROUTE_EXECUTES;
}

enum route debug_route(const struct debug_state *s)
{
	if (s->oslk) {
		return ROUTE_EXECUTES;
	}
	if (s->tde) {
		return ROUTE_EL2;
	}
	return s->kde && !s->d ? ROUTE_EL1 : ROUTE_EXECUTES;
}

enum route hvc_route(bool have_el3, bool hce, bool hcd)
{
	return (have_el3 ? !hce : hcd) ? ROUTE_EL1 : ROUTE_EL2;
}
