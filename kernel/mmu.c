/* SPDX-License-Identifier: MIT */
/*
 * The harness's own EL2 stage-1 translation: an identity map built with the generic walker
 * (kernel/pgtable.c). 4K granule, 48-bit VA, SCTLR_EL2.WXN set so that no writable page is
 * ever executable. Compiled with -mstrict-align: the first half runs with the MMU off.
 */
#include "arch/el2.h"
#include "arch/pte.h"
#include "arch/sysreg.h"
#include "mmu.h"
#include "pgtable.h"
#include "smp.h"

#define MMU_POOL_TABLES 64
#define VA_BITS		48

static uint64_t mmu_pool[MMU_POOL_TABLES][512] __attribute__((aligned(4096)));
static unsigned mmu_pool_used;
static uint64_t *mmu_root;
static struct pgt_geom mmu_geom;

#define ATTR_COMMON (PTE_AF | PTE_S1_AP1_RES1)
#define ATTR_TEXT   (ATTR_COMMON | PTE_S1_ATTRIDX(MAIR_IDX_NORMAL_WB) | PTE_SH_INNER | PTE_S1_AP_RO)
#define ATTR_RODATA (ATTR_TEXT | PTE_S1_XN)
#define ATTR_DATA   (ATTR_COMMON | PTE_S1_ATTRIDX(MAIR_IDX_NORMAL_WB) | PTE_SH_INNER | PTE_S1_XN)
#define ATTR_DEVICE (ATTR_COMMON | PTE_S1_ATTRIDX(MAIR_IDX_DEVICE_nGnRE) | PTE_S1_XN)

/* Tables come pre-zeroed: the pool is in .bss, which head.S cleared. */
static void *mmu_alloc_table(void *ctx, size_t size)
{
	(void)ctx;
	if (size != 4096 || mmu_pool_used >= MMU_POOL_TABLES) {
		return NULL;
	}
	return mmu_pool[mmu_pool_used++];
}

/* The harness's own map only grows: its tables are never given back. */
static void mmu_free_table(void *ctx, void *table, size_t size)
{
	(void)ctx;
	(void)table;
	(void)size;
}

static const struct pgt_mm mmu_mm = {.alloc_table = mmu_alloc_table, .free_table = mmu_free_table};

static int mmu_map(uint64_t start, uint64_t end, uint64_t attr)
{
	start &= ~0xfffULL;
	end = (end + 0xfff) & ~0xfffULL;
	if (end <= start) {
		return 0;
	}
	return pgt_map(&mmu_geom, mmu_root, start, start, end - start, attr, 0, &mmu_mm);
}

unsigned mmu_parange_bits(unsigned parange)
{
	static const unsigned bits[] = {32, 36, 40, 42, 44, 48, 52};

	return parange < sizeof(bits) / sizeof(bits[0]) ? bits[parange] : 0;
}

static void mmu_scratch_init(void);
static uint64_t dtb_start, dtb_end;
static unsigned mmu_out_bits;

unsigned mmu_pa_bits(void)
{
	return mmu_out_bits;
}

int mmu_early_init(const void *dtb, size_t dtb_size)
{
	uint64_t mmfr0 = read_id_aa64mmfr0_el1();
	unsigned ps = MMFR0_PARANGE(mmfr0);
	int rc;

	if (ps > 5) {
		ps = 5; /* 48 bits is all a 4K-granule, non-LPA2 map can output */
	}
	mmu_out_bits = mmu_parange_bits(ps);
	if (pgt_geom_init(&mmu_geom, 12, VA_BITS)) {
		return -1;
	}
	mmu_root = mmu_alloc_table(0, 4096);
	dtb_start = (uintptr_t)dtb;
	dtb_end = (uintptr_t)dtb + dtb_size;

	rc = mmu_map((uintptr_t)__image_start, (uintptr_t)__text_end, ATTR_TEXT);
	rc |= mmu_map((uintptr_t)__text_end, (uintptr_t)__rodata_end, ATTR_RODATA);
	rc |= mmu_map((uintptr_t)__rodata_end, (uintptr_t)__image_end, ATTR_DATA);
	rc |= mmu_map(dtb_start, dtb_end, ATTR_RODATA);
	if (rc) {
		return -1;
	}

	write_mair_el2(MAIR_DEVICE_nGnRnE << (8 * MAIR_IDX_DEVICE_nGnRnE) |
		       MAIR_DEVICE_nGnRE << (8 * MAIR_IDX_DEVICE_nGnRE) |
		       MAIR_NORMAL_WB << (8 * MAIR_IDX_NORMAL_WB) |
		       MAIR_NORMAL_NC << (8 * MAIR_IDX_NORMAL_NC));
	write_tcr_el2(TCR_EL2_RES1 | TCR_T0SZ(64 - VA_BITS) | TCR_IRGN0_WBWA | TCR_ORGN0_WBWA |
		      TCR_SH0_INNER | TCR_TG0_4K | (uint64_t)ps << TCR_EL2_PS_SHIFT);
	write_ttbr0_el2((uintptr_t)mmu_root);
	dsb_sy();
	tlbi_alle2();
	dsb_sy();
	isb();
	/* M: stage-1 on; C, I: caches on; WXN: writable implies XN; SA: SP alignment check. */
	write_sctlr_el2(SCTLR_EL2_RES1 | SCTLR_M | SCTLR_C | SCTLR_I | SCTLR_WXN | SCTLR_SA);
	isb();
	ic_iallu();
	dsb_sy();
	isb();
	return 0;
}

