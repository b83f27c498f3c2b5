/* SPDX-License-Identifier: MIT */
/*
 * Write/read/restore windows for the EL2 control registers whose fields change the regime
 * the harness itself runs in (el2.ctrl, scenarios/el2/ctrl.c). Between the write and the
 * restore nothing but system register moves and ISBs executes: no load, no store, no FP/SIMD,
 * no branch, with every exception masked.
 *
 * HCR_EL2 and SCTLR_EL2 run their window with the EL2 stage 1 off (SCTLR_EL2.M = 0; the
 * harness's map is the identity, so the code keeps running at the same addresses): E2H = 1
 * changes the layout of TCR_EL2/SCTLR_EL2 and may be cached in TLB entries, and SCTLR_EL2's own
 * fields (WXN, EE, ...) would act on the harness's translation and data accesses. With the MMU
 * off no translation and no TLB entry depends on them, as in vmm/entry.S guest_enter_vhe.
 * CPTR_EL2 needs no MMU change: its traps act on FP/SIMD/SVE/SME/AMU use at EL2, and the window
 * has none.
 */
	.text

/*
 * uint64_t ctrl_probe_hcr(uint64_t value)
 *   x0 = the HCR_EL2 value to write. Returns HCR_EL2 as read back; HCR_EL2, SCTLR_EL2 and
 *   DAIF are as before on return.
 */
	.globl	ctrl_probe_hcr
ctrl_probe_hcr:
	mrs	x1, daif
	msr	daifset, #0xf
	mrs	x2, sctlr_el2
	bic	x3, x2, #1			/* SCTLR_EL2.M = 0 */
	mrs	x4, hcr_el2
	msr	sctlr_el2, x3
	isb
	msr	hcr_el2, x0
	isb
	mrs	x0, hcr_el2
	msr	hcr_el2, x4
	isb
	msr	sctlr_el2, x2
	isb
	msr	daif, x1
	ret

/*
 * uint64_t ctrl_probe_sctlr(uint64_t value)
 *   x0 = the SCTLR_EL2 value to write; its M bit is ignored (the window runs with M = 0).
 *   Returns SCTLR_EL2 as read back; SCTLR_EL2 and DAIF are as before on return.
 */
	.globl	ctrl_probe_sctlr
ctrl_probe_sctlr:
	mrs	x1, daif
	msr	daifset, #0xf
	mrs	x2, sctlr_el2
	bic	x3, x2, #1
	bic	x0, x0, #1
	msr	sctlr_el2, x3
	isb
	msr	sctlr_el2, x0
	isb
	mrs	x0, sctlr_el2
	msr	sctlr_el2, x3
	isb
	msr	sctlr_el2, x2
	isb
	msr	daif, x1
	ret

/*
 * uint64_t ctrl_probe_cptr_e2h(uint64_t mask, uint64_t value)
 *   CPTR_EL2 in its E2H = 1 layout: with the EL2 MMU off and HCR_EL2.E2H = 1, the bits @mask
 *   of CPTR_EL2 as read in that layout are replaced by @value and read back; then CPTR_EL2
 *   (E2H = 1 view), HCR_EL2, CPTR_EL2 (E2H = 0 view: bits of one layout may read UNKNOWN
 *   after E2H changes), SCTLR_EL2 and DAIF are restored. Returns the E2H = 1 read-back.
 */
	.globl	ctrl_probe_cptr_e2h
ctrl_probe_cptr_e2h:
	mrs	x2, daif
	msr	daifset, #0xf
	mrs	x3, sctlr_el2
	bic	x4, x3, #1
	mrs	x5, hcr_el2
	orr	x6, x5, #(1 << 34)		/* HCR_EL2.E2H */
	mrs	x7, cptr_el2
	msr	sctlr_el2, x4
	isb
	msr	hcr_el2, x6
	isb
	mrs	x8, cptr_el2
	bic	x9, x8, x0
	orr	x9, x9, x1
	msr	cptr_el2, x9
	isb
	mrs	x0, cptr_el2
	msr	cptr_el2, x8
	isb
	msr	hcr_el2, x5
	isb
	msr	cptr_el2, x7
	isb
	msr	sctlr_el2, x3
	isb
	msr	daif, x2
	ret

/*
 * uint64_t ctrl_probe_sctlr_e2h(uint64_t mask, uint64_t value)
 *   SCTLR_EL2 in its {E2H, TGE} = {1, 1} layout, as ctrl_probe_cptr_e2h() does it: EL2 MMU
 *   off, HCR_EL2.{E2H, TGE} = {1, 1}, the bits @mask replaced by @value (M kept 0), read
 *   back; SCTLR_EL2, HCR_EL2 and DAIF restored. Returns the read-back.
 */
	.globl	ctrl_probe_sctlr_e2h
ctrl_probe_sctlr_e2h:
	mrs	x2, daif
	msr	daifset, #0xf
	mrs	x3, sctlr_el2
	bic	x4, x3, #1
	mrs	x5, hcr_el2
	orr	x6, x5, #(1 << 34)		/* HCR_EL2.E2H */
	orr	x6, x6, #(1 << 27)		/* HCR_EL2.TGE */
	msr	sctlr_el2, x4
	isb
	msr	hcr_el2, x6
	isb
	mrs	x8, sctlr_el2
	bic	x9, x8, x0
	orr	x9, x9, x1
	bic	x9, x9, #1
	msr	sctlr_el2, x9
	isb
	mrs	x0, sctlr_el2
	msr	sctlr_el2, x8
	isb
	msr	hcr_el2, x5
	isb
	msr	sctlr_el2, x3
	isb
	msr	daif, x2
	ret

/*
 * uint64_t ctrl_probe_cptr(uint64_t value)
 *   x0 = the CPTR_EL2 value to write (E2H = 0 layout). Returns CPTR_EL2 as read back;
 *   CPTR_EL2 is as before on return.
 */
	.globl	ctrl_probe_cptr
ctrl_probe_cptr:
	mrs	x1, cptr_el2
	msr	cptr_el2, x0
	isb
	mrs	x0, cptr_el2
	msr	cptr_el2, x1
	isb
	ret
