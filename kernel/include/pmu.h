/* SPDX-License-Identifier: MIT */
/*
 * The harness's own use of the PMU, from EL2: the cycle counter (PMCCNTR_EL0) and one event
 * counter counting INST_RETIRED, both filtered to EL2, to measure what the harness itself does
 * (e.g. the cost of a guest exit, bench.exit.*). Guests' time does not count.
 *
 * Which counter, and why. The harness keeps MDCR_EL2.HPMN = PMCR_EL0.N (vmm/vcpu.c), so every
 * counter belongs to the first range, which EL1 may use and PMCR_EL0.E enables: no counter is
 * reserved for EL2 with HPMN < N and MDCR_EL2.HPME, because that would change the PMCR_EL0.N
 * every guest reads and the legal MDCR_EL2.HPMN values of the el2.ctrl and trap rows. Counting
 * at EL2 in that range is allowed with MDCR_EL2.HPMD = 0 and HCCD = 0 (the harness's values)
 * and chosen by the filter's NSH bit. The harness takes event counter N - 1 (the FGT rows of
 * trap.fgt use counter 0) and the cycle counter only between pmu_el2_start() and
 * pmu_el2_stop(), around guests that do not touch the PMU, and puts back everything it
 * changed, so a later instance finds the PMU as before.
 */
#ifndef KERNEL_PMU_H
#define KERNEL_PMU_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arch/pmuv3.h"
#include "arch/sysreg.h"

/** What pmu_el2_start() changed, to put back. */
struct pmu_el2_saved {
	uint64_t pmcr, cntenset, ovsset, ccfiltr, ccntr, selr, evtyper, evcntr;
	unsigned counter; /* the event counter used (PMCR_EL0.N - 1); only with .insns */
	bool insns;	  /* an event counter counts INST_RETIRED */
};

/** One reading: EL2 cycles (PMCCNTR_EL0) and EL2 instructions retired (0 without). */
struct pmu_count {
	uint64_t cycles;
	uint64_t insns;
};

/**
 * pmu_cycles_absent() - NULL when the EL2 cycle counter can be used (FEAT_PMUv3:
 * ID_AA64DFR0_EL1.PMUVer not 0 and not 0xf), else the SKIP reason, written to @why.
 */
const char *pmu_cycles_absent(char *why, size_t len);

/**
 * pmu_insns_absent() - NULL when an event counter can count INST_RETIRED: a PMUv3 with at
 * least one event counter (PMCR_EL0.N) whose PMCEID0_EL0 says the event is implemented. QEMU
 * implements it only with precise -icount (target/arm/helper.c instructions_supported(): 7.2
 * and 10.0 alike), and then clears nothing else; without -icount PMCEID0_EL0 bit 8 reads 0.
 */
const char *pmu_insns_absent(char *why, size_t len);

/**
 * pmu_el2_start() - save the PMU state the harness changes into @s, then count EL2 cycles
 * (PMCCFILTR_EL0) and, if pmu_insns_absent() is NULL, EL2 INST_RETIRED in event counter N - 1
 * (selected in PMSELR_EL0 until pmu_el2_stop(), so pmu_el2_read() is two MRS). Only with
 * pmu_cycles_absent() NULL.
 */
void pmu_el2_start(struct pmu_el2_saved *s);

/** pmu_el2_stop() - stop counting and put back what pmu_el2_start() saved in @s. */
void pmu_el2_stop(const struct pmu_el2_saved *s);

/**
 * pmu_el2_read() - the two counters now (between pmu_el2_start() and pmu_el2_stop()). The ISB
 * first: every earlier instruction is counted, none of the later ones.
 */
static inline struct pmu_count pmu_el2_read(bool insns)
{
	struct pmu_count c;

	isb();
	c.cycles = read_pmccntr_el0();
	c.insns = insns ? read_pmxevcntr_el0() : 0;
	return c;
}

/**
 * pmu_count_delta() - @b - @a: the cycle counter is 64 bits, an event counter 32 (PMCR_EL0.LP
 * is 0 here), so its difference is taken modulo 2^32. Pure, host-tested.
 */
static inline struct pmu_count pmu_count_delta(struct pmu_count a, struct pmu_count b)
{
	return (struct pmu_count){.cycles = b.cycles - a.cycles,
				  .insns = (uint32_t)(b.insns - a.insns)};
}

#endif /* KERNEL_PMU_H */
