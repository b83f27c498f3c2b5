/* SPDX-License-Identifier: MIT */
/*
 * The GICv2 virtual CPU interface oracle (GIC architecture v2, IHI 0048B, chapter 5): what a
 * guest reads from GICV_* and what GICH_* hold after each access, for a vCPU whose list
 * registers the hypervisor filled. Pure code, unit-tested on the host
 * (tests/unit/vgic_v2_model_test.c).
 *
 * Where GICv2 and GICv3 agree, the rule is the vGIC oracle's (vgic_model.h); this file is the
 * adapter for the v2 formats and names the differences:
 * - GICH_LR layout: 32 bits, VirtualID [9:0], PhysicalID [19:10] (HW = 1) or EOI [19] and
 *   CPUID [12:10] (HW = 0), Priority [27:23] (5 bits: priority[7:3]), State [29:28], Grp1 [30],
 *   HW [31] (5.3.8);
 * - GICV_IAR/AIAR/HPPIR return the LR's CPUID in bits [12:10] for vINTIDs 0-15 (5.3.8, 4.4.4);
 * - one GICV_IAR for both groups: Group 1 only with GICV_CTLR.AckCtl = 1, else 1022; GICV_AIAR
 *   acknowledges Group 1 only (the Secure view of the GICC registers, 5.6);
 * - Group 0 is signalled as a virtual FIQ only with GICV_CTLR.FIQEn = 1, else as a vIRQ;
 * - one GICH_APR for both groups, bit n = group priority n << 3 (5 preemption bits);
 * - GICV_BPR/ABPR minimum values 2 and 3 (5 priority bits).
 * One place where this adapter does not take the vGIC oracle's word: an EOI with EOImode = 1
 * that no LR matches leaves EOICount unchanged (vgic_v2_model.c, eoimode1_no_count()).
 */
#ifndef MODEL_VGIC_V2_MODEL_H
#define MODEL_VGIC_V2_MODEL_H

#include <stdbool.h>
#include <stdint.h>

#include "arch/gicv2.h"

#define V2M_MAX_LRS	16
#define V2M_MAX_RESULTS 32
#define V2M_MAX_EVENTS	8

/** The state the oracle tracks: the GICH_* registers a hypervisor saves, and the effects. */
struct v2m_state {
	uint32_t vtr; /* GICH_VTR: list registers, priority and preemption bits */
	uint32_t hcr, vmcr, apr;
	uint32_t lr[V2M_MAX_LRS];
	uint32_t phys_deactivated; /* bit n: physical INTID n (< 32) deactivated via an HW = 1 LR */
	/* Set when a step's outcome is a choice the architecture leaves open (the rule text):
	 * a row must not depend on one. */
	const char *ambiguous;
};

/** The list registers of @s: GICH_VTR.ListRegs + 1, at most V2M_MAX_LRS. */
unsigned v2m_lrs(const struct v2m_state *s);

/** GICH_MISR (5.3.4) of @s. */
uint32_t v2m_misr(const struct v2m_state *s);
/** GICH_EISR0 and GICH_ELRSR0 (5.3.5, 5.3.6): LRs 0-31. */
uint32_t v2m_eisr0(const struct v2m_state *s);
uint32_t v2m_elrsr0(const struct v2m_state *s);
/** The maintenance interrupt is asserted: GICH_HCR.En = 1 and GICH_MISR != 0 (5.3.4). */
bool v2m_maintenance(const struct v2m_state *s);
/** What the virtual CPU interface signals to the vCPU: V2_TAKEN_NONE, _IRQ or _FIQ. */
unsigned v2m_signal(const struct v2m_state *s);
/** A guest read of GICV + @off (IAR and AIAR acknowledge). */
uint32_t v2m_read(struct v2m_state *s, unsigned off);
/** A guest write of @v to GICV + @off (EOIR, AEOIR, DIR; CTLR, PMR, BPR, ABPR). */
void v2m_write(struct v2m_state *s, unsigned off, uint32_t v);

/** One script entry of guest/virq_v2.S. */
struct v2_op {
	uint32_t op, off, val;
};

enum v2m_event_kind {
	V2M_EV_SYNC,  /* the guest reached a V2OP_SYNC (an HVC exit) */
	V2M_EV_MAINT, /* the maintenance interrupt is asserted: an IRQ exit to EL2 */
	V2M_EV_DONE,  /* the script ended */
};

/** A point where the guest stops, with the GICH_* state the hypervisor then sees. */
struct v2m_event {
	enum v2m_event_kind kind;
	unsigned step; /* the script index the guest stops at (before that op) */
	struct v2m_state state;
	uint32_t misr, eisr0, elrsr0;
};

struct v2m_trace {
	uint32_t result[V2M_MAX_RESULTS];
	unsigned results;
	unsigned results_certain; /* stored by the guest before it stopped for good */
	struct v2m_event event[V2M_MAX_EVENTS];
	unsigned events;
};

/**
 * v2m_run() - the guest running @script from @init: results and stopping points. A
 * maintenance interrupt ends the run (the scenario stops there); so does V2OP_END.
 * With @maint_enabled false the maintenance interrupt never stops the guest (not delivered).
 */
void v2m_run(const struct v2m_state *init, const struct v2_op *script, bool maint_enabled,
	     struct v2m_trace *t);

#endif
