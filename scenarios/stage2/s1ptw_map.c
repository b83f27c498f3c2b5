/* SPDX-License-Identifier: MIT */
/* The stage-1 chain of the stage2.s1ptw families (s1ptw_map.h). */
#include "s1ptw_map.h"

#include <stdio.h>

#include "arch/el2.h"
#include "arch/pte.h"
#include "s1_table.h"

/* Guest-RAM offsets: TTBR0's level-1 table, TTBR1's tables of levels 0..3, the page. */
#define S1_TTBR0_L1 0xc0000
#define S1_TTBR1_L0 0xc1000 /* level n at S1_TTBR1_L0 + n * 0x1000 */
#define S1_PAGE	    0xc5000

#define S1_ATTR (PTE_S1_ATTRIDX(0) | PTE_SH_INNER | PTE_AF) /* MAIR slot 0: Normal WB */

/* TCR_EL1: TTBR0 39-bit VAs (start level 1), TTBR1 48-bit (start level 0), 4K, WB walks. */
#define S1PTW_TCR                                                                                  \
	(TCR_T0SZ(25) | TCR_IRGN0_WBWA | TCR_ORGN0_WBWA | TCR_SH0_INNER | TCR_TG0_4K |             \
	 TCR_EL1_T1SZ(16) | TCR_EL1_IRGN1_WBWA | TCR_EL1_ORGN1_WBWA | TCR_EL1_SH1_INNER |          \
	 TCR_EL1_TG1_4K | 2ULL << TCR_EL1_IPS_SHIFT)

/* A descriptor of the chain at @level. */
static int put_desc(struct vm *vm, uint64_t table_ipa, uint64_t va, unsigned level, uint64_t d)
{
	return s1_put_desc(vm, table_ipa, va, S1_LEVEL_SHIFT(level), d);
}

/* The IPAs of the chain: guest RAM's, but the moved table's at the layout's IPA. */
static void plan(const struct s1ptw_layout *l, uint64_t ram, struct s1ptw_map *m)
{
	for (unsigned n = 0; n < 4; n++) {
		m->table_ipa[n] =
			(int)n == l->moved_level ? l->moved_ipa : ram + S1_TTBR1_L0 + 0x1000 * n;
	}
	m->page_ipa = ram + S1_PAGE;
	m->ttbr1 = m->table_ipa[0];
}

static int build(struct vm *vm, const struct s1ptw_layout *l, struct s1ptw_map *m)
{
	static const uint32_t code[] = {0xd2800000 | S1PTW_FETCH_STATUS << 5, 0xd65f03c0};
	uint64_t magic = S1PTW_MAGIC;
	uint64_t ram = vm->ram_ipa;
	uint64_t page = ((ram + S1_PAGE) | S1_ATTR | S1_DESC_PAGE | l->leaf_set) & ~l->leaf_clear;
	uint64_t guest_ram = ram | S1_ATTR | S1_DESC_BLOCK;
	int err = put_desc(vm, ram + S1_TTBR0_L1, ram, 1, guest_ram);

	for (unsigned n = 0; n < 4; n++) {
		m->table_pa[n] = (uint64_t)(uintptr_t)vm->ram + S1_TTBR1_L0 + 0x1000 * n;
	}
	m->page_desc_pa = m->table_pa[3] + 8 * ((S1PTW_VA >> 12) & 0x1ff);
	/* Descriptors are written at the tables' home IPAs: an alias shares their frames. */
	for (unsigned n = 0; n < 3; n++) {
		err = err || put_desc(vm, ram + S1_TTBR1_L0 + 0x1000 * n, S1PTW_VA, n,
				      m->table_ipa[n + 1] | S1_DESC_TABLE);
	}
	return err || put_desc(vm, ram + S1_TTBR1_L0 + 0x3000, S1PTW_VA, 3, page) ||
	       vm_load(vm, IPA(ram + S1_PAGE), code, sizeof(code)) ||
	       vm_load(vm, IPA(ram + S1_PAGE + S1PTW_MAGIC_OFFSET), &magic, sizeof(magic));
}

struct vcpu *s1ptw_start(struct scenario_ctx *c, const struct s1ptw_layout *l, uint64_t payload,
			 uint64_t va, uint64_t arg2, struct s1ptw_map *m)
{
	plan(l, GUEST_RAM_IPA, m);

	struct sc_setup s = {
		.payload = payload,
		.args = {va, 0, arg2},
		.vm = {.ipa_bits = S1PTW_IPA_BITS, .ram_pages_only = true, .s2_hw_af = l->s2_hw_af},
		.vcpu = {.hcr = l->hcr,
			 .tcr_el1 = S1PTW_TCR | l->tcr_extra,
			 .ttbr0_el1 = GUEST_RAM_IPA + S1_TTBR0_L1,
			 .ttbr1_el1 = m->ttbr1,
			 .mair_el1 = 0xff,
			 .sctlr_el1 = SCTLR_M | SCTLR_C | SCTLR_I},
	};
	struct vcpu *v = sc_start(c, &s);

	if (!v) {
		return NULL;
	}
	if (build(sc_vm(c), l, m)) {
		sc_fail(c, "could not build the stage-1 tables");
		return NULL;
	}
	return v;
}

/* IPAs (40-bit IPA space, guest RAM 1 MiB of pages at 0x40000000), all outside guest RAM. */
static const uint64_t s2_ipa[] = {
	[S2_UNMAPPED_1G] = 0xc0000000, [S2_UNMAPPED_2M] = 0x40800000, [S2_UNMAPPED_4K] = 0x40180000,
	[S2_RO] = 0x40600000,	       [S2_RO_PTW] = 0x40600000,      [S2_DEV_PTW] = 0x40600000,
	[S2_DEV] = 0x40600000,	       [S2_AF0] = 0x40600000,	      [S2_AF0_HA] = 0x40600000,
};

bool s1ptw_s2_unmapped(enum s1ptw_s2 k)
{
	return k == S2_UNMAPPED_1G || k == S2_UNMAPPED_2M || k == S2_UNMAPPED_4K;
}

/* Stage-2 attributes of the table's alias, for the mapped kinds. */
static uint64_t alias_attr(enum s1ptw_s2 k)
{
	if (k == S2_DEV || k == S2_DEV_PTW) {
		return PTE_AF | PTE_S2AP_RW | PTE_S2_MEMATTR(S2_MEMATTR_DEVICE_nGnRE);
	}
	if (k == S2_AF0 || k == S2_AF0_HA) {
		return PTE_SH_INNER | PTE_S2AP_RW | PTE_S2_MEMATTR(S2_MEMATTR_NORMAL_WB);
	}
	return PTE_AF | PTE_SH_INNER | PTE_S2AP_R | PTE_S2_MEMATTR(S2_MEMATTR_NORMAL_WB);
}

struct s1ptw_layout s1ptw_layout_for(unsigned level, enum s1ptw_s2 k)
{
	return (struct s1ptw_layout){.moved_level = (int)level,
				     .moved_ipa = s2_ipa[k],
				     .s2_hw_af = k == S2_AF0_HA,
				     .hcr = k == S2_DEV_PTW || k == S2_RO_PTW ? HCR_PTW : 0};
}

int s1ptw_map_table(struct scenario_ctx *c, enum s1ptw_s2 k, unsigned level,
		    const struct s1ptw_map *m)
{
	if (s1ptw_s2_unmapped(k) || !vm_map(sc_vm(c), IPA(m->table_ipa[level]),
					    PADDR(m->table_pa[level]), 4096, alias_attr(k))) {
		return 0;
	}
	sc_fail(c, "could not map the table's alias at stage 2");
	return -1;
}

const char *s1ptw_requires_ipa(char *why, size_t len)
{
	if (vmm_caps.ipa_bits >= S1PTW_IPA_BITS) {
		return NULL;
	}
	snprintf(why, len, "needs a %u-bit IPA space (ID_AA64MMFR0_EL1.PARange gives %u bits)",
		 S1PTW_IPA_BITS, vmm_caps.ipa_bits);
	return why;
}

struct s2w_regime s1ptw_regime(const struct vm *vm, uint64_t hcr)
{
	return (struct s2w_regime){.vtcr = vm->vtcr,
				   .baddr = (uint64_t)(uintptr_t)vm->root,
				   .ptw = (hcr & HCR_PTW) != 0,
				   .fwb = (hcr & HCR_FWB) != 0};
}

/* The harness runs identity-mapped at EL2: a table's PA is its address. */
static uint64_t read_phys(void *ctx, uint64_t pa)
{
	(void)ctx;
	return *(volatile const uint64_t *)(uintptr_t)pa;
}

void s1ptw_walk(const struct vm *vm, uint64_t hcr, uint64_t ipa, struct s2w_walk *w)
{
	struct s2w_regime r = s1ptw_regime(vm, hcr);

	s2w_walk(&r, read_phys, NULL, ipa, w);
}
