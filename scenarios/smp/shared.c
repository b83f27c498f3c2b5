/* SPDX-License-Identifier: MIT */
/*
 * smp.shared: two (or four) vCPUs of one VM, each on its own PE at the same time, share one
 * stage 2 and one page behind it, and update a counter there N times each (guest/smp_shared.S):
 * with exclusives, FEAT_LSE atomics and a SWP lock the counter must end at exactly the sum of
 * their increments, with a plain LDR/ADD/STR anywhere coherence permits (shared_model.h). The
 * page is Normal Write-Back Inner Shareable, or Normal Non-cacheable at stage 2 (stage 1 maps
 * it Write-Back: the combination is Non-cacheable), where the Arm ARM leaves exclusive and
 * atomic support IMPLEMENTATION DEFINED. A message-passing family checks STLR/LDAR ordering
 * between the PEs. The vCPUs' failed stores (STXR, CAS) and lock spins are in the diagnosis:
 * the evidence that the PEs raced.
 */
#include <stdio.h>
#include <string.h>

#include "arch/el2.h"
#include "arch/esr.h"
#include "arch/pte.h"
#include "cpu_id.h"
#include "kalloc.h"
#include "scenario.h"
#include "shared_model.h"
#include "smp_shared_abi.h"
#include "stage2/s1_table.h"

/*
 * A small RAM (zeroing 1 MiB per instance would dominate it): the guest image at its start,
 * the stage-1 tables at SHARED_S1_L1, the vCPUs' stacks 4 KiB apart below the top.
 */
#define SHARED_RAM_SIZE 0x40000
#define SHARED_S1_L1	(GUEST_RAM_IPA + 0x38000)
#define SHARED_S1_L2	(SHARED_S1_L1 + 0x1000)
#define SHARED_S1_L3	(SHARED_S1_L1 + 0x2000)
#define SHARED_IPA	0x50000000ULL /* the shared page: outside guest RAM, VA == IPA */

/* TCR_EL1: 39-bit VAs through TTBR0 (walk from level 1), 4K, inner-shareable WB walks. */
#define SHARED_TCR_EL1                                                                             \
	(TCR_T0SZ(25) | TCR_IRGN0_WBWA | TCR_ORGN0_WBWA | TCR_SH0_INNER | TCR_TG0_4K | TCR_EL1_EPD1)

/* The vCPUs' watchdog: past the guest's own deadline (2 s), so that the guest reports first. */
#define SHARED_TIMEOUT_MS 3000

/*
 * Increments per vCPU: enough for the loops to overlap many times (a rendezvous every
 * SHARED_BARRIER_EVERY lines them up again), a few ms each under TCG; four vCPUs make half as
 * many (an emulator may run them on fewer host CPUs). 20000 cost 34 ms an instance at -smp 2,
 * a fifth of the whole suite's time there: hyptap.repeat gives a bring-up more races.
 */
#define SHARED_N(count) ((count) > 2 ? 2048u : 4096u)

struct shared_row {
	const char *name;
	uint64_t payload;
	enum shared_kind kind;
	bool lse; /* needs FEAT_LSE */
	bool nc;  /* the page is Normal Non-cacheable at stage 2 */
};

/* Each kind of update on a Write-Back page, then on a Non-cacheable one. */
static const struct shared_row inc_rows[] = {
	{"[ldxr64,wb]", GSYM(gp_shared_ldxr64), SHARED_EXCL, false, false},
	{"[ldxr64,nc]", GSYM(gp_shared_ldxr64), SHARED_EXCL, false, true},
	{"[ldxr32,wb]", GSYM(gp_shared_ldxr32), SHARED_EXCL, false, false},
	{"[ldxr32,nc]", GSYM(gp_shared_ldxr32), SHARED_EXCL, false, true},
	{"[ldaxr64,wb]", GSYM(gp_shared_ldaxr64), SHARED_EXCL, false, false},
	{"[ldaxr64,nc]", GSYM(gp_shared_ldaxr64), SHARED_EXCL, false, true},
	{"[ldadd,wb]", GSYM(gp_shared_ldadd), SHARED_ATOMIC, true, false},
	{"[ldadd,nc]", GSYM(gp_shared_ldadd), SHARED_ATOMIC, true, true},
	{"[ldaddal,wb]", GSYM(gp_shared_ldaddal), SHARED_ATOMIC, true, false},
	{"[ldaddal,nc]", GSYM(gp_shared_ldaddal), SHARED_ATOMIC, true, true},
	{"[stadd,wb]", GSYM(gp_shared_stadd), SHARED_ATOMIC, true, false},
	{"[stadd,nc]", GSYM(gp_shared_stadd), SHARED_ATOMIC, true, true},
	{"[cas,wb]", GSYM(gp_shared_cas), SHARED_ATOMIC, true, false},
	{"[cas,nc]", GSYM(gp_shared_cas), SHARED_ATOMIC, true, true},
	{"[swp_lock,wb]", GSYM(gp_shared_swp_lock), SHARED_ATOMIC, true, false},
	{"[swp_lock,nc]", GSYM(gp_shared_swp_lock), SHARED_ATOMIC, true, true},
	{"[plain,wb]", GSYM(gp_shared_plain), SHARED_PLAIN, false, false},
	{"[plain,nc]", GSYM(gp_shared_plain), SHARED_PLAIN, false, true},
};

