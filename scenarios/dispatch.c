/* SPDX-License-Identifier: MIT */
/*
 * The instances over the PEs (dispatch.h). Every PE of the pool runs worker(): it claims the
 * next item under the queue lock, runs it into its own struct instance_result, and publishes
 * it into the item's slot of a window of WINDOW slots; whoever holds the print lock prints the
 * ready slots in item order, so the TAP stream is the same whatever PE ran what. An item that
 * needs several PEs (struct scenario.pes) or a shared resource (.alone) raises `exclusive`: the
 * others park after their current item, it runs alone, then they are posted worker() again.
 *
 * No PE waits forever on another: every wait loop runs monitor(), which fails the oldest
 * unprinted item when its PE is dead (crashed at EL2: smp_cpu_die()) or has run it longer
 * than the deadline, and marks that PE dead. A dead PE's late result is dropped.
 */
#include "dispatch.h"

#include <stdio.h>
#include <string.h>

#include "arch/sysreg.h"
#include "counter.h"

#define WINDOW 64
/* A PE with nothing to claim sleeps this long between looks (smp_idle_us(): no host CPU). */
#define IDLE_US 20

enum slot_state { SLOT_FREE, SLOT_RUNNING, SLOT_WRITING, SLOT_READY };

struct slot {
	volatile uint32_t state;
	unsigned item;
	unsigned cpu;
	uint64_t start; /* CNTPCT when its PE claimed it */
	struct instance_result r;
};

static const struct dispatch *d;
static struct slot slots[WINDOW];
static struct spinlock queue_lock, print_lock;
static unsigned next_item;	  /* any-PE mode: the next item to claim */
static unsigned cursor[CPU_MAX];  /* pinned mode: each pool PE's next item */
static volatile unsigned printed; /* items printed so far */
static volatile bool exclusive;	  /* an item runs alone: take no more */
static volatile bool in_worker[CPU_MAX];
static bool fault_done;
static struct instance_result scratch[CPU_MAX]; /* each PE's result while it runs an item */
static struct dispatch_stats stats[CPU_MAX];

static void worker(void *arg);

/* Print every ready slot in order; the PE that prints the last item finishes the run. */
static void try_print(void)
{
	while (spin_trylock(&print_lock)) {
		for (;;) {
			struct slot *s = &slots[printed % WINDOW];

			if (__atomic_load_n(&s->state, __ATOMIC_ACQUIRE) != SLOT_READY ||
			    s->item != printed) {
				break;
			}
			d->print(printed, &s->r);
			__atomic_store_n(&s->state, SLOT_FREE, __ATOMIC_RELEASE);
			__atomic_store_n(&printed, printed + 1, __ATOMIC_RELEASE);
			if (printed == d->items) {
				d->finish();
			}
		}
		spin_unlock(&print_lock);
		/* A slot made ready while this PE held the lock: its publisher's trylock failed. */
		struct slot *s = &slots[printed % WINDOW];

		if (__atomic_load_n(&s->state, __ATOMIC_ACQUIRE) != SLOT_READY ||
		    s->item != printed) {
			return;
		}
	}
}

/* RUNNING -> WRITING: the one who wins (the item's PE, or the monitor) writes the result. */
static bool slot_take(struct slot *s)
{
	uint32_t running = SLOT_RUNNING;

	return __atomic_compare_exchange_n(&s->state, &running, SLOT_WRITING, false,
					   __ATOMIC_ACQUIRE, __ATOMIC_RELAXED);
}

static void slot_ready(struct slot *s)
{
	__atomic_store_n(&s->state, SLOT_READY, __ATOMIC_RELEASE);
	try_print();
}

/* A slot this PE took (SLOT_WRITING) for PE @cpu's item: not ok with @rule and @failure. */
static void slot_fail(struct slot *s, unsigned cpu, const char *rule, const char *failure)
{
	result_init(&s->r);
	s->r.cpu = cpu;
	s->r.status = TAP_FAIL;
	result_add(&s->r, "rule", rule);
	result_add(&s->r, "failure", failure);
	slot_ready(s);
}

/*
 * hyptap.on=all: the items of a dead PE are never claimed, so the oldest unprinted one waits
 * for nobody: claim it in that PE's place and fail it as not run.
 */
