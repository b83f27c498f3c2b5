/* SPDX-License-Identifier: MIT */
/*
 * Where an interrupt that is already pending may be taken once software unmasks it
 * (errata.1463225): with "MSR DAIFClr, #2" at address @msr followed by an ISB at @msr + 4,
 * the Arm ARM (DDI 0487, D1.3 "Exceptions", the rule that a pending and unmasked interrupt is
 * taken, at the latest, before the first instruction after the next Context synchronization
 * event; an ISB is one) permits the IRQ to be taken before the ISB (ELR = @msr + 4) or right
 * after it (ELR = @msr + 8), and at no later instruction. Software step does not change this:
 * stepping was turned off before the unmask, and a stepped SVC that completed left the step
 * state machine inactive at EL1. Pure code: host-tested in tests/unit/irq_unmask_model_test.c.
 */
#ifndef MODEL_IRQ_UNMASK_MODEL_H
#define MODEL_IRQ_UNMASK_MODEL_H

#include <stdbool.h>
#include <stdint.h>

/** irq_unmask_elr_ok() - whether an IRQ taken with ELR @elr after the unmask at @msr is timely. */
bool irq_unmask_elr_ok(uint64_t elr, uint64_t msr);

#endif /* MODEL_IRQ_UNMASK_MODEL_H */
