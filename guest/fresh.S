/* SPDX-License-Identifier: MIT */
/*
 * Payloads of guest.fresh (scenarios/guest/fresh.c): one guest writes whatever it can of its
 * RAM, the next VM's guest checks that its RAM is the image and zeroes again.
 */
#include "hvc.h"

	.text

/*
 * gp_fresh_dirty(x0 = first IPA, x1 = end IPA, x2 = IPA of a page to DC ZVA or 0): a nonzero
 * doubleword at the start and at the end of every 4K page of [x0, x1), then the DC ZVA of the
 * page at x2 (block by block, DCZID_EL0.BS). A leaf: no stack, so every page may be written.
 * Returns 0, or 1 when DC ZVA is prohibited (DCZID_EL0.DZP).
 */
	.globl	gp_fresh_dirty
gp_fresh_dirty:
	movz	x4, #0x6469, lsl #48
	movk	x4, #0x7274, lsl #32
	movk	x4, #0x7900, lsl #16
1:	cmp	x0, x1
	b.hs	2f
	orr	x5, x4, x0
	str	x5, [x0]
	add	x6, x0, #4096 - 8
	orr	x5, x4, x6
	str	x5, [x6]
	add	x0, x0, #4096
	b	1b
2:	cbz	x2, 4f
	mrs	x5, dczid_el0
	tbnz	x5, #4, 5f
	and	x5, x5, #0xf
	mov	x6, #4
	lsl	x6, x6, x5		/* block size in bytes */
	add	x7, x2, #4096
3:	dc	zva, x2
	add	x2, x2, x6
	cmp	x2, x7
	b.lo	3b
4:	mov	x0, #0
	ret
5:	mov	x0, #1
	ret

/*
 * The check lives in pages of its own, so that a scenario can DC ZVA them in the guest before
 * (their restore is then what lets the next guest run it at all).
 *
 * gp_fresh_check(x0 = end of the image's pages, x1 = their expected sum, x2 = end of RAM):
 * the 64-bit sum of every doubleword from the start of RAM (guest_start) to x0, and every
 * doubleword from x0 to x2 is zero. Returns 0; 1 with the sum reported (GREPORT_USER + 2) when
 * it differs; 2 with the address and value of the first nonzero doubleword reported
 * (GREPORT_USER + 0, + 1). A leaf that uses no stack.
 */
	.section .text.fresh_check, "ax"
	.balign	4096
	.globl	gp_fresh_check
gp_fresh_check:
	mov	x10, x30
	adrp	x3, guest_start
	mov	x4, #0
1:	cmp	x3, x0
	b.hs	2f
	ldr	x5, [x3], #8
	add	x4, x4, x5
	b	1b
2:	cmp	x4, x1
	b.ne	5f
3:	cmp	x3, x2
	b.hs	4f
	ldr	x5, [x3]
	cbnz	x5, 6f
	add	x3, x3, #8
	b	3b
4:	mov	x0, #0
	ret	x10
5:	mov	x1, x4
	mov	x0, #GREPORT_USER + 2
	bl	guest_report
	mov	x0, #1
	ret	x10
6:	mov	x11, x5
	mov	x1, x3
	mov	x0, #GREPORT_USER + 0
	bl	guest_report
	mov	x1, x11
	mov	x0, #GREPORT_USER + 1
	bl	guest_report
	mov	x0, #2
	ret	x10
	.balign	4096
