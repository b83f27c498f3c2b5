/* SPDX-License-Identifier: MIT */
/*
 * The EL1 system registers that make up a vCPU's context besides its GPRs: translation,
 * exception, thread-ID, EL1 timer and self-hosted debug state, in one list from which the
 * context struct, its save and its restore are all generated (vmm/vcpu_el1.c), so a register
 * added here is switched everywhere.
 */
#ifndef VMM_VCPU_EL1_H
#define VMM_VCPU_EL1_H

#include <stdint.h>

#define VCPU_EL1_SYSREGS(X)                                                                        \
	X(sctlr_el1)                                                                               \
	X(tcr_el1)                                                                                 \
	X(ttbr0_el1)                                                                               \
	X(ttbr1_el1)                                                                               \
	X(mair_el1)                                                                                \
	X(amair_el1)                                                                               \
	X(vbar_el1)                                                                                \
	X(cpacr_el1)                                                                               \
	X(sp_el1)                                                                                  \
	X(sp_el0)                                                                                  \
	X(elr_el1)                                                                                 \
	X(spsr_el1)                                                                                \
	X(esr_el1)                                                                                 \
	X(far_el1)                                                                                 \
	X(tpidr_el1)                                                                               \
	X(tpidr_el0)                                                                               \
	X(tpidrro_el0)                                                                             \
	X(contextidr_el1)                                                                          \
	X(cntkctl_el1)                                                                             \
	X(cntv_cval_el0)                                                                           \
	X(cntp_cval_el0)                                                                           \
	X(cntv_ctl_el0)                                                                            \
	X(cntp_ctl_el0)                                                                            \
	X(csselr_el1)                                                                              \
	X(par_el1)                                                                                 \
	X(mdscr_el1)                                                                               \
	X(dbgbvr0_el1)                                                                             \
	X(dbgbcr0_el1)                                                                             \
	X(dbgwvr0_el1)                                                                             \
	X(dbgwcr0_el1)

/** A vCPU's EL1 system registers while another vCPU owns the physical ones. */
struct vcpu_el1 {
#define VCPU_EL1_FIELD(reg) uint64_t reg;
	VCPU_EL1_SYSREGS(VCPU_EL1_FIELD)
#undef VCPU_EL1_FIELD
	/* AArch32 EL1 only: DACR and IFSR have no AArch64 EL1 register (EL2 holds them). */
	uint64_t dacr32_el2, ifsr32_el2;
};

/**
 * The GICv3 virtual CPU interface state of a vCPU (IHI 0069, 12.4, "ICH_*"): loaded at every
 * vcpu_run() and saved when it returns, so a scenario reads and edits it between runs.
 * @hcr: ICH_HCR_EL2 (EOIcount included); vcpu_config.ich_hcr is its first value.
 * @misr, @eisr, @elrsr: ICH_MISR_EL2, ICH_EISR_EL2, ICH_ELRSR_EL2 as the last exit left them
 * (read-only registers: a snapshot, never loaded).
 * @idle: it was loaded with no list register, no active priority and ICH_HCR_EL2 = 0 (vmm/vgic.c
 * then moves only what the guest can change).
 */
#define VGIC_MAX_LRS  16 /* ICH_VTR_EL2.ListRegs is 4 bits: at most 16 */
#define VGIC_MAX_APRS 4	 /* ICH_AP0R<n>/AP1R<n>: up to 4 each with 7 preemption bits */
struct vgic_cpu {
	uint64_t vmcr;
	uint64_t hcr;
	uint64_t lr[VGIC_MAX_LRS];
	uint64_t ap0r[VGIC_MAX_APRS], ap1r[VGIC_MAX_APRS];
	uint64_t misr, eisr, elrsr;
	bool idle;
};

#endif
