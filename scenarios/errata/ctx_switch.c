/* SPDX-License-Identifier: MIT */
/*
 * errata.1319367.switch: world switches between two VMs whose stage 1 maps one VA, with the
 * same ASID, to different IPAs; each VM's guest reads and AT S12E1R from EL2 must use exactly
 * the context that is current.
 *
 * Cortex-A57/A72 1319367 (and A57 1319537), A76 1165522, A55 1530923 ("Speculative AT
 * instruction using out-of-context translation regime could cause subsequent request to
 * generate an incorrect translation", Linux ARM64_WORKAROUND_SPECULATIVE_AT; KVM orders its
 * world switch around it: __load_stage2() / __sysreg_restore_el1_state() set TCR_EL1.EPD0/1
 * and SCTLR_EL1.M so that no walk can start from a half-restored EL1 regime). Speculation
 * cannot be forced from software (scenarios/errata/README.md), so this builds the state in
 * which the erratum leaves a wrong entry and checks that none is ever used: hyptap's own
 * world switch (vmm/vcpu_el1.c, vmm/entry.S), which loads a vCPU's EL1 registers and its
 * VM's VTTBR_EL2, alternates VM A and VM B ROUNDS times, and between entries the vmm runs
 * AT S12E1R of the VA in each vCPU's regime (vcpu_at_s12()), A's right after B ran and
 * B's right after A ran.
 *
 * Layout, per VM v: stage 1 (in v's RAM) maps CTX_VA to IPA s1_ipa[v]; v's stage 2 maps
 * s1_ipa[v] to v's own page and the other VM's s1_ipa to a "mix" page; each page holds a value
 * that names it. Oracle: scenarios/model/ctx_switch_model.c (own page only). On an affected
 * core the erratum would show as a read (or PAR_EL1) of the mix page: an entry that combined
 * one VM's stage 1 with the other's stage 2.
 */
#include "arch/el2.h"
#include "arch/pte.h"
#include "ctx_switch_model.h"
#include "esr_model.h"
#include "hvc.h"
#include "scenario.h"

#define CTX_ROUNDS 16
#define CTX_VA	   0x80000000ULL
#define CTX_HVC	   0x1319

/* Guest-RAM offsets: the stage-1 tables, then the own and mix pages. */
#define TBL_L1	 0xe0000
#define TBL_L2	 0xe1000
#define TBL_L3	 0xe2000
#define PAGE_OWN 0xe3000
#define PAGE_MIX 0xe4000

static const uint64_t s1_ipa[2] = {0x50000000, 0x50001000};

#define ATTR_S1 (PTE_S1_ATTRIDX(0) | PTE_SH_INNER | PTE_AF)
#define ATTR_S2 (PTE_AF | PTE_SH_INNER | PTE_S2AP_RW | PTE_S2_MEMATTR(S2_MEMATTR_NORMAL_WB))
#define CTX_TCR                                                                                    \
	(TCR_T0SZ(25) | TCR_IRGN0_WBWA | TCR_ORGN0_WBWA | TCR_SH0_INNER | TCR_TG0_4K |             \
	 TCR_EL1_EPD1 | 2ULL << TCR_EL1_IPS_SHIFT)

static const struct ctx_pages pages = {.own = {0x0a0a0a0a, 0x0b0b0b0b},
				       .mix = {0x0a1a0a1a, 0x0b1b0b1b}};

static int put(struct vm *vm, uint64_t off, uint64_t value)
{
	return vm_load(vm, IPA(GUEST_RAM_IPA + off), &value, sizeof(value));
}

/* VM @v's stage 1 (in its RAM), its two stage-2 aliases and the values of its pages. */
static int build(struct vm *vm, unsigned v)
{
	uint64_t ram = (uint64_t)(uintptr_t)vm->ram;

	return put(vm, TBL_L1 + 8 * (GUEST_RAM_IPA >> 30), GUEST_RAM_IPA | ATTR_S1 | 1) ||
	       put(vm, TBL_L1 + 8 * (CTX_VA >> 30), (GUEST_RAM_IPA + TBL_L2) | 3) ||
	       put(vm, TBL_L2 + 8 * ((CTX_VA >> 21) & 0x1ff), (GUEST_RAM_IPA + TBL_L3) | 3) ||
	       put(vm, TBL_L3 + 8 * ((CTX_VA >> 12) & 0x1ff), s1_ipa[v] | ATTR_S1 | 3) ||
	       put(vm, PAGE_OWN, pages.own[v]) || put(vm, PAGE_MIX, pages.mix[v]) ||
	       vm_map(vm, IPA(s1_ipa[v]), PADDR(ram + PAGE_OWN), 4096, ATTR_S2) ||
	       vm_map(vm, IPA(s1_ipa[!v]), PADDR(ram + PAGE_MIX), 4096, ATTR_S2);
}

