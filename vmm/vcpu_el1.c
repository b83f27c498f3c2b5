/* SPDX-License-Identifier: MIT */
/*
 * A vCPU's EL1 context (vcpu_el1.h): its initial value, and the switch between vCPUs. The
 * harness itself never uses EL1, so the physical EL1 registers stay live across a vCPU's exits
 * and are only saved when another vCPU is loaded onto the CPU: an instance with one vCPU never
 * pays for a save, and several vCPUs of one instance take turns without seeing each other's
 * state.
 */
#include "arch/el2.h"
#include "arch/sysreg.h"
#include "vmm.h"
#include "vmm_internal.h"

void vcpu_el1_init(struct vcpu *v)
{
	const struct vcpu_config *cfg = &v->cfg;
	uint64_t ram_top = v->vm->ram_ipa + v->vm->ram_size;

	/*
	 * MMU and caches off unless the config gives stage-1 registers and SCTLR_EL1 bits; the
	 * runtime's vectors and stack (guest/start.S relies on VBAR_EL1 and SP_EL1 being set).
	 * Every other register of the list starts at 0.
	 */
	v->el1 = (struct vcpu_el1){
		.sctlr_el1 = SCTLR_EL1_RES1 | cfg->sctlr_el1,
		.tcr_el1 = cfg->tcr_el1,
		.ttbr0_el1 = cfg->ttbr0_el1,
		.ttbr1_el1 = cfg->ttbr1_el1,
		.mair_el1 = cfg->mair_el1,
		.vbar_el1 = cfg->vbar,
		.cpacr_el1 = 3ULL << 20, /* FPEN: FP/SIMD usable at EL1 and EL0 */
		.sp_el1 = ram_top,
		.sp_el0 = ram_top - 0x4000,
		.cntv_ctl_el0 = cfg->timer_ctl,
		.cntp_ctl_el0 = cfg->timer_ctl,
		.mdscr_el1 = cfg->debug.mdscr,
		.dbgbvr0_el1 = cfg->debug.bvr0,
		.dbgbcr0_el1 = cfg->debug.bcr0,
		.dbgwvr0_el1 = cfg->debug.wvr0,
		.dbgwcr0_el1 = cfg->debug.wcr0,
	};
	vgic_init(&v->vgic, cfg);
}

void vcpu_el1_save(struct vcpu *v)
{
#define VCPU_EL1_SAVE(reg) v->el1.reg = read_##reg();
	VCPU_EL1_SYSREGS(VCPU_EL1_SAVE)
#undef VCPU_EL1_SAVE
	if (v->cfg.aarch32) {
		v->el1.dacr32_el2 = read_dacr32_el2();
		v->el1.ifsr32_el2 = read_ifsr32_el2();
	}
}

void vcpu_el1_load(const struct vcpu *v)
{
	/* Debug: the OS Lock (set at cold reset) would hide every debug exception. */
	write_oslar_el1(0);
#define VCPU_EL1_LOAD(reg) write_##reg(v->el1.reg);
	VCPU_EL1_SYSREGS(VCPU_EL1_LOAD)
#undef VCPU_EL1_LOAD
	if (v->cfg.aarch32) {
		write_dacr32_el2(v->el1.dacr32_el2);
		write_ifsr32_el2(v->el1.ifsr32_el2);
	}
}
