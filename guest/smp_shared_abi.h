/* SPDX-License-Identifier: MIT */
/*
 * The smp.shared guests' page layout, arguments, report keys and statuses (guest/smp_shared.S,
 * scenarios/smp/shared.c). Each vCPU of the instance runs one payload on its own PE; all of
 * them share one page of guest memory (its stage-2 attributes are the row's).
 */
#ifndef GUEST_SMP_SHARED_ABI_H
#define GUEST_SMP_SHARED_ABI_H

#include "hvc.h"

/*
 * The shared page. The counter, the lock and the arrival flags sit 2 KiB apart: the largest
 * Exclusives reservation granule (CTR_EL0.ERG <= 9, 512 words), so that a store to one never
 * clears a monitor armed on another.
 */
#define SHARED_COUNTER 0x000 /* the counter (mp: the data) */
#define SHARED_LOCK    0x800 /* the SWP lock word (mp: the flag) */
#define SHARED_ARRIVE  0xc00 /* one 64-bit arrival flag per vCPU: the start rendezvous */
#define SHARED_VCPUS_MAX 4

/* x2 at entry: the vCPU's index in bits [7:0], the vCPU count in bits [15:8]. */
#define SHARED_ARG_COUNT_SHIFT 8

/* Consecutive failed exclusive stores (or CASes) after which a vCPU gives up. */
#define SHARED_STUCK_LIMIT 0x10000
/* The increment loops' barrier: every 2^SHARED_BARRIER_SHIFT increments. */
#define SHARED_BARRIER_SHIFT 10
#define SHARED_BARRIER_EVERY (1 << SHARED_BARRIER_SHIFT)
/* How long a vCPU waits at a later barrier: CNTFRQ_EL0 >> this (10: about 1 ms). */
#define SHARED_PATIENCE_SHIFT 10
/*
 * The guest's own deadline: CNTFRQ_EL0 << this ticks after its start (1: 2 s). Only a hang
 * should reach it: a loop takes milliseconds, but a loaded host may deschedule a vCPU thread
 * for a long time.
 */
#define SHARED_DEADLINE_SHIFT 1

#define SHARED_REPORT_DONE  (GREPORT_USER + 0) /* increments performed (mp: reads of the flag) */
#define SHARED_REPORT_FAILS (GREPORT_USER + 1) /* failed STXR/CAS, lock spins (mp: violations) */
#define SHARED_REPORT_EXTRA (GREPORT_USER + 2) /* mp: reads that saw a flag strictly inside
						  (0, N), i.e. while the writer was running */

#define SHARED_STATUS_DONE	0	/* N increments performed (mp: the flag reached N) */
#define SHARED_STATUS_ARRIVE	0x5a01 /* the other vCPUs never arrived at a barrier */
#define SHARED_STATUS_STUCK	0x5a02 /* SHARED_STUCK_LIMIT failed stores in a row */
#define SHARED_STATUS_TIMEOUT	0x5a03 /* the deadline passed before the loop ended */
#define SHARED_STATUS_FAULT	0x5a04 /* the guest's vectors took an exception (ESR_EL1 != 0) */

#endif
