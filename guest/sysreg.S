/* SPDX-License-Identifier: MIT */
/*
 * MSR/MRS trap payloads, generated from scenarios/sysreg_traps.h: per row and per transfer
 * register Rt in {x0, x17, x30, xzr}, one function
 *   gp_sr_<name>_<rt> (read):  MRS Rt, <reg> at gl_sr_<name>_<rt>; report Rt (GREPORT_USER)
 *   gp_sw_<name>_<rt> (write): Rt = value (or x0); MSR <reg>, Rt at gl_sw_<name>_<rt>;
 *                              report a read-back of <reg>
 *   gp_ss_<name>_<rt> (SYS):   Rt = value; SYS #op1, Cn, Cm, #op2, Rt at gl_ss_<name>_<rt>
 *   gp_so_<name>_<rt> (write-only): Rt = value; MSR <reg>, Rt at gl_so_<name>_<rt>; no
 *                              read-back (one payload even if the table lists the register
 *                              under two controls)
 * The _E2H rows share the payloads of the plain ones: E2H is the vmm's business.
 * The register is named by its encoding (S<op0>_<op1>_C<n>_C<m>_<op2>), so no assembler
 * knowledge of register names is needed.
 */
#include "hvc.h"

	.text

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

/* value 0: write the value the vmm passes in x0 (the register's own); xzr writes 0. */
.macro	sr_write name, op0, op1, crn, crm, op2, value, rt
	.globl	gp_sw_\name\()_\rt, gl_sw_\name\()_\rt
gp_sw_\name\()_\rt:
	str	x30, [sp, #-16]!
	.ifnc	\rt, xzr
	.if	\value
	ldr	\rt, =\value
	.else
	mov	\rt, x0			/* the vmm passes the register's current value */
	.endif
	.endif
gl_sw_\name\()_\rt:
	msr	S\op0\()_\op1\()_C\crn\()_C\crm\()_\op2, \rt
	isb
	mrs	x1, S\op0\()_\op1\()_C\crn\()_C\crm\()_\op2
	mov	x0, #GREPORT_USER
	bl	guest_report
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

.macro	sr_write_only name, op0, op1, crn, crm, op2, value, rt
	.ifndef	gp_so_\name\()_\rt
	.globl	gp_so_\name\()_\rt, gl_so_\name\()_\rt
gp_so_\name\()_\rt:
	str	x30, [sp, #-16]!
	.ifnc	\rt, xzr
	ldr	\rt, =\value
	.endif
gl_so_\name\()_\rt:
	msr	S\op0\()_\op1\()_C\crn\()_C\crm\()_\op2, \rt
	isb
	ldr	x30, [sp], #16
	mov	x0, #0
	ret
	.ltorg
	.endif
.endm

#define SYSREG_SYS(name, op1, crn, crm, op2, ctl, value, uses_rt)                                 \
	.if uses_rt;                                                                               \
	sr_sys name, op1, crn, crm, op2, value, x0;                                                \
	sr_sys name, op1, crn, crm, op2, value, x17;                                               \
	sr_sys name, op1, crn, crm, op2, value, x30;                                               \
	.else;                                                                                     \
	sr_sys name, op1, crn, crm, op2, value, xzr;                                               \
	.endif;
#define SYSREG_READ(name, op0, op1, crn, crm, op2, ctl)                                          \
	sr_read name, op0, op1, crn, crm, op2, x0;                                                 \
	sr_read name, op0, op1, crn, crm, op2, x17;                                                \
	sr_read name, op0, op1, crn, crm, op2, x30;                                                \
	sr_read name, op0, op1, crn, crm, op2, xzr;
#define SYSREG_WRITE(name, op0, op1, crn, crm, op2, ctl, value, zero_ok)                         \
	sr_write name, op0, op1, crn, crm, op2, value, x0;                                         \
	sr_write name, op0, op1, crn, crm, op2, value, x17;                                        \
	sr_write name, op0, op1, crn, crm, op2, value, x30;                                        \
	.if zero_ok;                                                                               \
	sr_write name, op0, op1, crn, crm, op2, value, xzr;                                        \
	.endif;

#define SYSREG_WRITE_ONLY(name, op0, op1, crn, crm, op2, ctl, value, zero_ok)                    \
	sr_write_only name, op0, op1, crn, crm, op2, value, x0;                                    \
	sr_write_only name, op0, op1, crn, crm, op2, value, x17;                                   \
	sr_write_only name, op0, op1, crn, crm, op2, value, x30;                                   \
	.if zero_ok;                                                                               \
	sr_write_only name, op0, op1, crn, crm, op2, value, xzr;                                   \
	.endif;
#define SYSREG_READ_E2H(name, op0, op1, crn, crm, op2, ctl, ctl_e2h)                             \
	SYSREG_READ(name, op0, op1, crn, crm, op2, ctl)
#define SYSREG_WRITE_E2H(name, op0, op1, crn, crm, op2, ctl, ctl_e2h, value, zero_ok)            \
	SYSREG_WRITE(name, op0, op1, crn, crm, op2, ctl, value, zero_ok)

#include "sysreg_traps.h"
