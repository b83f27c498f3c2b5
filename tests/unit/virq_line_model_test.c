/* SPDX-License-Identifier: MIT */
/*
 * Host tests of the virtual interrupt line oracle (scenarios/model/virq_line_model.c) against
 * outcomes worked out by hand from the Arm ARM (DDI 0487): the HCR_EL2.IMO/FMO descriptions
 * ("Virtual IRQ interrupts are disabled" when 0; enabled when 1 and TGE = 0), D1.3 "Virtual
 * interrupts" (masked by PSTATE.I/F at EL0 and EL1, never taken at EL2), ISR_EL1, the vector
 * offsets of AArch64.TakeException(). The virtual CPU interface's own signal is the vGIC
 * oracle's (tests/unit/vgic_model_test.c); here only its OR with HCR_EL2.VI.
 */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "unit.h"
#include "virq_line_model.h"

static void test_vi(void)
{
	struct vline_expect x;

	/* VI, IMO = 1, EL1h unmasked: IRQ at current EL SPx, 0x200 + 0x80. */
	x = vline_expect(&(struct vline_state){.vi = true, .imo = true, .where = VLINE_EL1H});
	unit_ok(x.irq && !x.fiq, "VI, IMO = 1, I = 0: IRQ taken");
	unit_eq_u64(x.irq_vector, 0x280, "EL1h: vector 0x280");
	unit_ok(x.isr_i && !x.isr_f, "ISR_EL1.I = 1 (virtual)");

	/* Masked: pending, not taken; ISR_EL1 still shows it. */
	x = vline_expect(
		&(struct vline_state){.vi = true, .imo = true, .i = true, .where = VLINE_EL1H});
	unit_ok(!x.irq && x.virq_pending && x.isr_i, "VI, I = 1: pending, masked, ISR_EL1.I = 1");

	/* F clear does not unmask an IRQ, and VI is no FIQ. */
	x = vline_expect(&(struct vline_state){
		.vi = true, .imo = true, .fmo = true, .i = true, .f = false, .where = VLINE_EL1H});
	unit_ok(!x.irq && !x.fiq && !x.isr_f, "VI with only F clear: nothing taken");

	/* IMO = 0: VI has no effect; ISR_EL1.I is the physical state (none pending). */
	x = vline_expect(&(struct vline_state){.vi = true, .where = VLINE_EL1H});
	unit_ok(!x.irq && !x.virq_pending && !x.isr_i, "VI, IMO = 0: disabled, ISR_EL1.I = 0");
	x = vline_expect(&(struct vline_state){.vi = true, .phys_irq = true, .where = VLINE_EL1H});
	unit_ok(!x.irq && x.isr_i, "IMO = 0: ISR_EL1.I shows a pending physical IRQ");
	x = vline_expect(&(struct vline_state){.imo = true, .phys_irq = true, .where = VLINE_EL1H});
	unit_ok(!x.isr_i, "IMO = 1: ISR_EL1.I is virtual, a physical IRQ does not show");

	/* EL1t and EL0 vectors. */
	x = vline_expect(&(struct vline_state){.vi = true, .imo = true, .where = VLINE_EL1T});
	unit_ok(x.irq, "EL1t unmasked: taken");
	unit_eq_u64(x.irq_vector, 0x080, "EL1t: vector 0x080");
	x = vline_expect(&(struct vline_state){.vi = true, .imo = true, .where = VLINE_EL0});
	unit_ok(x.irq, "EL0 unmasked: taken to EL1");
	unit_eq_u64(x.irq_vector, 0x480, "EL0: vector 0x480 (lower EL, AArch64)");
	x = vline_expect(
		&(struct vline_state){.vi = true, .imo = true, .i = true, .where = VLINE_EL0});
	unit_ok(!x.irq, "EL0 with PSTATE.I = 1: masked");

	/* TGE = 1 (EL0 only): virtual interrupts disabled, whatever IMO. */
	x = vline_expect(
		&(struct vline_state){.vi = true, .imo = true, .tge = true, .where = VLINE_EL0});
	unit_ok(!x.irq && !x.virq_pending, "TGE = 1: VI not taken");

	/* EL2: never taken, whatever PSTATE.I. */
	x = vline_expect(&(struct vline_state){
		.vi = true, .vf = true, .imo = true, .fmo = true, .where = VLINE_EL2});
	unit_ok(!x.irq && !x.fiq, "EL2 unmasked: virtual IRQ/FIQ never taken");
}

