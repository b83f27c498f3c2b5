/* SPDX-License-Identifier: MIT */
/* The stage2.perm mapping (perm_map.h): stage-2 page with the row's permissions, two aliases. */
#include "perm_map.h"

#include "arch/el2.h"
#include "arch/pte.h"
#include "s1_table.h"

/* Stage-1 tables and the page's frame in guest RAM, above the guest image. */
#define PERM_S1_L1 (GUEST_RAM_IPA + 0xe0000)
#define PERM_S1_L2 (GUEST_RAM_IPA + 0xe1000)
#define PERM_S1_L3 (GUEST_RAM_IPA + 0xe2000)
#define PERM_FRAME 0xd0000 /* offset in guest RAM of the frame PERM_IPA maps to */

/* TCR_EL1: 39-bit VAs through TTBR0 (walk from level 1), 4K, inner-shareable WB walks. */
#define PERM_TCR_EL1                                                                               \
	(TCR_T0SZ(25) | TCR_IRGN0_WBWA | TCR_ORGN0_WBWA | TCR_SH0_INNER | TCR_TG0_4K | TCR_EL1_EPD1)
#define PERM_MAIR_EL1 0xffULL /* Attr0: Normal Inner/Outer Write-Back RW-allocate */

#define S1_NORMAL (PTE_S1_ATTRIDX(0) | PTE_SH_INNER | PTE_AF)

/* Instructions written into the page (A64 encodings). */
#define A64_MOVZ_W0(imm) (0x52800000u | (uint32_t)(imm) << 5) /* MOVZ W0, #imm */
#define A64_RET		 0xd65f03c0u
#define A64_SVC(imm)	 (0xd4000001u | (uint32_t)(imm) << 5)

/*
 * Guest RAM: a level-2 block, EL1 read/write/execute, EL0 nothing (AP[2:1] = 0b00, UXN). The
 * data alias: AP[2:1] = 0b01 (EL1 and EL0 read/write, so AT S12E0W passes stage 1), PXN and
 * UXN. The code alias: AP[2:1] = 0b11 (read-only at both), executable at both: writable at EL0
 * would make it PXN (AArch64.S1ComputePermissions()). The EL0 text alias: guest RAM as a
 * block, read-only at both, executable at EL0 only.
 */
static int build_stage1(struct vm *vm, uint64_t ipa)
{
	uint64_t ram = GUEST_RAM_IPA | S1_NORMAL | PTE_S1_UXN | S1_DESC_BLOCK;
	uint64_t data = ipa | S1_NORMAL | PTE_S1_AP_EL0 | PTE_S1_PXN | PTE_S1_UXN | S1_DESC_PAGE;
	uint64_t code = ipa | S1_NORMAL | PTE_S1_AP_EL0 | PTE_S1_AP_RO | S1_DESC_PAGE;
	uint64_t el0_text = GUEST_RAM_IPA | S1_NORMAL | PTE_S1_AP_EL0 | PTE_S1_AP_RO | PTE_S1_PXN |
			    S1_DESC_BLOCK;

	_Static_assert((PERM_DATA_VA >> 30) == (GUEST_RAM_IPA >> 30), "one level-1 entry");
	_Static_assert((PERM_DATA_VA >> 21) == (PERM_CODE_VA >> 21), "one level-3 table");
	_Static_assert((PERM_EL0_TEXT_VA >> 30) == (GUEST_RAM_IPA >> 30), "one level-1 entry");
	return s1_put_desc(vm, PERM_S1_L1, GUEST_RAM_IPA, 30, PERM_S1_L2 | S1_DESC_TABLE) ||
	       s1_put_desc(vm, PERM_S1_L2, GUEST_RAM_IPA, 21, ram) ||
	       s1_put_desc(vm, PERM_S1_L2, PERM_DATA_VA, 21, PERM_S1_L3 | S1_DESC_TABLE) ||
	       s1_put_desc(vm, PERM_S1_L3, PERM_DATA_VA, 12, data) ||
	       s1_put_desc(vm, PERM_S1_L3, PERM_CODE_VA, 12, code) ||
	       s1_put_desc(vm, PERM_S1_L2, PERM_EL0_TEXT_VA, 21, el0_text);
}

static int fill_page(struct vm *vm)
{
	const uint32_t code[] = {A64_MOVZ_W0(PERM_EL1_MARK), A64_RET, A64_SVC(PERM_EL0_SVC)};
	uint64_t data = PERM_DATA_INIT;
	uint64_t frame = GUEST_RAM_IPA + PERM_FRAME;

	_Static_assert(PERM_CODE_EL0 == PERM_CODE_EL1 + 8, "code layout");
	return vm_load(vm, IPA(frame + PERM_CODE_EL1), code, sizeof(code)) ||
	       vm_load(vm, IPA(frame + PERM_DATA_OFF), &data, sizeof(data));
}

static uint64_t leaf_size(unsigned level)
{
	return level == 1 ? 1ULL << 30 : level == 2 ? 1ULL << 21 : 4096;
}

struct vcpu *perm_map_start(struct scenario_ctx *c, struct perm_map *m)
{
	struct sc_setup s = {
		.payload = m->payload,
		.args = {m->args[0], m->args[1], m->args[2]},
		.vcpu = {.tcr_el1 = PERM_TCR_EL1,
			 .ttbr0_el1 = PERM_S1_L1,
			 .mair_el1 = PERM_MAIR_EL1,
			 .sctlr_el1 = SCTLR_M | SCTLR_C | SCTLR_I | SCTLR_EL1_UCI | SCTLR_EL1_DZE},
	};
	struct vcpu *v = sc_start(c, &s);

	if (!v) {
		return NULL;
	}
	struct vm *vm = sc_vm(c);
	/* Normal Outer/Inner Write-Back, Inner Shareable, AF set: only S2AP and XN vary. */
	uint64_t s2attr = PTE_AF | PTE_SH_INNER | PTE_S2_MEMATTR(S2_MEMATTR_NORMAL_WB) |
			  (uint64_t)(m->s2ap & 3) << 6 | (uint64_t)(m->xn & 3) << 53;
	uint64_t size = leaf_size(m->level);
	uint64_t leaf_ipa = m->level == 1 ? PERM_IPA_L1 : PERM_IPA;

	m->pa = (uint64_t)(uintptr_t)vm->ram + PERM_FRAME;
	m->ipa = leaf_ipa + (m->pa & (size - 1));
	if (vm_map(vm, IPA(leaf_ipa), PADDR(m->pa & ~(size - 1)), size, s2attr) ||
	    build_stage1(vm, m->ipa) || fill_page(vm)) {
		sc_fail(c, "could not build the stage-1 or stage-2 mapping");
		return NULL;
	}
	return v;
}

uint64_t perm_map_data(struct scenario_ctx *c)
{
	const volatile uint64_t *p =
		vm_ram_ptr(sc_vm(c), IPA(GUEST_RAM_IPA + PERM_FRAME + PERM_DATA_OFF), 8);

	return p ? *p : ~0ULL;
}
