/*
 * Host tests of the first-fit page allocator (kernel/palloc.c): arena set-up and the bitmap at
 * its start, single and contiguous allocations, alignment, exhaustion, reuse after free, the
 * used count, no overlap among many live allocations, and first fit around a hole.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "palloc.h"
#include "unit.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

#define SZ_64K 0x10000UL
#define SZ_1M  0x100000UL
#define SZ_2M  0x200000UL
#define SZ_64M 0x4000000UL

/*
 * Arenas are 2 MiB aligned, so "the first 2 MiB boundary after base" is known exactly. Only the
 * first 8 MiB are filled (every bitmap here is in there): touching 160 MiB costs a second.
 */
static uint8_t *arena_new(size_t size, int fill)
{
	uint8_t *a = aligned_alloc(SZ_2M, size);

	if (a == NULL) {
		unit_diag("aligned_alloc(%zu) failed", size);
		exit(1);
	}
	memset(a, fill, size < 8 * SZ_1M ? size : 8 * SZ_1M);
	return a;
}

static bool page_aligned(uintptr_t x)
{
	return (x & (PAGE_SIZE - 1)) == 0;
}

/* [p, p + count pages) lies inside the allocatable range of @pa. */
static bool in_arena(const struct palloc *pa, const void *p, size_t count)
{
	uintptr_t a = (uintptr_t)p;

	return a >= pa->base && a + count * PAGE_SIZE <= pa->base + pa->pages * PAGE_SIZE;
}

static void test_init(void)
{
	size_t sizes[] = {0, 1, PAGE_SIZE, 2 * PAGE_SIZE};
	uint8_t *a = arena_new(SZ_64M, 0xff);
	struct palloc pa;

	for (size_t i = 0; i < ARRAY_SIZE(sizes); i++) {
		unit_ok(palloc_init(&pa, (uintptr_t)a, sizes[i]) == -1,
			"init rejects an arena of %zu bytes", sizes[i]);
	}
	/* Three pages of bytes, but an odd base leaves only two whole pages. */
	unit_ok(palloc_init(&pa, (uintptr_t)a + 1, 3 * PAGE_SIZE) == -1,
		"init rejects 3 pages of bytes from an odd base (2 whole pages)");
	unit_ok(palloc_init(&pa, (uintptr_t)a, 3 * PAGE_SIZE) == 0, "init accepts 3 whole pages");
	unit_eq_u64(pa.pages, 2, "3 pages: one bitmap page, two allocatable");

	/*
	 * Odd offsets at both ends: the arena shrinks to whole pages, [a + 4K, a + 64M - 4K),
	 * 16382 pages, whose 2048-byte bitmap takes one page.
	 */
	unit_ok(palloc_init(&pa, (uintptr_t)a + 123, SZ_64M - 123 - 45) == 0,
		"init of 64 MiB at odd offsets");
	unit_eq_u64((uintptr_t)pa.bitmap, (uintptr_t)a + PAGE_SIZE,
		    "bitmap at the first whole page");
	unit_ok(page_aligned(pa.base), "base is page aligned");
	unit_eq_u64(pa.base, (uintptr_t)a + 2 * PAGE_SIZE, "base just past the one-page bitmap");
	unit_eq_u64(pa.pages, SZ_64M / PAGE_SIZE - 2 - 1, "pages: whole pages minus the bitmap");
	unit_eq_u64(pa.used, 0, "used starts at 0");
	unit_ok(pa.base >= (uintptr_t)pa.bitmap + (pa.pages + 1 + 63) / 64 * 8,
		"base is past the last bitmap word");

	/* 40960 pages need a 5120-byte bitmap: two pages. */
	free(a);
	a = arena_new(160 * SZ_1M, 0xff);
	unit_ok(palloc_init(&pa, (uintptr_t)a, 160 * SZ_1M) == 0, "init of 160 MiB");
	unit_eq_u64(pa.base, (uintptr_t)a + 2 * PAGE_SIZE, "160 MiB: two bitmap pages");
	unit_eq_u64(pa.pages, 160 * SZ_1M / PAGE_SIZE - 2, "160 MiB: pages");
	/* The arena was 0xff: init must clear every bit, so the whole arena is one free run. */
	unit_ok(palloc_alloc(&pa, pa.pages, PAGE_SIZE) == (void *)pa.base,
		"init clears a dirty bitmap: all pages allocatable at once");
	free(a);
}