static void test_vf(void)
{
	struct vline_expect x;

	x = vline_expect(&(struct vline_state){.vf = true, .fmo = true, .where = VLINE_EL1H});
	unit_ok(x.fiq && !x.irq, "VF, FMO = 1, F = 0: FIQ taken");
	unit_eq_u64(x.fiq_vector, 0x300, "EL1h: vector 0x300");
	unit_ok(x.isr_f && !x.isr_i, "ISR_EL1.F = 1");
	x = vline_expect(
		&(struct vline_state){.vf = true, .fmo = true, .f = true, .where = VLINE_EL1H});
	unit_ok(!x.fiq && x.isr_f, "VF, F = 1: masked, ISR_EL1.F = 1");
	x = vline_expect(&(struct vline_state){.vf = true, .imo = true, .where = VLINE_EL1H});
	unit_ok(!x.fiq && !x.irq, "VF with FMO = 0 (IMO = 1): nothing");
	unit_eq_u64(
		vline_expect(&(struct vline_state){.vf = true, .fmo = true, .where = VLINE_EL1T})
			.fiq_vector,
		0x100, "EL1t: FIQ vector 0x100");
	unit_eq_u64(vline_expect(&(struct vline_state){.vf = true, .fmo = true, .where = VLINE_EL0})
			    .fiq_vector,
		    0x500, "EL0: FIQ vector 0x500");
	/* VI with FMO only: the IRQ needs IMO. */
	x = vline_expect(&(struct vline_state){.vi = true, .fmo = true, .where = VLINE_EL1H});
	unit_ok(!x.irq && !x.fiq, "VI with IMO = 0, FMO = 1: nothing");
	/* Both: both taken, order not architected. */
	x = vline_expect(&(struct vline_state){
		.vi = true, .vf = true, .imo = true, .fmo = true, .where = VLINE_EL1H});
	unit_ok(x.irq && x.fiq, "VI and VF: both may be taken");
}

static void test_cpuif(void)
{
	/* The OR with VI: an LR signal alone, with VI = 0, is taken with IMO = 1. */
	struct vline_expect x = vline_expect(
		&(struct vline_state){.imo = true, .cpuif_irq = true, .where = VLINE_EL1H});

	unit_ok(x.irq && x.isr_i, "virtual CPU interface IRQ alone: taken");
	x = vline_expect(&(struct vline_state){.cpuif_irq = true, .where = VLINE_EL1H});
	unit_ok(!x.irq, "virtual CPU interface IRQ with IMO = 0: not taken");
	x = vline_expect(&(struct vline_state){
		.imo = true, .i = true, .cpuif_irq = true, .where = VLINE_EL1H});
	unit_ok(!x.irq && x.isr_i, "virtual CPU interface IRQ masked: pending, ISR_EL1.I = 1");
	x = vline_expect(&(struct vline_state){
		.imo = true, .fmo = true, .cpuif_fiq = true, .where = VLINE_EL1H});
	unit_ok(x.fiq && !x.irq && x.fiq_vector == 0x300, "Group 0 signal: a vFIQ on 0x300");
	x = vline_expect(&(struct vline_state){
		.vi = true, .imo = true, .cpuif_irq = true, .where = VLINE_EL1H});
	unit_ok(x.irq && x.irq_vector == 0x280, "VI and the interface together: one vIRQ");
	x = vline_expect(&(struct vline_state){
		.imo = true, .tge = true, .cpuif_irq = true, .where = VLINE_EL0});
	unit_ok(!x.irq && !x.isr_i, "TGE = 1: the interface's vIRQ is disabled as well");
}

