/* SPDX-License-Identifier: MIT */
#ifndef KERNEL_KALLOC_H
#define KERNEL_KALLOC_H

#include <stddef.h>
#include <stdint.h>

#include "platform.h"

/** Give the page arena the free RAM platform_parse() chose (@p->arena). */
int kalloc_init(const struct platform *p);
/** @count pages aligned to @align bytes, not zeroed; NULL when the arena is exhausted. */
void *kalloc_pages(size_t count, size_t align);
void kfree_pages(void *p, size_t count);
/**
 * kalloc_pages_keep() - @count pages the running PE holds stop counting as its own: a block the
 * vmm keeps between instances (vmm/vm_ram.c) is no instance's leak; kalloc_pages_adopt() -
 * they count again, taken up by an instance.
 */
void kalloc_pages_keep(size_t count);
void kalloc_pages_adopt(size_t count);
/** Pages the running PE took and has not given back (an instance's leak check). */
size_t kalloc_pages_of_this_cpu(void);

/** DC CIVAC over [@p, @p + @len): make EL2's cacheable writes visible to non-cacheable readers. */
void kcache_clean_inval(const void *p, size_t len);

#endif
