/* SPDX-License-Identifier: MIT */
/*
 * FEAT_NV/NV2 payloads: the accesses of scenarios/trap/nv_traps.h (guest/sysreg_macros.h, names
 * prefixed nv_), and
 *   gp_nv_currentel: report CurrentEL (GREPORT_USER)
 *   gp_nv_spsr: take an SVC at EL1 on a private vector table whose handler reports SPSR_EL1
 *     and ends the run through the ABI (no ERET: with HCR_EL2.NV = 1 it would trap)
 */
#include "hvc.h"
#include "sysreg_macros.h"

	.text

#define NV_READ(name, op0, op1, crn, crm, op2)                                                     \
	sr_read nv_##name, op0, op1, crn, crm, op2, x0;                                            \
	sr_read nv_##name, op0, op1, crn, crm, op2, x17;
#define NV_WRITE(name, op0, op1, crn, crm, op2, value)                                             \
	sr_write_only nv_##name, op0, op1, crn, crm, op2, value, x0;                               \
	sr_write_only nv_##name, op0, op1, crn, crm, op2, value, x17;
#define NV_SYS(name, op1, crn, crm, op2, value)                                                    \
	sr_sys nv_##name, op1, crn, crm, op2, value, x0;                                           \
	sr_sys nv_##name, op1, crn, crm, op2, value, x17;
#include "trap/nv_traps.h"

	.globl	gp_nv_currentel
gp_nv_currentel:
	str	x30, [sp, #-16]!
	mrs	x1, CurrentEL
	mov	x0, #GREPORT_USER
	bl	guest_report
	ldr	x30, [sp], #16
	mov	x0, #0
	ret

	.globl	gp_nv_spsr, gl_nv_spsr
gp_nv_spsr:
	adr	x0, nv_spsr_vectors
	msr	vbar_el1, x0
	isb
gl_nv_spsr:
	svc	#0
	b	.

	.balign	2048
nv_spsr_vectors:
	.fill	0x200 / 4, 4, 0xd4200000	/* BRK #0: any other vector is a failure */
	mrs	x1, spsr_el1			/* 0x200: current EL with SP_ELx, synchronous */
	mov	x0, #GREPORT_USER
	bl	guest_report
	mov	x0, #0
	b	guest_exit