struct mp_row {
	const char *name;
	bool nc;
};

static const struct mp_row mp_rows[] = {{"[wb]", false}, {"[nc]", true}};

extern const uint8_t guest_image_start[], guest_image_end[];

/* One instance: the VM, its vCPUs (vCPU k runs on the instance's PE k), the shared page. */
struct shared_run {
	struct vcpu *v[SHARED_VCPUS_MAX];
	struct exit e[SHARED_VCPUS_MAX];
	unsigned count;
	volatile uint64_t *page; /* EL2's view of the shared page */
};

static const char *requires_lse(const void *row, char *why, size_t len)
{
	return ((const struct shared_row *)row)->lse ? cpu_requires(CPU_LSE, why, len) : NULL;
}

/* Guest RAM a 2 MiB block, the shared page a level-3 page, both Normal WB Inner Shareable. */
static int build_stage1(struct vm *vm)
{
	uint64_t attrs = PTE_S1_ATTRIDX(0) | PTE_SH_INNER | PTE_AF;

	_Static_assert((SHARED_IPA >> 30) == (GUEST_RAM_IPA >> 30), "one level-1 entry for both");
	return s1_put_desc(vm, SHARED_S1_L1, SHARED_IPA, 30, SHARED_S1_L2 | S1_DESC_TABLE) ||
	       s1_put_desc(vm, SHARED_S1_L2, SHARED_IPA, 21, SHARED_S1_L3 | S1_DESC_TABLE) ||
	       s1_put_desc(vm, SHARED_S1_L2, GUEST_RAM_IPA, 21,
			   GUEST_RAM_IPA | attrs | S1_DESC_BLOCK) ||
	       s1_put_desc(vm, SHARED_S1_L3, SHARED_IPA, 12, SHARED_IPA | attrs | S1_DESC_PAGE);
}

/*
 * shared_start() - the VM (stage 1 on, the shared page zeroed and mapped with @nc's attributes)
 * and @count vCPUs running @payload with N = @n. False (instance failed) on error; the page,
 * if it was taken, is in @sr for shared_release().
 */
static bool shared_start(struct scenario_ctx *c, struct shared_run *sr, uint64_t payload,
			 unsigned count, uint64_t n, bool nc)
{
	struct sc_setup s = {.payload = payload,
			     .args = {SHARED_IPA, n},
			     .vm = {.ram_size = SHARED_RAM_SIZE},
			     .vcpu = {.tcr_el1 = SHARED_TCR_EL1,
				      .ttbr0_el1 = SHARED_S1_L1,
				      .mair_el1 = MAIR_NORMAL_WB,
				      .sctlr_el1 = SCTLR_M | SCTLR_C | SCTLR_I,
				      .timeout_ms = SHARED_TIMEOUT_MS}};
	uint64_t s2attr = PTE_AF | PTE_SH_INNER | PTE_S2AP_RW |
			  PTE_S2_MEMATTR(nc ? S2_MEMATTR_NORMAL_NC : S2_MEMATTR_NORMAL_WB);
	struct vm *vm;

	*sr = (struct shared_run){.count = count};
	if ((size_t)(guest_image_end - guest_image_start) > SHARED_S1_L1 - GUEST_RAM_IPA) {
		sc_fail(c, "the guest image reaches the stage-1 tables: raise SHARED_RAM_SIZE");
		return false;
	}
	if (!(vm = sc_add_vm(c, &s))) {
		return false;
	}
	for (unsigned k = 0; k < count; k++) {
		s.args[2] = k | count << SHARED_ARG_COUNT_SHIFT;
		if (!(sr->v[k] = sc_add_vcpu(c, vm, &s))) {
			return false;
		}
	}
	if (!(sr->page = kalloc_pages(1, 4096))) {
		sc_fail(c, "no page for the shared page");
		return false;
	}
	/* Zeroed and cleaned to memory: a Non-cacheable guest reads memory, not EL2's lines. */
	memset((void *)sr->page, 0, 4096);
	kcache_clean_inval((const void *)sr->page, 4096);
	if (vm_map(vm, IPA(SHARED_IPA), PADDR((uintptr_t)sr->page), 4096, s2attr) ||
	    build_stage1(vm)) {
		sc_fail(c, "could not build the stage-1 tables or map the shared page");
		return false;
	}
	return true;
}

