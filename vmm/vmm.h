/* SPDX-License-Identifier: MIT */
/*
 * The built-in hypervisor's API, modelled on KVM: create a VM (stage-2 + VMID + RAM), map IPA
 * ranges with explicit stage-2 attributes, create a vCPU with its trap configuration, and
 * loop over vcpu_run() like a KVM user loops over KVM_RUN.
 */
#ifndef VMM_VMM_H
#define VMM_VMM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arch/fgt.h"
#include "pgtable.h"
#include "psci.h"
#include "ram_dirty.h"
#include "vcpu_el1.h"
#include "vgic_v2.h"
#include "watchdog.h"

/* Distinct address spaces get distinct types, so an IPA can't be passed as a PA. */
typedef struct {
	uint64_t v;
} ipa_t;
typedef struct {
	uint64_t v;
} paddr_t;

#define IPA(x)	 ((ipa_t){(x)})
#define PADDR(x) ((paddr_t){(x)})

/* The default guest memory map (every VM unless its config says otherwise). */
#define GUEST_RAM_IPA	   0x40000000ULL
#define GUEST_RAM_SIZE	   (1ULL << 20)
#define GUEST_DOORBELL_IPA 0x08000000	 /* store-only exit channel, never mapped (guest/hvc.h) */
#define GUEST_MMIO_IPA	   0x0a000000ULL /* emulated MMIO window, never mapped */

/* The service ABI (guest/hvc.h mirrors it): HVC #0x4854 with x0 = service. */
#define HYP_SVC_IMM    0x4854
#define HYP_SVC_EXIT   0 /* x1 = status: ends the run with EXIT_GUEST_DONE */
#define HYP_SVC_REPORT 1 /* x1 = key (< VCPU_REPORTS), x2 = value; resumes */
#define HYP_SVC_PRINT  2 /* x1 = IPA of a NUL-terminated string; resumes */
#define HYP_SVC_NOP    3 /* nothing: resumes at once (the null hypercall of bench.exit.hvc) */
/* Nothing, resumed in the exception vector itself (vmm/entry.S): bench.exit.hvc-fast. */
#define HYP_SVC_FAST_NOP 4
#define VCPU_REPORTS   16

/*
 * Doorbell: a 64-bit store of the status to GUEST_DOORBELL_IPA ends the run like SVC_EXIT; a
 * 64-bit store to GUEST_DOORBELL_IPA + GUEST_DOORBELL_REPORT + 8 * key reports like SVC_REPORT.
 */
#define GUEST_DOORBELL_REPORT 0x100

struct vm_config {
	unsigned ipa_bits;	/* 0: the CPU's PARange (capped at 48) */
	unsigned granule_shift; /* 0: 12 (4K) */
	size_t ram_size;	/* 0: GUEST_RAM_SIZE */
	uint64_t ram_ipa;	/* 0: GUEST_RAM_IPA */
	bool ram_pages_only;	/* map RAM with pages only (faults beyond it are level 3) */
	/* Stage 2 geometry (stage2.geom): explicit start level, 52-bit formats, raw VTCR bits. */
	bool start_level_set;	 /* use .start_level instead of the deepest legal one */
	int start_level;	 /* -1..3 (-1: 4K with .ds, SL2 = 1) */
	bool oa52;		 /* 52-bit descriptors: 64K FEAT_LPA, or with .ds FEAT_LPA2 */
	bool ds;		 /* VTCR_EL2.DS = 1 (needs .oa52); RAM mapped without SH bits */
	bool ram_unmapped;	 /* RAM allocated and loaded but not mapped at stage 2 */
	uint64_t vtcr_clear;	 /* VTCR_EL2 bits cleared, then ... */
	uint64_t vtcr_set;	 /* ... set, after the vmm computed it (even to illegal values) */
	uint64_t vttbr_baddr_or; /* ORed into VTTBR_EL2.BADDR at every load (out-of-range bases) */
	bool s2_hw_af;		 /* VTCR_EL2.HA: hardware sets stage-2 AF (FEAT_HAFDBS) */
	bool s2_hw_dirty;	 /* VTCR_EL2.HD: hardware dirty state with DBM (HAFDBS >= 2) */
	/* VMID and VMID size (stage2.vmid): 0 = the allocator's VMID / the CPU's size. */
	uint16_t vmid;	    /* VTTBR_EL2.VMID as written (with vmid_bits 8, [15:8] are RES0) */
	unsigned vmid_bits; /* 8: VTCR_EL2.VS = 0; 16: VS = 1 (needs FEAT_VMID16) */
	bool cnp;	    /* VTTBR_EL2.CnP = 1 (FEAT_TTCNP; RES0 without it) */
	/*
	 * PSCI for the VM's vCPUs (vmm/psci.h): HVC #0, and SMC #0 trapped with HCR_EL2.TSC, are
	 * PSCI calls the vmm answers; CPU_ON, CPU_OFF, SYSTEM_OFF and SYSTEM_RESET end the run
	 * with an EXIT_PSCI_* / EXIT_SYSTEM_* exit for the VMM (the scenario) to act on.
	 */
	bool psci;
};

/* Most vCPUs of one PSCI VM (the table CPU_ON and AFFINITY_INFO look up). */
#define VM_VCPUS_MAX 8

struct vm {
	uint16_t vmid;
	struct pgt_geom geom;
	uint64_t *root;
	uint64_t vtcr;
	uint64_t ram_ipa;
	size_t ram_size;
	/*
	 * EL2 VA (== PA) of guest RAM. Write it only through vm_load() or a vm_ram_ptr()
	 * pointer (or let the guest write it through a vm_map() of its PAs): they tell the pool
	 * (vmm/vm_ram.c) which pages change; a write through @ram itself would outlive the VM.
	 */
	uint8_t *ram;
	unsigned tables;	 /* stage-2 tables allocated below root */
	uint64_t vttbr_baddr_or; /* vm_config.vttbr_baddr_or */
	bool cnp;		 /* VTTBR_EL2.CnP */
	bool own_vmid; /* vm_config.vmid or .vmid_bits given: invalidated at create/destroy */
	bool psci;     /* vm_config.psci */
	/* PSCI VMs: their vCPUs, in creation order (vmm/psci_call.c). */
	struct vcpu *vcpus[VM_VCPUS_MAX];
	unsigned vcpu_count;
	/*
	 * The RAM block's life (vmm/vm_ram.c). @pooled: it comes from this PE's pool and goes
	 * back to it restored (every page in @dirty, or written by the guest, rewritten to the
	 * block's content: @image at its start, zeroes after); otherwise it was zeroed at
	 * create and is freed. @s2_dirty: RAM is mapped clean (read-only, DBM) under VTCR_EL2.HD,
	 * so its stage-2 descriptors say which pages the guest wrote.
	 */
	bool pooled, s2_dirty;
	struct ram_dirty dirty;
	const uint8_t *image; /* NULL: the block is all zeroes */
	size_t image_len;
};

/* EL1 self-hosted debug state a vCPU starts with (all 0: nothing armed). */
struct vcpu_debug {
	uint64_t mdscr;	     /* MDSCR_EL1: MDE, KDE, SS */
	uint64_t bvr0, bcr0; /* DBGBVR0_EL1, DBGBCR0_EL1 */
	uint64_t wvr0, wcr0; /* DBGWVR0_EL1, DBGWCR0_EL1 */
};

