/* SPDX-License-Identifier: MIT */
/*
 * FEAT_FGT trap payloads, generated from scenarios/trap/fgt_traps.h with the macros of
 * guest/sysreg_macros.h; every name is prefixed fgt_ (gp_sr_fgt_<name>_<rt>, ...) so a register
 * may appear in both tables. Plus the instructions FGT traps that are not MSR/MRS/SYS:
 *   gp_fgt_eret / gp_fgt_eretaa / gp_fgt_eretab: ERET* from EL1 to the next instruction
 *     (EL1h, DAIF masked); gl_fgt_eret* labels it. ERETAA/ERETAB authenticate ELR_EL1 with SP
 *     as the modifier, so ELR_EL1 is signed first with PACIA/PACIB (same key, same modifier).
 *   gp_fgt_svc_el1: SVC #0x43 at EL1 (gl_fgt_svc_el1), then a NOP: the runtime's vector
 *     returns to ELR_EL1 + 4, i.e. past that NOP.
 */
#include "hvc.h"
#include "sysreg_macros.h"

	.text

#define RT4(m, ...)                                                                                \
	m __VA_ARGS__, x0;                                                                         \
	m __VA_ARGS__, x17;                                                                        \
	m __VA_ARGS__, x30;                                                                        \
	m __VA_ARGS__, xzr;

#define FGT_READ(name, op0, op1, crn, crm, op2, ...) RT4(sr_read, fgt_##name, op0, op1, crn, crm, op2)
#define FGT_READ_ICV FGT_READ
#define FGT_WRITE(name, op0, op1, crn, crm, op2, reg, bit, pol, needs, hcr, value, zero_ok)     \
	sr_write fgt_##name, op0, op1, crn, crm, op2, value, x0;                                   \
	sr_write fgt_##name, op0, op1, crn, crm, op2, value, x17;                                  \
	sr_write fgt_##name, op0, op1, crn, crm, op2, value, x30;                                  \
	.if zero_ok;                                                                               \
	sr_write fgt_##name, op0, op1, crn, crm, op2, value, xzr;                                  \
	.endif;
#define FGT_WO(name, op0, op1, crn, crm, op2, reg, bit, needs, value)                            \
	RT4(sr_write_only, fgt_##name, op0, op1, crn, crm, op2, value)
#define FGT_SYS(name, op1, crn, crm, op2, bit, needs, hcr, value, uses_rt)                       \
	.if uses_rt;                                                                               \
	sr_sys fgt_##name, op1, crn, crm, op2, value, x0;                                          \
	sr_sys fgt_##name, op1, crn, crm, op2, value, x17;                                         \
	sr_sys fgt_##name, op1, crn, crm, op2, value, x30;                                         \
	.else;                                                                                     \
	sr_sys fgt_##name, op1, crn, crm, op2, value, xzr;                                         \
	.endif;

#include "trap/fgt_traps.h"

	.arch	armv8.3-a

/* ERET-family payload: ELR_EL1 = the instruction after \insn, SPSR_EL1 = EL1h, DAIF masked. */
.macro	eret_payload name, insn, sign
	.globl	gp_\name, gl_\name
gp_\name:
	adr	x16, 1f
	.ifnb	\sign
	mov	x17, sp
	\sign	x16, x17
	.endif
	msr	elr_el1, x16
	mov	x16, #0x3c5
	msr	spsr_el1, x16
	isb
gl_\name:
	\insn
1:	mov	x0, #0
	ret
.endm

	eret_payload fgt_eret, eret
	eret_payload fgt_eretaa, eretaa, pacia
	eret_payload fgt_eretab, eretab, pacib

	.globl	gp_fgt_svc_el1, gl_fgt_svc_el1
gp_fgt_svc_el1:
gl_fgt_svc_el1:
	svc	#0x43
	nop
	mov	x0, #0
	ret
