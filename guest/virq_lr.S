/* SPDX-License-Identifier: MIT */
/*
 * EL1 payload of the virq.lr.* families (scenarios/virq/lr.c): a guest of a vCPU whose list
 * registers the vmm filled, with HCR_EL2.IMO = FMO = 1, so its ICC_* accesses reach the ICV_*
 * registers. It runs on its own vectors (virq_lr_vectors): a vIRQ (Group 1) or vFIQ (Group 0)
 * taken during the unmasked window is acknowledged there through ICV_IAR1/ICV_IAR0.
 *
 * int gp_virq_lr(flags x0, pmr x1, ctl x2):
 *   1. VF_WRITE_CTL: ICV_CTLR_EL1 = ctl[16] (CBPR), ICV_BPR0_EL1 = ctl[2:0],
 *      ICV_BPR1_EL1 = ctl[10:8], ICV_IGRPEN0_EL1 = ctl[17], ICV_IGRPEN1_EL1 = ctl[18].
 *      VF_WRITE_PMR: ICV_PMR_EL1 = pmr.
 *   2. VF_UNMASK: PSTATE.I and F clear for VLR_WINDOW ISB iterations, then set again. The
 *      vector reports its offset (VK_VECTOR) and the IAR value (VK_VEC_INTID), and returns
 *      with I and F masked.
 *   3. Reports ICV_HPPIR0, ICV_HPPIR1, ICV_RPR, ICV_IAR0 and ICV_IAR1 (in the order
 *      VF_IAR1_FIRST says), ICV_RPR again, ICV_AP0R<n> and ICV_AP1R<n> (n = flags[9:8]).
 */
#include "hvc.h"
#include "virq_lr.h"

#define ICC_PMR_EL1	S3_0_C4_C6_0
#define ICC_IAR0_EL1	S3_0_C12_C8_0
#define ICC_HPPIR0_EL1	S3_0_C12_C8_2
#define ICC_BPR0_EL1	S3_0_C12_C8_3
#define ICC_RPR_EL1	S3_0_C12_C11_3
#define ICC_IAR1_EL1	S3_0_C12_C12_0
#define ICC_HPPIR1_EL1	S3_0_C12_C12_2
#define ICC_BPR1_EL1	S3_0_C12_C12_3
#define ICC_CTLR_EL1	S3_0_C12_C12_4
#define ICC_IGRPEN0_EL1	S3_0_C12_C12_6
#define ICC_IGRPEN1_EL1	S3_0_C12_C12_7

#define SPSR_I_F	0xc0	/* SPSR_EL1.I (bit 7) and .F (bit 6) */

	.text

/* report KEY, from system register REG (clobbers x0..x2) */
.macro	report_sysreg key, reg
	mrs	x1, \reg
	mov	x0, #\key
	bl	guest_report
.endm

	.globl	gp_virq_lr
gp_virq_lr:
	stp	x19, x30, [sp, #-32]!
	stp	x20, x21, [sp, #16]
	mov	x19, x0
	mov	x20, x1
	mov	x21, x2
	adr	x0, virq_lr_vectors
	msr	vbar_el1, x0
	isb

	tbz	x19, #VF_WRITE_CTL_BIT, 1f
	ubfx	x0, x21, #16, #1
	msr	ICC_CTLR_EL1, x0
	isb
	ubfx	x0, x21, #0, #3
	msr	ICC_BPR0_EL1, x0
	ubfx	x0, x21, #8, #3
	msr	ICC_BPR1_EL1, x0
	ubfx	x0, x21, #17, #1
	msr	ICC_IGRPEN0_EL1, x0
	ubfx	x0, x21, #18, #1
	msr	ICC_IGRPEN1_EL1, x0
	isb
1:	tbz	x19, #VF_WRITE_PMR_BIT, 1f
	msr	ICC_PMR_EL1, x20
	isb

1:	tbz	x19, #VF_UNMASK_BIT, 2f
	mov	x0, #VLR_WINDOW
	msr	daifclr, #3		/* I and F */
3:	isb
	subs	x0, x0, #1
	b.ne	3b
	msr	daifset, #3
	isb

2:	report_sysreg VK_HPPIR0, ICC_HPPIR0_EL1
	report_sysreg VK_HPPIR1, ICC_HPPIR1_EL1
	report_sysreg VK_RPR, ICC_RPR_EL1
	tbnz	x19, #VF_IAR1_FIRST_BIT, 4f
	report_sysreg VK_IAR0, ICC_IAR0_EL1
	report_sysreg VK_IAR1, ICC_IAR1_EL1
	b	5f
4:	report_sysreg VK_IAR1, ICC_IAR1_EL1
	report_sysreg VK_IAR0, ICC_IAR0_EL1
5:	report_sysreg VK_RPR_ACK, ICC_RPR_EL1

	ubfx	x0, x19, #VF_APR_SHIFT, #2
	cbz	x0, 10f
	cmp	x0, #1
	b.eq	11f
	cmp	x0, #2
	b.eq	12f
	report_sysreg VK_AP0R, S3_0_C12_C8_7
	report_sysreg VK_AP1R, S3_0_C12_C9_3
	b	20f
10:	report_sysreg VK_AP0R, S3_0_C12_C8_4
	report_sysreg VK_AP1R, S3_0_C12_C9_0
	b	20f
11:	report_sysreg VK_AP0R, S3_0_C12_C8_5
	report_sysreg VK_AP1R, S3_0_C12_C9_1
	b	20f
12:	report_sysreg VK_AP0R, S3_0_C12_C8_6
	report_sysreg VK_AP1R, S3_0_C12_C9_2

20:	ldp	x20, x21, [sp, #16]
	ldp	x19, x30, [sp], #32
	mov	x0, #0
	ret

/*
 * IRQ/FIQ from the current EL (SPx): report the vector offset and acknowledge through IAR
 * (Group 1 for a vIRQ, Group 0 for a vFIQ), then return with I and F masked so that the
 * window ends here. Every other slot is the runtime's (guest/start.S).
 */
.macro	virq_slot offset, iar
	.balign	128
	stp	x0, x1, [sp, #-32]!
	stp	x2, x30, [sp, #16]
	mov	x1, #\offset
	mov	x0, #VK_VECTOR
	bl	guest_report
	report_sysreg VK_VEC_INTID, \iar
	mrs	x0, spsr_el1
	orr	x0, x0, #SPSR_I_F
	msr	spsr_el1, x0
	ldp	x2, x30, [sp, #16]
	ldp	x0, x1, [sp], #32
	eret
.endm

.macro	runtime_slot offset
	.balign	128
	b	guest_vectors + \offset
.endm

	.balign	2048
virq_lr_vectors:
	runtime_slot 0x000
	runtime_slot 0x080
	runtime_slot 0x100
	runtime_slot 0x180
	runtime_slot 0x200
	virq_slot 0x280, ICC_IAR1_EL1
	virq_slot 0x300, ICC_IAR0_EL1
	runtime_slot 0x380
	runtime_slot 0x400
	runtime_slot 0x480
	runtime_slot 0x500
	runtime_slot 0x580
	runtime_slot 0x600
	runtime_slot 0x680
	runtime_slot 0x700
	runtime_slot 0x780
