/* SPDX-License-Identifier: MIT */
/*
 * Common preamble of the AArch32 guest's assembly: unified syntax, Armv8-A with the
 * virtualization (HVC) and security (SMC) extensions and the FP/Advanced SIMD registers
 * (VMRS of the ID registers), and the function helpers every payload file uses.
 */
#ifndef GUEST32_ASM32_H
#define GUEST32_ASM32_H

#include "hvc.h"

	.syntax	unified
	.arch	armv8-a
	.arch_extension virt
	.arch_extension sec
	.fpu	neon-fp-armv8

/*
 * func32 isa, name: start a global function in A32 ("a32") or T32 ("t32"). The symbol's
 * value carries no Thumb bit in build/gen/guest32_syms.h; scenarios set bit 0 for T32 entries.
 */
.macro	func32 isa, name
	.text
	.balign	4
	.ifc	\isa, t32
	.thumb
	.globl	\name
	.type	\name, %function
	.thumb_func
	.else
	.arm
	.globl	\name
	.type	\name, %function
	.endif
\name:
.endm

/*
 * cond_pass isa, cc: make condition \cc (empty, or "ne") pass for the next instruction:
 * MOVS r3, #1 clears Z; in T32 an IT instruction then makes the next one conditional.
 */
.macro	cond_pass isa, cc
	.ifnb	\cc
	movs	r3, #1
	.ifc	\isa, t32
	it	\cc
	.endif
	.endif
.endm

#endif
