/* SPDX-License-Identifier: MIT */
/*
 * MSR/MRS trap payloads, generated from scenarios/trap/sysreg_traps.h: per row and per transfer
 * register Rt in {x0, x17, x30, xzr}, one function (<cn> = <control>_<name>, so a register
 * may appear under several controls)
 *   gp_sr_<cn>_<rt> (read):  MRS Rt, <reg> at gl_sr_<cn>_<rt>; report Rt (GREPORT_USER)
 *   gp_sw_<cn>_<rt> (write): Rt = value (or x0); MSR <reg>, Rt at gl_sw_<cn>_<rt>;
 *                            report a read-back of <reg>
 *   gp_ss_<cn>_<rt> (SYS):   Rt = value; SYS #op1, Cn, Cm, #op2, Rt at gl_ss_<cn>_<rt>
 *   write-only registers:    as gp_sw_, without the read-back
 * The register is named by its encoding (S<op0>_<op1>_C<n>_C<m>_<op2>), so no assembler
 * knowledge of register names is needed.
 */
#include "hvc.h"

	.text

#include "sysreg_macros.h"

#define SYSREG_SYS(name, op1, crn, crm, op2, ctl, value, uses_rt)                                 \
	.if uses_rt;                                                                               \
	sr_sys ctl##_##name, op1, crn, crm, op2, value, x0;                                                \
	sr_sys ctl##_##name, op1, crn, crm, op2, value, x17;                                               \
	sr_sys ctl##_##name, op1, crn, crm, op2, value, x30;                                               \
	.else;                                                                                     \
	sr_sys ctl##_##name, op1, crn, crm, op2, value, xzr;                                               \
	.endif;
#define SYSREG_READ(name, op0, op1, crn, crm, op2, ctl)                                          \
	sr_read ctl##_##name, op0, op1, crn, crm, op2, x0;                                                 \
	sr_read ctl##_##name, op0, op1, crn, crm, op2, x17;                                                \
	sr_read ctl##_##name, op0, op1, crn, crm, op2, x30;                                                \
	sr_read ctl##_##name, op0, op1, crn, crm, op2, xzr;
#define SYSREG_WRITE(name, op0, op1, crn, crm, op2, ctl, value, zero_ok)                         \
	sr_write ctl##_##name, op0, op1, crn, crm, op2, value, x0;                                         \
	sr_write ctl##_##name, op0, op1, crn, crm, op2, value, x17;                                        \
	sr_write ctl##_##name, op0, op1, crn, crm, op2, value, x30;                                        \
	.if zero_ok;                                                                               \
	sr_write ctl##_##name, op0, op1, crn, crm, op2, value, xzr;                                        \
	.endif;

#define SYSREG_WRITE_ONLY(name, op0, op1, crn, crm, op2, ctl, value, zero_ok)                    \
	sr_write_only ctl##_##name, op0, op1, crn, crm, op2, value, x0;                            \
	sr_write_only ctl##_##name, op0, op1, crn, crm, op2, value, x17;                           \
	sr_write_only ctl##_##name, op0, op1, crn, crm, op2, value, x30;                           \
	.if zero_ok;                                                                               \
	sr_write_only ctl##_##name, op0, op1, crn, crm, op2, value, xzr;                           \
	.endif;
/* The _E2H rows share the payloads of the plain ones: E2H is the vmm's business. */
#define SYSREG_READ_E2H(name, op0, op1, crn, crm, op2, ctl, ctl_e2h)                             \
	SYSREG_READ(name, op0, op1, crn, crm, op2, ctl)
#define SYSREG_WRITE_E2H(name, op0, op1, crn, crm, op2, ctl, ctl_e2h, value, zero_ok)            \
	SYSREG_WRITE(name, op0, op1, crn, crm, op2, ctl, value, zero_ok)

#include "trap/sysreg_traps.h"