struct vcpu_config {
	uint64_t hcr;	  /* ORed onto VCPU_HCR_BASE */
	uint64_t mdcr;	  /* MDCR_EL2 (HPMN is filled in) */
	uint64_t cptr;	  /* traps ORed onto the CPTR_EL2 RES1 bits */
	uint64_t cnthctl; /* CNTHCTL_EL2; 0 means EL1PCTEN|EL1PCEN */
	bool cnthctl_set; /* use .cnthctl even when 0 */
	uint64_t ich_hcr; /* ICH_HCR_EL2 (GICv3 only) */
	uint64_t entry;	  /* IPA of the first instruction */
	uint64_t vbar;	  /* initial VBAR_EL1 (the guest runtime's vectors) */
	uint64_t spsr;	  /* 0: EL1h with DAIF masked */
	uint64_t x[4];	  /* initial x0..x3 */
	struct vcpu_debug debug;
	uint64_t vsesr; /* VSESR_EL2 (FEAT_RAS): the syndrome of a virtual SError (HCR_EL2.VSE) */
	/* EL1 translation and EL0 controls at entry (0: MMU off, RES1 bits only). */
	uint64_t sctlr_el1; /* ORed onto the SCTLR_EL1 RES1 bits: M, A, SA, SA0, UCT, nTWI, ... */
	uint64_t tcr_el1, ttbr0_el1, mair_el1;
	uint64_t ttbr1_el1; /* TTBR1_EL1 at entry (walks of the upper VA range, TCR_EL1.EPD1 = 0) */
	unsigned timeout_ms; /* watchdog budget of this vCPU; 0: vmm_set_timeout_ms()'s */
	/*
	 * FEAT_FGT: per register (enum fgt_reg), the bits to flip from the neutral value, i.e. 1
	 * = trap, whatever the bit's polarity: the vmm writes vmm_caps.fgt_neutral ^ fgt, so a
	 * zeroed config traps nothing (nXXX bits of implemented features are loaded as 1).
	 */
	uint64_t fgt[FGT_REGS];
	/* FEAT_HCX: bits to flip from vmm_caps.hcrx_neutral (enables on, traps off); 0 = none. */
	uint64_t hcrx;
	/* FEAT_NV2: VNCR_EL2 (an EL2 VA, e.g. of a page of guest RAM); written when nonzero. */
	uint64_t vncr;
	bool aarch32; /* EL1 in AArch32 (HCR_EL2.RW = 0): Supervisor mode, T32 if entry bit 0 */
	/*
	 * HCR_EL2.E2H = 1 while the guest runs (FEAT_VHE; the harness itself stays at E2H = 0):
	 * .cnthctl is then in the E2H = 1 layout (0 means EL1PCTEN|EL1PTEN, bits 10 and 11) and
	 * .cptr must be 0 (see docs/design-notes.md, "E2H = 1 guests").
	 */
	bool e2h;
	uint64_t ich_vmcr;  /* ICH_VMCR_EL2 when the vCPU is first loaded (GICv3 only) */
	uint64_t cntpoff;   /* CNTPOFF_EL2 (written when FEAT_ECV_POFF is implemented) */
	uint64_t timer_ctl; /* CNTP_CTL_EL0 and CNTV_CTL_EL0 at first load (CVALs are 0) */
	uint64_t cntvoff;   /* CNTVOFF_EL2 while the vCPU runs */
	uint64_t cntkctl;   /* CNTKCTL_EL1 at first load (EL0 timer access, event stream) */
	/*
	 * VMPIDR_EL2, the MPIDR_EL1 the guest reads (its affinity, e.g. the vSGI targets of
	 * virq.sgi); 0: the physical MPIDR_EL1, as before. Bit 31 is RES1, so a set value is never
	 * 0.
	 */
	uint64_t vmpidr;
	/*
	 * HCR_EL2 bits to clear from the base the vmm always sets; only IMO and FMO may be
	 * cleared (physical IRQs/FIQs then go to EL1, so the watchdog cannot take the CPU back:
	 * only for guests whose code ends by itself, e.g. virq.sgi.notrap with PSTATE.I and F
	 * masked, or virq.line.phys, whose bounded windows open I with a 10 s watchdog budget so
	 * that a host stall cannot fire the watchdog PPI into the guest's own vectors).
	 */
	uint64_t hcr_clear;
	/*
	 * PSCI VMs (vm_config.psci): the vCPU starts OFF, as KVM's KVM_ARM_VCPU_POWER_OFF; a
	 * CPU_ON of another vCPU powers it on. vcpu_run() of an OFF vCPU returns
	 * EXIT_PSCI_CPU_OFF without entering it. In a PSCI VM a .vmpidr of 0 becomes
	 * 0x80000000 | (index of the vCPU in the VM), so that every vCPU has its MPIDR at once.
	 */
	bool power_off;
};

