/* SPDX-License-Identifier: MIT */
/* The running CPU's features for `requires` hooks: scenarios/model/cpu_features.h on live ID
 * registers. */
#ifndef SCENARIOS_CPU_ID_H
#define SCENARIOS_CPU_ID_H

#include "cpu_features.h"

/** The ID registers of this CPU, read once at EL2. */
const struct id_regs *cpu_id_regs(void);

/** NULL if this CPU has @f, else the SKIP reason (in @why) naming the ID field and its value. */
const char *cpu_requires(enum cpu_feature f, char *why, size_t len);

#endif
