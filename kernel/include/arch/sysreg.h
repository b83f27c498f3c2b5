/* SPDX-License-Identifier: MIT */
/*
 * Typed system-register accessors, one line per register (TF-A style).
 *
 * Every MRS/MSR in hyptap goes through this header. ID registers are read without `volatile`
 * (their value never changes, so the compiler may merge reads); everything else is volatile.
 * Encodings an older assembler may not know are spelled S3_<op1>_C<n>_C<m>_<op2> here, once.
 */
#ifndef ARCH_SYSREG_H
#define ARCH_SYSREG_H

#include <stdint.h>

#define SYSREG_RW(name, enc)                                                                       \
	static inline uint64_t read_##name(void)                                                   \
	{                                                                                          \
		uint64_t v;                                                                        \
		__asm__ volatile("mrs %0, " #enc : "=r"(v));                                       \
		return v;                                                                          \
	}                                                                                          \
	static inline void write_##name(uint64_t v)                                                \
	{                                                                                          \
		__asm__ volatile("msr " #enc ", %0" : : "r"(v));                                   \
	}

#define SYSREG_RO(name, enc)                                                                       \
	static inline uint64_t read_##name(void)                                                   \
	{                                                                                          \
		uint64_t v;                                                                        \
		__asm__ volatile("mrs %0, " #enc : "=r"(v));                                       \
		return v;                                                                          \
	}

/* ID registers: constant, so no volatile (reads may be combined). */
#define SYSREG_ID(name, enc)                                                                       \
	static inline uint64_t read_##name(void)                                                   \
	{                                                                                          \
		uint64_t v;                                                                        \
		__asm__("mrs %0, " #enc : "=r"(v));                                                \
		return v;                                                                          \
	}

SYSREG_ID(midr_el1, midr_el1)
SYSREG_ID(mpidr_el1, mpidr_el1)
SYSREG_ID(revidr_el1, revidr_el1)
SYSREG_ID(id_aa64pfr0_el1, id_aa64pfr0_el1)
SYSREG_ID(id_aa64pfr1_el1, id_aa64pfr1_el1)
SYSREG_ID(id_aa64dfr0_el1, id_aa64dfr0_el1)
SYSREG_ID(id_aa64isar0_el1, id_aa64isar0_el1)
SYSREG_ID(id_aa64isar1_el1, id_aa64isar1_el1)
SYSREG_ID(id_aa64mmfr0_el1, id_aa64mmfr0_el1)
SYSREG_ID(id_aa64mmfr1_el1, id_aa64mmfr1_el1)
SYSREG_ID(id_aa64mmfr2_el1, id_aa64mmfr2_el1)
SYSREG_ID(id_aa64isar2_el1, S3_0_C0_C6_2)
SYSREG_ID(id_aa64mmfr3_el1, S3_0_C0_C7_3)
SYSREG_ID(id_aa64mmfr4_el1, S3_0_C0_C7_4)
SYSREG_ID(ctr_el0, ctr_el0)
SYSREG_ID(dczid_el0, dczid_el0)
SYSREG_ID(cntfrq_el0, cntfrq_el0)

SYSREG_RO(currentel, CurrentEL)
SYSREG_RO(erridr_el1, S3_0_C5_C3_0)
SYSREG_RO(cntpct_el0, cntpct_el0)
SYSREG_RO(isr_el1, isr_el1)

/* EL2 configuration. */
SYSREG_RW(hcr_el2, hcr_el2)
SYSREG_RW(hcrx_el2, S3_4_C1_C2_2)
SYSREG_RW(sctlr_el2, sctlr_el2)
SYSREG_RW(tcr_el2, tcr_el2)
SYSREG_RW(ttbr0_el2, ttbr0_el2)
SYSREG_RW(mair_el2, mair_el2)
SYSREG_RW(vbar_el2, vbar_el2)
SYSREG_RW(vtcr_el2, vtcr_el2)
SYSREG_RW(vttbr_el2, vttbr_el2)
SYSREG_RW(cptr_el2, cptr_el2)
SYSREG_RW(mdcr_el2, mdcr_el2)
SYSREG_RW(hstr_el2, hstr_el2)
SYSREG_RW(cnthctl_el2, cnthctl_el2)
SYSREG_RW(cntvoff_el2, cntvoff_el2)
SYSREG_RW(cnthp_ctl_el2, cnthp_ctl_el2)
SYSREG_RW(cnthp_cval_el2, cnthp_cval_el2)
SYSREG_RW(vpidr_el2, vpidr_el2)
SYSREG_RW(vmpidr_el2, vmpidr_el2)
SYSREG_RW(elr_el2, elr_el2)
SYSREG_RW(spsr_el2, spsr_el2)
SYSREG_RW(esr_el2, esr_el2)
SYSREG_RW(far_el2, far_el2)
SYSREG_RW(hpfar_el2, hpfar_el2)
SYSREG_RW(tpidr_el2, tpidr_el2)
/* FEAT_FGT fine-grained trap registers, FEAT_NV2 VNCR_EL2. */
SYSREG_RW(hfgrtr_el2, S3_4_C1_C1_4)
SYSREG_RW(hfgwtr_el2, S3_4_C1_C1_5)
SYSREG_RW(hfgitr_el2, S3_4_C1_C1_6)
SYSREG_RW(hdfgrtr_el2, S3_4_C3_C1_4)
SYSREG_RW(hdfgwtr_el2, S3_4_C3_C1_5)
SYSREG_RW(vncr_el2, S3_4_C2_C2_0)
/* AArch32 EL1 state without an EL1 register of its own (present when EL1 can be AArch32). */
SYSREG_RW(dacr32_el2, S3_4_C3_C0_0)
SYSREG_RW(ifsr32_el2, S3_4_C5_C0_1)

/* EL1 context the world switch loads for a guest. */
SYSREG_RW(sctlr_el1, sctlr_el1)
SYSREG_RW(tcr_el1, tcr_el1)
SYSREG_RW(ttbr0_el1, ttbr0_el1)
SYSREG_RW(ttbr1_el1, ttbr1_el1)
SYSREG_RW(mair_el1, mair_el1)
SYSREG_RW(vbar_el1, vbar_el1)
SYSREG_RW(cpacr_el1, cpacr_el1)
SYSREG_RW(sp_el1, sp_el1)
SYSREG_RW(sp_el0, sp_el0)
SYSREG_RW(elr_el1, elr_el1)
SYSREG_RW(spsr_el1, spsr_el1)
SYSREG_RW(esr_el1, esr_el1)
SYSREG_RW(far_el1, far_el1)
SYSREG_RW(tpidr_el1, tpidr_el1)
SYSREG_RW(cntkctl_el1, cntkctl_el1)
SYSREG_RW(cntv_ctl_el0, cntv_ctl_el0)
SYSREG_RW(cntv_cval_el0, cntv_cval_el0)
SYSREG_RW(contextidr_el1, contextidr_el1)
SYSREG_RW(amair_el1, amair_el1)
SYSREG_RW(afsr0_el1, afsr0_el1)
SYSREG_RW(afsr1_el1, afsr1_el1)
SYSREG_RW(par_el1, par_el1)
SYSREG_RW(tpidr_el0, tpidr_el0)
SYSREG_RW(tpidrro_el0, tpidrro_el0)
SYSREG_RW(csselr_el1, csselr_el1)
SYSREG_RW(fpcr, S3_3_C4_C4_0) /* needs CPTR_EL2.TFP = 0 (the harness's CPTR_EL2_HOST) */

/* Self-hosted debug: breakpoint/watchpoint 0 and the step/enable controls (MDSCR_EL1). */
SYSREG_RW(mdscr_el1, mdscr_el1)
SYSREG_RW(oslar_el1, oslar_el1)
SYSREG_RW(dbgbvr0_el1, dbgbvr0_el1)
SYSREG_RW(dbgbcr0_el1, dbgbcr0_el1)
SYSREG_RW(dbgwvr0_el1, dbgwvr0_el1)
SYSREG_RW(dbgwcr0_el1, dbgwcr0_el1)
SYSREG_RW(vsesr_el2, S3_4_C5_C2_3)
SYSREG_RW(zcr_el2, S3_4_C1_C2_0)

/* PMUv3 (kernel/pmu.c: the harness's own EL2 counting). */
SYSREG_RW(pmcr_el0, pmcr_el0)
SYSREG_RW(pmcntenset_el0, pmcntenset_el0)
SYSREG_RW(pmcntenclr_el0, pmcntenclr_el0)
SYSREG_RW(pmovsset_el0, pmovsset_el0)
SYSREG_RW(pmovsclr_el0, pmovsclr_el0)
SYSREG_RW(pmselr_el0, pmselr_el0)
SYSREG_RW(pmccntr_el0, pmccntr_el0)
SYSREG_RW(pmccfiltr_el0, pmccfiltr_el0)
SYSREG_RW(pmxevtyper_el0, pmxevtyper_el0)
SYSREG_RW(pmxevcntr_el0, pmxevcntr_el0)
SYSREG_RO(pmceid0_el0, pmceid0_el0)

/* GICv3 CPU interface (S3_x encodings: accepted by any assembler). */
SYSREG_RW(icc_sre_el2, S3_4_C12_C9_5)
SYSREG_RW(icc_sre_el1, S3_0_C12_C12_5)
SYSREG_RW(icc_pmr_el1, S3_0_C4_C6_0)
SYSREG_RW(icc_igrpen1_el1, S3_0_C12_C12_7)
SYSREG_RW(icc_ctlr_el1, S3_0_C12_C12_4)
SYSREG_RO(icc_iar1_el1, S3_0_C12_C12_0)
SYSREG_RW(icc_eoir1_el1, S3_0_C12_C12_1)
SYSREG_RW(ich_hcr_el2, S3_4_C12_C11_0)
SYSREG_RO(ich_vtr_el2, S3_4_C12_C11_1)
SYSREG_RW(ich_vmcr_el2, S3_4_C12_C11_7)
SYSREG_RW(ich_ap0r0_el2, S3_4_C12_C8_0)
SYSREG_RW(ich_ap0r1_el2, S3_4_C12_C8_1)
SYSREG_RW(ich_ap0r2_el2, S3_4_C12_C8_2)
SYSREG_RW(ich_ap0r3_el2, S3_4_C12_C8_3)
SYSREG_RW(ich_ap1r0_el2, S3_4_C12_C9_0)
SYSREG_RW(ich_ap1r1_el2, S3_4_C12_C9_1)
SYSREG_RW(ich_ap1r2_el2, S3_4_C12_C9_2)
SYSREG_RW(ich_ap1r3_el2, S3_4_C12_C9_3)
SYSREG_RO(ich_misr_el2, S3_4_C12_C11_2)
SYSREG_RO(ich_eisr_el2, S3_4_C12_C11_3)
SYSREG_RO(ich_elrsr_el2, S3_4_C12_C11_5)
/* ICH_LR<n>_EL2 are reached only through vgic_lr_write() (vmm/vgic.c), by encoding. */

/* The rest of the ICC_*_EL1 interface (IHI 0069 12.2): at EL1 with IMO/FMO = 1 these reach
 * the ICV_* registers of the same encoding. */
SYSREG_RO(icc_iar0_el1, S3_0_C12_C8_0)
SYSREG_RW(icc_eoir0_el1, S3_0_C12_C8_1)
SYSREG_RO(icc_hppir0_el1, S3_0_C12_C8_2)
SYSREG_RW(icc_bpr0_el1, S3_0_C12_C8_3)
SYSREG_RW(icc_ap0r0_el1, S3_0_C12_C8_4)
SYSREG_RW(icc_ap0r1_el1, S3_0_C12_C8_5)
SYSREG_RW(icc_ap0r2_el1, S3_0_C12_C8_6)
SYSREG_RW(icc_ap0r3_el1, S3_0_C12_C8_7)
SYSREG_RW(icc_ap1r0_el1, S3_0_C12_C9_0)
SYSREG_RW(icc_ap1r1_el1, S3_0_C12_C9_1)
SYSREG_RW(icc_ap1r2_el1, S3_0_C12_C9_2)
SYSREG_RW(icc_ap1r3_el1, S3_0_C12_C9_3)
SYSREG_RW(icc_dir_el1, S3_0_C12_C11_1)
SYSREG_RO(icc_rpr_el1, S3_0_C12_C11_3)
SYSREG_RW(icc_sgi1r_el1, S3_0_C12_C11_5)
SYSREG_RW(icc_asgi1r_el1, S3_0_C12_C11_6)
SYSREG_RW(icc_sgi0r_el1, S3_0_C12_C11_7)
SYSREG_RO(icc_hppir1_el1, S3_0_C12_C12_2)
SYSREG_RW(icc_bpr1_el1, S3_0_C12_C12_3)
SYSREG_RW(icc_igrpen0_el1, S3_0_C12_C12_6)

/* Generic timer registers beyond the EL1 context. */
SYSREG_RW(cntp_ctl_el0, cntp_ctl_el0)
SYSREG_RW(cntp_cval_el0, cntp_cval_el0)
SYSREG_RW(cntpoff_el2, S3_4_C14_C0_6) /* FEAT_ECV_POFF */
SYSREG_RO(cntvct_el0, cntvct_el0)
SYSREG_RW(cntp_tval_el0, cntp_tval_el0)
SYSREG_RW(cntv_tval_el0, cntv_tval_el0)
SYSREG_RW(cnthp_tval_el2, cnthp_tval_el2)
SYSREG_RW(cnthv_ctl_el2, S3_4_C14_C3_1)	 /* FEAT_VHE: the EL2 virtual timer */
SYSREG_RW(cnthv_cval_el2, S3_4_C14_C3_2) /* FEAT_VHE */
SYSREG_RW(cnthv_tval_el2, S3_4_C14_C3_0) /* FEAT_VHE */

/*
 * Read a register named by its encoding, for table-driven code (scenarios/trap/sysreg_traps.h):
 * SYSREG_READ_ENC(3, 0, 0, 4, 0) is MRS of S3_0_C0_C4_0 (ID_AA64PFR0_EL1).
 */
#define SYSREG_READ_ENC(op0, op1, crn, crm, op2)                                                   \
	({                                                                                         \
		uint64_t v_;                                                                       \
		__asm__ volatile("mrs %0, S" #op0 "_" #op1 "_C" #crn "_C" #crm "_" #op2            \
				 : "=r"(v_));                                                      \
		v_;                                                                                \
	})

/** Write a register named by its encoding (the counterpart of SYSREG_READ_ENC). */
#define SYSREG_WRITE_ENC(op0, op1, crn, crm, op2, v)                                               \
	__asm__ volatile("msr S" #op0 "_" #op1 "_C" #crn "_C" #crm "_" #op2 ", %0" : : "r"(v))

static inline void isb(void)
{
	__asm__ volatile("isb" : : : "memory");
}

static inline void dsb_sy(void)
{
	__asm__ volatile("dsb sy" : : : "memory");
}

static inline void dsb_ish(void)
{
	__asm__ volatile("dsb ish" : : : "memory");
}

static inline void dsb_ishst(void)
{
	__asm__ volatile("dsb ishst" : : : "memory");
}

static inline void dmb_ish(void)
{
	__asm__ volatile("dmb ish" : : : "memory");
}

/* Ordering against a DMA master (outer shareable): Linux's dma_wmb()/dma_rmb() on arm64. */
static inline void dmb_oshst(void)
{
	__asm__ volatile("dmb oshst" : : : "memory");
}

static inline void dmb_oshld(void)
{
	__asm__ volatile("dmb oshld" : : : "memory");
}

/* Stores to memory complete before a later MMIO store (a doorbell): Linux's wmb(). */
static inline void dsb_st(void)
{
	__asm__ volatile("dsb st" : : : "memory");
}

/** TLBI ALLE2: every EL2 stage-1 entry of this PE. */
static inline void tlbi_alle2(void)
{
	__asm__ volatile("tlbi alle2" : : : "memory");
}

/** TLBI VMALLS12E1IS: stage-1 and stage-2 entries of the VMID currently in VTTBR_EL2. */
static inline void tlbi_vmalls12e1is(void)
{
	__asm__ volatile("tlbi vmalls12e1is" : : : "memory");
}

/** TLBI ALLE1IS: every EL1&0 entry, of every VMID, on every PE of the Inner Shareable domain. */
static inline void tlbi_alle1is(void)
{
	__asm__ volatile("tlbi alle1is" : : : "memory");
}

/** DC IVAC / DC CIVAC by VA to the Point of Coherency. */
static inline void dc_ivac(uintptr_t va)
{
	__asm__ volatile("dc ivac, %0" : : "r"(va) : "memory");
}

static inline void dc_civac(uintptr_t va)
{
	__asm__ volatile("dc civac, %0" : : "r"(va) : "memory");
}

/*
 * AT S12E1R/W, S12E0R/W: stages 1 and 2 of the EL1&0 regime for @va as an EL1 or EL0 read or
 * write, result in PAR_EL1 (after an ISB). Executed at EL2 with the guest's EL1 and stage-2
 * registers loaded.
 */
static inline void at_s12e1r(uint64_t va)
{
	__asm__ volatile("at s12e1r, %0" : : "r"(va) : "memory");
}

static inline void at_s12e1w(uint64_t va)
{
	__asm__ volatile("at s12e1w, %0" : : "r"(va) : "memory");
}

static inline void at_s12e0r(uint64_t va)
{
	__asm__ volatile("at s12e0r, %0" : : "r"(va) : "memory");
}

static inline void at_s12e0w(uint64_t va)
{
	__asm__ volatile("at s12e0w, %0" : : "r"(va) : "memory");
}

static inline void ic_iallu(void)
{
	__asm__ volatile("ic iallu" : : : "memory");
}

#endif /* ARCH_SYSREG_H */
