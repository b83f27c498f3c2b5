/* SPDX-License-Identifier: MIT */
/*
 * The MSR/MRS/SYS trap machinery shared by the table-driven families (trap.sysreg from
 * sysreg_traps.h, trap.fgt from fgt_traps.h): a row names the access (encoding, direction,
 * Rt, payload), the control that traps it, and whether this instance has the control set;
 * sysreg_trap_run() runs it and checks the syndrome or the architected effect.
 */
#ifndef SCENARIOS_SYSREG_TRAP_H
#define SCENARIOS_SYSREG_TRAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cpu_features.h"
#include "scenario.h"

/* Which EL2 register holds a control. */
/* CTL_CNTHCTL_E2H: CNTHCTL_EL2 in its E2H = 1 layout, the guest running with HCR_EL2.E2H = 1. */
enum ctl_reg {
	CTL_HCR,
	CTL_MDCR,
	CTL_CPTR,
	CTL_FGT,
	CTL_HCRX,
	CTL_CNTHCTL,
	CTL_CNTHCTL_E2H,
	CTL_ICH_HCR
};

/**
 * struct control - a trap control: register, bit, and what the CPU must implement.
 * @trap_when_clear: the raw bit traps when 0 (HCR_EL2.APK). Not used for CTL_FGT and
 *	CTL_HCRX, whose sc_setup fields already mean "1 = trap" (vmm.h).
 * @fgt: the FGT register (enum fgt_reg) for CTL_FGT.
 * @hcr_also: HCR_EL2 bits the access needs to run untrapped otherwise (APK for the PAuth
 *	keys, DC for DC ZVA with the guest's MMU off).
 */
struct control {
	enum ctl_reg reg;
	uint64_t bit;
	enum cpu_feature needs;
	bool trap_when_clear;
	uint8_t fgt;
	uint64_t hcr_also;
};

struct sysreg_row {
	const char *name;
	uint8_t op0, op1, crn, crm, op2;
	bool write; /* MSR, or a SYS instruction (Direction 0) */
	bool sys;   /* SYS: no register to read back */
	bool trapped;
	uint8_t rt;
	struct control control;
	uint64_t value; /* write: the value written (0: the current value) */
	uint64_t payload, insn;
	uint64_t (*read_at_el2)(void); /* the same register, read by the vmm after the run */
	bool wo;		       /* write-only register: no read-back, value used as is */
};

/** Run one row: control set -> the exact EC 0x18 syndrome, emulated; clear -> its effect. */
void sysreg_trap_run(struct scenario_ctx *c, const void *row);
/**
 * The row's field for docs/coverage.md: "+HCR_EL2.18" when it runs with the bit set, "-..."
 * clear (the bit's number: ci/gen-coverage names it from ci/coverage/el2-fields.tsv).
 */
const char *sysreg_trap_fields(const void *row);
/** The row's control exists (FEAT_FGT, FEAT_HCX) and so does its target. */
const char *sysreg_trap_requires(const void *row, char *why, size_t len);

#endif
