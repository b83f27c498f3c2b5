/* SPDX-License-Identifier: MIT */
/*
 * A hostile pre-loader: the firmware that leaves everything wrong (issue 11, item 1). It is an
 * arm64 Image, so QEMU -kernel loads it and hands it the DTB in x0 like any kernel; hyptap.img
 * follows it in the same file at +2 MiB (ci/boot/hostile appends it). It sets every EL2 control
 * register hyptap depends on, and the state around them, to values a real firmware could leave
 * (U-Boot leaves CPTR_EL2.TZ and TSM set), all within the boot protocol (booting.rst: MMU and
 * D-cache off, DAIF masked, x0 = DTB), then jumps to hyptap. A clean suite after it proves
 * head.S's el2_reset_state and the drivers trust none of it.
 */
#define NEXT_IMAGE_OFFSET 0x200000 /* hyptap.img: 2 MiB after this image's start */

/* SCTLR_EL2: RES1 bits, plus A, SA, I, WXN and EE (big-endian data); the MMU and D-cache off. */
#define SCTLR_HOSTILE (0x30C50830 | 1 << 1 | 1 << 3 | 1 << 12 | 1 << 19 | 1 << 25)
/* CPTR_EL2 (E2H = 0): TZ, TFP, TSM, TTA, TAM, TCPAC on top of the RES1 bits. */
#define CPTR_HOSTILE (0x33ff | 1 << 10 | 1 << 20 | 1 << 30 | 1 << 31)
/* MDCR_EL2: HPMN = 1, TPMCR, TPM, HPME, TDE, TDA, TDOSA, TDRA. */
#define MDCR_HOSTILE (1 | 1 << 5 | 1 << 6 | 1 << 7 | 1 << 8 | 1 << 9 | 1 << 10 | 1 << 11)
/* HSTR_EL2: every T<n> that exists (4 and 14 are RES0). */
#define HSTR_HOSTILE 0xbfef

.macro	mov64 reg, val
	movz	\reg, #((\val) & 0xffff)
	movk	\reg, #(((\val) >> 16) & 0xffff), lsl #16
	movk	\reg, #(((\val) >> 32) & 0xffff), lsl #32
	movk	\reg, #(((\val) >> 48) & 0xffff), lsl #48
.endm

	.section .text, "ax"
	.globl	_start
_start:
	b	hostile				/* code0 */
	.long	0				/* code1 */
	.quad	0				/* text_offset */
	.quad	hostile_end - _start		/* image_size: the pre-loader (nonzero: 2 MiB aligned) */
	.quad	0xa				/* flags: LE, 4K pages, place anywhere */
	.quad	0, 0, 0
	.ascii	"ARM\x64"
	.long	0

hostile:
	mov	x19, x0				/* the DTB, for hyptap */
	mrs	x20, id_aa64pfr0_el1
	/* ZCR_EL2.LEN = 15 (the largest vectors) while CPTR_EL2 still lets it through. */
	mov	x0, #0x32ff
	msr	cptr_el2, x0
	isb
	ubfx	x1, x20, #32, #4		/* SVE */
	cbz	x1, 1f
	mov	x0, #0xf
	msr	S3_4_C1_C2_0, x0		/* ZCR_EL2 */

	/* Every timer enabled with a compare value of 0: all of them firing. */
1:	mov64	x0, 0x123456789abcdef0
	msr	cntvoff_el2, x0
	msr	cnthp_cval_el2, xzr
	mov	x0, #1				/* ENABLE, IMASK = 0 */
	msr	cnthp_ctl_el2, x0
	msr	cntp_cval_el0, xzr
	msr	cntp_ctl_el0, x0
	msr	cntv_cval_el0, xzr
	msr	cntv_ctl_el0, x0
	mrs	x1, id_aa64mmfr1_el1
	ubfx	x1, x1, #8, #4			/* VH */
	cbz	x1, 2f
	msr	S3_4_C14_C3_2, xzr		/* CNTHV_CVAL_EL2 */
	msr	S3_4_C14_C3_1, x0		/* CNTHV_CTL_EL2 */
	/* EL1 physical counter/timer trapped, and the event stream on at its fastest. */
