/* SPDX-License-Identifier: MIT */
/*
 * Host tests of the watchdog's budget rule (vmm/watchdog.c): a simulated counter runs guests
 * that never end and guests that end by themselves on hosts that are idle, that steal the CPU
 * across a deadline, or that never deliver a deadline on time. Expected values are worked
 * out by hand from the rule in vmm/watchdog.h and docs/design-notes.md (Watchdog), with the
 * counter of QEMU 7.2's virt board (62.5 MHz: 62500 ticks per millisecond).
 */
#include <stdbool.h>
#include <stdint.h>

#include "unit.h"
#include "watchdog.h"

#define FREQ   62500000ULL
#define MS(x)  ((uint64_t)(x)*62500)
#define US(x)  ((uint64_t)(x)*125 / 2)
#define T0     1000000ULL /* counter at the first entry: any value */
#define BUDGET 100	  /* ms */

static struct watchdog fresh(unsigned ms)
{
	struct watchdog_limits lim = watchdog_limits(FREQ, ms);
	struct watchdog w;

	watchdog_restart(&w, &lim);
	return w;
}

static void test_limits(void)
{
	struct watchdog_limits lim = watchdog_limits(FREQ, BUDGET);

	unit_eq_u64(lim.budget, MS(100), "budget: 100 ms of counter");
	unit_eq_u64(lim.slice, MS(1), "a short slice: 1 ms");
	unit_eq_u64(lim.tail, MS(10), "the tail: 10 short slices");
	unit_eq_u64(lim.late, US(500), "late: 500 us after the deadline");
	unit_eq_u64(watchdog_limits(FREQ, 5).tail, MS(5), "a 5 ms budget is all tail");
}

/* A guest that never exits, the IRQ taken @lat after each deadline: slices until out of time. */
static unsigned run_away(struct watchdog *w, uint64_t *now, uint64_t lat)
{
	unsigned entries = 0;

	do {
		*now = watchdog_arm(w, *now) + lat;
		entries++;
	} while (!watchdog_charge(w, *now) && entries < 100000);
	return entries;
}

static void test_runaway_idle_host(void)
{
	struct watchdog w = fresh(BUDGET);
	uint64_t now = T0;

	unit_eq_u64(watchdog_arm(&w, now), T0 + MS(90), "first slice: the budget but the tail");
	w = fresh(BUDGET);
	unsigned entries = run_away(&w, &now, US(50));

	/*
	 * 90.05 ms, then nine 1 ms tail slices that take 1.05 ms each (99.5 ms used), then one
	 * of the 0.5 ms left, taking 0.55 ms: one latency late, as a single deadline would be.
	 */
	unit_eq_u64(entries, 11, "a runaway: one long slice and ten short ones");
	unit_eq_u64(now - T0, MS(100) + US(50), "stopped at the budget plus one latency");
}

static void test_runaway_no_latency(void)
{
	struct watchdog w = fresh(BUDGET);
	uint64_t now = T0;
	unsigned entries = run_away(&w, &now, 0);

	unit_eq_u64(entries, 11, "no latency: still 1 + 10 slices");
	unit_eq_u64(now, T0 + MS(100), "stopped exactly at the budget");
}

/* Up to the tail, time is wall-clock: a steal over the first deadline is the guest's. */
static void test_before_tail_is_wall_clock(void)
{
	struct watchdog w = fresh(BUDGET);
	uint64_t d = watchdog_arm(&w, T0);

	unit_ok(!watchdog_charge(&w, d + MS(50)), "50 ms late before the tail: time left");
	unit_eq_u64(w.used, MS(90), "charged up to the tail, not into it");
	unit_eq_u64(watchdog_arm(&w, d + MS(50)), d + MS(51), "then the tail's short slices");

	w = fresh(BUDGET);
	d = watchdog_arm(&w, T0);
	watchdog_charge(&w, d + US(500));
	unit_eq_u64(w.used, MS(90) + US(500), "500 us late: charged with all it took");
}

static void test_late_threshold(void)
{
	struct watchdog w = fresh(BUDGET);
	uint64_t now = watchdog_arm(&w, T0);

	watchdog_charge(&w, now);
	uint64_t d = watchdog_arm(&w, now);

	unit_ok(!watchdog_charge(&w, d + US(500)), "a tail slice 500 us late: time left");
	unit_eq_u64(w.used, MS(91) + US(500), "charged with all it took");
	now = d + US(500);
	d = watchdog_arm(&w, now);
	unit_ok(!watchdog_charge(&w, d + MS(30)), "30 ms late: time left");
	unit_eq_u64(w.used, MS(93), "charged 1.5 ms, its length and 500 us, no more");
}

