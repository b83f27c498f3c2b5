/* SPDX-License-Identifier: MIT */
/*
 * The PE/COFF entry point (AddressOfEntryPoint in kernel/head.S) and the way out of UEFI into
 * the normal boot path. UEFI calls efi_entry at EL2 (or EL1), MMU on and identity mapped, on
 * its own stack, wherever its loader placed the sections: the image is not relocated yet, so
 * this applies the relocations in place before any C runs. The normal path later applies
 * them again for its own copy (kernel/efi_image.c), which RELA entries allow.
 */
	.text

/* efi_status_t efi_entry(efi_handle_t image (x0), struct efi_system_table *st (x1)) */
	.globl	efi_entry
efi_entry:
	stp	x29, x30, [sp, #-48]!
	mov	x29, sp
	stp	x19, x20, [sp, #16]
	str	x21, [sp, #32]
	mov	x19, x0
	mov	x21, x1
	adrp	x20, _head
	add	x20, x20, :lo12:_head
	bl	relocate_and_clear_bss		/* x20 = base; clobbers x1-x5 */
	mov	x0, x19
	mov	x1, x21
	bl	efi_main			/* efi_main(image, st): an EFI status, on failure */
	ldr	x21, [sp, #32]
	ldp	x19, x20, [sp, #16]
	ldp	x29, x30, [sp], #48
	ret

/* dcache_civac(x0 = start, x1 = end): clean and invalidate [start, end) to the PoC; x2, x3. */
dcache_civac:
	mrs	x3, ctr_el0
	ubfx	x3, x3, #16, #4			/* CTR_EL0.DminLine: log2(words) */
	mov	x2, #4
	lsl	x2, x2, x3
	sub	x3, x2, #1
	bic	x0, x0, x3
1:	dc	civac, x0
	add	x0, x0, x2
	cmp	x0, x1
	b.lo	1b
	dsb	sy
	ret

/*
 * void efi_enter_image(void *dtb (x0), uintptr_t image (x1), size_t image_size (x2),
 *                      size_t dtb_size (x3)): no return. After ExitBootServices: what booti
 * leaves (Documentation/arch/arm64/booting.rst): the image and the DTB clean to the PoC, MMU
 * and D-cache off, x0 = DTB, x1-x3 = 0, at the image's first byte. This code turns its own MMU
 * off, which is safe because UEFI maps everything 1:1: the next fetch is from the same address,
 * now from memory, so the tail of this function is cleaned to the PoC first as well.
 */
	.globl	efi_enter_image
efi_enter_image:
	msr	daifset, #0xf
	mov	x19, x0
	mov	x20, x1
	mov	x21, x3
	mov	x0, x20
	add	x1, x20, x2
	bl	dcache_civac			/* the image, .bss and stack included */
	mov	x0, x19
	add	x1, x19, x21
	bl	dcache_civac			/* the DTB */
	adr	x0, 2f
	adr	x1, 3f
	bl	dcache_civac			/* what runs with the MMU off */
2:	mov	x1, #(1 << 0 | 1 << 2 | 1 << 12)	/* SCTLR M: MMU, C: D-cache, I: I-cache */
	mrs	x0, CurrentEL
	ubfx	x0, x0, #2, #2
	cmp	x0, #2
	b.ne	4f
	mrs	x0, sctlr_el2
	bic	x0, x0, x1			/* all three off */
	msr	sctlr_el2, x0
	b	5f
4:	mrs	x0, sctlr_el1			/* started at EL1: entry reports it and stops */
	bic	x0, x0, x1
	msr	sctlr_el1, x0
5:	isb
	ic	iallu				/* nothing stale for the copied code */
	dsb	nsh
	isb
	mov	x0, x19
	mov	x1, xzr
	mov	x2, xzr
	mov	x3, xzr
	br	x20
3:
