/* SPDX-License-Identifier: MIT */
/*
 * Spinlocks for the few things the PEs share: the console, the page arena, newlib's heap and the
 * work queue. Acquire/release atomics (LDAXR/STLR, or CASA/SWPAL with FEAT_LSE: the compiler
 * picks, -mno-outline-atomics keeps it inline) and WFE while waiting, with SEV on release (Arm
 * ARM D1.6.1, "Wait For Event"). Each PE lists the locks it holds, so that a PE that dies at
 * EL2 (smp_cpu_die()) can give them back and the others go on.
 */
#include "smp.h"

static void held_add(struct spinlock *l)
{
	struct cpu *c = this_cpu();

	if (c && c->held_count < SMP_HELD_MAX) {
		c->held[c->held_count++] = l;
	}
}

static void held_remove(struct spinlock *l)
{
	struct cpu *c = this_cpu();

	if (!c) {
		return;
	}
	for (unsigned i = c->held_count; i-- > 0;) {
		if (c->held[i] == l) {
			c->held[i] = c->held[--c->held_count];
			return;
		}
	}
}

bool spin_trylock(struct spinlock *l)
{
	if (__atomic_exchange_n(&l->locked, 1, __ATOMIC_ACQUIRE)) {
		return false;
	}
	held_add(l);
	return true;
}

void spin_lock(struct spinlock *l)
{
	while (!spin_trylock(l)) {
		while (__atomic_load_n(&l->locked, __ATOMIC_RELAXED)) {
			__asm__ volatile("wfe" ::: "memory");
		}
	}
}

void spin_unlock(struct spinlock *l)
{
	held_remove(l);
	__atomic_store_n(&l->locked, 0, __ATOMIC_RELEASE);
	__asm__ volatile("dsb ish\n\tsev" ::: "memory");
}

void spin_unlock_all_held(void)
{
	struct cpu *c = this_cpu();

	while (c && c->held_count) {
		spin_unlock(c->held[c->held_count - 1]);
	}
}