enum exit_reason {
	EXIT_NONE,
	EXIT_GUEST_DONE, /* service EXIT or doorbell: .status */
	EXIT_HVC,	 /* HVC with an immediate other than the service ABI's */
	EXIT_SYSREG,	 /* EC 0x18 (and the AArch32 ones: 0x03-0x06, 0x08, 0x0C) */
	EXIT_WFX,	 /* EC 0x01 */
	EXIT_DABT,	 /* EC 0x24 */
	EXIT_IABT,	 /* EC 0x20 */
	EXIT_TRAP,	 /* any other synchronous exception from the guest */
	EXIT_IRQ,	 /* a physical IRQ that is not the watchdog */
	EXIT_FIQ,
	EXIT_SERROR,
	EXIT_TIMEOUT,	  /* the CNTHP watchdog fired */
	EXIT_BAD_SERVICE, /* malformed service call (unknown service, bad key) */
	/* PSCI VMs (vm_config.psci): the calls the VMM acts on. */
	EXIT_PSCI_CPU_ON,  /* CPU_ON succeeded (x0 = SUCCESS): run .target, then this vCPU again */
	EXIT_PSCI_CPU_OFF, /* the vCPU is off (CPU_OFF, or vcpu_run() of an OFF vCPU) */
	EXIT_SYSTEM_OFF,   /* SYSTEM_OFF: every vCPU of the VM is off */
	EXIT_SYSTEM_RESET, /* SYSTEM_RESET: likewise, and the VMM is to reset the VM */
};

/** One guest exit: the raw syndrome and a decoded reason. */
struct exit {
	enum exit_reason reason;
	unsigned slot; /* vector slot (8..15: lower EL AArch64/AArch32 sync/IRQ/FIQ/SError) */
	uint64_t esr;
	uint64_t far;
	uint64_t hpfar;
	uint64_t elr;
	uint64_t spsr;
	uint64_t status; /* EXIT_GUEST_DONE */
	/*
	 * EXIT_IRQ/EXIT_FIQ: the physical interrupt's IAR value (gic_ack()), 1023 if none was
	 * pending any more. The vmm dropped its priority (EOImode = 1); it stays active until
	 * the scenario deactivates it (gic_deactivate()) or a guest does, through a list
	 * register with HW = 1.
	 */
	unsigned intid;
	struct vcpu *target; /* EXIT_PSCI_CPU_ON: the vCPU powered on (ON_PENDING until it runs) */
};

/* World-switch state shared with vmm/entry.S (offsets checked below). */
struct vcpu_ctx {
	uint64_t x[31];
	uint64_t cptr_el2;
	/* E2H = 1 guests only (guest_enter_vhe): loaded with the EL2 MMU off, after E2H is set. */
	uint64_t hcr_el2;     /* the guest's HCR_EL2, E2H included */
	uint64_t cnthctl_el2; /* in the E2H = 1 layout */
	uint64_t host_sp;     /* the harness's SP_EL2, for the exit path */
};
_Static_assert(__builtin_offsetof(struct vcpu_ctx, cptr_el2) == 248, "entry.S CTX_CPTR");
_Static_assert(__builtin_offsetof(struct vcpu_ctx, hcr_el2) == 256, "entry.S CTX_HCR");
_Static_assert(__builtin_offsetof(struct vcpu_ctx, cnthctl_el2) == 264, "entry.S CTX_CNTHCTL");
_Static_assert(__builtin_offsetof(struct vcpu_ctx, host_sp) == 272, "entry.S CTX_HOST_SP");
_Static_assert(sizeof(struct vcpu_ctx) == 280, "entry.S CTX_SIZE");