static bool skip_dead_pes_item(unsigned item)
{
	unsigned cpu = d->pool[item % d->pool_count];
	struct cpu *c = smp_cpu(cpu);
	struct slot *s = &slots[item % WINDOW];
	bool taken = false;

	if (c->state != CPU_DEAD) {
		return false;
	}
	spin_lock(&queue_lock);
	if (cursor[cpu] == item) {
		cursor[cpu] += d->pool_count;
		s->item = item;
		s->cpu = cpu;
		__atomic_store_n(&s->state, SLOT_WRITING, __ATOMIC_RELEASE);
		taken = true;
	}
	spin_unlock(&queue_lock);
	if (!taken) {
		return false;
	}
	char msg[200];

	snprintf(msg, sizeof(msg), "not run: cpu %u is dead (%s)", cpu, c->why_dead);
	slot_fail(s, cpu, "every instance runs on every selected PE (hyptap.on=all)", msg);
	return true;
}

/* The oldest unprinted item, if its PE died or overran the deadline: not ok, PE dead. */
static void monitor(void)
{
	unsigned item = printed;
	struct slot *s = &slots[item % WINDOW];

	try_print();
	if (item >= d->items) {
		return;
	}
	if (d->pinned && skip_dead_pes_item(item)) {
		return;
	}
	if (__atomic_load_n(&s->state, __ATOMIC_ACQUIRE) != SLOT_RUNNING || s->item != item) {
		return;
	}
	struct cpu *c = smp_cpu(s->cpu);
	/*
	 * The claiming PE read its start from its own counter: this PE's read may come out
	 * earlier (counter reads are not ordered by the acquire above), so clamp at 0.
	 */
	uint64_t now = read_cntpct_el0(), start = s->start;
	uint64_t ran_us = now > start ? counter_ticks_to_us(now - start) : 0;
	bool dead = c->state == CPU_DEAD;

	if ((!dead && ran_us < d->deadline_us) || !slot_take(s)) {
		return;
	}
	char msg[256];

	if (dead) {
		snprintf(msg, sizeof(msg), "cpu %u died running this instance: %s", c->index,
			 c->why_dead);
	} else {
		snprintf(msg, sizeof(msg),
			 "cpu %u stopped answering: this instance has run %llu ms (deadline %llu "
			 "ms); the PE gets no more work",
			 c->index, (unsigned long long)ran_us / 1000,
			 (unsigned long long)d->deadline_us / 1000);
		smp_mark_dead(c->index, "it stopped answering");
	}
	slot_fail(s, c->index, "every instance ends: each PE answers within the deadline", msg);
}

/*
 * A pool PE still in worker() and alive: an exclusive item waits until there is none, so that
 * every other PE takes its calls.
 */
static bool others_working(void)
{
	unsigned self = smp_this_cpu();

	for (unsigned k = 0; k < d->pool_count; k++) {
		unsigned cpu = d->pool[k];

		/* Still in worker(), or not yet back in its mailbox loop to take a call. */
		if (cpu != self && (in_worker[cpu] || !smp_call_done(cpu)) &&
		    smp_cpu(cpu)->state != CPU_DEAD) {
			return true;
		}
	}
	return false;
}

/* Give worker() to every parked pool PE: at the start, and after an exclusive item. */
static void repost_workers(void)
{
	unsigned self = smp_this_cpu();

	for (unsigned k = 0; k < d->pool_count; k++) {
		unsigned cpu = d->pool[k];

		if (cpu != self && !in_worker[cpu] && smp_cpu(cpu)->state == CPU_ONLINE) {
			in_worker[cpu] = true;
			if (smp_call_async(cpu, worker, NULL)) {
				in_worker[cpu] = false;
			}
		}
	}
}

/* hyptap.pe-fault: what a PE that stops answering, or crashes at EL2, looks like. */
static void maybe_misbehave(void)
{
	if (d->fault_cpu != (int)smp_this_cpu() || fault_done) {
		return;
	}
	fault_done = true;
	if (d->fault_crash) {
		/* An address the EL2 map leaves out: a translation fault at EL2. */
		*(volatile uint64_t *)0xdead00000000ull = 1;
	}
	for (;;) {
		__asm__ volatile("msr daifset, #0xf" ::: "memory");
	}
}

