/* SPDX-License-Identifier: MIT */
/*
 * AArch32 payloads for the trap scenarios that are not table-driven (scenarios/trap/aarch32.c).
 * Each g32p_* is an AAPCS function (arguments r0..r2, status in r0); each g32l_* labels the
 * instruction whose address a scenario checks (ELR_EL2, or the guest's own reported return
 * address). The encodings are chosen on purpose: the oracle derives IL and CV/COND from the
 * instruction set, the encoding width and the condition named in the scenario row.
 */
#include "asm32.h"

/* guest32.exit: return the status the vmm passed in r0. */
func32	a32, g32p_exit
	bx	lr

/*
 * trap.aarch32.hvc[...]: HVC #imm (always 32 bits, A32 or T32); g32l_hvc_<isa>_<imm> is the
 * instruction after it, the preferred return address.
 */
.macro	hvc_payload isa, imm
func32	\isa, g32p_hvc_\isa\()_\imm
	hvc	#\imm
	.globl	g32l_hvc_\isa\()_\imm
g32l_hvc_\isa\()_\imm:
	mov	r0, #0
	bx	lr
.endm
	hvc_payload a32, 0x0000
	hvc_payload a32, 0x1234
	hvc_payload a32, 0x4853
	hvc_payload a32, 0xffff
	hvc_payload t32, 0x0001
	hvc_payload t32, 0x4855
	hvc_payload t32, 0x8000

/*
 * trap.aarch32.wfx[...]: WFI/WFE in every form whose syndrome differs: A32, A32 with a
 * condition that passes (WFINE after MOVS clears Z), 16-bit T32 (IL 0), 32-bit T32 (WFI.W),
 * and 16-bit T32 in an IT block. For WFE, SEVL sets the Event Register so the first WFE only
 * clears it; the second is the one that would wait, and traps.
 */
.macro	wfx_payload name, isa, insn, cc, wfe
func32	\isa, g32p_\name
	.ifnb	\wfe
	sevl
	wfe
	.endif
	cond_pass \isa, \cc
	.globl	g32l_\name
g32l_\name:
	\insn
	mov	r0, #0
	bx	lr
.endm
	wfx_payload wfi_a32, a32, wfi
	wfx_payload wfine_a32, a32, wfine, ne
	wfx_payload wfe_a32, a32, wfe, , wfe
	wfx_payload wfi_t16, t32, wfi.n
	wfx_payload wfi_t32, t32, wfi.w
	wfx_payload wfe_t16, t32, wfe.n, , wfe
	wfx_payload wfine_t16, t32, wfine.n, ne

/*
 * trap.aarch32.smc[...]: SMC #0 (32 bits, unconditional), with r0 = 0: not a PSCI function
 * ID, so an emulator that takes SMC as a PSCI call does not mistake it for one. r0 after the
 * SMC is reported (GREPORT_USER) as evidence of what an SMC that neither trapped nor UNDEFed
 * did.
 */
.macro	smc_payload isa
func32	\isa, g32p_smc_\isa
	push	{r4, lr}
	mov	r0, #0
	.globl	g32l_smc_\isa
g32l_smc_\isa:
	smc	#0
	mov	r1, r0
	mov	r0, #GREPORT_USER
	bl	guest32_report
	pop	{r4, lr}
	mov	r0, #0
	bx	lr
.endm
	smc_payload a32
	smc_payload t32

/*
 * trap.aarch32.ldc[...]: the only architected LDC/STC, to p14 c5 (STC stores DBGDTRRXint,
 * LDC loads DBGDTRTXint). The base register (r0 = a guest RAM buffer from the vmm) is
 * written back by the post-/pre-indexed forms; the payload reports it (GREPORT_USER) so the
 * untrapped instruction's effect is checked.
 */
.macro	ldc_payload name, isa, insn
func32	\isa, g32p_\name
	push	{r4, lr}
	mov	r1, r0
	.globl	g32l_\name
g32l_\name:
	\insn
	mov	r0, #GREPORT_USER
	bl	guest32_report
	pop	{r4, lr}
	mov	r0, #0
	bx	lr
.endm
	ldc_payload stc_post_a32, a32, "stc p14, c5, [r1], #4"
	ldc_payload ldc_pre_a32, a32, "ldc p14, c5, [r1, #-8]!"
	ldc_payload stc_post_t32, t32, "stc p14, c5, [r1], #4"

/*
 * guest.aarch32.undef[...]: a permanently UNDEFINED instruction in each encoding: the runtime's
 * Undefined vector reports it and returns past it (2 or 4 bytes), so the payload ends with 0.
 */
.macro	udf_payload name, isa, insn
func32	\isa, g32p_\name
	.globl	g32l_\name
g32l_\name:
	\insn
	mov	r0, #0
	bx	lr
.endm
	udf_payload udf_a32, a32, "udf #0x1234"
	udf_payload udf_t16, t32, "udf.n #0x12"
	udf_payload udf_t32, t32, "udf.w #0x1234"

/*
 * trap.aarch32.itstate[...]: an access that is not trapped but has an access check (ID_PFR0 or
 * MVFR0 with HCR_EL2.TID3 = 0) as the last instruction of a T32 IT block, then a service call
 * from A32 code: the ITSTATE the HVC saves in SPSR_EL2 must be 0.
 */
.macro	it_payload name, insn
func32	t32, g32p_\name
	push	{r4-r7, r12, lr}
	movs	r3, #1
	it	ne
	.globl	g32l_\name
g32l_\name:
	\insn
	mov	r1, r12
	mov	r0, #GREPORT_USER
	bl	guest32_report
	pop	{r4-r7, r12, lr}
	mov	r0, #0
	bx	lr
.endm
	it_payload it_mrc, "mrcne p15, 0, r12, c0, c1, 0"
	it_payload it_vmrs, "vmrsne r12, mvfr0"
