/* SPDX-License-Identifier: MIT */
/*
 * The PSCI guests' layout (guest/smp_psci.S, scenarios/smp/psci.c and psci_call.c): report
 * keys, exit statuses, and the data words the scenario fills in before the first run.
 */
#ifndef GUEST_PSCI_ABI_H
#define GUEST_PSCI_ABI_H

#include "hvc.h"

/* The conduit of a call (gl_psci_conduit, a script entry's first word). */
#define PSCI_G_HVC 0 /* HVC #0 */
#define PSCI_G_SMC 1 /* SMC #0, trapped with HCR_EL2.TSC = 1 */

/* gp_psci_calls: entry i of gl_psci_script is {conduit, x0, x1, x2, x3}; x0 after it is
 * reported under GREPORT_USER + i. */
#define PSCI_G_SCRIPT_MAX   8
#define PSCI_G_SCRIPT_WORDS 5

/* gp_psci_boot, vCPU 0: what it saw, and how it ended when SYSTEM_OFF was not reached. */
#define PB_REPORT_CPU_ON  (GREPORT_USER + 0) /* CPU_ON's x0 */
#define PB_REPORT_BAD_AFF (GREPORT_USER + 1) /* an AFFINITY_INFO answer outside the permitted */
#define PB_STATUS_CPU_ON_FAILED 0xb001
#define PB_STATUS_AFF_ON_BAD	0xb002 /* neither ON_PENDING nor ON while waiting for ON */
#define PB_STATUS_AFF_OFF_BAD	0xb003 /* neither ON nor OFF while waiting for OFF */
#define PB_STATUS_ON_TIMEOUT	0xb004
#define PB_STATUS_OFF_TIMEOUT	0xb005
#define PB_STATUS_SYSOFF_RET	0xb006 /* SYSTEM_OFF returned */

/* gl_psci_secondary, vCPU 1 as CPU_ON started it: its entry state, then CPU_OFF. */
#define PS_REPORT_X0	  (GREPORT_USER + 0)
#define PS_REPORT_MPIDR	  (GREPORT_USER + 1)
#define PS_REPORT_EL	  (GREPORT_USER + 2) /* CurrentEL */
#define PS_REPORT_SPSEL	  (GREPORT_USER + 3)
#define PS_REPORT_DAIF	  (GREPORT_USER + 4)
#define PS_REPORT_SCTLR	  (GREPORT_USER + 5)
#define PS_REPORT_FLAG	  (GREPORT_USER + 6) /* 1: vCPU 0 had seen it ON before its CPU_OFF */
#define PS_REPORT_OFF_RET (GREPORT_USER + 7) /* CPU_OFF's x0, if it returned */
#define PS_STATUS_OFF_RET 0xb101

/* Polls before a wait gives up (the watchdog usually ends it first). */
#define PSCI_G_POLLS 0x1000000

#endif
