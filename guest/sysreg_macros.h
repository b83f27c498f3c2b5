/* SPDX-License-Identifier: MIT */
/*
 * Assembler macros that expand one row of a trap table into a payload per transfer register
 * (guest/sysreg.S for sysreg_traps.h, guest/fgt.S for fgt_traps.h, guest/nv.S):
 *   sr_read  name, op0, op1, crn, crm, op2, rt         gp_sr_<name>_<rt>: MRS, report Rt
 *   sr_write name, op0, op1, crn, crm, op2, value, rt  gp_sw_<name>_<rt>: MSR, report read-back
 *   sr_write_only (same arguments)                     gp_sw_<name>_<rt>: MSR, no read-back
 *   sr_sys   name, op1, crn, crm, op2, value, rt       gp_ss_<name>_<rt>: SYS
 * gl_<kind>_<name>_<rt> labels the trapping instruction. Assembly only: include from .S.
 */
#ifndef GUEST_SYSREG_MACROS_H
#define GUEST_SYSREG_MACROS_H

.macro	sr_read name, op0, op1, crn, crm, op2, rt
	.globl	gp_sr_\name\()_\rt, gl_sr_\name\()_\rt
gp_sr_\name\()_\rt:
	str	x30, [sp, #-16]!
gl_sr_\name\()_\rt:
	mrs	\rt, S\op0\()_\op1\()_C\crn\()_C\crm\()_\op2
	mov	x1, \rt
	mov	x0, #GREPORT_USER
	bl	guest_report
	ldr	x30, [sp], #16
	mov	x0, #0
	ret
.endm

/* Rt = value, or (value 0) what the vmm passes in x0, the register's own; xzr stays 0. */
.macro	sr_load_rt rt, value
	.ifnc	\rt, xzr
	.if	\value
	ldr	\rt, =\value
	.else
	mov	\rt, x0			/* the vmm passes the register's current value */
	.endif
	.endif
.endm

.macro	sr_write name, op0, op1, crn, crm, op2, value, rt, readback=1
	.globl	gp_sw_\name\()_\rt, gl_sw_\name\()_\rt
gp_sw_\name\()_\rt:
	str	x30, [sp, #-16]!
	sr_load_rt \rt, \value
gl_sw_\name\()_\rt:
	msr	S\op0\()_\op1\()_C\crn\()_C\crm\()_\op2, \rt
	isb
	.if	\readback
	mrs	x1, S\op0\()_\op1\()_C\crn\()_C\crm\()_\op2
	mov	x0, #GREPORT_USER
	bl	guest_report
	.endif
	ldr	x30, [sp], #16
	mov	x0, #0
	ret
	.ltorg
.endm

.macro	sr_sys name, op1, crn, crm, op2, value, rt
	.globl	gp_ss_\name\()_\rt, gl_ss_\name\()_\rt
gp_ss_\name\()_\rt:
	str	x30, [sp, #-16]!
	.ifnc	\rt, xzr
	ldr	\rt, =\value
	.endif
gl_ss_\name\()_\rt:
	sys	#\op1, C\crn, C\crm, #\op2, \rt
	ldr	x30, [sp], #16
	mov	x0, #0
	ret
	.ltorg
.endm

/* A write-only register (OSLAR_EL1, PMSWINC_EL0), or a write that is expected to UNDEF. */
.macro	sr_write_only name, op0, op1, crn, crm, op2, value, rt
	sr_write \name, \op0, \op1, \crn, \crm, \op2, \value, \rt, 0
.endm

#endif
