/* SPDX-License-Identifier: MIT */
/*
 * The cross-PE probe of smp.tlbi and smp.fb: the stage2.tlbi probe VM (stage2/s2probe.h, flat
 * stage 1 on, so that guest and EL2 share Normal WB memory) with two vCPUs running
 * gp_xpe_probe (guest/xpe_probe.S): v[0] runs on the instance's PE 0 synchronously, one op per
 * run; v[1] stays in the guest on PE 1 (sc_run_vcpu_on_async()) and takes its ops through its
 * mailbox, so that its TLB entries stay cached there while PE 0 changes the translation.
 */
#ifndef SMP_XPE_PROBE_H
#define SMP_XPE_PROBE_H

#include "scenario.h"
#include "stage2/s2probe.h"
#include "xpe_probe_abi.h"

#define XPE_VCPUS 2
/* In s2probe_free_ipa()'s page: the mailboxes from 0, scratch words for a scenario from here. */
#define XPE_SCRATCH 0x800

struct xpe {
	struct s2probe p;
	struct vcpu *v[XPE_VCPUS];
	volatile uint64_t *mb[XPE_VCPUS]; /* the mailboxes, EL2's view */
	uint64_t mb_ipa[XPE_VCPUS];
	uint64_t seq[XPE_VCPUS];
	struct exit exit1; /* of v[1]'s run on PE 1, once it ended */
	bool running1;	   /* v[1] is in the guest on PE 1 */
	bool started1;	   /* v[1]'s run was started (it may have ended) */
};

/** The probe VM and both vCPUs, with @hcr ORed onto their HCR_EL2; false: instance failed. */
bool xpe_setup(struct scenario_ctx *c, struct xpe *x, uint64_t hcr);
/** Start v[1] on PE 1, spinning on its mailbox. */
bool xpe_start1(struct scenario_ctx *c, struct xpe *x);
/**
 * xpe_op() - have v[@k] do @op (XP_OP_*) with @arg and @addr: v[0] is run on PE 0 until it
 * yields after the op, v[1] is posted and waited for (bounded). With @e, a run that ended
 * otherwise is returned in *@e with false, the instance not failed: the caller judges it
 * (a fault). Without @e, and on anything else, false with the instance failed.
 */
bool xpe_op(struct scenario_ctx *c, struct xpe *x, unsigned k, uint64_t op, uint64_t arg,
	    uint64_t addr, struct exit *e);
/** Post @op to v[1] and return at once (it must be running); xpe_wait1() waits for it. */
void xpe_post1(struct xpe *x, uint64_t op, uint64_t arg, uint64_t addr);
/** Wait for v[1]'s acknowledgement, as xpe_op() does. */
bool xpe_wait1(struct scenario_ctx *c, struct xpe *x, struct exit *e);
/** End v[1]'s run (XP_OP_QUIT) and check it returned XP_STATUS_DONE. */
bool xpe_stop1(struct scenario_ctx *c, struct xpe *x);
/**
 * xpe_finish() - on every path at the end of an instance: v[1] stopped (xpe_stop1()) if it is
 * still in the guest, or its ended run waited for, so that nothing of it runs on PE 1 when the
 * runner destroys it.
 */
void xpe_finish(struct scenario_ctx *c, struct xpe *x);
/** The probe output words 0/1 name (as s2probe_run()'s), PROBE_MIX if they are no page's. */
unsigned xpe_read_out(const struct xpe *x, unsigned k);
/** Mailbox word @off of v[@k] (after an op). */
uint64_t xpe_mb(const struct xpe *x, unsigned k, unsigned off);

#endif
