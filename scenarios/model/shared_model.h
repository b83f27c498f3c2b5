/* SPDX-License-Identifier: MIT */
/*
 * What a counter that several PEs increment concurrently may end at (smp.shared): the set of
 * permitted final values given how each PE's loop ended, never one "right" value where the
 * architecture allows several. Pure code, host-tested in tests/unit/shared_model_test.c.
 *
 * Arm ARM DDI 0487, B2.9 "Synchronization and semaphores" and C6 (LDADD, CAS, SWP): an
 * exclusive store that succeeds, and every FEAT_LSE atomic, is a single-copy atomic
 * read-modify-write, so no increment is lost: the counter ends at exactly the sum of the
 * increments the PEs performed. A plain LDR/ADD/STR is not atomic: increments may be lost, and
 * per-location coherence (B2.3, the coherence order) only bounds the result (shared_plain_range()).
 *
 * Where the location is Normal Non-cacheable (here: stage 2 makes it so), B2.9 leaves it
 * IMPLEMENTATION DEFINED whether the global monitor, and the atomics, support it: on such a
 * system an exclusive or atomic access may take the IMPLEMENTATION DEFINED Data Abort "Unsupported
 * Exclusive or Atomic access" (ESR_ELx DFSC 0b110101), and an exclusive store may
 * fail every time. Those endings are permitted on Non-cacheable memory only; on Normal
 * Write-Back Inner Shareable memory every PE must complete its N increments.
 */
#ifndef MODEL_SHARED_MODEL_H
#define MODEL_SHARED_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* How the increments are made. */
enum shared_kind {
	SHARED_EXCL,   /* a Load-Exclusive/Store-Exclusive retry loop */
	SHARED_ATOMIC, /* FEAT_LSE: LDADD, STADD, a CAS loop, a SWP lock around the increment */
	SHARED_PLAIN,  /* LDR, ADD, STR: not atomic */
};

/* How one PE's loop ended. */
enum shared_end {
	SHARED_END_DONE,	/* all N increments performed */
	SHARED_END_STUCK,	/* its exclusive stores kept failing; it gave up */
	SHARED_END_UNSUPPORTED, /* a Data Abort with DFSC 0b110101 (unsupported excl./atomic) */
	SHARED_END_OTHER,	/* anything else: a timeout, another exception, no answer */
};

/* The Data Abort fault status code of an unsupported exclusive or atomic access. */
#define SHARED_DFSC_UNSUPPORTED 0x35

struct shared_pe {
	enum shared_end end;
	uint64_t done; /* increments it performed (successful stores, atomics) */
};

/** Whether @end is a permitted ending for @kind on memory that is @nc (Normal Non-cacheable). */
bool shared_end_permitted(enum shared_kind kind, bool nc, enum shared_end end);

/**
 * shared_plain_range() - the final values @count PEs that each make @n plain increments may
 * leave: [2, count * n] when n >= 2 (every store writes a value read plus one; the last store
 * in coherence order was made by a PE whose earlier store it followed, so it read at least 1),
 * [1, count] when n == 1, and 0 when n == 0.
 */
void shared_plain_range(unsigned count, uint64_t n, uint64_t *lo, uint64_t *hi);

/**
 * shared_model_check() - whether a counter that started at 0 may end at @final after the PEs
 * @pe[0..@count) ran their @n increments of @kind on @nc memory. False with the reason in @why.
 */
bool shared_model_check(enum shared_kind kind, bool nc, const struct shared_pe *pe, unsigned count,
			uint64_t n, uint64_t final, char *why, size_t len);

#endif
