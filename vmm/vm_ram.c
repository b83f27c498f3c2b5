/* SPDX-License-Identifier: MIT */
/*
 * Guest RAM blocks: a VM's RAM must read as zeroes (and the guest image at its start, once
 * loaded) to every instance, whatever the one before wrote. Zeroing and cleaning 1 MiB for every
 * VM, and copying the image into it again, was most of a fresh VM's cost under QEMU TCG (and
 * the copy threw away QEMU's translations of the image, every time).
 *
 * So each PE keeps one RAM block between instances, in a known state: the image a VM loaded
 * at its start, zeroes elsewhere, all of it cleaned to the Point of Coherency. A VM that takes
 * it is told exactly which pages change (struct vm.dirty, and the stage-2 dirty state): every
 * harness write to RAM goes through vm_load(), vm_ram_ptr() or a vm_map() of its PAs, which
 * mark the pages; the guest's writes (stores, DC ZVA, atomics, the stage-1 walker's AF and
 * dirty updates, all of them writes through stage 2) leave RAM's stage-2 descriptors writable,
 * because RAM is mapped clean (S2AP read-only, DBM = 1) under VTCR_EL2.HD = 1 (FEAT_HAFDBS
 * dirty state; Arm ARM DDI 0487, "Hardware management of the dirty state": a write through a
 * clean DBM descriptor sets S2AP[1]). At destroy exactly those pages are rewritten whole and
 * cleaned to the PoC (the guest may have mapped them Non-cacheable, or run with its MMU off:
 * SCTLR_EL1.M = 0 makes its data accesses Device and its fetches Non-cacheable without
 * HCR_EL2.DC; Arm ARM "Mismatched memory attributes": what EL2 wrote through its cacheable
 * mapping is only seen by such accesses once cleaned to the PoC). The other pages were neither
 * written by the harness since their last clean nor by the guest, so memory and any cache line of
 * theirs still hold the block's content.
 *
 * VMs the pool cannot track fall back to the full path (zeroed and cleaned at create, freed at
 * destroy): no FEAT_HAFDBS dirty state, a RAM size or stage-2 geometry of their own, VTCR
 * bits of their own (a scenario testing HA or HD itself), or hyptap.fresh_vm=full. A VM whose
 * scenario maps a descriptor that relies on HA = 0 or HD = 0 (AF = 0, or DBM) stops being
 * tracked there (vm.c, vm_untrack()), every page then counting as dirty.
 */
#include <string.h>

#include "arch/el2.h"
#include "arch/pte.h"
#include "arch/sysreg.h"
#include "kalloc.h"
#include "phase_time.h"
#include "smp.h"
#include "vmm_internal.h"

#define RAM_PAGES (GUEST_RAM_SIZE / RAM_DIRTY_PAGE)
_Static_assert(RAM_PAGES == RAM_DIRTY_PAGES, "the dirty bitmap covers a pooled block");

/* A PE's kept block: NULL when a VM of this PE holds it (or none was made yet). */
struct ram_slot {
	uint8_t *ram;
	const uint8_t *image;
	size_t image_len;
};

static struct ram_slot pool[CPU_MAX];
static bool fresh_vm_full;

void vmm_set_fresh_vm_full(bool full)
{
	fresh_vm_full = full;
}

static bool vm_ram_trackable(const struct vm_config *cfg)
{
	return !fresh_vm_full && vmm_caps.hafdbs >= 2 &&
	       (!cfg->ram_size || cfg->ram_size == GUEST_RAM_SIZE) &&
	       (!cfg->granule_shift || cfg->granule_shift == 12) && !cfg->start_level_set &&
	       !cfg->oa52 && !cfg->ds && !cfg->ram_unmapped && !cfg->vtcr_clear && !cfg->vtcr_set &&
	       !cfg->vttbr_baddr_or && !cfg->s2_hw_af && !cfg->s2_hw_dirty;
}

int vm_ram_get(struct vm *vm, const struct vm_config *cfg)
{
	struct ram_slot *slot = &pool[smp_this_cpu()];
	uint64_t t = phase_begin();

	vm->pooled = vm->s2_dirty = vm_ram_trackable(cfg);
	if (vm->pooled && slot->ram) {
		vm->ram = slot->ram;
		vm->image = slot->image;
		vm->image_len = slot->image_len;
		*slot = (struct ram_slot){0};
		kalloc_pages_adopt(RAM_PAGES);
		phase_end(PHASE_VM_ALLOC, t);
		phase_count(COUNT_VM_POOLED, 1);
		return 0;
	}
	phase_count(vm->pooled ? COUNT_VM_POOLED : COUNT_VM_FULL, 1);
	vm->ram = kalloc_pages(vm->ram_size / RAM_DIRTY_PAGE, 1ULL << 21);
	phase_end(PHASE_VM_ALLOC, t);
	if (!vm->ram) {
		return -1;
	}
	t = phase_begin();
	memset(vm->ram, 0, vm->ram_size);
	phase_end(PHASE_VM_ZERO, t);
	/* The guest may run with its caches off: push the zeroes out to the Point of Coherency. */
	t = phase_begin();
	kcache_clean_inval(vm->ram, vm->ram_size);
	dsb_ish();
	phase_end(PHASE_VM_CLEAN, t);
	return 0;
}

