/* SPDX-License-Identifier: MIT */
/*
 * PMUv3 register fields the harness's own counting uses (Arm ARM DDI 0487, D13 "The
 * Performance Monitors Extension" and D24.5 PMCR_EL0, PMEVTYPER<n>_EL0, PMCCFILTR_EL0,
 * PMCEID0_EL0). Pure definitions, host-compilable.
 */
#ifndef ARCH_PMUV3_H
#define ARCH_PMUV3_H

#include <stdint.h>

/* PMCR_EL0 */
#define PMCR_E	     (1ULL << 0) /* enable the counters of the first range and PMCCNTR */
#define PMCR_D	     (1ULL << 3) /* PMCCNTR counts every 64th cycle */
#define PMCR_N_SHIFT 11		 /* N, bits [15:11]: event counters implemented */
#define PMCR_N_MASK  0x1fULL
#define PMCR_N(pmcr) ((unsigned)(((pmcr) >> PMCR_N_SHIFT) & PMCR_N_MASK))

/*
 * Event filter of PMEVTYPER<n>_EL0 and PMCCFILTR_EL0 (same layout in bits [31:24]). The
 * pseudocode (AArch64.CountPMUEvents(), "filtered") in Non-secure state: EL0 is filtered when
 * U != NSU, EL1 when P != NSK, EL2 when NSH = 0, EL3 when M != P. So P = 1, U = 1, NSK = NSU =
 * 0, NSH = 1, M = 0 counts at (Non-secure) EL2 only.
 */
#define PMEVTYPER_P	   (1ULL << 31)
#define PMEVTYPER_U	   (1ULL << 30)
#define PMEVTYPER_NSH	   (1ULL << 27)
#define PMEVTYPER_EL2_ONLY (PMEVTYPER_P | PMEVTYPER_U | PMEVTYPER_NSH)
#define PMEVTYPER_EVT_MASK 0xffffULL

/* PMCNTENSET/CLR_EL0, PMOVSSET/CLR_EL0: bit 31 is PMCCNTR, bit n event counter n. */
#define PMU_CYCLE_BIT (1ULL << 31)

/* Common architectural events (D13.12). PMCEID0_EL0 bit n: event n is implemented. */
#define PMU_EVENT_INST_RETIRED 0x08

#endif /* ARCH_PMUV3_H */
