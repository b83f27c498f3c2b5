/* SPDX-License-Identifier: MIT */
/*
 * Guest payloads of the foundation scenarios. Each gp_* is a function (arguments in x0..x2,
 * status returned in x0); each gl_* label marks an instruction whose address a scenario checks
 * (ELR_EL2, ELR_EL1, FAR). Instruction choice and registers are exact on purpose: the oracle
 * derives SRT/SF/SAS/SSE from the instruction named in the scenario row.
 */
#include "hvc.h"

	.text

/* guest.exit: return the status the vmm passed in x0. */
	.globl	gp_exit
gp_exit:
	ret

/* guest.exit[doorbell]: no HVC at all; a 64-bit store of the status to the doorbell. */
	.globl	gp_exit_doorbell
gp_exit_doorbell:
	mov	x1, #GUEST_DOORBELL_IPA
	str	x0, [x1]
	b	.

/* guest.el1-exception[udf]: the runtime's vector reports, then returns past the UDF. */
	.globl	gp_udf, gl_udf
gp_udf:
gl_udf:
	udf	#0x1234
	mov	x0, #0
	ret

/* guest.el1-exception[svc-from-el0]: ERET to EL0, which issues SVC #0x42. */
	.globl	gp_svc_el0, gl_svc_el0
gp_svc_el0:
	adr	x0, 1f
	msr	elr_el1, x0
	msr	spsr_el1, xzr			/* EL0t, interrupts unmasked (none pending) */
	isb
	eret
1:
gl_svc_el0:
	svc	#0x42
	b	.				/* never reached: the EL1 vector ends the run */

/* trap.hvc.imm[...]: one HVC per immediate; gl_hvc_<imm> is the instruction after it. */
.macro	hvc_payload imm
	.globl	gp_hvc_\imm, gl_hvc_\imm
gp_hvc_\imm:
	hvc	#\imm
gl_hvc_\imm:
	mov	x0, #0
	ret
.endm
	hvc_payload 0x0000
	hvc_payload 0x0001
	hvc_payload 0x1234
	hvc_payload 0x4853
	hvc_payload 0x4855
	hvc_payload 0x8000
	hvc_payload 0xffff

/* trap.wfx[wfi]: gl_wfi is the WFI (the preferred return address of a trapped WFx). */
	.globl	gp_wfi, gl_wfi
gp_wfi:
gl_wfi:
	wfi
	mov	x0, #0
	ret

/*
 * trap.wfx[wfe]: SEVL sets the Event Register, so the first WFE only clears it and does not
 * trap (it would not enter a low-power state); the second WFE is the one that traps.
 */
	.globl	gp_wfe, gl_wfe
gp_wfe:
	sevl
	wfe
gl_wfe:
	wfe
	mov	x0, #0
	ret

/* stage2.fault.unmapped: x0 = IPA outside the stage-2 map. */
	.globl	gp_s2_ldr_x2, gl_s2_ldr_x2
gp_s2_ldr_x2:
gl_s2_ldr_x2:
	ldr	x2, [x0]
	mov	x0, #0
	ret

	.globl	gp_s2_str_w3, gl_s2_str_w3
gp_s2_str_w3:
	mov	w3, #0x5a
gl_s2_str_w3:
	str	w3, [x0]
	mov	x0, #0
	ret

	.globl	gp_s2_ldrb_w17, gl_s2_ldrb_w17
gp_s2_ldrb_w17:
gl_s2_ldrb_w17:
	ldrb	w17, [x0]
	mov	x0, #0
	ret

	.globl	gp_s2_strh_w0, gl_s2_strh_w0
gp_s2_strh_w0:
	mov	x1, x0
gl_s2_strh_w0:
	strh	w0, [x1]
	mov	x0, #0
	ret

/*
 * stage2.mmio.emulate: x0 = MMIO IPA, x1 = value to store. A load reports its destination
 * register (key GREPORT_USER); x30 is saved because one row loads into it.
 */
.macro	mmio_load name, insn, reg, xreg
	.globl	gp_mmio_\name, gl_mmio_\name
