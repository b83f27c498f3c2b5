/* SPDX-License-Identifier: MIT */
/* The virtual interrupt line oracle (virq_line_model.h): Arm ARM D1.3. */
#include "virq_line_model.h"

#define VECTOR_IRQ 0x080
#define VECTOR_FIQ 0x100

/* AArch64.TakeException(): the vector group of an exception taken to EL1. */
static uint64_t vector_base(enum vline_where w)
{
	switch (w) {
	case VLINE_EL0:
		return 0x400; /* lower EL, AArch64 */
	case VLINE_EL1T:
		return 0x000; /* current EL, SP_EL0 */
	default:
		return 0x200; /* current EL, SP_ELx */
	}
}

struct vline_expect vline_expect(const struct vline_state *s)
{
	struct vline_expect x = {0};
	/* HCR_EL2.IMO/FMO with TGE = 0 enable the virtual interrupt; TGE = 1 disables it. */
	bool virq_enabled = s->imo && !s->tge;
	bool vfiq_enabled = s->fmo && !s->tge;
	/* Below EL2 only: a virtual interrupt targets EL1, never a lower EL than the current. */
	bool below_el2 = s->where != VLINE_EL2;

	x.virq_pending = virq_enabled && (s->vi || s->cpuif_irq);
	x.vfiq_pending = vfiq_enabled && (s->vf || s->cpuif_fiq);
	x.irq = x.virq_pending && below_el2 && !s->i;
	x.fiq = x.vfiq_pending && below_el2 && !s->f;
	x.irq_vector = vector_base(s->where) + VECTOR_IRQ;
	x.fiq_vector = vector_base(s->where) + VECTOR_FIQ;
	/* ISR_EL1: the virtual pending state when IMO/FMO = 1 and TGE = 0, else the physical. */
	x.isr_i = virq_enabled ? x.virq_pending : s->phys_irq;
	x.isr_f = vfiq_enabled ? x.vfiq_pending : s->phys_fiq;
	return x;
}

struct vline_phys vline_phys(const struct vline_state *s, bool fiq)
{
	uint64_t offset = fiq ? VECTOR_FIQ : VECTOR_IRQ;
	bool routed = fiq ? s->fmo : s->imo;
	bool masked = fiq ? s->f : s->i;

	if (s->where == VLINE_EL2) {
		/* Targets the current level: masked by PSTATE, vector current EL with SP_ELx. */
		return masked ? (struct vline_phys){VLINE_NOT_TAKEN, 0}
			      : (struct vline_phys){VLINE_TO_EL2, 0x200 + offset};
	}
	if (routed || s->tge) {
		/* Above the current level: PSTATE does not mask it; from a lower EL, AArch64. */
		return (struct vline_phys){VLINE_TO_EL2, 0x400 + offset};
	}
	return masked ? (struct vline_phys){VLINE_NOT_TAKEN, 0}
		      : (struct vline_phys){VLINE_TO_EL1, vector_base(s->where) + offset};
}

const char *vline_vector_name(uint64_t vector)
{
	switch (vector) {
	case 0x080:
		return "irq-sp0";
	case 0x100:
		return "fiq-sp0";
	case 0x280:
		return "irq-spx";
	case 0x300:
		return "fiq-spx";
	case 0x480:
		return "irq-lower64";
	case 0x500:
		return "fiq-lower64";
	}
	return "none";
}
