/* SPDX-License-Identifier: MIT */
/*
 * The self-relocation of a static PIE, for the assembly that runs before C: the only dynamic
 * relocations the image has are R_AARCH64_RELATIVE (the Makefile refuses others), and as RELA
 * entries they are idempotent: applying them again for another base overwrites every target.
 */
#ifndef ARCH_RELA_H
#define ARCH_RELA_H

#include "arch/asm.h"

/* apply_rela BASE: *(BASE + r_offset) = BASE + r_addend for each entry; clobbers x1-x5. */
.macro	apply_rela base
	adrp	x1, __rela_start
	add	x1, x1, :lo12:__rela_start
	adrp	x2, __rela_end
	add	x2, x2, :lo12:__rela_end
.Lrela_next\@:
	cmp	x1, x2
	b.hs	.Lrela_done\@
	ldp	x3, x4, [x1], #16		/* r_offset, r_info */
	ldr	x5, [x1], #8			/* r_addend */
	cmp	w4, #R_AARCH64_RELATIVE
	b.ne	.Lrela_next\@
	add	x5, x5, \base
	str	x5, [\base, x3]
	b	.Lrela_next\@
.Lrela_done\@:
.endm

#endif
