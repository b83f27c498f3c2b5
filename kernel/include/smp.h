/* SPDX-License-Identifier: MIT */
/*
 * Every PE: the CPUs of the DTB's /cpus, brought up with PSCI CPU_ON at EL2 (kernel/smp.c),
 * each with its own stack, vectors, the harness's EL2 map and its per-CPU block in TPIDR_EL2.
 * A PE that is not running an instance is parked in smp_park(): it serves calls another PE
 * posts to it (smp_call_async()), so a cross-PE scenario can run code (a vCPU, a TLBI, a
 * counter loop) on a second PE while it checks on the first.
 */
#ifndef KERNEL_SMP_H
#define KERNEL_SMP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "platform.h"

/** Most PEs hyptap drives (the DTB may describe more: they are reported and left off). */
#define CPU_MAX 64

/* Most spinlocks one PE holds at once (console, arena, heap, queue: nesting is shallow). */
#define SMP_HELD_MAX 8

struct spinlock {
	volatile uint32_t locked;
};

enum cpu_state {
	CPU_ABSENT,  /* described but not brought up (not selected, or no PSCI) */
	CPU_OFFLINE, /* PSCI CPU_ON failed, or the PE never reached smp_park() */
	CPU_ONLINE,  /* parked or running work */
	CPU_DEAD,    /* stopped answering, or crashed at EL2: it gets no more work */
};

/*
 * struct cpu - one PE. The first member is the world switch's (vmm/entry.S): the vCPU
 * context of the guest this PE runs, reached through TPIDR_EL2 at every exit.
 */
struct cpu {
	void *guest_ctx;     /* vmm/entry.S: offset 0 */
	uintptr_t stack_top; /* head.S secondary_entry: offset 8 */
	/* The EL2 MMU registers the boot CPU uses (offsets 16..40), read with the MMU off. */
	uint64_t boot_mair, boot_tcr, boot_ttbr, boot_sctlr;
	unsigned index; /* 0: the boot CPU; then the DTB's /cpus order */
	uint64_t mpidr;
	enum cpu_enable_method method; /* its /cpus node's (the boot CPU's is not used) */
	uint64_t midr, revidr;	       /* read by the PE itself once it is up */
	volatile enum cpu_state state;
	int64_t psci_rc;	/* CPU_ON's return code (0: success) */
	const char *absent_why; /* CPU_ABSENT: why it was not brought up */
	/* The mailbox (smp_call_async()): posted by another PE, run by smp_park(). */
	void (*volatile call_fn)(void *arg);
	void *volatile call_arg;
	volatile uint64_t call_seq, done_seq;
	/* Set while the PE runs an instance: what a monitor names when it stops answering. */
	volatile uint64_t busy_since; /* CNTPCT at the start of the current work, 0 when idle */
	unsigned pages;		      /* pages this PE took from the arena and did not give back */
	char why_dead[160];	      /* CPU_DEAD: what happened (smp_cpu_die()) */
	struct spinlock *held[SMP_HELD_MAX]; /* the locks this PE holds (kernel/spinlock.c) */
	unsigned held_count;
};

/** The running PE's block (TPIDR_EL2). */
static inline struct cpu *this_cpu(void)
{
	struct cpu *c;

	__asm__ volatile("mrs %0, tpidr_el2" : "=r"(c));
	return c;
}

/*
 * this_cpu() where the image may not be at EL2 or not yet set up (the console and heap locks:
 * the EL1 bail-out path writes to the console, and TPIDR_EL2 is UNDEFINED at EL1): NULL
 * before smp_init_boot_cpu().
 */
extern bool smp_cpu_ready;
static inline struct cpu *this_cpu_if_ready(void)
{
	return smp_cpu_ready ? this_cpu() : NULL;
}

/** The running PE's index (0 = boot CPU). */
static inline unsigned smp_this_cpu(void)
{
	return this_cpu()->index;
}

/* struct cpu.psci_rc beyond PSCI's own codes (DEN0022 5.2.2: 0 .. -9). */
#define SMP_RC_NO_STACK	 -100 /* no page for its stack */
#define SMP_RC_NO_ANSWER -101 /* CPU_ON succeeded but the PE never reached its mailbox */
#define SMP_RC_NO_GIC	 -102 /* no redistributor for its MPIDR */

/** Make the running PE index 0 (TPIDR_EL2): before anything takes a lock or a page. */
void smp_init_boot_cpu(void);
/** List the DTB's other CPUs after it (indices 1.., DTB order). */
void smp_discover(const struct platform *p);

/** PEs the DTB describes (index 0 is the boot CPU), at most CPU_MAX. */
unsigned smp_cpu_count(void);
/** PEs that came up and still answer. */
unsigned smp_online_count(void);
/** PE @index, NULL past smp_cpu_count(). */
struct cpu *smp_cpu(unsigned index);

/**
 * smp_boot_secondaries() - CPU_ON every PE of @mask (bit n: index n) but the boot CPU, through
 * the DT's PSCI conduit, and wait (bounded) until each is parked. Failures are recorded in the
 * PE's state and psci_rc, never fatal.
 */
void smp_boot_secondaries(uint64_t mask);

/**
 * smp_call_async() - have parked PE @index run @fn(@arg) and return at once.
 * Return: 0, or -1 if the PE is not online or still busy with an earlier call.
 */
int smp_call_async(unsigned index, void (*fn)(void *), void *arg);
/**
 * smp_call_wait() - wait until PE @index has finished the call posted last, at most
 * @timeout_us. Return: 0, or -1 on a timeout (the PE is then marked CPU_DEAD).
 */
int smp_call_wait(unsigned index, uint64_t timeout_us);
/** smp_call_async() then smp_call_wait(). */
int smp_call(unsigned index, void (*fn)(void *), void *arg, uint64_t timeout_us);

/**
 * smp_cpu_die() - the running PE stops for good (an unexpected exception at EL2 while other PEs
 * go on): @why is recorded, the PE is marked CPU_DEAD, the locks it holds are released, and it
 * waits in WFI with interrupts masked. Only when other PEs are online; else it returns.
 */
void smp_cpu_die(const char *why);

/** Mark PE @index dead with @why (it gets no more work): a PE that failed its setup. */
void smp_mark_dead(unsigned index, const char *why);

/** The name of a struct cpu.psci_rc value (DEN0022's, or SMP_RC_*). */
const char *smp_psci_rc_name(int64_t rc);

/* How often a parked PE looks at its mailbox: the latency of a call to it. */
#define SMP_PARK_POLL_US 20

/** Wait up to @us (or until an interrupt is pending) in WFI, not spinning. */
void smp_idle_us(unsigned us);

/** Park the running PE: serve its mailbox forever (secondaries end up here). */
void smp_park(void) __attribute__((noreturn));

/** Whether PE @index has finished the call posted last (or has no such PE). */
bool smp_call_done(unsigned index);

/* Spinlocks (kernel/spinlock.c); newlib's heap lock is built on one (kernel/syscalls.c). */
void spin_lock(struct spinlock *l);
void spin_unlock(struct spinlock *l);
bool spin_trylock(struct spinlock *l);
/** Release every lock the running PE holds (a PE that dies). */
void spin_unlock_all_held(void);

#endif