static void test_phys(void)
{
	struct vline_phys p;

	/* IMO = 1: to EL2 (vector 0x480 there) whatever PSTATE.I of the guest. */
	p = vline_phys(&(struct vline_state){.imo = true, .where = VLINE_EL1H}, false);
	unit_ok(p.target == VLINE_TO_EL2, "IMO = 1, I = 0: physical IRQ to EL2");
	unit_eq_u64(p.vector, 0x480, "to EL2 from EL1 (AArch64): vector 0x480");
	p = vline_phys(&(struct vline_state){.imo = true, .i = true, .where = VLINE_EL1H}, false);
	unit_ok(p.target == VLINE_TO_EL2, "IMO = 1, I = 1: not masked by the guest's PSTATE.I");
	p = vline_phys(&(struct vline_state){.imo = true, .i = true, .where = VLINE_EL0}, false);
	unit_ok(p.target == VLINE_TO_EL2, "IMO = 1 from EL0, I = 1: to EL2");
	/* IMO = 0, TGE = 0: to EL1, masked there by PSTATE.I. */
	p = vline_phys(&(struct vline_state){.where = VLINE_EL1H}, false);
	unit_ok(p.target == VLINE_TO_EL1, "IMO = 0, I = 0: to the guest's EL1");
	unit_eq_u64(p.vector, 0x280, "EL1h: vector 0x280");
	p = vline_phys(&(struct vline_state){.i = true, .where = VLINE_EL1H}, false);
	unit_ok(p.target == VLINE_NOT_TAKEN, "IMO = 0, I = 1: masked, stays pending");
	p = vline_phys(&(struct vline_state){.i = true, .where = VLINE_EL0}, false);
	unit_ok(p.target == VLINE_NOT_TAKEN, "IMO = 0 from EL0, I = 1: masked (target EL1)");
	/* TGE = 1 (E2H = 0): IMO behaves as 1. */
	p = vline_phys(&(struct vline_state){.tge = true, .i = true, .where = VLINE_EL0}, false);
	unit_ok(p.target == VLINE_TO_EL2, "TGE = 1, IMO = 0: to EL2");
	/* FIQ follows FMO and PSTATE.F, not IMO and I. */
	p = vline_phys(&(struct vline_state){.imo = true, .where = VLINE_EL1H}, true);
	unit_ok(p.target == VLINE_TO_EL1 && p.vector == 0x300, "FIQ with FMO = 0: to EL1, 0x300");
	p = vline_phys(&(struct vline_state){.fmo = true, .f = true, .where = VLINE_EL1H}, true);
	unit_ok(p.target == VLINE_TO_EL2 && p.vector == 0x500, "FIQ with FMO = 1: to EL2, 0x500");
	/* At EL2: masked by EL2's own PSTATE.I, else current EL SPx. */
	p = vline_phys(&(struct vline_state){.imo = true, .i = true, .where = VLINE_EL2}, false);
	unit_ok(p.target == VLINE_NOT_TAKEN, "at EL2 with I = 1: masked");
	p = vline_phys(&(struct vline_state){.imo = true, .where = VLINE_EL2}, false);
	unit_ok(p.target == VLINE_TO_EL2 && p.vector == 0x280, "at EL2 with I = 0: 0x280");
}

int main(void)
{
	test_vi();
	test_vf();
	test_cpuif();
	test_phys();
	unit_ok(!strcmp(vline_vector_name(0x280), "irq-spx"), "vector name of 0x280");
	unit_ok(!strcmp(vline_vector_name(0x504), "none"), "no vector name for 0x504");
	return unit_done();
}