2:	mov	x0, #(1 << 2)			/* EVNTEN, EVNTI = 0 */
	msr	cnthctl_el2, x0

	/* Debug and the PMU: everything trapped to EL2, every counter counting with its
	 * overflow interrupt enabled and already pending. */
	mrs	x1, id_aa64dfr0_el1
	ubfx	x1, x1, #8, #4			/* PMUVer */
	cbz	x1, 3f
	cmp	x1, #0xf
	b.eq	3f
	mov	x0, #-1
	msr	pmcntenset_el0, x0
	msr	pmintenset_el1, x0
	msr	pmovsset_el0, x0
	mrs	x0, pmcr_el0
	orr	x0, x0, #1			/* E */
	msr	pmcr_el0, x0
3:	mov	x0, #MDCR_HOSTILE
	msr	mdcr_el2, x0
	mov	x0, #HSTR_HOSTILE
	msr	hstr_el2, x0

	/* Stage 2 and the virtual IDs: garbage, VMID 0xff. */
	mov64	x0, 0x00ffdead0000b000
	msr	vttbr_el2, x0
	mov64	x0, 0x80023559
	msr	vtcr_el2, x0
	mov64	x0, 0x410fd0f0
	msr	vpidr_el2, x0
	mov64	x0, 0x80ff00ff
	msr	vmpidr_el2, x0
	mov64	x0, 0xdeadbeefcafe
	msr	tpidr_el2, x0

	/* The GIC, QEMU virt's (GICD at 0x08000000; GICv3 redistributors at 0x080a0000, GICv2
	 * CPU interface at 0x08010000): every SGI, PPI and the first SPIs enabled and pending at
	 * the highest priority, one interrupt acknowledged and never EOIed (an active priority
	 * left in the CPU interface), the redistributor asleep, the interface masked. */
	mov	x23, #0x08000000		/* GICD */
	/* QEMU gives the CPU the GICv3 system registers exactly when the GIC is a v3 (a GICv2
	 * distributor has no GICD_PIDR2 at 0xffe8: the read would abort). */
	ubfx	x1, x20, #24, #4		/* ID_AA64PFR0_EL1.GIC */
	cbz	x1, gicv2_dirty
	mov	x0, #0xf			/* ICC_SRE_EL2: SRE, DFB, DIB, Enable */
	msr	S3_4_C12_C9_5, x0
	isb
	mov	w0, #(1 << 4 | 1 << 1 | 1 << 0)	/* GICD_CTLR: ARE_NS, EnableGrp1, EnableGrp0 */
	str	w0, [x23]
	mov	w0, #-1
	str	w0, [x23, #0x104]		/* GICD_ISENABLER1: SPIs 32-63 */
	str	w0, [x23, #0x204]		/* GICD_ISPENDR1 */
	mov	x24, #0x080b0000		/* GICR SGI frame of CPU 0 */
	sub	x25, x24, #0x10000		/* its RD frame */
	str	wzr, [x25, #0x14]		/* GICR_WAKER: awake, for now */
	str	w0, [x24, #0x80]		/* GICR_IGROUPR0: Group 1 */
	str	w0, [x24, #0x100]		/* GICR_ISENABLER0 */
	str	w0, [x24, #0x200]		/* GICR_ISPENDR0 */
	mov	x1, #0x400			/* GICR_IPRIORITYR: 0, the highest */
7:	str	wzr, [x24, x1]
	add	x1, x1, #4
	cmp	x1, #0x420
	b.lo	7b
	mov	x0, #0xff
	msr	S3_0_C4_C6_0, x0		/* ICC_PMR_EL1 */
	mov	x0, #1
	msr	S3_0_C12_C12_7, x0		/* ICC_IGRPEN1_EL1 */
	isb
	mrs	x0, S3_0_C12_C12_0		/* ICC_IAR1_EL1: acknowledged, never EOIed */
	mov	w0, #(1 << 1)			/* GICR_WAKER.ProcessorSleep */
	str	w0, [x25, #0x14]
	/* The virtual CPU interface live: a pending LR, an active priority, every maintenance
	 * enable and trap. */
	mov64	x0, 0x50a000000000001b		/* ICH_LR0_EL2: pending, Group 1, prio 0xa0, vINTID 27 */
	msr	S3_4_C12_C12_0, x0
	mov	x0, #1
	msr	S3_4_C12_C9_0, x0		/* ICH_AP1R0_EL2 */
	mov	x0, #-1
	msr	S3_4_C12_C11_7, x0		/* ICH_VMCR_EL2 */
	mov	x0, #0x3fff			/* ICH_HCR_EL2 */
	msr	S3_4_C12_C11_0, x0
	msr	S3_0_C4_C6_0, xzr		/* ICC_PMR_EL1: everything masked */
	mov	x0, #7
	msr	S3_0_C12_C12_3, x0		/* ICC_BPR1_EL1 */
	msr	S3_0_C12_C12_4, xzr		/* ICC_CTLR_EL1: EOImode = 0 */
	msr	S3_0_C12_C12_7, xzr		/* ICC_IGRPEN1_EL1 */
	isb
	mov	x0, #(1 << 0)			/* ICC_SRE_EL2: SRE, Enable = 0 */
	msr	S3_4_C12_C9_5, x0
	b	4f

gicv2_dirty:
	mov	x24, #0x08010000		/* GICC */
	mov	w0, #1
	str	w0, [x23]			/* GICD_CTLR */
	mov	w0, #-1
	str	w0, [x23, #0x100]		/* GICD_ISENABLER0 */
	str	w0, [x23, #0x104]		/* GICD_ISENABLER1 */
	str	w0, [x23, #0x200]		/* GICD_ISPENDR0 (PPIs) */
	str	w0, [x23, #0x204]		/* GICD_ISPENDR1 */
	str	w0, [x23, #0xf20]		/* GICD_SPENDSGIR0..3: SGIs 0-15 pending */
	str	w0, [x23, #0xf24]
	str	w0, [x23, #0xf28]
	str	w0, [x23, #0xf2c]
	mov	x1, #0x400			/* GICD_IPRIORITYR: 0 */
8:	str	wzr, [x23, x1]
	add	x1, x1, #4
	cmp	x1, #0x420
	b.lo	8b
	mov	w0, #0xff
	str	w0, [x24, #0x4]			/* GICC_PMR */
	mov	w0, #1
	str	w0, [x24]			/* GICC_CTLR */
	ldr	w0, [x24, #0xc]			/* GICC_IAR: acknowledged, never EOIed */
	str	wzr, [x24, #0x4]		/* GICC_PMR: everything masked */

	/* Fine-grained traps and HCRX_EL2: every bit set (no EL3 under QEMU -kernel, so
	 * SCR_EL3.FGTEn/HXEn behave as 1). */
4:	mrs	x1, id_aa64mmfr0_el1
	ubfx	x1, x1, #56, #4			/* FGT */
	cbz	x1, 5f
	mov	x0, #-1
	msr	S3_4_C1_C1_4, x0		/* HFGRTR_EL2 */
	msr	S3_4_C1_C1_5, x0		/* HFGWTR_EL2 */
	msr	S3_4_C1_C1_6, x0		/* HFGITR_EL2 */
	msr	S3_4_C3_C1_4, x0		/* HDFGRTR_EL2 */
	msr	S3_4_C3_C1_5, x0		/* HDFGWTR_EL2 */
5:	mrs	x1, id_aa64mmfr1_el1
	ubfx	x1, x1, #40, #4			/* HCX */
	cbz	x1, 6f
	mov	x0, #-1
	msr	S3_4_C1_C2_2, x0		/* HCRX_EL2 */

	/* Vectors nowhere, SP_EL0 selected. */
6:	mov64	x0, 0xdead0000
	msr	vbar_el2, x0
	/* The jump target before SCTLR_EL2.EE: no data access after it. */
	adr	x22, _start
	add	x22, x22, #NEXT_IMAGE_OFFSET
	/* CPTR_EL2 now traps SVE, SME and FP; SCTLR_EL2 big-endian with alignment checks. */
	mov64	x0, CPTR_HOSTILE
	msr	cptr_el2, x0
	mov64	x0, SCTLR_HOSTILE
	msr	sctlr_el2, x0
	/* HCR_EL2 last: E2H = TGE = 1 (the EL2&0 host regime) and every trap and virtual
	 * exception bit of HCR_EL2[37:0] but HCD. */
	mov64	x0, 0x3fdfffffff
	msr	hcr_el2, x0
	isb
	msr	spsel, #0
	mov	x0, x19
	mov	x1, xzr
	mov	x2, xzr
	mov	x3, xzr
	br	x22
hostile_end:
