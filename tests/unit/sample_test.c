/* SPDX-License-Identifier: MIT */
/*
 * Host tests of the family sampler (scenarios/sample.c). The score's vectors are worked out from
 * the definitions: FNV-1a-64's offset basis is the hash of "" and its published hash of "a" is
 * 0xaf63dc4c8601ec8c; splitmix64's first output for state 0 is 0xe220a8397b1dcdaf.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "sample.h"
#include "unit.h"

#define ROWS 40

static char names[ROWS][48];

static void items_init(struct sample_item *it, size_t n, unsigned strata)
{
	for (size_t i = 0; i < n; i++) {
		snprintf(names[i], sizeof(names[i]), "stage2.x[row=%zu]", i);
		it[i] = (struct sample_item){
			.id = names[i], .stratum = (unsigned)(i % strata), .index = i};
	}
}

static void test_score(void)
{
	/* seed ^ FNV("") = 0 makes the score splitmix64(0). */
	unit_eq_u64(sample_score(0xcbf29ce484222325ULL, ""), 0xe220a8397b1dcdafULL,
		    "score: splitmix64 of 0");
	unit_eq_u64(sample_score(0xaf63dc4c8601ec8cULL, "a"), 0xe220a8397b1dcdafULL,
		    "score: FNV-1a-64 of \"a\"");
	unit_ok(sample_score(0, "a") != sample_score(1, "a"), "score: depends on the seed");
	unit_ok(sample_score(0, "a") != sample_score(0, "b"), "score: depends on the id");
}

static void test_counts(void)
{
	struct sample_item it[ROWS];
	bool keep[ROWS];
	unsigned per[4] = {0};

	items_init(it, ROWS, 4);
	unit_eq_u64(sample_select(it, ROWS, 3, 7, keep), 12, "4 strata x 3 rows kept");
	for (size_t i = 0; i < ROWS; i++) {
		per[i % 4] += keep[i];
	}
	unit_ok(per[0] == 3 && per[1] == 3 && per[2] == 3 && per[3] == 3, "3 rows of each stratum");

	items_init(it, ROWS, 1);
	unit_eq_u64(sample_select(it, ROWS, ROWS, 7, keep), ROWS, "per_stratum = n keeps all");
	items_init(it, 5, 2);
	unit_eq_u64(sample_select(it, 5, 4, 7, keep), 5, "a small stratum is kept whole");
	items_init(it, ROWS, 1);
	unit_eq_u64(sample_select(it, ROWS, 0, 7, keep), 0, "per_stratum 0 keeps none");
}

static void test_deterministic(void)
{
	struct sample_item it[ROWS], rev[ROWS];
	bool a[ROWS], b[ROWS];

	items_init(it, ROWS, 1);
	sample_select(it, ROWS, 5, 42, a);
	/* The same rows in reverse order: the choice follows the ids, not the positions. */
	items_init(it, ROWS, 1);
	for (size_t i = 0; i < ROWS; i++) {
		rev[i] = it[ROWS - 1 - i];
	}
	sample_select(rev, ROWS, 5, 42, b);
	unit_ok(!memcmp(a, b, sizeof(a)), "same seed, other order: same rows");

	bool differs = false;

	for (uint64_t seed = 43; seed < 53 && !differs; seed++) {
		items_init(it, ROWS, 1);
		sample_select(it, ROWS, 5, seed, b);
		differs = memcmp(a, b, sizeof(a)) != 0;
	}
	unit_ok(differs, "other seeds choose other rows");
}

/* A new row displaces at most one chosen row: the others keep their place. */
static void test_new_row(void)
{
	struct sample_item it[ROWS];
	bool a[ROWS], b[ROWS];
	unsigned changed = 0;

	items_init(it, ROWS - 1, 1);
	sample_select(it, ROWS - 1, 8, 3, a);
	items_init(it, ROWS, 1);
	sample_select(it, ROWS, 8, 3, b);
	for (size_t i = 0; i < ROWS - 1; i++) {
		changed += a[i] != b[i];
	}
	unit_ok(changed <= 1, "one new row changes at most one old choice (%u)", changed);
}

/* Every row gets its turn: over 2000 seeds, each of 10 rows is the 1 chosen about 200 times. */
static void test_uniform(void)
{
	struct sample_item it[10];
	bool keep[10];
	unsigned hits[10] = {0}, lo = ~0u, hi = 0;

	for (uint64_t seed = 0; seed < 2000; seed++) {
		items_init(it, 10, 1);
		sample_select(it, 10, 1, seed, keep);
		for (size_t i = 0; i < 10; i++) {
			hits[i] += keep[i];
		}
	}
	for (size_t i = 0; i < 10; i++) {
		lo = hits[i] < lo ? hits[i] : lo;
		hi = hits[i] > hi ? hits[i] : hi;
	}
	unit_ok(lo >= 140 && hi <= 260, "each row chosen 140..260 times of 2000 (%u..%u)", lo, hi);
}

int main(void)
{
	test_score();
	test_counts();
	test_deterministic();
	test_new_row();
	test_uniform();
	return unit_done();
}