struct vcpu {
	struct vcpu_ctx ctx; /* first: entry.S takes a struct vcpu * as a struct vcpu_ctx * */
	struct vm *vm;
	struct vcpu_config cfg;
	uint64_t hcr, mdcr, cnthctl;
	uint64_t pc, pstate;
	struct watchdog watchdog; /* its budget of guest time (vmm/watchdog.h) */
	uint64_t reports[VCPU_REPORTS];
	uint32_t reported;    /* bit per key that the guest reported */
	uint64_t exit_esr;    /* ESR_EL2 of the last exit (IL: the trapped instruction's length) */
	uint64_t report_spsr; /* SPSR_EL2 of the last REPORT service call (the guest's PSTATE) */
	struct vcpu_el1 el1;  /* EL1 registers while another vCPU is loaded (vmm/vcpu_el1.c) */
	struct vgic_cpu vgic; /* GICv3 virtual interface state, likewise */
	struct vgic_v2_cpu gicv2; /* GICv2 virtual interface state (vmm/vgic_v2.h) */
	/* PSCI VMs: the power state, and CPU_ON's entry point and context id (vmm/psci_call.c). */
	enum psci_state power;
	uint64_t on_entry, on_context_id;
};

/** Limits and features of the CPU the vmm runs on, read once at vmm_init(). */
struct vmm_caps {
	unsigned pa_bits, ipa_bits, vmid_bits;
	bool gran4, gran16, gran64; /* stage-2 granule support */
	unsigned lrs;		    /* GICv3 list registers, 0 without GICv3 */
	unsigned gic_version;
	bool ras;			/* FEAT_RAS: VSESR_EL2 exists */
	bool el3;			/* ID_AA64PFR0_EL1.EL3 != 0 */
	bool fgt, hcx;			/* FGT/HCRX_EL2 are loaded per vCPU */
	uint64_t fgt_neutral[FGT_REGS]; /* trap-nothing values, from arch/fgt.h */
	uint64_t hcrx_neutral;		/* from arch/hcrx.h */
	bool vhe;			/* FEAT_VHE: ID_AA64MMFR1_EL1.VH != 0 */
	unsigned ecv;			/* ID_AA64MMFR0_EL1.ECV: 1 FEAT_ECV, 2 also FEAT_ECV_POFF */
	unsigned apr_count;		/* ICH_AP0R<n>/AP1R<n> registers implemented (GICv3) */
	unsigned nv;			/* ID_AA64MMFR2_EL1.NV: 1 FEAT_NV, 2 FEAT_NV2 */
	unsigned hafdbs;		/* ID_AA64MMFR1_EL1.HAFDBS: 2 = stage-2 dirty state too */
};

extern struct vmm_caps vmm_caps;

#define VCPU_HCR_BASE 0 /* see vcpu.c: VM | RW | IMO | FMO | AMO */

/** Install the vmm vectors, read the caps, take the page arena. 0 or -1 with @err. */
int vmm_init(unsigned gic_version, char *err, size_t errlen);
/** The running PE's EL2 state for the vmm (vectors, VTTBR_EL2 = 0, HCR, CPTR, ZCR): vmm_init()
 * does it for the PE it runs on, every other PE calls it once before its first vcpu_run(). */
void vmm_init_cpu(void);
/**
 * hyptap.fresh_vm=full: every VM's RAM zeroed and cleaned whole at create, the image copied,
 * the RAM freed at destroy (the path before the pool, for side-by-side measurement); default
 * (false): pooled RAM restored page by page where the VM allows it (vmm/vm_ram.c).
 */
void vmm_set_fresh_vm_full(bool full);
/** Watchdog budget for each vCPU (milliseconds of guest time per vCPU lifetime). */
void vmm_set_timeout_ms(unsigned ms);
unsigned vmm_timeout_ms(void);

