/* SPDX-License-Identifier: MIT */
/* The cross-PE probe (xpe_probe.h). */
#include "xpe_probe.h"

#include "arch/sysreg.h"
#include "counter.h"
#include "esr_model.h"
#include "smp.h"

/*
 * The vCPUs' watchdog budget. v[1] is in the guest for the whole instance, PE 0's work
 * included, so its budget is wall time of the instance, which a loaded host stretches (runs
 * with 2 host cores and a load of 14 saw instances over 1 s): 5 s more than a vCPU's own.
 * Every wait for v[1] here is bounded by it plus a margin, so a hung guest is ended by its
 * watchdog before sc_pe_wait() (bounded by 2 * vmm_timeout_ms() + 1 s) is asked to judge PE 1.
 */
static unsigned budget_ms(void)
{
	return vmm_timeout_ms() + 5000;
}

static uint64_t limit_us(void)
{
	return (budget_ms() + 500) * 1000ull;
}

bool xpe_setup(struct scenario_ctx *c, struct xpe *x, uint64_t hcr)
{
	struct vm_config cfg = {0};

	*x = (struct xpe){0};
	if (!s2probe_add(c, &x->p, &cfg, 1, true, false)) {
		return false;
	}
	for (unsigned k = 0; k < XPE_VCPUS; k++) {
		x->mb_ipa[k] = s2probe_free_ipa(&x->p) + k * XP_SIZE;
		x->mb[k] = vm_ram_ptr(x->p.vm, IPA(x->mb_ipa[k]), XP_SIZE);

		struct sc_setup s = {.payload = GSYM(gp_xpe_probe),
				     .args = {PROBE_IPA, x->mb_ipa[k]},
				     .vcpu = {.hcr = hcr, .timeout_ms = budget_ms()}};

		s2probe_s1_config(&cfg, &s.vcpu);
		if (!x->mb[k] || !(x->v[k] = sc_add_vcpu(c, x->p.vm, &s))) {
			sc_fail(c, "cross-PE probe setup failed");
			return false;
		}
	}
	return true;
}

bool xpe_start1(struct scenario_ctx *c, struct xpe *x)
{
	if (sc_run_vcpu_on_async(c, x->v[1], 1, &x->exit1)) {
		return false;
	}
	x->running1 = x->started1 = true;
	return true;
}

/* Operands first, then the sequence number the guest spins on (release: EL2 and EL1 share WB). */
static void post(struct xpe *x, unsigned k, uint64_t op, uint64_t arg, uint64_t addr)
{
	x->mb[k][XP_OP / 8] = op;
	x->mb[k][XP_ARG / 8] = arg;
	x->mb[k][XP_ADDR / 8] = addr;
	__atomic_store_n(&x->mb[k][XP_SEQ / 8], ++x->seq[k], __ATOMIC_RELEASE);
}

static bool acked(const struct xpe *x, unsigned k)
{
	return __atomic_load_n(&x->mb[k][XP_ACK / 8], __ATOMIC_ACQUIRE) == x->seq[k];
}

void xpe_post1(struct xpe *x, uint64_t op, uint64_t arg, uint64_t addr)
{
	post(x, 1, op, arg, addr);
}

/* v[1]: wait for the ack, or for the run to end (a fault, its watchdog), bounded. */
bool xpe_wait1(struct scenario_ctx *c, struct xpe *x, struct exit *e)
{
	uint64_t t0 = counter_now_us();

	while (!acked(x, 1)) {
		if (smp_call_done(sc_pe(c, 1))) {
			/* The run ended; the ack may have landed just before the fault. */
			x->running1 = false;
			if (acked(x, 1)) {
				break;
			}
			if (e) {
				*e = x->exit1;
			} else {
				sc_fail(c, "vCPU 1's run on cpu %u ended before its op was done",
					sc_pe(c, 1));
				sc_diag_exit(c, &x->exit1);
			}
			return false;
		}
		if (counter_now_us() - t0 > limit_us()) {
			sc_fail(c, "vCPU 1 on cpu %u did not acknowledge op %llu within %llu ms",
				sc_pe(c, 1), (unsigned long long)x->mb[1][XP_OP / 8],
				(unsigned long long)limit_us() / 1000);
			sc_diag(c, "mailbox", "seq %llu, ack %llu, spin rounds %llu",
				(unsigned long long)x->seq[1],
				(unsigned long long)x->mb[1][XP_ACK / 8],
				(unsigned long long)x->mb[1][XP_LIVE / 8]);
			return false;
		}
	}
	if (e) {
		*e = (struct exit){.reason = EXIT_NONE};
	}
	return true;
}

bool xpe_op(struct scenario_ctx *c, struct xpe *x, unsigned k, uint64_t op, uint64_t arg,
	    uint64_t addr, struct exit *e)
{
	if (k == 1) {
		if (!x->running1) {
			sc_fail(c, "vCPU 1 is not running");
			return false;
		}
		post(x, 1, op, arg, addr);
		return xpe_wait1(c, x, e);
	}
	post(x, 0, op | XP_OP_YIELD, arg, addr);

	struct exit r = sc_run_vcpu(c, x->v[0]);

	if (e) {
		*e = r;
	}
	if (r.reason == EXIT_DABT && e) {
		return false; /* the caller judges the fault */
	}
	/* The yield after the op; checked quietly when right (an instance makes many). */
	if (r.reason == EXIT_HVC && r.esr == esr_expect_hvc64(XP_YIELD_IMM) &&
	    r.elr == GSYM(gl_xp_yield) && x->mb[0][XP_ACK / 8] == x->seq[0]) {
		return true;
	}
	sc_expect_exit(c, &r, EXIT_HVC, esr_expect_hvc64(XP_YIELD_IMM), GSYM(gl_xp_yield));
	sc_expect_u64(c, "vcpu 0 ack", x->mb[0][XP_ACK / 8], x->seq[0]);
	return false;
}

/* v[1]'s run ends within its budget: wait that long, then let sc_pe_wait() judge PE 1. */
static bool join1(struct scenario_ctx *c, struct xpe *x)
{
	uint64_t t0 = counter_now_us();

	x->running1 = false;
	while (!smp_call_done(sc_pe(c, 1)) && counter_now_us() - t0 < limit_us()) {
	}
	return sc_pe_wait(c, 1) == 0;
}

bool xpe_stop1(struct scenario_ctx *c, struct xpe *x)
{
	if (!x->running1) {
		return true;
	}
	post(x, 1, XP_OP_QUIT, 0, 0);
	if (!join1(c, x)) {
		return false;
	}
	return sc_expect_done(c, &x->exit1, XP_STATUS_DONE);
}

unsigned xpe_read_out(const struct xpe *x, unsigned k)
{
	return s2probe_classify(x->mb[k][XP_OUT0 / 8], x->mb[k][XP_OUT1 / 8]);
}

uint64_t xpe_mb(const struct xpe *x, unsigned k, unsigned off)
{
	return x->mb[k][off / 8];
}

void xpe_finish(struct scenario_ctx *c, struct xpe *x)
{
	if (x->running1) {
		xpe_stop1(c, x);
	} else if (x->started1) {
		join1(c, x);
	}
}
