/* SPDX-License-Identifier: MIT */
/*
 * Host tests of scenarios/model/irq_unmask_model.c: "MSR DAIFClr, #2" at 0x1000, ISB at
 * 0x1004, the next instruction at 0x1008; the IRQ may be taken with ELR 0x1004 or 0x1008,
 * never on the MSR itself (it is not yet unmasked there) nor later.
 */
#include "irq_unmask_model.h"
#include "unit.h"

int main(void)
{
	unit_ok(!irq_unmask_elr_ok(0x1000, 0x1000), "not before the MSR completes");
	unit_ok(irq_unmask_elr_ok(0x1004, 0x1000), "before the ISB");
	unit_ok(irq_unmask_elr_ok(0x1008, 0x1000), "right after the ISB");
	unit_ok(!irq_unmask_elr_ok(0x100c, 0x1000), "not an instruction later (erratum 1463225)");
	unit_ok(!irq_unmask_elr_ok(0x0ffc, 0x1000), "not before the unmask");
	return unit_done();
}
