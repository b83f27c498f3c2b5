/* SPDX-License-Identifier: MIT */
/*
 * VMs: a fresh VMID, fresh zeroed RAM and fresh stage-2 tables for every instance, torn down
 * with a TLBI by VMID. Stage-2 tables are built by the generic walker (kernel/pgtable.c).
 */
#include <stdlib.h>
#include <string.h>

#include "arch/el2.h"
#include "arch/pte.h"
#include "arch/sysreg.h"
#include "kalloc.h"
#include "mmu.h"
#include "phase_time.h"
#include "smp.h"
#include "vmm_internal.h"
#include "vmm.h"

#define S2_ATTR_RAM (PTE_AF | PTE_SH_INNER | PTE_S2AP_RW | PTE_S2_MEMATTR(S2_MEMATTR_NORMAL_WB))

static uint16_t vmid_next = 1;
static struct spinlock vmid_lock;

/*
 * VMIDs are handed out in turn, and a VM's TLB entries are not invalidated when it goes: in
 * QEMU every broadcast TLBI stops every PE (a "synced" flush), and one per instance cost 8% of
 * the suite at -smp 2. Instead, as KVM's VMID generations do, a VMID comes back only after all
 * the others were handed out, and the whole EL1&0 TLB of every PE is invalidated once before
 * that (TLBI ALLE1IS when the last one goes out): no live VM is that old (an instance holds a
 * handful). VMs with a VMID or VMID size of their own (stage2.vmid) may alias any VMID, so
 * they are invalidated when created and when destroyed (vm_tlbi_own()). VMID 0 is never a
 * guest's: it is what VTTBR_EL2 holds between runs.
 */
static uint16_t vmid_alloc(void)
{
	uint32_t limit = 1u << vmm_caps.vmid_bits;

	spin_lock(&vmid_lock);
	uint16_t v = vmid_next;

	vmid_next = (uint16_t)((uint32_t)v + 1 >= limit ? 1 : v + 1);
	if (vmid_next == 1) {
		dsb_ishst();
		tlbi_alle1is();
		dsb_ish();
	}
	spin_unlock(&vmid_lock);
	return v;
}

/*
 * TLBI VMALLS12E1IS for a VM with a VMID of its own: it acts on the VMID in VTTBR_EL2, read with
 * the VMID size of VTCR_EL2.VS: select both, invalidate.
 */
static void vm_tlbi_own(struct vm *vm)
{
	write_vtcr_el2(vm->vtcr);
	write_vttbr_el2(vm_vttbr(vm));
	isb();
	dsb_ishst();
	tlbi_vmalls12e1is();
	dsb_ish();
	write_vttbr_el2(0);
	isb();
}

static void *s2_alloc_table(void *ctx, size_t size)
{
	struct vm *vm = ctx;
	void *t = kalloc_pages(size / 4096, size);

	if (t) {
		memset(t, 0, size);
		vm->tables++;
	}
	return t;
}

static void s2_free_table(void *ctx, void *table, size_t size)
{
	struct vm *vm = ctx;

	kfree_pages(table, size / 4096);
	vm->tables--;
}

static struct pgt_mm vm_mm(struct vm *vm)
{
	return (struct pgt_mm){
		.alloc_table = s2_alloc_table, .free_table = s2_free_table, .ctx = vm};
}

/*
 * VTCR_EL2.SL0 for a start level (Arm ARM D8.2, "VTCR_EL2.SL0 encodings"): 4K granule:
 * 0 = level 2, 1 = level 1, 2 = level 0, 3 = level 3 (FEAT_TTST); 16K and 64K: 0 = level 3,
 * 1 = level 2, 2 = level 1, 3 = level 0 (16K with DS = 1). 4K level -1 (FEAT_LPA2, DS = 1) is
 * SL2 = 1 with SL0 = 0 (vtcr_sl2()).
 */
static uint64_t vtcr_sl0(unsigned granule_shift, int start_level)
{
	if (granule_shift == 12) {
		if (start_level < 0) {
			return 0; /* level -1: SL2 = 1 (vtcr_sl2()) */
		}
		return start_level == 3 ? 3 : 2 - start_level; /* 0b11: level 3 (FEAT_TTST) */
	}
	return 3 - start_level;
}

/* VTCR_EL2.SL2: the 4K level -1 encoding SL2:SL0 = 0b100 (AArch64.S2StartLevel()). */
static uint64_t vtcr_sl2(int start_level)
{
	return start_level < 0 ? VTCR_SL2 : 0;
}

static uint64_t vtcr_tg0(unsigned granule_shift)
{
	return granule_shift == 12   ? VTCR_TG0_4K
	       : granule_shift == 14 ? VTCR_TG0_16K
				     : VTCR_TG0_64K;
}

/* The ID_AA64MMFR0_EL1.PARange / VTCR_EL2.PS encoding of the smallest size >= @bits. */
static unsigned parange_encoding(unsigned bits)
{
	for (unsigned enc = 0; mmu_parange_bits(enc); enc++) {
		if (mmu_parange_bits(enc) >= bits) {
			return enc;
		}
	}
	return 5;
}

