/* SPDX-License-Identifier: MIT */
/*
 * Image header and entry (Documentation/arch/arm64/booting.rst): loaded at a 2 MiB aligned
 * address, MMU off, x0 = DTB. The image is linked at 0 and relocates itself: the only dynamic
 * relocations a static PIE has are R_AARCH64_RELATIVE, applied here before any C runs.
 */
#include "arch/asm.h"
#include "fw_state.h"

/*
 * From EL3 to \target at EL2h, for an image a debugger started at EL3 with no EL3 firmware
 * (JTAG): what TF-A's BL31 would give EL2, from the ID registers, as booting.rst requires of
 * firmware; without it the first ZCR_EL2 (or FGT, HCRX, PAuth key...) access traps to an EL3
 * that has no vectors, and the PE hangs without a word. Clobbers x0-x2.
 * - SCR_EL3: NS, RES1 bits 4/5, HCE (HVC), RW (EL2 is AArch64), SMD: with nothing at EL3 an SMC
 *   is UNDEFINED at EL2, which power_off() turns into its halt line (QEMU's own PSCI, when it
 *   answers, still takes the SMC: target/arm pre_smc() checks for PSCI first). And the enables
 *   of the features the CPU has: APK/API (PAuth), ATA (MTE2), FGTEn, ECVEn, HXEn, TCR2En,
 *   PIEn (S1PIE), SCTLR2En.
 * - CPTR_EL3: nothing trapped, EZ (SVE) and ESM (SME) set when implemented.
 * - ICC_SRE_EL3: SRE and Enable, so that EL2 may use ICC_SRE_EL2 (GICv3 system registers).
 * The GIC's Security state (GICD_CTLR.DS, the group registers) needs its addresses, which only
 * the DTB gives: the watchdog self-test names it when it is left Secure (docs/porting.md).
 */
.macro	id_bit reg, id_reg, lsb, bit
	mrs	x1, \id_reg
	ubfx	x1, x1, #\lsb, #4
	cbz	x1, .Lid_bit_\@
	orr	\reg, \reg, #(1 << \bit)
.Lid_bit_\@:
.endm

.macro	drop_to_el2 target
	mov	x0, #(1 << 0 | 1 << 4 | 1 << 5 | 1 << 7 | 1 << 8 | 1 << 10)
	id_bit	x0, id_aa64isar1_el1, 4, 16	/* APA: APK */
	id_bit	x0, id_aa64isar1_el1, 8, 16	/* API: APK */
	id_bit	x0, id_aa64isar1_el1, 4, 17	/* APA: API */
	id_bit	x0, id_aa64isar1_el1, 8, 17	/* API: API */
	mrs	x1, id_aa64isar2_el1
	ubfx	x1, x1, #12, #4			/* APA3 */
	cbz	x1, 1f
	orr	x0, x0, #(3 << 16)
1:	mrs	x1, id_aa64pfr1_el1
	ubfx	x1, x1, #8, #4			/* MTE */
	cmp	x1, #2
	b.lo	2f
	orr	x0, x0, #(1 << 26)		/* ATA */
2:	id_bit	x0, id_aa64mmfr0_el1, 56, 27	/* FGT: FGTEn */
	id_bit	x0, id_aa64mmfr0_el1, 60, 28	/* ECV: ECVEn */
	id_bit	x0, id_aa64mmfr1_el1, 40, 38	/* HCX: HXEn */
	id_bit	x0, S3_0_C0_C7_3, 0, 43		/* ID_AA64MMFR3_EL1.TCRX: TCR2En */
	id_bit	x0, S3_0_C0_C7_3, 8, 45		/* S1PIE: PIEn */
	id_bit	x0, S3_0_C0_C7_3, 4, 44		/* SCTLRX: SCTLR2En */
	msr	scr_el3, x0
	mov	x0, xzr
	id_bit	x0, id_aa64pfr0_el1, 32, 8	/* SVE: CPTR_EL3.EZ */
	id_bit	x0, id_aa64pfr1_el1, 24, 12	/* SME: CPTR_EL3.ESM */
	msr	cptr_el3, x0
	mrs	x1, id_aa64pfr0_el1
	ubfx	x1, x1, #24, #4			/* GIC system registers */
	cbz	x1, 3f
	mov	x0, #0xf			/* ICC_SRE_EL3: SRE, DFB, DIB, Enable */
	msr	S3_6_C12_C12_5, x0
