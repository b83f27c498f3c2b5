/*
 * Host tests of the dirty-page bitmap of a VM's RAM (vmm/ram_dirty.c): what a harness write of
 * a range marks (page rounding at both ends, a zero length, the end of RAM), a PA range
 * against the RAM block (below, across either end, above, wrapping), "any" and "next".
 */
#include <stdint.h>
#include <string.h>

#include "ram_dirty.h"
#include "unit.h"

#define PAGE RAM_DIRTY_PAGE
#define SIZE ((uint64_t)RAM_DIRTY_PAGES * PAGE)

static unsigned count(const struct ram_dirty *d)
{
	unsigned n = 0;

	for (unsigned p = 0; p < RAM_DIRTY_PAGES; p++) {
		n += ram_dirty_test(d, p);
	}
	return n;
}

/* Exactly pages [first, last] are marked. */
static void expect_range(const struct ram_dirty *d, unsigned first, unsigned last, const char *what)
{
	bool ok = count(d) == last - first + 1;

	for (unsigned p = first; p <= last; p++) {
		ok = ok && ram_dirty_test(d, p);
	}
	unit_ok(ok, "%s: pages %u..%u marked, nothing else (%u marked)", what, first, last,
		count(d));
}

static void test_mark(void)
{
	struct ram_dirty d;

	memset(&d, 0, sizeof(d));
	unit_ok(count(&d) == 0 && ram_dirty_next(&d, 0) == RAM_DIRTY_PAGES,
		"a zeroed bitmap marks nothing");
	ram_dirty_mark(&d, 8, 8, SIZE);
	expect_range(&d, 0, 0, "8 bytes in page 0");
	memset(&d, 0, sizeof(d));
	ram_dirty_mark(&d, PAGE - 1, 2, SIZE);
	expect_range(&d, 0, 1, "2 bytes across the end of page 0");
	memset(&d, 0, sizeof(d));
	ram_dirty_mark(&d, 3 * PAGE, PAGE, SIZE);
	expect_range(&d, 3, 3, "exactly page 3");
	memset(&d, 0, sizeof(d));
	ram_dirty_mark(&d, 5 * PAGE + 7, 0, SIZE);
	expect_range(&d, 5, 5, "a zero length marks its page");
	memset(&d, 0, sizeof(d));
	ram_dirty_mark(&d, SIZE - 8, 64, SIZE);
	expect_range(&d, RAM_DIRTY_PAGES - 1, RAM_DIRTY_PAGES - 1, "a range past the end is cut");
	memset(&d, 0, sizeof(d));
	ram_dirty_mark(&d, SIZE, 8, SIZE);
	unit_ok(count(&d) == 0, "an offset at the end of RAM marks nothing");
	ram_dirty_mark(&d, 0, UINT64_MAX, SIZE);
	expect_range(&d, 0, RAM_DIRTY_PAGES - 1, "a huge length marks all of RAM");
	memset(&d, 0, sizeof(d));
	ram_dirty_mark(&d, 2 * PAGE, 8, 4 * PAGE);
	ram_dirty_mark(&d, 4 * PAGE, 8, 4 * PAGE);
	expect_range(&d, 2, 2, "a smaller RAM: past its size is not RAM");
	memset(&d, 0, sizeof(d));
	ram_dirty_all(&d);
	expect_range(&d, 0, RAM_DIRTY_PAGES - 1, "all");
}

static void test_mark_pa(void)
{
	const uint64_t ram = 0x40200000;
	struct ram_dirty d;

	memset(&d, 0, sizeof(d));
	ram_dirty_mark_pa(&d, ram, SIZE, ram - PAGE, PAGE);
	ram_dirty_mark_pa(&d, ram, SIZE, ram + SIZE, PAGE);
	ram_dirty_mark_pa(&d, ram, SIZE, ram + PAGE, 0);
	unit_ok(count(&d) == 0, "PA ranges just below, just above, and empty mark nothing");
	ram_dirty_mark_pa(&d, ram, SIZE, ram - PAGE, 2 * PAGE);
	expect_range(&d, 0, 0, "a PA range across the start of RAM");
	memset(&d, 0, sizeof(d));
	ram_dirty_mark_pa(&d, ram, SIZE, ram + SIZE - PAGE, 4 * PAGE);
	expect_range(&d, RAM_DIRTY_PAGES - 1, RAM_DIRTY_PAGES - 1, "a PA range across its end");
	memset(&d, 0, sizeof(d));
	ram_dirty_mark_pa(&d, ram, SIZE, ram & ~((1ULL << 30) - 1), 1ULL << 30);
	expect_range(&d, 0, RAM_DIRTY_PAGES - 1, "a 1 GiB block holding the RAM marks all of it");
	memset(&d, 0, sizeof(d));
	ram_dirty_mark_pa(&d, ram, SIZE, UINT64_MAX - PAGE + 1, 2 * PAGE);
	unit_ok(count(&d) == 0, "a PA range that wraps at the top marks nothing of a low RAM");
	ram_dirty_mark_pa(&d, ram, SIZE, ram + 9 * PAGE + 16, 8);
	expect_range(&d, 9, 9, "8 bytes of page 9 by PA");
}

static void test_any_next(void)
{
	struct ram_dirty d;

	memset(&d, 0, sizeof(d));
	ram_dirty_mark(&d, 70 * PAGE, 1, SIZE);
	ram_dirty_mark(&d, 200 * PAGE, 1, SIZE);
	unit_ok(ram_dirty_next(&d, 0) == 70 && ram_dirty_next(&d, 70) == 70 &&
			ram_dirty_next(&d, 71) == 200 && ram_dirty_next(&d, 201) == RAM_DIRTY_PAGES,
		"next finds pages 70 and 200 across words, then none");
	unit_ok(!ram_dirty_any(&d, 0, 70 * PAGE) && ram_dirty_any(&d, 0, 70 * PAGE + 1) &&
			ram_dirty_any(&d, 70 * PAGE + 5, 0) && !ram_dirty_any(&d, 71 * PAGE, PAGE),
		"any: up to page 70 exclusive, into it, a zero length in it, page 71");
	unit_ok(!ram_dirty_test(&d, RAM_DIRTY_PAGES) &&
			ram_dirty_next(&d, RAM_DIRTY_PAGES + 5) == RAM_DIRTY_PAGES,
		"pages past the bitmap are never marked");
}

int main(void)
{
	test_mark();
	test_mark_pa();
	test_any_next();
	return unit_done();
}