static size_t vm_root_pages(const struct vm *vm)
{
	return (pgt_root_size(&vm->geom) + 4095) / 4096;
}

/*
 * Stage-2 start level: the deepest one the IPA size allows, with up to 16 concatenated root
 * tables (as KVM does). Besides saving a level, this avoids start levels the architecture makes
 * inconsistent for small PA ranges: with the 4K granule, SL0 = 0b10 (level 0) is reserved when
 * PARange is 40 or 42 bits (Arm ARM, VTCR_EL2.SL0; AArch64.S2InconsistentSL()).
 */
static int s2_geom_init(struct pgt_geom *g, unsigned granule_shift, unsigned ipa_bits)
{
	for (int level = 3; level >= 0; level--) {
		if (!pgt_geom_init_level(g, granule_shift, ipa_bits, level) &&
		    pgt_root_tables(g) <= 16) {
			return 0;
		}
	}
	return -1;
}

struct vm *vm_create(const struct vm_config *cfg)
{
	struct vm *vm = calloc(1, sizeof(*vm));
	unsigned gshift = cfg->granule_shift ? cfg->granule_shift : 12;
	unsigned ipa_bits = cfg->ipa_bits ? cfg->ipa_bits : vmm_caps.ipa_bits;

	unsigned vmid_bits = cfg->vmid_bits ? cfg->vmid_bits : vmm_caps.vmid_bits;
	int geom_err = -1;

	/* An explicit start level (stage2.geom) is taken as given, else the deepest legal one. */
	if (vm && cfg->start_level_set) {
		geom_err = pgt_geom_init_level(&vm->geom, gshift, ipa_bits, cfg->start_level);
	} else if (vm) {
		geom_err = s2_geom_init(&vm->geom, gshift, ipa_bits);
	}

	if (!geom_err && cfg->oa52) {
		geom_err = pgt_geom_set_oa52(&vm->geom, cfg->ds);
	}
	if (geom_err || (vmid_bits != 8 && vmid_bits != 16) || vmid_bits > vmm_caps.vmid_bits) {
		free(vm);
		return NULL;
	}
	vm->vttbr_baddr_or = cfg->vttbr_baddr_or;
	vm->vmid = cfg->vmid ? cfg->vmid : vmid_alloc();
	vm->own_vmid = cfg->vmid || cfg->vmid_bits;
	vm->cnp = cfg->cnp;
	vm->psci = cfg->psci;
	vm->ram_ipa = cfg->ram_ipa ? cfg->ram_ipa : GUEST_RAM_IPA;
	vm->ram_size = cfg->ram_size ? cfg->ram_size : GUEST_RAM_SIZE;

	/* A root with few entries can be smaller than a page: the arena deals in whole pages. */
	size_t root_size = vm_root_pages(vm) * 4096;
	uint64_t t = phase_begin();

	vm->root = kalloc_pages(root_size / 4096, root_size);
	if (vm->root) {
		memset(vm->root, 0, root_size);
	}
	phase_end(PHASE_VM_ALLOC, t);
	if (!vm->root || vm_ram_get(vm, cfg)) {
		vm_destroy(vm);
		return NULL;
	}

	/* VTCR_EL2: IPA size, start level, granule, inner-shareable write-back table walks. */
	vm->vtcr = VTCR_RES1 | VTCR_T0SZ(64 - ipa_bits) |
		   vtcr_sl0(gshift, vm->geom.start_level) << VTCR_SL0_SHIFT |
		   vtcr_sl2(vm->geom.start_level) | VTCR_IRGN0_WBWA | VTCR_ORGN0_WBWA |
		   VTCR_SH0_INNER | vtcr_tg0(gshift) |
		   (uint64_t)parange_encoding(vmm_caps.pa_bits) << VTCR_PS_SHIFT |
		   (vmid_bits == 16 ? VTCR_VS : 0) | (cfg->ds ? VTCR_DS : 0);
	vm->vtcr |= (cfg->s2_hw_af ? VTCR_HA : 0) | (cfg->s2_hw_dirty ? VTCR_HD : 0);
	/* The pool's tracking (vm_ram.c): the guest's writes leave RAM's descriptors dirty. */
	vm->vtcr |= vm->s2_dirty ? VTCR_HA | VTCR_HD : 0;
	vm->vtcr = (vm->vtcr & ~cfg->vtcr_clear) | cfg->vtcr_set;

	struct pgt_mm mm = vm_mm(vm);
	/* DS = 1: descriptor bits [9:8] are OA[51:50]; shareability comes from VTCR_EL2.SH0. */
	uint64_t ram_attr = vm_ram_s2_attr(vm, cfg->ds ? S2_ATTR_RAM & ~PTE_SH_INNER : S2_ATTR_RAM);

