/* SPDX-License-Identifier: MIT */
/*
 * smp.shared payloads: several vCPUs of one VM, each on its own PE at the same time, update one
 * counter in a shared page (guest/smp_shared_abi.h) N times each, every payload with another
 * kind of update: exclusives (LDXR/STXR 64 and 32 bits, LDAXR/STLXR), FEAT_LSE atomics (LDADD,
 * LDADDAL, STADD, a CAS loop, a SWPA lock around a plain increment), a plain LDR/ADD/STR (lost
 * updates permitted), and message passing (STLR of a flag after the data, LDAR of it).
 *
 * Every payload: x0 = the shared page's VA (stage 1 maps it flat), x1 = N, x2 = index | count
 * << SHARED_ARG_COUNT_SHIFT. It waits at a rendezvous until every vCPU has arrived (so their
 * loops overlap), runs its loop, reports SHARED_REPORT_DONE/FAILS/EXTRA and returns a
 * SHARED_STATUS_*. The increment loops meet again at a barrier every SHARED_BARRIER_EVERY
 * increments, so that no vCPU runs far ahead of a descheduled one (under an emulator the PEs
 * are host threads): wherever two of them run at the same time, they race. Nothing spins for ever: the rendezvous, the loops and every lock spin end at
 * a deadline (CNTVCT_EL0, 2 s after the start), an
 * exclusive store that keeps failing ends the loop after SHARED_STUCK_LIMIT tries in a row, and
 * an exception the runtime's vectors took (they return past the instruction) ends it at once:
 * ESR_EL1 is zeroed at the start and read after every access to the shared page.
 *
 * Registers: x19 page, x20 N, x21 index, x22 count, x23 deadline, x24 done, x25 failures,
 * x26 consecutive failures (mp: mid-stream reads), x27 status, x28 the return address, x15 the
 * stuck limit; x9..x14 scratch (the barrier's too), x16, x17 the loops' state. No stack:
 * the vCPUs start with the same SP_EL1, so each moves it 4 KiB * index down for the vectors'
 * frames (the only stack users).
 */
#include "smp_shared_abi.h"

	.arch	armv8.1-a

	.text

/* Time or fault checks between accesses; both use x11 only. */
.macro	check_deadline
	mrs	x11, cntvct_el0
	cmp	x11, x23
	b.hs	shared_timeout
.endm

.macro	check_fault
	mrs	x11, esr_el1
	cbnz	x11, shared_fault
.endm

/* A failed store or CAS: count it, give up after SHARED_STUCK_LIMIT in a row. */
.macro	count_failure
	add	x25, x25, #1
	add	x26, x26, #1
	cmp	x26, x15
	b.hs	shared_stuck
.endm

/* Prologue of every payload: registers, own stack, deadline, then the rendezvous. */
.macro	shared_enter
	mov	x28, x30
	bl	shared_setup
	cbnz	x27, shared_leave
.endm

/* Leaf: sets up x19..x27 and x15 from x0..x2, then waits for every vCPU (x27 = status). */
shared_setup:
	mov	x19, x0
	mov	x20, x1
	and	x21, x2, #0xff
	ubfx	x22, x2, #SHARED_ARG_COUNT_SHIFT, #8
	mov	x9, sp
	sub	x9, x9, x21, lsl #12
	mov	sp, x9
	msr	esr_el1, xzr
	isb
	mrs	x9, cntfrq_el0
	mrs	x23, cntvct_el0
	add	x23, x23, x9, lsl #SHARED_DEADLINE_SHIFT
	mov	x24, #0
	mov	x25, #0
	mov	x26, #0
	mov	x27, #0
	mov	x15, #SHARED_STUCK_LIMIT
	/* fall through: the first barrier is the start rendezvous */

/*
 * Leaf: barrier round done / SHARED_BARRIER_EVERY + 1. Each vCPU stores its round in its own
 * arrival flag (plain stores: no atomics needed, whatever the memory type) and waits until
 * every flag is at least that round; a vCPU that left stored ~0 there. Round 1, the start
 * rendezvous, waits until the deadline (x27 = ARRIVE then); the later rounds only help the
 * loops overlap, so they wait at most CNTFRQ_EL0 >> SHARED_PATIENCE_SHIFT ticks and go on.
 * Uses x9..x14.
 */
shared_barrier:
	lsr	x9, x24, #SHARED_BARRIER_SHIFT
	add	x9, x9, #1
	add	x10, x19, #SHARED_ARRIVE
	str	x9, [x10, x21, lsl #3]
	dmb	ish
	mov	x14, x23
	cmp	x9, #1
	b.eq	1f
	mrs	x11, cntfrq_el0
	mrs	x12, cntvct_el0
	add	x12, x12, x11, lsr #SHARED_PATIENCE_SHIFT
	cmp	x12, x14
	csel	x14, x12, x14, lo
1:	mov	x12, #0				/* vCPU */
2:	ldr	x13, [x10, x12, lsl #3]
	cmp	x13, x9
	b.lo	3f
	add	x12, x12, #1
	cmp	x12, x22
	b.lo	2b
	dmb	ish
	ret
3:	mrs	x11, cntvct_el0
	cmp	x11, x14
	b.lo	1b
	cmp	x9, #1
	b.ne	4f
	mov	x27, #SHARED_STATUS_ARRIVE
4:	ret

/* Between increments: every SHARED_BARRIER_EVERY of them, the next barrier round. */
.macro	maybe_barrier
	tst	x24, #(SHARED_BARRIER_EVERY - 1)
	b.ne	9f
	bl	shared_barrier
	cbnz	x27, shared_leave
9:
.endm

shared_done:
	mov	x27, #SHARED_STATUS_DONE
	b	shared_leave
shared_stuck:
	mov	x27, #SHARED_STATUS_STUCK
	b	shared_leave
shared_timeout:
	mov	x27, #SHARED_STATUS_TIMEOUT
	b	shared_leave
shared_fault:
	mov	x27, #SHARED_STATUS_FAULT
/*
 * Leaves no vCPU waiting for this one at a barrier (its flag ~0), reports the counts and
 * returns x27 to the runtime (which exits with it).
 */
shared_leave:
	add	x10, x19, #SHARED_ARRIVE
	mov	x9, #-1
	str	x9, [x10, x21, lsl #3]
	mov	x0, #SHARED_REPORT_DONE
	mov	x1, x24
	bl	guest_report
	mov	x0, #SHARED_REPORT_FAILS
	mov	x1, x25
	bl	guest_report
	mov	x0, #SHARED_REPORT_EXTRA
	mov	x1, x26
	bl	guest_report
	mov	x0, x27
	ret	x28

/*
 * An exclusive increment loop: \ld/\st the exclusive pair, \r the register width (x or w).
 * LDXR, ADD, STXR back to back (the forward-progress shape of B2.9.5: no other access between).
 */
.macro	excl_payload name, ld, st, r
	.globl	gp_shared_\name
gp_shared_\name:
	shared_enter
1:	cmp	x24, x20
	b.hs	shared_done
	check_deadline
	\ld	\r\()9, [x19]
	add	\r\()9, \r\()9, #1
	\st	w10, \r\()9, [x19]
	check_fault
	cbnz	w10, 2f
	add	x24, x24, #1
	mov	x26, #0
	maybe_barrier
	b	1b
2:	count_failure
	b	1b
.endm

	excl_payload ldxr64, ldxr, stxr, x
	excl_payload ldxr32, ldxr, stxr, w
	excl_payload ldaxr64, ldaxr, stlxr, x

/* A FEAT_LSE atomic add of 1 (\insn with \ops, the registers after x16 = 1). */
.macro	lse_payload name, insn, ops:vararg
	.globl	gp_shared_\name
gp_shared_\name:
	shared_enter
	mov	x16, #1
1:	cmp	x24, x20
	b.hs	shared_done
	check_deadline
	\insn	x16, \ops
	check_fault
	add	x24, x24, #1
	maybe_barrier
	b	1b
.endm

	lse_payload ldadd, ldadd, x14, [x19]
	lse_payload ldaddal, ldaddal, x14, [x19]
	lse_payload stadd, stadd, [x19]

/* CAS loop: expect x16, store x16 + 1; a CAS that returns another value retries with it. */
	.globl	gp_shared_cas
gp_shared_cas:
	shared_enter
	ldr	x16, [x19]
	check_fault
1:	cmp	x24, x20
	b.hs	shared_done
	check_deadline
	add	x14, x16, #1
	mov	x17, x16
	cas	x17, x14, [x19]
	check_fault
	cmp	x17, x16
	b.ne	2f
	add	x24, x24, #1
	mov	x26, #0
	mov	x16, x14
	maybe_barrier
	b	1b
2:	mov	x16, x17
	count_failure
	b	1b

/*
 * A lock (SWPA of 1 until the old value is 0, released with STLR of 0) around a plain
 * LDR/ADD/STR of the counter: the lock's acquire/release orders the increments. Failures count
 * the SWPAs that found the lock held.
 */
	.globl	gp_shared_swp_lock
gp_shared_swp_lock:
	shared_enter
	add	x17, x19, #SHARED_LOCK
	mov	w16, #1
1:	cmp	x24, x20
	b.hs	shared_done
2:	check_deadline
	swpa	w16, w14, [x17]
	check_fault
	cbz	w14, 3f
	add	x25, x25, #1
	b	2b
3:	ldr	x14, [x19]
	add	x14, x14, #1
	str	x14, [x19]
	stlr	wzr, [x17]
	check_fault
	add	x24, x24, #1
	maybe_barrier
	b	1b

/* The negative row: a plain LDR/ADD/STR, increments of other vCPUs may be lost. */
	.globl	gp_shared_plain
gp_shared_plain:
	shared_enter
1:	cmp	x24, x20
	b.hs	shared_done
	check_deadline
	ldr	x14, [x19]
	add	x14, x14, #1
	str	x14, [x19]
	check_fault
	add	x24, x24, #1
	maybe_barrier
	b	1b

/*
 * Message passing: vCPU 0 writes data = i (STR) then flag = i (STLR) for i = 1..N; every other
 * vCPU reads the flag with LDAR, then the data with LDR, until the flag is N. Release/acquire:
 * each read of the data sees at least the flag's value (and never more than N); a read that
 * sees less is a violation (x25). Readers count their reads (x24) and those that saw the flag
 * strictly between 0 and N (x26: the writer was running meanwhile).
 */
	.globl	gp_shared_mp
gp_shared_mp:
	shared_enter
	add	x10, x19, #SHARED_LOCK
	cbnz	x21, 2f
1:	cmp	x24, x20
	b.hs	shared_done
	add	x13, x24, #1
	str	x13, [x19]
	stlr	x13, [x10]
	check_fault
	add	x24, x24, #1
	b	1b
2:	check_deadline
	ldar	x13, [x10]
	ldr	x14, [x19]
	check_fault
	add	x24, x24, #1
	cmp	x14, x13
	b.lo	3f
	cmp	x14, x20
	b.ls	4f
3:	add	x25, x25, #1
4:	cbz	x13, 5f
	cmp	x13, x20
	b.hs	shared_done
	add	x26, x26, #1
5:	b	2b
