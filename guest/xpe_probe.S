/* SPDX-License-Identifier: MIT */
/*
 * smp.tlbi, smp.fb: the cross-PE probe (guest/xpe_probe_abi.h). x0 = the probe VA, x1 = this
 * vCPU's mailbox. The guest spins until the harness posts an op (a new XP_SEQ), does it, and
 * acknowledges, so that a vCPU can stay in the guest on one PE (its TLB entries cached there)
 * while another PE changes the translation. A stage-2 fault of the probe access exits at
 * gl_xp_ldr or gl_xp_str; the watchdog bounds the spin.
 */
#include "xpe_probe_abi.h"

	.text
	.globl	gp_xpe_probe, gl_xp_ldr, gl_xp_str, gl_xp_yield, gl_xp_patch
gp_xpe_probe:
	mov	x19, x0
	mov	x20, x1
	mov	x21, #0			/* the last XP_SEQ done */
	mov	x22, lr
	.if	XP_SEQ != 0
	.error	"the spin below reads XP_SEQ at offset 0 (LDAR has no offset)"
	.endif
	mov	x23, #0
1:	add	x23, x23, #1
	str	x23, [x20, #XP_LIVE]
	ldar	x9, [x20]
	cmp	x9, x21
	b.eq	1b
	mov	x21, x9
	ldr	x10, [x20, #XP_OP]
	ldr	x11, [x20, #XP_ARG]
	ldr	x12, [x20, #XP_ADDR]
	and	x13, x10, #XP_OP_MASK
	cmp	x13, #XP_OP_QUIT
	b.eq	quit
	cmp	x13, #XP_OP_READ
	b.eq	op_read
	cmp	x13, #XP_OP_S1_VMALLE1
	b.eq	op_vmalle1
	cmp	x13, #XP_OP_S1_VAE1
	b.eq	op_vae1
	cmp	x13, #XP_OP_IC_IALLU
	b.eq	op_iallu
	cmp	x13, #XP_OP_CALL
	b.eq	op_call
	cmp	x13, #XP_OP_MP_WRITE
	b.eq	op_mp_write
	cmp	x13, #XP_OP_MP_READ
	b.eq	op_mp_read
	mov	x0, #XP_STATUS_BADOP
	ret	x22

op_read:
gl_xp_ldr:
	ldr	x1, [x19]
	ldr	x2, [x19, #8]
	cbz	x11, 2f
gl_xp_str:
	str	x11, [x19, #16]		/* word 2 */
2:	str	x1, [x20, #XP_OUT0]
	str	x2, [x20, #XP_OUT1]
	b	ack

op_vmalle1:
	str	x11, [x12]
	dsb	ish
	tlbi	vmalle1
	dsb	ish
	isb
	b	ack

op_vae1:
	str	x11, [x12]
	dsb	ish
	lsr	x9, x19, #12
	tlbi	vae1, x9
	dsb	ish
	isb
	b	ack

op_iallu:
	str	w11, [x12]
	dc	cvau, x12
	dsb	ish
	ic	iallu
	dsb	ish
	isb
	b	ack

op_call:
	isb
	bl	gl_xp_patch
	str	x1, [x20, #XP_OUT0]
	b	ack

/*
 * Message passing: the writer publishes data before flag, the reader reads flag before data.
 * The reader announces itself (word 2 of the pair) and the writer waits for it, both bounded,
 * so that the two loops overlap.
 */
op_mp_write:
	mov	x9, #XP_MP_WAIT
8:	ldr	x2, [x12, #16]
	cbnz	x2, 9f
	subs	x9, x9, #1
	b.ne	8b
9:	mov	x9, #1
3:	str	x9, [x12]
	tbnz	x10, #8, 4f
	dmb	ish
	b	5f
4:	dmb	nsh
5:	str	x9, [x12, #8]
	add	x9, x9, #1
	cmp	x9, #XP_MP_ROUNDS
	b.ls	3b
	b	ack

op_mp_read:
	mov	x9, #1
	str	x9, [x12, #16]
	mov	x9, #XP_MP_WAIT
6:	ldr	x2, [x12, #8]
	cbnz	x2, 7f
	subs	x9, x9, #1
	b.ne	6b
7:	mov	x9, #XP_MP_READS
	mov	x1, #0			/* reads with data older than the flag */
	mov	x4, #0			/* reads while the writer was still writing */
3:	ldr	x2, [x12, #8]
	tbnz	x10, #8, 4f
	dmb	ish
	b	5f
4:	dmb	nsh
5:	ldr	x3, [x12]
	cmp	x3, x2
	cinc	x1, x1, lo
	cmp	x2, #XP_MP_ROUNDS
	b.hs	6f
	add	x4, x4, #1
	subs	x9, x9, #1
	b.ne	3b
6:	str	x1, [x20, #XP_OUT0]
	str	x4, [x20, #XP_OUT1]
	b	ack

ack:
	add	x9, x20, #XP_ACK
	stlr	x21, [x9]
	tbz	x10, #9, 1b
	hvc	#XP_YIELD_IMM
gl_xp_yield:
	b	1b

quit:
	mov	x0, #XP_STATUS_DONE
	ret	x22

/* Executed by XP_OP_CALL, rewritten by XP_OP_IC_IALLU (its first instruction). */
	.balign	64
gl_xp_patch:
	movz	x1, #1
	ret
	.balign	64
