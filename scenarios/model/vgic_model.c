/* SPDX-License-Identifier: MIT */
/*
 * The vGIC oracle (see vgic_model.h): the GICv3 virtual CPU interface rules of IHI 0069, written
 * from the register descriptions and pseudocode, not from an implementation.
 */
#include "gic_width_model.h"
#include "vgic_model.h"

#include "arch/el2.h"

#define LR_STATE_SHIFT	  62
#define LR_PRIORITY_SHIFT 48
#define LR_PINTID_SHIFT	  32
#define LR_PINTID_BITS	  13

struct vgic_vtr vgic_vtr_decode(uint64_t vtr)
{
	/* The fields are decoded once, by gic_width_model; a reserved IDbits counts as 16. */
	struct gw_vtr w = gw_vtr_decode(vtr);

	return (struct vgic_vtr){
		.list_regs = w.list_regs,
		.pri_bits = w.pri_bits,
		.pre_bits = w.pre_bits,
		.id_bits = w.id_bits ? w.id_bits : 16,
		.seis = w.seis,
		.a3v = w.a3v,
		.nv4 = w.nv4,
		.tds = w.tds,
	};
}

/* The widths themselves are gic_width_model's, one definition for every GIC oracle. */
unsigned vgic_apr_count(const struct vgic_vtr *vtr)
{
	return gw_apr_count(vtr->pre_bits);
}

unsigned vgic_prio_mask(const struct vgic_vtr *vtr)
{
	return gw_prio_mask(vtr->pri_bits);
}

unsigned vgic_bpr_min(const struct vgic_vtr *vtr, unsigned group)
{
	return gw_bpr0_min(vtr->pre_bits) + (group ? 1 : 0);
}

struct vgic_lr vgic_lr_decode(uint64_t v, const struct vgic_vtr *vtr)
{
	struct vgic_lr lr = {
		.state = (enum vgic_lr_state)ICH_LR_STATE(v),
		.hw = (v & ICH_LR_HW) != 0,
		.group = (v & ICH_LR_GROUP) ? 1 : 0,
		.priority = (unsigned)ICH_LR_PRIORITY(v) & vgic_prio_mask(vtr),
		.vintid = (uint32_t)(v & ((1ULL << vtr->id_bits) - 1)),
	};

	if (lr.hw) {
		lr.pintid = (uint32_t)ICH_LR_PINTID(v);
	} else {
		lr.eoi = (v & ICH_LR_EOI) != 0;
	}
	return lr;
}

uint64_t vgic_lr_encode(const struct vgic_lr *lr, const struct vgic_vtr *vtr)
{
	uint64_t v = (uint64_t)(lr->state & 3) << LR_STATE_SHIFT |
		     (uint64_t)(lr->priority & vgic_prio_mask(vtr)) << LR_PRIORITY_SHIFT |
		     (lr->vintid & ((1ULL << vtr->id_bits) - 1));

	if (lr->group) {
		v |= ICH_LR_GROUP;
	}
	if (lr->hw) {
		v |= ICH_LR_HW | (uint64_t)(lr->pintid & ((1u << LR_PINTID_BITS) - 1))
					 << LR_PINTID_SHIFT;
	} else if (lr->eoi) {
		v |= ICH_LR_EOI;
	}
	return v;
}

void vgic_state_init(struct vgic_state *s, uint64_t vtr, uint64_t vmcr, uint64_t hcr)
{
	*s = (struct vgic_state){.vtr = vgic_vtr_decode(vtr), .vmcr = vmcr, .hcr = hcr};
}

/* ICH_VMCR_EL2.VBPR<g> as it reads: the field is an alias of ICV_BPR<g>_EL1, never below the
 * minimum. */
static unsigned vbpr(const struct vgic_state *s, unsigned group)
{
	unsigned v = (unsigned)FIELD_GET(s->vmcr, group ? 18 : 21, 3);
	unsigned min = vgic_bpr_min(&s->vtr, group);

	return v < min ? min : v;
}

/*
 * ICH_VMCR_EL2.VPMR, an alias of ICV_PMR_EL1: unimplemented priority bits RAZ. (QEMU's
 * ich_vmcr_write() keeps all 8 bits as written; only icv_pmr_write() masks them.)
 */
static unsigned vpmr(const struct vgic_state *s)
{
	return (unsigned)FIELD_GET(s->vmcr, 24, 8) & vgic_prio_mask(&s->vtr);
}

