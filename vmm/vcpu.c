/* SPDX-License-Identifier: MIT */
/*
 * vCPUs and the run loop: load the trap configuration and EL1 context, arm the watchdog,
 * enter the guest, decode the exit. Service calls of the hypercall ABI (REPORT, PRINT) are
 * handled here and resumed; everything else is returned to the scenario, as KVM_RUN does.
 */
#include <stdio.h>
#include <stdlib.h>

#include "arch/el2.h"
#include "arch/esr.h"
#include "arch/hcrx.h"
#include "arch/asm.h"
#include "arch/sysreg.h"
#include "gic.h"
#include "kalloc.h"
#include "mmu.h"
#include "smp.h"
#include "vmm.h"
#include "vmm_internal.h"

struct vmm_caps vmm_caps;
static unsigned timeout_ms = 100;
/* Per PE: the vCPU whose EL1 context is on that PE's registers. */
static struct vcpu *loaded_vcpus[CPU_MAX];
#define loaded_vcpu (loaded_vcpus[smp_this_cpu()])
static uint64_t vmm_hpmn;

/* Always on for a guest: stage 2 (VM), AArch64 EL1 (RW), physical IRQ/FIQ/SError to EL2
 * (IMO/FMO/AMO) so that the watchdog can always take the CPU back. */
#define HCR_GUEST_BASE (HCR_VM | HCR_RW | HCR_IMO | HCR_FMO | HCR_AMO)

extern char vmm_vectors[];
unsigned guest_enter(struct vcpu_ctx *ctx);
unsigned guest_enter_vhe(struct vcpu_ctx *ctx);

void vmm_set_timeout_ms(unsigned ms)
{
	timeout_ms = ms;
}

unsigned vmm_timeout_ms(void)
{
	return timeout_ms;
}

int vmm_init(unsigned gic_version, char *err, size_t errlen)
{
	uint64_t mmfr0 = read_id_aa64mmfr0_el1();
	uint64_t mmfr1 = read_id_aa64mmfr1_el1();
	unsigned t4_2 = MMFR0_TGRAN4_2(mmfr0), t16_2 = MMFR0_TGRAN16_2(mmfr0);
	unsigned t64_2 = MMFR0_TGRAN64_2(mmfr0);

	vmm_caps.pa_bits = mmu_parange_bits(MMFR0_PARANGE(mmfr0));
	vmm_caps.ipa_bits = vmm_caps.pa_bits > 48 ? 48 : vmm_caps.pa_bits;
	vmm_caps.vmid_bits = MMFR1_VMIDBITS(mmfr1) == 2 ? 16 : 8;
	/* TGranX_2 == 0: stage-2 support is as the stage-1 field says; 1: none; >= 2: yes. */
	vmm_caps.gran4 = t4_2 ? t4_2 >= 2 : MMFR0_TGRAN4(mmfr0) != 0xf;
	vmm_caps.gran16 = t16_2 ? t16_2 >= 2 : MMFR0_TGRAN16(mmfr0) != 0;
	vmm_caps.gran64 = t64_2 ? t64_2 >= 2 : MMFR0_TGRAN64(mmfr0) != 0xf;
	vmm_caps.gic_version = gic_version;
	vmm_caps.lrs = gic_version == 3 ? gic_lr_count() : 0;
	vmm_caps.vhe = MMFR1_VH(mmfr1) != 0;
	vmm_caps.hafdbs = (unsigned)id_field(mmfr1, ID_MMFR1_HAFDBS_SHIFT);
	vmm_caps.ecv = (unsigned)MMFR0_ECV(mmfr0);
	vmm_caps.nv = (unsigned)MMFR2_NV(read_id_aa64mmfr2_el1());
	/* 5, 6 or 7 preemption bits: 1, 2 or 4 active priority registers per group. */
	vmm_caps.apr_count = vmm_caps.lrs ? 1u << (ICH_VTR_PREBITS(read_ich_vtr_el2()) + 1 - 5) : 0;
	if (!vmm_caps.pa_bits || !vmm_caps.gran4) {
		snprintf(err, errlen,
			 "stage 2 needs the 4K granule and a known PARange (MMFR0 0x%llx)",
			 (unsigned long long)mmfr0);
		return -1;
	}
	/*
	 * MDCR_EL2.HPMN resets to an UNKNOWN value on some cores: set it to PMCR_EL0.N (all
	 * event counters accessible below EL2) when a PMU is implemented (PMUVer != 0, != 0xf).
	 */
	unsigned pmuver = (read_id_aa64dfr0_el1() >> 8) & 0xf;

	vmm_hpmn = (pmuver && pmuver != 0xf) ? (read_pmcr_el0() >> 11) & MDCR_HPMN_MASK : 0;
	/*
	 * FEAT_SVE: ZCR_EL2 resets to an UNKNOWN value. LEN = 0 caps every guest's vector length
	 * at 128 bits, which every SVE implementation supports, so RDVL has one right answer
	 * (vmm_init_cpu(), on every PE).
	 */
	vmm_caps.ras = id_field(read_id_aa64pfr0_el1(), ID_PFR0_RAS_SHIFT) != 0;
	vmm_caps.el3 = id_field(read_id_aa64pfr0_el1(), ID_PFR0_EL3_SHIFT) != 0;
	/*
	 * FGT registers and HCRX_EL2 reset to UNKNOWN values: each vCPU loads them explicitly
	 * (vcpu_load_el2). Like Linux (el2_setup.h) this assumes firmware set SCR_EL3.FGTEn and
	 * HXEn when EL3 exists; without EL3 they behave as 1.
	 */
	vmm_caps.fgt = id_field(mmfr0, ID_MMFR0_FGT_SHIFT) != 0;
	vmm_caps.hcx = id_field(mmfr1, ID_MMFR1_HCX_SHIFT) != 0;
	fgt_neutral(&(struct fgt_ids){read_id_aa64pfr1_el1(), read_id_aa64dfr0_el1(),
				      read_id_aa64isar1_el1(), read_id_aa64mmfr3_el1()},
		    vmm_caps.fgt_neutral);
	vmm_caps.hcrx_neutral = hcrx_neutral(&(struct hcrx_ids){
		read_id_aa64isar1_el1(), read_id_aa64isar2_el1(), read_id_aa64mmfr3_el1()});
	vmm_init_cpu();
	return 0;
}