/*
 * The host takes the CPU away for 150 ms across the first deadline: charged up to the tail;
 * the guest, running again, ends by itself in its first tail slice.
 */
static void test_steal_across_deadline(void)
{
	struct watchdog w = fresh(BUDGET);
	uint64_t now = T0;

	watchdog_arm(&w, now);
	now = T0 + MS(150);
	unit_ok(!watchdog_charge(&w, now), "150 ms steal over the deadline: not a timeout");
	unit_eq_u64(watchdog_arm(&w, now), now + MS(1), "the tail starts");
	now += US(80); /* the guest's own exit, 80 us later */
	unit_ok(!watchdog_charge(&w, now), "the guest ends by itself");
	unit_eq_u64(w.used, MS(90) + US(80), "its 80 us counted in the tail");
}

/*
 * In the tail, a host that takes the CPU away across every other deadline (3 ms late): those
 * slices count 1.5 ms, the others 1 ms.
 */
static void test_tail_with_steals(void)
{
	struct watchdog w = fresh(BUDGET);
	uint64_t now = watchdog_arm(&w, T0);
	unsigned entries = 0;

	watchdog_charge(&w, now);
	bool out = false;

	while (!out && entries < 1000) {
		uint64_t d = watchdog_arm(&w, now);

		now = d + (entries++ % 2 ? 0 : MS(3));
		out = watchdog_charge(&w, now);
	}
	unit_eq_u64(entries, 8, "8 tail slices: 4 x (1.5 + 1) ms");
	unit_eq_u64(w.used, MS(100), "the budget used");
}

/*
 * A host that never delivers a deadline on time (always 1 s late): the tail still ends, after
 * 7 slices. A runaway costs 90 ms and 7 of the host's delays.
 */
static void test_host_always_late(void)
{
	struct watchdog w = fresh(BUDGET);
	uint64_t now = T0;
	unsigned entries = run_away(&w, &now, MS(1000));

	unit_eq_u64(entries, 8, "the long slice and 7 tail slices of 1.5 ms");
	unit_eq_u64(w.used, MS(100) + US(500), "the long slice up to the tail, 7 x 1.5 ms");
	unit_eq_u64(now - T0, MS(90) + 8 * MS(1000) + 7 * MS(1), "90 ms, 8 delays, 7 slices");
}

/* A guest that exits in a loop (each exit 10 us after its entry) is bounded too. */
static void test_exit_loop(void)
{
	struct watchdog w = fresh(BUDGET);
	uint64_t now = T0;
	unsigned entries = 0;

	do {
		watchdog_arm(&w, now);
		now += US(10);
		entries++;
	} while (!watchdog_charge(&w, now) && entries < 100000);
	unit_eq_u64(entries, 10000, "10000 exits of 10 us use the 100 ms budget");
	unit_eq_u64(watchdog_arm(&w, now), now, "out of budget: the next slice ends at once");
}

/* A budget shorter than the tail (trap.tge's 5 ms) is all tail. */
static void test_short_budget(void)
{
	struct watchdog w = fresh(5);
	uint64_t now = T0;

	unit_eq_u64(watchdog_arm(&w, now), T0 + MS(1), "5 ms budget: 1 ms slices");
	w = fresh(5);
	unit_eq_u64(run_away(&w, &now, 0), 5, "five slices");
}

static void test_restart(void)
{
	struct watchdog w = fresh(BUDGET);
	uint64_t now = T0;

	run_away(&w, &now, MS(1));
	struct watchdog_limits lim = w.lim;

	watchdog_restart(&w, &lim);
	unit_eq_u64(w.used, 0, "restart: nothing used");
	unit_eq_u64(watchdog_arm(&w, now), now + MS(90), "restart: a full budget again");
}

int main(void)
{
	test_limits();
	test_runaway_idle_host();
	test_runaway_no_latency();
	test_before_tail_is_wall_clock();
	test_late_threshold();
	test_steal_across_deadline();
	test_tail_with_steals();
	test_host_always_late();
	test_exit_loop();
	test_short_budget();
	test_restart();
	return unit_done();
}