static void shared_release(struct shared_run *sr)
{
	if (sr->page) {
		kfree_pages((void *)sr->page, 1);
		sr->page = NULL;
	}
}

/* vCPU k on PE k, all at once: the others first (they wait at the rendezvous), then vCPU 0. */
static void shared_run_all(struct scenario_ctx *c, struct shared_run *sr)
{
	bool posted[SHARED_VCPUS_MAX] = {false};

	for (unsigned k = 1; k < sr->count; k++) {
		posted[k] = !sc_run_vcpu_on_async(c, sr->v[k], k, &sr->e[k]);
	}
	sr->e[0] = sc_run_vcpu(c, sr->v[0]);
	for (unsigned k = 1; k < sr->count; k++) {
		if (posted[k] && sc_pe_wait(c, k)) {
			sr->e[k] = (struct exit){.reason = EXIT_NONE};
		}
	}
	/* The guests may have written around EL2's cache (Non-cacheable): read memory. */
	kcache_clean_inval((const void *)sr->page, 4096);
}

static const char *status_name(uint64_t status)
{
	switch (status) {
	case SHARED_STATUS_DONE:
		return "done";
	case SHARED_STATUS_ARRIVE:
		return "the other vCPUs never arrived";
	case SHARED_STATUS_STUCK:
		return "stuck: the store kept failing";
	case SHARED_STATUS_TIMEOUT:
		return "the guest's deadline passed";
	case SHARED_STATUS_FAULT:
		return "an exception at EL1";
	}
	return "?";
}

/* A value the guest reported under @key, or @dflt. */
static uint64_t reported(const struct vcpu *v, unsigned key, uint64_t dflt)
{
	return v->reported & (1u << key) ? v->reports[key] : dflt;
}

/*
 * How vCPU @k's loop ended, and how many increments it performed: its reports, or (a Data
 * Abort taken to EL2) its done register x24 at the exit.
 */
static struct shared_pe shared_outcome(struct scenario_ctx *c, const struct shared_run *sr,
				       unsigned k)
{
	const struct vcpu *v = sr->v[k];
	const struct exit *e = &sr->e[k];
	struct shared_pe pe = {.end = SHARED_END_OTHER, .done = reported(v, SHARED_REPORT_DONE, 0)};
	uint64_t esr1 = reported(v, GREPORT_ESR_EL1, 0);

	sc_diag(c, "vcpu", "%u on cpu %u: exit %s, status 0x%llx (%s), done %llu, failures %llu", k,
		sc_pe(c, k), exit_reason_name(e->reason), (unsigned long long)e->status,
		e->reason == EXIT_GUEST_DONE ? status_name(e->status) : "-",
		(unsigned long long)pe.done,
		(unsigned long long)reported(v, SHARED_REPORT_FAILS, 0));
	if (e->reason == EXIT_DABT) {
		sc_diag_exit(c, e);
		pe.done = v->ctx.x[24];
		if ((esr_iss(e->esr) & ESR_ISS_ABT_FSC_MASK) == SHARED_DFSC_UNSUPPORTED) {
			pe.end = SHARED_END_UNSUPPORTED;
		}
		return pe;
	}
	if (e->reason != EXIT_GUEST_DONE) {
		sc_diag_exit(c, e);
		return pe;
	}
	if (v->reported & (1u << GREPORT_VECTOR)) {
		sc_diag(c, "el1_exception", "vector 0x%llx, ESR_EL1 0x%llx, ELR_EL1 0x%llx",
			(unsigned long long)v->reports[GREPORT_VECTOR], (unsigned long long)esr1,
			(unsigned long long)reported(v, GREPORT_ELR_EL1, 0));
	}
	if (e->status == SHARED_STATUS_DONE && !(v->reported & (1u << GREPORT_VECTOR))) {
		pe.end = SHARED_END_DONE;
	} else if (e->status == SHARED_STATUS_STUCK) {
		pe.end = SHARED_END_STUCK;
	} else if (e->status == SHARED_STATUS_FAULT && esr_ec(esr1) == ESR_EC_DABT_CUR &&
		   (esr_iss(esr1) & ESR_ISS_ABT_FSC_MASK) == SHARED_DFSC_UNSUPPORTED) {
		pe.end = SHARED_END_UNSUPPORTED;
	}
	return pe;
}

