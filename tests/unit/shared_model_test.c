/* SPDX-License-Identifier: MIT */
/*
 * Host tests of scenarios/model/shared_model.c against cases worked out by hand: atomic and
 * exclusive increments end at exactly the sum performed (B2.9, C6 LDADD/CAS/SWP), plain
 * increments anywhere in [2, count * N] (the classic lower bound: one PE's first load sees 0,
 * the other runs N - 1 increments, the first stores 1, ... the last store writes 2), and the
 * IMPLEMENTATION DEFINED endings (DFSC 0b110101, an exclusive store that always fails) only on
 * Normal Non-cacheable memory.
 */
#include "shared_model.h"
#include "unit.h"

#define N 20000

static bool check(enum shared_kind kind, bool nc, const struct shared_pe *pe, unsigned count,
		  uint64_t final)
{
	char why[160] = "";
	bool ok = shared_model_check(kind, nc, pe, count, N, final, why, sizeof(why));

	if (!ok) {
		unit_diag("why: %s", why);
	}
	return ok;
}

static void endings(void)
{
	unit_ok(shared_end_permitted(SHARED_EXCL, false, SHARED_END_DONE), "done: always");
	unit_ok(!shared_end_permitted(SHARED_EXCL, false, SHARED_END_STUCK),
		"stuck exclusives on WB: not permitted");
	unit_ok(shared_end_permitted(SHARED_EXCL, true, SHARED_END_STUCK),
		"stuck exclusives on NC: permitted (global monitor IMPLEMENTATION DEFINED)");
	unit_ok(!shared_end_permitted(SHARED_ATOMIC, true, SHARED_END_STUCK),
		"an atomic never 'fails': stuck is not an LSE ending");
	unit_ok(shared_end_permitted(SHARED_ATOMIC, true, SHARED_END_UNSUPPORTED),
		"DFSC 0x35 on NC atomics: permitted");
	unit_ok(shared_end_permitted(SHARED_EXCL, true, SHARED_END_UNSUPPORTED),
		"DFSC 0x35 on NC exclusives: permitted");
	unit_ok(!shared_end_permitted(SHARED_ATOMIC, false, SHARED_END_UNSUPPORTED),
		"DFSC 0x35 on WB atomics: not permitted");
	unit_ok(!shared_end_permitted(SHARED_PLAIN, true, SHARED_END_UNSUPPORTED),
		"plain accesses are supported on NC");
	unit_ok(!shared_end_permitted(SHARED_EXCL, true, SHARED_END_OTHER),
		"a timeout is never permitted");
}

static void plain_range(void)
{
	uint64_t lo, hi;

	shared_plain_range(2, N, &lo, &hi);
	unit_eq_u64(lo, 2, "2 PEs: lower bound 2, not N");
	unit_eq_u64(hi, 2 * N, "2 PEs: upper bound 2N");
	shared_plain_range(4, N, &lo, &hi);
	unit_eq_u64(lo, 2, "4 PEs: lower bound 2");
	unit_eq_u64(hi, 4 * N, "4 PEs: upper bound 4N");
	shared_plain_range(2, 1, &lo, &hi);
	unit_ok(lo == 1 && hi == 2, "one increment each: [1, 2]");
	shared_plain_range(2, 0, &lo, &hi);
	unit_ok(lo == 0 && hi == 0, "no increments: 0");
}

static void counters(void)
{
	struct shared_pe done2[] = {{SHARED_END_DONE, N}, {SHARED_END_DONE, N}};
	struct shared_pe done4[] = {{SHARED_END_DONE, N},
				    {SHARED_END_DONE, N},
				    {SHARED_END_DONE, N},
				    {SHARED_END_DONE, N}};

	unit_ok(check(SHARED_EXCL, false, done2, 2, 2 * N), "exclusives, 2 PEs: exactly 2N");
	unit_ok(!check(SHARED_EXCL, false, done2, 2, 2 * N - 1), "one lost increment: caught");
	unit_ok(!check(SHARED_EXCL, false, done2, 2, 2 * N + 1), "one invented increment: caught");
	unit_ok(check(SHARED_ATOMIC, true, done4, 4, 4 * N), "LSE, 4 PEs, NC: exactly 4N");
	unit_ok(!check(SHARED_ATOMIC, false, done4, 4, 3 * N), "LSE, 4 PEs: 3N caught");

	struct shared_pe short_done[] = {{SHARED_END_DONE, N - 1}, {SHARED_END_DONE, N}};

	unit_ok(!check(SHARED_EXCL, false, short_done, 2, 2 * N - 1),
		"a PE that says done after N - 1 increments: caught");

	struct shared_pe stuck[] = {{SHARED_END_STUCK, 0}, {SHARED_END_DONE, N}};

	unit_ok(check(SHARED_EXCL, true, stuck, 2, N), "NC, one PE's STXR never succeeds: N");
	unit_ok(!check(SHARED_EXCL, true, stuck, 2, N + 1),
		"NC, stuck PE: its failed stores must not count");
	unit_ok(!check(SHARED_EXCL, false, stuck, 2, N), "WB: a stuck PE fails the row");

	struct shared_pe fault[] = {{SHARED_END_UNSUPPORTED, 17}, {SHARED_END_UNSUPPORTED, 0}};

	unit_ok(check(SHARED_ATOMIC, true, fault, 2, 17), "NC, DFSC 0x35 after 17 atomics: 17");
	unit_ok(!check(SHARED_ATOMIC, true, fault, 2, 18),
		"NC, DFSC 0x35: the faulting one adds 0");

	struct shared_pe other[] = {{SHARED_END_OTHER, N}, {SHARED_END_DONE, N}};

	unit_ok(!check(SHARED_ATOMIC, true, other, 2, 2 * N), "a timed-out PE fails the row");

	unit_ok(check(SHARED_PLAIN, false, done2, 2, 2), "plain: 2 is permitted");
	unit_ok(check(SHARED_PLAIN, false, done2, 2, N - 1), "plain: below N is permitted");
	unit_ok(check(SHARED_PLAIN, false, done2, 2, 2 * N), "plain: no loss is permitted");
	unit_ok(!check(SHARED_PLAIN, false, done2, 2, 1), "plain: 1 is not");
	unit_ok(!check(SHARED_PLAIN, false, done2, 2, 0), "plain: 0 is not");
	unit_ok(!check(SHARED_PLAIN, false, done2, 2, 2 * N + 1), "plain: above 2N is not");
	unit_ok(check(SHARED_PLAIN, true, done4, 4, 4 * N - 1000), "plain, 4 PEs, NC: in range");

	struct shared_pe plain_stuck[] = {{SHARED_END_STUCK, 3}, {SHARED_END_DONE, N}};

	unit_ok(!check(SHARED_PLAIN, true, plain_stuck, 2, N), "plain: every PE must complete");
}

int main(void)
{
	endings();
	plain_range();
	counters();
	return unit_done();
}
