/* SPDX-License-Identifier: MIT */
/* The AArch32 guest payload image (guest32/, linked separately), embedded read-only in hyptap. */
	.section .guest_payload, "a"
	.balign	16
	.globl	guest32_image_start, guest32_image_end
guest32_image_start:
	.incbin	"guest32.bin"
guest32_image_end:
