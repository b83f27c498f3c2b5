/* SPDX-License-Identifier: MIT */
/* The el2.* scratch mappings (el2_map.h). */
#include "el2_map.h"

#include <string.h>

#include "arch/el2.h"
#include "arch/idfields.h"
#include "arch/sysreg.h"
#include "kalloc.h"
#include "mmu.h"

#define OA_MASK 0x0000fffffffff000ULL
#define RET	0xd65f03c0U /* A64 RET (x30) */

static unsigned level_shift(int level)
{
	return 12 + 9 * (3 - (unsigned)level);
}

static uint64_t table_desc(const uint64_t *t)
{
	return (uintptr_t)t | EL2_D_PAGE;
}

static uint64_t *zeroed_page(void)
{
	uint64_t *p = kalloc_pages(1, 4096);

	if (p) {
		memset(p, 0, 4096);
	}
	return p;
}

bool el2_map_start(struct scenario_ctx *c, struct el2_map *m)
{
	memset(m, 0, sizeof(*m));
	m->base = mmu_scratch_va();
	if (!m->base) {
		sc_fail(c, "the harness's EL2 table has no free level-0 entry for test mappings");
		return false;
	}
	m->l0 = zeroed_page();
	m->l1 = zeroed_page();
	m->l2 = zeroed_page();
	m->l3 = zeroed_page();
	m->data = zeroed_page();
	if (!m->l0 || !m->l1 || !m->l2 || !m->l3 || !m->data) {
		el2_map_end(m);
		sc_fail(c, "out of pages for the test tables");
		return false;
	}
	/* Data: a RET first (fetch rows), then a pattern the loads can recognise. */
	((uint32_t *)m->data)[0] = RET;
	((uint32_t *)m->data)[1] = RET;
	for (unsigned i = 1; i < 512; i++) {
		m->data[i] = 0x0102030405060708ULL * i ^ 0xa5a5a5a500000000ULL;
	}
	m->l1[0] = table_desc(m->l2);
	m->l2[0] = table_desc(m->l3);
	/* TTBR1_EL2 root for T1SZ = 16: the top level-0 entry, where upper VAs index. */
	m->l0[511] = table_desc(m->l1);
	/* Everything to the PoC: Device and Non-cacheable aliases, and the walks, see it. */
	kcache_clean_inval(m->data, 4096);
	kcache_clean_inval(m->l0, 4096);
	kcache_clean_inval(m->l1, 4096);
	kcache_clean_inval(m->l2, 4096);
	kcache_clean_inval(m->l3, 4096);
	ic_iallu();
	dsb_ish();
	isb();
	m->mair_saved = read_mair_el2();
	write_mair_el2((m->mair_saved & 0xffffffffULL) | EL2_MAIR_EXTRA);
	isb();
	m->root_desc = table_desc(m->l1);
	mmu_scratch_set(m->root_desc);
	return true;
}

uint64_t el2_map_leaf(struct el2_map *m, int level, uint64_t desc, uint64_t extra_oa,
		      uint64_t table_attrs)
{
	uint64_t pa = (uintptr_t)m->data;
	unsigned shift = level_shift(level);
	uint64_t oa = pa & ~((1ULL << shift) - 1) & OA_MASK;
	uint64_t leaf = (desc & 1) ? desc | oa | extra_oa : desc;
	/*
	 * Levels 1 and 2: the leaf sits at index 1 of its table (index 0 is the way down) and maps
	 * the data page at its offset in the block; level 3: index 0; level 0: the scratch entry.
	 */
	uint64_t va = m->base;

	if (level == 1 || level == 2) {
		va += (1ULL << shift) + (pa & ((1ULL << shift) - 1) & ~0xfffULL);
	}

	m->l2[0] = table_desc(m->l3) | table_attrs;
	switch (level) {
	case 0:
		m->root_desc = leaf;
		break;
	case 1:
		m->l1[1] = leaf;
		break;
	case 2:
		m->l2[1] = leaf;
		break;
	default:
		m->l3[0] = leaf;
		break;
	}
	dsb_ish();
	mmu_scratch_set(m->root_desc);
	return va;
}

void el2_map_walk(const uint64_t *root, int start, uint64_t va, struct el2_walk *w)
{
	const uint64_t *t = root;

	memset(w, 0, sizeof(*w));
	for (int level = start; level <= 3 && t; level++) {
		uint64_t d = t[(va >> level_shift(level)) & 0x1ff];

		w->desc[level] = d;
		if ((d & 3) != 3 || level == 3) {
			break;
		}
		t = (const uint64_t *)(uintptr_t)(d & OA_MASK);
	}
}

void el2_map_walk_harness(uint64_t va, struct el2_walk *w)
{
	el2_map_walk((const uint64_t *)(uintptr_t)mmu_ttbr0(), 0, va, w);
}

void el2_map_end(struct el2_map *m)
{
	if (m->base && m->mair_saved) {
		mmu_scratch_set(0);
		write_mair_el2(m->mair_saved);
		isb();
	}
	uint64_t *pages[] = {m->l0, m->l1, m->l2, m->l3, m->data};

	for (unsigned i = 0; i < sizeof(pages) / sizeof(pages[0]); i++) {
		if (pages[i]) {
			kfree_pages(pages[i], 1);
		}
	}
	memset(m, 0, sizeof(*m));
}

struct el2_regime el2_regime_now(void)
{
	uint64_t sctlr = read_sctlr_el2(), tcr = read_tcr_el2();

	return (struct el2_regime){
		.mmu = sctlr & SCTLR_M,
		.align = sctlr & SCTLR_A,
		.wxn = sctlr & SCTLR_WXN,
		.mair = read_mair_el2(),
		.va_bits0 = 64 - (unsigned)(tcr & 0x3f),
		.pa_bits = mmu_parange_bits((unsigned)FIELD_GET(tcr, TCR_EL2_PS_SHIFT, 3)),
		.lse2 = FIELD_GET(read_id_aa64mmfr2_el1(), ID_MMFR2_AT_SHIFT, 4) != 0,
	};
}
