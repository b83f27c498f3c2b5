/* SPDX-License-Identifier: MIT */
/*
 * Every PE (kernel/include/smp.h): the CPUs the DTB describes, brought up with PSCI CPU_ON
 * (DEN0022, 5.6) into head.S secondary_entry at EL2, MMU on with the boot CPU's map, then
 * parked on their mailbox. The boot CPU is index 0 whatever its place in /cpus.
 */
#include <stddef.h>

#include "arch/asm.h"
#include "arch/el2.h"
#include "arch/sysreg.h"
#include "bootargs.h"
#include "counter.h"
#include "gic.h"
#include "kalloc.h"
#include "kernel.h"
#include "mmu.h"
#include "platform.h"
#include "power.h"
#include "smp.h"

_Static_assert(offsetof(struct cpu, guest_ctx) == 0, "vmm/entry.S reads the ctx at 0");
_Static_assert(offsetof(struct cpu, stack_top) == 8, "head.S CPU_STACK_TOP");
_Static_assert(offsetof(struct cpu, boot_mair) == 16, "head.S CPU_BOOT_MAIR");
_Static_assert(offsetof(struct cpu, boot_sctlr) == 40, "head.S CPU_BOOT_SCTLR");

#define STACK_PAGES 16
/*
 * How long a PE may take from CPU_ON to its mailbox: well under 1 ms on QEMU, but a host that
 * deschedules the PE's thread (make check at a load of 20 on 2 cores) missed 500 ms, and the
 * cross-PE rows then skipped with "1 online". Waiting costs only when a PE is late.
 */
#define BRINGUP_US 2000000

static struct cpu cpus[CPU_MAX];
bool smp_cpu_ready;
static unsigned cpu_count = 1;

void secondary_entry(void);

unsigned smp_cpu_count(void)
{
	return cpu_count;
}

unsigned smp_online_count(void)
{
	unsigned n = 0;

	for (unsigned i = 0; i < cpu_count; i++) {
		n += cpus[i].state == CPU_ONLINE;
	}
	return n;
}

struct cpu *smp_cpu(unsigned index)
{
	return index < cpu_count ? &cpus[index] : NULL;
}

void smp_init_boot_cpu(void)
{
	cpus[0] = (struct cpu){.index = 0, .mpidr = read_mpidr_el1() & PLATFORM_MPIDR_AFF_MASK};
	cpus[0].state = CPU_ONLINE;
	cpus[0].midr = read_midr_el1();
	cpus[0].revidr = read_revidr_el1();
	write_tpidr_el2((uintptr_t)&cpus[0]);
	smp_cpu_ready = true;
}

/* Index 0 is the running PE; the other DTB CPUs follow in DTB order. */
void smp_discover(const struct platform *p)
{
	uint64_t self = cpus[0].mpidr;

	for (unsigned i = 0; i < p->cpu_count && cpu_count < CPU_MAX; i++) {
		if (p->cpus[i].mpidr == self) {
			continue;
		}
		cpus[cpu_count] = (struct cpu){
			.index = cpu_count, .mpidr = p->cpus[i].mpidr, .method = p->cpus[i].method};
		cpu_count++;
	}
}

/* What the PE needs before its MMU is on: read with the MMU off, so cleaned to the PoC. */
static int prepare(struct cpu *c)
{
	uint8_t *stack = kalloc_pages(STACK_PAGES, 4096);

	if (!stack) {
		return -1;
	}
	c->stack_top = (uintptr_t)stack + STACK_PAGES * 4096;
	c->boot_mair = read_mair_el2();
	c->boot_tcr = read_tcr_el2();
	c->boot_ttbr = read_ttbr0_el2();
	c->boot_sctlr = read_sctlr_el2();
	kcache_clean_inval(stack, STACK_PAGES * 4096);
	kcache_clean_inval(c, sizeof(*c));
	return 0;
}

void smp_boot_secondaries(uint64_t mask)
{
	for (unsigned i = 1; i < cpu_count; i++) {
		struct cpu *c = &cpus[i];

		c->state = CPU_ABSENT;
		c->absent_why = !(mask >> i & 1)	       ? "not selected (hyptap.cpus)"
				: c->method != CPU_ENABLE_PSCI ? "its enable-method is not psci"
				: platform.psci == PSCI_NONE   ? "no PSCI node in the DTB"
							       : NULL;
		if (c->absent_why) {
			continue;
		}
		c->state = CPU_OFFLINE;
		if (prepare(c)) {
			c->psci_rc = SMP_RC_NO_STACK;
			continue;
		}
		/* At EL2 only SMC reaches firmware; an "hvc" conduit is for EL1 callers. */
		c->psci_rc = psci_call(PSCI_SMC, PSCI_0_2_FN64_CPU_ON, c->mpidr,
				       (uintptr_t)secondary_entry, (uintptr_t)c);
	}
	uint64_t t0 = counter_now_us();

	for (unsigned i = 1; i < cpu_count; i++) {
		struct cpu *c = &cpus[i];

		if (c->state != CPU_OFFLINE || c->psci_rc) {
			continue;
		}
		while (__atomic_load_n(&c->state, __ATOMIC_ACQUIRE) != CPU_ONLINE &&
		       counter_now_us() - t0 < BRINGUP_US) {
		}
		if (c->state != CPU_ONLINE) {
			c->psci_rc = SMP_RC_NO_ANSWER;
		}
	}
}