static void test_alloc_basic(void)
{
	uint8_t *a = arena_new(SZ_64M, 0xa5);
	struct palloc pa;
	void *p, *q, *r;

	palloc_init(&pa, (uintptr_t)a + 123, SZ_64M - 123 - 45);

	p = palloc_alloc(&pa, 1, PAGE_SIZE);
	unit_eq_u64((uintptr_t)p, pa.base, "first page is base (first fit)");
	unit_eq_u64(pa.used, 1, "used 1");

	q = palloc_alloc(&pa, 37, PAGE_SIZE);
	unit_eq_u64((uintptr_t)q, pa.base + PAGE_SIZE, "37 pages right after it");
	unit_ok(in_arena(&pa, q, 37), "37 pages inside the arena");
	unit_eq_u64(pa.used, 38, "used 38");
	memset(q, 0x37, 37 * PAGE_SIZE);

	r = palloc_alloc(&pa, 1, PAGE_SIZE);
	unit_eq_u64((uintptr_t)r, pa.base + 38 * PAGE_SIZE, "next page after the 37");

	unit_ok(palloc_alloc(&pa, 0, PAGE_SIZE) == NULL, "count 0 returns NULL");
	unit_eq_u64(pa.used, 39, "count 0 allocates nothing");

	palloc_free(&pa, q, 37);
	unit_eq_u64(pa.used, 2, "used 2 after freeing 37");
	unit_ok(palloc_alloc(&pa, 37, PAGE_SIZE) == q, "re-alloc of 37 reuses the freed run");
	palloc_free(&pa, p, 1);
	unit_ok(palloc_alloc(&pa, 1, PAGE_SIZE) == p, "re-alloc of 1 reuses the freed page");
	unit_eq_u64(pa.used, 39, "used 39 again");

	/* More than is free, and more than the whole arena. */
	unit_ok(palloc_alloc(&pa, pa.pages - 39 + 1, PAGE_SIZE) == NULL,
		"one page more than is free: NULL");
	unit_ok(palloc_alloc(&pa, pa.pages + 1, PAGE_SIZE) == NULL, "pages + 1: NULL");
	unit_ok(palloc_alloc(&pa, SIZE_MAX, PAGE_SIZE) == NULL, "SIZE_MAX pages: NULL");
	unit_eq_u64(pa.used, 39, "failed allocations change nothing");

	p = palloc_alloc(&pa, pa.pages - 39, PAGE_SIZE);
	unit_eq_u64((uintptr_t)p, pa.base + 39 * PAGE_SIZE, "exactly what is free: the rest");
	unit_eq_u64(pa.used, pa.pages, "used == pages");
	unit_ok(palloc_alloc(&pa, 1, PAGE_SIZE) == NULL, "full: one page is NULL");
	free(a);
}

/* Counts that make "i + count" wrap must fail, not scan past the bitmap (ASan would catch it). */
static void test_huge_count(void)
{
	uint8_t *a = arena_new(SZ_2M, 0);
	struct palloc pa;

	palloc_init(&pa, (uintptr_t)a, 16 * PAGE_SIZE);
	unit_ok(palloc_alloc(&pa, SIZE_MAX, PAGE_SIZE) == NULL, "small arena: SIZE_MAX pages NULL");
	unit_ok(palloc_alloc(&pa, SIZE_MAX - 3, PAGE_SIZE) == NULL,
		"small arena: SIZE_MAX - 3 pages NULL");
	/* base is a + 4K: the first 64K-aligned page has index 15, so 15 + SIZE_MAX wraps to 14. */
	unit_ok(palloc_alloc(&pa, SIZE_MAX, SZ_64K) == NULL,
		"small arena: SIZE_MAX pages aligned to 64K NULL");
	unit_ok(palloc_alloc(&pa, SIZE_MAX - 1, SZ_64K) == NULL,
		"small arena: SIZE_MAX - 1 pages aligned to 64K NULL");
	unit_eq_u64(pa.used, 0, "nothing allocated");
	free(a);
}