/* Run @item here; publish it. */
static void run_item(unsigned item, bool alone)
{
	unsigned self = smp_this_cpu();
	struct instance_result *r = &scratch[self];
	struct instance_pes pes = {.cpu = {self}, .count = 1};
	struct slot *s = &slots[item % WINDOW];

	if (alone) {
		for (unsigned k = 0; k < d->pool_count; k++) {
			if (d->pool[k] != self && smp_cpu(d->pool[k])->state == CPU_ONLINE) {
				pes.cpu[pes.count++] = d->pool[k];
			}
		}
	}
	maybe_misbehave();
	d->run(item, &pes, r);
	if (smp_cpu(self)->state == CPU_DEAD || !slot_take(s)) {
		return; /* the monitor has given up on this PE: its result no longer counts */
	}
	result_copy(&s->r, r);
	slot_ready(s);
}

/* Under queue_lock: this PE's next item, or d->items when there is none. */
static unsigned peek_item(void)
{
	if (!d->pinned) {
		return next_item;
	}
	return cursor[smp_this_cpu()];
}

static void claim_advance(void)
{
	if (!d->pinned) {
		next_item++;
	} else {
		cursor[smp_this_cpu()] += d->pool_count;
	}
}

static bool needs_alone(unsigned item)
{
	const struct scenario *sc = d->scenario(item);

	return sc->pes >= 2 || sc->alone;
}

static void worker(void *arg)
{
	unsigned self = smp_this_cpu();

	(void)arg;
	for (;;) {
		uint64_t t0 = read_cntpct_el0();

		spin_lock(&queue_lock);
		unsigned item = peek_item();

		if (exclusive || item >= d->items || smp_cpu(self)->state == CPU_DEAD) {
			in_worker[self] = false;
			spin_unlock(&queue_lock);
			/*
			 * Nothing left to claim: watch the items still running until the last is
			 * printed (which ends the run), so that a PE that died or hangs on one
			 * cannot stop it; park (return) when an item must run alone, as it may
			 * post work to this PE.
			 */
			while (item >= d->items && !exclusive && smp_cpu(self)->state != CPU_DEAD) {
				monitor();
				smp_idle_us(IDLE_US);
			}
			return;
		}
		if (item >= printed + WINDOW) {
			spin_unlock(&queue_lock);
			monitor();
			smp_idle_us(IDLE_US);
			stats[self].wait_us += counter_ticks_to_us(read_cntpct_el0() - t0);
			continue;
		}
		bool alone = needs_alone(item);
		struct slot *s = &slots[item % WINDOW];

		s->item = item;
		s->cpu = self;
		s->start = read_cntpct_el0();
		__atomic_store_n(&s->state, SLOT_RUNNING, __ATOMIC_RELEASE);
		claim_advance();
		if (alone) {
			exclusive = true;
		}
		stats[self].claims++;
		spin_unlock(&queue_lock);
		stats[self].claim_us += counter_ticks_to_us(read_cntpct_el0() - t0);
		if (!alone) {
			run_item(item, false);
			continue;
		}
		while (others_working()) {
			monitor();
			smp_idle_us(IDLE_US);
		}
		run_item(item, true);
		spin_lock(&queue_lock);
		exclusive = false;
		spin_unlock(&queue_lock);
		repost_workers();
	}
}

void dispatch_run(const struct dispatch *dd)
{
	unsigned self = smp_this_cpu();

	d = dd;
	for (unsigned k = 0; k < d->pool_count; k++) {
		cursor[d->pool[k]] = k;
		in_worker[self] |= d->pool[k] == self;
	}
	if (!d->items) {
		d->finish();
	}
	repost_workers();
	if (in_worker[self]) {
		worker(NULL);
	}
	smp_park();
}

void dispatch_get_stats(struct dispatch_stats *st)
{
	*st = (struct dispatch_stats){0};
	for (unsigned i = 0; i < CPU_MAX; i++) {
		st->wait_us += stats[i].wait_us;
		st->claim_us += stats[i].claim_us;
		st->claims += stats[i].claims;
	}
}
