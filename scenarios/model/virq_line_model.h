/* SPDX-License-Identifier: MIT */
/*
 * The virtual interrupt line oracle: from HCR_EL2.{VI, VF, IMO, FMO, TGE}, the PSTATE.{I, F}
 * and Exception level of the running code and what the GICv3 virtual CPU interface signals,
 * whether a virtual IRQ or FIQ is taken at EL1 and on which vector, and what ISR_EL1 reads
 * meanwhile. Arm ARM (DDI 0487) D1.3 "Virtual interrupts" and "Asynchronous exception
 * routing/masking", the HCR_EL2.IMO/FMO/VI/VF and ISR_EL1 descriptions, and
 * AArch64.TakeException()'s vector offsets. Pure code, unit-tested on the host
 * (tests/unit/virq_line_model_test.c).
 *
 * HCR_EL2.E2H = 0 throughout (the vmm's guests), so TGE = 1 makes IMO/FMO behave as 1 for
 * physical routing and disables virtual interrupts; EL1 cannot run with TGE = 1.
 */
#ifndef MODEL_VIRQ_LINE_MODEL_H
#define MODEL_VIRQ_LINE_MODEL_H

#include <stdbool.h>
#include <stdint.h>

/** Where the code runs while the line is asserted. */
enum vline_where {
	VLINE_EL0,  /* EL0, AArch64 (an exception to EL1 is from a lower EL) */
	VLINE_EL1T, /* EL1 with PSTATE.SP = 0 */
	VLINE_EL1H, /* EL1 with PSTATE.SP = 1 */
	VLINE_EL2,  /* EL2 itself (E2H = 0) */
};

/**
 * struct vline_state - the inputs.
 * @vi, @vf, @imo, @fmo, @tge: HCR_EL2 bits.
 * @i, @f: PSTATE.I and PSTATE.F of the running code (1 = masked).
 * @where: the running code's Exception level and stack pointer selection.
 * @cpuif_irq, @cpuif_fiq: the GICv3 virtual CPU interface signals a virtual IRQ / FIQ
 *	(the vGIC oracle's vgic_signal(), scenarios/model/vgic_model.h); false without GICv3.
 * @phys_irq, @phys_fiq: a physical IRQ / FIQ is pending for this PE.
 */
struct vline_state {
	bool vi, vf, imo, fmo, tge;
	bool i, f;
	enum vline_where where;
	bool cpuif_irq, cpuif_fiq;
	bool phys_irq, phys_fiq;
};

/**
 * struct vline_expect - the architected outcome.
 * @irq, @fiq: a virtual IRQ / FIQ is taken at EL1. When both are, the order between them is
 *	not architected (the Arm ARM gives no priority among pending asynchronous exceptions),
 *	so either may be taken first.
 * @irq_vector, @fiq_vector: offset from VBAR_EL1 of each (meaningful when taken).
 * @virq_pending, @vfiq_pending: the virtual IRQ / FIQ is pending (asserted and enabled),
 *	masked or not.
 * @isr_i, @isr_f: ISR_EL1.I and .F as EL1 reads them: the virtual state when IMO / FMO = 1
 *	(TGE = 0), else the physical one.
 */
struct vline_expect {
	bool irq, fiq;
	uint64_t irq_vector, fiq_vector;
	bool virq_pending, vfiq_pending;
	bool isr_i, isr_f;
};

/**
 * vline_expect() - what @s leads to.
 *
 * A virtual IRQ is asserted by HCR_EL2.VI = 1 or, with GICv3, by the virtual CPU interface
 * (the PE's virtual IRQ input is the OR of the two: Arm ARM D1.3, "Virtual interrupts"). It is
 * enabled only when HCR_EL2.IMO = 1 and TGE = 0 (HCR_EL2.IMO: "Virtual IRQ interrupts are
 * disabled" when 0; with TGE = 1 it behaves as 1 for physical routing only); likewise the
 * virtual FIQ with VF and FMO. A virtual interrupt targets EL1, and an exception is never taken
 * to a lower Exception level, so at EL2 it is never taken. At EL0 and EL1 it is masked by
 * PSTATE.I / PSTATE.F.
 *
 * Vector (AArch64.TakeException): IRQ at +0x080, FIQ at +0x100 from the base of the group:
 * 0x000 from EL1 with SP_EL0, 0x200 from EL1 with SP_EL1, 0x400 from EL0 in AArch64.
 */
struct vline_expect vline_expect(const struct vline_state *s);

/** Where a pending physical interrupt goes. */
enum vline_target {
	VLINE_NOT_TAKEN, /* masked: stays pending */
	VLINE_TO_EL1,	 /* the guest's own vector */
	VLINE_TO_EL2,	 /* the vmm's vector: an exit */
};

/**
 * struct vline_phys - the outcome for a physical IRQ (or FIQ) pending while @s runs.
 * @target: who takes it.
 * @vector: offset from VBAR_EL1 or VBAR_EL2 of the vector it is taken on.
 */
struct vline_phys {
	enum vline_target target;
	uint64_t vector;
};

/**
 * vline_phys() - where a pending physical IRQ (@fiq: FIQ) goes under @s (@s->vi and the other
 * virtual inputs are ignored). SCR_EL3.IRQ/FIQ = 0 is assumed: EL2 cannot read it, and the
 * firmware that enters the harness at EL2 does not route Non-secure interrupts to EL3.
 *
 * Routing (Arm ARM D1.3, "Asynchronous exception routing"; HCR_EL2.IMO): from EL0 or EL1 it is
 * taken to EL2 when HCR_EL2.IMO (FMO) = 1 or TGE = 1 (E2H = 0: IMO/FMO then behave as 1),
 * else to EL1; at EL2 it targets EL2. Masking ("Asynchronous exception masking"): an
 * interrupt that targets a higher Exception level than the current one is not masked by
 * PSTATE; one that targets the current level, or EL1 from EL0, is masked by PSTATE.I (F).
 * Vector: 0x480 (0x500 for FIQ) at EL2 from a lower EL in AArch64; at EL1 as vline_expect();
 * at EL2 from EL2, 0x280 (0x300).
 */
struct vline_phys vline_phys(const struct vline_state *s, bool fiq);

/** vline_vector_name() - "irq-sp0", "irq-spx", "irq-lower64", "fiq-..." or "none". */
const char *vline_vector_name(uint64_t vector);

#endif
