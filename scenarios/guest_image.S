/* SPDX-License-Identifier: MIT */
/* The guest payload image (guest/, linked separately), embedded read-only in hyptap. */
	.section .guest_payload, "a"
	.balign	16
	.globl	guest_image_start, guest_image_end
guest_image_start:
	.incbin	"guest.bin"
guest_image_end:
