/* SPDX-License-Identifier: MIT */
/* The dirty-page bitmap of a VM's RAM: see ram_dirty.h. */
#include "ram_dirty.h"

void ram_dirty_mark(struct ram_dirty *d, uint64_t off, uint64_t len, uint64_t size)
{
	uint64_t limit = (uint64_t)RAM_DIRTY_PAGES * RAM_DIRTY_PAGE;
	uint64_t end;

	limit = size < limit ? size : limit;
	if (off >= limit) {
		return;
	}
	len = len ? len : 1; /* a zero length marks the page of @off */
	end = len > limit - off ? limit : off + len;
	for (uint64_t p = off / RAM_DIRTY_PAGE; p * RAM_DIRTY_PAGE < end; p++) {
		d->bits[p / 64] |= 1ULL << (p % 64);
	}
}

void ram_dirty_mark_pa(struct ram_dirty *d, uint64_t ram, uint64_t size, uint64_t pa, uint64_t len)
{
	uint64_t end = pa + len < pa ? UINT64_MAX : pa + len; /* a range at the top saturates */
	uint64_t lo = pa > ram ? pa : ram, hi = end < ram + size ? end : ram + size;

	if (len != 0 && lo < hi) {
		ram_dirty_mark(d, lo - ram, hi - lo, size);
	}
}

void ram_dirty_all(struct ram_dirty *d)
{
	for (unsigned w = 0; w < RAM_DIRTY_WORDS; w++) {
		d->bits[w] = ~0ULL;
	}
}

bool ram_dirty_test(const struct ram_dirty *d, unsigned page)
{
	return page < RAM_DIRTY_PAGES && (d->bits[page / 64] >> (page % 64) & 1);
}

bool ram_dirty_any(const struct ram_dirty *d, uint64_t off, uint64_t len)
{
	uint64_t first = off / RAM_DIRTY_PAGE;
	uint64_t last = len ? (off + len - 1) / RAM_DIRTY_PAGE : first;

	for (uint64_t p = first; p <= last && p < RAM_DIRTY_PAGES; p++) {
		if (ram_dirty_test(d, (unsigned)p)) {
			return true;
		}
	}
	return false;
}

unsigned ram_dirty_next(const struct ram_dirty *d, unsigned from)
{
	for (unsigned p = from; p < RAM_DIRTY_PAGES;) {
		uint64_t w = d->bits[p / 64] >> (p % 64);

		if (w) {
			return p + (unsigned)__builtin_ctzll(w);
		}
		p = (p / 64 + 1) * 64;
	}
	return RAM_DIRTY_PAGES;
}