static void run_inc(struct scenario_ctx *c, const struct shared_row *r, unsigned count)
{
	struct shared_run sr;
	struct shared_pe pe[SHARED_VCPUS_MAX];
	char why[160];

	if (shared_start(c, &sr, r->payload, count, SHARED_N(count), r->nc)) {
		shared_run_all(c, &sr);
		uint64_t final = sr.page[SHARED_COUNTER / 8];

		for (unsigned k = 0; k < count; k++) {
			pe[k] = shared_outcome(c, &sr, k);
		}
		sc_diag(c, "counter", "%llu (N = %u per vCPU)", (unsigned long long) final,
			SHARED_N(count));
		if (!shared_model_check(r->kind, r->nc, pe, count, SHARED_N(count), final, why,
					sizeof(why))) {
			sc_fail(c, "%s", why);
		}
	}
	shared_release(&sr);
}

static void run_inc2(struct scenario_ctx *c, const void *row)
{
	run_inc(c, row, 2);
}

static void run_inc4(struct scenario_ctx *c, const void *row)
{
	run_inc(c, row, 4);
}

/*
 * Message passing: every reader must end with the flag at N and no read of the data below the
 * flag's value (or above N); the writer must complete. Ordinary Non-cacheable accesses are
 * always supported, so the same holds on both memory types.
 */
static void run_mp(struct scenario_ctx *c, const struct mp_row *r, unsigned count)
{
	struct shared_run sr;

	if (shared_start(c, &sr, GSYM(gp_shared_mp), count, SHARED_N(count), r->nc)) {
		shared_run_all(c, &sr);
		for (unsigned k = 0; k < count; k++) {
			const struct vcpu *v = sr.v[k];
			struct shared_pe pe = shared_outcome(c, &sr, k);

			if (k) {
				sc_diag(c, "reads", "vCPU %u: %llu, %llu of them mid-stream", k,
					(unsigned long long)pe.done,
					(unsigned long long)reported(v, SHARED_REPORT_EXTRA, 0));
			}
			if (pe.end != SHARED_END_DONE) {
				sc_fail(c, "vCPU %u did not complete its loop", k);
			} else if (k && reported(v, SHARED_REPORT_FAILS, 1)) {
				sc_fail(c,
					"vCPU %u read the data older than the flag (LDAR then LDR) "
					"%llu times",
					k, (unsigned long long)reported(v, SHARED_REPORT_FAILS, 1));
			}
		}
	}
	shared_release(&sr);
}

static void run_mp2(struct scenario_ctx *c, const void *row)
{
	run_mp(c, row, 2);
}

static void run_mp4(struct scenario_ctx *c, const void *row)
{
	run_mp(c, row, 4);
}

#define SHARED_INC_RULE                                                                            \
	"vCPUs of one VM on different PEs increment one counter N times each: exclusives "         \
	"(B2.9) and FEAT_LSE atomics never lose an increment, the counter ends at their sum; "     \
	"plain LDR/ADD/STR may lose them (within [2, count*N]); on Normal Non-cacheable memory "   \
	"an "                                                                                      \
	"exclusive or atomic may also take the IMPLEMENTATION DEFINED DFSC 0b110101 fault or an "  \
	"exclusive store may always fail"

#define SHARED_MP_RULE                                                                             \
	"message passing between PEs: data written with STR before a flag written with STLR is "   \
	"seen by a reader that reads the flag with LDAR and then the data (B2.3, "                 \
	"Load-Acquire/Store-Release)"

SCENARIO(smp_shared_inc2, .id = "smp.shared.inc2", .rule = SHARED_INC_RULE, SCENARIO_ROWS(inc_rows),
	 .requires = requires_lse, .run = run_inc2, .pes = 2);
SCENARIO(smp_shared_inc4, .id = "smp.shared.inc4", .rule = SHARED_INC_RULE, SCENARIO_ROWS(inc_rows),
	 .requires = requires_lse, .run = run_inc4, .pes = 4);
SCENARIO(smp_shared_mp2, .id = "smp.shared.mp2", .rule = SHARED_MP_RULE, SCENARIO_ROWS(mp_rows),
	 .run = run_mp2, .pes = 2);
SCENARIO(smp_shared_mp4, .id = "smp.shared.mp4", .rule = SHARED_MP_RULE, SCENARIO_ROWS(mp_rows),
	 .run = run_mp4, .pes = 4);
