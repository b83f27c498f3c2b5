/* SPDX-License-Identifier: MIT */
/*
 * vSGI payloads (scenarios/virq/sgi_*.c). The SGI registers are named by their encodings:
 * ICC_SGI1R_EL1 S3_0_C12_C11_5, ICC_ASGI1R_EL1 S3_0_C12_C11_6, ICC_SGI0R_EL1 S3_0_C12_C11_7;
 * the CPU interface registers the same way (ICC_* at EL1 reach ICV_* with HCR_EL2.IMO/FMO = 1).
 *
 * gp_vsgi_trap_<reg>(x0 = IPA of 31 doublewords): loads x0..x30 from the table, then writes
 *	<reg> from x0, x1, ..., x30 and xzr, 32 MSRs in a row starting at gl_vsgi_trap_<reg>
 *	(so the k-th is at gl_vsgi_trap_<reg> + 4 * k). Callee-saved registers are restored.
 * gp_vsgi_vcpu(x0 = value, x1 = register (0 none, 1 SGI1R, 2 ASGI1R, 3 SGI0R) | vCPU index
 *	<< 8, x2 = window in CNTVCT ticks): one vCPU of a vSGI instance, see below.
 * gp_vsgi_pe(x0 = value, x1 = send | vCPU index << 8 | flags << 16 | expected << 24, x2 =
 *	window ticks | grace ticks << 32): one vCPU of a cross-PE vSGI instance (smp.vsgi.*), see below.
 * gp_vsgi_send(x0 = value): writes ICC_SGI1R_EL1 from x0 once, at gl_vsgi_send, and returns
 *	0 (virq.sgi.notrap: with IMO = FMO = 0 the write reaches the physical GIC).
 */

#define ICC_SGI1R  S3_0_C12_C11_5
#define ICC_ASGI1R S3_0_C12_C11_6
#define ICC_SGI0R  S3_0_C12_C11_7
#define ICC_IAR0   S3_0_C12_C8_0
#define ICC_EOIR0  S3_0_C12_C8_1
#define ICC_HPPIR0 S3_0_C12_C8_2
#define ICC_IAR1   S3_0_C12_C12_0
#define ICC_EOIR1  S3_0_C12_C12_1
#define ICC_HPPIR1 S3_0_C12_C12_2
#define ICC_CTLR   S3_0_C12_C12_4

/*
 * gp_vsgi_vcpu's result record, doublewords at gl_vsgi_results + VSGI_RECORD * vCPU index
 * (scenarios/virq/sgi_inject.c reads it from guest RAM after the run: no exit per value).
 */
#define VSGI_RECORD	   128
#define VSGI_R_MPIDR	   0  /* MPIDR_EL1 (the vmm's VMPIDR_EL2) */
#define VSGI_R_CTLR	   8  /* ICV_CTLR_EL1 (RSS), written before the SGI register */
#define VSGI_R_IRQ_MASK	   16 /* bit n: vINTID n acknowledged from ICV_IAR1 on IRQ */
#define VSGI_R_FIQ_MASK	   24 /* bit n: vINTID n acknowledged from ICV_IAR0 on FIQ */
#define VSGI_R_TAKEN	   32 /* interrupts taken with a real (< 1020) INTID */
#define VSGI_R_SPURIOUS	   40 /* interrupts taken whose IAR read 1020..1023 */
#define VSGI_R_HPPIR1	   48 /* after the window: ICV_HPPIR1_EL1 */
#define VSGI_R_HPPIR0	   56 /* ICV_HPPIR0_EL1 */
#define VSGI_R_IAR1	   64 /* ICV_IAR1_EL1 polled with interrupts masked */
#define VSGI_R_IAR0	   72 /* ICV_IAR0_EL1 */
#define VSGI_R_DONE	   80 /* VSGI_DONE once the rest is written */
#define VSGI_R_READY	   88 /* gp_vsgi_pe: 1 once it listens (interrupts about to open) */
#define VSGI_R_STOP	   96 /* gp_vsgi_pe: the vmm writes nonzero to end the wait */
#define VSGI_DONE	   0x7653 /* "vS" */
#define VSGI_SPURIOUS_MAX 8			 /* then the handler masks the interrupt */

	.text

