/* SPDX-License-Identifier: MIT */
/* What the virq.line families share (scenarios/virq/line.c, line_phys.c). */
#ifndef SCENARIOS_VIRQ_LINE_H
#define SCENARIOS_VIRQ_LINE_H

/*
 * The window with the masks open: a loop of this many iterations, each a branch where a
 * pending interrupt can be taken: a virq.line.el2 instance, mostly this window, takes 0.25 ms
 * under QEMU 7.2 TCG; on a 1 GHz core the loop is about 4 us.
 */
#define LINE_WINDOW_ITERS 4096
#define LINE_WINDOW_RULE  "a window of 4096 loop iterations"

/*
 * The watchdog budget of a vCPU with HCR_EL2.IMO = 0. Its IRQ then goes to the guest's EL1, so
 * it cannot end the guest (the window does), and it must not fire into the window either:
 * a host stall past the first slice (90 ms of the usual 100; stalls of up to 1.9 s were seen,
 * docs/design-notes.md "Watchdog") would be taken on the guest's IRQ vector.
 */
#define LINE_IMO0_TIMEOUT_MS 10000

#endif
