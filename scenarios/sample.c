/* SPDX-License-Identifier: MIT */
/* Sampling of large families: see sample.h. */
#include <stdlib.h>
#include <string.h>

#include "sample.h"

/* FNV-1a, 64-bit: the id's bytes, so the score does not depend on where the row sits. */
static uint64_t fnv1a64(const char *s)
{
	uint64_t h = 0xcbf29ce484222325ULL;

	for (; *s; s++) {
		h = (h ^ (unsigned char)*s) * 0x100000001b3ULL;
	}
	return h;
}

/* splitmix64's finaliser: neighbouring ids and seeds give unrelated scores. */
static uint64_t mix64(uint64_t z)
{
	z += 0x9e3779b97f4a7c15ULL;
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

uint64_t sample_score(uint64_t seed, const char *id)
{
	return mix64(seed ^ fnv1a64(id));
}

/* By stratum, then score; equal scores (a 64-bit collision) by id, so the order is total. */
static int item_cmp(const void *a, const void *b)
{
	const struct sample_item *x = a, *y = b;

	if (x->stratum != y->stratum) {
		return x->stratum < y->stratum ? -1 : 1;
	}
	if (x->score != y->score) {
		return x->score < y->score ? -1 : 1;
	}
	return strcmp(x->id, y->id);
}

size_t sample_select(struct sample_item *items, size_t n, unsigned per_stratum, uint64_t seed,
		     bool *keep)
{
	size_t kept = 0, taken = 0;

	for (size_t i = 0; i < n; i++) {
		items[i].score = sample_score(seed, items[i].id);
	}
	qsort(items, n, sizeof(*items), item_cmp);
	for (size_t i = 0; i < n; i++) {
		if (i == 0 || items[i].stratum != items[i - 1].stratum) {
			taken = 0;
		}
		keep[items[i].index] = taken < per_stratum;
		if (taken < per_stratum) {
			taken++;
			kept++;
		}
	}
	return kept;
}
