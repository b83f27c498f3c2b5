/* SPDX-License-Identifier: MIT */
/* Comparing what an EL2 probe or AT saw with scenarios/model/el2_s1_model.c. */
#ifndef SCENARIOS_EL2_EL2_CHECK_H
#define SCENARIOS_EL2_EL2_CHECK_H

#include <stdbool.h>
#include <stdint.h>

#include "el2_probe.h"
#include "el2_s1_model.h"
#include "scenario.h"

/** A short name of @op for the YAML keys ("ldr_x", "at_s1e2r", ...). */
const char *el2_check_op_name(enum el2_probe_op op);

/** The access @op makes, as the oracle describes it. */
struct el2_access el2_check_access(enum el2_probe_op op, uint64_t va);

/**
 * el2_check_probe() - @r against @o for access @a: a fault with exactly ESR_EL2
 * el2_esr_expect(), FAR_EL2 = the VA and ELR_EL2 = the access instruction (the fetch target for
 * an instruction abort), or no fault and, if @value is not NULL, the loaded value *@value.
 * A DC whose Access flag fault is IMPLEMENTATION DEFINED may do either.
 */
void el2_check_probe(struct scenario_ctx *c, const char *what, const struct el2_access *a,
		     const struct el2_s1_outcome *o, const struct el2_probe_result *r,
		     const uint64_t *value);

/** el2_check_par() - PAR_EL1 @par of AT @what against el2_par_expect() under el2_par_mask(). */
void el2_check_par(struct scenario_ctx *c, const char *what, const struct el2_s1_outcome *o,
		   uint64_t par);

/** The value a load of @size bytes at @p reads (little-endian, zero-extended). */
uint64_t el2_check_load_value(const void *p, unsigned size);

#endif
