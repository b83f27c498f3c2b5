/* SPDX-License-Identifier: MIT */
/*
 * The GICv2 virtual CPU interface oracle (vgic_v2_model.h). Section numbers are those of the
 * GIC architecture specification v1.0/v2.0, IHI 0048B.b: 5.3 (GICH_*), 5.4 (list register
 * usage), 5.6 (GICV_*, laid out and behaving as the Secure view of GICC_*, 4.4), 3.3 (priority
 * grouping, preemption).
 */
#include "vgic_v2_model.h"

#include <stddef.h>

#include "virq_v2.h"

#define LR_STATE_INVALID 0
#define LR_STATE_PENDING 1
#define LR_STATE_ACTIVE	 2
#define LR_STATE_PA	 3
#define IDLE_PRIORITY	 0x100 /* running priority with nothing active; GICV_RPR reads 0xff */

static unsigned lr_state(uint32_t lr)
{
	return GICH_LR_STATE_OF(lr);
}

static bool lr_grp1(uint32_t lr)
{
	return lr & GICH_LR_GRP1;
}

static uint32_t ctlr(const struct v2m_state *s)
{
	return GICH_VMCR_CTLR_OF(s->vmcr);
}

static unsigned pmr(const struct v2m_state *s)
{
	return GICH_VMCR_PMR_OF(s->vmcr);
}

/*
 * Group priority (3.3.3): Group 0 (and Group 1 with CBPR = 1) from GICV_BPR, whose value n
 * makes bits [7:n+1] the group priority; Group 1 with CBPR = 0 from GICV_ABPR, value n giving
 * bits [7:n] (4.4.3, 4.4.6). Same rule as ICV_BPR0/1 with ICH_VMCR_EL2.VCBPR in GICv3.
 */
static unsigned group_priority(const struct v2m_state *s, uint32_t lr)
{
	unsigned prio = GICH_LR_PRIORITY_OF(lr);
	unsigned bpr = (s->vmcr >> 21) & 7, abpr = (s->vmcr >> 18) & 7;

	if (lr_grp1(lr) && !(ctlr(s) & GICV_CTLR_CBPR)) {
		return prio & (0xffu << abpr) & 0xff;
	}
	return prio & (0xffu << (bpr + 1)) & 0xff;
}

/* Running priority (3.3.2): the lowest set GICH_APR bit n means n << 3 (5 preemption bits). */
static unsigned running_priority(const struct v2m_state *s)
{
	return s->apr ? (unsigned)__builtin_ctz(s->apr) << 3 : IDLE_PRIORITY;
}

/*
 * The highest-priority pending virtual interrupt: the LR in the pending state (not
 * pending-and-active: an active interrupt is not acknowledged again, 5.4.2) with the lowest
 * priority value. Returns the LR index, or -1. Rows never hold two pending LRs of equal
 * priority: the choice among them is IMPLEMENTATION DEFINED.
 */
static int hppi(const struct v2m_state *s)
{
	int best = -1;

	for (unsigned n = 0; n < s->lrs; n++) {
		if (lr_state(s->lr[n]) != LR_STATE_PENDING) {
			continue;
		}
		if (best < 0 || GICH_LR_PRIORITY_OF(s->lr[n]) < GICH_LR_PRIORITY_OF(s->lr[best])) {
			best = (int)n;
		}
	}
	return best;
}

/* The INTID value GICV_IAR/AIAR/HPPIR return for LR @lr: CPUID [12:10] for vSGIs (4.4.4). */
static uint32_t iar_value(uint32_t lr)
{
	uint32_t id = GICH_LR_VIRTUALID_OF(lr);

	if (id < 16 && !(lr & GICH_LR_HW)) {
		id |= GICV_IAR_CPUID(GICH_LR_CPUID_OF(lr));
	}
	return id;
}

uint32_t v2m_eisr0(const struct v2m_state *s)
{
	uint32_t v = 0;

	/* An LR with HW = 0 and EOI = 1 that has become invalid (5.3.5). */
	for (unsigned n = 0; n < s->lrs && n < 32; n++) {
		uint32_t lr = s->lr[n];

		if (lr_state(lr) == LR_STATE_INVALID && !(lr & GICH_LR_HW) && (lr & GICH_LR_EOI)) {
			v |= 1u << n;
		}
	}
	return v;
}

uint32_t v2m_elrsr0(const struct v2m_state *s)
{
	uint32_t v = 0;

	/* Invalid and not waiting for its EOI maintenance (HW = 1 or EOI = 0), 5.3.6. */
	for (unsigned n = 0; n < s->lrs && n < 32; n++) {
		uint32_t lr = s->lr[n];

		if (lr_state(lr) == LR_STATE_INVALID &&
		    ((lr & GICH_LR_HW) || !(lr & GICH_LR_EOI))) {
			v |= 1u << n;
		}
	}
	return v;
}

uint32_t v2m_misr(const struct v2m_state *s)
{
	unsigned valid = 0, pending = 0;
	uint32_t c = ctlr(s), h = s->hcr, m = 0;

	for (unsigned n = 0; n < s->lrs; n++) {
		valid += lr_state(s->lr[n]) != LR_STATE_INVALID;
		pending += lr_state(s->lr[n]) == LR_STATE_PENDING;
	}
	/* 5.3.4: EOI needs no enable; the others need their GICH_HCR enable. Same as ICH_MISR. */
	if (v2m_eisr0(s)) {
		m |= GICH_MISR_EOI;
	}
	if ((h & GICH_HCR_UIE) && valid <= 1) {
		m |= GICH_MISR_U;
	}
	if ((h & GICH_HCR_LRENPIE) && GICH_HCR_EOICOUNT(h)) {
		m |= GICH_MISR_LRENP;
	}
	if ((h & GICH_HCR_NPIE) && !pending) {
		m |= GICH_MISR_NP;
	}
	if ((h & GICH_HCR_VGRP0EIE) && (c & GICV_CTLR_ENABLEGRP0)) {
		m |= GICH_MISR_VGRP0E;
	}
	if ((h & GICH_HCR_VGRP0DIE) && !(c & GICV_CTLR_ENABLEGRP0)) {
		m |= GICH_MISR_VGRP0D;
	}
	if ((h & GICH_HCR_VGRP1EIE) && (c & GICV_CTLR_ENABLEGRP1)) {
		m |= GICH_MISR_VGRP1E;
	}
	if ((h & GICH_HCR_VGRP1DIE) && !(c & GICV_CTLR_ENABLEGRP1)) {
		m |= GICH_MISR_VGRP1D;
	}
	return m;
}

bool v2m_maintenance(const struct v2m_state *s)
{
	return (s->hcr & GICH_HCR_EN) && v2m_misr(s);
}

unsigned v2m_signal(const struct v2m_state *s)
{
	int h = hppi(s);

	if (!(s->hcr & GICH_HCR_EN) || h < 0) {
		return V2_TAKEN_NONE;
	}
	uint32_t lr = s->lr[h], c = ctlr(s);

	/* 5.4: priority below the mask, group priority above the running one, group enabled. */
	if (GICH_LR_PRIORITY_OF(lr) >= pmr(s) || group_priority(s, lr) >= running_priority(s)) {
		return V2_TAKEN_NONE;
	}
	if (!(c & (lr_grp1(lr) ? GICV_CTLR_ENABLEGRP1 : GICV_CTLR_ENABLEGRP0))) {
		return V2_TAKEN_NONE;
	}
	/* GICv2 only: Group 0 is a vFIQ with FIQEn = 1, else a vIRQ (GICv3: always a vFIQ). */
	return !lr_grp1(lr) && (c & GICV_CTLR_FIQEN) ? V2_TAKEN_FIQ : V2_TAKEN_IRQ;
}

/* Acknowledge (GICV_IAR, or GICV_AIAR with @alias): Group 1 needs AckCtl on GICV_IAR. */
static uint32_t acknowledge(struct v2m_state *s, bool alias)
{
	int h = hppi(s);

	if (h < 0) {
		return GICV_INTID_SPURIOUS;
	}
	uint32_t *lr = &s->lr[h];

	if (GICH_LR_PRIORITY_OF(*lr) >= pmr(s) || group_priority(s, *lr) >= running_priority(s)) {
		return GICV_INTID_SPURIOUS;
	}
	if (alias ? !lr_grp1(*lr) : lr_grp1(*lr) && !(ctlr(s) & GICV_CTLR_ACKCTL)) {
		return alias ? GICV_INTID_SPURIOUS : GICV_INTID_GRP1_ONLY;
	}
	s->apr |= 1u << (group_priority(s, *lr) >> 3);
	*lr = (*lr & ~(3u << GICH_LR_STATE_SHIFT)) | GICH_LR_ACTIVE;
	return iar_value(*lr);
}

static uint32_t highest_pending(const struct v2m_state *s, bool alias)
{
	int h = hppi(s);

	if (h < 0 || GICH_LR_PRIORITY_OF(s->lr[h]) >= pmr(s)) {
		return GICV_INTID_SPURIOUS;
	}
	if (alias ? !lr_grp1(s->lr[h]) : lr_grp1(s->lr[h]) && !(ctlr(s) & GICV_CTLR_ACKCTL)) {
		return alias ? GICV_INTID_SPURIOUS : GICV_INTID_GRP1_ONLY;
	}
	return iar_value(s->lr[h]);
}

uint32_t v2m_read(struct v2m_state *s, unsigned off)
{
	unsigned rp = running_priority(s);

	switch (off) {
	case GICV_CTLR:
		return ctlr(s);
	case GICV_PMR:
		return pmr(s);
	case GICV_BPR:
		return (s->vmcr >> 21) & 7;
	case GICV_ABPR:
		return (s->vmcr >> 18) & 7;
	case GICV_IAR:
		return acknowledge(s, false);
	case GICV_AIAR:
		return acknowledge(s, true);
	case GICV_HPPIR:
		return highest_pending(s, false);
	case GICV_AHPPIR:
		return highest_pending(s, true);
	case GICV_RPR:
		return rp == IDLE_PRIORITY ? 0xff : rp;
	case GICV_APR0:
		return s->apr;
	}
	return 0;
}

/*
 * Deactivate vINTID @id (5.4.3, 5.3.1): the LR holding it active leaves the active state, and
 * with HW = 1 the physical interrupt is deactivated too; with no such LR, EOICount counts.
 */
static void deactivate(struct v2m_state *s, uint32_t id)
{
	for (unsigned n = 0; n < s->lrs; n++) {
		uint32_t *lr = &s->lr[n];

		if (GICH_LR_VIRTUALID_OF(*lr) != id || !(lr_state(*lr) & LR_STATE_ACTIVE)) {
			continue;
		}
		*lr &= ~GICH_LR_ACTIVE;
		if ((*lr & GICH_LR_HW) && GICH_LR_PHYSICALID_OF(*lr) < 32) {
			s->phys_deactivated |= 1u << GICH_LR_PHYSICALID_OF(*lr);
		}
		return;
	}
	s->hcr += 1u << GICH_HCR_EOICOUNT_SHIFT;
}

static void end_of_interrupt(struct v2m_state *s, uint32_t v)
{
	uint32_t id = v & 0x3ff;

	if (id >= 1020) {
		return; /* a spurious INTID: ignored (4.4.5) */
	}
	s->apr &= s->apr - 1; /* priority drop: the highest active priority */
	if (!(ctlr(s) & GICV_CTLR_EOIMODE)) {
		deactivate(s, id);
	}
}

void v2m_write(struct v2m_state *s, unsigned off, uint32_t v)
{
	switch (off) {
	case GICV_CTLR:
		s->vmcr = (s->vmcr & ~0x3ffu) | (v & (0x1fu | GICV_CTLR_EOIMODE));
		return;
	case GICV_PMR:
		s->vmcr = (s->vmcr & ~(0x1fu << 27)) | GICH_VMCR_PRIMASK(v & 0xff);
		return;
	case GICV_BPR:
		/* Below the minimum (2 with 5 priority bits, 4.4.3) a write sets the minimum. */
		s->vmcr = (s->vmcr & ~(7u << 21)) | GICH_VMCR_BP((v & 7) < 2 ? 2 : v & 7);
		return;
	case GICV_ABPR:
		s->vmcr = (s->vmcr & ~(7u << 18)) | GICH_VMCR_ABP((v & 7) < 3 ? 3 : v & 7);
		return;
	case GICV_EOIR:
	case GICV_AEOIR:
		end_of_interrupt(s, v);
		return;
	case GICV_DIR:
		/* Only with EOImode = 1 (with 0 the write is UNPREDICTABLE; no row does it). */
		if ((v & 0x3ff) < 1020) {
			deactivate(s, v & 0x3ff);
		}
		return;
	}
}

static bool add_event(struct v2m_trace *t, enum v2m_event_kind kind, unsigned step,
		      const struct v2m_state *s)
{
	if (t->events < V2M_MAX_EVENTS) {
		t->event[t->events++] = (struct v2m_event){
			kind, step, *s, v2m_misr(s), v2m_eisr0(s), v2m_elrsr0(s)};
	}
	return kind != V2M_EV_SYNC;
}

void v2m_run(const struct v2m_state *init, const struct v2_op *script, bool maint_enabled,
	     struct v2m_trace *t)
{
	struct v2m_state s = *init;
	uint32_t ack = GICV_INTID_SPURIOUS; /* the last GICV_IAR/AIAR value */

	unsigned before = 0; /* results before the last op */

	*t = (struct v2m_trace){0};
	for (unsigned i = 0;; i++) {
		/*
		 * An asserted maintenance interrupt stops the guest before its next access. It may
		 * be taken before the guest stored what the access that asserted it read: that
		 * result is not certain.
		 */
		if (maint_enabled && v2m_maintenance(&s) && add_event(t, V2M_EV_MAINT, i, &s)) {
			t->results_certain = before;
			return;
		}
		const struct v2_op *op = &script[i];

		before = t->results;
		uint32_t *r = t->results < V2M_MAX_RESULTS ? &t->result[t->results] : NULL;

		switch (op->op) {
		case V2OP_READ:
			if (r) {
				*r = v2m_read(&s, op->off);
				t->results++;
				if (op->off == GICV_IAR || op->off == GICV_AIAR) {
					ack = *r;
				}
			}
			break;
		case V2OP_WRITE:
			v2m_write(&s, op->off, op->val);
			break;
		case V2OP_WRITE_ACK:
			v2m_write(&s, op->off, ack);
			break;
		case V2OP_WAIT:
			if (r) {
				*r = v2m_signal(&s);
				t->results++;
			}
			break;
		case V2OP_SYNC:
			add_event(t, V2M_EV_SYNC, i, &s);
			break;
		default:
			add_event(t, V2M_EV_DONE, i, &s);
			t->results_certain = t->results;
			return;
		}
	}
}

_Static_assert(V2_GICV_IAR == GICV_IAR && V2_GICV_AIAR == GICV_AIAR, "guest/virq_v2.h offsets");
