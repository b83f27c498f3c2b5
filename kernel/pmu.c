/* SPDX-License-Identifier: MIT */
/*
 * The harness's own EL2 counting with PMUv3 (see kernel/include/pmu.h for the choice of
 * counters): feature checks with the ID-register reason, and start/stop that leave the PMU as
 * they found it.
 */
#include <stdio.h>

#include "arch/idfields.h"
#include "pmu.h"

static unsigned pmu_version(void)
{
	return id_field(read_id_aa64dfr0_el1(), ID_DFR0_PMUVER_SHIFT);
}

const char *pmu_cycles_absent(char *why, size_t len)
{
	unsigned ver = pmu_version();

	/* 0: no PMU; 0xf: an IMPLEMENTATION DEFINED one, not PMUv3 (ID_AA64DFR0_EL1.PMUVer). */
	if (ver == 0 || ver == 0xf) {
		snprintf(why, len, "needs FEAT_PMUv3 (ID_AA64DFR0_EL1.PMUVer=%u)", ver);
		return why;
	}
	return NULL;
}

const char *pmu_insns_absent(char *why, size_t len)
{
	if (pmu_cycles_absent(why, len)) {
		return why;
	}
	unsigned n = PMCR_N(read_pmcr_el0());

	if (n == 0) {
		snprintf(why, len, "needs a PMU event counter (PMCR_EL0.N=0)");
		return why;
	}
	if (!(read_pmceid0_el0() & (1ULL << PMU_EVENT_INST_RETIRED))) {
		snprintf(why, len,
			 "needs event INST_RETIRED (PMCEID0_EL0 bit 8 = 0; QEMU counts it only "
			 "with -icount)");
		return why;
	}
	return NULL;
}

void pmu_el2_start(struct pmu_el2_saved *s)
{
	char why[80];
	uint64_t mine = PMU_CYCLE_BIT;

	s->pmcr = read_pmcr_el0();
	s->cntenset = read_pmcntenset_el0();
	s->ovsset = read_pmovsset_el0();
	s->ccfiltr = read_pmccfiltr_el0();
	s->ccntr = read_pmccntr_el0();
	s->selr = read_pmselr_el0();
	s->insns = pmu_insns_absent(why, sizeof(why)) == NULL;
	s->counter = s->insns ? PMCR_N(s->pmcr) - 1 : 0;
	/* Counters off while they are set up, so that nothing counts half-configured. */
	write_pmcntenclr_el0(PMU_CYCLE_BIT | (s->insns ? 1ULL << s->counter : 0));
	isb();
	write_pmccfiltr_el0(PMEVTYPER_EL2_ONLY);
	if (s->insns) {
		write_pmselr_el0(s->counter);
		isb();
		s->evtyper = read_pmxevtyper_el0();
		s->evcntr = read_pmxevcntr_el0();
		write_pmxevtyper_el0(PMEVTYPER_EL2_ONLY | PMU_EVENT_INST_RETIRED);
		mine |= 1ULL << s->counter;
	}
	/* E = 1 (the first range, which holds both); D = 0: PMCCNTR counts every cycle. */
	write_pmcr_el0((s->pmcr | PMCR_E) & ~PMCR_D);
	write_pmcntenset_el0(mine);
	isb();
}

void pmu_el2_stop(const struct pmu_el2_saved *s)
{
	uint64_t mine = PMU_CYCLE_BIT | (s->insns ? 1ULL << s->counter : 0);

	write_pmcntenclr_el0(mine);
	isb();
	write_pmcr_el0(s->pmcr);
	write_pmccfiltr_el0(s->ccfiltr);
	write_pmccntr_el0(s->ccntr);
	if (s->insns) {
		write_pmselr_el0(s->counter);
		isb();
		write_pmxevtyper_el0(s->evtyper);
		write_pmxevcntr_el0(s->evcntr);
	}
	write_pmselr_el0(s->selr);
	/* Overflow flags the counting may have raised go; the saved ones come back. */
	write_pmovsclr_el0(mine & ~s->ovsset);
	write_pmcntenset_el0(s->cntenset & mine);
	isb();
}
