/* SPDX-License-Identifier: MIT */
/* The stage2.attr mapping (attr_map.h): stage-2 page, stage-1 tables in guest RAM. */
#include "attr_map.h"

#include "arch/el2.h"
#include "arch/pte.h"
#include "s1_table.h"

/* Where the stage-1 tables and the page's frame live in guest RAM (above the guest image). */
#define ATTR_S1_L1 (GUEST_RAM_IPA + 0xe0000)
#define ATTR_S1_L2 (GUEST_RAM_IPA + 0xe1000)
#define ATTR_S1_L3 (GUEST_RAM_IPA + 0xe2000)
#define ATTR_FRAME 0xd0000 /* offset in guest RAM of the frame ATTR_IPA maps to */

/* MAIR_EL1: slot 0 Normal WB for guest RAM, ATTR_MAIR_IDX the row's byte, the rest 0x00. */
#define RAM_MAIR_IDX  ATTR_RAM_MAIR_IDX
#define ATTR_MAIR_IDX 5

/* TCR_EL1: 39-bit VAs through TTBR0 (walk from level 1), 4K, inner-shareable WB walks. */
#define ATTR_TCR_EL1                                                                               \
	(TCR_T0SZ(25) | TCR_IRGN0_WBWA | TCR_ORGN0_WBWA | TCR_SH0_INNER | TCR_TG0_4K | TCR_EL1_EPD1)

/*
 * TTBCR for an AArch32 EL1 (TCR_EL1[31:0]): EAE = 1 (long descriptors), T0SZ = 0 (32-bit VAs
 * through TTBR0, walk from level 1: the same level-1 index VA[31:30] as VA[38:30] above for
 * VAs below 4 GiB, so the same tables serve), inner-shareable WB walks, EPD1.
 */
#define ATTR_TTBCR_LPAE (TTBCR_EAE | TCR_IRGN0_WBWA | TCR_ORGN0_WBWA | TCR_SH0_INNER | TCR_EL1_EPD1)

/* ATTR_VA: L1[VA[38:30]] -> L2[VA[29:21]] -> L3[VA[20:12]]; guest RAM: a block in L2. */
static int build_stage1(struct vm *vm, const struct s1_input *s1)
{
	/* AP[2:1] = 0b01: read/write at EL1 and EL0, for AT S12E1* and S12E0* alike. */
	uint64_t page = ATTR_IPA | PTE_S1_ATTRIDX(ATTR_MAIR_IDX) | (uint64_t)s1->sh << 8 |
			PTE_S1_AP_EL0 | PTE_AF | S1_DESC_PAGE;
	uint64_t ram = GUEST_RAM_IPA | PTE_S1_ATTRIDX(RAM_MAIR_IDX) | PTE_SH_INNER | PTE_AF |
		       S1_DESC_BLOCK;

	_Static_assert((ATTR_VA >> 30) == (GUEST_RAM_IPA >> 30), "one level-1 entry for both");
	return s1_put_desc(vm, ATTR_S1_L1, ATTR_VA, 30, ATTR_S1_L2 | S1_DESC_TABLE) ||
	       s1_put_desc(vm, ATTR_S1_L2, ATTR_VA, 21, ATTR_S1_L3 | S1_DESC_TABLE) ||
	       s1_put_desc(vm, ATTR_S1_L2, GUEST_RAM_IPA, 21, ram) ||
	       s1_put_desc(vm, ATTR_S1_L3, ATTR_VA, 12, page);
}

struct vcpu *attr_map_start(struct scenario_ctx *c, const struct attr_case *k, uint64_t payload,
			    uint64_t arg, uint64_t *pa)
{
	struct sc_setup s = {
		.payload = payload,
		.args = {arg},
		.vcpu = {.hcr = (k->fwb ? HCR_FWB : 0) | k->hcr,
			 .aarch32 = k->aarch32,
			 .tcr_el1 = k->aarch32 ? ATTR_TTBCR_LPAE : ATTR_TCR_EL1,
			 .ttbr0_el1 = ATTR_S1_L1,
			 .mair_el1 = 0xffULL << (8 * RAM_MAIR_IDX) | (uint64_t)k->s1.mair_attr
									     << (8 * ATTR_MAIR_IDX),
			 .sctlr_el1 = k->s1.off ? 0 : SCTLR_M | SCTLR_C | SCTLR_I},
	};
	struct vcpu *v = sc_start(c, &s);

	if (!v) {
		return NULL;
	}
	struct vm *vm = sc_vm(c);

	*pa = (uint64_t)(uintptr_t)vm->ram + ATTR_FRAME;
	if (vm_map(vm, IPA(ATTR_IPA), PADDR(*pa), 4096,
		   PTE_AF | (uint64_t)k->s2_sh << 8 | PTE_S2AP_RW |
			   PTE_S2_MEMATTR(k->s2_memattr)) ||
	    (!k->s1.off && build_stage1(vm, &k->s1))) {
		sc_fail(c, "could not build the stage-1 or stage-2 mapping");
		return NULL;
	}
	return v;
}

int attr_map_s1_put(struct vm *vm, unsigned level, uint64_t va, uint64_t desc)
{
	if (level == 1) {
		return s1_put_desc(vm, ATTR_S1_L1, va, 30, desc);
	}
	if (level == 2 && (va >> 30) == (ATTR_VA >> 30)) {
		return s1_put_desc(vm, ATTR_S1_L2, va, 21, desc);
	}
	return -1;
}
