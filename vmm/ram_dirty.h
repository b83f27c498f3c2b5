/* SPDX-License-Identifier: MIT */
/*
 * Which pages of a VM's RAM may differ from the content the next VM must find there (zeroes,
 * and the guest image at its start): a bit per 4K page, set by every write the vmm learns of
 * (the harness's own, the guest's from its stage-2 dirty state). Pure, so the host tests it.
 */
#ifndef VMM_RAM_DIRTY_H
#define VMM_RAM_DIRTY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define RAM_DIRTY_PAGE	4096u
#define RAM_DIRTY_PAGES 256u /* GUEST_RAM_SIZE: the RAM the pool keeps (vm_ram.c) */
#define RAM_DIRTY_WORDS (RAM_DIRTY_PAGES / 64)

struct ram_dirty {
	uint64_t bits[RAM_DIRTY_WORDS];
};

/** Mark the pages holding [@off, @off + @len) of a RAM of @size bytes; a zero @len marks the
 * page of @off. What lies beyond @size is not RAM and is ignored. */
void ram_dirty_mark(struct ram_dirty *d, uint64_t off, uint64_t len, uint64_t size);
/** Mark the pages of the PA range [@pa, @pa + @len) that fall in the RAM [@ram, @ram + @size). */
void ram_dirty_mark_pa(struct ram_dirty *d, uint64_t ram, uint64_t size, uint64_t pa, uint64_t len);
void ram_dirty_all(struct ram_dirty *d);
bool ram_dirty_test(const struct ram_dirty *d, unsigned page);
/** Whether any page holding [@off, @off + @len) is marked. */
bool ram_dirty_any(const struct ram_dirty *d, uint64_t off, uint64_t len);
/** The first marked page at or after @from, or RAM_DIRTY_PAGES when there is none. */
unsigned ram_dirty_next(const struct ram_dirty *d, unsigned from);

#endif