/* Map [start, end) except the parts covered by the image or the DTB (already mapped). */
static int mmu_map_ram(uint64_t start, uint64_t end)
{
	uint64_t holes[2][2] = {{(uintptr_t)__image_start, (uintptr_t)__image_end},
				{dtb_start & ~0xfffULL, (dtb_end + 0xfff) & ~0xfffULL}};
	int rc = 0;

	if (holes[0][0] > holes[1][0]) {
		uint64_t t0 = holes[0][0], t1 = holes[0][1];

		holes[0][0] = holes[1][0];
		holes[0][1] = holes[1][1];
		holes[1][0] = t0;
		holes[1][1] = t1;
	}
	for (int i = 0; i < 2 && start < end; i++) {
		if (holes[i][1] <= start || holes[i][0] >= end) {
			continue;
		}
		if (holes[i][0] > start) {
			rc |= mmu_map(start, holes[i][0], ATTR_DATA);
		}
		start = holes[i][1];
	}
	if (start < end) {
		rc |= mmu_map(start, end, ATTR_DATA);
	}
	return rc;
}

int mmu_map_device(uint64_t base, uint64_t size)
{
	int rc = mmu_map(base, base + size, ATTR_DEVICE);

	dsb_ish();
	isb();
	return rc;
}

/* Whether a transport before @n lies in the 4 KiB page at @page (already mapped then). */
static bool virtio_page_seen(const struct platform *p, unsigned n, uint64_t page)
{
	const struct mem_range pg = {page, 0x1000};

	for (unsigned i = 0; i < n; i++) {
		if (mem_range_overlaps(&p->virtio[i], &pg)) {
			return true;
		}
	}
	return false;
}

/* The virtio-mmio transports, page by page: QEMU packs eight 0x200-byte windows in a page, and a
 * page is mapped once (the table refuses a second mapping of a valid leaf). */
static int mmu_map_virtio(const struct platform *p)
{
	int rc = 0;

	for (unsigned i = 0; i < p->virtio_count; i++) {
		uint64_t page = p->virtio[i].base & ~0xfffULL;

		for (; page < mem_range_end(&p->virtio[i]); page += 0x1000) {
			if (!virtio_page_seen(p, i, page)) {
				rc |= mmu_map(page, page + 0x1000, ATTR_DEVICE);
			}
		}
	}
	return rc;
}

int mmu_map_platform(const struct platform *p)
{
	int rc = 0;

	for (unsigned i = 0; i < p->mem_count; i++) {
		rc |= mmu_map_ram(p->mem[i].base, p->mem[i].base + p->mem[i].size);
	}
	rc |= mmu_map(p->uart.base, mem_range_end(&p->uart), ATTR_DEVICE);
	if (p->gic_version) {
		rc |= mmu_map(p->gicd.base, p->gicd.base + p->gicd.size, ATTR_DEVICE);
		for (unsigned i = 0; i < p->gicr_count; i++) {
			rc |= mmu_map(p->gicr[i].base, p->gicr[i].base + p->gicr[i].size,
				      ATTR_DEVICE);
		}
		const struct mem_range *v2[] = {&p->gicc, &p->gich, &p->gicv};

		for (unsigned i = 0; i < 3; i++) {
			if (v2[i]->size) {
				rc |= mmu_map(v2[i]->base, v2[i]->base + v2[i]->size, ATTR_DEVICE);
			}
		}
	}
	/* Device-nGnRE like every MMIO frame: the virtio registers have side effects (QueueNotify,
	 * Status) that must neither be gathered nor reordered. */
	rc |= mmu_map_virtio(p);
	dsb_ish();
	isb();
	mmu_scratch_init();
	return rc;
}

/*
 * Scratch VA ranges for scenarios' own EL2 stage-1 mappings (scenarios/el2/): one level-0
 * entry of the harness's root per PE, which the identity map does not use: the highest
 * CPU_MAX free ones (VA = PA, so only a PA that high could need them), PE n taking the n-th
 * from the top. Each PE changes only its own entry and invalidates only its own TLB: no other
 * PE ever walks it. Chosen once the platform's map is complete (mmu_map_platform()).
 */
static int mmu_scratch_top = -1;

static void mmu_scratch_init(void)
{
	for (int i = 511; i >= CPU_MAX; i--) {
		bool free = true;

		for (int j = 0; j < CPU_MAX && free; j++) {
			free = !mmu_root[i - j];
		}
		if (free) {
			mmu_scratch_top = i;
			return;
		}
	}
}

static int mmu_scratch_index(void)
{
	return mmu_scratch_top < 0 ? -1 : mmu_scratch_top - (int)smp_this_cpu();
}

uint64_t mmu_scratch_va(void)
{
	int i = mmu_scratch_index();

	return i < 0 ? 0 : (uint64_t)i << 39;
}

void mmu_scratch_set(uint64_t l0_desc)
{
	int i = mmu_scratch_index();

	if (i < 0) {
		return;
	}
	dsb_ish();
	mmu_root[i] = l0_desc;
	dsb_ish();
	tlbi_alle2();
	dsb_ish();
	isb();
}

uint64_t mmu_ttbr0(void)
{
	return (uintptr_t)mmu_root;
}
