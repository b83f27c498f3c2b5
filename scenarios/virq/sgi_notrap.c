/* SPDX-License-Identifier: MIT */
/*
 * virq.sgi.notrap: with HCR_EL2.IMO = FMO = 0 and ICH_HCR_EL2.TC = 0 nothing traps an EL1
 * write to ICC_SGI1R_EL1 (IHI 0069 12.2, "Traps and enables"): it reaches the physical CPU
 * interface and generates a physical SGI, as for any EL1 software without a hypervisor.
 *
 * Safe for the harness: the guest is three instructions with PSTATE.I and F masked (the
 * watchdog's IRQ goes to EL1 while IMO = 0 and cannot stop it, see vcpu_config.hcr_clear), and
 * the value names either this PE or an affinity no PE has, never IRM = 1: at most this PE's
 * SGI becomes pending. The harness leaves SGIs disabled, so it is never signalled; the
 * scenario checks the redistributor's pending bit against the oracle (sgi_targets() for this
 * PE's own MPIDR_EL1) and clears it.
 *
 * Only ICC_SGI1R_EL1: an SGI0R or ASGI1R write from Non-secure EL1 generates Group 0 (or
 * Secure Group 1) SGIs, which the redistributor forwards only to SGIs configured in that group
 * ("Forwarding an SGI to a target PE"), and the harness configures every SGI as Group 1, so
 * those rows would only show "not pending" for a reason the oracle does not model.
 */
#include <stdio.h>

#include "arch/el2.h"
#include "arch/sysreg.h"
#include "cpu_id.h"
#include "gic.h"
#include "scenario.h"
#include "sgi_model.h"

#define ICC_CTLR_RSS (1ULL << 18)

struct sgi_notrap_row {
	const char *name;
	unsigned intid;
	bool nowhere; /* Aff3.Aff2 = 0xfe.0xfd: no PE; else this PE's own affinity */
};

static const struct sgi_notrap_row sgi_notrap_rows[] = {
	{"[sgi1r,self,intid=3]", 3, false},
	{"[sgi1r,self,intid=14]", 14, false},
	{"[sgi1r,nowhere,intid=5]", 5, true},
};

/* The IRM = 0 value naming this PE (@self: MPIDR_EL1) or nobody. */
static uint64_t notrap_value(const struct sgi_notrap_row *r, uint64_t self, bool rss)
{
	unsigned aff0 = MPIDR_AFF0(self);
	struct sgi_request q = {
		.intid = r->intid,
		.aff1 = MPIDR_AFF1(self),
		.aff2 = r->nowhere ? 0xfd : MPIDR_AFF2(self),
		.aff3 = r->nowhere ? 0xfe : MPIDR_AFF3(self),
		.rs = rss ? aff0 / 16 : 0,
		.target_list = (uint16_t)(1u << (aff0 % 16)),
	};

	return sgi_encode(&q);
}

static const char *sgi_notrap_requires(const void *row, char *why, size_t len)
{
	(void)row;
	const char *no = cpu_requires(CPU_GICV3, why, len);

	if (no) {
		return no;
	}
	/* Aff0 16..255 needs RS, which ICC_CTLR_EL1.RSS = 0 does not have. */
	if (MPIDR_AFF0(read_mpidr_el1()) >= 16 && !(read_icc_ctlr_el1() & ICC_CTLR_RSS)) {
		snprintf(why, len, "needs ICC_CTLR_EL1.RSS = 1 for this PE's Aff0 %u",
			 MPIDR_AFF0(read_mpidr_el1()));
		return why;
	}
	return NULL;
}

static void run_sgi_notrap(struct scenario_ctx *c, const void *row)
{
	const struct sgi_notrap_row *r = row;
	uint64_t self = read_mpidr_el1();
	bool rss = read_icc_ctlr_el1() & ICC_CTLR_RSS;
	uint64_t value = notrap_value(r, self, rss);
	bool want = sgi_targets(value, &self, 1, 0, rss) != 0;
	struct sc_setup s = {
		.payload = GSYM(gp_vsgi_send),
		.args = {value},
		.vcpu = {.hcr_clear = HCR_IMO | HCR_FMO},
	};

	if (gic_irq_pending(r->intid)) {
		sc_fail(c, "SGI %u is pending before the guest ran", r->intid);
		return;
	}
	if (!sc_start(c, &s)) {
		return;
	}
	struct exit e = sc_run(c);
	bool pending = gic_irq_pending(r->intid);

	gic_irq_set_pending(r->intid, false);
	sc_diag(c, "icc_sgi1r_el1", "0x%llx (this PE: MPIDR_EL1 0x%llx)", (unsigned long long)value,
		(unsigned long long)self);
	if (sc_expect_done(c, &e, 0)) {
		sc_expect_u64(c, "gicr_ispendr0_sgi", pending, want);
	}
}

SCENARIO(virq_sgi_notrap, .id = "virq.sgi.notrap",
	 .rule = "with HCR_EL2.IMO = FMO = 0 and ICH_HCR_EL2.TC = 0 an EL1 write to ICC_SGI1R_EL1 "
		 "is not trapped (IHI 0069 12.2): it generates the physical SGI, pending in this "
		 "PE's redistributor exactly when Aff3.Aff2.Aff1.<target list> names this PE",
	 SCENARIO_ROWS(sgi_notrap_rows), .requires = sgi_notrap_requires, .run = run_sgi_notrap);