uint64_t vm_ram_s2_attr(const struct vm *vm, uint64_t attr)
{
	return vm->s2_dirty ? (attr & ~PTE_S2AP_W) | PTE_DBM : attr;
}

bool vm_ram_load_known(struct vm *vm, uint64_t off, const void *data, size_t len)
{
	size_t old = vm->image ? vm->image_len : 0;

	if (!vm->pooled) {
		return false;
	}
	if (off == 0 && !ram_dirty_any(&vm->dirty, 0, len > old ? len : old)) {
		if (data == vm->image && len == old) {
			phase_count(COUNT_IMAGE_KEPT, 1);
			return true; /* the block still holds it, untouched */
		}
		/*
		 * Another image (or the first): it becomes the block's content, which the caller
		 * copies; what the old one had beyond it goes back to zeroes now.
		 */
		if (old > len) {
			memset(vm->ram + len, 0, old - len);
			kcache_clean_inval(vm->ram + len, old - len);
		}
		vm->image = data;
		vm->image_len = len;
		return false;
	}
	ram_dirty_mark(&vm->dirty, off, len, vm->ram_size);
	return false;
}

void vm_ram_wrote(struct vm *vm, uint64_t off, uint64_t len)
{
	if (vm->pooled) {
		ram_dirty_mark(&vm->dirty, off, len, vm->ram_size);
	}
}

/* The guest's writes: RAM's descriptors that the hardware made writable. */
static int collect_leaf(const struct pgt_walk_ctx *ctx)
{
	struct vm *vm = ctx->arg;
	uint64_t desc = pgt_read_desc(ctx->ptep);

	if (pgt_desc_is_valid(desc) && (desc & PTE_S2AP_W)) {
		ram_dirty_mark_pa(&vm->dirty, (uintptr_t)vm->ram, vm->ram_size,
				  pgt_desc_oa(ctx->geom, desc), ctx->size);
	}
	return PGT_OK;
}

static void collect_guest_writes(struct vm *vm)
{
	static const struct pgt_visitor collect = {.leaf = collect_leaf, .flags = PGT_WALK_LEAF};

	if (vm->s2_dirty) {
		(void)pgt_walk(&vm->geom, vm->root, vm->ram_ipa, vm->ram_size, &collect, vm);
	}
}

/* Every marked page rewritten whole to the block's content, and cleaned to the PoC. */
static void restore(struct vm *vm)
{
	bool any = false;

	for (unsigned p = ram_dirty_next(&vm->dirty, 0); p < RAM_PAGES;
	     p = ram_dirty_next(&vm->dirty, p + 1)) {
		uint64_t off = (uint64_t)p * RAM_DIRTY_PAGE;
		uint8_t *dst = vm->ram + off;
		size_t n = 0;

		if (vm->image && off < vm->image_len) {
			n = vm->image_len - off < RAM_DIRTY_PAGE ? vm->image_len - off
								 : RAM_DIRTY_PAGE;
			memcpy(dst, vm->image + off, n);
		}
		memset(dst + n, 0, RAM_DIRTY_PAGE - n);
		kcache_clean_inval(dst, RAM_DIRTY_PAGE);
		phase_count(COUNT_PAGES_RESTORED, 1);
		phase_count(COUNT_IMAGE_PAGES_RESTORED, n != 0);
		any = true;
	}
	if (any) {
		/* A restored page may have held code, the guest's or the image's. */
		dsb_ish();
		ic_iallu();
		dsb_ish();
		isb();
	}
}

void vm_ram_put(struct vm *vm)
{
	struct ram_slot *slot = &pool[smp_this_cpu()];
	uint64_t t;

	if (!vm->pooled) {
		kfree_pages(vm->ram, vm->ram_size / RAM_DIRTY_PAGE);
		return;
	}
	t = phase_begin();
	collect_guest_writes(vm);
	restore(vm);
	phase_end(PHASE_VM_RESTORE, t);
	if (slot->ram) { /* a second VM of the instance: the pool keeps one block */
		kfree_pages(vm->ram, RAM_PAGES);
		return;
	}
	*slot = (struct ram_slot){vm->ram, vm->image, vm->image_len};
	kalloc_pages_keep(RAM_PAGES);
}
