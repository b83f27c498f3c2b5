/* SPDX-License-Identifier: MIT */
#ifndef SCENARIOS_RUNNER_H
#define SCENARIOS_RUNNER_H

#include "scenario.h"
#include "tap.h"

/** Run one instance on a fresh VM and emit its single TAP result. */
void runner_run_instance(struct tap *t, const struct scenario *s, const void *row, const char *id);

/** The harness memory checked after every instance (scenarios aim guest accesses at it). */
const volatile void *runner_canary(void);

#endif
