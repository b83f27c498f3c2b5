/* SPDX-License-Identifier: MIT */
/*
 * Spinlocks for the few things the PEs share: the console, the page arena, newlib's heap and the
 * work queue. Acquire/release atomics (LDAXR/STLR, or CASA/SWPAL with FEAT_LSE: the compiler
 * picks, -mno-outline-atomics keeps it inline) and WFE while waiting: the unlocking store
 * clears the waiter's exclusive monitor, which is a wake-up event (Arm ARM D1.6.1,
 * "Wait For Event"), and SEV covers a PE that was not yet monitoring.
 */
#include "smp.h"

bool spin_trylock(struct spinlock *l)
{
	return !__atomic_exchange_n(&l->locked, 1, __ATOMIC_ACQUIRE);
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
	__atomic_store_n(&l->locked, 0, __ATOMIC_RELEASE);
	__asm__ volatile("dsb ish\n\tsev" ::: "memory");
}
