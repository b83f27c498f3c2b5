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
