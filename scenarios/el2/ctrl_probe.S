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