.macro	push_callee
	stp	x19, x20, [sp, #-96]!
	stp	x21, x22, [sp, #16]
	stp	x23, x24, [sp, #32]
	stp	x25, x26, [sp, #48]
	stp	x27, x28, [sp, #64]
	stp	x29, x30, [sp, #80]
.endm

.macro	pop_callee
	ldp	x29, x30, [sp, #80]
	ldp	x27, x28, [sp, #64]
	ldp	x25, x26, [sp, #48]
	ldp	x23, x24, [sp, #32]
	ldp	x21, x22, [sp, #16]
	ldp	x19, x20, [sp], #96
.endm

.macro	vsgi_trap name, reg
	.globl	gp_vsgi_trap_\name, gl_vsgi_trap_\name
gp_vsgi_trap_\name:
	push_callee
	mov	x30, x0
	ldp	x0, x1, [x30, #0]
	ldp	x2, x3, [x30, #16]
	ldp	x4, x5, [x30, #32]
	ldp	x6, x7, [x30, #48]
	ldp	x8, x9, [x30, #64]
	ldp	x10, x11, [x30, #80]
	ldp	x12, x13, [x30, #96]
	ldp	x14, x15, [x30, #112]
	ldp	x16, x17, [x30, #128]
	ldp	x18, x19, [x30, #144]
	ldp	x20, x21, [x30, #160]
	ldp	x22, x23, [x30, #176]
	ldp	x24, x25, [x30, #192]
	ldp	x26, x27, [x30, #208]
	ldp	x28, x29, [x30, #224]
	ldr	x30, [x30, #240]
gl_vsgi_trap_\name:
	.irp	n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30
	msr	\reg, x\n
	.endr
	msr	\reg, xzr
	pop_callee
	mov	x0, #0
	ret
.endm

	vsgi_trap sgi1r, ICC_SGI1R
	vsgi_trap asgi1r, ICC_ASGI1R
	vsgi_trap sgi0r, ICC_SGI0R

	.globl	gp_vsgi_send, gl_vsgi_send
gp_vsgi_send:
gl_vsgi_send:
	msr	ICC_SGI1R, x0
	isb
	mov	x0, #0
	ret

/*
 * gp_vsgi_vcpu(x0 = value, x1 = register | vCPU index << 8, x2 = window ticks): record
 * MPIDR_EL1 and ICV_CTLR_EL1, take interrupts on vsgi_vectors, write the SGI register x1[7:0]
 * selects (the vmm traps it and fills in the targets' list registers), then unmask IRQ and FIQ
 * for x2 ticks of CNTVCT_EL0: each interrupt taken is acknowledged from ICV_IAR1 (IRQ) or
 * ICV_IAR0 (FIQ), recorded, and EOId (ICV_EOIR: with VEOIM = 0 the priority drops and the
 * interrupt is deactivated). After the window, with interrupts masked again, the HPPIRs and
 * IARs are read: nothing may be left (1023). Registers: x27 the record, x22 IRQ vINTID mask,
 * x23 FIQ mask, x24 taken, x25 spurious (the handlers update x22..x25).
 */
	.globl	gp_vsgi_vcpu, gl_vsgi_send_sgi1r, gl_vsgi_send_asgi1r, gl_vsgi_send_sgi0r
gp_vsgi_vcpu:
	push_callee
	mov	x19, x0
	and	x20, x1, #0xff
	mov	x21, x2
	adr	x27, gl_vsgi_results
	lsr	x0, x1, #8
	mov	x1, #VSGI_RECORD
	madd	x27, x0, x1, x27
	mov	x22, #0
	mov	x23, #0
	mov	x24, #0
	mov	x25, #0
	mrs	x0, mpidr_el1
	str	x0, [x27, #VSGI_R_MPIDR]
	mrs	x0, ICC_CTLR
	str	x0, [x27, #VSGI_R_CTLR]
	adr	x0, vsgi_vectors
	msr	vbar_el1, x0
	isb
	cmp	x20, #1
	b.eq	1f
	cmp	x20, #2
	b.eq	2f
	cmp	x20, #3
	b.eq	3f
	b	4f
1:
gl_vsgi_send_sgi1r:
	msr	ICC_SGI1R, x19
	b	4f
2:
gl_vsgi_send_asgi1r:
	msr	ICC_ASGI1R, x19
	b	4f
3:
gl_vsgi_send_sgi0r:
	msr	ICC_SGI0R, x19
4:	isb
	mrs	x26, cntvct_el0
	msr	daifclr, #3			/* IRQ and FIQ on: the window */
5:	isb
	mrs	x0, cntvct_el0
	sub	x0, x0, x26
	cmp	x0, x21
	b.lo	5b
	msr	daifset, #3
	isb
	stp	x22, x23, [x27, #VSGI_R_IRQ_MASK]
	stp	x24, x25, [x27, #VSGI_R_TAKEN]
	mrs	x0, ICC_HPPIR1
	mrs	x1, ICC_HPPIR0
	stp	x0, x1, [x27, #VSGI_R_HPPIR1]
	mrs	x0, ICC_IAR1
	mrs	x1, ICC_IAR0
	stp	x0, x1, [x27, #VSGI_R_IAR1]
	mov	x0, #VSGI_DONE
	str	x0, [x27, #VSGI_R_DONE]
	adr	x0, guest_vectors
	msr	vbar_el1, x0
	isb
	pop_callee
	mov	x0, #0
	ret

/*
 * gp_vsgi_pe(x0 = value, x1 = send (bit 0: write ICC_SGI1R_EL1 from x0) | vCPU index << 8 |
 * flags << 16 | expected << 24, x2 = window ticks | grace ticks << 32): gp_vsgi_vcpu's record
 * and handlers, for a vCPU that runs while the others run on other PEs. After the optional send
 * it stores 1 to VSGI_R_READY and opens IRQ and FIQ until the window (CNTVCT_EL0 ticks) has
 * passed and then, without VSGI_PE_STOP, until it took `expected` interrupts; with
 * VSGI_PE_STOP, until the vmm wrote VSGI_R_STOP and it took `expected` interrupts or the grace
 * ticks passed since it saw VSGI_R_STOP (a vSGI that never comes ends the wait: the record
 * shows it). With VSGI_PE_WFI it waits in WFI at gl_vsgi_pe_wfi while it has taken fewer than
 * `expected` (then it polls: nothing would wake a WFI once the interrupt is taken). The vSGI
 * arrives in an LR the vmm of another PE loaded after kicking this one. Registers as
 * gp_vsgi_vcpu's, and x28 the flags, x29 the expected count, x20 the grace, x19 the counter
 * when VSGI_R_STOP was first seen (0: not yet).
 */
#define VSGI_PE_WFI  1 /* flags bit 0 */
#define VSGI_PE_STOP 2 /* flags bit 1 */
	.globl	gp_vsgi_pe, gl_vsgi_pe_send, gl_vsgi_pe_wfi
gp_vsgi_pe:
	push_callee
	mov	x19, x0
	and	x20, x1, #0xff
	mov	x21, x2
	adr	x27, gl_vsgi_results
	ubfx	x0, x1, #8, #8
	mov	x2, #VSGI_RECORD
	madd	x27, x0, x2, x27
	ubfx	x28, x1, #16, #8
	ubfx	x29, x1, #24, #8
	mov	x22, #0
	mov	x23, #0
	mov	x24, #0
	mov	x25, #0
	mrs	x0, mpidr_el1
	str	x0, [x27, #VSGI_R_MPIDR]
	mrs	x0, ICC_CTLR
	str	x0, [x27, #VSGI_R_CTLR]
	adr	x0, vsgi_vectors
	msr	vbar_el1, x0
	isb
	tbz	x20, #0, 1f
gl_vsgi_pe_send:
	msr	ICC_SGI1R, x19
1:	isb
	lsr	x20, x21, #32
	mov	w21, w21
	mov	x19, #0
	mov	x0, #1
	str	x0, [x27, #VSGI_R_READY]
	dsb	sy
	mrs	x26, cntvct_el0
	msr	daifclr, #3			/* IRQ and FIQ on */
2:	tbz	x28, #0, 3f
	cmp	x24, x29
	b.hs	3f
gl_vsgi_pe_wfi:
	wfi
3:	isb
	mrs	x0, cntvct_el0
	sub	x1, x0, x26
	cmp	x1, x21
	b.lo	2b
	tbnz	x28, #1, 5f
	cmp	x24, x29
	b.lo	2b
	b	4f
5:	ldr	x1, [x27, #VSGI_R_STOP]
	cbz	x1, 2b
	cmp	x24, x29
	b.hs	4f
	cbnz	x19, 6f
	mov	x19, x0
6:	sub	x1, x0, x19
	cmp	x1, x20
	b.lo	2b
4:	msr	daifset, #3
	isb
	stp	x22, x23, [x27, #VSGI_R_IRQ_MASK]
	stp	x24, x25, [x27, #VSGI_R_TAKEN]
	mrs	x0, ICC_HPPIR1
	mrs	x1, ICC_HPPIR0
	stp	x0, x1, [x27, #VSGI_R_HPPIR1]
	mrs	x0, ICC_IAR1
	mrs	x1, ICC_IAR0
	stp	x0, x1, [x27, #VSGI_R_IAR1]
	mov	x0, #VSGI_DONE
	str	x0, [x27, #VSGI_R_DONE]
	adr	x0, guest_vectors
	msr	vbar_el1, x0
	isb
	pop_callee
	mov	x0, #0
	ret

/*
 * One interrupt: acknowledge from \iar, record the vINTID in \mask (bit vINTID & 63), EOI it
 * to \eoir. A spurious INTID (1020..1023) is counted; after VSGI_SPURIOUS_MAX of them the
 * handler returns with the interrupt masked in SPSR_EL1, so a line that stays asserted without
 * an acknowledgeable interrupt cannot hold the guest in its handler past the window.
 */
.macro	vsgi_handler iar, eoir, mask, daifbit
	stp	x0, x1, [sp, #-16]!
	mrs	x0, \iar
	cmp	x0, #1020
	b.hs	1f
	mov	x1, #1
	lsl	x1, x1, x0
	orr	\mask, \mask, x1
	add	x24, x24, #1
	msr	\eoir, x0
	isb
	b	2f
1:	add	x25, x25, #1
	cmp	x25, #VSGI_SPURIOUS_MAX
	b.lo	2f
	mrs	x0, spsr_el1
	orr	x0, x0, #\daifbit
	msr	spsr_el1, x0
2:	ldp	x0, x1, [sp], #16
	eret
.endm

/* Own EL1 vectors: IRQ/FIQ from the current EL handled here, the rest as the runtime does. */
.macro	vsgi_forward offset
	.balign	128
	b	guest_vectors + \offset
.endm

	.balign	2048
vsgi_vectors:
	vsgi_forward 0x000
	vsgi_forward 0x080
	vsgi_forward 0x100
	vsgi_forward 0x180
	vsgi_forward 0x200
	.balign	128				/* 0x280: current EL, SPx, IRQ */
	vsgi_handler ICC_IAR1, ICC_EOIR1, x22, 0x80
	.balign	128				/* 0x300: current EL, SPx, FIQ */
	vsgi_handler ICC_IAR0, ICC_EOIR0, x23, 0x40
	vsgi_forward 0x380
	vsgi_forward 0x400
	vsgi_forward 0x480
	vsgi_forward 0x500
	vsgi_forward 0x580
	vsgi_forward 0x600
	vsgi_forward 0x680
	vsgi_forward 0x700
	vsgi_forward 0x780

/* The value table of gp_vsgi_trap_<reg>, written by the vmm (vm_load) before the run. */
	.data
	.balign	8
	.globl	gl_vsgi_values
gl_vsgi_values:
	.space	8 * 31

/* gp_vsgi_vcpu's result records, one per vCPU (at most 4). */
	.balign	64
	.globl	gl_vsgi_results
gl_vsgi_results:
	.space	VSGI_RECORD * 4
