/* SPDX-License-Identifier: MIT */
/*
 * Guests of bench.exit.* (scenarios/bench/exit.c): each repeats one exit-causing instruction
 * and brackets it with reads of the harness's EL2-only counters (kernel/pmu.h: PMCCNTR_EL0 and,
 * through PMSELR_EL0, the event counter that counts INST_RETIRED at EL2). The reads happen at
 * EL1, where the counters do not count, so each sample is exactly the EL2 work of one round
 * trip: the exit, the harness's handling and the return to the guest, nothing of the guest and
 * nothing of the measurement itself.
 *
 * Arguments: x0 = IPA of the sample array (iterations pairs of {cycles, insns}, 16 bytes),
 * x1 = iterations (>= 1), x2 = 1 when the event counter counts (else insns are stored as 0).
 * Registers: x9 the next sample, x10 iterations left, x11 the flag, x12/x13 the readings
 * before, x14/x15 after; x16 an operand of the exit instruction; x17 set by the IRQ vector.
 * The status is 0.
 */
#include "hvc.h"

#define MMIO_IPA   0x0a000000 /* GUEST_MMIO_IPA: never mapped */
#define SGI1R_TO_1 0x01000002 /* ICC_SGI1R_EL1: INTID 1 (bits [27:24]) to Aff0 1 (TargetList bit 1) */

	.text

/* \c, \i = PMCCNTR_EL0 and the selected event counter (0 without one). */
.macro	bench_read c, i
	isb
	mrs	\c, pmccntr_el0
	mov	\i, #0
	cbz	x11, 9f
	mrs	\i, pmxevcntr_el0
9:
.endm

/*
 * gp_bench_<name>: the sample loop around the instructions of the macro \body (gl_bench_<name>:
 * the first); \setup runs once before the loop.
 */
.macro	bench_loop name, setup, body
	.globl	gp_bench_\name, gl_bench_\name
gp_bench_\name:
	mov	x9, x0
	mov	x10, x1
	mov	x11, x2
	\setup
1:	bench_read x12, x13
gl_bench_\name:
	\body
	bench_read x14, x15
	sub	x14, x14, x12
	sub	w15, w15, w13			/* a 32-bit event counter: modulo 2^32 */
	stp	x14, x15, [x9], #16
	subs	x10, x10, #1
	b.ne	1b
	mov	x0, #0
	ret
.endm

.macro	no_setup
.endm

.macro	mmio_setup
	mov	x16, #MMIO_IPA
.endm

.macro	sgi_setup
	mov	x16, #(SGI1R_TO_1 & 0xffff)
	movk	x16, #(SGI1R_TO_1 >> 16), lsl #16
.endm

/* The vIRQ guest takes interrupts on gv_bench_vectors, PSTATE.I clear. */
.macro	virq_setup
	adr	x16, gv_bench_vectors
	msr	vbar_el1, x16
	isb
	msr	daifclr, #2
.endm

.macro	hvc_nop
	mov	x0, #HYP_SVC_NOP
	hvc	#HYP_SVC_IMM
.endm
.macro	hvc_fast_nop
	mov	x0, #HYP_SVC_FAST_NOP
	hvc	#HYP_SVC_IMM
.endm
.macro	mrs_id
	mrs	x0, id_aa64mmfr0_el1
.endm
.macro	wfi_once
	wfi
.endm
.macro	mmio_load
	ldr	x0, [x16]
.endm
.macro	mmio_store
	str	x9, [x16]
.endm
.macro	msr_tvm
	msr	contextidr_el1, x10
.endm
.macro	hvc_then_virq
	mov	x17, #0
	hvc	#1
8:	cbz	x17, 8b
.endm
.macro	send_sgi
	msr	S3_0_C12_C11_5, x16
.endm

/* The null hypercall: HVC of the service ABI's NOP, resumed by the vmm itself. */
	bench_loop hvc, no_setup, hvc_nop
/* The null hypercall the exception vector resumes itself (vmm/entry.S guest_sync_slot). */
	bench_loop hvc_fast, no_setup, hvc_fast_nop
/* An ID register read trapped by HCR_EL2.TID3; the harness emulates it (x0 = its value). */
	bench_loop mrs, no_setup, mrs_id
/* WFI trapped by HCR_EL2.TWI; the harness resumes after it at once. */
	bench_loop wfi, no_setup, wfi_once
/* A load and a store to the unmapped MMIO window: stage-2 aborts with ISV, emulated. */
	bench_loop mmio_read, mmio_setup, mmio_load
	bench_loop mmio_write, mmio_setup, mmio_store
/* A write trapped by HCR_EL2.TVM (CONTEXTIDR_EL1); the harness emulates it. */
	bench_loop msr, no_setup, msr_tvm
/*
 * An HVC to the scenario, which puts a vIRQ in a list register; the guest takes it on its own
 * vector, acknowledges and EOIs it (ICV_IAR1/EOIR1_EL1, no exit), then reads the counters.
 */
	bench_loop virq, virq_setup, hvc_then_virq
/* vCPU 0 sends SGI 1 to vCPU 1 (ICC_SGI1R_EL1, trapped by HCR_EL2.IMO); see gp_bench_vsgi_rx. */
	bench_loop vsgi, sgi_setup, send_sgi
/* The world switch: one HVC the scenario resumes at once (bench.exit.switch times vcpu_run). */
	.globl	gp_bench_switch
gp_bench_switch:
	hvc	#1
	b	gp_bench_switch

/*
 * vCPU 1 of bench.exit.vsgi: waits with PSTATE.I clear; each vSGI is acknowledged and EOIed
 * on gv_bench_rx_vectors, which then gives the PE back to vCPU 0 with HVC #1.
 */
	.globl	gp_bench_vsgi_rx
gp_bench_vsgi_rx:
	adr	x16, gv_bench_rx_vectors
	msr	vbar_el1, x16
	isb
	msr	daifclr, #2
1:	b	1b

/* EL1 vectors: only "current EL with SP_ELx, IRQ" (offset 0x280, the macro \irq) is expected. */
.macro	bench_vectors name, irq
	.balign	2048
\name:
	.rept	5				/* 0x000..0x200: EL0 SP_EL0 + current EL sync */
	b	.
	.balign	128
	.endr
	\irq					/* 0x280 */
	eret
	.balign	128
	.rept	10
	b	.
	.balign	128
	.endr
.endm

/* Acknowledge and EOI (ICV_IAR1_EL1, ICV_EOIR1_EL1: EOImode 0 drops and deactivates). */
.macro	ack_eoi
	mrs	x0, S3_0_C12_C12_0
	msr	S3_0_C12_C12_1, x0
.endm
.macro	ack_eoi_flag
	ack_eoi
	mov	x17, #1
.endm
.macro	ack_eoi_yield
	ack_eoi
	hvc	#1
.endm

	bench_vectors gv_bench_vectors, ack_eoi_flag
	bench_vectors gv_bench_rx_vectors, ack_eoi_yield
