/* SPDX-License-Identifier: MIT */
/*
 * stage2.geom payload. gp_geom_touch: x0 = IPA of the bottom page, x1 = IPA of the top page of
 * the IPA space (the guest's stage 1 is off, so VA = IPA). Loads a doubleword from each and
 * returns their XOR as the status: the scenario placed different values behind the two pages,
 * so the status says both translated to the right frames.
 */
	.text

	.globl	gp_geom_touch
gp_geom_touch:
	ldr	x2, [x0]
	ldr	x3, [x1]
	eor	x0, x2, x3
	ret
