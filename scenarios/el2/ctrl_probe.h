/* SPDX-License-Identifier: MIT */
/*
 * The hardware side of el2.ctrl and el2.ctrl.all (scenarios/el2/ctrl.c, ctrl_all.c): read an
 * EL2 control register, or write a value, read it back and restore the register, in a window
 * that is safe for the harness (ctrl_probe.c says which and why), and check a field's
 * read-back against the oracle (scenarios/model/el2_ctrl_model.h).
 */
#ifndef SCENARIOS_EL2_CTRL_PROBE_H
#define SCENARIOS_EL2_CTRL_PROBE_H

#include <stddef.h>
#include <stdint.h>

#include "el2_ctrl_model.h"
#include "scenario.h"

/** ctrl_read() - the live value of @reg (for the E2H = 1 layouts: in the E2H = 0 view). */
uint64_t ctrl_read(enum el2_ctrl_reg reg);

/**
 * ctrl_probe() - @reg with its bits @mask replaced by @value written and read back (in the
 * register's layout); @reg holds its old value on return.
 */
uint64_t ctrl_probe(enum el2_ctrl_reg reg, uint64_t mask, uint64_t value);

/** ctrl_reg_requires() - NULL if @reg exists on this CPU, else the SKIP reason in @why. */
const char *ctrl_reg_requires(enum el2_ctrl_reg reg, char *why, size_t len);

/**
 * ctrl_expect_field() - @got (the register read back after writing @written) must hold in
 * @f's bits one of the values el2_ctrl_permitted() allows; else the instance fails with the
 * register, field, feature state, values and the ID registers in its YAML.
 */
bool ctrl_expect_field(struct scenario_ctx *c, const struct el2_ctrl_field *f, uint64_t written,
		       uint64_t got);

/** ctrl_expect_restored() - @reg must read @orig again after the probes; else the instance fails.
 */
void ctrl_expect_restored(struct scenario_ctx *c, enum el2_ctrl_reg reg, uint64_t orig);

#endif