static void test_alignment(void)
{
	static const struct {
		size_t count;
		size_t align;
	} cases[] = {
		{1, SZ_2M},	    {512, SZ_2M}, {3, SZ_2M},	{1, SZ_64K},  {5, SZ_64K},
		{1, 2 * PAGE_SIZE}, {1, SZ_2M},	  {513, SZ_2M}, {16, SZ_64K},
	};
	uint8_t *a = arena_new(SZ_64M, 0);
	struct palloc pa;
	void *p;

	palloc_init(&pa, (uintptr_t)a + 123, SZ_64M - 123 - 45);
	/* base is a + 8K: the first 2 MiB boundary inside the arena is a + 2M. */
	p = palloc_alloc(&pa, 1, SZ_2M);
	unit_eq_u64((uintptr_t)p, (uintptr_t)a + SZ_2M, "first 2 MiB aligned page is a + 2M");
	palloc_free(&pa, p, 1);

	/* Take the page at base, so aligned requests cannot start there by accident. */
	palloc_alloc(&pa, 1, PAGE_SIZE);
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		size_t used = pa.used;

		p = palloc_alloc(&pa, cases[i].count, cases[i].align);
		unit_ok(p != NULL && ((uintptr_t)p & (cases[i].align - 1)) == 0 &&
				in_arena(&pa, p, cases[i].count),
			"%zu pages aligned to 0x%zx: %p", cases[i].count, cases[i].align, p);
		unit_eq_u64(pa.used, used + cases[i].count, "used grows by the count");
	}

	/* An alignment no page of a small arena satisfies: NULL although pages are free. */
	palloc_init(&pa, (uintptr_t)a, SZ_1M);
	unit_ok(palloc_alloc(&pa, 1, SZ_2M) == NULL, "no 2 MiB boundary in [a + 4K, a + 1M): NULL");
	unit_eq_u64(pa.used, 0, "nothing allocated");
	free(a);
}

static void test_exhaustion(void)
{
	uint8_t *a = arena_new(SZ_2M, 0x5a);
	static void *pages[512];
	struct palloc pa;
	size_t n = 0;
	bool order = true;
	void *p;

	palloc_init(&pa, (uintptr_t)a + 1, SZ_1M - 1);
	unit_eq_u64(pa.pages, SZ_1M / PAGE_SIZE - 2, "1 MiB arena from an odd base: pages");
	while (n < ARRAY_SIZE(pages) && (p = palloc_alloc(&pa, 1, PAGE_SIZE)) != NULL) {
		order = order && (uintptr_t)p == pa.base + n * PAGE_SIZE;
		pages[n++] = p;
	}
	unit_eq_u64(n, pa.pages, "single pages until NULL: every page once");
	unit_ok(order, "handed out in address order");
	unit_eq_u64(pa.used, pa.pages, "used == pages when exhausted");
	unit_ok(palloc_alloc(&pa, 1, PAGE_SIZE) == NULL, "exhausted: NULL again");

	palloc_free(&pa, pages[100], 1);
	unit_eq_u64(pa.used, pa.pages - 1, "one freed");
	unit_ok(palloc_alloc(&pa, 2, PAGE_SIZE) == NULL, "a one-page hole does not fit 2");
	unit_ok(palloc_alloc(&pa, 1, PAGE_SIZE) == pages[100], "the freed page comes back");

	for (size_t i = 0; i < n; i++) {
		palloc_free(&pa, pages[i], 1);
	}
	unit_eq_u64(pa.used, 0, "all freed: used 0");
	unit_ok(palloc_alloc(&pa, pa.pages, PAGE_SIZE) == (void *)pa.base,
		"all freed: the arena is one run again");
	free(a);
}

/* Fill every live allocation with its own pattern, then check none was overwritten. */
struct block {
	uint8_t *p;
	size_t count;
};

static bool blocks_check(const struct block *b, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		for (size_t j = 0; b[i].p != NULL && j < b[i].count * PAGE_SIZE; j++) {
			if (b[i].p[j] != (uint8_t)(i * 7 + 1)) {
				unit_diag("block %zu byte %zu: 0x%02x", i, j, b[i].p[j]);
				return false;
			}
		}
	}
	return true;
}

static bool blocks_disjoint(const struct block *b, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		for (size_t j = i + 1; j < n; j++) {
			uintptr_t ai = (uintptr_t)b[i].p, aj = (uintptr_t)b[j].p;

			if (b[i].p == NULL || b[j].p == NULL) {
				continue;
			}
			if (ai < aj + b[j].count * PAGE_SIZE && aj < ai + b[i].count * PAGE_SIZE) {
				unit_diag("blocks %zu and %zu overlap", i, j);
				return false;
			}
		}
	}
	return true;
}