static bool group_enabled(const struct vgic_state *s, unsigned group)
{
	return (s->vmcr & (group ? ICH_VMCR_VENG1 : ICH_VMCR_VENG0)) != 0;
}

unsigned vgic_group_priority(const struct vgic_state *s, unsigned priority, unsigned group)
{
	unsigned shift; /* the number of subpriority bits */

	if (group == 0 || (s->vmcr & ICH_VMCR_VCBPR)) {
		shift = vbpr(s, 0) + 1; /* VBPR0 = n: group priority [7:n+1] */
	} else {
		shift = vbpr(s, 1); /* VBPR1 = n: group priority [7:n] */
	}
	return priority & vgic_prio_mask(&s->vtr) & (0xffu << shift) & 0xff;
}

unsigned vgic_apr_bit(const struct vgic_state *s, unsigned priority, unsigned group)
{
	return vgic_group_priority(s, priority, group) >> (8 - s->vtr.pre_bits);
}

/* The lowest-numbered active priority bit in AP0R | AP1R, -1 if none. */
static int highest_active_bit(const struct vgic_state *s)
{
	for (unsigned n = 0; n < vgic_apr_count(&s->vtr); n++) {
		uint32_t bits = s->apr[0][n] | s->apr[1][n];

		if (bits != 0) {
			return (int)(n * 32 + (unsigned)__builtin_ctz(bits));
		}
	}
	return -1;
}

unsigned vgic_rpr(const struct vgic_state *s)
{
	int bit = highest_active_bit(s);

	return bit < 0 ? 0xff : ((unsigned)bit << (8 - s->vtr.pre_bits)) & 0xff;
}

uint32_t vgic_hppi_candidates(const struct vgic_state *s)
{
	unsigned best = 0xff;
	uint32_t set = 0;

	for (unsigned n = 0; n < s->vtr.list_regs && n < VGIC_LRS_MAX; n++) {
		const struct vgic_lr *lr = &s->lr[n];
		unsigned prio = lr->priority & vgic_prio_mask(&s->vtr);

		if (lr->state != VGIC_LR_PENDING || !group_enabled(s, lr->group)) {
			continue;
		}
		if (prio < best) {
			best = prio;
			set = 1u << n;
		} else if (prio == best && prio != 0xff) {
			set |= 1u << n;
		}
	}
	return set;
}

int vgic_hppi_first(const struct vgic_state *s)
{
	uint32_t set = vgic_hppi_candidates(s);

	return set ? __builtin_ctz(set) : -1;
}

int vgic_hppi_match(const struct vgic_state *s, uint32_t intid)
{
	uint32_t set = vgic_hppi_candidates(s);

	for (unsigned n = 0; n < VGIC_LRS_MAX; n++) {
		if ((set & (1u << n)) && s->lr[n].vintid == intid) {
			return (int)n;
		}
	}
	return -1;
}

bool vgic_lr_can_signal(const struct vgic_state *s, unsigned n)
{
	const struct vgic_lr *lr = &s->lr[n];
	unsigned prio = lr->priority & vgic_prio_mask(&s->vtr);

	if (!(s->hcr & ICH_HCR_EN)) {
		return false;
	}
	if (prio >= vpmr(s)) {
		return false;
	}
	return vgic_group_priority(s, prio, lr->group) < vgic_rpr(s);
}

unsigned vgic_signal(const struct vgic_state *s)
{
	uint32_t set = vgic_hppi_candidates(s);
	unsigned out = 0;

	if (set == 0) {
		return VGIC_SIG_NONE;
	}
	for (unsigned n = 0; n < VGIC_LRS_MAX; n++) {
		if (!(set & (1u << n))) {
			continue;
		}
		if (!vgic_lr_can_signal(s, n)) {
			out |= VGIC_SIG_NONE;
		} else {
			out |= s->lr[n].group ? VGIC_SIG_VIRQ : VGIC_SIG_VFIQ;
		}
	}
	return out;
}

static bool intid_special(uint32_t intid)
{
	return intid >= 1020 && intid <= 1023;
}

uint32_t vgic_hppir(const struct vgic_state *s, unsigned group, int hppi)
{
	if (hppi < 0 || s->lr[hppi].group != group) {
		return ICV_INTID_SPURIOUS;
	}
	return s->lr[hppi].vintid;
}

