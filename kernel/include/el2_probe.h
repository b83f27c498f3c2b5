/* SPDX-License-Identifier: MIT */
/*
 * Expected synchronous exceptions at EL2: one access that may fault, with the fault recorded
 * instead of bailing out (kernel/el2_probe.S). Only the probe's own access instruction (or, for
 * an instruction fetch, its target) is recoverable, and only while the probe runs; every other
 * EL2 exception is still the kernel's register dump and Bail out!.
 */
#ifndef KERNEL_EL2_PROBE_H
#define KERNEL_EL2_PROBE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/** The access a probe makes at EL2 (register roles: Xt = x0, base = x1, store data = x2). */
enum el2_probe_op {
	EL2_PROBE_LDR64,    /* ldr x0, [x1] */
	EL2_PROBE_LDR32,    /* ldr w0, [x1] */
	EL2_PROBE_LDRH,	    /* ldrh w0, [x1] */
	EL2_PROBE_STR64,    /* str x2, [x1] */
	EL2_PROBE_STRB,	    /* strb w2, [x1] */
	EL2_PROBE_LDXR64,   /* ldxr x0, [x1] */
	EL2_PROBE_DC_CIVAC, /* dc civac, x1 */
	EL2_PROBE_AT_S1E2R, /* at s1e2r, x1; result = PAR_EL1 */
	EL2_PROBE_AT_S1E2W, /* at s1e2w, x1; result = PAR_EL1 */
	EL2_PROBE_FETCH,    /* br x1: the target must hold a RET */
	EL2_PROBE_DC_ZVA,   /* dc zva, x1 */
	EL2_PROBE_OPS
};

/** What one probe saw. */
struct el2_probe_result {
	bool faulted;
	uint64_t esr, far, elr; /* faulted only */
	uint64_t value;		/* not faulted: the loaded value or PAR_EL1 */
	uint64_t insn;		/* the access instruction's address (a data abort's ELR) */
};

/** The E2H = 1 window of el2_probe_e2h(): the EL2&0 regime's registers for the access. */
struct el2_probe_e2h {
	uint64_t hcr;	/* HCR_EL2 with E2H = 1 */
	uint64_t tcr;	/* TCR_EL2 in its E2H = 1 layout; TTBR0 must keep the harness's geometry */
	uint64_t ttbr1; /* TTBR1_EL2 */
};

/**
 * el2_probe() - make access @op to @va at EL2 with SCTLR_EL2 = @sctlr for that access only.
 * @value: the data of a store.
 * @sctlr: e.g. the harness's value (el2_probe_sctlr()) with A set, or M clear (MMU off: the
 *	caller cleans the probed line to the PoC first).
 */
void el2_probe(enum el2_probe_op op, uint64_t va, uint64_t value, uint64_t sctlr,
	       struct el2_probe_result *r);

/** el2_probe() inside the EL2&0 regime of @w (FEAT_VHE): see el2_probe_run_e2h(). */
void el2_probe_e2h(enum el2_probe_op op, uint64_t va, uint64_t value, uint64_t sctlr,
		   const struct el2_probe_e2h *w, struct el2_probe_result *r);

/**
 * el2_probe_unarmed() - a probe of @va with nothing armed (the recoverable address is one no
 * instruction has): if the access faults, that is an unexpected EL2 exception inside the probe
 * window, which must be the kernel's dump and one Bail out!. For tests/el2-probe.t only.
 */
void el2_probe_unarmed(uint64_t va);

/** The harness's own SCTLR_EL2 (outside any probe). */
uint64_t el2_probe_sctlr(void);

/** Address of the stub instruction of @op (the ELR of a data abort it takes). */
uint64_t el2_probe_insn(enum el2_probe_op op);

#endif