3:	isb
	mov	x0, #0x3c9			/* SPSR: DAIF masked, EL2h */
	msr	spsr_el3, x0
	adr	x0, \target
	msr	elr_el3, x0
	isb
	eret
.endm

/*
 * Every EL2 control register the harness depends on, set before any memory access or C, on
 * every PE: firmware may leave anything (U-Boot leaves CPTR_EL2.TZ set, and hyptap died on its
 * first ZCR_EL2 access; Linux's el2_setup.h has the same rules). Clobbers x0-x2.
 * - SCTLR_EL2 first, from immediates: MMU, caches and alignment checks off, little-endian. With
 *   EE = 1 even a literal-pool load would read the wrong value.
 * - HCR_EL2 before CPTR_EL2 and CNTHCTL_EL2: E2H = 1 changes both layouts (and redirects EL1
 *   register names), so E2H = 0 must hold first.
 * - CPTR_EL2 before ZCR_EL2: with TZ set that access traps to EL2 (ZCR_EL2's accessibility
 *   pseudocode, CheckSVEEnabled()). CPTR_EL2_HOST keeps TSM (bit 12, RES1 without FEAT_SME)
 *   set: the harness has no SME state, so SMCR_EL2 is never touched.
 * - The FGT registers and HCRX_EL2 only trap EL1/EL0, and they need SCR_EL3.FGTEn/HXEn: their
 *   neutral values come from vmm_init_cpu(), in C, whose set-up the runner bounds.
 * With record=1 (the boot CPU) each register's old value goes to boot_fw_state[] first
 * (fw_state.h; the header prints it); clobbers x3 and x4 too.
 */
