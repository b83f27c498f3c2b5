/* SPDX-License-Identifier: MIT */
/*
 * AArch32 payloads for stage2.aarch32 (scenarios/stage2/aarch32.c): one access to r0 each, an
 * AAPCS function returning 0 if the access completes. g32l_s2_* labels the access, the
 * preferred return address of its abort. The transfer registers differ per payload so that
 * ESR_EL2.SRT shows which register the syndrome names; none uses writeback or R15, so each
 * has a valid instruction syndrome (ISV = 1) on a stage-2 fault.
 */
#include "asm32.h"

/* LDR r2, [r0] (A32): a word load, SAS 0b10, SRT = r2. */
func32	a32, g32p_s2_ldr
	.globl	g32l_s2_ldr
g32l_s2_ldr:
	ldr	r2, [r0]
	mov	r0, #0
	bx	lr

/* STR r3, [r0] (A32): a word store, WnR 1. */
func32	a32, g32p_s2_str
	mov	r3, #0x5a
	.globl	g32l_s2_str
g32l_s2_str:
	str	r3, [r0]
	mov	r0, #0
	bx	lr

/* LDRSB r4, [r0] (A32): a sign-extending byte load, SAS 0b00, SSE 1. */
func32	a32, g32p_s2_ldrsb
	push	{r4}
	.globl	g32l_s2_ldrsb
g32l_s2_ldrsb:
	ldrsb	r4, [r0]
	pop	{r4}
	mov	r0, #0
	bx	lr

/* STRH r5, [r0] (A32): a halfword store, SAS 0b01. */
func32	a32, g32p_s2_strh
	push	{r5}
	mov	r5, #0x77
	.globl	g32l_s2_strh
g32l_s2_strh:
	strh	r5, [r0]
	pop	{r5}
	mov	r0, #0
	bx	lr

/* LDR r1, [r0] as a 16-bit T32 encoding: IL 0 with ISV 1. */
func32	t32, g32p_s2_ldr_t16
	.globl	g32l_s2_ldr_t16
g32l_s2_ldr_t16:
	ldr	r1, [r0]
	movs	r0, #0
	bx	lr

/* BX r0 (A32, bit 0 clear: stays A32): the fetch at r0 is the one that faults. */
func32	a32, g32p_s2_bx
	bx	r0