struct vm *vm_create(const struct vm_config *cfg);
/** Map [@ipa, @ipa + @size) to @pa with stage-2 leaf attributes @s2attr (arch/pte.h). */
int vm_map(struct vm *vm, ipa_t ipa, paddr_t pa, uint64_t size, uint64_t s2attr);
/** Copy @len bytes to guest RAM at @ipa and make them visible to a non-cacheable guest. */
int vm_load(struct vm *vm, ipa_t ipa, const void *data, size_t len);
/** Host pointer for guest RAM at @ipa, or NULL if outside RAM. */
void *vm_ram_ptr(struct vm *vm, ipa_t ipa, size_t len);
/** TLBI by VMID, free tables and RAM. */
void vm_destroy(struct vm *vm);
/** VTTBR_EL2 for @vm: VMID, root table, CnP. */
uint64_t vm_vttbr(const struct vm *vm);
/**
 * Unmap [@ipa, @ipa + @size) (invalid descriptors, DSB). No TLB maintenance: the caller
 * issues it (vm_tlbi_seq()), e.g. as the "break" of a break-before-make sequence.
 */
int vm_unmap(struct vm *vm, ipa_t ipa, uint64_t size);

struct vcpu *vcpu_create(struct vm *vm, const struct vcpu_config *cfg);
struct exit vcpu_run(struct vcpu *vcpu);
void vcpu_destroy(struct vcpu *vcpu);
/**
 * Save @vcpu's EL1 context from the running PE if it is loaded there, and turn off its EL1
 * timers on that PE (CNTV/CNTP_CTL_EL0 = 0, so they cannot fire where it no longer runs):
 * afterwards the vCPU can run on any PE (vcpu_run() loads it lazily, so a vCPU that moves must
 * be unloaded first).
 */
void vcpu_unload(struct vcpu *vcpu);
/** Replace the vCPU's CPTR_EL2 trap bits (e.g. lift TFP after an FP trap). */
void vcpu_set_cptr_traps(struct vcpu *vcpu, uint64_t traps);
/**
 * Advance the guest PC past the trapped instruction: 4 bytes from AArch64; from AArch32 the
 * length the last exit's ESR_EL2.IL gives (2 for a 16-bit T32 instruction), and ITSTATE moves
 * on as after any instruction in an IT block.
 */
void vcpu_skip_insn(struct vcpu *vcpu);
/** Give the vCPU a fresh watchdog budget from its next vcpu_run() (resuming after a timeout). */
void vcpu_reset_watchdog(struct vcpu *vcpu);
/* The stage 1 + 2 address translation instructions of the EL1&0 regime. */
enum at_s12_op { AT_S12E1R, AT_S12E1W, AT_S12E0R, AT_S12E0W };

/**
 * vcpu_at_s12() - AT S12E1R/W or S12E0R/W (@op) of @va in @vcpu's EL1&0 regime, from EL2
 * between guest entries: the result is PAR_EL1 as the CPU reports it (also left in the vCPU's
 * PAR_EL1). -1 for vCPUs whose regime the harness cannot load at E2H = 0 (E2H = 1), or whose
 * PAR would be in the 32-bit format (AArch32 EL1 with TTBCR.EAE = 0).
 */
int vcpu_at_s12(struct vcpu *vcpu, enum at_s12_op op, uint64_t va, uint64_t *par);
/** The reason vcpu_run() gives a synchronous exit of exception class @ec (services aside). */
enum exit_reason exit_reason_for_ec(unsigned ec);

/**
 * exit_fault_ipa() - IPA of a stage 2 abort: HPFAR_EL2.FIPA with FAR_EL2's page offset.
 *
 * HPFAR_EL2.FIPA, bits [43:4], is IPA[51:12]; NS (bit 63) and the RES0 bits are dropped.
 * Inline, so the pure users (vmm/mmio.c) build on the host without vmm/exit.c.
 */
static inline uint64_t exit_fault_ipa(const struct exit *e)
{
	return ((e->hpfar >> 4) & ((1ULL << 40) - 1)) << 12 | (e->far & 0xfff);
}

/**
 * vgic_leak_check() - the virtual interface is off between instances (ICH_HCR_EL2 = 0, on
 * GICv2 GICH_HCR = 0).
 * Return: 0, or -1 with what was left in @what, after turning it off.
 */
int vgic_leak_check(char *what, size_t len);

/** Pages the running PE holds (vm_create() and friends on it, not yet given back). */
size_t vmm_pages_of_this_cpu(void);

#endif