void vmm_init_cpu(void)
{
	/* FEAT_SVE: see vmm_init(); per PE, as the register is. */
	if (id_field(read_id_aa64pfr0_el1(), ID_PFR0_SVE_SHIFT)) {
		write_zcr_el2(0);
	}
	/*
	 * The fine-grained traps and HCRX_EL2 at their neutral values, as vcpu_load_el2() writes
	 * them for every run: here first, so that a PE whose EL3 does not enable them
	 * (SCR_EL3.FGTEn, HXEn; CPTR_EL3.EZ for ZCR_EL2 above) traps during its set-up, which the
	 * runner bounds, not in the middle of an instance.
	 */
	if (vmm_caps.fgt) {
		const uint64_t *n = vmm_caps.fgt_neutral;

		write_hfgrtr_el2(n[FGT_HFGRTR]);
		write_hfgwtr_el2(n[FGT_HFGWTR]);
		write_hfgitr_el2(n[FGT_HFGITR]);
		write_hdfgrtr_el2(n[FGT_HDFGRTR]);
		write_hdfgwtr_el2(n[FGT_HDFGWTR]);
	}
	if (vmm_caps.hcx) {
		write_hcrx_el2(vmm_caps.hcrx_neutral);
	}
	/* Firmware leaves HCR_EL2 and CPTR_EL2 UNKNOWN: the harness's own values, as between runs.
	 */
	write_hcr_el2(HCR_RW);
	write_cptr_el2(CPTR_EL2_HOST);
	write_vttbr_el2(0);
	write_vbar_el2((uintptr_t)vmm_vectors);
	isb();
}

size_t vmm_pages_of_this_cpu(void)
{
	return kalloc_pages_of_this_cpu();
}

struct vcpu *vcpu_create(struct vm *vm, const struct vcpu_config *cfg)
{
	struct vcpu *v = calloc(1, sizeof(*v));

	if (!v) {
		return NULL;
	}
	v->vm = vm;
	v->cfg = *cfg;
	v->hcr = HCR_GUEST_BASE | cfg->hcr;
	v->hcr &= ~(cfg->hcr_clear & (HCR_IMO | HCR_FMO)); /* see vcpu_config.hcr_clear */
	/* MDCR_EL2 trap bits from the config; HPMN: every PMU counter belongs to EL1/EL0. */
	v->mdcr = cfg->mdcr;
	v->cnthctl = (cfg->cnthctl || cfg->cnthctl_set) ? cfg->cnthctl
		     : cfg->e2h ? (CNTHCTL_E2H_EL1PCTEN | CNTHCTL_E2H_EL1PTEN)
				: (CNTHCTL_EL1PCTEN | CNTHCTL_EL1PCEN);
	v->ctx.cptr_el2 = CPTR_EL2_RES1 | cfg->cptr;
	if (cfg->e2h) {
		/* E2H = 1 needs FEAT_VHE; CPTR_EL2 traps in that layout are not supported yet. */
		if (!vmm_caps.vhe || cfg->cptr) {
			free(v);
			return NULL;
		}
		/* "Nothing trapped" in the E2H = 1 layout: FPEN, ZEN = 0b11 (SMEN 0, as TSM = 1).
		 */
		v->ctx.cptr_el2 = CPTR_E2H_FPEN_NOTRAP | CPTR_E2H_ZEN_NOTRAP;
	}
	vcpu_reset_watchdog(v);
	v->pc = cfg->entry;
	v->pstate = cfg->spsr ? cfg->spsr : (SPSR_M_EL1h | SPSR_DAIF);
	for (int i = 0; i < 4; i++) {
		v->ctx.x[i] = cfg->x[i];
	}
	vcpu_el1_init(v);
	if (cfg->aarch32) {
		vcpu32_init(v);
	}
	if (vm->psci && psci_vcpu_add(v)) {
		free(v);
		return NULL;
	}
	return v;
}

