/* SPDX-License-Identifier: MIT */
/*
 * vCPUs whose EL1 runs in AArch32 state (HCR_EL2.RW = 0): the initial PSTATE and banked stack
 * pointers, the EL1 state that has no AArch64 EL1 register, and skipping a trapped A32/T32
 * instruction. The AArch32 registers live in the low halves of X0-X30 ("Mapping of the
 * general-purpose registers between the Execution states"), so the world switch is the same.
 */
#include "arch/el2.h"
#include "arch/esr.h"
#include "arch/psr32.h"
#include "arch/sysreg.h"
#include "vmm_internal.h"

/*
 * AArch32 SCTLR at entry: the RES1 bits of the Armv8.0 layout, bits 3 and 4 (nTLSMD and
 * LSMAOE where FEAT_LSMAOC exists: 1 = no alignment trap of LDM/STM to Device memory, which
 * every access is with the MMU off), 11, 22 and 23. TE (bit 30) = 0: exceptions in A32; V (bit
 * 13) = 0: vectors at VBAR; EE = 0: little-endian.
 */
#define SCTLR32_INIT (BIT(3) | BIT(4) | BIT(11) | BIT(22) | BIT(23))

/* Banked stack pointers (the AArch64 view of SP in each mode): 16K for SVC, 4K for the rest. */
static const struct {
	unsigned x;	/* X register holding the mode's SP */
	unsigned below; /* pages below the top of guest RAM */
} banked_sp[] = {
	{19, 0}, /* SP_svc: the payload's stack */
	{23, 4}, /* SP_und */
	{21, 5}, /* SP_abt */
	{17, 6}, /* SP_irq */
	{29, 7}, /* SP_fiq */
	{13, 8}, /* SP_usr */
};

void vcpu32_init(struct vcpu *v)
{
	uint64_t top = v->vm->ram_ipa + v->vm->ram_size;

	v->hcr &= ~HCR_RW; /* RW = 0: EL1 is AArch32 */
	/*
	 * The AArch32 view of SCTLR, with the config's bits (M, C, I have the AArch64 positions);
	 * DACR and IFSR (no EL1 register) start at 0.
	 */
	v->el1.sctlr_el1 = SCTLR32_INIT | v->cfg.sctlr_el1;
	/* Supervisor mode, asynchronous exceptions masked; bit 0 of the entry selects T32. */
	v->pstate = v->cfg.spsr ? v->cfg.spsr : (PSR32_M_SVC | PSR32_A | PSR32_I | PSR32_F);
	if (v->pc & 1) {
		v->pstate |= PSR32_T;
		v->pc &= ~1ULL;
	}
	for (unsigned i = 0; i < sizeof(banked_sp) / sizeof(banked_sp[0]); i++) {
		v->ctx.x[banked_sp[i].x] = top - banked_sp[i].below * 0x1000;
	}
}

bool vcpu_from_aarch32(const struct vcpu *v)
{
	return (v->pstate & PSR32_M_RW) != 0;
}

/*
 * The trapped instruction is 2 bytes when ESR_EL2.IL = 0 (16-bit T32), else 4. In an IT block
 * the skipped instruction still consumes its ITSTATE slot (AArch32.ITAdvance(); KVM does the
 * same in kvm_adjust_itstate()).
 */
void vcpu32_skip_insn(struct vcpu *v)
{
	v->pc += esr_il(v->exit_esr) ? 4 : 2;
	if (v->pstate & PSR32_T) {
		v->pstate = psr32_it_advance(v->pstate);
	}
}