static const char *seen_name(enum ctx_seen s)
{
	return s == CTX_MIX   ? "the other VM's stage 1 through this VM's stage 2"
	       : s == CTX_OWN ? "its own page"
			      : "neither its own page nor the mix";
}

/* One guest read in VM @v, then AT S12E1R there and in the other VM. */
static bool round_of(struct scenario_ctx *c, struct vcpu *const vc[2], struct vm *const vm[2],
		     unsigned v)
{
	uint64_t seen, par;
	struct exit e = sc_run_vcpu(c, vc[v]);

	if (!sc_expect_exit(c, &e, EXIT_HVC, esr_expect_hvc64(CTX_HVC), e.elr) ||
	    !sc_report(c, GREPORT_USER, &seen)) {
		return false;
	}
	if (!ctx_permitted(&pages, v, seen)) {
		sc_fail(c, "VM %c read 0x%llx: %s", 'A' + v, (unsigned long long)seen,
			seen_name(ctx_classify(&pages, v, seen)));
		return false;
	}
	for (unsigned k = 0; k < 2; k++) {
		unsigned w = v ^ k;
		uint64_t own = (uint64_t)(uintptr_t)vm[w]->ram + PAGE_OWN;

		if (vcpu_at_s12(vc[w], AT_S12E1R, CTX_VA, &par)) {
			sc_fail(c, "vcpu_at_s12 failed");
			return false;
		}
		if ((par & PAR_F) || (par & PAR_PA_MASK) != own) {
			sc_fail(c, "AT S12E1R in VM %c gave PAR_EL1 0x%llx, architected PA 0x%llx",
				'A' + w, (unsigned long long)par, (unsigned long long)own);
			return false;
		}
	}
	return true;
}

static void run_ctx_switch(struct scenario_ctx *c, const void *row)
{
	(void)row;
	struct sc_setup s = {.payload = GSYM(gp_ctx_read),
			     .args = {CTX_VA},
			     .vcpu = {.tcr_el1 = CTX_TCR,
				      .ttbr0_el1 = GUEST_RAM_IPA + TBL_L1,
				      .mair_el1 = 0xff,
				      .sctlr_el1 = SCTLR_M | SCTLR_C | SCTLR_I}};
	struct vcpu *vc[2];
	struct vm *vm[2];

	vc[0] = sc_start(c, &s);
	if (!vc[0]) {
		return;
	}
	vm[0] = sc_vm(c);
	vm[1] = sc_add_vm(c, &s);
	vc[1] = vm[1] ? sc_add_vcpu(c, vm[1], &s) : NULL;
	if (!vc[1]) {
		return;
	}
	if (build(vm[0], 0) || build(vm[1], 1)) {
		sc_fail(c, "could not build the two contexts");
		return;
	}
	sc_diag(c, "vmids", "A %u, B %u", vm[0]->vmid, vm[1]->vmid);
	for (unsigned round = 0; round < CTX_ROUNDS; round++) {
		sc_diag(c, "round", "%u", round);
		if (!round_of(c, vc, vm, 0) || !round_of(c, vc, vm, 1)) {
			return;
		}
	}
}

SCENARIO(errata_1319367_switch, .id = "errata.1319367.switch",
	 .rule = "a TLB entry is used only for the VMID and ASID it was made for (D8.16), so "
		 "across world switches between two VMs whose stage 1 maps one VA (same ASID) to "
		 "different IPAs, each guest's read and AT S12E1R from EL2 in its regime give its "
		 "own stage 1 through its own stage 2, never one VM's stage 1 through the other's "
		 "stage 2",
	 .run = run_ctx_switch,
	 .control = "VTTBR_EL2 and the EL1 translation registers on a "
		    "world switch");