void vcpu_destroy(struct vcpu *v)
{
	if (v->vm->psci) {
		psci_vcpu_remove(v);
	}
	for (unsigned i = 0; i < CPU_MAX; i++) {
		if (loaded_vcpus[i] == v) {
			loaded_vcpus[i] = NULL;
		}
	}
	free(v);
}

void vcpu_unload(struct vcpu *v)
{
	if (loaded_vcpu == v) {
		vcpu_el1_save(v);
		/*
		 * The EL1 timers are the PE's: left enabled, the vCPU's timer would fire here
		 * after it moved on (its PPI pending on a PE that no longer runs it). They
		 * are saved above and loaded again wherever the vCPU runs next.
		 */
		write_cntv_ctl_el0(0);
		write_cntp_ctl_el0(0);
		isb();
		loaded_vcpu = NULL;
	}
}

void vcpu_set_cptr_traps(struct vcpu *v, uint64_t traps)
{
	v->ctx.cptr_el2 = CPTR_EL2_RES1 | traps;
}

void vcpu_skip_insn(struct vcpu *v)
{
	if (vcpu_from_aarch32(v)) {
		vcpu32_skip_insn(v);
		return;
	}
	v->pc += 4;
}

void vcpu_reset_watchdog(struct vcpu *v)
{
	struct watchdog_limits lim =
		watchdog_limits(read_cntfrq_el0(), v->cfg.timeout_ms ?: timeout_ms);

	watchdog_restart(&v->watchdog, &lim);
}

/*
 * Put @v's EL1 context on the CPU unless it is there already: the previous vCPU's is saved
 * first when that vCPU still exists (several vCPUs of one instance take turns).
 */
static void vcpu_switch_to(struct vcpu *v)
{
	if (loaded_vcpu == v) {
		return;
	}
	if (loaded_vcpu) {
		vcpu_el1_save(loaded_vcpu);
	}
	vcpu_el1_load(v);
	loaded_vcpu = v;
}

static void vcpu_load_el2(struct vcpu *v)
{
	write_vttbr_el2(vm_vttbr(v->vm));
	write_vtcr_el2(v->vm->vtcr);
	write_hcr_el2(v->hcr);
	write_mdcr_el2(v->mdcr | vmm_hpmn);
	if (v->cfg.e2h) {
		/* Written by guest_enter_vhe() once E2H = 1, the layout they are meant for. */
		v->ctx.hcr_el2 = v->hcr | HCR_E2H;
		v->ctx.cnthctl_el2 = v->cnthctl;
	} else {
		write_cnthctl_el2(v->cnthctl);
	}
	/*
	 * With EL3, CNTPOFF_EL2 traps to EL3 unless SCR_EL3.ECVEn = 1, which EL2 cannot read
	 * (QEMU's direct kernel boot leaves it 0): only touch it without EL3 (timer.ecv skips).
	 */
	if (vmm_caps.ecv >= 2 && !vmm_caps.el3) {
		write_cntpoff_el2(v->cfg.cntpoff);
	}
	if (vmm_caps.nv >= 2) { /* FEAT_NV2 */
		write_vncr_el2(v->cfg.vncr);
	}
	write_cntvoff_el2(v->cfg.cntvoff);
	write_hstr_el2(0);
	write_vpidr_el2(read_midr_el1());
	write_vmpidr_el2(v->cfg.vmpidr ? v->cfg.vmpidr : read_mpidr_el1());
	if (vmm_caps.ras) {
		write_vsesr_el2(v->cfg.vsesr);
	}
	if (vmm_caps.fgt) {
		const uint64_t *n = vmm_caps.fgt_neutral, *t = v->cfg.fgt;

		write_hfgrtr_el2(n[FGT_HFGRTR] ^ t[FGT_HFGRTR]);
		write_hfgwtr_el2(n[FGT_HFGWTR] ^ t[FGT_HFGWTR]);
		write_hfgitr_el2(n[FGT_HFGITR] ^ t[FGT_HFGITR]);
		write_hdfgrtr_el2(n[FGT_HDFGRTR] ^ t[FGT_HDFGRTR]);
		write_hdfgwtr_el2(n[FGT_HDFGWTR] ^ t[FGT_HDFGWTR]);
	}
	if (vmm_caps.hcx) {
		write_hcrx_el2(vmm_caps.hcrx_neutral ^ v->cfg.hcrx);
	}
}

