/* SPDX-License-Identifier: MIT */
/*
 * MCR/MRC, MCRR/MRRC and VMRS trap payloads, generated from scenarios/trap/cp32_traps.h: per row
 * and per transfer-register variant one function, g32p_<kind>_<name>_<variant>, with
 * g32l_<kind>_<name>_<variant> on the access itself:
 *   cr (MRC) / vr (VMRS): Rt = the register; report Rt (GREPORT_USER)
 *   cw (MCR):  Rt = value (or the register's own value, read first); MCR; report a read-back
 *   cq (MRRC): Rt, Rt2 = the register; report Rt (GREPORT_USER), Rt2 (GREPORT_USER + 1)
 *   cd (MCRR): Rt, Rt2 = lo, hi; MCRR; report a read-back (MRRC into r4, r5) the same way
 *   co (MCR of a maintenance operation): Rt = value; MCR
 * Variants (scenarios/trap/aarch32_cp.c lists the same ones): A32 with Rt r0, r7, lr, and
 * r12 under a condition that passes (NE); T32 with r7, and r12 in an IT NE block. 64-bit:
 * A32 {r0, r1}, {r12, lr}, {r7, r12} under NE; T32 {r2, r3}, {r7, r12} in an IT NE block.
 */
#include "asm32.h"

/*
 * Every payload below saves {r4-r7, r12, lr} on entry and ends by calling one of these tails,
 * which report, drop that frame and return 0 to the payload's caller (so BL from T32 is fine).
 */
/* Report r1 (GREPORT_USER). */
func32	a32, g32_end_report
	mov	r0, #GREPORT_USER
	bl	guest32_report
	pop	{r4-r7, r12, lr}
	mov	r0, #0
	bx	lr

/* Report r4 (GREPORT_USER) and r5 (GREPORT_USER + 1). */
func32	a32, g32_end_report_pair
	mov	r1, r4
	mov	r0, #GREPORT_USER
	bl	guest32_report
	mov	r1, r5
	mov	r0, #GREPORT_USER + 1
	bl	guest32_report
	pop	{r4-r7, r12, lr}
	mov	r0, #0
	bx	lr

/* Nothing to report. */
func32	a32, g32_end
	pop	{r4-r7, r12, lr}
	mov	r0, #0
	bx	lr

.macro	cp_read name, cp, opc1, crn, crm, opc2, var, isa, cc, rt
func32	\isa, g32p_cr_\name\()_\var
	push	{r4-r7, r12, lr}
	cond_pass \isa, \cc
	.globl	g32l_cr_\name\()_\var
g32l_cr_\name\()_\var:
	mrc\cc	p\cp, \opc1, \rt, c\crn, c\crm, \opc2
	mov	r1, \rt
	bl	g32_end_report
.endm

.macro	vmrs_read name, reg, var, isa, cc, rt
func32	\isa, g32p_vr_\name\()_\var
	push	{r4-r7, r12, lr}
	cond_pass \isa, \cc
	.globl	g32l_vr_\name\()_\var
g32l_vr_\name\()_\var:
	vmrs\cc	\rt, \reg
	mov	r1, \rt
	bl	g32_end_report
.endm

/* value 0: write back what the register holds (read first into Rt). */
.macro	cp_write name, cp, opc1, crn, crm, opc2, value, var, isa, cc, rt
func32	\isa, g32p_cw_\name\()_\var
	push	{r4-r7, r12, lr}
	.if	\value
	ldr	\rt, =\value
	.else
	mrc	p\cp, \opc1, \rt, c\crn, c\crm, \opc2
	.endif
	cond_pass \isa, \cc
	.globl	g32l_cw_\name\()_\var
g32l_cw_\name\()_\var:
	mcr\cc	p\cp, \opc1, \rt, c\crn, c\crm, \opc2
	isb
	mrc	p\cp, \opc1, r1, c\crn, c\crm, \opc2
	bl	g32_end_report
	.ltorg
.endm

.macro	cp_op name, cp, opc1, crn, crm, opc2, value, var, isa, cc, rt
func32	\isa, g32p_co_\name\()_\var
	push	{r4-r7, r12, lr}
	ldr	\rt, =\value
	cond_pass \isa, \cc
	.globl	g32l_co_\name\()_\var
g32l_co_\name\()_\var:
	mcr\cc	p\cp, \opc1, \rt, c\crn, c\crm, \opc2
	isb
	bl	g32_end
	.ltorg
.endm

.macro	cp_read64 name, cp, opc1, crm, var, isa, cc, rt, rt2
func32	\isa, g32p_cq_\name\()_\var
	push	{r4-r7, r12, lr}
	cond_pass \isa, \cc
	.globl	g32l_cq_\name\()_\var
g32l_cq_\name\()_\var:
	mrrc\cc	p\cp, \opc1, \rt, \rt2, c\crm
	mov	r4, \rt
	mov	r5, \rt2
	bl	g32_end_report_pair
