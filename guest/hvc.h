/* SPDX-License-Identifier: MIT */
/* Guest side of the hypercall ABI (mirrors vmm/vmm.h): HVC #0x4854 with x0 = service. */
#ifndef GUEST_HVC_H
#define GUEST_HVC_H

#define HYP_SVC_IMM    0x4854
#define HYP_SVC_EXIT   0
#define HYP_SVC_REPORT 1
#define HYP_SVC_PRINT  2
#define HYP_SVC_NOP    3
#define HYP_SVC_FAST_NOP 4

/* Report keys written by the guest runtime's vectors; payloads use GREPORT_USER and up. */
#define GREPORT_ESR_EL1 0
#define GREPORT_ELR_EL1 1
#define GREPORT_FAR_EL1 2
#define GREPORT_VECTOR	3 /* offset of the vector taken: 0x200 = current EL SPx sync */
#define GREPORT_USER	4

#define GUEST_DOORBELL_IPA    0x08000000
#define GUEST_DOORBELL_REPORT 0x100 /* + 8 * key: a 64-bit store reports a value */

/* Status of an exception the runtime cannot return from (IRQ, FIQ, SError at EL1). */
#define GSTATUS_UNHANDLED 0xbad0

#endif
