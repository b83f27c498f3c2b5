/* SPDX-License-Identifier: MIT */
/* The contract of gp_virq_lr (guest/virq_lr.S) with scenarios/virq/lr.c: flags and report keys. */
#ifndef GUEST_VIRQ_LR_H
#define GUEST_VIRQ_LR_H

#include "hvc.h"

/* flags (x0) */
#define VF_UNMASK_BIT	   0 /* open the unmasked window */
#define VF_IAR1_FIRST_BIT  1 /* read ICV_IAR1 before ICV_IAR0 */
#define VF_WRITE_CTL_BIT   2 /* write ICV_CTLR.CBPR, ICV_BPR0/1, ICV_IGRPEN0/1 from ctl (x2) */
#define VF_WRITE_PMR_BIT   3 /* write ICV_PMR from pmr (x1) */
#define VF_APR_SHIFT	   8 /* [9:8]: n of the ICV_AP0R<n>/AP1R<n> read */
#define VF_UNMASK	   (1 << VF_UNMASK_BIT)
#define VF_IAR1_FIRST	   (1 << VF_IAR1_FIRST_BIT)
#define VF_WRITE_CTL	   (1 << VF_WRITE_CTL_BIT)
#define VF_WRITE_PMR	   (1 << VF_WRITE_PMR_BIT)

/* ctl (x2) fields */
#define VCTL_BPR0(n)	   ((n) << 0)
#define VCTL_BPR1(n)	   ((n) << 8)
#define VCTL_CBPR	   (1 << 16)
#define VCTL_IGRPEN0	   (1 << 17)
#define VCTL_IGRPEN1	   (1 << 18)

/* The unmasked window: this many ISB iterations (a few microseconds), never the watchdog. */
#define VLR_WINDOW	   256

/* report keys */
#define VK_HPPIR0	   (GREPORT_USER + 0)
#define VK_HPPIR1	   (GREPORT_USER + 1)
#define VK_RPR		   (GREPORT_USER + 2)
#define VK_IAR0		   (GREPORT_USER + 3)
#define VK_IAR1		   (GREPORT_USER + 4)
#define VK_RPR_ACK	   (GREPORT_USER + 5)
#define VK_AP0R		   (GREPORT_USER + 6)
#define VK_AP1R		   (GREPORT_USER + 7)
#define VK_VECTOR	   (GREPORT_USER + 8) /* 0x280 (IRQ) or 0x300 (FIQ): taken in the window */
#define VK_VEC_INTID	   (GREPORT_USER + 9) /* the vector's ICV_IAR1 (IRQ) / ICV_IAR0 (FIQ) */

#endif
