/* SPDX-License-Identifier: MIT */
/*
 * Checks of an exception against the routing oracle (scenarios/model/route_model.h), on
 * whichever level took it: EL2 (the exit's syndrome) or the guest's own EL1 vectors (what the
 * runtime reported).
 */
#ifndef SCENARIOS_ROUTE_CHECK_H
#define SCENARIOS_ROUTE_CHECK_H

#include <stdbool.h>

#include "route_model.h"
#include "scenario.h"

/**
 * route_expect_el2() - @e is the exit of @x: the reason vcpu_run() gives its EC, ESR_EL2 (its
 * UNKNOWN bits masked), ELR_EL2, the vector slot, FAR_EL2 where defined, SPSR_EL2.M and .IL.
 * Returns false if the exit is of another kind.
 */
bool route_expect_el2(struct scenario_ctx *c, const struct exit *e, const struct exc_expect *x);

/**
 * route_expect_el1() - the guest took @x on its own EL1 vectors and the run then ended with
 * @status without any other exit to EL2: vector offset, ESR_EL1 (UNKNOWN bits masked),
 * ELR_EL1, FAR_EL1 where defined, as the runtime reported them.
 */
bool route_expect_el1(struct scenario_ctx *c, const struct exit *e, const struct exc_expect *x,
		      uint64_t status);

#endif