.endm

.macro	cp_write64 name, cp, opc1, crm, lo, hi, var, isa, cc, rt, rt2
func32	\isa, g32p_cd_\name\()_\var
	push	{r4-r7, r12, lr}
	ldr	\rt, =\lo
	ldr	\rt2, =\hi
	cond_pass \isa, \cc
	.globl	g32l_cd_\name\()_\var
g32l_cd_\name\()_\var:
	mcrr\cc	p\cp, \opc1, \rt, \rt2, c\crm
	isb
	mrrc	p\cp, \opc1, r4, r5, c\crm
	bl	g32_end_report_pair
	.ltorg
.endm

#define CP_READ(name, cp, opc1, crn, crm, opc2, ctl, a64, map)                                    \
	cp_read name, cp, opc1, crn, crm, opc2, a32_r0, a32, , r0;                                 \
	cp_read name, cp, opc1, crn, crm, opc2, a32_r7, a32, , r7;                                 \
	cp_read name, cp, opc1, crn, crm, opc2, a32ne_r12, a32, ne, r12;                           \
	cp_read name, cp, opc1, crn, crm, opc2, a32_lr, a32, , lr;                                 \
	cp_read name, cp, opc1, crn, crm, opc2, t32_r7, t32, , r7;                                 \
	cp_read name, cp, opc1, crn, crm, opc2, t32ne_r12, t32, ne, r12;
#define VMRS_READ(name, reg, regnum, ctl, a64, map)                                                \
	vmrs_read name, reg, a32_r0, a32, , r0;                                                    \
	vmrs_read name, reg, a32_r7, a32, , r7;                                                    \
	vmrs_read name, reg, a32ne_r12, a32, ne, r12;                                              \
	vmrs_read name, reg, a32_lr, a32, , lr;                                                    \
	vmrs_read name, reg, t32_r7, t32, , r7;                                                    \
	vmrs_read name, reg, t32ne_r12, t32, ne, r12;
#define CP_WRITE(name, cp, opc1, crn, crm, opc2, ctl, value, a64, map)                            \
	cp_write name, cp, opc1, crn, crm, opc2, value, a32_r0, a32, , r0;                         \
	cp_write name, cp, opc1, crn, crm, opc2, value, a32_r7, a32, , r7;                         \
	cp_write name, cp, opc1, crn, crm, opc2, value, a32ne_r12, a32, ne, r12;                   \
	cp_write name, cp, opc1, crn, crm, opc2, value, a32_lr, a32, , lr;                         \
	cp_write name, cp, opc1, crn, crm, opc2, value, t32_r7, t32, , r7;                         \
	cp_write name, cp, opc1, crn, crm, opc2, value, t32ne_r12, t32, ne, r12;
#define CP_OP(name, cp, opc1, crn, crm, opc2, ctl, value)                                          \
	cp_op name, cp, opc1, crn, crm, opc2, value, a32_r0, a32, , r0;                            \
	cp_op name, cp, opc1, crn, crm, opc2, value, a32_r7, a32, , r7;                            \
	cp_op name, cp, opc1, crn, crm, opc2, value, a32ne_r12, a32, ne, r12;                      \
	cp_op name, cp, opc1, crn, crm, opc2, value, a32_lr, a32, , lr;                            \
	cp_op name, cp, opc1, crn, crm, opc2, value, t32_r7, t32, , r7;                            \
	cp_op name, cp, opc1, crn, crm, opc2, value, t32ne_r12, t32, ne, r12;
#define CP_READ64(name, cp, opc1, crm, ctl, a64, map)                                              \
	cp_read64 name, cp, opc1, crm, a32_r0_r1, a32, , r0, r1;                                   \
	cp_read64 name, cp, opc1, crm, a32_r12_lr, a32, , r12, lr;                                 \
	cp_read64 name, cp, opc1, crm, a32ne_r7_r12, a32, ne, r7, r12;                             \
	cp_read64 name, cp, opc1, crm, t32_r2_r3, t32, , r2, r3;                                   \
	cp_read64 name, cp, opc1, crm, t32ne_r7_r12, t32, ne, r7, r12;
#define CP_WRITE64(name, cp, opc1, crm, ctl, lo, hi, a64, map)                                     \
	cp_write64 name, cp, opc1, crm, lo, hi, a32_r0_r1, a32, , r0, r1;                          \
	cp_write64 name, cp, opc1, crm, lo, hi, a32_r12_lr, a32, , r12, lr;                        \
	cp_write64 name, cp, opc1, crm, lo, hi, a32ne_r7_r12, a32, ne, r7, r12;                    \
	cp_write64 name, cp, opc1, crm, lo, hi, t32_r2_r3, t32, , r2, r3;                          \
	cp_write64 name, cp, opc1, crm, lo, hi, t32ne_r7_r12, t32, ne, r7, r12;

#include "trap/cp32_traps.h"