.macro	fw_record rec, reg, index
.if \rec
	mrs	x0, \reg
	str	x0, [x3, #(8 * \index)]
	orr	x4, x4, #(1 << \index)
.endif
.endm

.macro	el2_reset_state record=0
	mrs	x2, sctlr_el2
	movz	x0, #(SCTLR_EL2_BOOT & 0xffff)
	movk	x0, #(SCTLR_EL2_BOOT >> 16), lsl #16
	msr	sctlr_el2, x0
	isb
.if \record				/* stores only now: SCTLR_EL2.EE = 0 */
	adrp	x3, boot_fw_state
	add	x3, x3, :lo12:boot_fw_state
	str	x2, [x3, #(8 * FW_STATE_SCTLR_EL2)]
	mov	x4, #(1 << FW_STATE_SCTLR_EL2)
.endif
	fw_record \record, hcr_el2, FW_STATE_HCR_EL2
	fw_record \record, cptr_el2, FW_STATE_CPTR_EL2
	fw_record \record, mdcr_el2, FW_STATE_MDCR_EL2
	fw_record \record, cnthctl_el2, FW_STATE_CNTHCTL_EL2
	fw_record \record, cntvoff_el2, FW_STATE_CNTVOFF_EL2
	fw_record \record, hstr_el2, FW_STATE_HSTR_EL2
	fw_record \record, vttbr_el2, FW_STATE_VTTBR_EL2
	movz	x0, #(HCR_EL2_BOOT >> 16), lsl #16
	msr	hcr_el2, x0
	isb
	movz	x0, #CPTR_EL2_HOST
	msr	cptr_el2, x0
	isb
	mrs	x1, id_aa64pfr0_el1
	ubfx	x2, x1, #32, #4			/* SVE */
	cbz	x2, 1f
	fw_record \record, S3_4_C1_C2_0, FW_STATE_ZCR_EL2
	msr	S3_4_C1_C2_0, xzr		/* ZCR_EL2: LEN = 0, 128-bit vectors */
1:	mrs	x2, id_aa64dfr0_el1		/* PMUVer: 0 none, 0xf IMPLEMENTATION DEFINED */
	ubfx	x2, x2, #8, #4
	mov	x0, xzr
	cbz	x2, 3f
	cmp	x2, #0xf
	b.eq	3f
	/* A PMU: counters and their overflow interrupt off; HPMN = PMCR_EL0.N (an HPMN of 0
	 * without FEAT_HPMN0 is CONSTRAINED UNPREDICTABLE). */
	mov	x0, #-1
	msr	pmcntenclr_el0, x0
	msr	pmintenclr_el1, x0
	msr	pmovsclr_el0, x0
	mrs	x0, pmcr_el0
	bic	x0, x0, #1			/* E */
	msr	pmcr_el0, x0
	ubfx	x0, x0, #11, #5			/* N */
3:	msr	mdcr_el2, x0			/* nothing trapped, no debug routed to EL2 */
	mov	x0, #(1 << 0 | 1 << 1)		/* CNTHCTL_EL2.EL1PCTEN, EL1PCEN: no event stream, no ECV */
	msr	cnthctl_el2, x0
	msr	cntvoff_el2, xzr
	msr	cnthp_ctl_el2, xzr		/* every timer off: firmware may leave one firing */
	msr	cntp_ctl_el0, xzr
	msr	cntv_ctl_el0, xzr
	mrs	x2, id_aa64mmfr1_el1
	ubfx	x2, x2, #8, #4			/* VH: the EL2 virtual timer exists */
	cbz	x2, 4f
	msr	S3_4_C14_C3_1, xzr		/* CNTHV_CTL_EL2 */
4:	msr	hstr_el2, xzr
	msr	vttbr_el2, xzr
	ubfx	x2, x1, #24, #4			/* GIC: the GICv3 system registers */
	cbz	x2, 5f
	/* ICC_SRE_EL2.SRE before any ICH_ access; the GIC driver finishes the CPU interface. */
	fw_record \record, S3_4_C12_C9_5, FW_STATE_ICC_SRE_EL2
	mov	x0, #(ICC_SRE_EL2_BOOT)
	msr	S3_4_C12_C9_5, x0		/* ICC_SRE_EL2 */
	isb
	mrs	x0, S3_4_C12_C9_5
	tbz	x0, #0, 5f			/* SRE did not stick: no system register interface */
	fw_record \record, S3_4_C12_C11_0, FW_STATE_ICH_HCR_EL2
	msr	S3_4_C12_C11_0, xzr		/* ICH_HCR_EL2: the virtual CPU interface off */
5:	isb
.if \record
	str	x4, [x3, #(8 * FW_STATE_VALID)]
	/* Written with the MMU off: no stale line may shadow it once caches are on. */
	dmb	sy
	dc	ivac, x3
	add	x0, x3, #64
	dc	ivac, x0
	dsb	sy
.endif
.endm

/*
 * The same file is also a PE32+ EFI application, as Linux's arm64 EFI stub is: code0 reads "MZ"
 * (the DOS signature PE/COFF loaders look for) and res5 at 0x3c is the PE header offset
 * (e_lfanew). The headers fill the first 4 KiB, the PE sections then describe the file as it
 * is linked (VirtualAddress == PointerToRawData), so a loader places the bytes exactly where a
 * booti would have them relative to _head; AddressOfEntryPoint is efi_entry (kernel/efi_entry.S).
 * Every size below is a difference of symbols: PC-relative, so no dynamic relocation.
 */
#define PE_FILE_ALIGN	512			/* kernel/hyptap.lds pads the file to it */
#define PE_SECTION_ALIGN 4096			/* hyptap.lds aligns the section bounds to it */

	.section .head.text, "ax"
	.globl	_head
_head:
	.inst	0xfa405a4d			/* code0: ccmp x18, #0, #0xd, pl = "MZ", sets flags only */
	b	entry				/* code1 */
	.quad	0				/* text_offset */
	.quad	__image_end - _head		/* image_size */
	.quad	0xa				/* flags: LE, 4K pages, place anywhere (bit 3) */
	.quad	0, 0, 0				/* res2, res3, res4 */
	.ascii	"ARM\x64"			/* magic */
	.long	pe_header - _head		/* res5: PE header offset (PE/COFF e_lfanew) */

pe_header:
	.ascii	"PE\0\0"
	/* COFF file header (PE Format, "COFF File Header") */
	.short	0xaa64				/* Machine: IMAGE_FILE_MACHINE_ARM64 */
	.short	(pe_sections_end - pe_sections) / 40	/* NumberOfSections */
	.long	0				/* TimeDateStamp: none, builds are reproducible */
	.long	0, 0				/* PointerToSymbolTable, NumberOfSymbols */
	.short	pe_sections - pe_optional	/* SizeOfOptionalHeader */
	.short	0x0206				/* EXECUTABLE_IMAGE | LINE_NUMS_STRIPPED | DEBUG_STRIPPED */
	/* Not RELOCS_STRIPPED: the image runs anywhere (it relocates itself), so no .reloc. */

pe_optional:
	.short	0x20b				/* Magic: PE32+ */
	.byte	0, 0				/* Major/MinorLinkerVersion */
	.long	__text_end - pe_headers_end	/* SizeOfCode */
	.long	__pe_idata_size			/* SizeOfInitializedData: .rodata, .data */
	.long	__pe_bss_size			/* SizeOfUninitializedData: .bss and the stack */
	.long	efi_entry - _head		/* AddressOfEntryPoint */
	.long	pe_headers_end - _head		/* BaseOfCode */
	.quad	0				/* ImageBase: linked at 0 */
	.long	PE_SECTION_ALIGN		/* SectionAlignment */
	.long	PE_FILE_ALIGN			/* FileAlignment */
	.short	0, 0, 0, 0			/* Major/Minor OperatingSystem/ImageVersion */
	.short	0, 0				/* Major/MinorSubsystemVersion */
	.long	0				/* Win32VersionValue */
	.long	__image_end - _head		/* SizeOfImage: .bss and the stack included */
	.long	pe_headers_end - _head		/* SizeOfHeaders */
	.long	0				/* CheckSum: not checked for EFI images */
	.short	10				/* Subsystem: IMAGE_SUBSYSTEM_EFI_APPLICATION */
	.short	0				/* DllCharacteristics: none (no NX_COMPAT promise) */
	.quad	0, 0, 0, 0			/* SizeOf{Stack,Heap}{Reserve,Commit}: UEFI's stack */
	.long	0				/* LoaderFlags */
	.long	(pe_sections - pe_data_dirs) / 8	/* NumberOfRvaAndSizes */
pe_data_dirs:
	.quad	0, 0, 0, 0, 0, 0		/* export, import, resource, exception, certificate,
						 * base relocation: none */

/* The section table (PE Format, "Section Table"): 40 bytes a section. */
.macro	pe_section name, start, vsize, fsize, flags
.Lpe_section\@:
	.ascii	"\name"
	.fill	8 - (. - .Lpe_section\@), 1, 0	/* Name, NUL padded to 8 bytes */
	.long	\vsize				/* VirtualSize */
	.long	\start - _head			/* VirtualAddress */
	.long	\fsize				/* SizeOfRawData: a multiple of PE_FILE_ALIGN */
	.long	\start - _head			/* PointerToRawData: the file is the image */
	.long	0, 0				/* PointerToRelocations, PointerToLinenumbers */
	.short	0, 0				/* NumberOfRelocations, NumberOfLinenumbers */
	.long	\flags				/* Characteristics */
.endm
pe_sections:
	pe_section .text, pe_headers_end, __text_end - pe_headers_end, __text_end - pe_headers_end, 0x60000020	/* CODE, X, R */
	pe_section .rodata, __text_end, __pe_rodata_size, __pe_rodata_size, 0x40000040	/* IDATA, R */
	/* .data: the relocations' targets (efi_entry applies them in place), then .bss. */
	pe_section .data, __rodata_end, __pe_data_size, __pe_data_file_size, 0xc0000040	/* IDATA, R, W */
pe_sections_end:

	/* The rest of the first page is header: the loaders copy SizeOfHeaders bytes, or less. */
	.balign	PE_SECTION_ALIGN
pe_headers_end:

entry:
	mov	x19, x0				/* x19 = DTB pointer, kept across the boot path */
	adrp	x20, _head			/* x20 = load address of the image */
	add	x20, x20, :lo12:_head
	mrs	x0, CurrentEL
	ubfx	x21, x0, #2, #2			/* x21 = entry EL, reported in the TAP header */
	cmp	x21, #3
	b.eq	from_el3
	cmp	x21, #2
	b.ne	at_el1

at_el2:
	el2_reset_state record=1
	msr	spsel, #1			/* SP_EL2, whatever firmware left selected */
	msr	daifset, #0xf
	adrp	x0, kernel_vectors
	add	x0, x0, :lo12:kernel_vectors
	msr	vbar_el2, x0
	msr	tpidr_el2, xzr			/* no struct cpu yet (smp_init_boot_cpu()) */
	isb
	bl	relocate_and_clear_bss
	adrp	x1, __stack_top
	add	x1, x1, :lo12:__stack_top
	mov	sp, x1
	mov	x0, x19		/* void kernel_main(void *dtb, uintptr_t base, unsigned entry_el) */
	mov	x1, x20
	mov	x2, x21
	bl	kernel_main
	b	.

from_el3:
	drop_to_el2 at_el2

	/* EL1 (or EL0): no virtualization possible. Report and power off from C. */
at_el1:
	bl	relocate_and_clear_bss
	adrp	x1, __stack_top
	add	x1, x1, :lo12:__stack_top
	mov	sp, x1
	adrp	x1, el1_vectors
	add	x1, x1, :lo12:el1_vectors
	msr	vbar_el1, x1
	isb
	mov	x0, x21				/* x0 = CurrentEL.EL */
	bl	boot_bail_el1			/* void boot_bail_el1(unsigned el): no return */
	b	.

/*
 * Apply the R_AARCH64_RELATIVE relocations, *(base + r_offset) = base + r_addend (so running it
 * again after the image moved is right too), then zero .bss with aligned 16-byte stores (MMU
 * off: every access is Device memory). x20 = the load address; clobbers x1-x5. Also the EFI
 * entry's first step (kernel/efi_entry.S), with UEFI's MMU on.
 */
	.globl	relocate_and_clear_bss
relocate_and_clear_bss:
	adrp	x1, __rela_start
	add	x1, x1, :lo12:__rela_start
	adrp	x2, __rela_end
	add	x2, x2, :lo12:__rela_end
1:	cmp	x1, x2
	b.hs	2f
	ldp	x3, x4, [x1], #16		/* r_offset, r_info */
	ldr	x5, [x1], #8			/* r_addend */
	cmp	w4, #R_AARCH64_RELATIVE
	b.ne	1b
	add	x5, x5, x20
	str	x5, [x20, x3]
	b	1b
2:	adrp	x1, __bss_start
	add	x1, x1, :lo12:__bss_start
	adrp	x2, __bss_end
	add	x2, x2, :lo12:__bss_end
3:	cmp	x1, x2
	b.hs	4f
	stp	xzr, xzr, [x1], #16
	b	3b
4:	ret

/*
 * A secondary PE, from PSCI CPU_ON: MMU off, x0 = its struct cpu (the context_id), at EL2, or
 * at EL3 on firmware that starts secondaries there (then dropped as the boot CPU is). The boot
 * CPU cleaned the struct to the PoC: its MMU registers are loaded from it before any other
 * memory access, so this PE runs on the same map, W^X included, from its first C instruction.
 */
#define CPU_STACK_TOP	8
#define CPU_BOOT_MAIR	16
#define CPU_BOOT_TCR	24
#define CPU_BOOT_TTBR	32
#define CPU_BOOT_SCTLR	40

	.globl	secondary_entry
secondary_entry:
	mov	x19, x0
	mrs	x0, CurrentEL
	ubfx	x0, x0, #2, #2
	cmp	x0, #3
	b.ne	secondary_el2
	drop_to_el2 secondary_el2

secondary_el2:
	msr	daifset, #0xf
	el2_reset_state
	msr	spsel, #1
	ldr	x0, [x19, #CPU_BOOT_MAIR]
	msr	mair_el2, x0
	ldr	x0, [x19, #CPU_BOOT_TCR]
	msr	tcr_el2, x0
	ldr	x0, [x19, #CPU_BOOT_TTBR]
	msr	ttbr0_el2, x0
	dsb	sy
	tlbi	alle2
	dsb	nsh
	isb
	ldr	x0, [x19, #CPU_BOOT_SCTLR]
	msr	sctlr_el2, x0
	isb
	ic	iallu
	dsb	nsh
	isb
	adrp	x0, kernel_vectors
	add	x0, x0, :lo12:kernel_vectors
	msr	vbar_el2, x0
	msr	tpidr_el2, x19
	ldr	x0, [x19, #CPU_STACK_TOP]
	mov	sp, x0
	mov	x29, xzr			/* the end of the frame chain */
	mov	x0, x19
	bl	smp_secondary_main		/* void smp_secondary_main(struct cpu *): no return */
	b	.

	.ltorg

/* EL1 vectors for the bail-out path: any exception (e.g. an HVC with no EL2) ends in WFI. */
	.balign	2048
el1_vectors:
	.rept	16
	.balign	128
	bl	boot_el1_exception		/* void boot_el1_exception(void): no return */
	.endr