uint32_t vgic_ack(struct vgic_state *s, unsigned group, int hppi)
{
	struct vgic_lr *lr;
	unsigned bit;

	if (hppi < 0 || s->lr[hppi].group != group || !vgic_lr_can_signal(s, (unsigned)hppi)) {
		return ICV_INTID_SPURIOUS;
	}
	lr = &s->lr[hppi];
	if (intid_special(lr->vintid)) {
		lr->state = VGIC_LR_INVALID;
		return lr->vintid;
	}
	bit = vgic_apr_bit(s, lr->priority, group);
	s->apr[group][bit / 32] |= 1u << (bit % 32);
	lr->state = VGIC_LR_ACTIVE;
	return lr->vintid;
}

/* FindActiveVirtualInterrupt(): the LR holding @intid Active or Pending and Active, -1 if none. */
static int find_active(const struct vgic_state *s, uint32_t intid)
{
	for (unsigned n = 0; n < s->vtr.list_regs && n < VGIC_LRS_MAX; n++) {
		const struct vgic_lr *lr = &s->lr[n];

		if ((lr->state & VGIC_LR_ACTIVE) && lr->vintid == intid) {
			return (int)n;
		}
	}
	return -1;
}

static void eoicount_inc(struct vgic_state *s)
{
	uint64_t count = (ICH_HCR_EOICOUNT(s->hcr) + 1) & 0x1f;

	s->hcr = (s->hcr & ~(0x1fULL << ICH_HCR_EOICOUNT_SHIFT)) | count << ICH_HCR_EOICOUNT_SHIFT;
}

/* Deactivate LR @n: clear the active part of its State; HW = 1 deactivates the pINTID too. */
static void deactivate(struct vgic_outcome *o, unsigned n)
{
	struct vgic_lr *lr = &o->s.lr[n];

	lr->state = (enum vgic_lr_state)(lr->state & ~VGIC_LR_ACTIVE);
	if (lr->hw && lr->pintid < 1020) {
		o->pdeact = (int)lr->pintid;
	}
}

/* Set *@o to "state @s, no physical deactivation" for @rule; returns 1 (one outcome). */
static unsigned one(struct vgic_outcome *o, const struct vgic_state *s, const char *rule)
{
	*o = (struct vgic_outcome){.s = *s, .pdeact = -1, .rule = rule};
	return 1;
}

unsigned vgic_eoir(const struct vgic_state *s, unsigned group, uint32_t intid,
		   struct vgic_outcome out[VGIC_OUTCOMES_MAX])
{
	struct vgic_outcome *o = &out[0];
	int bit, n;

	if (intid_special(intid)) {
		return one(out, s, "EOIR of a special INTID (1020-1023) is ignored");
	}
	one(out, s, "VirtualWriteEOIR: priority drop, then the LR");
	bit = highest_active_bit(s);
	n = find_active(s, intid);
	if (bit < 0) {
		/* CONSTRAINED UNPREDICTABLE whether the LRs are checked: unchanged, or as checked.
		 */
		o->rule = "no active priority: CONSTRAINED UNPREDICTABLE whether the LRs are "
			  "checked (here: not checked)";
		if (n >= 0 || intid >= VGIC_LPI_MIN) {
			return 1; /* checking finds nothing to deactivate: no second outcome */
		}
		out[1] = (struct vgic_outcome){.s = *s, .pdeact = -1};
		out[1].rule = "no active priority: CONSTRAINED UNPREDICTABLE whether the LRs are "
			      "checked (here: checked, no LR, EOIcount + 1)";
		eoicount_inc(&out[1].s);
		return 2;
	}
	/* Priority drop: the highest active priority, in whichever group holds it. */
	o->s.apr[s->apr[0][bit / 32] & (1u << (bit % 32)) ? 0 : 1][bit / 32] &= ~(1u << (bit % 32));
	if (n < 0) {
		if (intid < VGIC_LPI_MIN) {
			eoicount_inc(&o->s);
			o->rule = "VirtualWriteEOIR: no LR holds the INTID: priority drop, "
				  "EOIcount + 1";
		} else {
			o->rule = "VirtualWriteEOIR: no LR holds the LPI: priority drop only";
		}
		return 1;
	}
	if (s->lr[n].group != group || vgic_group_priority(s, s->lr[n].priority, s->lr[n].group) !=
					       ((unsigned)bit << (8 - s->vtr.pre_bits))) {
		o->rule = "EOI not of the highest active priority (or of the other group): "
			  "pseudocode drops the highest active priority, deactivates nothing";
		one(&out[1], s,
		    "EOI not of the highest active priority: IMPLEMENTATION DEFINED whether the "
		    "priority drop precedes the checks (here: it does not, no change)");
		return 2;
	}
	if (!(s->vmcr & ICH_VMCR_VEOIM) || intid >= VGIC_LPI_MIN) {
		deactivate(o, (unsigned)n);
		o->rule = "VirtualWriteEOIR with VEOIM = 0: priority drop and deactivation";
	} else {
		o->rule = "VirtualWriteEOIR with VEOIM = 1: priority drop only";
	}
	return 1;
}

