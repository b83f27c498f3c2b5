/* SPDX-License-Identifier: MIT */
/*
 * The fuzz tests' random numbers: splitmix64, seeded per case so that every case replays from
 * its number alone (a failing case is reproduced without the others).
 */
#ifndef TESTS_UNIT_FUZZ_RNG_H
#define TESTS_UNIT_FUZZ_RNG_H

#include <stdint.h>

struct rng {
	uint64_t s;
};

static inline uint64_t rng_next(struct rng *r) /* splitmix64 */
{
	uint64_t z = (r->s += 0x9e3779b97f4a7c15ull);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	return z ^ (z >> 31);
}

/** A number below @n (0 for n = 0). */
static inline uint32_t rng_below(struct rng *r, uint32_t n)
{
	return n ? (uint32_t)(rng_next(r) % n) : 0;
}

#endif
