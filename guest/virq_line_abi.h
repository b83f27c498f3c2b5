/* SPDX-License-Identifier: MIT */
/* The virq.line guest's report keys and statuses (guest/virq_line.S, scenarios/virq/line.c). */
#ifndef GUEST_VIRQ_LINE_ABI_H
#define GUEST_VIRQ_LINE_ABI_H

#include "hvc.h"

#define VL_REPORT_VECTOR (GREPORT_USER + 0)
#define VL_REPORT_ELR	 (GREPORT_USER + 1)
#define VL_REPORT_SPSR	 (GREPORT_USER + 2)
#define VL_REPORT_ISR	 (GREPORT_USER + 3)
#define VL_REPORT_TAKES	 (GREPORT_USER + 4)

#define VL_STATUS_QUIET 0x600d /* the window passed with nothing taken */
#define VL_STATUS_TAKEN 0x1a7e /* an exception was taken on vline_vectors */

/* HVC immediate of the yield to EL2 inside the window (not the service ABI's). */
#define VL_YIELD_IMM 0x4c
/* When the guest yields (its x2): never, after opening the masks, or before. */
#define VL_YIELD_NONE	0
#define VL_YIELD_AFTER	1
#define VL_YIELD_BEFORE 2

#endif
