/* SPDX-License-Identifier: MIT */
#ifndef KERNEL_PALLOC_H
#define KERNEL_PALLOC_H

#include <stddef.h>
#include <stdint.h>

#define PAGE_SHIFT 12
#define PAGE_SIZE  (1UL << PAGE_SHIFT)

/**
 * struct palloc - a first-fit page allocator over one physically contiguous arena.
 * Pure code (a bitmap kept at the start of the arena), host unit-tested.
 */
struct palloc {
	uintptr_t base;	  /* first allocatable page */
	size_t pages;	  /* allocatable pages */
	size_t used;	  /* pages currently allocated */
	uint64_t *bitmap; /* one bit per page, 1 = allocated */
};

/** Take over [@base, @base + @size); the bitmap lives in its first pages. 0 or -1 if too small. */
int palloc_init(struct palloc *pa, uintptr_t base, size_t size);
/** Allocate @count contiguous pages aligned to @align bytes (a power of two >= PAGE_SIZE). */
void *palloc_alloc(struct palloc *pa, size_t count, size_t align);
/** Return pages from palloc_alloc(). */
void palloc_free(struct palloc *pa, void *p, size_t count);

#endif