gp_mmio_\name:
	str	x30, [sp, #-16]!
	mov	x5, x0
gl_mmio_\name:
	\insn	\reg, [x5]
	mov	x1, \xreg			/* all 64 bits: a W load must zero the top */
	mov	x0, #GREPORT_USER
	bl	guest_report
	ldr	x30, [sp], #16
	mov	x0, #0
	ret
.endm

.macro	mmio_store name, insn, reg
	.globl	gp_mmio_\name, gl_mmio_\name
gp_mmio_\name:
	mov	x5, x0
	mov	x17, x1
	mov	x2, x1
	mov	x30, x1
gl_mmio_\name:
	\insn	\reg, [x5]
	mov	x0, #0
	b	guest_exit			/* x30 was clobbered on purpose: leave via the ABI */
.endm

	mmio_load	ldrb_w2, ldrb, w2, x2
	mmio_load	ldrh_w2, ldrh, w2, x2
	mmio_load	ldr_w2, ldr, w2, x2
	mmio_load	ldr_x2, ldr, x2, x2
	mmio_load	ldrsb_w17, ldrsb, w17, x17
	mmio_load	ldrsb_x17, ldrsb, x17, x17
	mmio_load	ldrsh_w2, ldrsh, w2, x2
	mmio_load	ldrsh_x2, ldrsh, x2, x2
	mmio_load	ldrsw_x17, ldrsw, x17, x17
	mmio_load	ldr_x30, ldr, x30, x30
	mmio_store	strb_w2, strb, w2
	mmio_store	strh_w17, strh, w17
	mmio_store	str_w2, str, w2
	mmio_store	str_x30, str, x30
	mmio_store	str_xzr, str, xzr

/* guest.runaway: never exits. */
	.globl	gp_runaway
gp_runaway:
	b	.

/* guest.crash[jump-unmapped]: branch to x0, an IPA with no stage-2 mapping. */
	.globl	gp_jump
gp_jump:
	br	x0

/* guest.crash[no-vector]: VBAR_EL1 = x0 (unmapped), then an UNDEF: the vector fetch aborts. */
	.globl	gp_no_vector
gp_no_vector:
	msr	vbar_el1, x0
	isb
	udf	#0
	b	.

/* trap.fp: an FP instruction at EL1; x0 = pattern, moved through d0 and reported. */
	.globl	gp_fp, gl_fp
gp_fp:
	str	x30, [sp, #-16]!
gl_fp:
	fmov	d0, x0
	fmov	x1, d0
	mov	x0, #GREPORT_USER
	bl	guest_report
	ldr	x30, [sp], #16
	mov	x0, #0
	ret

/* trap.debug.brk: BRK #0x77, to EL2 with MDCR_EL2.TDE = 1, else to the guest's own vector. */
	.globl	gp_brk, gl_brk
gp_brk:
gl_brk:
	brk	#0x77
	mov	x0, #0
	ret

/* trap.smc: x0 = SMCCC function id (the vmm passes PSCI_VERSION); SMC, then report x0. */
	.globl	gp_smc, gl_smc
gp_smc:
	str	x30, [sp, #-16]!
gl_smc:
	smc	#0x1234
	mov	x1, x0
	mov	x0, #GREPORT_USER
	bl	guest_report
	ldr	x30, [sp], #16
	mov	x0, #0
	ret

/*
 * trap.tdz: x0 = a 2 KiB-aligned block pre-filled by the vmm. Reports DCZID_EL0 as read at EL1
 * (GREPORT_USER), then DC ZVA with the address in Rt, then the OR of every doubleword of the
 * DCZID_EL0.BS-sized block (USER + 1) and the doublewords just after and before it (USER + 2,
 * USER + 3), which DC ZVA must not touch.
 */
.macro	dczva_payload rt
	.globl	gp_dczva_\rt, gl_dczva_\rt
gp_dczva_\rt:
	stp	x29, x30, [sp, #-16]!
	mov	x5, x0
	mrs	x1, dczid_el0
	and	x6, x1, #0xf
	mov	x0, #GREPORT_USER
	bl	guest_report
	mov	x7, #4
	lsl	x7, x7, x6			/* block size: 4 << BS bytes */
	mov	\rt, x5
gl_dczva_\rt:
	dc	zva, \rt
	mov	x8, #0
	mov	x9, x5
	add	x10, x5, x7
1:	ldr	x11, [x9], #8
	orr	x8, x8, x11
	cmp	x9, x10
	b.lo	1b
	mov	x1, x8
	mov	x0, #GREPORT_USER + 1
	bl	guest_report
	ldr	x1, [x5, x7]
	mov	x0, #GREPORT_USER + 2
	bl	guest_report
	ldur	x1, [x5, #-8]
	mov	x0, #GREPORT_USER + 3
	bl	guest_report
	ldp	x29, x30, [sp], #16
	mov	x0, #0
	ret
.endm
	dczva_payload	x0
	dczva_payload	x17
	dczva_payload	x30

/*
 * guest.vcpus[...]: x0 = a value this vCPU owns, x1 = a GICv3 priority mask (0: no GIC access).
 * The value goes into EL1 registers, a callee-saved GPR and a word of guest RAM, the mask into
 * ICC_PMR_EL1 (ICV_PMR_EL1 with IMO = 1); HVC #1 yields to the vmm, which runs other vCPUs;
 * once resumed, the payload reports what it reads back (keys GREPORT_USER + 0..8).
 */
	.globl	gp_vcpu_context, gl_vcpu_yield, gl_vcpu_word
gp_vcpu_context:
	mov	x20, x30
	mov	x19, x0
	mov	x21, x1
	msr	tpidr_el1, x0
	msr	tpidr_el0, x0
	msr	tpidrro_el0, x0
	msr	contextidr_el1, x0
	msr	sp_el0, x0
	msr	far_el1, x0
	adr	x2, gl_vcpu_word
	str	x0, [x2]
	cbz	x21, 1f
	msr	S3_0_C4_C6_0, x21		/* ICC_PMR_EL1 */
1:	hvc	#0x0001
gl_vcpu_yield:
	mov	x0, #GREPORT_USER + 0
	mrs	x1, tpidr_el1
	bl	guest_report
	mov	x0, #GREPORT_USER + 1
	mrs	x1, tpidr_el0
	bl	guest_report
	mov	x0, #GREPORT_USER + 2
	mrs	x1, tpidrro_el0
	bl	guest_report
	mov	x0, #GREPORT_USER + 3
	mrs	x1, contextidr_el1
	bl	guest_report
	mov	x0, #GREPORT_USER + 4
	mrs	x1, sp_el0
	bl	guest_report
	mov	x0, #GREPORT_USER + 5
	mrs	x1, far_el1
	bl	guest_report
	mov	x0, #GREPORT_USER + 6
	mov	x1, x19
	bl	guest_report
	mov	x0, #GREPORT_USER + 7
	adr	x1, gl_vcpu_word
	ldr	x1, [x1]
	bl	guest_report
	cbz	x21, 2f
	mov	x0, #GREPORT_USER + 8
	mrs	x1, S3_0_C4_C6_0
	bl	guest_report
2:	mov	x0, #0
	ret	x20

	.data
	.balign	8
gl_vcpu_word:
	.quad	0
	.text