/* head.S secondary_entry, MMU on, SP and TPIDR_EL2 set: per-PE bring-up, then the mailbox. */
void smp_secondary_main(struct cpu *c)
{
	c->midr = read_midr_el1();
	c->revidr = read_revidr_el1();
	if (gic_init_cpu()) {
		c->psci_rc = SMP_RC_NO_GIC;
		for (;;) {
			__asm__ volatile("wfi");
		}
	}
	__atomic_store_n(&c->state, CPU_ONLINE, __ATOMIC_RELEASE);
	__asm__ volatile("dsb ish\n\tsev" ::: "memory");
	smp_park();
}

/*
 * Sleep up to @us in WFI, woken by this PE's EL2 physical timer: the watchdog's PPI, enabled on
 * every PE and never acknowledged (disabling the timer drops its level). WFE would not do:
 * QEMU's WFE only yields, so a PE waiting in it takes a host CPU from the PEs that work (at
 * -smp 4 on 2 host cores, three parked PEs made cross-PE instances several times slower). With
 * interrupts masked, WFI still wakes on the pending PPI (Arm ARM D1.6.2, "Wait For Interrupt").
 */
void smp_idle_us(unsigned us)
{
	write_cnthp_cval_el2(read_cntpct_el0() + counter_us_to_ticks(us));
	write_cnthp_ctl_el2(CNT_CTL_ENABLE);
	isb();
	__asm__ volatile("wfi" ::: "memory");
	write_cnthp_ctl_el2(0);
	isb();
}

void smp_park(void)
{
	struct cpu *c = this_cpu();

	for (;;) {
		uint64_t seq = __atomic_load_n(&c->call_seq, __ATOMIC_ACQUIRE);

		if (seq == c->done_seq) {
			smp_idle_us(SMP_PARK_POLL_US);
			continue;
		}
		c->call_fn(c->call_arg);
		__atomic_store_n(&c->done_seq, seq, __ATOMIC_RELEASE);
		__asm__ volatile("dsb ish\n\tsev" ::: "memory");
	}
}

int smp_call_async(unsigned index, void (*fn)(void *), void *arg)
{
	struct cpu *c = smp_cpu(index);

	if (!c || c->state != CPU_ONLINE || c == this_cpu() ||
	    __atomic_load_n(&c->done_seq, __ATOMIC_ACQUIRE) != c->call_seq) {
		return -1;
	}
	c->call_fn = fn;
	c->call_arg = arg;
	__atomic_store_n(&c->call_seq, c->call_seq + 1, __ATOMIC_RELEASE);
	__asm__ volatile("dsb ish\n\tsev" ::: "memory");
	return 0;
}

bool smp_call_done(unsigned index)
{
	struct cpu *c = smp_cpu(index);

	return !c || __atomic_load_n(&c->done_seq, __ATOMIC_ACQUIRE) == c->call_seq;
}

int smp_call_wait(unsigned index, uint64_t timeout_us)
{
	struct cpu *c = smp_cpu(index);
	uint64_t t0 = counter_now_us();

	if (!c) {
		return -1;
	}
	while (!smp_call_done(index)) {
		if (c->state == CPU_DEAD) {
			return -1;
		}
		if (counter_now_us() - t0 > timeout_us) {
			smp_mark_dead(index, "it did not return from a call in time");
			return -1;
		}
		smp_idle_us(SMP_PARK_POLL_US);
	}
	return 0;
}

int smp_call(unsigned index, void (*fn)(void *), void *arg, uint64_t timeout_us)
{
	return smp_call_async(index, fn, arg) ? -1 : smp_call_wait(index, timeout_us);
}

const char *smp_psci_rc_name(int64_t rc)
{
	/* DEN0022 5.2.2 "Return error codes", then hyptap's own. */
	static const char *const psci[] = {
		"SUCCESS",    "NOT_SUPPORTED",	"INVALID_PARAMETERS", "DENIED",
		"ALREADY_ON", "ON_PENDING",	"INTERNAL_FAILURE",   "NOT_PRESENT",
		"DISABLED",   "INVALID_ADDRESS"};

	if (rc <= 0 && rc > -10) {
		return psci[-rc];
	}
	return rc == SMP_RC_NO_STACK	? "no memory for its stack"
	       : rc == SMP_RC_NO_ANSWER ? "CPU_ON succeeded but the PE never reached its mailbox"
	       : rc == SMP_RC_NO_GIC	? "no GIC redistributor for its MPIDR"
					: "unknown";
}

static void set_why_dead(struct cpu *c, const char *why)
{
	size_t n = 0;

	for (; why[n] && n < sizeof(c->why_dead) - 1; n++) {
		c->why_dead[n] = why[n];
	}
	c->why_dead[n] = 0;
}

void smp_mark_dead(unsigned index, const char *why)
{
	struct cpu *c = smp_cpu(index);

	if (c) {
		set_why_dead(c, why);
		__atomic_store_n(&c->state, CPU_DEAD, __ATOMIC_RELEASE);
	}
}

void smp_cpu_die(const char *why)
{
	struct cpu *c = this_cpu();

	if (!c || smp_online_count() < 2) {
		return;
	}
	set_why_dead(c, why);
	spin_unlock_all_held();
	__atomic_store_n(&c->state, CPU_DEAD, __ATOMIC_RELEASE);
	__asm__ volatile("dsb ish\n\tsev" ::: "memory");
	for (;;) {
		__asm__ volatile("msr daifset, #0xf\n\twfi" ::: "memory");
	}
}

/* One bound, three names: bootargs.h and platform.h cannot include this header (inline asm). */
_Static_assert(CPU_MAX == BOOTARGS_CPUS_MAX && CPU_MAX == PLATFORM_MAX_CPUS,
	       "hyptap.cpus, the DTB's CPU list and the PEs hyptap drives have one bound");
