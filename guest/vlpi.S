/* SPDX-License-Identifier: MIT */
/*
 * virq.v4.vlpi payload (scenarios/virq/vlpi.c): the guest's view of a directly injected vLPI.
 *   gp_vlpi_ack: read ICV_HPPIR1_EL1 up to 1024 times until it is not 1023 (the bounded window
 *     in which a pending vLPI must show), report it (GREPORT_USER + 0); read ICV_IAR1_EL1 and
 *     report it (+ 1); if it is not 1023, write it to ICV_EOIR1_EL1; read ICV_IAR1_EL1 again
 *     (+ 2: an LPI has no active state, so nothing is left) and ICV_RPR_EL1 (+ 3).
 */
#include "hvc.h"

	.text
	.globl	gp_vlpi_ack
gp_vlpi_ack:
	mov	x10, x30
	mov	x11, #1024
1:	mrs	x9, S3_0_C12_C12_2		/* ICC_HPPIR1_EL1 */
	cmp	x9, #1023
	b.ne	2f
	subs	x11, x11, #1
	b.ne	1b
2:	mov	x1, x9
	mov	x0, #GREPORT_USER + 0
	bl	guest_report
	mrs	x9, S3_0_C12_C12_0		/* ICC_IAR1_EL1 */
	mov	x1, x9
	mov	x0, #GREPORT_USER + 1
	bl	guest_report
	cmp	x9, #1023
	b.eq	3f
	msr	S3_0_C12_C12_1, x9		/* ICC_EOIR1_EL1 */
	isb
3:	mrs	x1, S3_0_C12_C12_0
	mov	x0, #GREPORT_USER + 2
	bl	guest_report
	mrs	x1, S3_0_C12_C11_3		/* ICC_RPR_EL1 */
	mov	x0, #GREPORT_USER + 3
	bl	guest_report
	mov	x0, #0
	ret	x10
