/* SPDX-License-Identifier: MIT */
/*
 * virq.maint and virq.leak.maint (scenarios/virq/maint.c): the operations the remote-controlled
 * guest of guest/virq_maint.S performs, one per yield. Shared by the guest and the scenario.
 */
#ifndef GUEST_VIRQ_MAINT_H
#define GUEST_VIRQ_MAINT_H

#define VMAINT_NONE    0 /* nothing: the step is the hypervisor's */
#define VMAINT_IAR0    1 /* x0 = ICV_IAR0_EL1 */
#define VMAINT_IAR1    2 /* x0 = ICV_IAR1_EL1 */
#define VMAINT_EOIR0   3 /* ICV_EOIR0_EL1 = x1 */
#define VMAINT_EOIR1   4 /* ICV_EOIR1_EL1 = x1 */
#define VMAINT_DIR     5 /* ICV_DIR_EL1 = x1 */
#define VMAINT_IGRPEN0 6 /* ICV_IGRPEN0_EL1 = x1 */
#define VMAINT_IGRPEN1 7 /* ICV_IGRPEN1_EL1 = x1 */
#define VMAINT_HPPIR1  8 /* x0 = ICV_HPPIR1_EL1 */
#define VMAINT_EXIT    9 /* the payload returns x1 (the run ends) */
#define VMAINT_OPS     10

#endif