	t = phase_begin();
	if (!cfg->ram_unmapped &&
	    pgt_map(&vm->geom, vm->root, vm->ram_ipa, (uintptr_t)vm->ram, vm->ram_size, ram_attr,
		    cfg->ram_pages_only ? PGT_MAP_PAGES_ONLY : 0, &mm)) {
		vm_destroy(vm);
		return NULL;
	}
	dsb_ishst();
	phase_end(PHASE_VM_MAP, t);
	if (vm->own_vmid) {
		vm_tlbi_own(vm); /* an allocated VM's entries of this VMID may still be cached */
	}
	return vm;
}

/* A clean RAM page of the pool's (vm_ram_s2_attr()) made plainly writable. */
static int untrack_leaf(const struct pgt_walk_ctx *ctx)
{
	uint64_t desc = pgt_read_desc(ctx->ptep);

	if (pgt_desc_is_valid(desc) && (desc & PTE_DBM)) {
		pgt_write_desc(ctx->ptep, (desc | PTE_S2AP_W) & ~PTE_DBM);
	}
	return PGT_OK;
}

/* Leave the pool's tracking: RAM mapped plainly writable, every page counted as written. */
static void vm_untrack(struct vm *vm)
{
	static const struct pgt_visitor plain = {.leaf = untrack_leaf, .flags = PGT_WALK_LEAF};

	(void)pgt_walk(&vm->geom, vm->root, vm->ram_ipa, vm->ram_size, &plain, vm);
	vm->vtcr &= ~(VTCR_HA | VTCR_HD);
	vm->s2_dirty = false;
	ram_dirty_all(&vm->dirty);
	phase_count(COUNT_VM_UNTRACKED, 1);
	/* A vCPU that ran may have cached the clean descriptors, and VTCR_EL2 with them. */
	vm_tlbi_own(vm);
}

int vm_map(struct vm *vm, ipa_t ipa, paddr_t pa, uint64_t size, uint64_t s2attr)
{
	struct pgt_mm mm = vm_mm(vm);
	int rc;

	/* The guest writes these pages through a descriptor the pool does not read. */
	if (vm->pooled) {
		ram_dirty_mark_pa(&vm->dirty, (uintptr_t)vm->ram, vm->ram_size, pa.v, size);
	}
	/* The scenario's descriptor means what it says only under HA = 0 and HD = 0. */
	if (vm->s2_dirty && (!(s2attr & PTE_AF) || (s2attr & PTE_DBM))) {
		vm_untrack(vm);
	}
	rc = pgt_map(&vm->geom, vm->root, ipa.v, pa.v, size, s2attr, 0, &mm);

	dsb_ishst();
	return rc;
}

/* Guest RAM at @ipa for @len bytes, or NULL when that is not all RAM. */
static uint8_t *ram_at(const struct vm *vm, ipa_t ipa, size_t len)
{
	if (ipa.v < vm->ram_ipa || ipa.v - vm->ram_ipa > vm->ram_size ||
	    len > vm->ram_size - (ipa.v - vm->ram_ipa)) {
		return NULL;
	}
	return vm->ram + (ipa.v - vm->ram_ipa);
}

void *vm_ram_ptr(struct vm *vm, ipa_t ipa, size_t len)
{
	uint8_t *p = ram_at(vm, ipa, len);

	/* The caller may write through it: the pages no longer hold what the pool knows. */
	if (p) {
		vm_ram_wrote(vm, ipa.v - vm->ram_ipa, len);
	}
	return p;
}

int vm_load(struct vm *vm, ipa_t ipa, const void *data, size_t len)
{
	uint8_t *dst = ram_at(vm, ipa, len);

	if (!dst) {
		return -1;
	}
	/* A pooled block that still holds the image keeps it, and QEMU its translations. */
	if (vm_ram_load_known(vm, ipa.v - vm->ram_ipa, data, len)) {
		return 0;
	}
	memcpy(dst, data, len);
	kcache_clean_inval(dst, len);
	dsb_ish();
	ic_iallu();
	dsb_ish();
	isb();
	return 0;
}

void vm_destroy(struct vm *vm)
{
	if (!vm) {
		return;
	}
	if (vm->ram) {
		vm_ram_put(vm); /* before the tables go: a pooled block reads them */
	}
	if (vm->root) {
		struct pgt_mm mm = vm_mm(vm);

		/* An allocated VMID is not reused before the next TLBI ALLE1IS (vmid_alloc()). */
		if (vm->own_vmid && vm->vtcr) {
			vm_tlbi_own(vm);
		}
		pgt_destroy(&vm->geom, vm->root, &mm);
		kfree_pages(vm->root, vm_root_pages(vm));
	}
	free(vm);
}

uint64_t vm_vttbr(const struct vm *vm)
{
	return (uint64_t)vm->vmid << VTTBR_VMID_SHIFT | (uintptr_t)vm->root |
	       (vm->cnp ? VTTBR_CNP : 0) | vm->vttbr_baddr_or;
}

int vm_unmap(struct vm *vm, ipa_t ipa, uint64_t size)
{
	int rc = pgt_unmap(&vm->geom, vm->root, ipa.v, size);

	/* The removed descriptors' dirty state is gone with them. */
	if (vm->s2_dirty) {
		ram_dirty_all(&vm->dirty);
	}
	dsb_ishst();
	return rc;
}