/* Harness state between runs (not between a service call and its resume): stage 2 off. */
static void vcpu_put(void)
{
	write_hcr_el2(HCR_RW);
	write_vttbr_el2(0);
	vgic_put();
}

/*
 * A vCPU powered on by CPU_ON starts afresh (DEN0022 6.4, "CPU_ON"): at the entry point, at
 * EL1h with DAIF masked, the MMU and caches off (SCTLR_EL1 RES1 bits only, whatever .sctlr_el1
 * said), x0 = the context id and every other GPR 0, the rest of its EL1 and virtual-interface
 * state as vcpu_create() made it, and a fresh watchdog budget. What this PE still holds of its
 * previous life is dropped, not saved.
 */
static void vcpu_power_on_reset(struct vcpu *v)
{
	if (loaded_vcpu == v) {
		loaded_vcpu = NULL;
	}
	vcpu_el1_init(v);
	v->el1.sctlr_el1 = SCTLR_EL1_RES1;
	for (unsigned i = 0; i < sizeof(v->ctx.x) / sizeof(v->ctx.x[0]); i++) {
		v->ctx.x[i] = 0;
	}
	v->ctx.x[0] = v->on_context_id;
	v->pc = v->on_entry;
	v->pstate = SPSR_M_EL1h | SPSR_DAIF;
	vcpu_reset_watchdog(v);
}

struct exit vcpu_run(struct vcpu *v)
{
	struct exit e;
	/*
	 * The watchdog counts from here until the return to the caller, EL2 work for the guest
	 * (the world switch, service calls, the slices' own exits) included, as the guest's time.
	 */
	uint64_t now = read_cntpct_el0();

	if (v->vm->psci) {
		switch (psci_vcpu_starting(v)) {
		case PSCI_STATE_OFF:
			return (struct exit){.reason = EXIT_PSCI_CPU_OFF};
		case PSCI_STATE_ON_PENDING:
			vcpu_power_on_reset(v);
			break;
		case PSCI_STATE_ON:
			break;
		}
	}
	vcpu_switch_to(v);
	/*
	 * Once per run, not per entry: a resume (service call, watchdog slice) finds the EL2
	 * state as the guest left it, including what the CPU changed meanwhile (taking the
	 * virtual SError clears HCR_EL2.VSE, ICH_HCR_EL2.EOIcount counts).
	 */
	vcpu_load_el2(v);
	vgic_load(v);
	for (;;) {
		write_elr_el2(v->pc);
		write_spsr_el2(v->pstate);
		/* CNTHP ends the watchdog's slice (an IRQ to EL2) and takes the CPU back. */
		write_cnthp_cval_el2(watchdog_arm(&v->watchdog, now));
		write_cnthp_ctl_el2(CNT_CTL_ENABLE);
		isb();

		unsigned slot = v->cfg.e2h ? guest_enter_vhe(&v->ctx) : guest_enter(&v->ctx);
		uint64_t timer = read_cnthp_ctl_el2();

		write_cnthp_ctl_el2(0);
		isb();
		now = read_cntpct_el0();
		bool out_of_time = watchdog_charge(&v->watchdog, now);

		if (v->cfg.e2h) {
			/* guest_enter_vhe() loads HCR_EL2 from the ctx: keep the live value. */
			v->ctx.hcr_el2 = read_hcr_el2() | HCR_E2H;
		}
		/*
		 * No libc call between an exit and the resume: newlib's memset and friends use
		 * the SIMD registers, which are still the guest's (the vmm does not switch them).
		 */
		e = (struct exit){
			.slot = slot,
			.esr = read_esr_el2(),
			.far = read_far_el2(),
			.hpfar = read_hpfar_el2(),
			.elr = read_elr_el2(),
			.spsr = read_spsr_el2(),
		};
		v->pc = e.elr;
		v->pstate = e.spsr;
		v->exit_esr = e.esr;

		if (exit_decode(v, &e, timer & CNT_CTL_ISTATUS, out_of_time) ==
		    EXIT_ACTION_RETURN) {
			vgic_save(v);
			vcpu_put();
			return e;
		}
	}
}

void vcpu_load_regime(struct vcpu *v)
{
	vcpu_switch_to(v);
	vcpu_load_el2(v);
	isb();
}

void vcpu_put_regime(void)
{
	vcpu_put();
	isb();
}