static void test_no_overlap(void)
{
	uint8_t *a = arena_new(8 * SZ_1M, 0xee);
	static struct block b[200];
	struct palloc pa;
	bool all = true, inside = true, aligned = true;
	size_t sum = 0;

	palloc_init(&pa, (uintptr_t)a + 77, 8 * SZ_1M - 77);
	for (size_t i = 0; i < ARRAY_SIZE(b); i++) {
		size_t align = i % 5 == 0 ? SZ_64K : PAGE_SIZE;

		b[i].count = 1 + i % 7;
		b[i].p = palloc_alloc(&pa, b[i].count, align);
		all = all && b[i].p != NULL;
		inside = inside && in_arena(&pa, b[i].p, b[i].count);
		aligned = aligned && ((uintptr_t)b[i].p & (align - 1)) == 0;
		sum += b[i].count;
		if (b[i].p != NULL) {
			memset(b[i].p, (int)(i * 7 + 1), b[i].count * PAGE_SIZE);
		}
	}
	unit_ok(all, "200 mixed allocations succeed");
	unit_ok(inside, "all inside the arena");
	unit_ok(aligned, "all aligned as asked");
	unit_eq_u64(pa.used, sum, "used is the sum of the counts");
	unit_ok(blocks_disjoint(b, ARRAY_SIZE(b)), "no two allocations overlap");
	unit_ok(blocks_check(b, ARRAY_SIZE(b)), "every pattern intact after filling all");

	/* Free every third, allocate again (into the holes), and check once more. */
	for (size_t i = 0; i < ARRAY_SIZE(b); i += 3) {
		palloc_free(&pa, b[i].p, b[i].count);
		sum -= b[i].count;
		b[i].p = NULL;
	}
	unit_eq_u64(pa.used, sum, "used after freeing every third");
	all = true;
	for (size_t i = 0; i < ARRAY_SIZE(b); i += 3) {
		b[i].count = 1 + (i * 3) % 4;
		b[i].p = palloc_alloc(&pa, b[i].count, PAGE_SIZE);
		all = all && b[i].p != NULL && in_arena(&pa, b[i].p, b[i].count);
		sum += b[i].count;
		if (b[i].p != NULL) {
			memset(b[i].p, (int)(i * 7 + 1), b[i].count * PAGE_SIZE);
		}
	}
	unit_ok(all, "re-allocations succeed");
	unit_eq_u64(pa.used, sum, "used after re-allocating");
	unit_ok(blocks_disjoint(b, ARRAY_SIZE(b)), "still no overlap");
	unit_ok(blocks_check(b, ARRAY_SIZE(b)), "every pattern still intact");
	free(a);
}

static void test_fragmentation(void)
{
	uint8_t *a = arena_new(SZ_2M, 0);
	struct palloc pa;
	uint8_t *pa_a, *pa_b, *pa_c, *p;

	palloc_init(&pa, (uintptr_t)a, SZ_2M);
	pa_a = palloc_alloc(&pa, 3, PAGE_SIZE);
	pa_b = palloc_alloc(&pa, 4, PAGE_SIZE);
	pa_c = palloc_alloc(&pa, 2, PAGE_SIZE);
	unit_ok(pa_b == pa_a + 3 * PAGE_SIZE && pa_c == pa_b + 4 * PAGE_SIZE,
		"A (3), B (4), C (2) are adjacent");

	palloc_free(&pa, pa_b, 4);
	unit_eq_u64(pa.used, 5, "used 5 with a 4-page hole");
	p = palloc_alloc(&pa, 5, PAGE_SIZE);
	unit_eq_u64((uintptr_t)p, (uintptr_t)(pa_c + 2 * PAGE_SIZE),
		    "5 pages skip the hole, after C");
	p = palloc_alloc(&pa, 4, PAGE_SIZE);
	unit_eq_u64((uintptr_t)p, (uintptr_t)pa_b, "4 pages fit the hole exactly");
	unit_eq_u64(pa.used, 14, "used 14");

	palloc_free(&pa, pa_b, 4);
	p = palloc_alloc(&pa, 1, PAGE_SIZE);
	unit_eq_u64((uintptr_t)p, (uintptr_t)pa_b, "1 page goes to the start of the hole");
	p = palloc_alloc(&pa, 3, PAGE_SIZE);
	unit_eq_u64((uintptr_t)p, (uintptr_t)(pa_b + PAGE_SIZE), "3 pages fill the rest of it");
	free(a);
}

int main(void)
{
	test_init();
	test_alloc_basic();
	test_huge_count();
	test_alignment();
	test_exhaustion();
	test_no_overlap();
	test_fragmentation();
	return unit_done();
}
