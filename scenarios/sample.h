/* SPDX-License-Identifier: MIT */
/*
 * Sampling of large families (struct scenario.sample): which rows one boot runs. Pure code,
 * host-tested (tests/unit/sample_test.c).
 *
 * Every row gets a score, a 64-bit hash of hyptap.seed and its instance id; within each stratum
 * (rows with the same key, struct scenario.sample_stratum) the rows with the lowest scores run.
 * The choice depends only on the seed and the ids: the same seed gives the same rows whatever
 * the link order, the selection globs or the other families, and a new row changes the choice
 * only where it scores lower than a chosen one.
 */
#ifndef SCENARIOS_SAMPLE_H
#define SCENARIOS_SAMPLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct sample_item {
	const char *id;	  /* the instance id, e.g. "stage2.geom.map[4k,ipa=40,sl=1]" */
	unsigned stratum; /* sample_stratum(row), 0 without strata */
	size_t index;	  /* the row's index in its family: what sample_select() marks */
	uint64_t score;	  /* filled by sample_select() */
};

/** sample_score() - the rank of instance @id under @seed: splitmix64(seed ^ FNV-1a-64(id)). */
uint64_t sample_score(uint64_t seed, const char *id);

/**
 * sample_select() - mark the rows one boot runs.
 * @items:       one per row of the family; reordered (sorted by stratum, then score).
 * @n:           number of items.
 * @per_stratum: rows to keep from each stratum (all of a smaller stratum).
 * @seed:        hyptap.seed.
 * @keep:        @keep[item.index] is set to whether the row runs; n entries.
 *
 * Return: the number of rows kept.
 */
size_t sample_select(struct sample_item *items, size_t n, unsigned per_stratum, uint64_t seed,
		     bool *keep);

#endif