unsigned vgic_dir(const struct vgic_state *s, uint32_t intid,
		  struct vgic_outcome out[VGIC_OUTCOMES_MAX])
{
	int n;

	if (!(s->vmcr & ICH_VMCR_VEOIM)) {
		return 0; /* ICV_DIR_EL1 with EOImode = 0: UNPREDICTABLE */
	}
	if (intid_special(intid) || intid >= VGIC_LPI_MIN) {
		return one(out, s, "DIR of a special INTID or an LPI is ignored");
	}
	one(out, s, "VirtualWriteDIR: the LR holding the INTID is deactivated");
	n = find_active(s, intid);
	if (n < 0) {
		eoicount_inc(&out[0].s);
		out[0].rule = "VirtualWriteDIR: no LR holds the INTID: EOIcount + 1";
	} else {
		deactivate(&out[0], (unsigned)n);
	}
	return 1;
}

uint32_t vgic_eisr(const struct vgic_state *s)
{
	uint32_t set = 0;

	for (unsigned n = 0; n < s->vtr.list_regs && n < VGIC_LRS_MAX; n++) {
		const struct vgic_lr *lr = &s->lr[n];

		if (lr->state == VGIC_LR_INVALID && !lr->hw && lr->eoi) {
			set |= 1u << n;
		}
	}
	return set;
}

uint32_t vgic_elrsr(const struct vgic_state *s)
{
	uint32_t set = 0;

	for (unsigned n = 0; n < s->vtr.list_regs && n < VGIC_LRS_MAX; n++) {
		const struct vgic_lr *lr = &s->lr[n];

		if (lr->state == VGIC_LR_INVALID && (lr->hw || !lr->eoi)) {
			set |= 1u << n;
		}
	}
	return set;
}

uint32_t vgic_misr(const struct vgic_state *s)
{
	unsigned valid = 0;
	bool pending = false;
	uint32_t misr = 0;
	uint64_t hcr = s->hcr;

	for (unsigned n = 0; n < s->vtr.list_regs && n < VGIC_LRS_MAX; n++) {
		valid += s->lr[n].state != VGIC_LR_INVALID;
		pending |= s->lr[n].state == VGIC_LR_PENDING;
	}
	if (vgic_eisr(s) != 0) {
		misr |= ICH_MISR_EOI;
	}
	if ((hcr & ICH_HCR_UIE) && valid <= 1) {
		misr |= ICH_MISR_U;
	}
	if ((hcr & ICH_HCR_LRENPIE) && ICH_HCR_EOICOUNT(hcr) != 0) {
		misr |= ICH_MISR_LRENP;
	}
	if ((hcr & ICH_HCR_NPIE) && !pending) {
		misr |= ICH_MISR_NP;
	}
	if ((hcr & ICH_HCR_VGRP0EIE) && group_enabled(s, 0)) {
		misr |= ICH_MISR_VGRP0E;
	}
	if ((hcr & ICH_HCR_VGRP0DIE) && !group_enabled(s, 0)) {
		misr |= ICH_MISR_VGRP0D;
	}
	if ((hcr & ICH_HCR_VGRP1EIE) && group_enabled(s, 1)) {
		misr |= ICH_MISR_VGRP1E;
	}
	if ((hcr & ICH_HCR_VGRP1DIE) && !group_enabled(s, 1)) {
		misr |= ICH_MISR_VGRP1D;
	}
	return misr;
}

bool vgic_maint_asserted(const struct vgic_state *s)
{
	return (s->hcr & ICH_HCR_EN) && vgic_misr(s) != 0;
}
