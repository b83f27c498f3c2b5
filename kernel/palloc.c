/* SPDX-License-Identifier: MIT */
/* First-fit page allocator over one arena; callers zero what they need (guest RAM, tables). */
#include <stdbool.h>

#include "palloc.h"

static bool bit_test(const struct palloc *pa, size_t i)
{
	return pa->bitmap[i / 64] & (1ULL << (i % 64));
}

static void bits_set(struct palloc *pa, size_t first, size_t count, bool value)
{
	for (size_t i = first; i < first + count; i++) {
		if (value) {
			pa->bitmap[i / 64] |= 1ULL << (i % 64);
		} else {
			pa->bitmap[i / 64] &= ~(1ULL << (i % 64));
		}
	}
}

int palloc_init(struct palloc *pa, uintptr_t base, size_t size)
{
	uintptr_t start = (base + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);
	uintptr_t end = (base + size) & ~(PAGE_SIZE - 1);

	if (end <= start + 2 * PAGE_SIZE) {
		return -1;
	}
	size_t total = (end - start) / PAGE_SIZE;
	size_t map_bytes = (total + 63) / 64 * 8;
	size_t map_pages = (map_bytes + PAGE_SIZE - 1) / PAGE_SIZE;

	pa->bitmap = (uint64_t *)start;
	pa->base = start + map_pages * PAGE_SIZE;
	pa->pages = total - map_pages;
	pa->used = 0;
	for (size_t i = 0; i < map_bytes / 8; i++) {
		pa->bitmap[i] = 0;
	}
	return 0;
}

void *palloc_alloc(struct palloc *pa, size_t count, size_t align)
{
	size_t step = align > PAGE_SIZE ? align / PAGE_SIZE : 1;
	/* First page index whose address is aligned. */
	size_t first = ((pa->base + align - 1) & ~(uintptr_t)(align - 1)) - pa->base;

	if (!count) {
		return NULL;
	}
	/* "i <= pages - count", not "i + count <= pages": a huge count must not wrap. */
	for (size_t i = first / PAGE_SIZE; count <= pa->pages && i <= pa->pages - count;
	     i += step) {
		size_t n = 0;

		while (n < count && !bit_test(pa, i + n)) {
			n++;
		}
		if (n == count) {
			bits_set(pa, i, count, true);
			pa->used += count;
			return (void *)(pa->base + i * PAGE_SIZE);
		}
	}
	return NULL;
}

void palloc_free(struct palloc *pa, void *p, size_t count)
{
	size_t first = ((uintptr_t)p - pa->base) / PAGE_SIZE;

	bits_set(pa, first, count, false);
	pa->used -= count;
}
