/* SPDX-License-Identifier: MIT */
/*
 * FEAT_HCX payloads: the rows of scenarios/trap/hcx_traps.h (guest/sysreg_macros.h, names prefixed
 * hcx_), and
 *   gp_hcx_allint_imm: MSR ALLINT, #1 at gl_hcx_allint_imm (encoded by hand: MSR (immediate)
 *     op1 = 0b001, CRm = 0b0001 (imm), op2 = 0b000), then MSR ALLINT, #0
 *   gp_hcx_mops: x0 = buffer, x1 = size, x2 = byte: SETP/SETM/SETE at gl_hcx_mops, then
 *     report the first doubleword of the buffer
 *   gp_hcx_setp: SETP only (gl_hcx_setp), for the UNDEFINED case
 */
#include "hvc.h"
#include "sysreg_macros.h"

	.text

#define HCX_READ(name, op0, op1, crn, crm, op2, bit, needs)                                        \
	sr_read hcx_##name, op0, op1, crn, crm, op2, x0;                                           \
	sr_read hcx_##name, op0, op1, crn, crm, op2, x17;                                          \
	sr_read hcx_##name, op0, op1, crn, crm, op2, x30;                                          \
	sr_read hcx_##name, op0, op1, crn, crm, op2, xzr;
#define HCX_WRITE(name, op0, op1, crn, crm, op2, bit, needs, value)                                \
	sr_write hcx_##name, op0, op1, crn, crm, op2, value, x0;                                   \
	sr_write hcx_##name, op0, op1, crn, crm, op2, value, x17;                                  \
	sr_write hcx_##name, op0, op1, crn, crm, op2, value, x30;                                  \
	sr_write hcx_##name, op0, op1, crn, crm, op2, value, xzr;
#include "trap/hcx_traps.h"

	.globl	gp_hcx_allint_imm, gl_hcx_allint_imm
gp_hcx_allint_imm:
gl_hcx_allint_imm:
	.inst	0xd501411f			/* MSR ALLINT, #1 */
	.inst	0xd501401f			/* MSR ALLINT, #0 */
	mov	x0, #0
	ret

	.arch	armv8.8-a
	.globl	gp_hcx_mops, gl_hcx_mops
gp_hcx_mops:
	str	x30, [sp, #-16]!
	mov	x3, x0
gl_hcx_mops:
	setp	[x0]!, x1!, x2
	setm	[x0]!, x1!, x2
	sete	[x0]!, x1!, x2
	ldr	x1, [x3]
	mov	x0, #GREPORT_USER
	bl	guest_report
	ldr	x30, [sp], #16
	mov	x0, #0
	ret

	.globl	gp_hcx_setp, gl_hcx_setp
gp_hcx_setp:
gl_hcx_setp:
	setp	[x0]!, x1!, x2
	mov	x0, #0
	ret

/*
 * gp_hcx_<insn>: one FEAT_LS64 instruction at gl_hcx_<insn> on the 64-byte buffer at x0
 * (x2..x9 the data, x1 the ST64BV* status).
 */
	.arch	armv8.7-a+ls64
.macro	ls64_payload name, insn:vararg
	.globl	gp_hcx_\name, gl_hcx_\name
gp_hcx_\name:
	mov	x10, x0
gl_hcx_\name:
	\insn
	mov	x0, #0
	ret
.endm
	ls64_payload ld64b, ld64b x2, [x10]
	ls64_payload st64b, st64b x2, [x10]
	ls64_payload st64bv, st64bv x1, x2, [x10]
	ls64_payload st64bv0, st64bv0 x1, x2, [x10]
